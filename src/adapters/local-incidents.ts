/**
 * The IncidentLog port on markdown files, for the CLI outside GitHub: `<folder>/<id>.md` per
 * incident. The first event writes the title and its report; a later event appends a section
 * after a rule; the same event again changes nothing. Each event leaves the same hidden marker
 * as on GitHub, which is how a re-run knows it is there.
 *
 * A write replaces the file whole (a temporary file renamed over it), so a reader never sees half
 * of one; a short lock file keeps two processes from appending over each other.
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import {
  checkIncidentId,
  cleanTitle,
  disarmMarkers,
  eventMarker,
  holdsMarker,
  incidentMarker,
} from "../core/notify/incident-text.ts";
import { ShipguardError, shipguardError } from "../errors.ts";
import type { Incident, IncidentLog, IncidentRecord, Logger } from "../ports.ts";
import { errnoOf, type LocalFiles, makeFolder, nodeFiles } from "./local-files.ts";
import { acquireShortLock } from "./lock-file.ts";

/** Where the CLI keeps the incidents: `incidents/` next to the ledger file (.shipguard/ by default). */
export function incidentsFolder(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), "incidents");
}

/** A lock older than this was left by a crash: writing one file takes milliseconds. */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

export class LocalIncidentLog implements IncidentLog {
  readonly describe: string;
  readonly #folder: string;
  readonly #logger: Logger;
  readonly #files: LocalFiles;

  /** `files`: the file operations (tests make them fail). */
  constructor(folder: string, logger: Logger, options: { files?: LocalFiles } = {}) {
    this.#folder = path.resolve(folder);
    this.#logger = logger;
    this.#files = options.files ?? nodeFiles;
    this.describe = `the incident files in ${this.#folder}`;
  }

  async record(incident: Incident): Promise<IncidentRecord> {
    const id = checkIncidentId(incident.id);
    const file = path.join(this.#folder, `${id}.md`);
    // The id's characters cannot leave the folder; this says so where it matters.
    if (path.dirname(file) !== this.#folder) throw shipguardError("SG_INCIDENT_ID_INVALID", { id });
    const marker = eventMarker(id, incident.event);
    // The incidents live in the ledger's folder (.shipguard/incidents/): that one gets the .gitignore.
    await makeFolder(this.#folder, path.dirname(this.#folder), this.#files).catch((error: unknown) => {
      throw this.#ioError(file, error);
    });
    return this.#locked(file, async () => {
      const before = await this.#read(file);
      if (holdsMarker(before, marker)) {
        this.#logger.debug(`Incident ${id}: ${incident.event} is already in ${file}.`);
        return { action: "unchanged", where: file };
      }
      const report = disarmMarkers(incident.report).trim();
      // An empty file (a crash between create and write, or a person's) starts the incident.
      const fresh = before === null || before.trim() === "";
      // The title is disarmed too, after it is cleaned (a control character becomes a space, which
      // could complete a marker): the whole file is searched for markers.
      const title = disarmMarkers(cleanTitle(incident.title));
      const text = fresh
        ? `# ${title}\n\n${incidentMarker(id)}\n${marker}\n\n${report}\n`
        : `${before.trimEnd()}\n\n---\n\n${marker}\n\n${report}\n`;
      await this.#replace(file, text);
      this.#logger.debug(`Incident ${id}: ${fresh ? "wrote" : "added"} ${incident.event} in ${file}.`);
      return { action: fresh ? "opened" : "commented", where: file };
    });
  }

  /**
   * The file's text, or null when there is none. A symbolic link is never followed (nor replaced:
   * it was put there by someone), and a file that is not UTF-8 is never rewritten, which would
   * turn its bytes into U+FFFD for good: both are refused, as is anything but a regular file (a
   * named pipe would block the read for ever; O_NONBLOCK lets the open return).
   */
  async #read(file: string): Promise<string | null> {
    let handle: FileHandle;
    try {
      handle = await this.#files.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      if (errnoOf(error) === "ENOENT") return null;
      if (errnoOf(error) === "ELOOP") throw this.#refused(file, "it is a symbolic link");
      throw this.#ioError(file, error);
    }
    try {
      if (!(await handle.stat()).isFile()) throw this.#refused(file, "it is not a regular file");
      const bytes = await handle.readFile();
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        throw this.#refused(file, "it is not valid UTF-8");
      }
    } catch (error) {
      throw this.#ioError(file, error);
    } finally {
      await handle.close();
    }
  }

  #refused(file: string, detail: string): ShipguardError {
    return shipguardError("SG_INCIDENT_FILE_IO", {
      file,
      detail: `${detail}, so shipguard does not write it`,
      folder: this.#folder,
      refused: true,
    });
  }

  /** Writes a temporary file beside `file`, flushed to disk, then renames it over `file`. */
  async #replace(file: string, text: string): Promise<void> {
    const temporary = path.join(
      this.#folder,
      `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`,
    );
    try {
      const handle = await this.#files.open(temporary, "wx");
      try {
        await handle.writeFile(text, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.#files.rename(temporary, file);
    } catch (error) {
      await this.#files.rm(temporary, { force: true }).catch(() => undefined);
      throw this.#ioError(file, error);
    }
  }

  async #locked<T>(file: string, work: () => Promise<T>): Promise<T> {
    const release = await acquireShortLock(`${file}.lock`, {
      staleMs: STALE_LOCK_MS,
      waitMs: LOCK_WAIT_MS,
      logger: this.#logger,
      files: this.#files,
    }).catch((error: unknown) => {
      throw this.#ioError(file, error);
    });
    try {
      return await work();
    } finally {
      await release();
    }
  }

  #ioError(file: string, error: unknown): ShipguardError {
    if (error instanceof ShipguardError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return shipguardError(
      "SG_INCIDENT_FILE_IO",
      { file, detail, folder: this.#folder, errno: errnoOf(error) },
      { cause: error },
    );
  }
}

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
import { mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
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
import { breakStaleLock } from "./lock-file.ts";
import { sleep } from "./sleep.ts";

/** Where the CLI keeps the incidents of a repository: next to its ledger. */
export function defaultIncidentsFolder(repositoryTop: string): string {
  return path.join(repositoryTop, ".shipguard", "incidents");
}

/** A lock older than this was left by a crash: writing one file takes milliseconds. */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 10_000;
const LOCK_POLL_MS = 50;

export class LocalIncidentLog implements IncidentLog {
  readonly describe: string;
  readonly #folder: string;
  readonly #logger: Logger;

  constructor(folder: string, logger: Logger) {
    this.#folder = path.resolve(folder);
    this.#logger = logger;
    this.describe = `the incident files in ${this.#folder}`;
  }

  async record(incident: Incident): Promise<IncidentRecord> {
    const id = checkIncidentId(incident.id);
    const file = path.join(this.#folder, `${id}.md`);
    // The id's characters cannot leave the folder; this says so where it matters.
    if (path.dirname(file) !== this.#folder) throw shipguardError("SG_INCIDENT_ID_INVALID", { id });
    const marker = eventMarker(id, incident.event);
    await this.#makeFolder(file);
    return this.#locked(file, async () => {
      const before = await this.#read(file);
      if (holdsMarker(before, marker)) {
        this.#logger.debug(`Incident ${id}: ${incident.event} is already in ${file}.`);
        return { action: "unchanged", where: file };
      }
      const report = disarmMarkers(incident.report).trim();
      // An empty file (a crash between create and write, or a person's) starts the incident.
      const fresh = before === null || before.trim() === "";
      const text = fresh
        ? `# ${cleanTitle(incident.title)}\n\n${incidentMarker(id)}\n${marker}\n\n${report}\n`
        : `${before.trimEnd()}\n\n---\n\n${marker}\n\n${report}\n`;
      await this.#replace(file, text);
      this.#logger.debug(`Incident ${id}: ${fresh ? "wrote" : "added"} ${incident.event} in ${file}.`);
      return { action: fresh ? "opened" : "commented", where: file };
    });
  }

  async #makeFolder(file: string): Promise<void> {
    try {
      const created = await mkdir(this.#folder, { recursive: true });
      // Made the ledger's own `.shipguard` folder: like the ledger, keep it out of commits.
      const parent = path.dirname(this.#folder);
      if (created !== undefined && path.basename(parent) === ".shipguard" && created === parent) {
        await writeFile(path.join(parent, ".gitignore"), "*\n", { flag: "wx" }).catch(() => undefined);
      }
    } catch (error) {
      throw this.#ioError(file, error);
    }
  }

  async #read(file: string): Promise<string | null> {
    try {
      return await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw this.#ioError(file, error);
    }
  }

  /** Writes a temporary file beside `file`, flushed to disk, then renames it over `file`. */
  async #replace(file: string, text: string): Promise<void> {
    const temporary = path.join(
      this.#folder,
      `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`,
    );
    try {
      const handle = await open(temporary, "wx");
      try {
        await handle.writeFile(text, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw this.#ioError(file, error);
    }
  }

  async #locked<T>(file: string, work: () => Promise<T>): Promise<T> {
    const lock = `${file}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await (await open(lock, "wx")).close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw this.#ioError(file, error);
      }
      const broken = await breakStaleLock(lock, (info) =>
        Date.now() - info.mtimeMs > STALE_LOCK_MS ? "older than 30 s" : null,
      );
      if (broken !== null) this.#logger.warning(`Removed the stale lock ${lock} (${broken}).`);
      else if (Date.now() > deadline) {
        throw this.#ioError(file, new Error(`${lock} is held by another shipguard process`));
      } else await sleep(LOCK_POLL_MS);
    }
    try {
      return await work();
    } finally {
      await rm(lock, { force: true });
    }
  }

  #ioError(file: string, error: unknown): ShipguardError {
    if (error instanceof ShipguardError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return shipguardError("SG_INCIDENT_FILE_IO", { file, detail, folder: this.#folder }, { cause: error });
  }
}

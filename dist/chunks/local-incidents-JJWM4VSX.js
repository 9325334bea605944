import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  checkIncidentId,
  cleanTitle,
  disarmMarkers,
  eventMarker,
  holdsMarker,
  incidentMarker
} from "./chunk-K5BSJCEJ.js";
import {
  acquireShortLock,
  errnoOf,
  makeFolder,
  nodeFiles
} from "./chunk-6UUCRF52.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-XD65SSXG.js";
import {
  ShipguardError,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/local-incidents.ts
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import path from "node:path";
function incidentsFolder(ledgerFile) {
  return path.join(path.dirname(ledgerFile), "incidents");
}
var STALE_LOCK_MS = 3e4;
var LOCK_WAIT_MS = 1e4;
var LocalIncidentLog = class {
  describe;
  #folder;
  #logger;
  #files;
  /** `files`: the file operations (tests make them fail). */
  constructor(folder, logger, options = {}) {
    this.#folder = path.resolve(folder);
    this.#logger = logger;
    this.#files = options.files ?? nodeFiles;
    this.describe = `the incident files in ${this.#folder}`;
  }
  async record(incident) {
    const id = checkIncidentId(incident.id);
    const file = path.join(this.#folder, `${id}.md`);
    if (path.dirname(file) !== this.#folder) throw shipguardError("SG_INCIDENT_ID_INVALID", { id });
    const marker = eventMarker(id, incident.event);
    await makeFolder(this.#folder, path.dirname(this.#folder), this.#files).catch((error) => {
      throw this.#ioError(file, error);
    });
    return this.#locked(file, async () => {
      const before = await this.#read(file);
      if (holdsMarker(before, marker)) {
        this.#logger.debug(`Incident ${id}: ${incident.event} is already in ${file}.`);
        return { action: "unchanged", where: file };
      }
      const report = disarmMarkers(incident.report).trim();
      const fresh = before === null || before.trim() === "";
      const title = disarmMarkers(cleanTitle(incident.title));
      const text = fresh ? `# ${title}

${incidentMarker(id)}
${marker}

${report}
` : `${before.trimEnd()}

---

${marker}

${report}
`;
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
  async #read(file) {
    let handle;
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
  #refused(file, detail) {
    return shipguardError("SG_INCIDENT_FILE_IO", {
      file,
      detail: `${detail}, so shipguard does not write it`,
      folder: this.#folder,
      refused: true
    });
  }
  /** Writes a temporary file beside `file`, flushed to disk, then renames it over `file`. */
  async #replace(file, text) {
    const temporary = path.join(
      this.#folder,
      `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`
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
      await this.#files.rm(temporary, { force: true }).catch(() => void 0);
      throw this.#ioError(file, error);
    }
  }
  async #locked(file, work) {
    const release = await acquireShortLock(`${file}.lock`, {
      staleMs: STALE_LOCK_MS,
      waitMs: LOCK_WAIT_MS,
      logger: this.#logger,
      files: this.#files
    }).catch((error) => {
      throw this.#ioError(file, error);
    });
    try {
      return await work();
    } finally {
      await release();
    }
  }
  #ioError(file, error) {
    if (error instanceof ShipguardError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return shipguardError(
      "SG_INCIDENT_FILE_IO",
      { file, detail, folder: this.#folder, errno: errnoOf(error) },
      { cause: error }
    );
  }
};
export {
  LocalIncidentLog,
  incidentsFolder
};

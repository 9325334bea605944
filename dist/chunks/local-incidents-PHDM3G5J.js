import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  checkIncidentId,
  cleanTitle,
  disarmMarkers,
  eventMarker,
  holdsMarker,
  incidentMarker
} from "./chunk-AGI4MFXK.js";
import {
  makeFolder
} from "./chunk-4YMKU65Y.js";
import {
  acquireShortLock
} from "./chunk-4KWSOP4I.js";
import "./chunk-XILQOYBE.js";
import "./chunk-XD65SSXG.js";
import {
  ShipguardError,
  shipguardError
} from "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";

// src/adapters/local-incidents.ts
import { randomBytes } from "node:crypto";
import { open, readFile, rename, rm } from "node:fs/promises";
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
  constructor(folder, logger) {
    this.#folder = path.resolve(folder);
    this.#logger = logger;
    this.describe = `the incident files in ${this.#folder}`;
  }
  async record(incident) {
    const id = checkIncidentId(incident.id);
    const file = path.join(this.#folder, `${id}.md`);
    if (path.dirname(file) !== this.#folder) throw shipguardError("SG_INCIDENT_ID_INVALID", { id });
    const marker = eventMarker(id, incident.event);
    await makeFolder(this.#folder).catch((error) => {
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
      const text = fresh ? `# ${cleanTitle(incident.title)}

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
  async #read(file) {
    try {
      return await readFile(file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return null;
      throw this.#ioError(file, error);
    }
  }
  /** Writes a temporary file beside `file`, flushed to disk, then renames it over `file`. */
  async #replace(file, text) {
    const temporary = path.join(
      this.#folder,
      `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`
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
  async #locked(file, work) {
    const release = await acquireShortLock(`${file}.lock`, {
      staleMs: STALE_LOCK_MS,
      waitMs: LOCK_WAIT_MS,
      logger: this.#logger
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
    return shipguardError("SG_INCIDENT_FILE_IO", { file, detail, folder: this.#folder }, { cause: error });
  }
};
export {
  LocalIncidentLog,
  incidentsFolder
};

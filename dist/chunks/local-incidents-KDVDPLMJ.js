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
  breakStaleLock
} from "./chunk-4UEII6OA.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import {
  ShipguardError,
  shipguardError
} from "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";

// src/adapters/local-incidents.ts
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
function defaultIncidentsFolder(repositoryTop) {
  return path.join(repositoryTop, ".shipguard", "incidents");
}
var STALE_LOCK_MS = 3e4;
var LOCK_WAIT_MS = 1e4;
var LOCK_POLL_MS = 50;
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
    await this.#makeFolder(file);
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
  async #makeFolder(file) {
    try {
      const created = await mkdir(this.#folder, { recursive: true });
      const parent = path.dirname(this.#folder);
      if (created !== void 0 && path.basename(parent) === ".shipguard" && created === parent) {
        await writeFile(path.join(parent, ".gitignore"), "*\n", { flag: "wx" }).catch(() => void 0);
      }
    } catch (error) {
      throw this.#ioError(file, error);
    }
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
    const lock = `${file}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (; ; ) {
      try {
        await (await open(lock, "wx")).close();
        break;
      } catch (error) {
        if (error.code !== "EEXIST") throw this.#ioError(file, error);
      }
      const broken = await breakStaleLock(
        lock,
        (info) => Date.now() - info.mtimeMs > STALE_LOCK_MS ? "older than 30 s" : null
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
  #ioError(file, error) {
    if (error instanceof ShipguardError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return shipguardError("SG_INCIDENT_FILE_IO", { file, detail, folder: this.#folder }, { cause: error });
  }
};
export {
  LocalIncidentLog,
  defaultIncidentsFolder
};

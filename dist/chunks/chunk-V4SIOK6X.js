import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  acquireShortLock,
  errnoOf,
  ledgerIoError,
  makeFolder,
  nodeFiles
} from "./chunk-6UUCRF52.js";
import {
  isDeploymentState,
  payloadFrom,
  sameEnvironment,
  taskFor,
  truncateDescription
} from "./chunk-ZMIH3YQE.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/adapters/local-ledger.ts
import { randomUUID } from "node:crypto";
import { open, stat } from "node:fs/promises";
import path from "node:path";

// src/adapters/local-ledger-event.ts
function parseEvent(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const line = value;
  if (typeof line.id !== "string" || line.id === "" || typeof line.createdAt !== "string") return null;
  if (line.type === "deployment") {
    const payload = payloadFrom(line.payload);
    if (payload === null || typeof line.environment !== "string") return null;
    if (line.creator !== null && typeof line.creator !== "string") return null;
    return {
      type: "deployment",
      record: {
        id: line.id,
        environment: line.environment,
        createdAt: line.createdAt,
        creator: line.creator,
        payload
      },
      description: typeof line.description === "string" ? line.description : ""
    };
  }
  if (line.type === "status") {
    if (!isDeploymentState(line.state)) return null;
    if (typeof line.description !== "string") return null;
    const logUrl = line.logUrl ?? null;
    const environmentUrl = line.environmentUrl ?? null;
    if (logUrl !== null && typeof logUrl !== "string" || environmentUrl !== null && typeof environmentUrl !== "string")
      return null;
    return {
      type: "status",
      id: line.id,
      status: {
        state: line.state,
        description: line.description,
        createdAt: line.createdAt,
        logUrl,
        environmentUrl
      }
    };
  }
  return null;
}

// src/adapters/local-ledger.ts
function defaultLedgerPath(repositoryTop) {
  return path.join(repositoryTop, ".shipguard", "deployments.jsonl");
}
var NEWLINE = 10;
var LocalLedger = class {
  describe;
  #file;
  #lockFile;
  #logger;
  #now;
  #newId;
  #creator;
  #staleLockMs;
  #files;
  #snapshot = emptySnapshot();
  /** The offset of the unfinished line last warned about, so it is reported once. */
  #warnedTailAt = -1;
  /** Reads one at a time: two reading the same new bytes would apply them twice. */
  #reading = Promise.resolve();
  constructor(file, options) {
    this.#file = path.resolve(file);
    this.#lockFile = `${this.#file}.lock`;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#creator = options.creator ?? null;
    this.#staleLockMs = options.staleLockMs ?? 3e4;
    this.#files = options.files ?? nodeFiles;
    this.describe = `the ledger ${this.#file}`;
  }
  async create(input) {
    return this.#locked(async () => {
      const snapshot = await this.#load(true);
      const earlier = findCorrelation(snapshot, input.environment, input.payload.correlationId);
      if (earlier !== null) return earlier;
      const record = {
        id: this.#newId(),
        environment: input.environment,
        createdAt: this.#now().toISOString(),
        creator: this.#creator,
        payload: input.payload
      };
      await this.#append(snapshot, {
        type: "deployment",
        ...record,
        task: taskFor(input.payload.kind),
        sha: input.sha,
        description: truncateDescription(input.description),
        ...input.productionEnvironment === void 0 ? {} : { productionEnvironment: input.productionEnvironment }
      });
      return record;
    });
  }
  async setStatus(record, update) {
    await this.#locked(async () => {
      const snapshot = await this.#load(true);
      if (!snapshot.byId.has(record.id)) {
        throw shipguardError("SG_LEDGER_DEPLOYMENT_UNKNOWN", {
          state: update.state,
          id: record.id,
          file: this.#file
        });
      }
      const status = {
        state: update.state,
        description: truncateDescription(update.description),
        createdAt: this.#now().toISOString(),
        logUrl: update.logUrl ?? null,
        environmentUrl: update.environmentUrl ?? null
      };
      await this.#append(snapshot, { type: "status", id: record.id, ...status });
    });
  }
  async *history(environment) {
    const { records } = await this.#load();
    for (let index = records.length - 1; index >= 0; index--) {
      const record = records[index];
      if (record !== void 0 && sameEnvironment(record.environment, environment)) yield record;
    }
  }
  async statuses(record) {
    const snapshot = await this.#load();
    return [...snapshot.statuses.get(record.id) ?? []];
  }
  /** Every deployment created before `until` (of one environment, or all), with its statuses, oldest first. */
  async allDeployments(environment, until) {
    const { records, statuses } = await this.#load();
    const end = until.getTime();
    return records.filter((r) => environment === null || sameEnvironment(r.environment, environment)).filter((r) => Date.parse(r.createdAt) < end).map((record) => ({ record, statuses: [...statuses.get(record.id) ?? []] }));
  }
  /** Every deployment and status as the file holds them, oldest first: the ledger's own reading. */
  async journal() {
    return [...(await this.#load()).journal];
  }
  async findByCorrelation(environment, correlationId) {
    return findCorrelation(await this.#load(), environment, correlationId);
  }
  /** Reads what was appended since the last read; `locked` when this process holds the lock. */
  #load(locked = false) {
    const next = this.#reading.then(
      () => this.#readNew(locked),
      () => this.#readNew(locked)
    );
    this.#reading = next;
    return next;
  }
  async #readNew(locked) {
    let handle;
    try {
      handle = await this.#files.open(this.#file, "r");
    } catch (error) {
      if (errnoOf(error) !== "ENOENT") throw this.#ioError("read", error);
      this.#snapshot = emptySnapshot();
      return this.#snapshot;
    }
    try {
      const { size } = await handle.stat();
      let snapshot = this.#snapshot;
      if (size < snapshot.bytes) {
        this.#logger.warning(
          `${this.#file} got shorter, although it is only ever appended to: reading it again.`
        );
        snapshot = emptySnapshot();
        this.#snapshot = snapshot;
      }
      if (size !== snapshot.bytes + snapshot.tail) {
        const added = await readRange(handle, snapshot.bytes, size - snapshot.bytes);
        const end = added.lastIndexOf(NEWLINE) + 1;
        let start = 0;
        while (start < end) {
          const stop = added.indexOf(NEWLINE, start);
          snapshot.lines++;
          this.#apply(snapshot, added.subarray(start, stop).toString("utf8"));
          start = stop + 1;
        }
        snapshot.bytes += end;
        snapshot.tail = added.length - end;
      }
      if (snapshot.tail > 0 && this.#warnedTailAt !== snapshot.bytes && (locked || !await exists(this.#lockFile))) {
        this.#warnedTailAt = snapshot.bytes;
        this.#logger.warning(
          `The last line of ${this.#file} is unfinished (a write in progress, or one a crash cut short): skipped.`
        );
      }
      return snapshot;
    } catch (error) {
      throw this.#ioError("read", error);
    } finally {
      await handle.close();
    }
  }
  #apply(snapshot, text) {
    if (text.trim() === "") return;
    const event = parseEvent(text);
    if (event === null) {
      this.#logger.warning(`Line ${snapshot.lines} of ${this.#file} is not a ledger event: skipped.`);
      return;
    }
    if (event.type === "deployment") {
      if (snapshot.byId.has(event.record.id)) {
        this.#logger.warning(
          `Line ${snapshot.lines} of ${this.#file} repeats deployment ${event.record.id}: skipped.`
        );
        return;
      }
      snapshot.records.push(event.record);
      snapshot.byId.set(event.record.id, event.record);
      snapshot.journal.push(event);
      return;
    }
    snapshot.journal.push(event);
    const list = snapshot.statuses.get(event.id);
    if (list === void 0) snapshot.statuses.set(event.id, [event.status]);
    else list.push(event.status);
  }
  /** Appends one event as one line in one write, then flushes it to disk before returning. */
  async #append(snapshot, event) {
    const text = `${snapshot.tail > 0 ? "\n" : ""}${JSON.stringify(event)}
`;
    const created = snapshot.bytes + snapshot.tail === 0 && !await exists(this.#file);
    let handle;
    try {
      handle = await this.#files.open(this.#file, "a");
      const buffer = Buffer.from(text, "utf8");
      let written = 0;
      while (written < buffer.length) {
        const { bytesWritten } = await handle.write(buffer, written, buffer.length - written);
        written += bytesWritten;
      }
      await handle.datasync();
    } catch (error) {
      throw this.#ioError("write", error);
    } finally {
      await handle?.close();
    }
    if (created) await syncFolder(path.dirname(this.#file));
  }
  async #locked(work) {
    const folder = path.dirname(this.#file);
    await makeFolder(folder, folder, this.#files).catch((error) => {
      throw ledgerIoError(`make the folder ${folder}`, folder, error);
    });
    const release = await acquireShortLock(this.#lockFile, {
      staleMs: this.#staleLockMs,
      logger: this.#logger,
      files: this.#files
    }).catch((error) => {
      throw this.#ioError("lock", error);
    });
    try {
      return await work();
    } finally {
      await release();
    }
  }
  #ioError(doing, error) {
    const what = doing === "lock" ? `lock ${this.#lockFile}` : `${doing} ${this.#file}`;
    return ledgerIoError(what, path.dirname(this.#file), error);
  }
};
function emptySnapshot() {
  return { bytes: 0, lines: 0, records: [], byId: /* @__PURE__ */ new Map(), statuses: /* @__PURE__ */ new Map(), tail: 0, journal: [] };
}
function findCorrelation(snapshot, environment, correlationId) {
  for (let index = snapshot.records.length - 1; index >= 0; index--) {
    const record = snapshot.records[index];
    if (record !== void 0 && sameEnvironment(record.environment, environment) && record.payload.correlationId === correlationId)
      return record;
  }
  return null;
}
async function readRange(handle, position, length) {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
async function syncFolder(folder) {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
  }
}

export {
  defaultLedgerPath,
  LocalLedger
};

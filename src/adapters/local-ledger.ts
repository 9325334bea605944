/**
 * The Ledger port on a JSON-lines file, for the CLI outside GitHub: one line per event (a
 * deployment, or a status of one), appended, flushed to disk, never rewritten. Because the file
 * only grows, what was read once stays true: each read parses just the bytes added since.
 *
 * Writers take an exclusive lock file, so lines from two processes never interleave and the
 * correlation check before a create sees every earlier line. Readers take no lock: an unfinished
 * last line (a write in flight, or one a crash cut short) is left for later, never parsed half.
 */
import { randomUUID } from "node:crypto";
import { type FileHandle, open, stat } from "node:fs/promises";
import path from "node:path";
import { sameEnvironment, taskFor, truncateDescription } from "../core/deployments.ts";
import { type ShipguardError, shipguardError } from "../errors.ts";
import type {
  DeploymentRecord,
  DeploymentStatus,
  DeploymentWithStatuses,
  Ledger,
  Logger,
  NewDeployment,
  StatusUpdate,
} from "../ports.ts";
import { errnoOf, type LocalFiles, ledgerIoError, makeFolder, nodeFiles } from "./local-files.ts";
import { type LedgerEvent, parseEvent } from "./local-ledger-event.ts";
import { acquireShortLock } from "./lock-file.ts";

/** Where the CLI keeps the ledger of a repository. */
export function defaultLedgerPath(repositoryTop: string): string {
  return path.join(repositoryTop, ".shipguard", "deployments.jsonl");
}

export interface LocalLedgerOptions {
  logger: Logger;
  /** The clock for createdAt (tests pin it). */
  now?: () => Date;
  /** Deployment ids (tests make them predictable); unique across processes by default. */
  newId?: () => string;
  /** Who records (the host's actor: the local user on the CLI); null when unknown. */
  creator?: string | null;
  /** A lock file of another host's writer older than this was left by a crash and is broken (default 30 s). */
  staleLockMs?: number;
  /** The file operations (tests make them fail). */
  files?: LocalFiles;
}

const NEWLINE = 0x0a;

/** What the file said up to `bytes` (always the end of a complete line). */
interface Snapshot {
  bytes: number;
  lines: number;
  /** File order: oldest first. */
  records: DeploymentRecord[];
  byId: Map<string, DeploymentRecord>;
  statuses: Map<string, DeploymentStatus[]>;
  /** Bytes after the last newline: an unfinished line. */
  tail: number;
  /** Every event applied, in file order (bad and repeated lines left out). */
  journal: LedgerEvent[];
}

export class LocalLedger implements Ledger {
  readonly describe: string;
  readonly #file: string;
  readonly #lockFile: string;
  readonly #logger: Logger;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #creator: string | null;
  readonly #staleLockMs: number;
  readonly #files: LocalFiles;
  #snapshot: Snapshot = emptySnapshot();
  /** The offset of the unfinished line last warned about, so it is reported once. */
  #warnedTailAt = -1;
  /** Reads one at a time: two reading the same new bytes would apply them twice. */
  #reading: Promise<unknown> = Promise.resolve();

  constructor(file: string, options: LocalLedgerOptions) {
    this.#file = path.resolve(file);
    this.#lockFile = `${this.#file}.lock`;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#creator = options.creator ?? null;
    this.#staleLockMs = options.staleLockMs ?? 30_000;
    this.#files = options.files ?? nodeFiles;
    this.describe = `the ledger ${this.#file}`;
  }

  async create(input: NewDeployment): Promise<DeploymentRecord> {
    return this.#locked(async () => {
      const snapshot = await this.#load(true);
      const earlier = findCorrelation(snapshot, input.environment, input.payload.correlationId);
      if (earlier !== null) return earlier;
      const record: DeploymentRecord = {
        id: this.#newId(),
        environment: input.environment,
        createdAt: this.#now().toISOString(),
        creator: this.#creator,
        payload: input.payload,
      };
      // The extra fields mirror what GitHub keeps, for people reading the file.
      await this.#append(snapshot, {
        type: "deployment",
        ...record,
        task: taskFor(input.payload.kind),
        sha: input.sha,
        description: truncateDescription(input.description),
        ...(input.productionEnvironment === undefined
          ? {}
          : { productionEnvironment: input.productionEnvironment }),
      });
      return record;
    });
  }

  async setStatus(record: DeploymentRecord, update: StatusUpdate): Promise<void> {
    await this.#locked(async () => {
      const snapshot = await this.#load(true);
      if (!snapshot.byId.has(record.id)) {
        throw shipguardError("SG_LEDGER_DEPLOYMENT_UNKNOWN", {
          state: update.state,
          id: record.id,
          file: this.#file,
        });
      }
      const status: DeploymentStatus = {
        state: update.state,
        description: truncateDescription(update.description),
        createdAt: this.#now().toISOString(),
        logUrl: update.logUrl ?? null,
        environmentUrl: update.environmentUrl ?? null,
      };
      await this.#append(snapshot, { type: "status", id: record.id, ...status });
    });
  }

  async *history(environment: string): AsyncGenerator<DeploymentRecord, void, undefined> {
    const { records } = await this.#load();
    // Later appends push onto the same array: fix the end now, so the history is one moment's.
    for (let index = records.length - 1; index >= 0; index--) {
      const record = records[index];
      if (record !== undefined && sameEnvironment(record.environment, environment)) yield record;
    }
  }

  async statuses(record: DeploymentRecord): Promise<DeploymentStatus[]> {
    const snapshot = await this.#load();
    return [...(snapshot.statuses.get(record.id) ?? [])];
  }

  /** Every deployment created before `until` (of one environment, or all), with its statuses, oldest first. */
  async allDeployments(environment: string | null, until: Date): Promise<DeploymentWithStatuses[]> {
    const { records, statuses } = await this.#load();
    const end = until.getTime();
    return records
      .filter((r) => environment === null || sameEnvironment(r.environment, environment))
      .filter((r) => Date.parse(r.createdAt) < end)
      .map((record) => ({ record, statuses: [...(statuses.get(record.id) ?? [])] }));
  }

  /** Every deployment and status as the file holds them, oldest first: the ledger's own reading. */
  async journal(): Promise<readonly LedgerEvent[]> {
    return [...(await this.#load()).journal];
  }

  async findByCorrelation(environment: string, correlationId: string): Promise<DeploymentRecord | null> {
    return findCorrelation(await this.#load(), environment, correlationId);
  }

  /** Reads what was appended since the last read; `locked` when this process holds the lock. */
  #load(locked = false): Promise<Snapshot> {
    const next = this.#reading.then(
      () => this.#readNew(locked),
      () => this.#readNew(locked),
    );
    this.#reading = next;
    return next;
  }

  async #readNew(locked: boolean): Promise<Snapshot> {
    let handle: FileHandle;
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
          `${this.#file} got shorter, although it is only ever appended to: reading it again.`,
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
      // Without the lock, an unfinished line while another holds it is a write in flight, not news.
      if (
        snapshot.tail > 0 &&
        this.#warnedTailAt !== snapshot.bytes &&
        (locked || !(await exists(this.#lockFile)))
      ) {
        this.#warnedTailAt = snapshot.bytes;
        this.#logger.warning(
          `The last line of ${this.#file} is unfinished (a write in progress, or one a crash cut short): skipped.`,
        );
      }
      return snapshot;
    } catch (error) {
      throw this.#ioError("read", error);
    } finally {
      await handle.close();
    }
  }

  #apply(snapshot: Snapshot, text: string): void {
    if (text.trim() === "") return;
    const event = parseEvent(text);
    if (event === null) {
      this.#logger.warning(`Line ${snapshot.lines} of ${this.#file} is not a ledger event: skipped.`);
      return;
    }
    if (event.type === "deployment") {
      if (snapshot.byId.has(event.record.id)) {
        this.#logger.warning(
          `Line ${snapshot.lines} of ${this.#file} repeats deployment ${event.record.id}: skipped.`,
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
    if (list === undefined) snapshot.statuses.set(event.id, [event.status]);
    else list.push(event.status);
  }

  /** Appends one event as one line in one write, then flushes it to disk before returning. */
  async #append(snapshot: Snapshot, event: Record<string, unknown>): Promise<void> {
    // A line a crash cut short is closed first, so it stays one bad line instead of eating this one.
    const text = `${snapshot.tail > 0 ? "\n" : ""}${JSON.stringify(event)}\n`;
    const created = snapshot.bytes + snapshot.tail === 0 && !(await exists(this.#file));
    let handle: FileHandle | undefined;
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
    // A new file's name lives in its folder: flush that too, or a crash could lose the file.
    if (created) await syncFolder(path.dirname(this.#file));
  }

  async #locked<T>(work: () => Promise<T>): Promise<T> {
    const folder = path.dirname(this.#file);
    await makeFolder(folder, folder, this.#files).catch((error: unknown) => {
      throw ledgerIoError(`make the folder ${folder}`, folder, error);
    });
    const release = await acquireShortLock(this.#lockFile, {
      staleMs: this.#staleLockMs,
      logger: this.#logger,
      files: this.#files,
    }).catch((error: unknown) => {
      throw this.#ioError("lock", error);
    });
    try {
      return await work();
    } finally {
      await release();
    }
  }

  #ioError(doing: "read" | "write" | "lock", error: unknown): ShipguardError {
    const what = doing === "lock" ? `lock ${this.#lockFile}` : `${doing} ${this.#file}`;
    return ledgerIoError(what, path.dirname(this.#file), error);
  }
}

function emptySnapshot(): Snapshot {
  return { bytes: 0, lines: 0, records: [], byId: new Map(), statuses: new Map(), tail: 0, journal: [] };
}

function findCorrelation(
  snapshot: Snapshot,
  environment: string,
  correlationId: string,
): DeploymentRecord | null {
  for (let index = snapshot.records.length - 1; index >= 0; index--) {
    const record = snapshot.records[index];
    if (
      record !== undefined &&
      sameEnvironment(record.environment, environment) &&
      record.payload.correlationId === correlationId
    )
      return record;
  }
  return null;
}

async function readRange(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some systems cannot open or flush a folder; the line itself is already on disk.
  }
}

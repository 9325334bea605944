/**
 * One deploy (or rollback) per environment at a time on the local backend: a lock file next to
 * the ledger, held across the deploy, its checks, its rollback and its record. On GitHub the
 * workflows' `concurrency` does this instead.
 *
 * The holder writes who it is (pid, host, since, command) and touches the file while it works, so
 * a lock is stale when its process is gone (same host: a live one, even a stopped one, keeps it
 * however long) or when it was not touched for `staleMs` (a crash on another host sharing the
 * folder). A stale lock is broken safely (lock-file.ts); a live one is waited for, up to `waitMs`,
 * then refused with SG_ENVIRONMENT_LOCKED naming the holder. The file system's failures (a full
 * disk, a read-only folder) are SG_LEDGER_IO, and a lock whose text could not be written is removed.
 */
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { shipguardError } from "../errors.ts";
import type { Logger } from "../ports.ts";
import {
  createExclusive,
  errnoOf,
  type LocalFiles,
  ledgerIoError,
  makeFolder,
  nodeFiles,
} from "./local-files.ts";
import { breakStaleLock, judgeLock } from "./lock-file.ts";
import { sleep } from "./sleep.ts";

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

export interface EnvironmentLockOptions {
  /** The lock file (environmentLockPath). */
  file: string;
  environment: string;
  /** What this run does, for whoever waits on it: `deploy 1.2.0`. */
  command: string;
  logger: Logger;
  /** How long to wait for another run's lock before giving up. */
  waitMs: number;
  /**
   * A lock of another host's holder not touched for this long was left by a crash (default 60 s;
   * touched every quarter). A holder on this host keeps its lock while its process lives.
   */
  staleMs?: number;
  /** The file operations (tests make them fail). */
  files?: LocalFiles;
  /** Stops the wait (the run was cancelled): rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * The lock of one environment, next to the ledger file. Environment names are case-insensitive
 * (as on GitHub), so the name is lower-cased first: `Production` and `production` share one lock.
 * The file is named after a hash of that name, so its length is bounded whatever the name (up to
 * 255 characters of any script); a short prefix of its plain letters and digits stays for people.
 */
export function environmentLockPath(ledgerFile: string, environment: string): string {
  const name = environment.toLowerCase();
  const hash = createHash("sha256").update(name, "utf8").digest("hex").slice(0, 16);
  const readable = name
    .replace(/[^a-z0-9_-]+/g, "-")
    .slice(0, 32)
    .replace(/^-+|-+$/g, "");
  return `${ledgerFile}.${readable === "" ? "" : `${readable}-`}${hash}.deploy.lock`;
}

export async function acquireEnvironmentLock(options: EnvironmentLockOptions): Promise<HeldLock> {
  const { file, logger } = options;
  const files = options.files ?? nodeFiles;
  const folder = path.dirname(file);
  const failed = (what: string) => (error: unknown) => {
    throw ledgerIoError(what, folder, error);
  };
  const staleMs = options.staleMs ?? 60_000;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: options.command,
  };
  await makeFolder(folder, folder, files).catch(failed(`make the folder ${folder} for the lock`));
  const started = Date.now();
  // Said once naming the holder; once more only when a holder not named at first is named later.
  let said: "nothing" | "unnamed" | "named" = "nothing";
  for (;;) {
    options.signal?.throwIfAborted();
    const created = await createExclusive(file, `${JSON.stringify(me)}\n`, files).catch(
      failed(`create the lock ${file}`),
    );
    if (created) return hold(file, staleMs, logger, files);
    const holder = await readHolder(file, files).catch(failed(`read the lock ${file}`));
    const broken = await breakStaleLock(
      file,
      (info) => staleReason(holder, info.mtimeMs, staleMs),
      files,
    ).catch(failed(`break the stale lock ${file}`));
    if (broken !== null) {
      logger.warning(`Broke the lock of ${options.environment} (${file}): ${broken}.`);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= options.waitMs) {
      throw shipguardError("SG_ENVIRONMENT_LOCKED", {
        environment: options.environment,
        file,
        waitedSeconds: Math.round(waited / 1000),
        holder,
      });
    }
    const bound = `at most ${Math.round(options.waitMs / 1000)} s`;
    if (holder !== null && said !== "named") {
      said = "named";
      logger.info(`Waiting for ${describeHolder(holder)} to finish with ${options.environment} (${bound}).`);
    } else if (holder === null && said === "nothing" && waited >= SAY_UNNAMED_MS) {
      said = "unnamed";
      logger.info(
        `Waiting for the lock of ${options.environment} (${file}), whose file does not name its holder (${bound}; broken once it is ${Math.round(staleMs / 1000)} s old).`,
      );
    }
    await sleep(100 + Math.random() * 150, options.signal);
  }
}

/** A lock file that names nobody is being written this very moment, or was left by a crash: said after this long. */
const SAY_UNNAMED_MS = 2_000;

export function describeHolder(holder: LockHolder): string {
  return `\`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
}

/**
 * Touches the lock while held, so that a run on another host never takes it for abandoned (a touch
 * that fails is said once); release removes it if still ours, and never throws: the work under
 * the lock is done, and a lock left behind is a warning naming the file.
 */
function hold(file: string, staleMs: number, logger: Logger, files: LocalFiles): HeldLock {
  let mine: Promise<number | null> = files.stat(file).then(
    (s) => s.ino,
    () => null,
  );
  let warned = false;
  const timer = setInterval(
    () => {
      const now = new Date();
      files.utimes(file, now, now).catch((error: unknown) => {
        if (warned) return;
        warned = true;
        logger.warning(
          `Could not refresh the lock ${file} (${messageOf(error)}): a run on another host sharing the folder may take it for abandoned after ${Math.round(staleMs / 1000)} s.`,
        );
      });
    },
    Math.max(50, staleMs / 4),
  );
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      const ino = await mine;
      mine = Promise.resolve(null);
      const current = await files.stat(file).catch(() => null);
      if (ino === null || current?.ino !== ino) return;
      await files.rm(file, { force: true }).catch((error: unknown) => {
        const problem = ledgerIoError(`remove the lock ${file}`, path.dirname(file), error);
        logger.warning(
          `${problem.code}: ${problem.message} Runs on this host break it once this process has ended. ${problem.remedy}`,
        );
      });
    },
  };
}

/** Who holds the lock, or null when it is gone or does not say (being written, or foreign). */
async function readHolder(file: string, files: LocalFiles): Promise<LockHolder | null> {
  let text: string;
  try {
    text = await files.readFile(file, "utf8");
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      since: String(parsed.since ?? "unknown"),
      command: String(parsed.command ?? "unknown"),
    };
  } catch {
    return null;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function staleReason(holder: LockHolder | null, mtimeMs: number, staleMs: number): string | null {
  const age = Date.now() - mtimeMs;
  switch (judgeLock(holder, age, staleMs)) {
    case "held":
      return null;
    case "gone":
      return `its holder ${holder === null ? "" : describeHolder(holder)} is no longer running`;
    case "old":
      return `it was not refreshed for ${Math.round(age / 1000)} s (its holder${holder === null ? "" : ` ${describeHolder(holder)}`} crashed?)`;
  }
}

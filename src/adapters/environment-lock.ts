/**
 * One deploy (or rollback) per environment at a time on the local backend: a lock file next to
 * the ledger, held across the deploy, its checks, its rollback and its record. On GitHub the
 * workflows' `concurrency` does this instead.
 *
 * The holder writes who it is (pid, host, since, command) and touches the file while it works, so
 * a lock is stale when its process is gone (same host) or when it was not touched for `staleMs`
 * (a crash on another host sharing the folder). A stale lock is broken safely (lock-file.ts); a
 * live one is waited for, up to `waitMs`, then refused with SG_ENVIRONMENT_LOCKED naming the holder.
 */
import { open, readFile, rm, stat, utimes } from "node:fs/promises";
import { hostname } from "node:os";
import { shipguardError } from "../errors.ts";
import type { Logger } from "../ports.ts";
import { breakStaleLock } from "./lock-file.ts";
import { processAlive } from "./process/kill-group.ts";
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
  /** A lock not touched for this long was left by a crash (default 60 s; touched every quarter). */
  staleMs?: number;
  /** Stops the wait (the run was cancelled): rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface HeldLock {
  release(): Promise<void>;
}

/** The lock of one environment, next to the ledger file; the name is safe for any environment name. */
export function environmentLockPath(ledgerFile: string, environment: string): string {
  return `${ledgerFile}.${encodeURIComponent(environment).replace(/\./g, "%2E")}.deploy.lock`;
}

export async function acquireEnvironmentLock(options: EnvironmentLockOptions): Promise<HeldLock> {
  const { file, logger } = options;
  const staleMs = options.staleMs ?? 60_000;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: options.command,
  };
  const started = Date.now();
  let said = false;
  for (;;) {
    options.signal?.throwIfAborted();
    if (await tryCreate(file, me)) return hold(file, staleMs);
    const holder = await readHolder(file);
    const broken = await breakStaleLock(file, (info) => staleReason(holder, info.mtimeMs, staleMs));
    if (broken !== null) {
      logger.warning(`Broke the lock of ${options.environment} (${file}): ${broken}.`);
      continue;
    }
    if (Date.now() - started >= options.waitMs) {
      throw shipguardError("SG_ENVIRONMENT_LOCKED", {
        environment: options.environment,
        file,
        waitedSeconds: Math.round((Date.now() - started) / 1000),
        holder: holder ?? { pid: 0, host: "unknown", since: "unknown", command: "unknown" },
      });
    }
    if (!said && holder !== null) {
      said = true;
      logger.info(
        `Waiting for ${describeHolder(holder)} to finish with ${options.environment} (at most ${Math.round(options.waitMs / 1000)} s).`,
      );
    }
    await sleep(100 + Math.random() * 150, options.signal);
  }
}

export function describeHolder(holder: LockHolder): string {
  return `\`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
}

async function tryCreate(file: string, me: LockHolder): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(me)}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/** Touches the lock while held, so it never looks abandoned; release removes it if still ours. */
function hold(file: string, staleMs: number): HeldLock {
  let mine: Promise<number | null> = stat(file).then(
    (s) => s.ino,
    () => null,
  );
  const timer = setInterval(
    () => {
      const now = new Date();
      utimes(file, now, now).catch(() => undefined);
    },
    Math.max(50, staleMs / 4),
  );
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      const ino = await mine;
      mine = Promise.resolve(null);
      const current = await stat(file).catch(() => null);
      if (ino !== null && current?.ino === ino) await rm(file, { force: true });
    },
  };
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      since: String(parsed.since ?? "unknown"),
      command: String(parsed.command ?? "unknown"),
    };
  } catch {
    // Gone, or being written this very moment: judged by its age only.
    return null;
  }
}

function staleReason(holder: LockHolder | null, mtimeMs: number, staleMs: number): string | null {
  if (
    holder !== null &&
    holder.host === hostname() &&
    holder.pid !== process.pid &&
    !processAlive(holder.pid)
  ) {
    return `its holder ${describeHolder(holder)} is no longer running`;
  }
  const age = Date.now() - mtimeMs;
  if (age >= staleMs) {
    return `it was not refreshed for ${Math.round(age / 1000)} s (its holder${holder === null ? "" : ` ${describeHolder(holder)}`} crashed?)`;
  }
  return null;
}

/**
 * Breaking a lock file left by a process that died holding it, shared by the ledger's short lock
 * and the per-environment deploy lock. The lock is first renamed aside, and only removed when it
 * is still the very file judged stale: a fresh lock taken in between is put back.
 */
import { randomUUID } from "node:crypto";
import type { Stats } from "node:fs";
import { link, open, readFile, rename, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { processAlive } from "./process/kill-group.ts";
import { sleep } from "./sleep.ts";

/** Who holds a lock, as far as its file says. */
export interface LockOwner {
  pid: number;
  host: string;
}

/**
 * Whether a lock is stale, the one rule of both locks. On this host the process table decides: a
 * live holder keeps its lock whatever its age (a stopped process, a slow disk, a suspended
 * laptop), and a dead one's lock is stale at once. The age decides only for a holder on another
 * host sharing the folder, and for a lock whose file does not say who holds it (a foreign file,
 * or a crash between creating it and writing it, which takes microseconds).
 */
export function judgeLock(owner: LockOwner | null, ageMs: number, staleMs: number): "held" | "gone" | "old" {
  if (owner !== null && owner.host === hostname()) return processAlive(owner.pid) ? "held" : "gone";
  return ageMs >= staleMs ? "old" : "held";
}

/**
 * `judge` says why the lock is stale (it returns null when it is not). Returns that reason when
 * this call broke the lock, null otherwise.
 */
export async function breakStaleLock(
  lockFile: string,
  judge: (info: Stats) => Promise<string | null> | string | null,
): Promise<string | null> {
  let judged: Stats;
  try {
    judged = await stat(lockFile);
  } catch {
    return null;
  }
  const reason = await judge(judged);
  if (reason === null) return null;
  const aside = `${lockFile}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(lockFile, aside);
  } catch {
    return null;
  }
  try {
    const moved = await stat(aside);
    if (moved.ino !== judged.ino || moved.dev !== judged.dev) {
      await link(aside, lockFile).catch(() => undefined);
      return null;
    }
    return reason;
  } finally {
    await rm(aside, { force: true });
  }
}

export interface ShortLockOptions {
  /** A lock of another host's holder older than this was left by a crash and is broken (with a warning). */
  staleMs: number;
  /** How long to wait for a live holder before giving up; unbounded when absent. */
  waitMs?: number;
  logger: { warning(message: string): void };
}

/**
 * Takes a short-lived lock file (the local ledger's, an incident file's): created exclusively with
 * the holder's pid, host and time; polled with a growing jittered wait while another process holds
 * it; broken when its holder is gone (judgeLock: by age only for another host's holder). Resolves with the release. Rejects with the file system's
 * own error, or when `waitMs` passes, so the caller names what it was locking for.
 */
export async function acquireShortLock(
  lockFile: string,
  options: ShortLockOptions,
): Promise<() => Promise<void>> {
  const deadline = options.waitMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      try {
        await handle.writeFile(`${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
      } finally {
        await handle.close();
      }
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const broken = await breakStaleLock(lockFile, async (judged) => {
      const owner = shortLockOwner(await readFile(lockFile, "utf8").catch(() => ""));
      const age = Date.now() - judged.mtimeMs;
      switch (judgeLock(owner, age, options.staleMs)) {
        case "held":
          return null;
        case "gone":
          return `: its holder, pid ${owner?.pid} on ${owner?.host}, is no longer running`;
        case "old":
          return `, left ${Math.round(age / 1000)} s ago by a process that did not finish (a crash? a stale lock is one older than ${Math.round(options.staleMs / 1000)} s)`;
      }
    });
    if (broken !== null) {
      options.logger.warning(`Broke the lock ${lockFile}${broken}.`);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lockFile} is held by another shipguard process`);
    await sleep(Math.min(100, 2 ** attempt) * (0.5 + Math.random()));
  }
}

/** The holder a short lock's file names (`pid host time`), or null when it names none. */
function shortLockOwner(text: string): LockOwner | null {
  const [pid, host] = text.trim().split(" ");
  return pid !== undefined && /^[1-9][0-9]*$/.test(pid) && host !== undefined && host !== ""
    ? { pid: Number(pid), host }
    : null;
}

/**
 * The rules both local locks share (the ledger's and incident files' short lock, and the
 * per-environment deploy lock): when a lock is stale, and breaking one left by a process that
 * died holding it. The lock is first renamed aside, and only removed when it is still the very
 * file judged stale: a fresh lock taken in between is put back.
 */
import { randomUUID } from "node:crypto";
import type { Stats } from "node:fs";
import { hostname } from "node:os";
import { createExclusive, errnoOf, type LocalFiles, nodeFiles } from "./local-files.ts";
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
 * this call broke the lock, null otherwise (also when another process broke or released it first).
 * Rejects with the file system's error when the lock cannot be moved (a read-only folder): a
 * waiter would otherwise wait for ever on a lock nobody can remove.
 */
export async function breakStaleLock(
  lockFile: string,
  judge: (info: Stats) => Promise<string | null> | string | null,
  files: LocalFiles = nodeFiles,
): Promise<string | null> {
  let judged: Stats;
  try {
    judged = await files.stat(lockFile);
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return null;
    throw error;
  }
  const reason = await judge(judged);
  if (reason === null) return null;
  const aside = `${lockFile}.stale-${process.pid}-${randomUUID()}`;
  try {
    await files.rename(lockFile, aside);
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return null;
    throw error;
  }
  try {
    const moved = await files.stat(aside);
    if (moved.ino !== judged.ino || moved.dev !== judged.dev) {
      await files.link(aside, lockFile).catch(() => undefined);
      return null;
    }
    return reason;
  } finally {
    await files.rm(aside, { force: true });
  }
}

export interface ShortLockOptions {
  /** A lock of another host's holder older than this was left by a crash and is broken (with a warning). */
  staleMs: number;
  /** How long to wait for a live holder before giving up; unbounded when absent. */
  waitMs?: number;
  logger: { info(message: string): void; warning(message: string): void };
  /** The file operations (tests make them fail). */
  files?: LocalFiles;
}

/** How long a writer waits on a short lock before it says so: they are held for milliseconds. */
const SAY_WAITING_MS = 2_000;

/**
 * Takes a short-lived lock file (the local ledger's, an incident file's): created exclusively with
 * the holder's pid, host and time (never left empty); polled with a growing jittered wait while
 * another process holds it, said once after SAY_WAITING_MS naming the holder; broken when its
 * holder is gone (judgeLock: by age only for another host's holder). Resolves with the release,
 * which never throws (a lock it cannot remove is a warning: the work under it is done). Rejects
 * with the file system's own error, or when `waitMs` passes, so the caller names what it was
 * locking for.
 */
export async function acquireShortLock(
  lockFile: string,
  options: ShortLockOptions,
): Promise<() => Promise<void>> {
  const files = options.files ?? nodeFiles;
  const started = Date.now();
  const deadline = options.waitMs === undefined ? Number.POSITIVE_INFINITY : started + options.waitMs;
  // Said once naming the holder; once more only when a holder not named at first is named later.
  let said: "nothing" | "unnamed" | "named" = "nothing";
  for (let attempt = 0; ; attempt++) {
    if (
      await createExclusive(lockFile, `${process.pid} ${hostname()} ${new Date().toISOString()}\n`, files)
    ) {
      return async () => {
        await files.rm(lockFile, { force: true }).catch((error: unknown) => {
          options.logger.warning(
            `Could not remove the lock ${lockFile} (${error instanceof Error ? error.message : String(error)}): remove it by hand; until then, writers on this host break it once this process has ended.`,
          );
        });
      };
    }
    const seen: { owner: ShortLockOwner | null } = { owner: null };
    const broken = await breakStaleLock(
      lockFile,
      async (judged) => {
        const owner = shortLockOwner(await files.readFile(lockFile, "utf8").catch(() => ""));
        seen.owner = owner;
        const age = Date.now() - judged.mtimeMs;
        switch (judgeLock(owner, age, options.staleMs)) {
          case "held":
            return null;
          case "gone":
            return `: its holder, ${owner === null ? "unknown" : describeOwner(owner)}, is no longer running`;
          case "old":
            return `, left ${Math.round(age / 1000)} s ago by a process that did not finish (a crash? a stale lock is one older than ${Math.round(options.staleMs / 1000)} s)`;
        }
      },
      files,
    );
    if (broken !== null) {
      options.logger.warning(`Broke the lock ${lockFile}${broken}.`);
      continue;
    }
    const { owner } = seen;
    const holder = owner === null ? "a process its file does not name" : describeOwner(owner);
    if (Date.now() > deadline) throw new Error(`${lockFile} is held by ${holder}`);
    if (
      Date.now() - started >= SAY_WAITING_MS &&
      (said === "nothing" || (said === "unnamed" && owner !== null))
    ) {
      said = owner === null ? "unnamed" : "named";
      options.logger.info(`Waiting for the lock ${lockFile}, held by ${holder}.`);
    }
    await sleep(Math.min(100, 2 ** attempt) * (0.5 + Math.random()));
  }
}

interface ShortLockOwner extends LockOwner {
  since: string;
}

/** The holder a short lock's file names (`pid host time`), or null when it names none. */
function shortLockOwner(text: string): ShortLockOwner | null {
  const [pid, host, since] = text.trim().split(" ");
  return pid !== undefined && /^[1-9][0-9]*$/.test(pid) && host !== undefined && host !== ""
    ? { pid: Number(pid), host, since: since ?? "an unknown time" }
    : null;
}

function describeOwner(owner: ShortLockOwner): string {
  return `pid ${owner.pid} on ${owner.host} (since ${owner.since})`;
}

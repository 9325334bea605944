/**
 * Breaking a lock file left by a process that died holding it, shared by the ledger's short lock
 * and the per-environment deploy lock. The lock is first renamed aside, and only removed when it
 * is still the very file judged stale: a fresh lock taken in between is put back.
 */
import { randomUUID } from "node:crypto";
import type { Stats } from "node:fs";
import { link, rename, rm, stat } from "node:fs/promises";

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

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/adapters/lock-file.ts
import { randomUUID } from "node:crypto";
import { link, rename, rm, stat } from "node:fs/promises";
async function breakStaleLock(lockFile, judge) {
  let judged;
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
      await link(aside, lockFile).catch(() => void 0);
      return null;
    }
    return reason;
  } finally {
    await rm(aside, { force: true });
  }
}

export {
  breakStaleLock
};

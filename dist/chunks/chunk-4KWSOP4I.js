import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  sleep
} from "./chunk-XD65SSXG.js";

// src/adapters/lock-file.ts
import { randomUUID } from "node:crypto";
import { link, open, rename, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
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
async function acquireShortLock(lockFile, options) {
  const deadline = options.waitMs === void 0 ? Number.POSITIVE_INFINITY : Date.now() + options.waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      try {
        await handle.writeFile(`${process.pid} ${hostname()} ${(/* @__PURE__ */ new Date()).toISOString()}
`);
      } finally {
        await handle.close();
      }
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const broken = await breakStaleLock(lockFile, (judged) => {
      const age = Date.now() - judged.mtimeMs;
      return age < options.staleMs ? null : `left ${Math.round(age / 1e3)} s ago`;
    });
    if (broken !== null) {
      options.logger.warning(
        `Broke the lock ${lockFile}, ${broken} by a process that did not finish (a crash? a stale lock is one older than ${Math.round(options.staleMs / 1e3)} s).`
      );
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lockFile} is held by another shipguard process`);
    await sleep(Math.min(100, 2 ** attempt) * (0.5 + Math.random()));
  }
}

export {
  breakStaleLock,
  acquireShortLock
};

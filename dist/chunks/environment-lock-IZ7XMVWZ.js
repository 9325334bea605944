import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  processAlive
} from "./chunk-WUQGZDLE.js";
import {
  breakStaleLock
} from "./chunk-4KWSOP4I.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import {
  shipguardError
} from "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";

// src/adapters/environment-lock.ts
import { open, readFile, rm, stat, utimes } from "node:fs/promises";
import { hostname } from "node:os";
function environmentLockPath(ledgerFile, environment) {
  return `${ledgerFile}.${encodeURIComponent(environment).replace(/\./g, "%2E")}.deploy.lock`;
}
async function acquireEnvironmentLock(options) {
  const { file, logger } = options;
  const staleMs = options.staleMs ?? 6e4;
  const me = {
    pid: process.pid,
    host: hostname(),
    since: (/* @__PURE__ */ new Date()).toISOString(),
    command: options.command
  };
  const started = Date.now();
  let said = false;
  for (; ; ) {
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
        waitedSeconds: Math.round((Date.now() - started) / 1e3),
        holder: holder ?? { pid: 0, host: "unknown", since: "unknown", command: "unknown" }
      });
    }
    if (!said && holder !== null) {
      said = true;
      logger.info(
        `Waiting for ${describeHolder(holder)} to finish with ${options.environment} (at most ${Math.round(options.waitMs / 1e3)} s).`
      );
    }
    await sleep(100 + Math.random() * 150);
  }
}
function describeHolder(holder) {
  return `\`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
}
async function tryCreate(file, me) {
  let handle;
  try {
    handle = await open(file, "wx");
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(me)}
`);
  } finally {
    await handle.close();
  }
  return true;
}
function hold(file, staleMs) {
  let mine = stat(file).then(
    (s) => s.ino,
    () => null
  );
  const timer = setInterval(
    () => {
      const now = /* @__PURE__ */ new Date();
      utimes(file, now, now).catch(() => void 0);
    },
    Math.max(50, staleMs / 4)
  );
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      const ino = await mine;
      mine = Promise.resolve(null);
      const current = await stat(file).catch(() => null);
      if (ino !== null && current?.ino === ino) await rm(file, { force: true });
    }
  };
}
async function readHolder(file) {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8"));
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      since: String(parsed.since ?? "unknown"),
      command: String(parsed.command ?? "unknown")
    };
  } catch {
    return null;
  }
}
function staleReason(holder, mtimeMs, staleMs) {
  if (holder !== null && holder.host === hostname() && holder.pid !== process.pid && !processAlive(holder.pid)) {
    return `its holder ${describeHolder(holder)} is no longer running`;
  }
  const age = Date.now() - mtimeMs;
  if (age >= staleMs) {
    return `it was not refreshed for ${Math.round(age / 1e3)} s (its holder${holder === null ? "" : ` ${describeHolder(holder)}`} crashed?)`;
  }
  return null;
}
export {
  acquireEnvironmentLock,
  describeHolder,
  environmentLockPath
};

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  processAlive
} from "./chunk-WUQGZDLE.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import {
  ShipguardError,
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/adapters/local-files.ts
import * as fsp from "node:fs/promises";
import path from "node:path";
var nodeFiles = fsp;
async function makeFolder(folder, stateFolder = folder, files = nodeFiles) {
  await files.mkdir(folder, { recursive: true });
  if (path.basename(stateFolder) === ".shipguard") {
    await createExclusive(path.join(stateFolder, ".gitignore"), "*\n", files);
  }
}
async function createExclusive(file, text, files = nodeFiles) {
  let handle;
  try {
    handle = await files.open(file, "wx");
  } catch (error) {
    if (errnoOf(error) === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(text, "utf8");
  } catch (error) {
    await handle.close().catch(() => void 0);
    await files.rm(file, { force: true }).catch(() => void 0);
    throw error;
  }
  await handle.close();
  return true;
}
function errnoOf(error) {
  const code = error?.code;
  return typeof code === "string" ? code : void 0;
}
function ledgerIoError(what, folder, error) {
  if (error instanceof ShipguardError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return shipguardError("SG_LEDGER_IO", { what, detail, folder, errno: errnoOf(error) }, { cause: error });
}

// src/adapters/lock-file.ts
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
function judgeLock(owner, ageMs, staleMs) {
  if (owner !== null && owner.host === hostname()) return processAlive(owner.pid) ? "held" : "gone";
  return ageMs >= staleMs ? "old" : "held";
}
async function breakStaleLock(lockFile, judge, files = nodeFiles) {
  let judged;
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
      await files.link(aside, lockFile).catch(() => void 0);
      return null;
    }
    return reason;
  } finally {
    await files.rm(aside, { force: true });
  }
}
var SAY_WAITING_MS = 2e3;
async function acquireShortLock(lockFile, options) {
  const files = options.files ?? nodeFiles;
  const started = Date.now();
  const deadline = options.waitMs === void 0 ? Number.POSITIVE_INFINITY : started + options.waitMs;
  let said = "nothing";
  for (let attempt = 0; ; attempt++) {
    if (await createExclusive(lockFile, `${process.pid} ${hostname()} ${(/* @__PURE__ */ new Date()).toISOString()}
`, files)) {
      return async () => {
        await files.rm(lockFile, { force: true }).catch((error) => {
          options.logger.warning(
            `Could not remove the lock ${lockFile} (${error instanceof Error ? error.message : String(error)}): remove it by hand; until then, writers on this host break it once this process has ended.`
          );
        });
      };
    }
    const seen = { owner: null };
    const broken = await breakStaleLock(
      lockFile,
      async (judged) => {
        const owner2 = shortLockOwner(await files.readFile(lockFile, "utf8").catch(() => ""));
        seen.owner = owner2;
        const age = Date.now() - judged.mtimeMs;
        switch (judgeLock(owner2, age, options.staleMs)) {
          case "held":
            return null;
          case "gone":
            return `: its holder, ${owner2 === null ? "unknown" : describeOwner(owner2)}, is no longer running`;
          case "old":
            return `, left ${Math.round(age / 1e3)} s ago by a process that did not finish (a crash? a stale lock is one older than ${Math.round(options.staleMs / 1e3)} s)`;
        }
      },
      files
    );
    if (broken !== null) {
      options.logger.warning(`Broke the lock ${lockFile}${broken}.`);
      continue;
    }
    const { owner } = seen;
    const holder = owner === null ? "a process its file does not name" : describeOwner(owner);
    if (Date.now() > deadline) throw new Error(`${lockFile} is held by ${holder}`);
    if (Date.now() - started >= SAY_WAITING_MS && (said === "nothing" || said === "unnamed" && owner !== null)) {
      said = owner === null ? "unnamed" : "named";
      options.logger.info(`Waiting for the lock ${lockFile}, held by ${holder}.`);
    }
    await sleep(Math.min(100, 2 ** attempt) * (0.5 + Math.random()));
  }
}
function shortLockOwner(text) {
  const [pid, host, since] = text.trim().split(" ");
  return pid !== void 0 && /^[1-9][0-9]*$/.test(pid) && host !== void 0 && host !== "" ? { pid: Number(pid), host, since: since ?? "an unknown time" } : null;
}
function describeOwner(owner) {
  return `pid ${owner.pid} on ${owner.host} (since ${owner.since})`;
}

export {
  nodeFiles,
  makeFolder,
  createExclusive,
  errnoOf,
  ledgerIoError,
  judgeLock,
  breakStaleLock,
  acquireShortLock
};

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  breakStaleLock,
  createExclusive,
  errnoOf,
  judgeLock,
  ledgerIoError,
  makeFolder,
  nodeFiles
} from "./chunk-6UUCRF52.js";
import "./chunk-WUQGZDLE.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/environment-lock.ts
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
function environmentLockPath(ledgerFile, environment) {
  const name = environment.toLowerCase();
  const hash = createHash("sha256").update(name, "utf8").digest("hex").slice(0, 16);
  const readable = name.replace(/[^a-z0-9_-]+/g, "-").slice(0, 32).replace(/^-+|-+$/g, "");
  return `${ledgerFile}.${readable === "" ? "" : `${readable}-`}${hash}.deploy.lock`;
}
async function acquireEnvironmentLock(options) {
  const { file, logger } = options;
  const files = options.files ?? nodeFiles;
  const folder = path.dirname(file);
  const failed = (what) => (error) => {
    throw ledgerIoError(what, folder, error);
  };
  const staleMs = options.staleMs ?? 6e4;
  const me = {
    pid: process.pid,
    host: hostname(),
    since: (/* @__PURE__ */ new Date()).toISOString(),
    command: options.command
  };
  await makeFolder(folder, folder, files).catch(failed(`make the folder ${folder} for the lock`));
  const started = Date.now();
  let said = "nothing";
  for (; ; ) {
    options.signal?.throwIfAborted();
    const created = await createExclusive(file, `${JSON.stringify(me)}
`, files).catch(
      failed(`create the lock ${file}`)
    );
    if (created) return hold(file, staleMs, logger, files);
    const holder = await readHolder(file, files).catch(failed(`read the lock ${file}`));
    const broken = await breakStaleLock(
      file,
      (info) => staleReason(holder, info.mtimeMs, staleMs),
      files
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
        waitedSeconds: Math.round(waited / 1e3),
        holder
      });
    }
    const bound = `at most ${Math.round(options.waitMs / 1e3)} s`;
    if (holder !== null && said !== "named") {
      said = "named";
      logger.info(`Waiting for ${describeHolder(holder)} to finish with ${options.environment} (${bound}).`);
    } else if (holder === null && said === "nothing" && waited >= SAY_UNNAMED_MS) {
      said = "unnamed";
      logger.info(
        `Waiting for the lock of ${options.environment} (${file}), whose file does not name its holder (${bound}; broken once it is ${Math.round(staleMs / 1e3)} s old).`
      );
    }
    await sleep(100 + Math.random() * 150, options.signal);
  }
}
var SAY_UNNAMED_MS = 2e3;
function describeHolder(holder) {
  return `\`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
}
function hold(file, staleMs, logger, files) {
  let mine = files.stat(file).then(
    (s) => s.ino,
    () => null
  );
  let warned = false;
  const timer = setInterval(
    () => {
      const now = /* @__PURE__ */ new Date();
      files.utimes(file, now, now).catch((error) => {
        if (warned) return;
        warned = true;
        logger.warning(
          `Could not refresh the lock ${file} (${messageOf(error)}): a run on another host sharing the folder may take it for abandoned after ${Math.round(staleMs / 1e3)} s.`
        );
      });
    },
    Math.max(50, staleMs / 4)
  );
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      const ino = await mine;
      mine = Promise.resolve(null);
      const current = await files.stat(file).catch(() => null);
      if (ino === null || current?.ino !== ino) return;
      await files.rm(file, { force: true }).catch((error) => {
        const problem = ledgerIoError(`remove the lock ${file}`, path.dirname(file), error);
        logger.warning(
          `${problem.code}: ${problem.message} Runs on this host break it once this process has ended. ${problem.remedy}`
        );
      });
    }
  };
}
async function readHolder(file, files) {
  let text;
  try {
    text = await files.readFile(file, "utf8");
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text);
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
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
function staleReason(holder, mtimeMs, staleMs) {
  const age = Date.now() - mtimeMs;
  switch (judgeLock(holder, age, staleMs)) {
    case "held":
      return null;
    case "gone":
      return `its holder ${holder === null ? "" : describeHolder(holder)} is no longer running`;
    case "old":
      return `it was not refreshed for ${Math.round(age / 1e3)} s (its holder${holder === null ? "" : ` ${describeHolder(holder)}`} crashed?)`;
  }
}
export {
  acquireEnvironmentLock,
  describeHolder,
  environmentLockPath
};

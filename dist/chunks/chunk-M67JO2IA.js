import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  OutputTail
} from "./chunk-QNSM54YF.js";
import {
  KILL_GRACE_MS,
  endGroup,
  groupAlive
} from "./chunk-WUQGZDLE.js";

// src/adapters/process/run-process.ts
import { spawn } from "node:child_process";
var DRAIN_MS = 300;
function runProcess(spec) {
  return startProcess(spec).done;
}
function startProcess(spec) {
  const started = performance.now();
  const tail = new OutputTail(spec.tailLines);
  if (spec.signal?.aborted) return notStarted(result({ stopped: "aborted", tail, started }));
  let child;
  try {
    child = spawnGroup(spec);
  } catch (error) {
    const spawnError = error instanceof Error ? error.message : String(error);
    return notStarted(result({ spawnError, tail, started }));
  }
  const supervisor = new Supervisor(spec, child, tail, started);
  const done = supervisor.run();
  return {
    pid: child.pid,
    done,
    stop: async () => {
      supervisor.requestStop("stopped");
      await done;
      if (child.pid !== void 0 && groupAlive(child.pid)) await endGroup(child.pid, supervisor.graceMs);
    }
  };
}
function notStarted(outcome) {
  const done = Promise.resolve(outcome);
  return { pid: void 0, done, stop: () => done.then(() => void 0) };
}
function spawnGroup(spec) {
  const options = {
    cwd: spec.cwd,
    env: { ...spec.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    windowsHide: true
  };
  if (typeof spec.command === "string") return spawn(spec.command, { ...options, shell: true });
  const [file, ...args] = spec.command;
  return spawn(file, args, options);
}
var Supervisor = class {
  graceMs;
  exited;
  stopRequested;
  requestStopNow = () => {
  };
  output;
  spec;
  child;
  tail;
  started;
  constructor(spec, child, tail, started) {
    this.spec = spec;
    this.child = child;
    this.tail = tail;
    this.started = started;
    this.graceMs = spec.graceMs ?? KILL_GRACE_MS;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal, spawnError: null }));
      child.once("error", (error) => resolve({ code: null, signal: null, spawnError: error.message }));
    });
    this.stopRequested = new Promise((resolve) => {
      this.requestStopNow = resolve;
    });
    this.output = readOutput(child, tail, spec.onOutput);
  }
  requestStop(reason) {
    this.requestStopNow(reason);
  }
  async run() {
    const { spec } = this;
    const timer = spec.timeoutMs === null ? void 0 : setTimeout(() => this.requestStop("timeout"), spec.timeoutMs);
    const onAbort = () => this.requestStop("aborted");
    if (spec.signal?.aborted) onAbort();
    else spec.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const first = await Promise.race([this.exited, this.stopRequested]);
      if (typeof first === "string") return await this.stopped(first);
      return await this.exitedOnItsOwn(first);
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener("abort", onAbort);
    }
  }
  async stopped(reason) {
    const pid = this.child.pid;
    if (pid !== void 0) await endGroup(pid, this.graceMs);
    const exit = await this.exited;
    this.output.stop();
    return result({ ...exit, stopped: reason, tail: this.tail, started: this.started });
  }
  async exitedOnItsOwn(exit) {
    const { spec } = this;
    const pid = this.child.pid;
    const drained = exit.spawnError === null && await settlesWithin(this.output.closed, DRAIN_MS);
    this.output.stop();
    let background = "none";
    if (exit.spawnError === null && pid !== void 0 && groupAlive(pid)) {
      background = spec.keepBackground ? "kept" : "ended";
      if (!spec.keepBackground) await endGroup(pid, this.graceMs);
      const fate = spec.keepBackground ? "it keeps running" : "shipguard ended it";
      if (!drained) {
        spec.onOutput?.(
          `(shipguard: a background process of ${spec.label} still held its output, which is no longer read (redirect it to a file): ${fate}.)`
        );
      }
    }
    return result({ ...exit, background, tail: this.tail, started: this.started });
  }
};
function readOutput(child, tail, onOutput) {
  const emit = (lines) => {
    if (lines.length > 0) onOutput?.(lines.join("\n"));
  };
  const streams = [child.stdout, child.stderr].flatMap((stream) => stream === null ? [] : [stream]);
  const readers = streams.map((stream) => {
    const reader = tail.reader();
    stream.on("data", (chunk) => emit(reader.push(chunk)));
    return reader;
  });
  const closed = Promise.all(
    streams.map((stream) => new Promise((resolve) => stream.once("close", () => resolve())))
  ).then(() => void 0);
  let stopped = false;
  return {
    closed,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const stream of streams) stream.destroy();
      emit(readers.flatMap((reader) => reader.end()));
    }
  };
}
function result(parts) {
  return {
    code: parts.code ?? null,
    signal: parts.signal ?? null,
    stopped: parts.stopped ?? null,
    spawnError: parts.spawnError ?? null,
    tail: parts.tail.lines(),
    durationMs: performance.now() - parts.started,
    background: parts.background ?? "none"
  };
}
function settlesWithin(promise, ms) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, ms, false);
  });
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

export {
  runProcess
};

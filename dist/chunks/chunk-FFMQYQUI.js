import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  printable
} from "./chunk-P2F454IK.js";

// src/adapters/process/run-process.ts
import { spawn } from "node:child_process";

// src/adapters/process/kill-group.ts
import { readdirSync, readFileSync } from "node:fs";
var KILL_GRACE_MS = 2e3;
var KILL_SETTLE_MS = 1e3;
var POLL_MS = 20;
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  return livingMember(pgid) ?? true;
}
function signalProcess(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  return procStat(String(pid))?.state !== "Z";
}
function endGroup(pgid, graceMs = KILL_GRACE_MS) {
  return end(
    (signal) => signalGroup(pgid, signal),
    () => groupAlive(pgid),
    graceMs
  );
}
function endProcess(pid, signal = (s) => signalProcess(pid, s)) {
  return end(signal, () => processAlive(pid), KILL_GRACE_MS);
}
async function end(signal, alive, graceMs) {
  if (!signal("SIGTERM")) return;
  signal("SIGCONT");
  if (await gone(alive, graceMs)) return;
  signal("SIGKILL");
  await gone(alive, KILL_SETTLE_MS);
}
async function gone(alive, withinMs) {
  const deadline = performance.now() + withinMs;
  while (alive()) {
    if (performance.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}
function livingMember(pgid) {
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat !== null && Number(stat.pgrp) === pgid && stat.state !== "Z") return true;
  }
  return false;
}
function procStat(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  const [state = "", , pgrp = ""] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state, pgrp };
}

// src/adapters/process/output-tail.ts
import { StringDecoder } from "node:string_decoder";
var TAIL_LINES = 20;
var MAX_LINE_CHARS = 500;
var MAX_PENDING_CHARS = 8 * 1024;
var OutputTail = class {
  kept = [];
  size;
  // No parameter properties: Node's type stripping runs this file as it is (test fixtures do).
  constructor(size = TAIL_LINES) {
    this.size = size;
  }
  /** A reader for one stream (stdout or stderr) whose lines land in this tail. */
  reader() {
    const splitter = new LineSplitter();
    return {
      push: (chunk) => this.keep(splitter.push(chunk)),
      end: () => this.keep(splitter.end())
    };
  }
  /** The kept lines, without trailing empty ones. */
  lines() {
    const result2 = [...this.kept];
    while (result2.length > 0 && result2[result2.length - 1] === "") result2.pop();
    return result2;
  }
  /** The kept lines as one string (for an error message). */
  text() {
    return this.lines().join("\n").trim();
  }
  keep(lines) {
    for (const line of lines) {
      this.kept.push(line);
      if (this.kept.length > this.size) this.kept.shift();
    }
    return lines;
  }
};
var LineSplitter = class {
  decoder = new StringDecoder("utf8");
  pending = "";
  /** The current line was already shown (cut): the rest of it is dropped until its end. */
  overflowed = false;
  /** A chunk ended in "\r": whether it starts "\r\n" is known with the next one. */
  carriageReturn = false;
  push(chunk) {
    let text = this.decoder.write(chunk);
    if (this.carriageReturn) text = `\r${text}`;
    this.carriageReturn = text.endsWith("\r");
    if (this.carriageReturn) text = text.slice(0, -1);
    const lines = [];
    const pieces = text.split("\n");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? "";
      const redrawn = piece.length < 2 ? -1 : piece.lastIndexOf("\r", piece.length - 2);
      if (redrawn !== -1) this.restartLine();
      this.append(piece.slice(redrawn + 1).replace(/\r$/, ""), lines);
      if (i < pieces.length - 1) this.completeLine(lines);
    }
    return lines;
  }
  end() {
    const lines = [];
    this.append(this.decoder.end(), lines);
    this.carriageReturn = false;
    if (this.pending !== "") this.completeLine(lines);
    this.overflowed = false;
    return lines;
  }
  append(text, lines) {
    if (this.overflowed || text === "") return;
    this.pending += text;
    if (this.pending.length > MAX_PENDING_CHARS) {
      lines.push(shown(this.pending));
      this.pending = "";
      this.overflowed = true;
    }
  }
  completeLine(lines) {
    if (!this.overflowed) lines.push(shown(this.pending));
    this.restartLine();
  }
  restartLine() {
    this.pending = "";
    this.overflowed = false;
  }
};
function shown(line) {
  const text = printable(line).trimEnd();
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}...` : text;
}

// src/adapters/process/run-process.ts
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
  OutputTail,
  signalProcess,
  processAlive,
  endProcess,
  runProcess
};

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/adapters/deployers/process.ts
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
var MAX_LINE = 500;
var MAX_PARTIAL = 8 * 1024;
var DRAIN_MS = 300;
function runShell(run) {
  const started = performance.now();
  const graceMs = run.killGraceMs ?? 3e3;
  const lines = new LineTail(run.tailLines ?? 20);
  return new Promise((resolve) => {
    let stopped = null;
    let exit = null;
    let settled = false;
    const timers = [];
    const finish = (spawnError) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      run.signal?.removeEventListener("abort", onAbort);
      if (stopped !== null) killGroup(pid, "SIGKILL");
      child.stdout?.destroy();
      child.stderr?.destroy();
      const rest = [...out.end(), ...err.end()];
      if (rest.length > 0) emit(rest);
      const result = {
        code: exit?.code ?? null,
        signal: exit?.signal ?? null,
        stopped,
        spawnError,
        tail: lines.lines(),
        durationMs: Math.round(performance.now() - started)
      };
      resolve({ ...result, failure: describeFailure(run, result) });
    };
    const emit = (batch) => {
      for (const line of batch) lines.push(line);
      run.onOutput?.(batch.join("\n"));
    };
    const out = new LineSplitter();
    const err = new LineSplitter();
    let child;
    try {
      child = spawn(run.command, {
        shell: true,
        cwd: run.cwd,
        env: { ...run.env },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        windowsHide: true
      });
    } catch (error) {
      const result = { code: null, signal: null, stopped: null, tail: [], durationMs: 0 };
      const spawnError = error instanceof Error ? error.message : String(error);
      resolve({ ...result, spawnError, failure: describeFailure(run, { ...result, spawnError }) });
      return;
    }
    const pid = child.pid;
    child.stdout?.on("data", (chunk) => {
      const batch = out.push(chunk);
      if (batch.length > 0) emit(batch);
    });
    child.stderr?.on("data", (chunk) => {
      const batch = err.push(chunk);
      if (batch.length > 0) emit(batch);
    });
    const stop = (reason) => {
      if (stopped !== null || exit !== null) return;
      stopped = reason;
      killGroup(pid, "SIGTERM");
      timers.push(setTimeout(() => killGroup(pid, "SIGKILL"), graceMs));
    };
    const onAbort = () => stop("aborted");
    timers.push(setTimeout(() => stop("timeout"), run.timeoutMs));
    if (run.signal?.aborted) onAbort();
    else run.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (error) => finish(error.message));
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      if (child.stdout?.readableEnded !== false && child.stderr?.readableEnded !== false) {
        finish(null);
        return;
      }
      timers.push(
        setTimeout(() => {
          if (stopped === null) {
            emit([
              `(shipguard: a background process of ${run.label} still holds its output; no longer reading it. Redirect the output of a server it starts to a file.)`
            ]);
          }
          finish(null);
        }, DRAIN_MS)
      );
    });
    child.on("close", () => {
      if (exit !== null) finish(null);
    });
  });
}
function describeFailure(run, result) {
  if (result.spawnError !== null) return `${run.label} could not start: ${result.spawnError}`;
  if (result.stopped === "timeout") {
    return `${run.label} did not finish within ${run.timeoutMs} ms: shipguard ended its whole process group`;
  }
  if (result.stopped === "aborted") return `${run.label} was stopped: the deploy was cancelled`;
  if (result.code === 0) return null;
  if (result.code !== null) return `${run.label} failed with exit code ${result.code}`;
  return `${run.label} was killed by ${result.signal ?? "a signal"}`;
}
function killGroup(pid, signal) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
  }
}
var LineSplitter = class {
  decoder = new StringDecoder("utf8");
  partial = "";
  push(chunk) {
    const text = this.partial + this.decoder.write(chunk);
    const parts = text.split("\n");
    this.partial = parts.pop() ?? "";
    if (this.partial.length > MAX_PARTIAL) {
      parts.push(this.partial);
      this.partial = "";
    }
    return parts.map(clean);
  }
  end() {
    const rest = this.partial + this.decoder.end();
    this.partial = "";
    return rest === "" ? [] : [clean(rest)];
  }
};
function clean(line) {
  const trimmed = line.replace(/\r$/, "");
  const shown = trimmed.slice(trimmed.lastIndexOf("\r") + 1).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
  return shown.length > MAX_LINE ? `${shown.slice(0, MAX_LINE)}...` : shown;
}
var LineTail = class {
  constructor(size) {
    this.size = size;
  }
  size;
  kept = [];
  push(line) {
    this.kept.push(line);
    if (this.kept.length > this.size) this.kept.shift();
  }
  lines() {
    const result = [...this.kept];
    while (result.length > 0 && result[result.length - 1] === "") result.pop();
    return result;
  }
};

export {
  runShell
};

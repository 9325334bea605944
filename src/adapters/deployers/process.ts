/**
 * Runs one of the workflow author's shell commands for a deploy step (deploy, prepare, restart).
 *
 * The shell is acceptable only because the author wrote the string: every value that could come
 * from an attacker (version, tag, sha, environment) reaches the command through `env`, never pasted
 * into it. The command leads its own process group, so a timeout or a cancellation ends everything
 * it started. A command that exits normally may leave a process running on purpose (a restart
 * command starting a server): that one is left alone.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";

export interface ShellRun {
  /** Which input the command came from, for messages: "deploy-command". */
  label: string;
  command: string;
  cwd?: string;
  /** The child's whole environment: nothing is inherited from this process. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL for the process group (default 3 s). */
  killGraceMs?: number;
  signal?: AbortSignal;
  /** Receives complete output lines (stdout and stderr as they interleave), a batch at a time. */
  onOutput?: (text: string) => void;
  /** How many of the last lines to keep for the report (default 20). */
  tailLines?: number;
}

export interface ShellResult {
  /** The exit code, or null when a signal ended the shell. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when shipguard ended the command itself. */
  stopped: "timeout" | "aborted" | null;
  /** The command could not start at all (missing working directory...). */
  spawnError: string | null;
  tail: string[];
  durationMs: number;
  /** What went wrong, for DeployOutcome.failure; null when the command succeeded. */
  failure: string | null;
}

const MAX_LINE = 500;
const MAX_PARTIAL = 8 * 1024;
/** How long the output may stay open after the shell exited (a background process holding it). */
const DRAIN_MS = 300;

export function runShell(run: ShellRun): Promise<ShellResult> {
  const started = performance.now();
  const graceMs = run.killGraceMs ?? 3_000;
  const lines = new LineTail(run.tailLines ?? 20);
  return new Promise<ShellResult>((resolve) => {
    let stopped: ShellResult["stopped"] = null;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const finish = (spawnError: string | null): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      run.signal?.removeEventListener("abort", onAbort);
      // Whatever is left of a group shipguard stopped is a straggler: it must not outlive the step.
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
        durationMs: Math.round(performance.now() - started),
      };
      resolve({ ...result, failure: describeFailure(run, result) });
    };

    const emit = (batch: string[]): void => {
      for (const line of batch) lines.push(line);
      run.onOutput?.(batch.join("\n"));
    };
    const out = new LineSplitter();
    const err = new LineSplitter();

    let child: ChildProcess;
    try {
      child = spawn(run.command, {
        shell: true,
        cwd: run.cwd,
        env: { ...run.env },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        windowsHide: true,
      });
    } catch (error) {
      // Node refuses some values before starting anything (a NUL byte in a variable).
      const result = { code: null, signal: null, stopped: null, tail: [], durationMs: 0 };
      const spawnError = error instanceof Error ? error.message : String(error);
      resolve({ ...result, spawnError, failure: describeFailure(run, { ...result, spawnError }) });
      return;
    }
    const pid = child.pid;

    child.stdout?.on("data", (chunk: Buffer) => {
      const batch = out.push(chunk);
      if (batch.length > 0) emit(batch);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      const batch = err.push(chunk);
      if (batch.length > 0) emit(batch);
    });

    const stop = (reason: "timeout" | "aborted"): void => {
      if (stopped !== null || exit !== null) return;
      stopped = reason;
      killGroup(pid, "SIGTERM");
      timers.push(setTimeout(() => killGroup(pid, "SIGKILL"), graceMs));
    };
    const onAbort = (): void => stop("aborted");
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
      // A process the command started in the background still holds the output open. Its output
      // is no longer read; the process itself keeps running unless shipguard stopped the group.
      timers.push(
        setTimeout(() => {
          if (stopped === null) {
            emit([
              `(shipguard: a background process of ${run.label} still holds its output; no longer reading it. Redirect the output of a server it starts to a file.)`,
            ]);
          }
          finish(null);
        }, DRAIN_MS),
      );
    });
    child.on("close", () => {
      if (exit !== null) finish(null);
    });
  });
}

function describeFailure(run: ShellRun, result: Omit<ShellResult, "failure">): string | null {
  if (result.spawnError !== null) return `${run.label} could not start: ${result.spawnError}`;
  if (result.stopped === "timeout") {
    return `${run.label} did not finish within ${run.timeoutMs} ms: shipguard ended its whole process group`;
  }
  if (result.stopped === "aborted") return `${run.label} was stopped: the deploy was cancelled`;
  if (result.code === 0) return null;
  if (result.code !== null) return `${run.label} failed with exit code ${result.code}`;
  return `${run.label} was killed by ${result.signal ?? "a signal"}`;
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // The negative pid addresses the whole group the detached shell leads.
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Cuts a byte stream into lines, holding only the unfinished last one (bounded). */
class LineSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private partial = "";

  push(chunk: Buffer): string[] {
    const text = this.partial + this.decoder.write(chunk);
    const parts = text.split("\n");
    this.partial = parts.pop() ?? "";
    if (this.partial.length > MAX_PARTIAL) {
      // A progress bar that never prints a newline still shows up, a piece at a time.
      parts.push(this.partial);
      this.partial = "";
    }
    return parts.map(clean);
  }

  end(): string[] {
    const rest = this.partial + this.decoder.end();
    this.partial = "";
    return rest === "" ? [] : [clean(rest)];
  }
}

function clean(line: string): string {
  const trimmed = line.replace(/\r$/, "");
  // A carriage return redraws the line on a terminal: the last drawing is what a reader saw.
  const shown = trimmed.slice(trimmed.lastIndexOf("\r") + 1).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
  return shown.length > MAX_LINE ? `${shown.slice(0, MAX_LINE)}...` : shown;
}

/** The last `size` lines, in bounded memory. */
class LineTail {
  private readonly kept: string[] = [];

  constructor(private readonly size: number) {}

  push(line: string): void {
    this.kept.push(line);
    if (this.kept.length > this.size) this.kept.shift();
  }

  lines(): string[] {
    const result = [...this.kept];
    while (result.length > 0 && result[result.length - 1] === "") result.pop();
    return result;
  }
}

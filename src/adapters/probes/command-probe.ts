import { type ChildProcess, spawn } from "node:child_process";
import type { AttemptOutcome, CommandCheck } from "../../core/smoke/types.ts";
import type { Probe, ProbeContext } from "../../ports.ts";
import { OutputTail } from "./output-tail.ts";

export interface CommandProbeOptions {
  /** Time between SIGTERM and SIGKILL when a command runs out of time. */
  killGraceMs?: number;
  /** Working directory of commands without `cwd` (the process's own otherwise). */
  cwd?: string;
}

/**
 * Runs a check's command with `sh -c`. The shell is acceptable because the command text comes from
 * the workflow author; every value (version, tag, sha) reaches it through `env`, never pasted in.
 * The command runs in its own process group so that a timeout kills everything it started.
 */
export function createCommandProbe(options: CommandProbeOptions = {}): Probe<CommandCheck> {
  const killGraceMs = options.killGraceMs ?? 2_000;
  return {
    attempt(check: CommandCheck, context: ProbeContext): Promise<AttemptOutcome> {
      return new Promise<AttemptOutcome>((resolve) => {
        const t0 = process.hrtime.bigint();
        const elapsed = (): number => Number(process.hrtime.bigint() - t0) / 1e6;
        const tail = new OutputTail();
        let settled = false;
        let stopReason: string | null = null;
        let killTimer: NodeJS.Timeout | undefined;
        let closeTimer: NodeJS.Timeout | undefined;
        const finish = (outcome: Omit<AttemptOutcome, "timings" | "output">): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          clearTimeout(killTimer);
          clearTimeout(closeTimer);
          context.signal.removeEventListener("abort", onAbort);
          child.stdout?.destroy();
          child.stderr?.destroy();
          const output = tail.lines();
          const totalMs = elapsed();
          resolve({ ...outcome, timings: { connectMs: null, tlsMs: null, ttfbMs: null, totalMs }, output });
        };

        let child: ChildProcess;
        try {
          child = spawn(check.command, {
            shell: true,
            cwd: check.cwd ?? options.cwd,
            env: { ...context.env },
            detached: true,
            stdio: ["ignore", "pipe", "pipe"],
            windowsHide: true,
          });
        } catch (error) {
          resolve({
            verdict: "fail",
            cause: "exit-code",
            detail: `could not start the command: ${(error as Error).message}`,
            timings: { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: elapsed() },
            output: [],
          });
          return;
        }
        child.stdout?.on("data", (chunk: Buffer) => tail.push(chunk));
        child.stderr?.on("data", (chunk: Buffer) => tail.push(chunk));

        const stop = (reason: string): void => {
          if (stopReason !== null) return;
          stopReason = reason;
          killGroup(child, "SIGTERM");
          killTimer = setTimeout(() => killGroup(child, "SIGKILL"), killGraceMs);
        };
        const timer = setTimeout(() => stop(`no exit within ${context.timeoutMs} ms`), context.timeoutMs);
        const onAbort = (): void =>
          stop("stopped: the overall deadline was reached or the run was cancelled");
        if (context.signal.aborted) onAbort();
        else context.signal.addEventListener("abort", onAbort, { once: true });

        child.on("error", (error) => {
          finish({
            verdict: "fail",
            cause: "exit-code",
            detail: `could not start the command: ${error.message}`,
          });
        });
        child.on("exit", (code, signal) => {
          const conclude = (): void => {
            if (stopReason !== null) {
              finish({
                verdict: "fail",
                cause: "timeout",
                detail: `${stopReason}; killed the process group${lastLine(tail)}`,
              });
            } else if (code === 0) {
              finish({ verdict: "pass", cause: null, detail: `exit code 0 in ${Math.round(elapsed())} ms` });
            } else if (code !== null) {
              finish({ verdict: "fail", cause: "exit-code", detail: `exit code ${code}${lastLine(tail)}` });
            } else {
              finish({
                verdict: "fail",
                cause: "exit-code",
                detail: `killed by ${signal ?? "a signal"}${lastLine(tail)}`,
              });
            }
          };
          // A background process the command left behind may hold the pipes open; it gets a moment
          // to finish writing, then the group is ended so that no handle outlives the check.
          if (child.stdout?.readableEnded !== false && child.stderr?.readableEnded !== false) {
            conclude();
            return;
          }
          child.once("close", conclude);
          closeTimer = setTimeout(() => {
            killGroup(child, "SIGKILL");
            conclude();
          }, 200);
        });
      });
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // The negative pid addresses the whole group the detached child leads.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function lastLine(tail: OutputTail): string {
  const lines = tail.lines();
  const last = lines[lines.length - 1];
  return last === undefined ? "" : `; last output: ${last}`;
}

import type { AttemptOutcome, CommandCheck } from "../../core/smoke/types.ts";
import type { Probe, ProbeContext } from "../../ports.ts";
import { type ProcessResult, runProcess } from "../process/run-process.ts";

export interface CommandProbeOptions {
  /** Time between SIGTERM and SIGKILL when a command runs out of time (default: the runner's). */
  killGraceMs?: number;
  /** Working directory of commands without `cwd` (the process's own otherwise). */
  cwd?: string;
}

/**
 * Runs a check's command with `sh -c` through the one process runner. The shell is acceptable
 * because the command text comes from the workflow author; every value (version, tag, sha) reaches
 * it through `env`, never pasted in. A timeout or the run's deadline ends the command's whole
 * process group, and so does the command's end: a check leaves no process behind.
 */
export function createCommandProbe(options: CommandProbeOptions = {}): Probe<CommandCheck> {
  return {
    async attempt(check: CommandCheck, context: ProbeContext): Promise<AttemptOutcome> {
      const result = await runProcess({
        label: `the check ${JSON.stringify(check.name)}`,
        command: check.command,
        cwd: check.cwd ?? options.cwd,
        env: context.env,
        timeoutMs: context.timeoutMs,
        signal: context.signal,
        graceMs: options.killGraceMs,
      });
      const timings = { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: result.durationMs };
      return { ...verdict(result, context.timeoutMs), timings, output: result.tail };
    },
  };
}

function verdict(
  result: ProcessResult,
  timeoutMs: number,
): Pick<AttemptOutcome, "verdict" | "cause" | "detail"> {
  const last = result.tail.at(-1);
  const lastLine = last === undefined ? "" : `; last output: ${last}`;
  if (result.spawnError !== null) {
    return {
      verdict: "fail",
      cause: "exit-code",
      detail: `could not start the command: ${result.spawnError}`,
    };
  }
  if (result.stopped !== null) {
    const reason =
      result.stopped === "timeout"
        ? `no exit within ${timeoutMs} ms`
        : "stopped: the overall deadline was reached or the run was cancelled";
    return { verdict: "fail", cause: "timeout", detail: `${reason}; killed the process group${lastLine}` };
  }
  if (result.code === 0) {
    return { verdict: "pass", cause: null, detail: `exit code 0 in ${Math.round(result.durationMs)} ms` };
  }
  const ended =
    result.code !== null ? `exit code ${result.code}` : `killed by ${result.signal ?? "a signal"}`;
  return { verdict: "fail", cause: "exit-code", detail: `${ended}${lastLine}` };
}

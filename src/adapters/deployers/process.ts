/**
 * Runs one of the workflow author's shell commands for a deploy step (deploy, prepare, restart,
 * rollback hooks) through the one process runner (adapters/process/run-process.ts), which owns the
 * timeout, the process-group kill, the output tail and what happens to background processes.
 *
 * The shell is acceptable only because the author wrote the string: every value that could come
 * from an attacker (version, tag, sha, environment) reaches the command through `env`, never pasted
 * into it. A deploy-side command that exits normally may leave a process running on purpose (a
 * restart command starting a server): that one is left alone (`keepBackground`).
 */
import { type ProcessResult, runProcess } from "../process/run-process.ts";

export interface ShellRun {
  /** Which input the command came from, for messages: "deploy-command". */
  label: string;
  command: string;
  cwd?: string;
  /** The child's whole environment: nothing is inherited from this process. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL for the process group (default: the runner's KILL_GRACE_MS). */
  killGraceMs?: number;
  signal?: AbortSignal;
  /** Receives complete output lines (stdout and stderr as they interleave), a batch at a time. */
  onOutput?: (text: string) => void;
  /** How many of the last lines to keep for the report (default 20). */
  tailLines?: number;
}

export interface ShellResult extends ProcessResult {
  /** What went wrong, for DeployOutcome.failure; null when the command succeeded. */
  failure: string | null;
}

export async function runShell(run: ShellRun): Promise<ShellResult> {
  const result = await runProcess({
    label: run.label,
    command: run.command,
    cwd: run.cwd,
    env: run.env,
    timeoutMs: run.timeoutMs,
    signal: run.signal,
    graceMs: run.killGraceMs,
    keepBackground: true,
    onOutput: run.onOutput,
    tailLines: run.tailLines,
  });
  const durationMs = Math.round(result.durationMs);
  return { ...result, durationMs, failure: describeFailure(run, result) };
}

function describeFailure(run: ShellRun, result: ProcessResult): string | null {
  if (result.spawnError !== null) return `${run.label} could not start: ${result.spawnError}`;
  if (result.stopped === "timeout") {
    return `${run.label} did not finish within ${run.timeoutMs} ms: shipguard ended its whole process group`;
  }
  if (result.stopped !== null) return `${run.label} was stopped: the deploy was cancelled`;
  if (result.code === 0) return null;
  if (result.code !== null) return `${run.label} failed with exit code ${result.code}`;
  return `${run.label} was killed by ${result.signal ?? "a signal"}`;
}

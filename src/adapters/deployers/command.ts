/**
 * The `command` strategy: the workflow author's `deploy-command`, and an optional
 * `prepare-command` run first while the old version still serves. What is deployed reaches the
 * commands only as SHIPGUARD_* variables (targetEnvironment), never inside the command text.
 */
import {
  type Deployer,
  type DeployOutcome,
  type DeployTarget,
  type Logger,
  targetEnvironment,
} from "../../ports.ts";
import { runShell } from "./process.ts";

export interface CommandDeployerOptions {
  /** `deploy-command`, as the workflow author wrote it. */
  command: string;
  /** `prepare-command` (pull images, stage files), run by prepare(); none when null or empty. */
  prepareCommand?: string | null;
  /** Working directory of both commands (default: this process's). */
  cwd?: string;
  /** The commands' environment (PATH, HOME, what the author passed); SHIPGUARD_* are added over it. */
  env: Record<string, string>;
  /** Per command (default 15 minutes). */
  timeoutMs?: number;
  /** Between SIGTERM and SIGKILL of a command that ran out of time (default 3 s). */
  killGraceMs?: number;
  logger: Logger;
}

export class CommandDeployer implements Deployer {
  readonly strategy = "command";

  constructor(private readonly options: CommandDeployerOptions) {}

  prepare(target: DeployTarget, signal?: AbortSignal): Promise<DeployOutcome> {
    const command = this.options.prepareCommand ?? "";
    if (command.trim() === "") return Promise.resolve(success([]));
    this.options.logger.info(
      `Preparing ${target.version} with the prepare-command; the current version keeps serving.`,
    );
    return this.run("prepare-command", command, target, signal);
  }

  deploy(target: DeployTarget, signal?: AbortSignal): Promise<DeployOutcome> {
    const share =
      target.trafficPercent === undefined
        ? ""
        : target.trafficPercent === 0
          ? " (0%: all traffic back to the stable version)"
          : ` (${target.trafficPercent}% of the traffic)`;
    this.options.logger.info(
      `Deploying ${target.version} to ${target.environment} with the deploy-command${share}.`,
    );
    return this.run("deploy-command", this.options.command, target, signal);
  }

  private async run(
    label: string,
    command: string,
    target: DeployTarget,
    signal?: AbortSignal,
  ): Promise<DeployOutcome> {
    const { logger } = this.options;
    const result = await runShell({
      label,
      command,
      cwd: this.options.cwd,
      env: { ...this.options.env, ...targetEnvironment(target) },
      timeoutMs: this.options.timeoutMs ?? 15 * 60_000,
      killGraceMs: this.options.killGraceMs,
      signal,
      // The output may echo commit text or anything the command fetched: never a workflow command.
      onOutput: (text) => logger.untrusted(text),
    });
    if (result.failure !== null) {
      logger.warning(`${result.failure}.`);
      return { ok: false, failure: result.failure, logTail: result.tail, runUrl: null };
    }
    logger.info(`${label} finished in ${result.durationMs} ms.`);
    return success(result.tail);
  }
}

function success(logTail: string[]): DeployOutcome {
  return { ok: true, failure: null, logTail, runUrl: null };
}

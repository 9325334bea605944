/**
 * The `workflow` strategy: dispatches `deploy-workflow` with what to deploy as inputs, waits for the
 * run, and maps every way it can end. Only `success` deployed something: a run that was skipped or
 * ended neutral deployed nothing, and a wait that ran out of time is a failure, not a warning.
 */
import { isShipguardError, shipguardError } from "../../errors.ts";
import type {
  Deployer,
  DeployOutcome,
  DeployTarget,
  Dispatcher,
  Logger,
  RunConclusion,
} from "../../ports.ts";

export interface WorkflowDeployerOptions {
  dispatcher: Dispatcher;
  /** `deploy-workflow`: a file name in .github/workflows/ of the repository, e.g. `deploy.yml`. */
  workflow: string;
  /** The branch or tag to run it on (the caller passes the default branch unless told otherwise). */
  ref: string;
  /** Extra inputs the author asked for; they may not reuse the names shipguard sends. */
  inputs?: Record<string, string>;
  /** How long the run may take, queue and approvals included (default 30 minutes). */
  timeoutMs?: number;
  /** Between two reads of the run (default 5 s). */
  pollMs?: number;
  /** Told each status the run goes through (queued, waiting, in_progress, completed). */
  onStatus?: (status: string) => void;
  logger: Logger;
}

/** The inputs every deploy workflow receives; its `workflow_dispatch` trigger must declare them. */
export const DEPLOY_WORKFLOW_INPUTS = ["version", "tag", "sha", "environment", "correlation-id"] as const;

export class WorkflowDeployer implements Deployer {
  readonly strategy = "workflow";

  constructor(private readonly options: WorkflowDeployerOptions) {
    const clashes = Object.keys(options.inputs ?? {}).filter((name) =>
      (DEPLOY_WORKFLOW_INPUTS as readonly string[]).includes(name),
    );
    if (clashes.length > 0) {
      throw shipguardError("SG_WORKFLOW_INPUTS_RESERVED", { clashes, reserved: DEPLOY_WORKFLOW_INPUTS });
    }
  }

  prepare(_target: DeployTarget): Promise<DeployOutcome> {
    // The workflow does its own staging; nothing runs here before the switch.
    return Promise.resolve({ ok: true, failure: null, logTail: [], runUrl: null });
  }

  async deploy(target: DeployTarget, signal?: AbortSignal): Promise<DeployOutcome> {
    const { dispatcher, workflow, logger } = this.options;
    const timeoutMs = this.options.timeoutMs ?? 30 * 60_000;
    const timeline: string[] = [];
    const run = await dispatcher.dispatch({
      workflow,
      ref: this.options.ref,
      inputs: {
        ...this.options.inputs,
        version: target.version,
        tag: target.tag ?? "",
        sha: target.sha,
        environment: target.environment,
        "correlation-id": target.correlationId,
      },
      correlationId: target.correlationId,
    });
    if (run.id === null) {
      return {
        ok: false,
        failure: `${workflow} was dispatched but its run could not be found (no run-name showed ${target.correlationId}), so its result is unknown`,
        logTail: [],
        runUrl: run.url,
      };
    }
    logger.info(`Waiting up to ${duration(timeoutMs)} for ${run.url ?? `run ${run.id}`}.`);
    let result: Awaited<ReturnType<Dispatcher["wait"]>>;
    try {
      result = await dispatcher.wait(
        { id: run.id, url: run.url },
        {
          timeoutMs,
          pollMs: this.options.pollMs,
          signal,
          onStatus: (status) => {
            timeline.push(
              status === "waiting" ? "waiting for an environment approval" : status.replace(/_/g, " "),
            );
            this.options.onStatus?.(status);
          },
        },
      );
    } catch (error) {
      // Like a command that is stopped: a cancelled deploy is an outcome, not a crash.
      if (!signal?.aborted) throw error;
      return {
        ok: false,
        failure: `the deploy was cancelled: ${await this.cancelRun(run.id)}`,
        logTail: timeline,
        runUrl: run.url,
      };
    }
    const runUrl = result.url ?? run.url;
    const failure = describeConclusion(result.conclusion, workflow, timeoutMs, timeline);
    timeline.push(`conclusion: ${result.conclusion}`);
    if (failure !== null) logger.warning(`${failure}: ${runUrl ?? ""}`);
    return { ok: failure === null, failure, logTail: timeline, runUrl };
  }

  /** A cancelled deploy stops the run it dispatched too, as a command's process group is ended. */
  private async cancelRun(id: number): Promise<string> {
    const { dispatcher, workflow, logger } = this.options;
    try {
      const outcome = await dispatcher.cancel({ id });
      logger.info(
        `The ${workflow} run ${id} was ${outcome === "cancelled" ? "cancelled" : "already completed"}.`,
      );
      return outcome === "cancelled"
        ? `its ${workflow} run was cancelled too`
        : `its ${workflow} run had already completed`;
    } catch (error) {
      const detail = isShipguardError(error) ? `${error.code}: ${error.message}` : String(error);
      logger.warning(`The ${workflow} run ${id} could not be cancelled (${detail}): it may go on.`);
      return `its ${workflow} run could not be cancelled and may go on (${detail})`;
    }
  }
}

/** Null for success; otherwise why nothing (or not everything) was deployed. */
export function describeConclusion(
  conclusion: RunConclusion | "timed_out_waiting",
  workflow: string,
  timeoutMs: number,
  timeline: readonly string[] = [],
): string | null {
  const run = `the ${workflow} run`;
  switch (conclusion) {
    case "success":
      return null;
    case "failure":
      return `${run} failed`;
    case "cancelled":
      return `${run} was cancelled`;
    case "timed_out":
      return `${run} hit its own time limit (timed_out)`;
    case "startup_failure":
      return `${run} could not start (startup_failure): check the workflow file and the reusable workflows it calls`;
    case "action_required":
      return `${run} needs someone to act (action_required) before it runs: nothing was deployed`;
    case "stale":
      return `${run} went stale: GitHub gave up on it, nothing was deployed`;
    case "neutral":
      return `${run} ended neutral: nothing was deployed`;
    case "skipped":
      return `${run} was skipped (its jobs' conditions were false): nothing was deployed`;
    case "timed_out_waiting": {
      const last = timeline.at(-1);
      const waiting =
        last === "waiting for an environment approval" ? ", still waiting for an environment approval" : "";
      return `${run} did not complete within ${duration(timeoutMs)}${waiting}: counted as a failed deploy (the run may still go on)`;
    }
  }
}

function duration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1_000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  isShipguardError,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/deployers/workflow.ts
var DEPLOY_WORKFLOW_INPUTS = ["version", "tag", "sha", "environment", "correlation-id"];
var WorkflowDeployer = class {
  constructor(options) {
    this.options = options;
    const clashes = Object.keys(options.inputs ?? {}).filter(
      (name) => DEPLOY_WORKFLOW_INPUTS.includes(name)
    );
    if (clashes.length > 0) {
      throw shipguardError("SG_WORKFLOW_INPUTS_RESERVED", { clashes, reserved: DEPLOY_WORKFLOW_INPUTS });
    }
  }
  options;
  strategy = "workflow";
  prepare(_target) {
    return Promise.resolve({ ok: true, failure: null, logTail: [], runUrl: null });
  }
  async deploy(target, signal) {
    const { dispatcher, workflow, logger } = this.options;
    const timeoutMs = this.options.timeoutMs ?? 30 * 6e4;
    const timeline = [];
    const run = await dispatcher.dispatch({
      workflow,
      ref: this.options.ref,
      inputs: {
        ...this.options.inputs,
        version: target.version,
        tag: target.tag ?? "",
        sha: target.sha,
        environment: target.environment,
        "correlation-id": target.correlationId
      },
      correlationId: target.correlationId
    });
    if (run.id === null) {
      return {
        ok: false,
        failure: `${workflow} was dispatched but its run could not be found (no run-name showed ${target.correlationId}), so its result is unknown`,
        logTail: [],
        runUrl: run.url
      };
    }
    logger.info(`Waiting up to ${duration(timeoutMs)} for ${run.url ?? `run ${run.id}`}.`);
    let result;
    try {
      result = await dispatcher.wait(
        { id: run.id, url: run.url },
        {
          timeoutMs,
          pollMs: this.options.pollMs,
          signal,
          onStatus: (status) => {
            timeline.push(
              status === "waiting" ? "waiting for an environment approval" : status.replace(/_/g, " ")
            );
            this.options.onStatus?.(status);
          }
        }
      );
    } catch (error) {
      if (!signal?.aborted) throw error;
      return {
        ok: false,
        failure: `the deploy was cancelled: ${await this.cancelRun(run.id)}`,
        logTail: timeline,
        runUrl: run.url
      };
    }
    const runUrl = result.url ?? run.url;
    const failure = describeConclusion(result.conclusion, workflow, timeoutMs, timeline);
    timeline.push(`conclusion: ${result.conclusion}`);
    if (failure !== null) logger.warning(`${failure}: ${runUrl ?? ""}`);
    return { ok: failure === null, failure, logTail: timeline, runUrl };
  }
  /** A cancelled deploy stops the run it dispatched too, as a command's process group is ended. */
  async cancelRun(id) {
    const { dispatcher, workflow, logger } = this.options;
    try {
      const outcome = await dispatcher.cancel({ id });
      logger.info(
        `The ${workflow} run ${id} was ${outcome === "cancelled" ? "cancelled" : "already completed"}.`
      );
      return outcome === "cancelled" ? `its ${workflow} run was cancelled too` : `its ${workflow} run had already completed`;
    } catch (error) {
      const detail = isShipguardError(error) ? `${error.code}: ${error.message}` : String(error);
      logger.warning(`The ${workflow} run ${id} could not be cancelled (${detail}): it may go on.`);
      return `its ${workflow} run could not be cancelled and may go on (${detail})`;
    }
  }
};
function describeConclusion(conclusion, workflow, timeoutMs, timeline = []) {
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
      const waiting = last === "waiting for an environment approval" ? ", still waiting for an environment approval" : "";
      return `${run} did not complete within ${duration(timeoutMs)}${waiting}: counted as a failed deploy (the run may still go on)`;
    }
  }
}
function duration(ms) {
  if (ms < 1e3) return `${ms} ms`;
  if (ms < 12e4) return `${Math.round(ms / 1e3)} s`;
  return `${Math.round(ms / 6e4)} min`;
}
export {
  DEPLOY_WORKFLOW_INPUTS,
  WorkflowDeployer,
  describeConclusion
};

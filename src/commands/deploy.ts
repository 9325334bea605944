/**
 * `deploy`: record a deployment, put the version in place with the chosen strategy, run the smoke
 * checks, and record the verdict: `success` only when the checks passed. When they fail and the
 * environment has a last known good version, a rollback is started right away (dispatched on
 * GitHub, in process on the CLI), before anything else is written. With `traffic-steps`, the
 * version takes traffic in steps, each judged by the checks (steps/traffic-steps.ts).
 */
import type { CancelSignal, RunContext } from "../context.ts";
import type { DeploymentRecord } from "../core/deployment-record.ts";
import { latestState, truncateDescription } from "../core/deployments.ts";
import type { SmokeReport } from "../core/smoke/types.ts";
import { type Refusal, shipguardError } from "../errors.ts";
import type {
  Deployer,
  DeployTarget,
  Git,
  Ledger,
  Logger,
  RollbackStart,
  RollbackStarter,
  SmokePort,
} from "../ports.ts";
import { type DeploySettings, ROLLBACK_SUFFIX } from "../settings.ts";
import { describeCancelledDeploy, throwIfCancelled, whereCancelled } from "../steps/cancellation.ts";
import { newCorrelationId } from "../steps/correlation-id.ts";
import { resolveTarget } from "../steps/deploy-target.ts";
import {
  closeInterruptedDeploy,
  type EarlierAttempt,
  earlierAttempt,
  takeoverSentence,
} from "../steps/interrupted.ts";
import { findLastKnownGood } from "../steps/last-known-good.ts";
import { openRecord } from "../steps/open-record.ts";
import { putInPlace, verify } from "../steps/put-in-place.ts";
import { Timeline, type TimelineEntry } from "../steps/timeline.ts";
import {
  failedStepPhrase,
  runTrafficSteps,
  type TrafficRevert,
  type TrafficStepReport,
} from "../steps/traffic-steps.ts";
import { type GateDecision, type GateFinding, promotionGate } from "../steps/verified-in.ts";

export interface DeployPorts {
  git: Git;
  ledger: Ledger;
  deployer: Deployer;
  logger: Logger;
  /** The checks to run after the switch; null when none are configured. */
  smoke: SmokePort | null;
  /** Null when on-failure is `none`. */
  rollback: RollbackStarter | null;
  now?: () => number;
}

export interface DeployResult {
  environment: string;
  version: string;
  tag: string | null;
  sha: string;
  deploymentId: string;
  /** `blocked`: require-verified-in held; nothing was deployed or recorded. */
  status: "success" | "failure" | "blocked";
  /** The gate's refusal, with its code and remedy, when status is `blocked`. */
  blocked: Refusal | null;
  /** What require-verified-in found, one entry per environment it names. */
  gate: GateFinding[];
  /** `force` carried the deploy past a gate that held: why, and what was missing. */
  forced: { reason: string; missing: string[] } | null;
  /** Nothing was recorded in this environment before. */
  firstDeploy: boolean;
  previousGoodVersion: string | null;
  /** The checks' report: with traffic steps, the last step's (null when its deploy failed). */
  smoke: SmokeReport | null;
  /** The traffic steps taken, in order (traffic-steps); empty for a plain deploy. */
  steps: TrafficStepReport[];
  /** The percentage of the traffic step that failed; null when none did (or there were none). */
  failedStep: number | null;
  /** How sending all traffic back to the stable version went, after a failed step; null otherwise. */
  trafficRevert: TrafficRevert | null;
  /** What failed, in one sentence; null on success. */
  failure: string | null;
  rollback: (RollbackStart & { toVersion: string }) | null;
  /** The step's closing message (the failure message on failure). */
  message: string;
  timeline: TimelineEntry[];
  /** The correlation id was seen before: the earlier attempt's record is reported, nothing redone. */
  duplicate: boolean;
  /** An earlier attempt with this correlation id was interrupted (still in progress): this one took it over. */
  tookOver: boolean;
  /** SIGINT or SIGTERM stopped the deploy: what it started was stopped, reverted (traffic) and recorded. */
  cancelled: CancelSignal | null;
  correlationId: string;
}

/** What one deploy works with once its target is known. */
interface Attempt {
  settings: DeploySettings;
  ports: DeployPorts;
  context: RunContext;
  target: DeployTarget;
  record: DeploymentRecord;
  previousGood: DeploymentRecord | null;
  timeline: Timeline;
  result: DeployResult;
}

export async function runDeploy(
  settings: DeploySettings,
  ports: DeployPorts,
  context: RunContext,
): Promise<DeployResult> {
  const { ledger } = ports;
  const timeline = new Timeline(ports.now);
  const correlationId = settings.correlationId ?? newCorrelationId();
  const target = await resolveTarget(settings, ports.git, correlationId);

  // A re-run does the same attempt once; one interrupted or cancelled is taken over (interrupted.ts).
  const earlier = await earlierAttempt(ledger, settings.environment, settings.correlationId);
  const unfinished = earlier !== null && (earlier.interrupted || earlier.cancelled);
  if (earlier !== null && !(unfinished && earlier.record.payload.sha === target.sha)) {
    return duplicateResult(earlier, target, timeline);
  }
  const takeover = earlier?.record ?? null;
  if (earlier !== null)
    ports.logger.warning(takeoverSentence(earlier.record, earlier.statuses, settings.environment));

  const gate = await promotionGate(ledger, ports.logger, {
    environment: settings.environment,
    target,
    ...settings.promotion,
  });
  timeline.mark("check require-verified-in", gateDetail(gate));
  if (gate.blocked !== null) return blockedResult(target, timeline, gate, gate.blocked);

  // A rollback of this environment queued or running goes first: a deploy never overtakes it
  // (where GitHub's `queue: max` does not order them, as on GitHub Enterprise Server).
  const pending = (await ports.rollback?.pending?.(settings.environment)) ?? null;
  if (pending !== null) {
    throw shipguardError("SG_ROLLBACK_PENDING", { environment: settings.environment, ...pending });
  }

  // Known before anything changes, so a failure can start the rollback without another lookup.
  const good = await findLastKnownGood(ledger, settings.environment);
  // A deploy killed outright is closed by the next one (this run holds the environment).
  if (takeover === null)
    await closeInterruptedDeploy(ports, settings.environment, good.newest, timeline, context.runUrl);
  const previousGood = good.record;
  target.previousVersion = previousGood?.payload.version ?? null;
  if (previousGood !== null) target.keep = [previousGood.payload.version];
  timeline.mark(
    "look up the last known good version",
    previousGood === null ? "none" : previousGood.payload.version,
  );

  // Cancelled while reading (the gate, the last known good): nothing was deployed or recorded.
  throwIfCancelled(context, settings.environment);
  const record = await createRecord(settings, ledger, target, context, gate, takeover);
  timeline.mark(
    takeover === null ? "record the deployment" : "take over the interrupted deployment",
    `#${record.id}`,
  );
  const result = resultOf(target, timeline, {
    deploymentId: record.id,
    status: "failure",
    gate: gate.findings,
    forced: gate.forced,
    firstDeploy: !good.anyBefore,
    previousGoodVersion: previousGood?.payload.version ?? null,
    tookOver: takeover !== null,
  });
  const attempt: Attempt = { settings, ports, context, target, record, previousGood, timeline, result };

  const { signal } = context.cancellation;
  const trafficSteps = settings.promotion.trafficSteps;
  if (trafficSteps !== null) {
    await shiftTraffic(attempt, trafficSteps);
  } else {
    result.failure = await putInPlace(ports.deployer, target, timeline, ports.logger, signal);
    if (result.failure === null && ports.smoke !== null) {
      const verified = await verify(ports.smoke, target, context.env, timeline, undefined, signal);
      result.smoke = verified.report;
      result.failure = verified.failure;
      // Wall clock, for matching against the server's logs (test/bench/rollback-bench.mjs).
      ports.logger.debug(`smoke checks verdict ${verified.report.verdict} at ${new Date().toISOString()}`);
    }
  }
  // Work that completed before a cancel stands: a verified version is recorded as such.
  if (result.failure === null) return succeed(attempt);
  const cancelledBy = context.cancellation.cause();
  if (cancelledBy !== null) return cancelled(attempt, cancelledBy);
  // Said before the rollback starts, so every log reads cause first, then what was done about it.
  ports.logger.warning(`${target.tag ?? target.version}: ${result.failure}.`);
  return fail(attempt, result.failure, good.anyBefore);
}

/** The canary: each step's deploy and checks; a failed step reverted to 0%, and said where. */
async function shiftTraffic(a: Attempt, percents: number[]): Promise<void> {
  const { ports, result } = a;
  const progress = await runTrafficSteps({
    percents,
    deployer: ports.deployer,
    smoke: ports.smoke,
    target: a.target,
    env: a.context.env,
    timeline: a.timeline,
    logger: ports.logger,
    cancellation: a.context.cancellation,
  });
  result.steps = progress.steps;
  result.smoke = progress.steps.at(-1)?.smoke ?? null;
  result.failedStep = progress.failedStep;
  result.trafficRevert = progress.revert;
  result.failure = progress.failure;
  if (progress.failure !== null && progress.revert?.ok === false) {
    result.failure = `${progress.failure}; the revert to 0% FAILED too (${progress.revert.failure ?? "no detail"}): the new version may still serve traffic`;
  }
}

function createRecord(
  settings: DeploySettings,
  ledger: Ledger,
  target: DeployTarget,
  context: RunContext,
  gate: GateDecision,
  resumed: DeploymentRecord | null,
): Promise<DeploymentRecord> {
  const { forced } = gate;
  return openRecord({
    ledger,
    target,
    description: `shipguard: deploy ${target.version}${forced === null ? "" : " (forced past require-verified-in)"}`,
    payload: {
      rolledBackFrom: null,
      // A forced promotion says so in the record, with what was missing and why.
      reason:
        forced === null
          ? null
          : truncateDescription(
              `forced past require-verified-in (not verified in ${forced.missing.join(", ")}): ${forced.reason}`,
              500,
            ),
    },
    doing: `Deploying ${target.version}`,
    runUrl: context.runUrl,
    environmentUrl: settings.environmentUrl,
    resumed,
  });
}

/**
 * SIGINT or SIGTERM during the deploy: the command or checks were stopped (their process group
 * ended), a canary's traffic went back to 0% (traffic-steps.ts), and the record says `failure`,
 * cancelled, and where. No rollback is started: a cancel is a person's (or a timeout's) decision,
 * and the runner leaves seconds, not a rollback's minutes. What to do next is in the message.
 */
async function cancelled(a: Attempt, signal: CancelSignal): Promise<DeployResult> {
  const { result, target, previousGood } = a;
  const said = describeCancelledDeploy({
    signal,
    shown: target.tag ?? target.version,
    environment: a.settings.environment,
    // The revert's failure is said once, loud, by describeCancelledDeploy: not in the step's phrase too.
    at: failedStepPhrase({ ...result, trafficRevert: null }) || whereCancelled(result.timeline),
    revert: result.trafficRevert,
    previousGood: previousGood === null ? null : (previousGood.payload.tag ?? previousGood.payload.version),
  });
  Object.assign(result, { cancelled: signal, failure: said.failure, message: said.message });
  await a.ports.ledger.setStatus(a.record, {
    state: "failure",
    description: truncateDescription(said.description),
    logUrl: a.context.runUrl,
    environmentUrl: a.settings.environmentUrl,
  });
  a.timeline.mark("record failure (cancelled)");
  return result;
}

async function succeed(a: Attempt): Promise<DeployResult> {
  const { result, target, settings } = a;
  await a.ports.ledger.setStatus(a.record, {
    state: "success",
    description: `${target.version} deployed and verified`,
    logUrl: a.context.runUrl,
    environmentUrl: settings.environmentUrl,
  });
  result.status = "success";
  const steps =
    result.steps.length > 0
      ? ` in traffic steps of ${result.steps.map((s) => `${s.percent}%`).join(", ")}`
      : "";
  const each = steps !== "" && result.smoke ? " at each step" : "";
  result.message = `Deployed ${target.version} to ${settings.environment}${steps}${result.smoke ? `; smoke checks passed${each}` : " (no smoke checks configured)"}.`;
  a.timeline.mark("record success");
  return result;
}

/** The rollback first (it is what the environment needs), then the record. */
async function fail(a: Attempt, failure: string, anyBefore: boolean): Promise<DeployResult> {
  const { result, target, settings, previousGood } = a;
  const shown = target.tag ?? target.version;
  const checksFailed = result.smoke !== null && result.smoke.verdict !== "pass";
  const at = failedStepPhrase(result);
  const what = checksFailed ? `failed its checks${at}` : `failed${at}: ${failure}`;
  const rollback = a.ports.rollback;
  if (rollback !== null && previousGood !== null && previousGood.payload.version !== target.version) {
    const started = await startRollback(a, rollback, previousGood, `${shown}${at}: ${failure}`);
    const to = previousGood.payload.tag ?? previousGood.payload.version;
    const how = { started: "dispatched", success: "done", failure: "FAILED", blocked: "BLOCKED" }[
      started.status
    ];
    const detail = started.status === "blocked" ? ` (${started.detail})` : "";
    result.message = `Deployment of ${shown} ${what}; rollback to ${to} ${how}${started.url ? `: ${started.url}` : ""}${detail}.`;
  } else if (previousGood === null) {
    result.message = `Deployment of ${shown} ${what}. Nothing to roll back to: ${settings.environment} has no earlier deployment that passed its checks${anyBefore ? "" : " (first deploy)"}.`;
  } else if (rollback === null) {
    result.message = `Deployment of ${shown} ${what}. on-failure is none: no rollback was started (the last known good version is ${previousGood.payload.version}).`;
  } else {
    result.message = `Deployment of ${shown} ${what}. The last known good version is this same version: no rollback was started.`;
  }
  await a.ports.ledger.setStatus(a.record, {
    state: "failure",
    description: truncateDescription(failedDescription(result, failure)),
    logUrl: result.rollback?.url ?? a.context.runUrl,
    environmentUrl: settings.environmentUrl,
  });
  a.timeline.mark("record failure");
  return result;
}

/**
 * What failed stays in the record (the rollback's incident report quotes it), the step and the
 * rollback first: "Failed at 50% (step 2 of 3; rollback to 1.0.0): smoke checks failed: health".
 */
function failedDescription(result: DeployResult, failure: string): string {
  const rollback = result.rollback === null ? [] : [`rollback to ${result.rollback.toVersion}`];
  const at = failedStepPhrase(result, rollback);
  if (at !== "") return `Failed${at}: ${failure}`;
  return rollback.length > 0 ? `Failed (${rollback[0]}): ${failure}` : `Failed: ${failure}`;
}

async function startRollback(
  a: Attempt,
  rollback: RollbackStarter,
  previousGood: DeploymentRecord,
  reason: string,
): Promise<RollbackStart> {
  let started: RollbackStart;
  try {
    started = await rollback.start({
      environment: a.settings.environment,
      toVersion: previousGood.payload.version,
      fromVersion: a.target.version,
      reason: truncateDescription(reason, 500),
      correlationId: `${a.target.correlationId}${ROLLBACK_SUFFIX}`,
    });
  } catch (error) {
    // The record still tells the truth before the error (a 403 naming actions: write) surfaces.
    await a.ports.ledger.setStatus(a.record, {
      state: "failure",
      description: truncateDescription(
        `Failed${failedStepPhrase(a.result)}: ${a.result.failure}; the rollback could not be started`,
      ),
      logUrl: a.context.runUrl,
      environmentUrl: a.settings.environmentUrl,
    });
    throw error;
  }
  a.timeline.mark("start the rollback", started.url ?? started.status);
  a.result.rollback = { toVersion: previousGood.payload.version, ...started };
  return started;
}

/** A result with every field: the target's, nothing done yet, then `fields`. */
function resultOf(
  target: DeployTarget,
  timeline: Timeline,
  fields: Partial<DeployResult> & Pick<DeployResult, "status">,
): DeployResult {
  return {
    environment: target.environment,
    version: target.version,
    tag: target.tag,
    sha: target.sha,
    deploymentId: "",
    blocked: null,
    gate: [],
    forced: null,
    firstDeploy: false,
    previousGoodVersion: null,
    smoke: null,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    failure: null,
    rollback: null,
    message: "",
    timeline: timeline.entries,
    duplicate: false,
    tookOver: false,
    cancelled: null,
    correlationId: target.correlationId,
    ...fields,
  };
}

/** This correlation id ran before: its record is reported, nothing is done again. */
function duplicateResult(earlier: EarlierAttempt, target: DeployTarget, timeline: Timeline): DeployResult {
  const { record } = earlier;
  const last = latestState(earlier.statuses) ?? "pending";
  const status = last === "success" ? "success" : "failure";
  return resultOf(target, timeline, {
    environment: record.environment,
    version: record.payload.version,
    tag: record.payload.tag,
    sha: record.payload.sha,
    deploymentId: record.id,
    status,
    failure: status === "success" ? null : `the earlier attempt ended ${last}`,
    message:
      earlier.interrupted || earlier.cancelled
        ? `Correlation id ${target.correlationId} was deployed as #${record.id} of another commit (${record.payload.sha.slice(0, 12)}), which did not finish: nothing was done. Deploy again without this correlation id.`
        : `Correlation id ${target.correlationId} was already deployed as #${record.id} (${last}): nothing was done again.`,
    duplicate: true,
  });
}

function gateDetail(gate: GateDecision): string {
  if (gate.findings.length === 0) return "none asked";
  if (gate.blocked !== null) return "blocked";
  return gate.forced === null ? "verified" : "forced";
}

/** The gate held: nothing was deployed, nothing recorded; the refusal is the result. */
function blockedResult(
  target: DeployTarget,
  timeline: Timeline,
  gate: GateDecision,
  blocked: Refusal,
): DeployResult {
  return resultOf(target, timeline, {
    status: "blocked",
    blocked,
    gate: gate.findings,
    failure: blocked.message,
    message: blocked.message,
  });
}

/**
 * `deploy`: record a deployment, put the version in place with the chosen strategy, run the smoke
 * checks, and record the verdict: `success` only when the checks passed. When they fail and the
 * environment has a last known good version, a rollback is started right away (dispatched on
 * GitHub, in process on the CLI), before anything else is written. With `traffic-steps`, the
 * version takes traffic in steps, each judged by the checks (steps/traffic-steps.ts).
 */
import type { RunContext } from "../context.ts";
import type { DeploymentRecord } from "../core/deployment-record.ts";
import { truncateDescription } from "../core/deployments.ts";
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
import { newCorrelationId } from "../steps/correlation-id.ts";
import { findLastKnownGood } from "../steps/last-known-good.ts";
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

  if (settings.correlationId !== null) {
    const earlier = await ledger.findByCorrelation(settings.environment, settings.correlationId);
    if (earlier !== null) return duplicateResult(earlier, await ledger.statuses(earlier), target, timeline);
  }

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
  const previousGood = good.record;
  target.previousVersion = previousGood?.payload.version ?? null;
  if (previousGood !== null) target.keep = [previousGood.payload.version];
  timeline.mark(
    "look up the last known good version",
    previousGood === null ? "none" : previousGood.payload.version,
  );

  const record = await createRecord(settings, ledger, target, context, gate.forced);
  timeline.mark("record the deployment", `#${record.id}`);
  const result: DeployResult = {
    environment: settings.environment,
    version: target.version,
    tag: target.tag,
    sha: target.sha,
    deploymentId: record.id,
    status: "failure",
    blocked: null,
    gate: gate.findings,
    forced: gate.forced,
    firstDeploy: !good.anyBefore,
    previousGoodVersion: previousGood?.payload.version ?? null,
    smoke: null,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    failure: null,
    rollback: null,
    message: "",
    timeline: timeline.entries,
    duplicate: false,
    correlationId,
  };
  const attempt: Attempt = { settings, ports, context, target, record, previousGood, timeline, result };

  const trafficSteps = settings.promotion.trafficSteps;
  if (trafficSteps !== null) {
    await shiftTraffic(attempt, trafficSteps);
  } else {
    result.failure = await putInPlace(ports.deployer, target, timeline, ports.logger);
    if (result.failure === null && ports.smoke !== null) {
      const verified = await verify(ports.smoke, target, context.env, timeline);
      result.smoke = verified.report;
      result.failure = verified.failure;
      // Wall clock, for matching against the server's logs (test/bench/rollback-bench.mjs).
      ports.logger.debug(`smoke checks verdict ${verified.report.verdict} at ${new Date().toISOString()}`);
    }
  }
  if (result.failure === null) return succeed(attempt);
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

async function createRecord(
  settings: DeploySettings,
  ledger: Ledger,
  target: DeployTarget,
  context: RunContext,
  forced: GateDecision["forced"],
): Promise<DeploymentRecord> {
  const record = await ledger.create({
    environment: settings.environment,
    sha: target.sha,
    description: truncateDescription(
      `shipguard: deploy ${target.version}${forced === null ? "" : " (forced past require-verified-in)"}`,
    ),
    payload: {
      tool: "shipguard",
      schema: 1,
      kind: "deploy",
      version: target.version,
      tag: target.tag,
      sha: target.sha,
      rolledBackFrom: null,
      // A forced promotion says so in the record, with what was missing and why.
      reason:
        forced === null
          ? null
          : truncateDescription(
              `forced past require-verified-in (not verified in ${forced.missing.join(", ")}): ${forced.reason}`,
              500,
            ),
      runUrl: context.runUrl,
      correlationId: target.correlationId,
    },
  });
  await ledger.setStatus(record, {
    state: "in_progress",
    description: `Deploying ${target.version}`,
    logUrl: context.runUrl,
    environmentUrl: settings.environmentUrl,
  });
  return record;
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

async function resolveTarget(
  settings: DeploySettings,
  git: Git,
  correlationId: string,
): Promise<DeployTarget> {
  const base = {
    environment: settings.environment,
    previousVersion: null,
    kind: "deploy" as const,
    correlationId,
  };
  if (settings.version !== null) {
    const tag = `${settings.tagPrefix}${settings.version}`;
    const sha = await git.tagCommit(tag);
    if (sha === null)
      throw shipguardError("SG_TAG_MISSING", { tag, version: settings.version, input: "version" });
    return { ...base, version: settings.version, tag, sha };
  }
  const ref = settings.ref ?? "HEAD";
  const sha = await git.resolveCommit(ref);
  if (sha === null) throw shipguardError("SG_REF_UNKNOWN", { ref });
  return { ...base, version: sha.slice(0, 12), tag: null, sha };
}

async function duplicateResult(
  earlier: DeploymentRecord,
  statuses: { state: string }[],
  target: DeployTarget,
  timeline: Timeline,
): Promise<DeployResult> {
  const last = statuses.at(-1)?.state ?? "pending";
  const status = last === "success" ? "success" : "failure";
  return {
    environment: earlier.environment,
    version: earlier.payload.version,
    tag: earlier.payload.tag,
    sha: earlier.payload.sha,
    deploymentId: earlier.id,
    status,
    blocked: null,
    gate: [],
    forced: null,
    firstDeploy: false,
    previousGoodVersion: null,
    smoke: null,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    failure: status === "success" ? null : `the earlier attempt ended ${last}`,
    rollback: null,
    message: `Correlation id ${target.correlationId} was already deployed as #${earlier.id} (${last}): nothing was done again.`,
    timeline: timeline.entries,
    duplicate: true,
    correlationId: target.correlationId,
  };
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
  return {
    environment: target.environment,
    version: target.version,
    tag: target.tag,
    sha: target.sha,
    deploymentId: "",
    status: "blocked",
    blocked,
    gate: gate.findings,
    forced: null,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    firstDeploy: false,
    previousGoodVersion: null,
    smoke: null,
    failure: blocked.message,
    rollback: null,
    message: blocked.message,
    timeline: timeline.entries,
    duplicate: false,
    correlationId: target.correlationId,
  };
}

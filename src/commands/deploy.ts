/**
 * `deploy`: record a deployment, put the version in place with the chosen strategy, run the smoke
 * checks, and record the verdict: `success` only when the checks passed. When they fail and the
 * environment has a last known good version, a rollback is started right away (dispatched on
 * GitHub, in process on the CLI), before anything else is written.
 */
import { truncateDescription } from "../core/deployments.ts";
import type { CheckSuite } from "../core/smoke/types.ts";
import { ShipguardError } from "../errors.ts";
import type { Deployer, DeploymentRecord, DeployTarget, Git, Ledger, Logger, SmokeReport } from "../ports.ts";
import { targetEnvironment } from "../ports.ts";
import { type DeploySettings, ROLLBACK_SUFFIX } from "../settings.ts";
import { findLastKnownGood } from "./last-known-good.ts";
import { Timeline, type TimelineEntry } from "./timeline.ts";

export interface DeployContext {
  /** The URL of this run (GitHub) for log_url; null on the CLI. */
  runUrl: string | null;
}

/** Starts a rollback after a failed deploy: a workflow dispatch on GitHub, in process on the CLI. */
export interface RollbackStarter {
  start(
    request: RollbackRequest,
  ): Promise<{ url: string | null; status: "started" | "success" | "failure"; detail: string }>;
}

export interface RollbackRequest {
  environment: string;
  toVersion: string;
  fromVersion: string;
  reason: string;
  correlationId: string;
}

export interface SmokePort {
  suite: CheckSuite;
  run(suite: CheckSuite, env: Record<string, string>): Promise<SmokeReport>;
}

export interface DeployPorts {
  git: Git;
  ledger: Ledger;
  deployer: Deployer;
  logger: Logger;
  /** The checks to run after the switch; null when none are configured. */
  smoke: SmokePort | null;
  /** Null when on-failure is `none`. */
  rollback: RollbackStarter | null;
  /** The environment user commands and checks see (the entry point strips inputs and tokens). */
  baseEnv: Record<string, string>;
  newCorrelationId(): string;
  now?: () => number;
}

export interface DeployResult {
  environment: string;
  version: string;
  tag: string | null;
  sha: string;
  deploymentId: string;
  status: "success" | "failure";
  /** Nothing was recorded in this environment before. */
  firstDeploy: boolean;
  previousGoodVersion: string | null;
  smoke: SmokeReport | null;
  /** What failed, in one sentence; null on success. */
  failure: string | null;
  rollback: {
    toVersion: string;
    url: string | null;
    status: "started" | "success" | "failure";
    detail: string;
  } | null;
  /** The step's closing message (the failure message on failure). */
  message: string;
  timeline: TimelineEntry[];
  /** The correlation id was seen before: the earlier attempt's record is reported, nothing redone. */
  duplicate: boolean;
  correlationId: string;
}

export async function runDeploy(
  settings: DeploySettings,
  ports: DeployPorts,
  context: DeployContext,
): Promise<DeployResult> {
  const { ledger, deployer, logger } = ports;
  const timeline = new Timeline(ports.now);
  const correlationId = settings.correlationId ?? ports.newCorrelationId();
  const target = await resolveTarget(settings, ports.git, correlationId);

  if (settings.correlationId !== null) {
    const earlier = await ledger.findByCorrelation(settings.environment, settings.correlationId);
    if (earlier !== null) return duplicateResult(earlier, await ledger.statuses(earlier), target, timeline);
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

  const record = await ledger.create({
    environment: settings.environment,
    sha: target.sha,
    description: truncateDescription(`shipguard: deploy ${target.version}`),
    payload: {
      tool: "shipguard",
      schema: 1,
      kind: "deploy",
      version: target.version,
      tag: target.tag,
      sha: target.sha,
      rolledBackFrom: null,
      reason: null,
      runUrl: context.runUrl,
      correlationId,
    },
  });
  const urls = { logUrl: context.runUrl, environmentUrl: settings.environmentUrl };
  await ledger.setStatus(record, {
    state: "in_progress",
    description: `Deploying ${target.version}`,
    ...urls,
  });
  timeline.mark("record the deployment", `#${record.id}`);

  const result: DeployResult = {
    environment: settings.environment,
    version: target.version,
    tag: target.tag,
    sha: target.sha,
    deploymentId: record.id,
    status: "failure",
    firstDeploy: !good.anyBefore,
    previousGoodVersion: previousGood?.payload.version ?? null,
    smoke: null,
    failure: null,
    rollback: null,
    message: "",
    timeline: timeline.entries,
    duplicate: false,
    correlationId,
  };

  result.failure = await putInPlace(deployer, target, timeline, logger);
  if (result.failure === null && ports.smoke !== null) {
    const env = { ...ports.baseEnv, ...targetEnvironment(target) };
    result.smoke = await ports.smoke.run(ports.smoke.suite, env);
    // Wall clock, for matching against the server's logs (test/bench/rollback-bench.mjs).
    logger.debug(`smoke checks verdict ${result.smoke.verdict} at ${new Date().toISOString()}`);
    timeline.mark("run the smoke checks", result.smoke.verdict);
    if (result.smoke.verdict !== "pass") result.failure = describeVerdict(result.smoke);
  }

  if (result.failure === null) {
    await ledger.setStatus(record, {
      state: "success",
      description: `${target.version} deployed and verified`,
      ...urls,
    });
    result.status = "success";
    result.message = `Deployed ${target.version} to ${settings.environment}${result.smoke ? "; smoke checks passed" : " (no smoke checks configured)"}.`;
    timeline.mark("record success");
    return result;
  }

  // Failure: the rollback first (it is what the environment needs), then the record.
  const shown = target.tag ?? target.version;
  const checksFailed = result.smoke !== null && result.smoke.verdict !== "pass";
  const what = checksFailed ? "failed its checks" : `failed: ${result.failure}`;
  if (ports.rollback !== null && previousGood !== null && previousGood.payload.version !== target.version) {
    const to = previousGood.payload.tag ?? previousGood.payload.version;
    let started: Awaited<ReturnType<RollbackStarter["start"]>>;
    try {
      started = await ports.rollback.start({
        environment: settings.environment,
        toVersion: previousGood.payload.version,
        fromVersion: target.version,
        reason: truncateDescription(`${shown}: ${result.failure}`, 500),
        correlationId: `${correlationId}${ROLLBACK_SUFFIX}`,
      });
    } catch (error) {
      // The record still tells the truth before the error (a 403 naming actions: write) surfaces.
      await ledger.setStatus(record, {
        state: "failure",
        description: truncateDescription(`Failed: ${result.failure}; the rollback could not be started`),
        logUrl: context.runUrl,
        environmentUrl: settings.environmentUrl,
      });
      throw error;
    }
    timeline.mark("start the rollback", started.url ?? started.status);
    result.rollback = { toVersion: previousGood.payload.version, ...started };
    const how =
      started.status === "started" ? "dispatched" : started.status === "success" ? "done" : "FAILED";
    result.message = `Deployment of ${shown} ${what}; rollback to ${to} ${how}${started.url ? `: ${started.url}` : ""}.`;
  } else if (previousGood === null) {
    result.message = `Deployment of ${shown} ${what}. Nothing to roll back to: ${settings.environment} has no earlier deployment that passed its checks${good.anyBefore ? "" : " (first deploy)"}.`;
  } else if (ports.rollback === null) {
    result.message = `Deployment of ${shown} ${what}. on-failure is none: no rollback was started (the last known good version is ${previousGood.payload.version}).`;
  } else {
    result.message = `Deployment of ${shown} ${what}. The last known good version is this same version: no rollback was started.`;
  }
  await ledger.setStatus(record, {
    state: "failure",
    description: truncateDescription(
      // What failed stays in the record (the rollback's incident report quotes it), the rollback first.
      result.rollback
        ? `Failed (rollback to ${result.rollback.toVersion}): ${result.failure}`
        : `Failed: ${result.failure}`,
    ),
    logUrl: result.rollback?.url ?? context.runUrl,
    environmentUrl: settings.environmentUrl,
  });
  timeline.mark("record failure");
  return result;
}

/** prepare, then the switch; the failure sentence or null. */
export async function putInPlace(
  deployer: Deployer,
  target: DeployTarget,
  timeline: Timeline,
  logger: Logger,
): Promise<string | null> {
  const prepared = await deployer.prepare(target);
  timeline.mark("prepare", prepared.ok ? "ok" : "failed");
  if (!prepared.ok) {
    for (const line of prepared.logTail) logger.untrusted(line);
    return `the ${deployer.strategy} preparation failed (${prepared.failure ?? "no detail"})`;
  }
  const deployed = await deployer.deploy(target);
  timeline.mark(`deploy (${deployer.strategy})`, deployed.ok ? "ok" : "failed");
  if (!deployed.ok) {
    for (const line of deployed.logTail) logger.untrusted(line);
    return `the ${deployer.strategy} deploy failed (${deployed.failure ?? "no detail"})`;
  }
  return null;
}

export function describeVerdict(report: SmokeReport): string {
  const bad = report.checks
    .filter((c) => c.verdict !== "pass")
    .map((c) => `${c.name} (${c.cause ?? c.verdict})`);
  return `smoke checks ${report.verdict === "fail" ? "failed" : "were inconclusive"}: ${bad.join(", ")}`;
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
    if (sha === null) {
      throw new ShipguardError(`The tag ${tag} of version ${settings.version} does not exist in the clone.`, {
        remedy:
          "Release the version first (command: release), and check out with `fetch-depth: 0` so tags are present; or deploy a `ref` instead.",
        input: "version",
        value: settings.version,
      });
    }
    return { ...base, version: settings.version, tag, sha };
  }
  const ref = settings.ref ?? "HEAD";
  const sha = await git.resolveCommit(ref);
  if (sha === null) {
    throw new ShipguardError(`The ref ${ref} does not name a commit in the clone.`, {
      remedy: "Check the branch, tag or SHA, and fetch it (`fetch-depth: 0`) before deploying.",
      input: "ref",
      value: ref,
    });
  }
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
    firstDeploy: false,
    previousGoodVersion: null,
    smoke: null,
    failure: status === "success" ? null : `the earlier attempt ended ${last}`,
    rollback: null,
    message: `Correlation id ${target.correlationId} was already deployed as #${earlier.id} (${last}): nothing was done again.`,
    timeline: timeline.entries,
    duplicate: true,
    correlationId: target.correlationId,
  };
}

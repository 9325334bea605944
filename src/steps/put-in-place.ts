/**
 * The steps deploy and rollback share once a target is chosen: prepare and switch with the
 * strategy's deployer, then run the checks against what now serves, each step on the timeline.
 */
import { boundList, boundText } from "../core/smoke/verdict.ts";
import type { Deployer, DeployTarget, Logger, SmokePort, SmokeReport } from "../ports.ts";
import { targetEnvironment } from "../ports.ts";
import type { Timeline } from "./timeline.ts";

/** prepare, then the switch; the failure sentence or null. `signal` cancels the run. */
export async function putInPlace(
  deployer: Deployer,
  target: DeployTarget,
  timeline: Timeline,
  logger: Logger,
  signal?: AbortSignal,
): Promise<string | null> {
  return (
    (await prepare(deployer, target, timeline, logger, signal)) ??
    (await switchTo(deployer, target, timeline, logger, `deploy (${deployer.strategy})`, signal))
  );
}

/** The strategy's preparation, while the old version still serves; the failure sentence or null. */
export async function prepare(
  deployer: Deployer,
  target: DeployTarget,
  timeline: Timeline,
  logger: Logger,
  signal?: AbortSignal,
): Promise<string | null> {
  const prepared = await deployer.prepare(target, signal);
  timeline.mark("prepare", prepared.ok ? "ok" : "failed");
  if (!prepared.ok) {
    for (const line of prepared.logTail) logger.untrusted(line);
    return `the ${deployer.strategy} preparation failed (${prepared.failure ?? "no detail"})`;
  }
  return null;
}

/** The switch (a traffic step's weight change too), marked as `step`; the failure sentence or null. */
export async function switchTo(
  deployer: Deployer,
  target: DeployTarget,
  timeline: Timeline,
  logger: Logger,
  step: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const deployed = await deployer.deploy(target, signal);
  timeline.mark(step, deployed.ok ? "ok" : "failed");
  if (!deployed.ok) {
    for (const line of deployed.logTail) logger.untrusted(line);
    return `the ${deployer.strategy} deploy failed (${deployed.failure ?? "no detail"})`;
  }
  return null;
}

/** Runs the checks against the target with its SHIPGUARD_* variables; the report and the failure sentence. */
export async function verify(
  smoke: SmokePort,
  target: DeployTarget,
  baseEnv: Record<string, string>,
  timeline: Timeline,
  step = "run the smoke checks",
  signal?: AbortSignal,
): Promise<{ report: SmokeReport; failure: string | null }> {
  const report = await smoke.run(smoke.suite, { ...baseEnv, ...targetEnvironment(target) }, signal);
  timeline.mark(step, report.verdict);
  return { report, failure: report.verdict === "pass" ? null : describeVerdict(report) };
}

export function describeVerdict(report: SmokeReport): string {
  const bad = report.checks
    .filter((c) => c.verdict !== "pass")
    .map((c) => `${boundText(c.name, 200)} (${c.cause ?? c.verdict})`);
  return `smoke checks ${report.verdict === "fail" ? "failed" : "were inconclusive"}: ${boundList(bad, ", ")}`;
}

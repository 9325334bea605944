/**
 * The demo's deploys, each the product's own `deploy` with the demo's settings, told as the demo
 * expects it to go: a canary that passes, a promotion through the gate, a promotion the gate
 * refuses, and a canary that fails at its first step and is rolled back.
 */
import type { DeployResult } from "../commands/deploy.ts";
import type { Presentation } from "../registry/index.ts";
import { checksOf, describeChecks, servedVersion } from "./check-view.ts";
import { type DemoStory, GOOD, TRAFFIC_STEPS } from "./story.ts";
import type { DemoDeploy, DemoEnvironment } from "./types.ts";

/** "10% pass, 50% pass, 100% pass". */
function stepsText(r: DeployResult): string {
  return r.steps.map((s) => `${s.percent}% ${s.verdict}`).join(", ");
}

async function deploy(
  story: DemoStory,
  environment: DemoEnvironment,
  version: string,
  extra: Record<string, string>,
): Promise<{ outcome: Presentation; r: DeployResult }> {
  const outcome = await story.command("deploy", environment, { version, ...extra });
  const r = outcome.json as DeployResult;
  const entry: DemoDeploy = {
    environment: environment.name,
    version,
    status: r.status,
    message: r.message,
    blocked: r.blocked,
    gate: r.gate.map((g) => ({ environment: g.environment, state: g.state })),
    steps: r.steps.map((s) => ({ percent: s.percent, verdict: s.verdict, failure: s.failure })),
    trafficRevert: r.trafficRevert,
    smokeVerdict: r.smoke?.verdict ?? null,
    checks: checksOf(r.smoke),
    rollback:
      r.rollback === null
        ? null
        : { toVersion: r.rollback.toVersion, status: r.rollback.status, detail: r.rollback.detail },
  };
  story.result.deploys.push(entry);
  return { outcome, r };
}

/**
 * v1.0.0 into staging as a canary: every step passes (a first deploy takes all traffic at once).
 * True when it deployed, so the story goes on.
 */
export async function canaryPasses(story: DemoStory, environment: DemoEnvironment): Promise<boolean> {
  story.begin(
    `Deploying v${GOOD} to ${environment.name} in traffic steps of ${TRAFFIC_STEPS.replaceAll(",", "%,")}% (router on ${environment.url})`,
  );
  const { outcome, r } = await deploy(story, environment, GOOD, { "traffic-steps": TRAFFIC_STEPS });
  const steps = r.steps;
  const ok = story.expect(
    outcome.ok && steps.length === 3 && steps.every((s) => s.verdict === "pass"),
    `v${GOOD} should have passed every traffic step in ${environment.name}: ${r.message}`,
  );
  const title = outcome.ok
    ? `v${GOOD} deployed to ${environment.name}, its checks passing at each traffic step (${stepsText(r)}): ${describeChecks(r.smoke)}.`
    : `v${GOOD} did not deploy to ${environment.name}: ${r.message}`;
  const details = r.firstDeploy
    ? [
        `A first deploy has nothing to split traffic with: v${GOOD} took all of ${environment.name}'s traffic from the first step.`,
      ]
    : [];
  story.step(`deploy v${GOOD} to ${environment.name} (traffic steps)`, title, ok, {
    details,
    timeline: r.timeline,
  });
  return outcome.ok;
}

/** v1.0.0 to production, allowed because it is verified in staging; true when it deployed. */
export async function promotionPasses(
  story: DemoStory,
  environment: DemoEnvironment,
  from: string,
): Promise<boolean> {
  story.begin(`Promoting v${GOOD} to ${environment.name} (require-verified-in: ${from})`);
  const { outcome, r } = await deploy(story, environment, GOOD, { "require-verified-in": from });
  const ok = story.expect(
    outcome.ok && r.gate.every((g) => g.state === "verified"),
    `v${GOOD} should have been promoted to ${environment.name}, verified in ${from}: ${r.message}`,
  );
  const verified = r.gate.map((g) => `${g.environment} (#${(g.deploymentId ?? "").slice(0, 8)})`);
  const title = ok
    ? `v${GOOD} promoted to ${environment.name}: the gate found it verified in ${verified.join(", ")}; ${describeChecks(r.smoke)}.`
    : `v${GOOD} was not promoted to ${environment.name}: ${r.message}`;
  story.step(`promote v${GOOD} to ${environment.name}`, title, ok, { timeline: r.timeline });
  return outcome.ok;
}

/** v1.1.0 straight to production: the gate refuses it, and production keeps serving v1.0.0. */
export async function promotionBlocked(
  story: DemoStory,
  environment: DemoEnvironment,
  version: string,
  from: string,
): Promise<void> {
  story.begin(
    `Promoting v${version} to ${environment.name} before ${from} has seen it (require-verified-in: ${from})`,
  );
  const { r } = await deploy(story, environment, version, { "require-verified-in": from });
  const serving = await servedVersion(environment);
  const blocked = story.expect(
    r.status === "blocked" && r.blocked?.code === "SG_NOT_VERIFIED_IN",
    `v${version} should have been blocked by require-verified-in: ${r.message}`,
  );
  const untouched = story.expect(
    serving === GOOD,
    `${environment.name} should still serve ${GOOD}; it serves ${serving ?? "nothing"}`,
  );
  const title =
    r.blocked === null
      ? `v${version} was not blocked: ${r.message}`
      : `Blocked, as it should be: ${r.blocked.code}: ${r.blocked.message}`;
  const details = [
    ...(r.blocked === null ? [] : [`Fix: ${r.blocked.remedy}`]),
    `${environment.name} still serves v${serving ?? "(nothing)"} (GET ${environment.url}/version).`,
  ];
  story.step(`deploy v${version} to ${environment.name}: blocked`, title, blocked && untouched, {
    details,
    timeline: r.timeline,
    failed: true,
  });
}

/**
 * v1.1.0 into staging as a canary: its first step fails, traffic goes back to 0% and the rollback
 * runs in the same process. One call did all of it: told as two steps, split where the rollback
 * started.
 */
export async function canaryFails(
  story: DemoStory,
  environment: DemoEnvironment,
  version: string,
): Promise<DeployResult> {
  story.begin(
    `Deploying v${version} to ${environment.name} as a canary, in traffic steps of ${TRAFFIC_STEPS.replaceAll(",", "%,")}%`,
  );
  const { outcome, r } = await deploy(story, environment, version, { "traffic-steps": TRAFFIC_STEPS });
  const steps = r.steps;
  const first = steps[0];
  const failed = story.expect(
    !outcome.ok && steps.length === 1 && first?.percent === 10 && first.verdict === "fail",
    `v${version} should have failed at its first traffic step (10%); ${r.message}`,
  );
  const reverted = story.expect(
    r.trafficRevert?.ok === true,
    `the traffic should have gone back to 0%; ${r.trafficRevert?.failure ?? "it was not sent back"}`,
  );
  const rolledBack = story.expect(
    r.rollback?.status === "success" && r.rollback.toVersion === GOOD,
    `a rollback to v${GOOD} should have run and passed; ${r.rollback === null ? "none ran" : r.rollback.detail}`,
  );
  const split = r.timeline.findIndex((e) => e.step === "start the rollback");
  const rollbackMs = r.timeline
    .slice(split === -1 ? r.timeline.length : split)
    .reduce((t, e) => t + e.durationMs, 0);
  const end = performance.now();
  const where =
    first === undefined ? "" : ` at its first step, ${first.percent}% of ${environment.name}'s traffic`;
  story.step(
    `canary v${version} in ${environment.name}: fails at ${first?.percent ?? "?"}%`,
    failed
      ? `v${version} failed${where}: ${describeChecks(r.smoke)}.`
      : `v${version} did not fail as it should: ${r.message}`,
    failed && reverted,
    {
      details: [
        ...steps.map((s) => `Step ${s.step} of ${s.of} (${s.percent}%): ${s.verdict}.`),
        ...(failed ? [`Steps 2 and 3 (${TRAFFIC_STEPS.split(", ").slice(1).join("%, ")}%) never ran.`] : []),
        r.trafficRevert?.ok
          ? `Traffic went back to 0%: all of ${environment.name}'s requests to v${GOOD} again, the canary stopped.`
          : `The revert to 0% did not go as it should: ${r.trafficRevert?.failure ?? "none ran"}`,
      ],
      timeline: split === -1 ? r.timeline : r.timeline.slice(0, split),
      failed: !outcome.ok,
      at: end - rollbackMs,
    },
  );
  story.step(
    `roll back ${environment.name} to v${GOOD} (automatic)`,
    rolledBack
      ? `Rolled back to v${GOOD} automatically, in the same process: ${r.rollback?.detail ?? ""}`
      : `The rollback did not go as it should: ${r.rollback?.detail ?? "none was started"}`,
    rolledBack,
    { timeline: split === -1 ? [] : r.timeline.slice(split), failed: !rolledBack, at: end },
  );
  return r;
}

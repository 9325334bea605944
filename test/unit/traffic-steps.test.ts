/**
 * The canary's traffic steps on fakes: the order of the deployer's calls and the checks, what a
 * failed step, a failed deploy, a failed revert and a failed preparation leave in the progress,
 * and the phrases and tables the record and the summary show.
 */
import { describe, expect, it } from "vitest";
import type { DeployResult } from "../../src/commands/deploy.ts";
import { NEVER_CANCELLED } from "../../src/context.ts";
import type {
  Deployer,
  DeployOutcome,
  DeployTarget,
  Logger,
  SmokePort,
  SmokeReport,
} from "../../src/ports.ts";
import { targetEnvironment } from "../../src/ports.ts";
import { deployText, stepChecks, trafficTable } from "../../src/presenters/deploy.ts";
import { Timeline } from "../../src/steps/timeline.ts";
import {
  failedStepPhrase,
  runTrafficSteps,
  stepLabel,
  type TrafficStepReport,
} from "../../src/steps/traffic-steps.ts";

const TARGET: DeployTarget = {
  version: "2.0.0",
  tag: "v2.0.0",
  sha: "a".repeat(40),
  environment: "production",
  previousVersion: "1.0.0",
  kind: "deploy",
  correlationId: "c-1",
};

const OK: DeployOutcome = { ok: true, failure: null, logTail: [], runUrl: null };

/** Every call, as `prepare`, `deploy 10` or `checks 10`; refuses the percentages in `refuse`. */
function world(
  options: { failChecksAt?: number[]; refuse?: (number | undefined)[]; prepareFails?: boolean } = {},
) {
  const calls: string[] = [];
  let clock = 0;
  const deployer: Deployer = {
    strategy: "command",
    async prepare() {
      calls.push("prepare");
      clock += 5;
      return options.prepareFails ? { ...OK, ok: false, failure: "no disk", logTail: ["full"] } : OK;
    },
    async deploy(target) {
      calls.push(`deploy ${target.trafficPercent}`);
      clock += 10;
      return options.refuse?.includes(target.trafficPercent)
        ? { ok: false, failure: "exit code 7", logTail: ["refused"], runUrl: null }
        : OK;
    },
  };
  const smoke: SmokePort = {
    suite: {} as SmokePort["suite"],
    async run(_suite, env) {
      const percent = Number(env.SHIPGUARD_TRAFFIC_PERCENT);
      calls.push(`checks ${env.SHIPGUARD_TRAFFIC_PERCENT} ${env.BASE}`);
      clock += 100;
      const bad = options.failChecksAt?.includes(percent) ?? false;
      return report(bad ? "fail" : "pass");
    },
  };
  const logs: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: (m) => logs.push(`info: ${m}`),
    warning: (m) => logs.push(`warning: ${m}`),
    untrusted: (t) => logs.push(`untrusted: ${t}`),
  };
  const timeline = new Timeline(() => clock);
  const run = (percents: number[], withChecks = true) =>
    runTrafficSteps({
      percents,
      deployer,
      smoke: withChecks ? smoke : null,
      target: TARGET,
      env: { BASE: "base" },
      timeline,
      logger,
      cancellation: NEVER_CANCELLED,
    });
  return { calls, logs, timeline, run };
}

function report(verdict: "pass" | "fail"): SmokeReport {
  const failed = verdict === "fail";
  return {
    verdict,
    startedAt: "2024-01-01T00:00:00.000Z",
    durationMs: 100,
    deadlineMs: 1000,
    counts: { pass: failed ? 1 : 2, fail: failed ? 1 : 0, inconclusive: 0 },
    checks: [
      { name: "health", verdict: "pass", cause: null } as SmokeReport["checks"][number],
      { name: "errors", verdict, cause: failed ? "success-rate" : null } as SmokeReport["checks"][number],
    ],
  };
}

describe("runTrafficSteps", () => {
  it("prepares once, then deploys and checks each step in order, the step's percentage in the checks' environment", async () => {
    const w = world();
    const progress = await w.run([10, 50, 100]);
    expect(w.calls).toEqual([
      "prepare",
      "deploy 10",
      "checks 10 base",
      "deploy 50",
      "checks 50 base",
      "deploy 100",
      "checks 100 base",
    ]);
    expect(progress).toMatchObject({ failure: null, failedStep: null, revert: null });
    expect(
      progress.steps.map((s) => [s.step, s.of, s.percent, s.verdict, s.startedAtMs, s.durationMs]),
    ).toEqual([
      [1, 3, 10, "pass", 5, 110],
      [2, 3, 50, "pass", 115, 110],
      [3, 3, 100, "pass", 225, 110],
    ]);
    expect(w.timeline.entries.map((e) => `${e.step}: ${e.detail}`)).toEqual([
      "prepare: ok",
      "step 1/3 (10%): deploy: ok",
      "step 1/3 (10%): checks: pass",
      "step 2/3 (50%): deploy: ok",
      "step 2/3 (50%): checks: pass",
      "step 3/3 (100%): deploy: ok",
      "step 3/3 (100%): checks: pass",
    ]);
  });

  it("stops at the first step whose checks fail and sends the traffic back to 0", async () => {
    const w = world({ failChecksAt: [50, 100] });
    const progress = await w.run([10, 50, 100]);
    expect(w.calls).toEqual([
      "prepare",
      "deploy 10",
      "checks 10 base",
      "deploy 50",
      "checks 50 base",
      "deploy 0",
    ]);
    expect(progress.failedStep).toBe(50);
    expect(progress.failure).toBe("smoke checks failed: errors (success-rate)");
    expect(progress.revert).toEqual({ ok: true, failure: null });
    expect(progress.steps.map((s) => s.verdict)).toEqual(["pass", "fail"]);
    expect(progress.steps[1]?.failure).toBe(progress.failure);
    expect(w.timeline.entries.at(-1)).toMatchObject({ step: "revert traffic to 0%", detail: "ok" });
  });

  it("a refused step deploy is `deploy-failed` with no checks; a refused revert is reported, not thrown", async () => {
    const w = world({ refuse: [50, 0] });
    const progress = await w.run([10, 50, 100]);
    expect(w.calls).toEqual(["prepare", "deploy 10", "checks 10 base", "deploy 50", "deploy 0"]);
    expect(progress.steps[1]).toMatchObject({ verdict: "deploy-failed", smoke: null, percent: 50 });
    expect(progress.failure).toBe("the command deploy failed (exit code 7)");
    expect(progress.revert).toEqual({ ok: false, failure: "the command deploy failed (exit code 7)" });
    expect(w.logs).toContain("untrusted: refused");
    expect(w.logs.some((l) => l.startsWith("warning: The revert of traffic to 0% FAILED"))).toBe(true);
  });

  it("a failed preparation takes no step and reverts nothing", async () => {
    const w = world({ prepareFails: true });
    const progress = await w.run([10, 100]);
    expect(w.calls).toEqual(["prepare"]);
    expect(progress).toEqual({
      steps: [],
      failure: "the command preparation failed (no disk)",
      failedStep: null,
      revert: null,
    });
  });

  it("without checks, each step is only deployed and passes", async () => {
    const w = world();
    const progress = await w.run([50, 100], false);
    expect(w.calls).toEqual(["prepare", "deploy 50", "deploy 100"]);
    expect(progress.steps.map((s) => [s.verdict, s.smoke])).toEqual([
      ["pass", null],
      ["pass", null],
    ]);
  });
});

function step(patch: Partial<TrafficStepReport>): TrafficStepReport {
  return {
    step: 1,
    of: 3,
    percent: 10,
    verdict: "pass",
    failure: null,
    startedAtMs: 0,
    durationMs: 1500,
    smoke: report("pass"),
    ...patch,
  };
}

describe("the phrases and tables of the steps", () => {
  const failedAt50 = {
    steps: [step({}), step({ step: 2, percent: 50, verdict: "fail", smoke: report("fail"), failure: "x" })],
    failedStep: 50,
    trafficRevert: { ok: true, failure: null },
  };

  it("names the step that failed, the failed revert loudly, and the notes given", () => {
    expect(stepLabel(2, 3, 50)).toBe("step 2/3 (50%)");
    expect(failedStepPhrase(failedAt50)).toBe(" at 50% (step 2 of 3)");
    expect(failedStepPhrase(failedAt50, ["rollback to 1.0.0"])).toBe(
      " at 50% (step 2 of 3; rollback to 1.0.0)",
    );
    const unreverted = { ...failedAt50, trafficRevert: { ok: false, failure: "exit 1" } };
    expect(failedStepPhrase(unreverted, ["rollback to 1.0.0"])).toBe(
      " at 50% (step 2 of 3; REVERT TO 0% FAILED; rollback to 1.0.0)",
    );
    // No step failed (a plain deploy, a failed preparation, all passed): nothing to say.
    expect(failedStepPhrase({ steps: [], failedStep: null, trafficRevert: null })).toBe("");
    expect(failedStepPhrase({ ...failedAt50, failedStep: null })).toBe("");
  });

  it("counts each step's checks, or says why there are none", () => {
    expect(stepChecks(step({}))).toBe("2 passed, 0 failed");
    expect(stepChecks(step({ verdict: "deploy-failed", smoke: null }))).toBe("not run (the deploy failed)");
    expect(stepChecks(step({ smoke: null }))).toBe("none configured");
    const inconclusive = { ...report("pass"), counts: { pass: 1, fail: 0, inconclusive: 1 } };
    expect(stepChecks(step({ verdict: "inconclusive", smoke: inconclusive }))).toBe(
      "1 passed, 0 failed, 1 inconclusive",
    );
  });

  it("tables the steps and the revert for the summary, and lists them for the CLI", () => {
    const r = {
      ...failedAt50,
      message: "failed",
      timeline: [],
      smoke: null,
      trafficRevert: { ok: false, failure: "exit | 1" },
    } as unknown as DeployResult;
    expect(trafficTable(r).split("\n")).toEqual([
      "| step | percent | verdict | checks | took |",
      "| --- | --- | --- | --- | --- |",
      "| 1 of 3 | 10% | pass | 2 passed, 0 failed | 1.5 s |",
      "| 2 of 3 | 50% | fail | 1 passed, 1 failed | 1.5 s |",
      "| revert | 0% | FAILED: exit \\| 1 | – | – |",
    ]);
    expect(deployText(r).split("\n")).toEqual([
      "failed",
      "traffic steps:",
      "  1/3     10%  pass          2 passed, 0 failed; took 1.5 s",
      "  2/3     50%  fail          1 passed, 1 failed; took 1.5 s",
      "          x",
      "  revert to 0%: FAILED: exit | 1",
      "",
    ]);
  });
});

describe("targetEnvironment", () => {
  it("carries SHIPGUARD_TRAFFIC_PERCENT only for a traffic step (0 included)", () => {
    expect(Object.keys(targetEnvironment(TARGET))).not.toContain("SHIPGUARD_TRAFFIC_PERCENT");
    expect(targetEnvironment({ ...TARGET, trafficPercent: 50 }).SHIPGUARD_TRAFFIC_PERCENT).toBe("50");
    expect(targetEnvironment({ ...TARGET, trafficPercent: 0 }).SHIPGUARD_TRAFFIC_PERCENT).toBe("0");
  });
});

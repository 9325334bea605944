import { describe, expect, it } from "vitest";
import type { DeployResult } from "../../src/commands/deploy.ts";
import type { RollbackResult } from "../../src/commands/rollback.ts";
import type { SmokeReport } from "../../src/core/smoke/types.ts";
import {
  deployEvents,
  deployIncident,
  type EventContext,
  rollbackEvents,
  rollbackIncident,
} from "../../src/presenters/events.ts";

const context: EventContext = {
  repository: "octo/app",
  runUrl: "https://github.com/octo/app/actions/runs/7/attempts/1",
  actor: "mona",
  at: "2026-12-06T03:00:00.000Z",
  environmentUrl: "https://app.example",
};

const failingSmoke = {
  verdict: "fail",
  counts: { pass: 1, fail: 1, inconclusive: 0 },
  checks: [
    { name: "home", verdict: "pass", cause: null, detail: "200" },
    {
      name: "health",
      verdict: "fail",
      cause: "status",
      detail: `status 500, expected 2xx\n\x1b[31m${"x".repeat(500)}`,
    },
  ],
} as unknown as SmokeReport;

function deploy(patch: Partial<DeployResult>): DeployResult {
  return {
    environment: "production",
    version: "1.1.0",
    tag: "v1.1.0",
    sha: "a".repeat(40),
    deploymentId: "12",
    status: "failure",
    blocked: null,
    gate: [],
    forced: null,
    firstDeploy: false,
    previousGoodVersion: "1.0.0",
    smoke: failingSmoke,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    failure: "the smoke checks failed: health",
    rollback: {
      url: "https://github.com/octo/app/actions/runs/8",
      status: "started",
      detail: "dispatched",
      toVersion: "1.0.0",
    },
    message: "failed",
    timeline: [],
    duplicate: false,
    tookOver: false,
    cancelled: null,
    correlationId: "c-42",
    ...patch,
  };
}

function rollback(patch: Partial<RollbackResult>): RollbackResult {
  return {
    environment: "production",
    status: "success",
    blocked: null,
    rolledBackFrom: { version: "1.1.0", id: "12" },
    rolledBackTo: { version: "1.0.0", tag: "v1.0.0", sha: "b".repeat(40) },
    deploymentId: "13",
    reason: "health failed",
    actor: "github-actions[bot]",
    smoke: null,
    migrations: { verdict: "none" } as unknown as RollbackResult["migrations"],
    message: "rolled back",
    timeline: [],
    correlationId: "c-42-rollback",
    fromDescription: null,
    tookOver: null,
    cancelled: null,
    ...patch,
  };
}

describe("a deploy's events", () => {
  it("a failed deploy that dispatched its rollback tells verify-failed with every field", () => {
    const [e, ...more] = deployEvents(deploy({}), context);
    expect(more).toEqual([]);
    expect(e).toMatchObject({
      schema: "shipguard.event/v1",
      event: "verify-failed",
      repository: "octo/app",
      environment: "production",
      version: "1.1.0",
      previousVersion: "1.0.0",
      status: "failure",
      headline: "production: v1.1.0 failed its checks (1 of 2 failed); rolling back to 1.0.0",
      reason: "the smoke checks failed: health",
      startedBy: "mona",
      runUrl: context.runUrl,
      correlationId: "c-42",
      links: [{ label: "Rollback run", url: "https://github.com/octo/app/actions/runs/8" }],
      at: context.at,
    });
    // Causes are one printable line, shortened.
    expect(e!.failedChecks).toHaveLength(1);
    expect(e!.failedChecks[0]!.name).toBe("health");
    expect(e!.failedChecks[0]!.cause).toMatch(/^status: status 500, expected 2xx x+…$/);
    expect(e!.failedChecks[0]!.cause.length).toBeLessThanOrEqual(200);
  });

  it("a rollback in the same process (CLI) adds its own event", () => {
    const events = deployEvents(
      deploy({ rollback: { url: null, status: "success", detail: "ok", toVersion: "1.0.0" } }),
      context,
    );
    expect(events.map((e) => e.event)).toEqual(["verify-failed", "rolled-back"]);
    expect(events[1]).toMatchObject({
      version: "1.0.0",
      previousVersion: "1.1.0",
      headline: "production: rolled back from 1.1.0 to 1.0.0, verified",
      startedBy: "shipguard (automatic)",
    });
    const failed = deployEvents(
      deploy({ rollback: { url: null, status: "failure", detail: "health still 500", toVersion: "1.0.0" } }),
      context,
    );
    expect(failed[1]!.event).toBe("rollback-failed");
    expect(failed[1]!.headline).toContain("FAILED");
    const blocked = deployEvents(
      deploy({
        rollback: { url: null, status: "blocked", detail: "SG_MIGRATIONS_BETWEEN: ...", toVersion: "1.0.0" },
      }),
      context,
    );
    expect(blocked[1]!.event).toBe("blocked");
  });

  it("success tells deployed; a duplicate tells nothing", () => {
    const [ok] = deployEvents(
      deploy({ status: "success", smoke: null, failure: null, rollback: null }),
      context,
    );
    expect(ok).toMatchObject({
      event: "deployed",
      headline: "production: v1.1.0 deployed and verified (was 1.0.0)",
    });
    expect(deployEvents(deploy({ duplicate: true }), context)).toEqual([]);
  });

  it("a canary names the step it failed at", () => {
    const smoke = failingSmoke;
    const canary = deploy({
      steps: [
        { step: 1, of: 3, percent: 10, verdict: "pass", failure: null, startedAtMs: 0, durationMs: 5, smoke },
        { step: 2, of: 3, percent: 50, verdict: "fail", failure: "x", startedAtMs: 5, durationMs: 5, smoke },
      ],
      failedStep: 50,
      trafficRevert: { ok: true, failure: null },
    });
    expect(deployEvents(canary, context)[0]!.headline).toBe(
      "production: v1.1.0 failed its checks (1 of 2 failed) at 50% (step 2 of 3); rolling back to 1.0.0",
    );
  });

  it("says why nothing was rolled back", () => {
    const none = deployEvents(deploy({ rollback: null }), context)[0]!;
    expect(none.headline).toContain("not rolled back (on-failure: none)");
    const first = deployEvents(deploy({ rollback: null, previousGoodVersion: null }), context)[0]!;
    expect(first.headline).toContain("no earlier good version");
  });
});

describe("incidents", () => {
  it("a failed deploy that started a rollback is an incident under its correlation id", () => {
    expect(deployIncident(deploy({}))).toEqual({
      id: "c-42",
      event: "verify-failed",
      title: "Rollback in production: v1.1.0 → 1.0.0",
    });
    expect(deployIncident(deploy({ rollback: null }))).toBeNull();
    expect(deployIncident(deploy({ status: "success" }))).toBeNull();
  });

  it("the dispatched rollback joins the deploy's incident; a manual success is none, a manual failure is one", () => {
    expect(rollbackIncident(rollback({}), "-rollback")).toEqual({
      id: "c-42",
      event: "rolled-back",
      title: "Rollback in production: 1.1.0 → 1.0.0",
    });
    expect(rollbackIncident(rollback({ correlationId: "manual-1" }), "-rollback")).toBeNull();
    expect(
      rollbackIncident(rollback({ correlationId: "manual-1", status: "failure" }), "-rollback"),
    ).toMatchObject({
      id: "manual-1",
      event: "rollback-failed",
    });
    expect(rollbackIncident(rollback({ status: "skipped" }), "-rollback")).toBeNull();
  });

  it("a rollback's events carry the incident's id, its actor and reason", () => {
    const [e] = rollbackEvents(rollback({}), context, "-rollback");
    expect(e).toMatchObject({
      event: "rolled-back",
      correlationId: "c-42",
      startedBy: "github-actions[bot]",
      reason: "health failed",
      version: "1.0.0",
      previousVersion: "1.1.0",
    });
    expect(rollbackEvents(rollback({ status: "skipped" }), context, "-rollback")).toEqual([]);
  });
});

/**
 * Telling people, end to end: the bundled action on the GitHub API emulator, with real webhook
 * receivers on loopback. A failed deploy opens one incident issue and notifies; the rollback run
 * it dispatched comments on that issue; re-running either adds nothing; a receiver that fails
 * changes no output and no exit code; a webhook URL never shows.
 */
import { describe, expect, it } from "vitest";
import { appChecks, type DeployWorld, deployWorld } from "../helpers/deploy-world.ts";
import type { ActionRun } from "../helpers/run-action.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";

const WITH_ISSUES = {
  permissions: { contents: "write", deployments: "write", actions: "write", issues: "write" },
} as const;

/** v1.0.0 deployed and verified, then v1.1.0 deployed with `inputs` and failing its checks. */
async function failedDeploy(w: DeployWorld, inputs: Record<string, string>): Promise<ActionRun> {
  w.ship("v1.0.0", true);
  const good = await w.deploy("1.0.0");
  expect(good.outputs.status).toBe("success");
  w.ship("v1.1.0", false);
  return w.deploy("v1.1.0", {
    checks: appChecks(w.port, { deadlineMs: 1000 }),
    "correlation-id": "deploy-77",
    ...inputs,
  });
}

describe.concurrent("incident issues and notifications", () => {
  it("a failed deploy opens one labelled issue; its rollback run comments on it; re-runs add nothing", async (ctx) => {
    const w = await deployWorld(ctx, WITH_ISSUES);
    const hook = await webhookReceiver(ctx);
    const tell = { "incident-issue": "true", "notify-url": hook.url, "notify-on": "all" };
    const broken = await failedDeploy(w, tell);
    expect(broken.code).toBe(1);
    expect(broken.outputs.status).toBe("failure");

    const issues = w.emulator.state.issues;
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(issue.title).toBe("Rollback in production: v1.1.0 → 1.0.0");
    expect(issue.labels).toEqual(["shipguard:incident"]);
    expect(issue.body).toContain("shipguard deploy: v1.1.0 to production");
    expect(broken.outputs["incident-url"]).toBe(`https://github.com/acme/app/issues/${issue.number}`);
    const incident = JSON.parse(broken.outputs.incident ?? "") as Record<string, string>;
    expect(incident).toMatchObject({
      schema: "shipguard.incident/v1",
      id: "deploy-77",
      event: "verify-failed",
    });
    expect(broken.summary).toContain("#### Notifications");
    expect(hook.bodies.map((b) => b.event)).toEqual(["verify-failed"]);
    expect(hook.bodies[0]).toMatchObject({
      schema: "shipguard.event/v1",
      repository: "acme/app",
      environment: "production",
      version: "1.1.0",
      previousVersion: "1.0.0",
      correlationId: "deploy-77",
      startedBy: "maintainer",
    });

    // The dispatched rollback run, with the inputs the deploy sent.
    const inputs = w.emulator.state.dispatches[0]?.inputs as Record<string, string>;
    expect(inputs["correlation-id"]).toBe("deploy-77-rollback");
    const rollback = await w.rollback({ ...inputs, ...tell });
    expect(rollback.outputs.status).toBe("success");
    expect(w.emulator.state.issues).toHaveLength(1);
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]!.body).toContain("Incident report");
    expect(rollback.outputs["incident-url"]).toBe(`https://github.com/acme/app/issues/${issue.number}`);
    expect(hook.bodies.map((b) => b.event)).toEqual(["verify-failed", "rolled-back"]);
    expect(hook.bodies[1]).toMatchObject({
      correlationId: "deploy-77",
      version: "1.0.0",
      previousVersion: "1.1.0",
    });

    // Re-running either: the same correlation ids do nothing again, so nothing new is said.
    const deployAgain = await w.deploy("v1.1.0", {
      checks: appChecks(w.port, { deadlineMs: 1000 }),
      "correlation-id": "deploy-77",
      ...tell,
    });
    const rollbackAgain = await w.rollback({ ...inputs, ...tell });
    expect(rollbackAgain.outputs.status).toBe("skipped");
    for (const again of [deployAgain, rollbackAgain]) expect(again.outputs.incident).toBe("");
    expect(w.emulator.state.issues).toHaveLength(1);
    expect(issue.comments).toHaveLength(1);
    expect(hook.bodies).toHaveLength(2);
  });

  it("a receiver that fails changes no output and no exit code; the URL and its credentials never show", async (ctx) => {
    const w = await deployWorld(ctx);
    const down = await webhookReceiver(ctx, {
      answer: { status: 503 },
      path: "/hooks/T0001/B0002/SeCrEtPaThPaRt?token=tok-0123456789",
    });
    const secretUrl = down.url.replace("http://", "http://bot:pa55-w0rd-xyz@");
    const broken = await failedDeploy(w, { "notify-url": secretUrl });
    // The same failure without notification, in another environment, for comparison.
    w.ship("v1.2.0", false);
    const quiet = await w.deploy("v1.2.0", {
      environment: "staging",
      checks: appChecks(w.port, { deadlineMs: 1000 }),
    });
    expect(broken.code).toBe(quiet.code);
    expect(Object.keys(broken.outputs).sort()).toEqual(Object.keys(quiet.outputs).sort());
    expect(broken.outputs.status).toBe("failure");
    expect(broken.outputs["smoke-verdict"]).toBe(quiet.outputs["smoke-verdict"]);
    // Three tries, then a warning and a summary row; the deploy's own failure is what fails the step.
    expect(down.bodies).toHaveLength(3);
    const basic = Buffer.from("bot:pa55-w0rd-xyz").toString("base64");
    expect(down.auth[0]).toBe(`Basic ${basic}`);
    expect(broken.stdout).toMatch(
      /::warning::Could not notify notify-url 1 \(127\.0\.0\.1:\d+\) of verify-failed: answered 503/,
    );
    expect(broken.summary).toMatch(/\| notify-url 1 \(127\.0\.0\.1:\d+\) \| verify-failed \| ❗/);
    const visible = [
      ...`${broken.stdout}\n${broken.stderr}`.split("\n").filter((l) => !l.startsWith("::add-mask::")),
      broken.summary,
      broken.outputFile,
    ].join("\n");
    for (const secret of [secretUrl, down.url, "pa55-w0rd-xyz", "SeCrEtPaThPaRt", "tok-0123456789", basic]) {
      expect(visible).not.toContain(secret);
    }
    // The runner is told to mask each part that carries the credential, and the Basic value.
    for (const part of ["pa55-w0rd-xyz", "SeCrEtPaThPaRt", "tok-0123456789", basic]) {
      expect(broken.stdout).toContain(`::add-mask::${part}`);
    }
  });

  it("a Teams workflow's 202 reads 'accepted' in the summary, not 'delivered'", async (ctx) => {
    const w = await deployWorld(ctx);
    const teams = await webhookReceiver(ctx, { answer: { status: 202 } });
    const broken = await failedDeploy(w, { "notify-url": teams.url, "notify-format": "teams" });
    expect(teams.bodies).toHaveLength(1);
    expect(teams.bodies[0]).toMatchObject({ type: "message" });
    expect(broken.summary).toMatch(
      /\| notify-url 1 \(127\.0\.0\.1:\d+\) \| verify-failed \| accepted \(202\): queued by the receiver, not confirmed as posted \| 1 \|/,
    );
    expect(broken.summary).not.toContain("delivered");
  });

  it("a token without issues: write: the deploy's outcome stands, and the warning names the permission", async (ctx) => {
    const w = await deployWorld(ctx);
    const broken = await failedDeploy(w, { "incident-issue": "true" });
    expect(broken.code).toBe(1);
    expect(broken.outputs.status).toBe("failure");
    expect(broken.outputs["incident-url"]).toBeUndefined();
    expect(broken.stdout).toMatch(/::warning::Could not record the incident deploy-77: .*issues: write/);
    expect(w.emulator.state.issues).toHaveLength(0);
    // The incident is still offered to a job that holds the permission (incident.yml).
    const recorder = await w.run({ command: "incident", incident: broken.outputs.incident ?? "" });
    expect(recorder.code).toBe(1);
    expect(recorder.stdout).toMatch(/::error::.*issues: write/);
  });

  it("the incident command records the incident output, once", async (ctx) => {
    const w = await deployWorld(ctx, WITH_ISSUES);
    const broken = await failedDeploy(w, {});
    expect(w.emulator.state.issues).toHaveLength(0);
    const first = await w.run({ command: "incident", incident: broken.outputs.incident ?? "" });
    expect(first.code, first.stdout).toBe(0);
    expect(w.emulator.state.issues).toHaveLength(1);
    expect(first.outputs["incident-url"]).toBe(
      `https://github.com/acme/app/issues/${w.emulator.state.issues[0]!.number}`,
    );
    const again = await w.run({ command: "incident", incident: broken.outputs.incident ?? "" });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing added");
    expect(w.emulator.state.issues).toHaveLength(1);
    expect(w.emulator.state.issues[0]!.comments).toHaveLength(0);
    const bad = await w.run({ command: "incident", incident: '{"schema":"nope"}' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::SG_INPUT_INVALID: Invalid incident: .*schema/);
  });
});

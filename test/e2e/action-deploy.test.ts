/**
 * `command: deploy` and `command: smoke` end to end: the bundled action run as the runner runs it,
 * against the GitHub API emulator, deploying a real app on loopback with the command strategy (a
 * deploy script that starts it in the background) or the workflow strategy (a dispatched workflow
 * the test plays), with the emulator's deployments, statuses and dispatches asserted.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, type TestContext } from "vitest";
import {
  appChecks,
  appFiles,
  commitFiles,
  deployWorld,
  payloadOf,
  spawnApp,
  stopProcess,
  TOKEN,
  tempDir,
} from "../helpers/deploy-world.ts";
import { nodeBinaries, runAction } from "../helpers/run-action.ts";

const DEPLOY_OUTPUTS = [
  "deployment-id",
  "incident",
  "previous-good-version",
  "rollback-url",
  "smoke-report",
  "smoke-verdict",
  "status",
];

const runUrlOf = (runId: number) => `https://github.com/acme/app/actions/runs/${runId}/attempts/1`;

describe.concurrent.each(nodeBinaries())("the whole loop on $name", ({ path: node }) => {
  it("release, deploy, verify; a broken release fails its checks and dispatches exactly one rollback, which restores the last good version", async (ctx) => {
    const w = await deployWorld(ctx);
    const { emulator } = w;

    // v1.0.0: released by the action, deployed, verified.
    commitFiles(w.origin, "feat: the first feature", { "src/feature.txt": "one\n" });
    const released = await w.run({ command: "release" }, { node });
    expect(released.code, released.stdout).toBe(0);
    expect(released.outputs).toMatchObject({ tag: "v1.0.0", released: "true" });

    const first = await w.deploy("1.0.0", {}, { node });
    expect(first.stdout).not.toContain("::error::");
    expect(first.code).toBe(0);
    expect(Object.keys(first.outputs).sort()).toEqual(DEPLOY_OUTPUTS);
    expect(first.outputs).toMatchObject({
      status: "success",
      "smoke-verdict": "pass",
      "previous-good-version": "",
      "rollback-url": "",
    });
    expect(await w.served()).toBe("1.0.0");
    const [good] = emulator.state.deployments;
    expect(first.outputs["deployment-id"]).toBe(String(good?.id));
    expect(good).toMatchObject({
      task: "deploy",
      environment: "production",
      sha: w.origin.git("rev-parse", "v1.0.0^{commit}").trim(),
      payload: {
        tool: "shipguard",
        schema: 1,
        kind: "deploy",
        version: "1.0.0",
        tag: "v1.0.0",
        rolledBackFrom: null,
        runUrl: runUrlOf(first.runId),
      },
    });
    expect(good?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(good?.statuses.at(-1)).toMatchObject({
      logUrl: runUrlOf(first.runId),
      environmentUrl: "https://app.example.com",
    });
    expect(first.summary).toContain("| health | http | ✅ pass |");
    expect(first.summary).toContain("| version | http | ✅ pass |");

    // v1.1.0: a release that breaks the app's health.
    commitFiles(w.origin, "feat: a second feature that breaks health", appFiles(false));
    const released2 = await w.run({ command: "release" }, { node });
    expect(released2.outputs).toMatchObject({ tag: "v1.1.0", released: "true" });

    const broken = await w.deploy("1.1.0", { checks: appChecks(w.port, { deadlineMs: 1500 }) }, { node });
    expect(broken.code, broken.stdout).toBe(1);
    expect(broken.outputs).toMatchObject({
      status: "failure",
      "smoke-verdict": "fail",
      "previous-good-version": "1.0.0",
    });
    const report = JSON.parse(broken.outputs["smoke-report"] ?? "null");
    expect(report.checks).toEqual([
      expect.objectContaining({ name: "health", verdict: "fail", cause: "status" }),
      expect.objectContaining({ name: "version", verdict: "pass" }),
    ]);

    // Exactly one dispatch, of rollback.yml, with exactly the rollback inputs.
    expect(emulator.state.dispatches).toHaveLength(1);
    const [dispatch] = emulator.state.dispatches;
    expect(dispatch).toMatchObject({ workflow: "rollback.yml", ref: "main", returnRunDetails: true });
    const correlationId = payloadOf(emulator.state.deployments[1]).correlationId;
    expect(dispatch?.inputs).toEqual({
      environment: "production",
      "to-version": "1.0.0",
      "from-version": "1.1.0",
      reason: "v1.1.0: smoke checks failed: health (status)",
      "correlation-id": `${correlationId}-rollback`,
    });
    const [run] = emulator.state.runs;
    expect(run?.displayTitle).toBe(`Rollback production to 1.0.0 [${correlationId}-rollback]`);
    const rollbackUrl = `https://github.com/acme/app/actions/runs/${dispatch?.runId}`;
    expect(broken.outputs["rollback-url"]).toBe(rollbackUrl);
    expect(broken.stdout).toContain(
      `::error::Deployment of v1.1.0 failed its checks; rollback to v1.0.0 dispatched: ${rollbackUrl}`,
    );
    const failed = emulator.state.deployments[1];
    expect(failed?.payload).toMatchObject({ kind: "deploy", version: "1.1.0", tag: "v1.1.0" });
    expect(failed?.statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
    expect(failed?.statuses.at(-1)).toMatchObject({
      logUrl: rollbackUrl,
      description: "Failed (rollback to 1.0.0): smoke checks failed: health (status)",
    });
    // The broken version is what runs until the rollback: nothing else touched it.
    expect(await w.served()).toBe("1.1.0");

    // The dispatched rollback run: the action with exactly those inputs, as rollback.yml passes them.
    const rolled = await w.rollback(dispatch?.inputs as Record<string, string>, {
      node,
      env: { GITHUB_RUN_ID: String(dispatch?.runId), GITHUB_ACTOR: "github-actions[bot]" },
    });
    expect(rolled.stdout).not.toContain("::error::");
    expect(rolled.code).toBe(0);
    expect(rolled.outputs).toMatchObject({
      "rolled-back-to": "1.0.0",
      "rolled-back-from": "1.1.0",
      status: "success",
    });
    expect(await w.served()).toBe("1.0.0");

    // The story the records tell: good, failed (intact), then the verified rollback.
    const [d1, d2, d3] = emulator.state.deployments;
    expect(emulator.state.deployments).toHaveLength(3);
    expect(d1?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(d2?.statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
    expect(d2?.statuses.at(-1)?.logUrl).toBe(rollbackUrl);
    expect(d3).toMatchObject({
      task: "deploy:rollback",
      environment: "production",
      sha: d1?.sha,
      payload: {
        kind: "rollback",
        version: "1.0.0",
        tag: "v1.0.0",
        rolledBackFrom: { id: String(d2?.id), version: "1.1.0" },
        reason: "v1.1.0: smoke checks failed: health (status)",
        correlationId: `${correlationId}-rollback`,
        runUrl: `https://github.com/acme/app/actions/runs/${dispatch?.runId}/attempts/1`,
      },
    });
    expect(d3?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(rolled.outputs["deployment-id"]).toBe(String(d3?.id));
    // The rollback never dispatches anything itself.
    expect(emulator.state.dispatches).toHaveLength(1);
    // The incident report.
    expect(rolled.summary).toContain("Incident report: rollback of production");
    expect(rolled.summary).toMatch(/\| From \| 1\.1\.0 \(deployment #\d+\) \|/);
    expect(rolled.summary).toContain("| Reason | v1.1.0: smoke checks failed: health (status) |");
    expect(rolled.summary).toContain("| Started by | github-actions[bot] |");
    expect(rolled.summary).toContain(
      "| What failed | Failed (rollback to 1.0.0): smoke checks failed: health (status) |",
    );
    expect(rolled.summary).toContain("| Migrations | none among 1 changed file(s) |");

    expect(emulator.violations).toEqual([]);
  }, 90_000);
});

describe.concurrent("deploy scenarios", () => {
  it("a first deploy that fails its checks dispatches nothing: there was nothing to roll back to", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", false);
    const run = await w.deploy("1.0.0", { checks: appChecks(w.port, { deadlineMs: 1000 }) });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      status: "failure",
      "smoke-verdict": "fail",
      "previous-good-version": "",
      "rollback-url": "",
    });
    expect(run.stdout).toContain(
      "::error::Deployment of v1.0.0 failed its checks. Nothing to roll back to: production has no earlier deployment that passed its checks (first deploy).",
    );
    expect(w.emulator.state.dispatches).toEqual([]);
    expect(w.emulator.calls("POST actions/create-workflow-dispatch")).toEqual([]);
    const [d] = w.emulator.state.deployments;
    expect(w.emulator.state.deployments).toHaveLength(1);
    expect(d?.statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
    expect(d?.statuses.at(-1)?.description).toBe("Failed: smoke checks failed: health (status)");
    expect(w.emulator.violations).toEqual([]);
  });

  it("a deploy that starts while a rollback of its environment is queued fails, naming that run, and changes nothing", async (ctx) => {
    const w = await deployWorld(ctx, { workflows: { "rollback.yml": { queuedMs: 60_000 } } });
    w.ship("v1.0.0", true);
    // A rollback of production waiting in the shared concurrency group (dispatched by an earlier deploy).
    const dispatched = await fetch(
      `${w.emulator.url}/repos/acme/app/actions/workflows/rollback.yml/dispatches`,
      {
        method: "POST",
        headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({
          ref: "main",
          inputs: { environment: "production", reason: "checks failed", "correlation-id": "earlier-1" },
        }),
      },
    );
    expect(dispatched.status).toBe(204);
    const run = w.emulator.state.runs[0];
    const staging = await w.deploy("1.0.0", { environment: "staging" });
    expect(staging.outputs.status).toBe("success");
    const production = await w.deploy("1.0.0");
    expect(production.code).toBe(1);
    expect(production.stdout).toMatch(
      new RegExp(
        `::error::SG_ROLLBACK_PENDING: A rollback of production is queued: rollback\\.yml, \\S+/actions/runs/${run?.id}\\b`,
      ),
    );
    expect(production.stdout).not.toContain("Deploying 1.0.0");
    expect(w.emulator.state.deployments.map((d) => d.environment)).toEqual(["staging"]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("the same correlation id twice deploys once", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    const first = await w.deploy("1.0.0", { "correlation-id": "release-42" });
    expect(first.outputs.status).toBe("success");
    const again = await w.deploy("1.0.0", { "correlation-id": "release-42" });
    expect(again.code).toBe(0);
    expect(again.outputs).toMatchObject({
      status: "success",
      "deployment-id": first.outputs["deployment-id"],
    });
    expect(again.stdout).toContain(
      `Correlation id release-42 was already deployed as #${first.outputs["deployment-id"]} (success): nothing was done again.`,
    );
    expect(w.emulator.state.deployments).toHaveLength(1);
    expect(w.emulator.state.deployments[0]?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    // The deploy command ran once.
    expect(first.stdout).toContain("Deploying 1.0.0 to production with the deploy-command.");
    expect(again.stdout).not.toContain("Deploying 1.0.0");
    expect(w.emulator.violations).toEqual([]);
  });

  it("a lost answer to the create-deployment call is reconciled: exactly one deployment", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    w.emulator.faults.lostAnswer("POST repos/create-deployment");
    const run = await w.deploy("1.0.0", {}, { bareEvent: true });
    expect(run.stdout).not.toContain("::error::");
    expect(run.outputs.status).toBe("success");
    expect(w.emulator.calls("POST repos/create-deployment").map((e) => e.answered)).toEqual([false]);
    expect(w.emulator.state.deployments).toHaveLength(1);
    expect(run.outputs["deployment-id"]).toBe(String(w.emulator.state.deployments[0]?.id));
    expect(w.emulator.state.deployments[0]?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a 202 (auto-merge) and a 409 (merge conflict) are reported distinctly, and nothing is deployed", async (ctx) => {
    const w = await deployWorld(ctx, { deployments: { forceOutcome: 202 } });
    w.ship("v1.0.0", true);
    const merged = await w.deploy("1.0.0");
    expect(merged.code).toBe(1);
    expect(merged.stdout).toMatch(
      /::error::SG_DEPLOYMENT_AUTO_MERGED: Could not create the deployment of 1\.0\.0 to production: GitHub answered 202 \(auto-merge\).*No deployment was created\./,
    );
    w.emulator.options.deployments = { forceOutcome: 409 };
    const conflict = await w.deploy("1.0.0");
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toMatch(
      /::error::SG_DEPLOYMENT_MERGE_CONFLICT: Could not create the deployment of 1\.0\.0 to production: GitHub answered 409.*\(a merge conflict: no deployment was created\)/,
    );
    // Said of the answer, not any "202" or "409" (a random port or id may hold those digits).
    expect(conflict.stdout).not.toMatch(/answered 202|auto-merge/);
    expect(merged.stdout).not.toMatch(/answered 409|merge conflict/);
    // The deploy command never ran: nothing was recorded, so nothing may change.
    for (const run of [merged, conflict]) expect(run.stdout).not.toContain("Deploying 1.0.0");
    expect(await w.served()).toBeNull();
    expect(w.emulator.state.deployments).toEqual([]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a token without deployments: write is told so, before anything is deployed", async (ctx) => {
    const w = await deployWorld(ctx, {
      permissions: { contents: "read", deployments: "read", actions: "write" },
    });
    w.ship("v1.0.0", true);
    const run = await w.deploy("1.0.0");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::SG_GITHUB_FORBIDDEN: Could not create the deployment of 1\.0\.0 to production: GitHub answered 403.*Resource not accessible by integration.*`deployments: write`/,
    );
    expect(await w.served()).toBeNull();
    expect(w.emulator.state.deployments).toEqual([]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a rollback dispatch refused with 403 names actions: write, and the failed deployment is still recorded", async (ctx) => {
    const w = await deployWorld(ctx, {
      permissions: { contents: "read", deployments: "write", actions: "read" },
    });
    w.ship("v1.0.0", true);
    expect((await w.deploy("1.0.0")).outputs.status).toBe("success");
    w.ship("v1.1.0", false);
    const run = await w.deploy("1.1.0", { checks: appChecks(w.port, { deadlineMs: 1000 }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::SG_GITHUB_FORBIDDEN: Could not dispatch rollback\.yml: GitHub answered 403: Resource not accessible by integration.*`actions: write`/,
    );
    expect(w.emulator.calls("POST actions/create-workflow-dispatch").map((e) => e.status)).toEqual([403]);
    expect(w.emulator.state.dispatches).toEqual([]);
    const failed = w.emulator.state.deployments[1];
    expect(failed?.payload).toMatchObject({ version: "1.1.0" });
    expect(failed?.statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
    expect(failed?.statuses.at(-1)?.description).toMatch(/^Failed: smoke checks failed: health \(status\)/);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a lost answer to the rollback dispatch is reconciled by the correlation id: exactly one run", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    expect((await w.deploy("1.0.0")).outputs.status).toBe("success");
    w.ship("v1.1.0", false);
    w.emulator.faults.lostAnswer("POST actions/create-workflow-dispatch");
    const run = await w.deploy("1.1.0", { checks: appChecks(w.port, { deadlineMs: 1000 }) });
    expect(run.code).toBe(1);
    expect(w.emulator.calls("POST actions/create-workflow-dispatch").map((e) => e.answered)).toEqual([false]);
    expect(w.emulator.state.runs).toHaveLength(1);
    const url = `https://github.com/acme/app/actions/runs/${w.emulator.state.runs[0]?.id}`;
    expect(run.stdout).toContain(`The dispatch had reached GitHub: ${url}`);
    expect(run.stdout).toContain(
      `::error::Deployment of v1.1.0 failed its checks; rollback to v1.0.0 dispatched: ${url}`,
    );
    expect(w.emulator.state.deployments[1]?.statuses.at(-1)?.logUrl).toBe(url);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a correlation id too long for its rollback's is refused before anything happens", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    const run = await w.deploy("1.0.0", { "correlation-id": "c".repeat(92) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*correlation-id.*Expected up to 91 letters.*<id>-rollback/);
    expect(w.emulator.log).toEqual([]);
    // The rollback itself takes the full 100: what a deploy with 91 characters dispatches.
    const rollback = await w.rollback({
      environment: "production",
      reason: "a long correlation id",
      "correlation-id": `${"c".repeat(91)}-rollback`,
    });
    expect(rollback.stdout).not.toMatch(/Expected up to/);
    expect(w.emulator.violations).toEqual([]);
  });

  it("on-failure: none fails the step and dispatches nothing", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    expect((await w.deploy("1.0.0")).outputs.status).toBe("success");
    w.ship("v1.1.0", false);
    const run = await w.deploy("1.1.0", {
      "on-failure": "none",
      checks: appChecks(w.port, { deadlineMs: 1000 }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::Deployment of v1.1.0 failed its checks. on-failure is none: no rollback was started (the last known good version is 1.0.0).",
    );
    expect(w.emulator.state.dispatches).toEqual([]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a deploy command that fails is a failed deploy, its last lines shown, and rolls back", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    expect((await w.deploy("1.0.0")).outputs.status).toBe("success");
    w.ship("v1.1.0", true);
    const run = await w.deploy("1.1.0", {
      "deploy-command": 'echo "pulling image $SHIPGUARD_TAG"; echo "registry: 503" >&2; exit 3',
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: "failure", "smoke-verdict": "" });
    expect(run.stdout).toContain("registry: 503");
    expect(run.stdout).toMatch(
      /::error::Deployment of v1\.1\.0 failed: the command deploy failed \(deploy-command failed with exit code 3\); rollback to v1\.0\.0 dispatched: https:\/\/github\.com\/acme\/app\/actions\/runs\/\d+/,
    );
    expect(w.emulator.state.dispatches).toHaveLength(1);
    expect(w.emulator.state.dispatches[0]?.inputs).toMatchObject({
      "to-version": "1.0.0",
      "from-version": "1.1.0",
      reason: "v1.1.0: the command deploy failed (deploy-command failed with exit code 3)",
    });
    // The old version still serves: the command failed before stopping it.
    expect(await w.served()).toBe("1.0.0");
    expect(w.emulator.violations).toEqual([]);
  });
});

/* ------------------------------------------------------------------ workflow strategy -- */

describe.concurrent("the workflow strategy", () => {
  it("dispatches deploy-app.yml with the version, waits for its run, verifies; a failed run rolls back", async (ctx) => {
    const w = await deployWorld(ctx, { workflows: { "deploy-app.yml": { queuedMs: 0, runMs: 0 } } });
    w.ship("v1.0.0", true);
    w.ship("v1.1.0", true);
    // The deploy workflow's job, played by the test: a run that succeeds starts the version it was given.
    let app: Promise<number | undefined> = Promise.resolve(undefined);
    const started: string[] = [];
    w.emulator.options.onDispatch = ({ workflow, inputs }) => {
      if (workflow !== "deploy-app.yml") return;
      if ((w.emulator.options.workflows?.[workflow]?.conclusion ?? "success") !== "success") return;
      started.push(String(inputs.version));
      app = app.then(async (pid) => {
        if (pid !== undefined) await stopProcess(pid);
        return spawnApp(ctx, { APP_PORT: String(w.port), APP_VERSION: String(inputs.version) }).pid;
      });
    };
    const workflow = { strategy: "workflow", "deploy-workflow": "deploy-app.yml", "deploy-command": "" };

    const first = await w.deploy("1.0.0", workflow);
    expect(first.stdout).not.toContain("::error::");
    expect(first.outputs).toMatchObject({ status: "success", "smoke-verdict": "pass" });
    expect(await w.served()).toBe("1.0.0");
    const [dispatch] = w.emulator.state.dispatches;
    const d1 = w.emulator.state.deployments[0];
    expect(dispatch).toMatchObject({ workflow: "deploy-app.yml", ref: "main", returnRunDetails: true });
    expect(dispatch?.inputs).toEqual({
      version: "1.0.0",
      tag: "v1.0.0",
      sha: d1?.sha,
      environment: "production",
      "correlation-id": payloadOf(d1).correlationId,
    });
    expect(first.stdout).toContain("deploy workflow: completed");

    // The next run of the deploy workflow fails: a failed deploy, rolled back.
    w.emulator.options.workflows = { "deploy-app.yml": { queuedMs: 0, runMs: 0, conclusion: "failure" } };
    const second = await w.deploy("1.1.0", workflow);
    expect(second.code).toBe(1);
    expect(second.outputs).toMatchObject({ status: "failure", "smoke-verdict": "" });
    expect(second.stdout).toMatch(
      /::error::Deployment of v1\.1\.0 failed: the workflow deploy failed \(the deploy-app\.yml run failed\); rollback to v1\.0\.0 dispatched: /,
    );
    expect(w.emulator.state.dispatches.map((d) => d.workflow)).toEqual([
      "deploy-app.yml",
      "deploy-app.yml",
      "rollback.yml",
    ]);
    const rollbackInputs = w.emulator.state.dispatches[2]?.inputs as Record<string, string>;
    expect(rollbackInputs).toMatchObject({ "to-version": "1.0.0", "from-version": "1.1.0" });

    // The rollback deploys with the same strategy: a third run of deploy-app.yml, which succeeds.
    w.emulator.options.workflows = { "deploy-app.yml": { queuedMs: 0, runMs: 0 } };
    const rolled = await w.rollback({ ...rollbackInputs, ...workflow });
    expect(rolled.stdout).not.toContain("::error::");
    expect(rolled.outputs).toMatchObject({ status: "success", "rolled-back-to": "1.0.0" });
    expect(started).toEqual(["1.0.0", "1.0.0"]);
    await app;
    expect(await w.served()).toBe("1.0.0");
    expect(w.emulator.state.deployments.map((d) => d.task)).toEqual(["deploy", "deploy", "deploy:rollback"]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a server that refuses return_run_details: the run is found by its run-name; an approval wait is reported", async (ctx) => {
    const w = await deployWorld(ctx, {
      refuseRunDetails: true,
      workflows: { "deploy-app.yml": { queuedMs: 0, waitingMs: 2000, runMs: 0 } },
    });
    w.ship("v1.0.0", true);
    w.emulator.options.onDispatch = ({ inputs }) => {
      spawnApp(ctx, { APP_PORT: String(w.port), APP_VERSION: String(inputs.version) });
    };
    const run = await w.deploy("1.0.0", {
      strategy: "workflow",
      "deploy-workflow": "deploy-app.yml",
      "deploy-command": "",
    });
    expect(run.stdout).not.toContain("::error::");
    expect(run.outputs.status).toBe("success");
    expect(w.emulator.state.dispatches.map((d) => d.returnRunDetails)).toEqual([undefined]);
    expect(run.stdout).toMatch(
      /found its run by correlation id: https:\/\/github\.com\/acme\/app\/actions\/runs\//,
    );
    expect(run.stdout).toMatch(/is waiting for an environment approval: a required reviewer must approve it/);
    expect(run.stdout).toContain("deploy workflow: waiting");
    expect(w.emulator.violations).toEqual([]);
  });
});

/* ------------------------------------------------------------------ command: smoke ----- */

async function loopbackApp(ctx: TestContext, healthy: boolean): Promise<number> {
  const server: Server = createServer((request, response) => {
    if (request.url === "/version") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ version: "2.3.4" }));
    } else if (request.url === "/health") {
      response.writeHead(healthy ? 200 : 503);
      response.end(healthy ? "ok" : "down");
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  ctx.onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return (server.address() as AddressInfo).port;
}

describe.concurrent.each(nodeBinaries())("command: smoke on $name", ({ path: node }) => {
  it("outputs the verdict and the report, one summary row per check; fails the step unless pass", async (ctx) => {
    const workspace = tempDir(ctx, "smoke");
    const healthy = await loopbackApp(ctx, true);
    const down = await loopbackApp(ctx, false);
    // A passing run never waits for its deadline; a failing one does, so keep that one short.
    const smoke = (port: number, deadlineMs: number, extra: Record<string, string> = {}) =>
      runAction({
        node,
        workspace,
        inputs: {
          command: "smoke",
          version: "2.3.4",
          environment: "staging",
          checks: `${appChecks(port, { deadlineMs })}  - name: env
    command: test "$SHIPGUARD_VERSION" = 2.3.4 && test "$SHIPGUARD_ENVIRONMENT" = staging
`,
          ...extra,
        },
      });

    const pass = await smoke(healthy, 20_000);
    expect(pass.stdout).not.toContain("::error::");
    expect(pass.code).toBe(0);
    expect(Object.keys(pass.outputs).sort()).toEqual(["report", "verdict"]);
    expect(pass.outputs.verdict).toBe("pass");
    const report = JSON.parse(pass.outputs.report ?? "null");
    expect(report.checks.map((c: { name: string; verdict: string }) => [c.name, c.verdict])).toEqual([
      ["health", "pass"],
      ["version", "pass"],
      ["env", "pass"],
    ]);
    expect(report.checks[0].timings.elapsedMs).toBeGreaterThan(0);
    const rows = pass.summary.split("\n").filter((l) => /^\| (health|version|env) \|/.test(l));
    expect(rows).toHaveLength(3);

    // Long enough for a loaded machine to get the first 503 back (a 1 s deadline was sometimes
    // cut before any answer, reporting a timeout instead of the status).
    const fail = await smoke(down, 5_000);
    expect(fail.code).toBe(1);
    expect(fail.outputs.verdict).toBe("fail");
    expect(fail.stdout).toMatch(/::error::Smoke checks failed: health \(status: status 503, expected 200/);
    expect(fail.summary).toMatch(/^\| health \| http \| ❌ fail \| status \|/m);
    expect(fail.summary.split("\n").filter((l) => /^\| (health|version|env) \|/.test(l))).toHaveLength(3);

    // A refused port with no-one listening: inconclusive is not a pass either.
    const refused = await smoke(1, 500, {
      checks: "settings: { deadline-ms: 500 }\nchecks:\n  - name: nothing\n    http: http://127.0.0.1:1/\n",
    });
    expect(refused.code).toBe(1);
    expect(refused.outputs.verdict).not.toBe("pass");
  });
});

describe("command: smoke with a report over GitHub's 1 MB per output", () => {
  it("cuts the report output at 1 MB with a last line saying so, and warns; the verdict and summary stay whole", async (ctx) => {
    const workspace = tempDir(ctx, "smoke-big");
    // 110 command checks, each keeping its last 20 lines of 500 characters: about 1.1 MB of JSON.
    const check = (i: number) =>
      `  - name: chatty ${i}\n    command: for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do printf '%0500d\\n' ${i}; done\n`;
    const checks = `settings: { deadline-ms: 60000, max-concurrency: 16 }\nchecks:\n${Array.from({ length: 110 }, (_, i) => check(i)).join("")}`;
    const [node] = nodeBinaries();
    const run = await runAction({
      node: node?.path,
      workspace,
      inputs: { command: "smoke", version: "1.0.0", environment: "staging", checks },
    });
    expect(run.stdout).not.toContain("::error::");
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe("pass");
    const report = run.outputs.report ?? "";
    expect(Buffer.byteLength(report)).toBeLessThanOrEqual(1_000_000);
    expect(Buffer.byteLength(report)).toBeGreaterThan(990_000);
    const note =
      /\n… \(shipguard cut (\d+) bytes of the output `report`: GitHub keeps at most 1 MB per output\. The CLI's `--json` prints the whole result\.\)$/;
    expect(report).toMatch(note);
    expect(report.startsWith('{"verdict":"pass"')).toBe(true);
    expect(Number(note.exec(report)?.[1])).toBeGreaterThan(50_000);
    expect(run.stdout).toMatch(/::warning::… \(shipguard cut \d+ bytes of the output `report`/);
    expect(run.summary).not.toContain("shipguard cut");
    expect(run.summary.split("\n").filter((l) => /^\| chatty \d+ \|/.test(l))).toHaveLength(100);
  }, 120_000);
});

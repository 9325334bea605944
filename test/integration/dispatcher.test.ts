/**
 * GitHubDispatcher against the GitHub API emulator: dispatch with and without run details, the
 * lost answer reconciled by correlation id, every way a wait ends, and the errors a maintainer sees.
 */
import { describe, expect, it, type TestContext } from "vitest";
import { createClient } from "../../src/adapters/github/client.ts";
import { type DispatcherOptions, GitHubDispatcher } from "../../src/adapters/github/dispatcher.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { Logger } from "../../src/ports.ts";
import { type Emulator, type EmulatorOptions, makeGitFixture, startEmulator } from "../emulator/index.ts";
import { virtualTime } from "../helpers/virtual-time.ts";

const TOKEN = "ghs_dispatcherTestToken0123456789abcdef";

const DEPLOY_YML = `name: Deploy
run-name: "Deploy \${{ inputs.version }} to \${{ inputs.environment }} [\${{ inputs.correlation-id }}]"
on:
  workflow_dispatch:
    inputs:
      version: { required: true }
      tag: { required: false }
      sha: { required: false }
      environment: { required: true }
      correlation-id: { required: true }
      region: { required: false }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: echo deploying
`;

interface RecordingLogger extends Logger {
  lines: string[];
}

function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    debug: () => undefined,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    untrusted: (t) => lines.push(`untrusted: ${t}`),
  };
}

interface World {
  emulator: Emulator;
  logger: RecordingLogger;
  dispatcher: GitHubDispatcher;
}

async function world(
  ctx: TestContext,
  options: Partial<EmulatorOptions> = {},
  setup?: (repo: ReturnType<typeof makeGitFixture>) => void,
  clock: Pick<DispatcherOptions, "now" | "sleep"> = {},
): Promise<World> {
  const repo = makeGitFixture({ files: { ".github/workflows/deploy.yml": DEPLOY_YML } });
  setup?.(repo);
  const emulator = await startEmulator({
    gitDir: repo.dir,
    token: TOKEN,
    permissions: { actions: "write" },
    ...options,
  });
  ctx.onTestFinished(async () => {
    await emulator.close();
    repo.remove();
  });
  const logger = recordingLogger();
  const octokit = createClient({
    token: TOKEN,
    baseUrl: emulator.url,
    logger,
    retryBaseMs: 1,
    requestTimeoutMs: 3000,
  });
  const dispatcher = new GitHubDispatcher(octokit, { owner: "acme", repo: "app" }, logger, {
    findTimeoutMs: 2_000,
    reconcileMs: 300,
    findPollMs: 50,
    ...clock,
  });
  return { emulator, logger, dispatcher };
}

function inputs(correlationId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    version: "1.2.3",
    tag: "v1.2.3",
    sha: "0123456789abcdef0123456789abcdef01234567",
    environment: "staging",
    "correlation-id": correlationId,
    ...extra,
  };
}

function dispatchOf(dispatcher: GitHubDispatcher, correlationId: string, workflow = "deploy.yml") {
  return dispatcher.dispatch({ workflow, ref: "main", inputs: inputs(correlationId), correlationId });
}

async function dispatchError(promise: Promise<unknown>): Promise<ShipguardError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShipguardError);
  return error as ShipguardError;
}

const FAST = { timeoutMs: 5_000, pollMs: 50 };

describe("GitHubDispatcher", () => {
  it("dispatches with return_run_details and follows a run that succeeds", async (ctx) => {
    const { emulator, dispatcher } = await world(ctx);
    const run = await dispatchOf(dispatcher, "sg-ok");
    const recorded = emulator.state.runs[0];
    expect(run).toEqual({
      id: recorded?.id,
      url: `https://github.com/acme/app/actions/runs/${recorded?.id}`,
    });
    expect(emulator.state.dispatches).toEqual([
      expect.objectContaining({
        workflow: "deploy.yml",
        ref: "main",
        inputs: inputs("sg-ok"),
        returnRunDetails: true,
      }),
    ]);
    const statuses: string[] = [];
    const result = await dispatcher.wait(
      { id: run.id ?? 0, url: run.url },
      { ...FAST, onStatus: (s) => statuses.push(s) },
    );
    expect(result).toEqual({ conclusion: "success", url: run.url });
    expect(statuses.at(-1)).toBe("completed");
    // Called on changes only.
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(emulator.violations).toEqual([]);
  });

  it("reports a run that fails", async (ctx) => {
    const { emulator, dispatcher } = await world(ctx, {
      workflows: { "deploy.yml": { conclusion: "failure" } },
    });
    const run = await dispatchOf(dispatcher, "sg-fail");
    const result = await dispatcher.wait({ id: run.id ?? 0, url: run.url }, FAST);
    expect(result.conclusion).toBe("failure");
    expect(emulator.violations).toEqual([]);
  });

  it("reports a run that is cancelled", async (ctx) => {
    let id = 0;
    // The run is cancelled while the dispatcher waits (its second pause, in virtual time).
    const clock = virtualTime((pause) => {
      if (pause === 2) emulator.state.completeRun(id, "cancelled");
    });
    const { emulator, dispatcher } = await world(
      ctx,
      { workflows: { "deploy.yml": { runMs: Number.POSITIVE_INFINITY } } },
      undefined,
      clock,
    );
    const run = await dispatchOf(dispatcher, "sg-cancel");
    id = run.id ?? 0;
    const result = await dispatcher.wait({ id, url: run.url }, FAST);
    expect(result.conclusion).toBe("cancelled");
    expect(clock.pauses).toHaveLength(2);
    expect(emulator.violations).toEqual([]);
  });

  it("gives up at the timeout with timed_out_waiting", async (ctx) => {
    const clock = virtualTime();
    const { emulator, dispatcher, logger } = await world(
      ctx,
      { workflows: { "deploy.yml": { runMs: Number.POSITIVE_INFINITY } } },
      undefined,
      clock,
    );
    const run = await dispatchOf(dispatcher, "sg-slow");
    const result = await dispatcher.wait({ id: run.id ?? 0, url: run.url }, { timeoutMs: 300, pollMs: 20 });
    expect(result).toEqual({ conclusion: "timed_out_waiting", url: run.url });
    // In virtual time: polled all along, and gave up exactly at the timeout, not after it.
    expect(clock.pauses.length).toBeGreaterThan(3);
    expect(clock.elapsed()).toBe(300);
    expect(
      logger.lines.some((l) => l.startsWith("warning:") && l.includes("did not complete within 300 ms")),
    ).toBe(true);
    expect(emulator.violations).toEqual([]);
  });

  it("says when a run waits for an environment approval, then follows it to success", async (ctx) => {
    const { emulator, dispatcher, logger } = await world(ctx, {
      workflows: { "deploy.yml": { queuedMs: 30, waitingMs: 300, runMs: 50 } },
    });
    const run = await dispatchOf(dispatcher, "sg-approval");
    const statuses: string[] = [];
    const result = await dispatcher.wait(
      { id: run.id ?? 0, url: run.url },
      { ...FAST, onStatus: (s) => statuses.push(s) },
    );
    expect(result.conclusion).toBe("success");
    expect(statuses).toContain("waiting");
    expect(statuses.indexOf("waiting")).toBeLessThan(statuses.indexOf("completed"));
    expect(logger.lines).toContain(
      `info: Run ${run.url} is waiting for an environment approval: a required reviewer must approve it in the Actions tab.`,
    );
    expect(emulator.violations).toEqual([]);
  });

  it("falls back when the server refuses return_run_details, finding the run by the correlation id in run-name", async (ctx) => {
    const { emulator, dispatcher, logger } = await world(ctx, { refuseRunDetails: true });
    // A run whose id starts like ours: matching must take whole ids only.
    const decoy = await dispatchOf(dispatcher, "sg-legacy-12");
    const run = await dispatchOf(dispatcher, "sg-legacy-1");
    expect(emulator.state.runs).toHaveLength(2);
    const ours = emulator.state.runs.find((r) => r.inputs["correlation-id"] === "sg-legacy-1");
    expect(run).toEqual({ id: ours?.id, url: `https://github.com/acme/app/actions/runs/${ours?.id}` });
    expect(decoy.id).not.toBe(run.id);
    // Refused once, then never asked again of this server.
    expect(emulator.state.dispatches.map((d) => d.returnRunDetails)).toEqual([undefined, undefined]);
    expect(emulator.calls("POST actions/create-workflow-dispatch")).toHaveLength(3);
    expect(logger.lines.filter((l) => l.includes("does not accept return_run_details"))).toHaveLength(1);
    const result = await dispatcher.wait({ id: run.id ?? 0, url: run.url }, FAST);
    expect(result.conclusion).toBe("success");
    expect(emulator.violations).toEqual([]);
  });

  it("returns no run, with the run-name advice, when no run shows the correlation id", async (ctx) => {
    const { emulator, dispatcher, logger } = await world(ctx, {
      refuseRunDetails: true,
      workflows: { "deploy.yml": { runName: "Deploy" } },
    });
    const run = await dispatchOf(dispatcher, "sg-invisible");
    expect(run).toEqual({ id: null, url: null });
    expect(emulator.state.runs).toHaveLength(1);
    expect(logger.lines.some((l) => l.startsWith("warning:") && l.includes("run-name"))).toBe(true);
    expect(emulator.violations).toEqual([]);
  });

  it("never sends an accepted dispatch again, even when the run list cannot be read", async (ctx) => {
    const { emulator, dispatcher } = await world(ctx, { refuseRunDetails: true });
    emulator.faults.status("GET actions/list-workflow-runs", 502, 20);
    const error = await dispatchError(dispatchOf(dispatcher, "sg-unlisted"));
    expect(error.code).toBe("SG_GITHUB_UNAVAILABLE");
    expect(error.message).toContain("list the runs of deploy.yml");
    expect(emulator.state.runs).toHaveLength(1);
    // The refused one, then the accepted one: no third.
    expect(emulator.calls("POST actions/create-workflow-dispatch")).toHaveLength(2);
    expect(emulator.violations).toEqual([]);
  });

  it("reconciles a lost dispatch answer by the correlation id: exactly one run", async (ctx) => {
    const { emulator, dispatcher, logger } = await world(ctx);
    emulator.faults.lostAnswer("POST actions/create-workflow-dispatch");
    const run = await dispatchOf(dispatcher, "sg-lost");
    expect(emulator.state.runs).toHaveLength(1);
    expect(emulator.calls("POST actions/create-workflow-dispatch")).toHaveLength(1);
    expect(run.id).toBe(emulator.state.runs[0]?.id);
    expect(logger.lines.some((l) => l.includes("looking for a run with correlation id sg-lost"))).toBe(true);
    expect((await dispatcher.wait({ id: run.id ?? 0, url: run.url }, FAST)).conclusion).toBe("success");
    expect(emulator.violations).toEqual([]);
  });

  it("sends again after a 502 that started nothing, once it looked: exactly one run", async (ctx) => {
    const { emulator, dispatcher } = await world(ctx);
    emulator.faults.status("POST actions/create-workflow-dispatch", 502);
    const run = await dispatchOf(dispatcher, "sg-502");
    expect(emulator.calls("POST actions/create-workflow-dispatch")).toHaveLength(2);
    expect(emulator.calls("GET actions/list-workflow-runs").length).toBeGreaterThan(0);
    expect(emulator.state.runs).toHaveLength(1);
    expect(run.id).toBe(emulator.state.runs[0]?.id);
    expect(emulator.violations).toEqual([]);
  });

  it("explains a 404: the workflow file is not on the default branch", async (ctx) => {
    const { emulator, dispatcher } = await world(ctx, {}, (repo) => {
      repo.git("checkout", "-q", "-b", "feature");
      repo.commit("ci: a deploy workflow on a branch only", {
        ".github/workflows/branch-only.yml": DEPLOY_YML,
      });
      repo.git("checkout", "-q", "main");
    });
    for (const workflow of ["missing.yml", "branch-only.yml"]) {
      const error = await dispatchError(
        dispatcher.dispatch({ workflow, ref: "main", inputs: inputs("sg-404"), correlationId: "sg-404" }),
      );
      expect(error.code).toBe("SG_WORKFLOW_NOT_FOUND");
      expect(error.message).toContain(`.github/workflows/${workflow} does not exist on the default branch`);
      expect(error.remedy).toMatch(/^Commit \.github\/workflows\/.* to the default branch/);
    }
    expect(emulator.state.runs).toHaveLength(0);
    expect(emulator.violations).toEqual([]);
  });

  it("names actions: write on a 403", async (ctx) => {
    const { emulator, dispatcher } = await world(ctx, { permissions: { actions: "read" } });
    const error = await dispatchError(dispatchOf(dispatcher, "sg-403"));
    expect(error.code).toBe("SG_GITHUB_FORBIDDEN");
    expect(error.message).toContain("403");
    expect(error.remedy).toContain("`actions: write`");
    expect(emulator.state.runs).toHaveLength(0);
    expect(emulator.violations).toEqual([]);
  });

  it("shows GitHub's message for inputs the workflow does not declare (422)", async (ctx) => {
    const { emulator, dispatcher } = await world(ctx);
    const error = await dispatchError(
      dispatcher.dispatch({
        workflow: "deploy.yml",
        ref: "main",
        inputs: inputs("sg-422", { bogus: "x" }),
        correlationId: "sg-422",
      }),
    );
    expect(error.code).toBe("SG_WORKFLOW_INPUTS_REFUSED");
    expect(error.message).toContain("Unexpected inputs provided");
    expect(error.remedy).toContain("on.workflow_dispatch.inputs");
    // Not mistaken for a refusal of return_run_details: sent once.
    expect(emulator.calls("POST actions/create-workflow-dispatch")).toHaveLength(1);
    expect(emulator.violations).toEqual([]);
  });

  it("refuses a commit SHA as ref, too many inputs and a correlation id missing from the inputs, before any request", async (ctx) => {
    const { emulator, dispatcher } = await world(ctx);
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`in${i}`, "sg-many"]));
    const cases = [
      { workflow: "deploy.yml", ref: sha, inputs: inputs("sg-x"), correlationId: "sg-x" },
      { workflow: "deploy.yml", ref: "main", inputs: many, correlationId: "sg-many" },
      { workflow: "deploy.yml", ref: "main", inputs: inputs("sg-x"), correlationId: "sg-y" },
    ];
    const errors = [];
    for (const input of cases) errors.push(await dispatchError(dispatcher.dispatch(input)));
    expect(errors.map((error) => error.code)).toEqual(Array(3).fill("SG_DISPATCH_INVALID"));
    const messages = errors.map((error) => error.message);
    expect(messages[0]).toContain("not a branch or tag name");
    expect(messages[1]).toContain("at most 25");
    expect(messages[2]).toContain("correlation id is not among the inputs");
    expect(emulator.calls("POST actions/create-workflow-dispatch")).toHaveLength(0);
  });
});

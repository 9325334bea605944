import { afterEach, describe, expect, it, vi } from "vitest";
import { type Harness, launch } from "../emulator/harness.ts";
import { until } from "../helpers/wait.ts";

// The emulator's workflow dispatches and runs: the file must be on the default branch, inputs are
// checked against the workflow's declaration, `return_run_details` answers 200 with the run (or 422
// like an older GHES), and the run goes queued -> (waiting ->) in_progress -> completed.

type Json = Record<string, unknown>;

const ROLLBACK_YML = `name: Rollback
run-name: "Rollback \${{ inputs.environment }} to \${{ inputs.to-version || 'last good' }} [\${{ inputs.correlation-id }}]"
on:
  workflow_dispatch:
    inputs:
      environment: { required: true, type: choice, options: [staging, production] }
      to-version: { required: false }
      from-version: { required: false }
      reason: { required: true }
      correlation-id: { required: false, default: "" }
`;

const MANY_INPUTS_YML = `name: Many
on:
  workflow_dispatch:
    inputs:
${Array.from({ length: 30 }, (_, i) => `      in${i}: { required: false }`).join("\n")}
`;

let h: Harness;

afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.dispose();
});

const files = {
  ".github/workflows/rollback.yml": ROLLBACK_YML,
  ".github/workflows/many.yml": MANY_INPUTS_YML,
  ".github/workflows/ci.yml": "name: CI\non: push\n",
};

const inputs = {
  environment: "staging",
  "to-version": "1.0.0",
  reason: "checks failed",
  "correlation-id": "sg-42",
};

describe("workflow dispatch", () => {
  it("answers 204 by default and records the dispatch and its run", async () => {
    h = await launch({}, { files });
    const answer = await h.api("POST", "/actions/workflows/rollback.yml/dispatches", { ref: "main", inputs });
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    expect(h.emulator.state.dispatches).toEqual([
      expect.objectContaining({ workflow: "rollback.yml", ref: "main", inputs, returnRunDetails: undefined }),
    ]);
    const run = h.emulator.state.runs[0];
    expect(run?.displayTitle).toBe("Rollback staging to 1.0.0 [sg-42]");
    expect(run?.event).toBe("workflow_dispatch");
  });

  it("answers 200 with the run's id and URLs for return_run_details, and the run goes through its states", async () => {
    h = await launch(
      { workflows: { "rollback.yml": { queuedMs: 150, waitingMs: 150, runMs: 150, conclusion: "failure" } } },
      { files },
    );
    const answer = await h.api("POST", "/actions/workflows/rollback.yml/dispatches", {
      ref: "main",
      inputs,
      return_run_details: true,
    });
    expect(answer.status).toBe(200);
    const runId = Number(answer.body.workflow_run_id);
    expect(answer.body).toEqual({
      workflow_run_id: runId,
      run_url: `${h.emulator.url}/repos/acme/app/actions/runs/${runId}`,
      html_url: `https://github.com/acme/app/actions/runs/${runId}`,
    });
    const seen = new Set<string>();
    await until(async () => {
      const run = await h.api("GET", `/actions/runs/${runId}`);
      seen.add(`${run.body.status}/${run.body.conclusion}`);
      return run.body.status === "completed";
    }, "the run to complete");
    // Polling sees the states in order (a slow machine may skip one); the clock itself is exact.
    const order = ["queued/null", "waiting/null", "in_progress/null", "completed/failure"];
    expect([...seen]).toEqual(order.filter((state) => seen.has(state)));
    expect([...seen].at(-1)).toBe("completed/failure");
    const record = h.emulator.state.runs[0];
    if (!record) throw new Error("no run recorded");
    const at = (ms: number) => h.emulator.state.runView(record, record.createdAt + ms);
    expect([at(0), at(160), at(310), at(460)].map((view) => `${view.status}/${view.conclusion}`)).toEqual(
      order,
    );
    const run = await h.api("GET", `/actions/runs/${runId}`);
    expect(run.body).toMatchObject({
      name: "Rollback",
      path: ".github/workflows/rollback.yml",
      display_title: "Rollback staging to 1.0.0 [sg-42]",
      head_branch: "main",
      head_sha: h.repo.head(),
      event: "workflow_dispatch",
    });
  });

  it("cancels a run that has not completed (202), and answers 409 for one that has, like GitHub", async () => {
    h = await launch({ runs: { runMs: Number.POSITIVE_INFINITY } }, { files });
    await h.api("POST", "/actions/workflows/rollback.yml/dispatches", { ref: "main", inputs });
    const id = h.emulator.state.runs[0]?.id;
    const cancelled = await h.api("POST", `/actions/runs/${id}/cancel`);
    expect(cancelled.status).toBe(202);
    expect((await h.api("GET", `/actions/runs/${id}`)).body).toMatchObject({
      status: "completed",
      conclusion: "cancelled",
    });
    const again = await h.api("POST", `/actions/runs/${id}/cancel`);
    expect(again.status).toBe(409);
    expect((await h.api("POST", "/actions/runs/999999/cancel")).status).toBe(404);
  });

  it("lets a test end a run by hand", async () => {
    h = await launch({ runs: { runMs: Number.POSITIVE_INFINITY } }, { files });
    await h.api("POST", "/actions/workflows/rollback.yml/dispatches", { ref: "main", inputs });
    const record = h.emulator.state.runs[0];
    if (!record) throw new Error("no run recorded");
    const id = record.id;
    // A minute later on the emulator's clock (a faked Date, no waiting): past its queued phase.
    vi.useFakeTimers({ toFake: ["Date"], now: record.createdAt + 60_000 });
    try {
      expect((await h.api("GET", `/actions/runs/${id}`)).body.status).toBe("in_progress");
      h.emulator.state.completeRun(id, "cancelled");
      expect((await h.api("GET", `/actions/runs/${id}`)).body).toMatchObject({
        status: "completed",
        conclusion: "cancelled",
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses return_run_details with 422 like an older GHES, creating no run; run-name carries the correlation id", async () => {
    h = await launch({ refuseRunDetails: true }, { files });
    const refused = await h.api("POST", "/actions/workflows/rollback.yml/dispatches", {
      ref: "main",
      inputs,
      return_run_details: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain("return_run_details");
    expect(h.emulator.state.runs).toHaveLength(0);
    expect(
      (await h.api("POST", "/actions/workflows/rollback.yml/dispatches", { ref: "main", inputs })).status,
    ).toBe(204);
    const runs = await h.api<{ workflow_runs: Json[] }>(
      "GET",
      "/actions/workflows/rollback.yml/runs?event=workflow_dispatch",
    );
    expect(runs.body.workflow_runs.map((run) => run.display_title)).toEqual([
      "Rollback staging to 1.0.0 [sg-42]",
    ]);
  });

  it("uses a configured run-name template over the file's", async () => {
    const runName = `rb \${{ github.event.inputs.correlation-id }}`;
    h = await launch({ workflows: { "rollback.yml": { runName } } }, { files });
    await h.api("POST", "/actions/workflows/rollback.yml/dispatches", { ref: "main", inputs });
    expect(h.emulator.state.runs[0]?.displayTitle).toBe("rb sg-42");
  });

  it("404s a workflow that is not on the default branch", async () => {
    h = await launch({}, { files });
    expect((await h.api("POST", "/actions/workflows/deploy.yml/dispatches", { ref: "main" })).status).toBe(
      404,
    );
    h.repo.git("checkout", "-q", "-b", "feature");
    h.repo.commit("ci: add deploy", { ".github/workflows/deploy.yml": "on: workflow_dispatch\n" });
    const onBranchOnly = await h.api("POST", "/actions/workflows/deploy.yml/dispatches", { ref: "feature" });
    expect(onBranchOnly.status).toBe(404);
    expect(onBranchOnly.body.message).toBe("Not Found");
  });

  it("checks the ref, the trigger and the inputs like GitHub", async () => {
    h = await launch({}, { files });
    const post = (workflow: string, body: Json) =>
      h.api("POST", `/actions/workflows/${workflow}/dispatches`, body);
    expect((await post("rollback.yml", { ref: "nope", inputs })).body.message).toBe("No ref found for: nope");
    expect((await post("rollback.yml", { ref: h.repo.head(), inputs })).status).toBe(422);
    expect((await post("ci.yml", { ref: "main" })).body.message).toBe(
      "Workflow does not have 'workflow_dispatch' trigger",
    );
    expect(
      (await post("rollback.yml", { ref: "main", inputs: { ...inputs, extra: "x" } })).body.message,
    ).toBe('Unexpected inputs provided: ["extra"]');
    expect(
      (await post("rollback.yml", { ref: "main", inputs: { environment: "staging" } })).body.message,
    ).toBe("Required input 'reason' not provided");
    expect(
      (await post("rollback.yml", { ref: "main", inputs: { ...inputs, environment: "qa" } })).status,
    ).toBe(422);
    expect(h.emulator.state.runs).toHaveLength(0);
  });

  it("answers 422 to more than 25 inputs (GitHub's limit, not a contract violation)", async () => {
    h = await launch({}, { files });
    const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`in${i}`, "x"]));
    const answer = await h.api("POST", "/actions/workflows/many.yml/dispatches", {
      ref: "main",
      inputs: many,
    });
    expect(answer.status).toBe(422);
    const { in25: _dropped, ...twentyFive } = many;
    expect(
      (await h.api("POST", "/actions/workflows/many.yml/dispatches", { ref: "main", inputs: twentyFive }))
        .status,
    ).toBe(204);
  });

  it("always answers 200 under API version 2026-03-10, where return_run_details is gone", async () => {
    h = await launch({}, { files });
    const version = { "x-github-api-version": "2026-03-10" };
    const answer = await h.api(
      "POST",
      "/actions/workflows/rollback.yml/dispatches",
      { ref: "main", inputs },
      version,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-github-api-version-selected")).toBe("2026-03-10");
    const legacyField = await h.api(
      "POST",
      "/actions/workflows/rollback.yml/dispatches",
      { ref: "main", inputs, return_run_details: true },
      version,
    );
    expect(legacyField.status).toBe(500);
    expect(h.emulator.violations.map((v) => v.errors)).toEqual([
      ['request body: unknown field "return_run_details" (not in GitHub\'s schema)'],
    ]);
    h.emulator.violations.length = 0;
  });
});

describe("workflow runs", () => {
  it("lists runs newest first, filtered by event, branch, status and created", async () => {
    h = await launch({ runs: { queuedMs: 0, runMs: 0 } }, { files });
    h.repo.git("branch", "release");
    const before = new Date(Date.now() - 1000).toISOString();
    for (const ref of ["main", "release", "main"]) {
      await h.api("POST", "/actions/workflows/rollback.yml/dispatches", { ref, inputs });
    }
    const ids = h.emulator.state.runs.map((run) => run.id);
    const all = await h.api<{ total_count: number; workflow_runs: Json[] }>("GET", "/actions/runs");
    expect(all.body.total_count).toBe(3);
    expect(all.body.workflow_runs.map((run) => run.id)).toEqual([ids[2], ids[1], ids[0]]);
    const release = await h.api<{ workflow_runs: Json[] }>(
      "GET",
      "/actions/runs?branch=release&event=workflow_dispatch",
    );
    expect(release.body.workflow_runs.map((run) => run.id)).toEqual([ids[1]]);
    const push = await h.api<{ total_count: number }>("GET", "/actions/runs?event=push");
    expect(push.body.total_count).toBe(0);
    const success = await h.api<{ total_count: number }>("GET", "/actions/runs?status=success");
    expect(success.body.total_count).toBe(3);
    const created = await h.api<{ total_count: number }>(
      "GET",
      `/actions/runs?created=${encodeURIComponent(`>=${before}`)}`,
    );
    expect(created.body.total_count).toBe(3);
    const future = await h.api<{ total_count: number }>("GET", "/actions/runs?created=%3E2999-01-01");
    expect(future.body.total_count).toBe(0);
    const paged = await h.api<{ workflow_runs: Json[] }>(
      "GET",
      "/actions/workflows/rollback.yml/runs?per_page=1&page=2",
    );
    expect(paged.body.workflow_runs.map((run) => run.id)).toEqual([ids[1]]);
    expect(paged.headers.get("link")).toContain('rel="next"');
    const byId = await h.api<{ total_count: number }>(
      "GET",
      `/actions/workflows/${h.emulator.state.runs[0]?.workflowId}/runs`,
    );
    expect(byId.body.total_count).toBe(3);
    expect((await h.api("GET", "/actions/runs/1")).status).toBe(404);
  });

  it("calls onDispatch so an end-to-end test can start the dispatched run", async () => {
    const dispatched: unknown[] = [];
    h = await launch({ onDispatch: (dispatch) => dispatched.push(dispatch) }, { files });
    await h.api("POST", "/actions/workflows/rollback.yml/dispatches", { ref: "main", inputs });
    await until(() => dispatched.length === 1, "onDispatch to be called");
    expect(dispatched[0]).toEqual({
      workflow: "rollback.yml",
      ref: "main",
      inputs,
      runId: h.emulator.state.runs[0]?.id,
    });
  });
});

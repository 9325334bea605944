import { afterEach, describe, expect, it } from "vitest";
import { type Harness, launch } from "../emulator/harness.ts";

// The emulator's deployments: creation semantics (auto_merge, required_contexts), statuses,
// filters, newest-first pagination, and auto_inactive as GitHub's description states it.

type Json = Record<string, unknown>;

let h: Harness;

afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.dispose();
});

const deploy = (fields: Json) =>
  h.api("POST", "/deployments", { auto_merge: false, required_contexts: [], ...fields });

describe("deployments", () => {
  it("records a deployment with its payload and resolves ref to sha", async () => {
    h = await launch();
    const sha = h.repo.head();
    await h.api("POST", "/git/refs", { ref: "refs/tags/v1.0.0", sha });
    const payload = { tool: "shipguard", schema: 1, version: "1.0.0", kind: "deploy", correlation_id: "c-1" };
    const created = await deploy({
      ref: "v1.0.0",
      environment: "staging",
      task: "deploy",
      payload,
      description: "v1.0.0",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sha,
      ref: "v1.0.0",
      environment: "staging",
      original_environment: "staging",
      task: "deploy",
      payload,
      production_environment: false,
      transient_environment: false,
      creator: { login: "github-actions[bot]" },
    });
    const read = await h.api("GET", `/deployments/${created.body.id}`);
    expect(read.body.payload).toEqual(payload);
    expect((await h.api("GET", "/deployments/1")).status).toBe(404);
    const unknownRef = await deploy({ ref: "nope" });
    expect(unknownRef.status).toBe(422);
    expect(unknownRef.body.message).toBe("No ref found for: nope");
  });

  it("filters by environment, ref, sha and task, newest first, with pagination", async () => {
    h = await launch();
    const a = h.repo.head();
    const b = h.repo.commit("feat: b");
    const ids: number[] = [];
    for (const [ref, environment, task] of [
      [a, "staging", "deploy"],
      [b, "staging", "deploy"],
      [b, "production", "deploy"],
      [a, "staging", "deploy:rollback"],
      [b, "staging", "deploy"],
    ] as const) {
      ids.push(Number((await deploy({ ref, environment, task })).body.id));
    }
    const staging = await h.api<Json[]>("GET", "/deployments?environment=staging");
    expect(staging.body.map((d) => d.id)).toEqual([ids[4], ids[3], ids[1], ids[0]]);
    const rollbacks = await h.api<Json[]>("GET", "/deployments?task=deploy:rollback");
    expect(rollbacks.body.map((d) => d.id)).toEqual([ids[3]]);
    const bySha = await h.api<Json[]>("GET", `/deployments?sha=${b}&environment=staging`);
    expect(bySha.body.map((d) => d.id)).toEqual([ids[4], ids[1]]);
    const byRef = await h.api<Json[]>("GET", `/deployments?ref=${a}`);
    expect(byRef.body).toHaveLength(2);

    const page1 = await h.api<Json[]>("GET", "/deployments?environment=staging&per_page=3");
    expect(page1.body.map((d) => d.id)).toEqual([ids[4], ids[3], ids[1]]);
    const next = /<([^>]+)>; rel="next"/.exec(page1.headers.get("link") ?? "")?.[1];
    expect(next).toBeDefined();
    const page2 = await fetch(String(next), {
      headers: { authorization: `Bearer ${h.emulator.options.token}` },
    });
    expect(((await page2.json()) as Json[]).map((d) => d.id)).toEqual([ids[0]]);
  });

  it("adds statuses, newest first; refuses a description over 140 characters and non-http URLs", async () => {
    h = await launch();
    const id = (await deploy({ ref: "main", environment: "staging" })).body.id;
    const progress = await h.api("POST", `/deployments/${id}/statuses`, {
      state: "in_progress",
      log_url: "https://github.com/acme/app/actions/runs/1",
    });
    expect(progress.body).toMatchObject({
      state: "in_progress",
      log_url: "https://github.com/acme/app/actions/runs/1",
      target_url: "https://github.com/acme/app/actions/runs/1",
      environment_url: "",
      environment: "staging",
    });
    await h.api("POST", `/deployments/${id}/statuses`, {
      state: "success",
      environment_url: "https://staging.example.com",
      description: "smoke checks passed",
    });
    const statuses = await h.api<Json[]>("GET", `/deployments/${id}/statuses`);
    expect(statuses.body.map((s) => s.state)).toEqual(["success", "in_progress"]);

    const long = await h.api("POST", `/deployments/${id}/statuses`, {
      state: "failure",
      description: "x".repeat(141),
    });
    expect(long.status).toBe(422);
    expect(long.body.errors).toEqual([
      expect.objectContaining({
        field: "description",
        message: "description is too long (maximum is 140 characters)",
      }),
    ]);
    const exactly = await h.api("POST", `/deployments/${id}/statuses`, {
      state: "failure",
      description: "x".repeat(140),
    });
    expect(exactly.status).toBe(201);
    const badUrl = await h.api("POST", `/deployments/${id}/statuses`, {
      state: "failure",
      environment_url: "javascript:x",
    });
    expect(badUrl.status).toBe(422);
  });

  it("auto-inactivates earlier successful deployments of a non-production environment only", async () => {
    h = await launch();
    const make = async (environment: string) => {
      const id = (await deploy({ ref: "main", environment })).body.id;
      await h.api("POST", `/deployments/${id}/statuses`, { state: "success" });
      return Number(id);
    };
    const stagingOld = await make("staging");
    const productionOld = await make("production");
    await make("staging");
    await make("production");
    const last = (id: number) => h.emulator.state.deployment(id)?.statuses.at(-1)?.state;
    expect(last(stagingOld)).toBe("inactive");
    expect(last(productionOld)).toBe("success");
  });

  it("can auto-inactivate production deployments too", async () => {
    h = await launch({ deployments: { autoInactiveProduction: true } });
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) {
      const id = Number((await deploy({ ref: "main", environment: "production" })).body.id);
      await h.api("POST", `/deployments/${id}/statuses`, { state: "success" });
      ids.push(id);
    }
    const statuses = await h.api<Json[]>("GET", `/deployments/${ids[0]}/statuses`);
    expect(statuses.body.map((status) => status.state)).toEqual(["inactive", "success"]);
  });
});

describe("deployment creation outcomes", () => {
  it("auto-merges (202, no deployment) a branch behind the default branch unless auto_merge is false", async () => {
    h = await launch();
    h.repo.git("branch", "topic-branch");
    h.repo.commit("feat: main moves on");
    const merged = await h.api("POST", "/deployments", { ref: "topic-branch", required_contexts: [] });
    expect(merged.status).toBe(202);
    expect(merged.body).toEqual({ message: "Auto-merged main into topic-branch on deployment." });
    expect(h.emulator.state.deployments).toHaveLength(0);
    expect((await deploy({ ref: "topic-branch" })).status).toBe(201);
  });

  it("answers 409 on a merge conflict", async () => {
    h = await launch({ deployments: { autoMerge: "conflict" } });
    h.repo.git("branch", "topic-branch");
    h.repo.commit("feat: main moves on");
    const conflict = await h.api("POST", "/deployments", { ref: "topic-branch", required_contexts: [] });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toBe("Conflict merging main into topic-branch.");
  });

  it("answers 422 when required contexts fail: all of them when required_contexts is omitted", async () => {
    h = await launch({ deployments: { failingContexts: ["ci/test"] } });
    const omitted = await h.api("POST", "/deployments", { ref: "main", auto_merge: false });
    expect(omitted.status).toBe(422);
    expect(omitted.body.message).toBe("Conflict: Commit status checks failed for main.");
    expect(omitted.body.errors).toEqual([
      expect.objectContaining({
        contexts: [{ context: "ci/test", state: "failure" }],
        field: "required_contexts",
      }),
    ]);
    expect((await deploy({ ref: "main" })).status).toBe(201);
    expect((await deploy({ ref: "main", required_contexts: ["ci/lint"] })).status).toBe(201);
  });

  it.each([202, 409, 422] as const)("can force the %i outcome whatever the request", async (outcome) => {
    h = await launch({ deployments: { forceOutcome: outcome } });
    const answer = await deploy({ ref: "main" });
    expect(answer.status).toBe(outcome);
    expect(h.emulator.state.deployments).toHaveLength(0);
  });
});

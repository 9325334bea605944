import { readFileSync, statSync } from "node:fs";
import { Octokit } from "@octokit/core";
import { afterEach, describe, expect, it } from "vitest";
import { Contract, loadSubset } from "../emulator/contract.ts";
import { type Harness, launch } from "../emulator/harness.ts";
import { until } from "../helpers/wait.ts";

// The emulator itself: GitHub's contract on every request and answer, authentication and
// permissions, GitHub-like headers, the request log, and each injectable fault.

type Json = Record<string, unknown>;

let h: Harness;

afterEach(async () => {
  await h?.dispose();
});

const SUBSET_PATH = new URL("../emulator/openapi-subset.json", import.meta.url);

describe("openapi-subset.json", () => {
  it("holds the operations shipguard uses, with their operationIds, every $ref resolvable, well under 1 MB", () => {
    h = undefined as unknown as Harness;
    expect(statSync(SUBSET_PATH).size).toBeLessThan(300 * 1024);
    const subset = loadSubset() as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.values(subset.paths).flatMap((item) =>
      Object.values(item).map((op) => op.operationId),
    );
    expect(operations).toHaveLength(43);
    expect(operations).toEqual(
      expect.arrayContaining([
        "git/create-ref",
        "git/create-tag",
        "repos/create-release",
        "repos/update-release",
        "repos/create-deployment",
        "repos/create-deployment-status",
        "actions/create-workflow-dispatch",
        "actions/get-workflow-run",
        "actions/cancel-workflow-run",
      ]),
    );
    const text = readFileSync(SUBSET_PATH, "utf8");
    for (const [, ref] of text.matchAll(/"\$ref": "#\/([^"]+)"/g)) {
      const target = String(ref)
        .split("/")
        .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], subset);
      expect(target, ref).toBeDefined();
    }
    const dispatch = subset.paths[
      "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ] as unknown as {
      post: { requestBody: { content: { "application/json": { schema: { properties: Json } } } } };
    };
    expect(
      dispatch.post.requestBody.content["application/json"].schema.properties.return_run_details,
    ).toBeDefined();
  });
});

describe("contract checks", () => {
  it("refuses an unknown request field with 500 and records the violation", async () => {
    h = await launch();
    const answer = await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: h.repo.head(), force: true });
    expect(answer.status).toBe(500);
    expect(answer.body.message).toMatch(/^emulator: contract violation in the request of git\/create-ref: /);
    expect(answer.body.message).toContain('unknown field "force"');
    expect(h.emulator.violations).toEqual([
      {
        kind: "request",
        method: "POST",
        path: "/repos/acme/app/git/refs",
        operationId: "git/create-ref",
        status: undefined,
        errors: ['request body: unknown field "force" (not in GitHub\'s schema)'],
      },
    ]);
    expect(h.emulator.log.at(-1)?.violations).toHaveLength(1);
    // Nothing was written.
    expect((await h.api("GET", "/git/ref/tags/v1")).status).toBe(404);
  });

  it("catches unknown nested fields, wrong types, missing fields, unknown query parameters and routes", async () => {
    h = await launch();
    const sha = h.repo.head();
    await h.api("POST", "/git/tags", {
      tag: "v1",
      message: "m",
      object: sha,
      type: "commit",
      tagger: { name: "a", mail: "x" },
    });
    await h.api("POST", "/deployments", { ref: "main", auto_merge: "false" });
    await h.api("POST", "/releases", { name: "no tag" });
    await h.api("GET", "/deployments?enviroment=staging");
    await h.api("GET", "/releases?per_page=lots");
    await h.api("GET", "/branches");
    const kinds = h.emulator.violations.map((violation) => [violation.kind, violation.errors.join(" | ")]);
    expect(kinds).toEqual([
      ["request", expect.stringContaining('unknown field "mail"')],
      ["request", "request body at /auto_merge: must be boolean"],
      ["request", "request body: must have required property 'tag_name'"],
      ["request", 'query: unknown field "enviroment" (not in GitHub\'s schema)'],
      ["request", "query at /per_page: must be integer"],
      ["unknown-route", "GET /repos/acme/app/branches is not an operation of openapi-subset.json"],
    ]);
    h.emulator.violations.length = 0;
  });

  it("checks answers too: an emulator bug in a response is a violation", () => {
    h = undefined as unknown as Harness;
    const contract = new Contract(loadSubset());
    const op = contract.operation("git/get-ref");
    const good = {
      ref: "refs/tags/v1",
      node_id: "x",
      url: "https://api.github.com/x",
      object: { type: "commit", sha: "a".repeat(40), url: "https://api.github.com/y" },
    };
    expect(contract.checkResponse(op, 200, good)).toEqual([]);
    expect(contract.checkResponse(op, 200, { ...good, object: { ...good.object, sha: "abc" } })).toEqual([
      "response 200 body at /object/sha: must NOT have fewer than 40 characters",
    ]);
    expect(contract.checkResponse(op, 201, good)).toEqual(["status 201 is not documented for git/get-ref"]);
    expect(contract.checkResponse(op, 404, { message: "Not Found", documentation_url: "x" })).toEqual([]);
  });
});

describe("authentication and permissions", () => {
  it("answers 401 without a token or with a wrong one, and takes `token` and `Bearer`", async () => {
    h = await launch({ token: "ghs_right" });
    const none = await h.api("GET", "", undefined, { authorization: "" });
    expect(none.status).toBe(401);
    expect(none.body.message).toBe("Requires authentication");
    const wrong = await h.api("GET", "", undefined, { authorization: "token ghs_wrong" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe("Bad credentials");
    expect((await h.api("GET", "", undefined, { authorization: "Bearer ghs_right" })).status).toBe(200);
    expect((await h.api("GET", "", undefined, { authorization: "token ghs_right" })).status).toBe(200);
  });

  it("answers 403 Resource not accessible by integration to a write beyond the token's permissions", async () => {
    h = await launch({ permissions: { contents: "read", deployments: "write", actions: "read" } });
    const write = await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: h.repo.head() });
    expect(write.status).toBe(403);
    expect(write.body).toEqual({
      message: "Resource not accessible by integration",
      documentation_url: "https://docs.github.com/rest/git/refs#create-a-reference",
      status: "403",
    });
    expect(write.headers.get("x-accepted-github-permissions")).toBe("contents=write");
    expect((await h.api("GET", "/git/matching-refs/tags/")).status).toBe(200);
    expect(
      (await h.api("POST", "/deployments", { ref: "main", auto_merge: false, required_contexts: [] })).status,
    ).toBe(201);
    const dispatch = await h.api("POST", "/actions/workflows/x.yml/dispatches", { ref: "main" });
    expect(dispatch.status).toBe(403);
    expect(dispatch.headers.get("x-accepted-github-permissions")).toBe("actions=write");
    // Options are live: a test may grant more between requests.
    h.emulator.options.permissions = { contents: "write" };
    expect((await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: h.repo.head() })).status).toBe(201);
    expect(h.emulator.violations).toEqual([]);
  });

  it("answers 404 for another repository", async () => {
    h = await launch({ owner: "Acme", repo: "App" });
    expect((await h.api("GET", "/repos/acme/app")).status).toBe(200);
    expect((await h.api("GET", "/repos/acme/other")).status).toBe(404);
  });
});

describe("headers and log", () => {
  it("sends GitHub's headers and counts the rate limit", async () => {
    h = await launch({ rateLimit: 3 });
    const first = await h.api("GET", "");
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(first.headers.get("x-github-request-id")).toMatch(
      /^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{4}$/,
    );
    expect(first.headers.get("x-ratelimit-limit")).toBe("3");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("2");
    expect(first.headers.get("x-ratelimit-used")).toBe("1");
    expect(first.headers.get("x-ratelimit-resource")).toBe("core");
    expect(Number(first.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    await h.api("GET", "");
    await h.api("GET", "");
    const over = await h.api("GET", "");
    expect(over.status).toBe(403);
    expect(over.body.message).toMatch(/^API rate limit exceeded/);
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
  });

  it("logs every request with its route, body and status; calls() counts them", async () => {
    h = await launch();
    const sha = h.repo.head();
    await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha });
    await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha });
    await h.api("GET", "/releases?per_page=5");
    expect(h.emulator.log.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ["POST", "/repos/acme/app/git/refs", 201],
      ["POST", "/repos/acme/app/git/refs", 422],
      ["GET", "/repos/acme/app/releases", 200],
    ]);
    expect(h.emulator.log[0]).toMatchObject({
      operationId: "git/create-ref",
      route: "POST /repos/{owner}/{repo}/git/refs",
      body: { ref: "refs/tags/v1", sha },
      answered: true,
    });
    expect(h.emulator.log[2]?.query).toEqual({ per_page: "5" });
    expect(typeof h.emulator.log[0]?.time).toBe("number");
    expect(h.emulator.calls("POST git/create-ref")).toHaveLength(2);
    expect(h.emulator.calls("GET /repos/{owner}/{repo}/releases")).toHaveLength(1);
    expect(h.emulator.calls()).toHaveLength(3);
  });
});

describe("faults", () => {
  it("answers a status N times, then handles requests again", async () => {
    h = await launch();
    const rule = h.emulator.faults.status("POST /repos/{owner}/{repo}/git/refs", 502, 2);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: h.repo.head() })).status);
    }
    expect(statuses).toEqual([502, 502, 201]);
    expect(rule.fired).toBe(2);
    expect(h.emulator.faults.pending()).toEqual([]);
    expect(h.emulator.calls("POST git/create-ref").map((entry) => entry.fault)).toEqual([
      "status",
      "status",
      undefined,
    ]);
  });

  it("answers 403 or 429 with retry-after and exhausted x-ratelimit headers", async () => {
    h = await launch();
    h.emulator.faults.rateLimit("git/get-ref", { status: 429, retryAfter: 7 });
    h.emulator.faults.rateLimit("GET *", { status: 403, retryAfter: 2 });
    const limited = await h.api("GET", "/git/ref/heads/main");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    expect(reset - Date.now() / 1000).toBeGreaterThan(5);
    const forbidden = await h.api("GET", "/git/ref/heads/main");
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("retry-after")).toBe("2");
    expect((await h.api("GET", "/git/ref/heads/main")).status).toBe(200);
  });

  it("answers a secondary rate limit: 403, GitHub's message, no retry-after", async () => {
    h = await launch();
    h.emulator.faults.secondaryRateLimit("POST /repos/acme/app/releases");
    const answer = await h.api("POST", "/releases", { tag_name: "v1" });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(/^You have exceeded a secondary rate limit\./);
    expect(answer.headers.get("retry-after")).toBeNull();
    expect(Number(answer.headers.get("x-ratelimit-remaining"))).toBeGreaterThan(0);
    expect(h.emulator.state.releases).toHaveLength(0);
    h.emulator.faults.secondaryRateLimit("POST /repos/acme/app/releases", { retryAfter: 1 });
    expect((await h.api("POST", "/releases", { tag_name: "v1" })).headers.get("retry-after")).toBe("1");
  });

  it("hangs: the request is accepted and never answered until the emulator closes", async () => {
    h = await launch();
    h.emulator.faults.hang("GET /repos/acme/app");
    const pending = fetch(`${h.emulator.url}/repos/acme/app`, {
      headers: { authorization: `token ${h.emulator.options.token}` },
      signal: AbortSignal.timeout(300),
    });
    await expect(pending).rejects.toThrow(/aborted|timeout/i);
    expect(h.emulator.log[0]).toMatchObject({ fault: "hang", answered: false });
    expect(h.emulator.log[0]?.status).toBeUndefined();
    // The rule is spent: the next request is answered.
    expect((await h.api("GET", "")).status).toBe(200);
    h.emulator.faults.hang("GET /repos/acme/app");
    const stuck = fetch(`${h.emulator.url}/repos/acme/app`, {
      headers: { authorization: `token ${h.emulator.options.token}` },
    });
    await until(() => h.emulator.log.length >= 3, "the emulator to log the hanging request");
    await h.emulator.close();
    await expect(stuck).rejects.toThrow();
  });

  it("resets the connection without handling the request", async () => {
    h = await launch();
    h.emulator.faults.reset("POST git/create-ref");
    await expect(h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: h.repo.head() })).rejects.toThrow(
      /fetch failed/,
    );
    expect((await h.api("GET", "/git/ref/tags/v1")).status).toBe(404);
    expect(h.emulator.log[0]).toMatchObject({ fault: "reset", answered: false });
    expect(h.emulator.log[0]?.status).toBeUndefined();
  });

  it("loses the answer after the write was made", async () => {
    h = await launch();
    h.emulator.faults.lostAnswer("POST git/create-ref");
    const sha = h.repo.head();
    await expect(h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha })).rejects.toThrow(/fetch failed/);
    expect(h.emulator.log[0]).toMatchObject({ fault: "lost-answer", answered: false, status: 201 });
    // The retry meets the lock; reading the ref shows the same commit: the work was done.
    const retry = await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha });
    expect(retry.status).toBe(422);
    expect(((await h.api("GET", "/git/ref/tags/v1")).body.object as Json).sha).toBe(sha);
  });

  it("delays an answer", async () => {
    h = await launch();
    h.emulator.faults.delay(/\/releases$/, 150);
    const started = Date.now();
    expect((await h.api("GET", "/releases")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("with @octokit/core", () => {
  it("serves Octokit's requests and errors as GitHub does, with no contract violation", async () => {
    h = await launch();
    const octokit = new Octokit({ auth: h.emulator.options.token, baseUrl: h.emulator.url });
    const repo = { owner: "acme", repo: "app" };
    const { data: repository } = await octokit.request("GET /repos/{owner}/{repo}", repo);
    expect(repository.default_branch).toBe("main");
    const { data: tag } = await octokit.request("POST /repos/{owner}/{repo}/git/tags", {
      ...repo,
      tag: "v1.0.0",
      message: "release notes",
      object: h.repo.head(),
      type: "commit",
    });
    await octokit.request("POST /repos/{owner}/{repo}/git/refs", {
      ...repo,
      ref: "refs/tags/v1.0.0",
      sha: tag.sha,
    });
    const duplicate = await octokit
      .request("POST /repos/{owner}/{repo}/git/refs", { ...repo, ref: "refs/tags/v1.0.0", sha: tag.sha })
      .catch((error: { status: number; message: string }) => error);
    expect(duplicate).toMatchObject({ status: 422 });
    expect((duplicate as { message: string }).message).toContain("Reference already exists");

    const { data: ref } = await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...repo,
      ref: "tags/v1.0.0",
    });
    expect(ref.object.type).toBe("tag");
    const { data: draft } = await octokit.request("POST /repos/{owner}/{repo}/releases", {
      ...repo,
      tag_name: "v1.0.0",
      body: "release notes",
      draft: true,
      make_latest: "true",
    });
    const { data: published } = await octokit.request("PATCH /repos/{owner}/{repo}/releases/{release_id}", {
      ...repo,
      release_id: draft.id,
      draft: false,
    });
    expect(published.html_url).toBe("https://github.com/acme/app/releases/tag/v1.0.0");
    const { data: byTag } = await octokit.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", {
      ...repo,
      tag: "v1.0.0",
    });
    expect(byTag.id).toBe(draft.id);
    const { data: deployment } = await octokit.request("POST /repos/{owner}/{repo}/deployments", {
      ...repo,
      ref: "v1.0.0",
      environment: "staging",
      auto_merge: false,
      required_contexts: [],
      payload: { version: "1.0.0" },
    });
    expect("id" in deployment).toBe(true);
    const { data: deployments } = await octokit.request("GET /repos/{owner}/{repo}/deployments", {
      ...repo,
      environment: "staging",
      per_page: 100,
    });
    expect(deployments).toHaveLength(1);
    const { data: commit } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", {
      ...repo,
      ref: "main",
    });
    expect(commit.sha).toBe(h.repo.head());
    expect(h.emulator.violations).toEqual([]);
  });
});

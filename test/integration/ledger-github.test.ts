/**
 * The GitHub ledger against the API emulator: what it sends (checked against GitHub's OpenAPI
 * description by the emulator), how it reads history page by page, how it survives a lost answer
 * without a second deployment, and how each refusal of GitHub is reported. Also: the same events
 * recorded on GitHub and in the local ledger give the same "last known good" answers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { describe, expect, it, type TestContext } from "vitest";
import { createClient, type GitHubClient } from "../../src/adapters/github/client.ts";
import { GitHubLedger, newCorrelationId } from "../../src/adapters/github/ledger.ts";
import { LocalLedger } from "../../src/adapters/local-ledger.ts";
import { LastKnownGoodFinder, type LastKnownGoodOptions } from "../../src/core/deployments.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { DeploymentPayload, DeploymentRecord, Ledger, Logger } from "../../src/ports.ts";
import { type Emulator, type EmulatorOptions, makeGitFixture, startEmulator } from "../emulator/index.ts";

const TOKEN = "ghs_ledgerTestToken000000000000000000000";
const DEPLOYMENTS = "POST /repos/{owner}/{repo}/deployments";
const LIST = "GET /repos/{owner}/{repo}/deployments";

interface World {
  emulator: Emulator;
  sha: string;
  ledger: GitHubLedger;
  warnings: string[];
  /** Creates a deployment behind the ledger's back (as another tool or a job's environment would). */
  seed(body: Record<string, unknown>): Promise<void>;
}

async function world(
  ctx: TestContext,
  options: Partial<EmulatorOptions> = {},
  clientKind: "production" | "unthrottled" = "unthrottled",
): Promise<World> {
  const teardown: (() => Promise<void> | void)[] = [];
  ctx.onTestFinished(async () => {
    for (const f of teardown.reverse()) await f();
  });
  const repo = makeGitFixture();
  teardown.push(() => repo.remove());
  const emulator = await startEmulator({ gitDir: repo.dir, token: TOKEN, ...options });
  teardown.push(() => emulator.close());
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} };
  const octokit = clientKind === "production" ? productionClient(emulator, logger) : unthrottled(emulator);
  return {
    emulator,
    sha: repo.head(),
    ledger: new GitHubLedger(octokit, { owner: "acme", repo: "app" }, logger, { backoffMs: 5 }),
    warnings,
    async seed(body) {
      const answer = await fetch(`${emulator.url}/repos/acme/app/deployments`, {
        method: "POST",
        headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ ref: repo.head(), auto_merge: false, required_contexts: [], ...body }),
      });
      expect(answer.status).toBe(201);
    },
  };
}

/** The client the action builds: retries, throttling (one write a second) and all. */
function productionClient(emulator: Emulator, logger: Logger): GitHubClient {
  return createClient({
    token: TOKEN,
    baseUrl: emulator.url,
    logger,
    retryBaseMs: 1,
    requestTimeoutMs: 5000,
  });
}

/**
 * The same plugins without the throttling plugin's one-second gap between writes (shared by every
 * client of the process), so tests that record many events stay fast.
 */
function unthrottled(emulator: Emulator): GitHubClient {
  return getOctokit(
    TOKEN,
    {
      baseUrl: emulator.url,
      retry: {
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
        retries: 3,
        retryAfterBaseValue: 1,
      },
      throttle: { enabled: false },
    },
    retry,
    throttling,
  );
}

function payload(sha: string, overrides: Partial<DeploymentPayload> = {}): DeploymentPayload {
  return {
    tool: "shipguard",
    schema: 1,
    kind: "deploy",
    version: "1.2.3",
    tag: "v1.2.3",
    sha,
    rolledBackFrom: null,
    reason: null,
    runUrl: "https://github.com/acme/app/actions/runs/42",
    correlationId: newCorrelationId(),
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<ShipguardError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShipguardError);
  return error as ShipguardError;
}

async function collect(history: AsyncIterable<DeploymentRecord>): Promise<DeploymentRecord[]> {
  const all: DeploymentRecord[] = [];
  for await (const record of history) all.push(record);
  return all;
}

/** How a command asks the question: history newest first, statuses only when they can matter. */
async function lastKnownGood(
  ledger: Ledger,
  environment: string,
  options: LastKnownGoodOptions = {},
): Promise<DeploymentRecord | null> {
  const finder = new LastKnownGoodFinder(options);
  for await (const record of ledger.history(environment)) {
    const statuses = finder.needsStatuses(record) ? await ledger.statuses(record) : [];
    const answer = finder.consider(record, statuses);
    if (answer !== null) return answer;
  }
  return null;
}

describe("GitHubLedger", () => {
  it("records a deployment as GitHub expects it and reads it back", async (ctx) => {
    const w = await world(ctx);
    const sent = payload(w.sha);
    const record = await w.ledger.create({
      environment: "staging",
      sha: w.sha,
      payload: sent,
      description: "Deploy v1.2.3",
    });
    expect(record).toMatchObject({ environment: "staging", creator: "github-actions[bot]", payload: sent });
    const [call] = w.emulator.calls(DEPLOYMENTS);
    expect(call?.body).toEqual({
      ref: w.sha,
      environment: "staging",
      task: "deploy",
      payload: sent,
      description: "Deploy v1.2.3",
      auto_merge: false,
      required_contexts: [],
      transient_environment: false,
    });

    await w.ledger.setStatus(record, { state: "in_progress", description: "Deploying", logUrl: sent.runUrl });
    await w.ledger.setStatus(record, {
      state: "success",
      description: "Smoke checks passed",
      logUrl: sent.runUrl,
      environmentUrl: "https://staging.example.com",
    });
    const statuses = await w.ledger.statuses(record);
    expect(statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(statuses[1]).toMatchObject({
      description: "Smoke checks passed",
      logUrl: sent.runUrl,
      environmentUrl: "https://staging.example.com",
    });
    expect(statuses[0]?.environmentUrl).toBeNull();
    expect(
      w.emulator.calls("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses")[0]?.body,
    ).toEqual({
      state: "in_progress",
      description: "Deploying",
      log_url: sent.runUrl,
      auto_inactive: true,
    });
    expect(await collect(w.ledger.history("staging"))).toEqual([record]);
    expect(await collect(w.ledger.history("production"))).toEqual([]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("records a rollback with its own task and sends production_environment only when given", async (ctx) => {
    const w = await world(ctx);
    const from = { id: "2400000001", version: "1.2.3" };
    const record = await w.ledger.create({
      environment: "production",
      sha: w.sha,
      payload: payload(w.sha, { kind: "rollback", version: "1.2.2", rolledBackFrom: from, reason: "checks" }),
      description: "Roll back to v1.2.2",
      productionEnvironment: true,
    });
    expect(record.payload.rolledBackFrom).toEqual(from);
    expect(w.emulator.state.deployments[0]).toMatchObject({
      task: "deploy:rollback",
      productionEnvironment: true,
    });
    expect(w.emulator.calls(DEPLOYMENTS)[0]?.body).toMatchObject({ production_environment: true });
    expect(w.emulator.violations).toEqual([]);
  });

  it("reads more than 100 deployments page by page, newest first, only shipguard's", async (ctx) => {
    const w = await world(ctx);
    for (let i = 0; i < 130; i++) {
      await w.seed({ environment: "staging", payload: payload(w.sha, { version: `1.0.${i}` }) });
      if (i % 10 === 0) {
        // A job's `environment:`, another tool, another environment: none of it is shipguard's history.
        await w.seed({ environment: "staging", payload: {} });
        await w.seed({ environment: "staging", payload: { tool: "other", version: "9.9.9" } });
        await w.seed({ environment: "production", payload: payload(w.sha, { version: `2.0.${i}` }) });
      }
    }
    const before = w.emulator.calls(LIST).length;
    const firstFive: string[] = [];
    for await (const record of w.ledger.history("staging")) {
      firstFive.push(record.payload.version);
      if (firstFive.length === 5) break;
    }
    expect(firstFive).toEqual(["1.0.129", "1.0.128", "1.0.127", "1.0.126", "1.0.125"]);
    // Stopping early costs one page: the next is never fetched.
    expect(w.emulator.calls(LIST).length - before).toBe(1);

    const all = await collect(w.ledger.history("staging"));
    expect(all).toHaveLength(130);
    expect(all.map((r) => r.payload.version)).toEqual(
      Array.from({ length: 130 }, (_, i) => `1.0.${129 - i}`),
    );
    const pages = w.emulator.calls(LIST).slice(before + 1);
    expect(pages.map((c) => c.query)).toEqual([
      { environment: "staging", per_page: "100" },
      { environment: "staging", per_page: "100", page: "2" },
    ]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("round-trips the payload: every field as sent, nothing foreign", async (ctx) => {
    const w = await world(ctx);
    const sent = payload(w.sha, {
      kind: "rollback",
      tag: null,
      rolledBackFrom: { id: "17", version: "1.3.0" },
      reason: 'health: status 500 "oops" ✗',
      runUrl: null,
    });
    await w.ledger.create({ environment: "staging", sha: w.sha, payload: sent, description: "x" });
    const [read] = await collect(w.ledger.history("staging"));
    expect(read?.payload).toEqual(sent);
    expect(await w.ledger.findByCorrelation("staging", sent.correlationId)).toEqual(read);
    expect(await w.ledger.findByCorrelation("production", sent.correlationId)).toBeNull();
    expect(await w.ledger.findByCorrelation("staging", "sg-unknown")).toBeNull();
  });

  it("returns the first deployment when the same attempt is created again", async (ctx) => {
    const w = await world(ctx);
    const input = { environment: "staging", sha: w.sha, payload: payload(w.sha), description: "d" };
    const first = await w.ledger.create(input);
    const again = await w.ledger.create(input);
    expect(again).toEqual(first);
    expect(w.emulator.state.deployments).toHaveLength(1);
  });

  it("reconciles a lost answer by the correlation id: exactly one deployment", async (ctx) => {
    const w = await world(ctx, {}, "production");
    w.emulator.faults.lostAnswer(DEPLOYMENTS);
    const sent = payload(w.sha);
    const record = await w.ledger.create({
      environment: "staging",
      sha: w.sha,
      payload: sent,
      description: "d",
    });
    expect(w.emulator.state.deployments).toHaveLength(1);
    expect(record.id).toBe(String(w.emulator.state.deployments[0]?.id));
    expect(record.payload).toEqual(sent);
    // One POST: the retry plugin did not resend it, the lookup found it.
    expect(w.emulator.calls(DEPLOYMENTS)).toHaveLength(1);
    const lookup = w.emulator.calls(LIST).at(-1);
    expect(lookup?.query).toEqual({ environment: "staging", sha: w.sha, per_page: "100" });
    expect(w.warnings.join("\n")).toMatch(/checking whether it was made/);
    expect(w.emulator.violations).toEqual([]);
  });

  it("resends when the failed attempt made nothing, and gives up after three", async (ctx) => {
    const w = await world(ctx);
    w.emulator.faults.status(DEPLOYMENTS, 502, 2);
    await w.ledger.create({ environment: "staging", sha: w.sha, payload: payload(w.sha), description: "d" });
    expect(w.emulator.calls(DEPLOYMENTS)).toHaveLength(3);
    expect(w.emulator.state.deployments).toHaveLength(1);

    w.emulator.faults.status(DEPLOYMENTS, 503, 3);
    const error = await failure(
      w.ledger.create({ environment: "staging", sha: w.sha, payload: payload(w.sha), description: "d" }),
    );
    expect(error.code).toBe("SG_GITHUB_UNAVAILABLE");
    expect(error.message).toMatch(/create the deployment of 1\.2\.3 to staging: GitHub answered 503/);
    expect(error.remedy).toMatch(/Re-run the job/);
    expect(w.emulator.state.deployments).toHaveLength(1);
  });

  it("reports a 202 auto-merge: nothing was created, auto_merge false was sent", async (ctx) => {
    const w = await world(ctx, { deployments: { forceOutcome: 202 } });
    const error = await failure(
      w.ledger.create({ environment: "staging", sha: w.sha, payload: payload(w.sha), description: "d" }),
    );
    expect(error.code).toBe("SG_DEPLOYMENT_AUTO_MERGED");
    expect(error.message).toMatch(
      /GitHub answered 202 \(auto-merge\): Auto-merged main into .*No deployment was created/,
    );
    expect(error.remedy).toMatch(/`auto_merge: false`/);
    expect(error.remedy).toMatch(/up to date with its base/);
    expect(w.emulator.state.deployments).toEqual([]);
    expect(w.emulator.calls(DEPLOYMENTS)).toHaveLength(1);
    expect(w.emulator.violations).toEqual([]);
  });

  it("reports a 409 merge conflict", async (ctx) => {
    const w = await world(ctx, { deployments: { forceOutcome: 409 } });
    const error = await failure(
      w.ledger.create({ environment: "staging", sha: w.sha, payload: payload(w.sha), description: "d" }),
    );
    expect(error.code).toBe("SG_DEPLOYMENT_MERGE_CONFLICT");
    expect(error.message).toMatch(/GitHub answered 409 .*Conflict merging main into .*a merge conflict/);
    expect(error.remedy).toMatch(/resolve the conflict/);
    expect(w.emulator.calls(DEPLOYMENTS)).toHaveLength(1);
    expect(w.emulator.violations).toEqual([]);
  });

  it("reports a 422 for failed required status checks, naming them", async (ctx) => {
    const w = await world(ctx, { deployments: { forceOutcome: 422, failingContexts: ["ci/test", "lint"] } });
    const error = await failure(
      w.ledger.create({ environment: "staging", sha: w.sha, payload: payload(w.sha), description: "d" }),
    );
    expect(error.code).toBe("SG_DEPLOYMENT_CHECKS_FAILED");
    expect(error.message).toMatch(/GitHub answered 422 .*required status checks failed: ci\/test, lint/);
    expect(error.remedy).toMatch(/make ci\/test, lint pass/);
    expect(error.remedy).toMatch(/`required_contexts: \[\]`/);
    expect(w.emulator.violations).toEqual([]);
  });

  it("reports a commit GitHub does not have apart from failed checks", async (ctx) => {
    const w = await world(ctx);
    const missing = "1".repeat(40);
    const error = await failure(
      w.ledger.create({ environment: "staging", sha: missing, payload: payload(missing), description: "d" }),
    );
    expect(error.code).toBe("SG_DEPLOYMENT_COMMIT_MISSING");
    expect(error.message).toMatch(/GitHub answered 422 .*No ref found for/);
    expect(error.message).not.toMatch(/status checks/);
    expect(error.remedy).toMatch(/Push the commit/);
    expect(w.emulator.violations).toEqual([]);
  });

  it("reports each refusal distinctly", async (ctx) => {
    const w = await world(ctx);
    const remedies = new Set<string>();
    const codes = new Set<string>();
    for (const outcome of [202, 409, 422] as const) {
      w.emulator.options.deployments = { forceOutcome: outcome };
      const error = await failure(
        w.ledger.create({ environment: "staging", sha: w.sha, payload: payload(w.sha), description: "d" }),
      );
      remedies.add(error.remedy);
      codes.add(error.code);
    }
    expect(remedies.size).toBe(3);
    expect(codes.size).toBe(3);
  });

  it("names deployments: write when the token cannot create, deployments: read when it cannot read", async (ctx) => {
    const w = await world(ctx, { permissions: { contents: "write", deployments: "read" } });
    const error = await failure(
      w.ledger.create({ environment: "staging", sha: w.sha, payload: payload(w.sha), description: "d" }),
    );
    expect(error.code).toBe("SG_GITHUB_FORBIDDEN");
    expect(error.message).toMatch(/403/);
    expect(error.remedy).toMatch(/`deployments: write`/);

    w.emulator.options.permissions = { contents: "write" };
    const read = await failure(collect(w.ledger.history("staging")));
    expect(read.code).toBe("SG_GITHUB_FORBIDDEN");
    expect(read.remedy).toMatch(/`deployments: read`/);
    expect(w.emulator.violations).toEqual([]);
  });

  it("cuts descriptions over 140 characters instead of being refused", async (ctx) => {
    const w = await world(ctx);
    const long = `Smoke checks failed: ${"health: status 500; ".repeat(20)}`;
    const record = await w.ledger.create({
      environment: "staging",
      sha: w.sha,
      payload: payload(w.sha),
      description: long,
    });
    await w.ledger.setStatus(record, { state: "failure", description: long, logUrl: "file:///tmp/log" });
    const [status] = await w.ledger.statuses(record);
    expect(status?.state).toBe("failure");
    expect(status?.description.length).toBeLessThanOrEqual(140);
    expect(status?.description.endsWith("…")).toBe(true);
    expect(w.emulator.state.deployments[0]?.description?.length).toBeLessThanOrEqual(140);
    // A link GitHub would refuse is left out, with a warning, rather than losing the status.
    expect(status?.logUrl).toBeNull();
    expect(w.warnings.join("\n")).toMatch(/log_url "file:\/\/\/tmp\/log"/);
    expect(w.emulator.violations).toEqual([]);
  });

  it("reads statuses oldest first over several pages, with GitHub's own inactive", async (ctx) => {
    const w = await world(ctx);
    const input = (version: string) => ({
      environment: "staging",
      sha: w.sha,
      payload: payload(w.sha, { version }),
      description: version,
    });
    const first = await w.ledger.create(input("1.0.0"));
    for (let i = 0; i < 104; i++) {
      await w.ledger.setStatus(first, { state: "in_progress", description: `step ${i}` });
    }
    await w.ledger.setStatus(first, { state: "success", description: "ok" });
    const second = await w.ledger.create(input("1.1.0"));
    await w.ledger.setStatus(second, { state: "success", description: "ok" });

    const statuses = await w.ledger.statuses(first);
    expect(statuses).toHaveLength(106);
    expect(statuses[0]?.description).toBe("step 0");
    expect(statuses.slice(-2).map((s) => s.state)).toEqual(["success", "inactive"]);
    expect(w.emulator.violations).toEqual([]);
  });
});

describe("the same events on GitHub and in the local ledger", () => {
  interface Step {
    key: string;
    version: string;
    states: ("in_progress" | "success" | "failure")[];
    rollbackFrom?: string;
  }

  // Deploys, a failed one rolled back, a passing one rolled back by hand, a failed redeploy.
  const script: Step[] = [
    { key: "a", version: "1.0.0", states: ["in_progress", "success"] },
    { key: "b", version: "1.1.0", states: ["in_progress", "success"] },
    { key: "c", version: "1.2.0", states: ["in_progress", "failure"] },
    { key: "r1", version: "1.1.0", states: ["in_progress", "success"], rollbackFrom: "c" },
    { key: "d", version: "1.3.0", states: ["in_progress", "success"] },
    { key: "r2", version: "1.0.0", states: ["in_progress", "success"], rollbackFrom: "d" },
    { key: "e", version: "1.3.0", states: ["in_progress", "failure"] },
  ];

  async function play(ledger: Ledger, sha: string): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const keys = new Map<string, string>();
    for (const step of script) {
      const from = step.rollbackFrom;
      const fromId = from === undefined ? undefined : ids.get(from);
      const record = await ledger.create({
        environment: "staging",
        sha,
        description: step.key,
        payload: payload(sha, {
          version: step.version,
          kind: from === undefined ? "deploy" : "rollback",
          rolledBackFrom:
            fromId === undefined
              ? null
              : { id: fromId, version: script.find((s) => s.key === from)?.version ?? "" },
        }),
      });
      for (const state of step.states) await ledger.setStatus(record, { state, description: state });
      ids.set(step.key, record.id);
      keys.set(record.id, step.key);
    }
    return keys;
  }

  it("gives the same last known good answers", async (ctx) => {
    const w = await world(ctx);
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-ledger-"));
    ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const quiet: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };
    let n = 0;
    const local = new LocalLedger(path.join(dir, "deployments.jsonl"), {
      logger: quiet,
      newId: () => `L${++n}`,
    });

    const githubKeys = await play(w.ledger, w.sha);
    const localKeys = await play(local, w.sha);
    const ask = async (
      ledger: Ledger,
      keys: Map<string, string>,
      exclude: (id: (k: string) => string) => LastKnownGoodOptions,
    ) => {
      const idOf = (key: string) => [...keys].find(([, k]) => k === key)?.[0] ?? "";
      const answer = await lastKnownGood(ledger, "staging", exclude(idOf));
      return answer === null ? null : `${keys.get(answer.id)} ${answer.payload.version}`;
    };
    const questions: [string, (id: (k: string) => string) => LastKnownGoodOptions, string | null][] = [
      ["no exclusions", () => ({}), "r2 1.0.0"],
      [
        "without the newest rollback: d was rolled back from",
        (id) => ({ excludeIds: [id("r2")] }),
        "r1 1.1.0",
      ],
      ["without 1.0.0", () => ({ excludeVersions: ["1.0.0"] }), "r1 1.1.0"],
      ["without 1.0.0 and 1.1.0", () => ({ excludeVersions: ["1.0.0", "1.1.0"] }), null],
    ];
    for (const [name, exclude, expected] of questions) {
      const github = await ask(w.ledger, githubKeys, exclude);
      const fromFile = await ask(local, localKeys, exclude);
      expect({ name, github, local: fromFile }).toEqual({ name, github: expected, local: expected });
    }
    // GitHub marked earlier successes inactive; the rule (and the answers) did not change.
    expect(w.emulator.state.deployments.some((d) => d.statuses.at(-1)?.state === "inactive")).toBe(true);
    expect(w.emulator.violations).toEqual([]);
  });
});

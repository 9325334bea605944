/**
 * GitHubLedger.allDeployments against the emulator's GraphQL endpoint (validated against GitHub's
 * schema): the request budget of issue 21 (2,000 deployments in at most 30 requests), statuses
 * beyond the first 100, other tools' deployments skipped, and rate limits and 5xx retried by the
 * client's plugins as for the REST calls.
 */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { describe, expect, it, type TestContext } from "vitest";
import { createClient, type GitHubClient } from "../../src/adapters/github/client.ts";
import { GitHubLedger } from "../../src/adapters/github/ledger.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { Logger } from "../../src/ports.ts";
import { type Emulator, type EmulatorOptions, makeGitFixture, startEmulator } from "../emulator/index.ts";
import { seedManyDeployments } from "../helpers/many-deployments.ts";

const TOKEN = "ghs_metricsLedgerToken00000000000000000";
const GRAPHQL = "POST /graphql";
const FAR = new Date("2100-01-01T00:00:00Z");

interface World {
  emulator: Emulator;
  sha: string;
  ledger: GitHubLedger;
  warnings: string[];
}

async function world(
  ctx: TestContext,
  options: Partial<EmulatorOptions> = {},
  kind: "production" | "unthrottled" = "unthrottled",
): Promise<World> {
  const repo = makeGitFixture();
  const emulator = await startEmulator({ gitDir: repo.dir, token: TOKEN, ...options });
  ctx.onTestFinished(async () => {
    await emulator.close();
    repo.remove();
  });
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} };
  const octokit: GitHubClient =
    kind === "production"
      ? createClient({ token: TOKEN, baseUrl: emulator.url, logger, retryBaseMs: 1, requestTimeoutMs: 5000 })
      : getOctokit(
          TOKEN,
          {
            baseUrl: emulator.url,
            retry: { retries: 3, retryAfterBaseValue: 1 },
            throttle: { enabled: false },
          },
          retry,
          throttling,
        );
  return {
    emulator,
    sha: repo.head(),
    ledger: new GitHubLedger(octokit, { owner: "acme", repo: "app" }, logger),
    warnings,
  };
}

const shipguardPayload = (sha: string, version: string, extra: Record<string, unknown> = {}) => ({
  tool: "shipguard",
  schema: 1,
  kind: "deploy",
  version,
  tag: `v${version}`,
  sha,
  rolledBackFrom: null,
  reason: null,
  runUrl: null,
  correlationId: `sg-${version}`,
  ...extra,
});

describe("GitHubLedger.allDeployments", () => {
  it("reads 2,000 deployments with their statuses in at most 30 requests, skipping other tools'", async (ctx) => {
    const w = await world(ctx);
    const seeded = seedManyDeployments(w.emulator, w.sha, 2000);
    const all = await w.ledger.allDeployments(null, FAR);
    const requests = w.emulator.calls(GRAPHQL);
    expect(requests.length).toBeLessThanOrEqual(30);
    // 2,100 deployments on GitHub, 100 a page.
    expect(requests).toHaveLength(Math.ceil((seeded.shipguard + seeded.foreign) / 100));
    expect(w.emulator.calls().filter((c) => c.path !== "/graphql")).toEqual([]);
    expect(all).toHaveLength(seeded.shipguard);
    // Oldest first, each as the emulator holds it: REST id, environment, payload, statuses oldest first.
    const mine = w.emulator.state.deployments.filter(
      (d) => (d.payload as { tool?: string }).tool === "shipguard",
    );
    expect(all.map((d) => d.record.id)).toEqual(mine.map((d) => String(d.id)));
    expect(Number(all[0]?.record.id)).toBeGreaterThan(2 ** 31);
    for (const [i, read] of all.entries()) {
      const held = mine[i];
      expect(read.record.environment).toBe(held?.environment);
      expect(read.record.createdAt).toBe(held?.createdAt);
      expect(read.record.creator).toBe("github-actions[bot]");
      expect(read.record.payload.correlationId).toBe(`sg-bench-${i}`);
      expect(read.statuses.map((s) => [s.state, s.createdAt])).toEqual(
        held?.statuses.map((s) => [s.state, s.createdAt]),
      );
    }
    expect(all[0]?.statuses[0]).toEqual({
      state: "in_progress",
      description: "",
      createdAt: "2026-01-05T08:00:05Z",
      logUrl: "https://github.com/acme/app/actions/runs/0",
      environmentUrl: null,
    });
    expect(all[49]?.record.payload.kind).toBe("rollback");
    expect(w.emulator.violations).toEqual([]);
  });

  it("filters one environment (any case) and the deployments created before until", async (ctx) => {
    const w = await world(ctx);
    seedManyDeployments(w.emulator, w.sha, 30);
    const until = new Date("2026-01-05T20:00:00Z");
    const staging = await w.ledger.allDeployments("Staging", until);
    // Hours 0..11 before until; staging takes every third: 0, 3, 6, 9.
    expect(staging.map((d) => d.record.payload.correlationId)).toEqual([
      "sg-bench-0",
      "sg-bench-3",
      "sg-bench-6",
      "sg-bench-9",
    ]);
    const query = w.emulator.calls(GRAPHQL)[0]?.body as { variables: Record<string, unknown> };
    expect(query.variables.environments).toEqual(["Staging"]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("reads every environment when GitHub's filter, matching case, finds nothing for a name in another case", async (ctx) => {
    const w = await world(ctx, { deployments: { caseSensitiveEnvironmentFilter: true } });
    seedManyDeployments(w.emulator, w.sha, 6);
    const production = await w.ledger.allDeployments("PRODUCTION", FAR);
    expect(production.map((d) => d.record.payload.correlationId)).toEqual([
      "sg-bench-1",
      "sg-bench-2",
      "sg-bench-4",
      "sg-bench-5",
    ]);
    const variables = w.emulator.calls(GRAPHQL).map((c) => (c.body as { variables: object }).variables);
    expect(variables).toEqual([
      expect.objectContaining({ environments: ["PRODUCTION"] }),
      expect.objectContaining({ environments: null }),
    ]);
    // Written as GitHub holds it: one request. Unknown anywhere: two, and nothing.
    expect(await w.ledger.allDeployments("production", FAR)).toHaveLength(4);
    expect(await w.ledger.allDeployments("qa", FAR)).toEqual([]);
    expect(w.emulator.calls(GRAPHQL)).toHaveLength(5);
    expect(w.emulator.violations).toEqual([]);
  });

  it("reads the statuses beyond the first 100 with follow-ups for that deployment only, in order", async (ctx) => {
    const w = await world(ctx);
    const states = Array.from({ length: 230 }, (_, i) => ({
      state: (i === 229 ? "success" : "in_progress") as "success" | "in_progress",
      // Pairs within one second: the order must still come out as written.
      createdAt: new Date(Date.parse("2026-03-01T10:00:00Z") + Math.floor(i / 2) * 1000).toISOString(),
      description: `step ${i}`,
    }));
    w.emulator.seedDeployment({
      environment: "production",
      sha: w.sha,
      createdAt: "2026-03-01T10:00:00Z",
      payload: shipguardPayload(w.sha, "2.0.0"),
      statuses: states,
    });
    w.emulator.seedDeployment({
      environment: "production",
      sha: w.sha,
      createdAt: "2026-03-01T11:00:00Z",
      // GitHub hands back a payload sent as JSON text as text: still shipguard's.
      payload: JSON.stringify(shipguardPayload(w.sha, "2.0.1")),
      statuses: [
        { state: "success", createdAt: "2026-03-01T11:00:09Z" },
        { state: "in_progress", createdAt: "2026-03-01T11:00:09Z" },
      ],
    });
    const all = await w.ledger.allDeployments("production", FAR);
    expect(all.map((d) => d.record.payload.version)).toEqual(["2.0.0", "2.0.1"]);
    expect(all[0]?.statuses).toHaveLength(230);
    expect(all[0]?.statuses.at(-1)?.state).toBe("success");
    expect(all[0]?.statuses.slice(0, 3).map((s) => s.createdAt)).toEqual([
      "2026-03-01T10:00:00Z",
      "2026-03-01T10:00:00Z",
      "2026-03-01T10:00:01Z",
    ]);
    // Within a second, in_progress before the outcome.
    expect(all[1]?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    // One page of deployments, two follow-ups (100 + 30 statuses) for the first only.
    const calls = w.emulator.calls(GRAPHQL);
    expect(calls).toHaveLength(3);
    expect(calls.slice(1).map((c) => (c.body as { query: string }).query)).toEqual([
      expect.stringContaining("node(id: $id)"),
      expect.stringContaining("node(id: $id)"),
    ]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("skips other tools' deployments and a job's own", async (ctx) => {
    const w = await world(ctx);
    for (const payload of [
      {},
      { tool: "other", schema: 1 },
      shipguardPayload(w.sha, "3.0.0", { schema: 2 }),
      "not json",
      shipguardPayload(w.sha, "3.0.1"),
    ]) {
      w.emulator.seedDeployment({
        environment: "staging",
        sha: w.sha,
        createdAt: "2026-04-01T00:00:00Z",
        payload,
      });
    }
    const all = await w.ledger.allDeployments(null, FAR);
    expect(all.map((d) => d.record.payload.version)).toEqual(["3.0.1"]);
    expect(all[0]?.statuses).toEqual([]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("waits out a GraphQL rate limit and a secondary limit, and retries a 502, with the action's own client", async (ctx) => {
    const w = await world(ctx, {}, "production");
    seedManyDeployments(w.emulator, w.sha, 150);
    w.emulator.faults.rateLimit(GRAPHQL, { status: 403, retryAfter: 1 });
    w.emulator.faults.secondaryRateLimit(GRAPHQL, { retryAfter: 1 });
    w.emulator.faults.status(GRAPHQL, 502);
    const all = await w.ledger.allDeployments(null, FAR);
    expect(all).toHaveLength(150);
    const calls = w.emulator.calls(GRAPHQL);
    expect(calls.map((c) => c.fault ?? c.status)).toEqual([
      "rate-limit",
      "secondary-rate-limit",
      "status",
      200,
      200,
    ]);
    expect(w.warnings).toEqual([
      expect.stringMatching(/^GitHub rate limit on POST .*\/graphql: waiting \d+s \(retry 1 of 3\)\.$/),
      expect.stringMatching(
        /^GitHub secondary rate limit on POST .*\/graphql: waiting 1s \(retry 2 of 3\)\.$/,
      ),
    ]);
    expect(w.emulator.violations).toEqual([]);
  }, 30_000);

  it("sends GraphQL to GITHUB_GRAPHQL_URL when the runner gives one, apart from the REST base URL", async (ctx) => {
    const w = await world(ctx);
    seedManyDeployments(w.emulator, w.sha, 3);
    const logger: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };
    // The REST base URL answers nothing: only the GraphQL URL can serve the read.
    const octokit = createClient({
      token: TOKEN,
      baseUrl: "http://127.0.0.1:9/api/v3",
      graphqlUrl: `${w.emulator.url}/graphql`,
      logger,
      retries: 0,
      requestTimeoutMs: 5000,
    });
    const ledger = new GitHubLedger(octokit, { owner: "acme", repo: "app" }, logger);
    expect(await ledger.allDeployments(null, FAR)).toHaveLength(3);
    expect(w.emulator.calls(GRAPHQL)).toHaveLength(1);
  });

  it("names the permission when the token cannot read deployments", async (ctx) => {
    const w = await world(ctx, { permissions: { deployments: "none" } });
    const error = await w.ledger.allDeployments(null, FAR).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipguardError);
    expect((error as ShipguardError).code).toBe("SG_GITHUB_FORBIDDEN");
    expect((error as ShipguardError).remedy).toContain("`deployments: read`");
    expect(w.emulator.calls(GRAPHQL)).toHaveLength(1);
  });
});

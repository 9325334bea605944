import { afterEach, describe, expect, it } from "vitest";
import { type Harness, launch } from "../emulator/harness.ts";

// The emulator's POST /graphql: queries validated against GitHub's own schema, executed over the
// emulator's deployments with GitHub's connection rules (first/last required, at most 100).

// biome-ignore lint/suspicious/noExplicitAny: GraphQL answers are read by path here, checked by value.
type Json = Record<string, any>;

let h: Harness;

afterEach(async () => {
  await h.dispose();
});

async function graphql(query: string, variables: Json = {}, token?: string) {
  const response = await fetch(`${h.emulator.url}/graphql`, {
    method: "POST",
    headers: {
      authorization: `bearer ${token ?? h.emulator.options.token}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

const shipguard = (version: string) => ({ tool: "shipguard", schema: 1, kind: "deploy", version });

function seed(count: number, environment: string, statuses = 1) {
  const sha = h.repo.head();
  for (let i = 0; i < count; i++) {
    const minute = String(i).padStart(2, "0");
    h.emulator.seedDeployment({
      environment,
      sha,
      payload: shipguard(`1.0.${i}`),
      createdAt: `2026-11-0${environment === "staging" ? 1 : 2}T10:${minute}:00Z`,
      statuses: Array.from({ length: statuses }, (_, s) => ({
        state: s === statuses - 1 ? ("success" as const) : ("in_progress" as const),
        createdAt: `2026-11-0${environment === "staging" ? 1 : 2}T10:${minute}:${String(s % 60).padStart(2, "0")}Z`,
        logUrl: "https://github.com/acme/app/actions/runs/1",
      })),
    });
  }
}

const DEPLOYMENTS = `
  query ($owner: String!, $name: String!, $environments: [String!], $after: String, $first: Int!) {
    rateLimit { cost remaining }
    repository(owner: $owner, name: $name) {
      deployments(first: $first, after: $after, environments: $environments,
                  orderBy: { field: CREATED_AT, direction: DESC }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id environment createdAt payload commitOid task
          creator { login }
          statuses(first: 2) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { state createdAt description logUrl environmentUrl }
          }
        }
      }
    }
  }`;

describe("emulator GraphQL", () => {
  it("lists deployments by environment, newest first, with pages, statuses and the query's cost", async () => {
    h = await launch();
    seed(3, "staging");
    seed(5, "production", 3);
    const vars = { owner: "acme", name: "app", environments: ["Production"], first: 3 };
    const first = await graphql(DEPLOYMENTS, vars);
    expect(first.status).toBe(200);
    expect(first.body.errors, JSON.stringify(first.body.errors)).toBeUndefined();
    const page = first.body.data.repository.deployments;
    expect(page.totalCount).toBe(5);
    expect(page.nodes.map((n: Json) => JSON.parse(n.payload).version)).toEqual(["1.0.4", "1.0.3", "1.0.2"]);
    expect(page.nodes[0]).toMatchObject({
      environment: "production",
      createdAt: "2026-11-02T10:04:00Z",
      commitOid: h.repo.head(),
      task: "deploy",
      creator: { login: "github-actions" },
    });
    expect(page.nodes[0].id).toMatch(/^DE_[A-Za-z0-9_-]+$/);
    expect(page.nodes[0].statuses.totalCount).toBe(3);
    expect(page.nodes[0].statuses.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes[0].statuses.nodes[0]).toEqual({
      state: "SUCCESS",
      createdAt: "2026-11-02T10:04:02Z",
      description: "",
      logUrl: "https://github.com/acme/app/actions/runs/1",
      environmentUrl: null,
    });
    // 1 deployments connection + 3 statuses connections: 4 requests, GitHub's minimum cost of 1.
    expect(first.body.data.rateLimit.cost).toBe(1);
    expect(first.headers.get("x-ratelimit-resource")).toBe("graphql");

    const second = await graphql(DEPLOYMENTS, { ...vars, after: page.pageInfo.endCursor });
    const rest = second.body.data.repository.deployments;
    expect(rest.nodes.map((n: Json) => JSON.parse(n.payload).version)).toEqual(["1.0.1", "1.0.0"]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const all = await graphql(DEPLOYMENTS, { owner: "acme", name: "app", first: 100 });
    expect(all.body.data.repository.deployments.totalCount).toBe(8);
    expect(h.emulator.violations).toEqual([]);
  });

  it("reads further statuses of one deployment through node(id:)", async () => {
    h = await launch();
    seed(1, "production", 5);
    const list = await graphql(DEPLOYMENTS, { owner: "acme", name: "app", first: 1 });
    const node = list.body.data.repository.deployments.nodes[0];
    const more = await graphql(
      `query ($id: ID!, $after: String) {
        node(id: $id) { ... on Deployment { statuses(first: 100, after: $after) {
          pageInfo { hasNextPage } nodes { state createdAt } } } }
      }`,
      { id: node.id, after: node.statuses.pageInfo.endCursor },
    );
    expect(more.body.data.node.statuses.nodes.map((s: Json) => s.createdAt)).toEqual([
      "2026-11-02T10:00:02Z",
      "2026-11-02T10:00:01Z",
      "2026-11-02T10:00:00Z",
    ]);
    expect(more.body.data.node.statuses.pageInfo.hasNextPage).toBe(false);
    expect(h.emulator.violations).toEqual([]);
  });

  it("answers GitHub's errors for first above 100 and a connection without first or last", async () => {
    h = await launch();
    const over = await graphql(DEPLOYMENTS, { owner: "acme", name: "app", first: 101 });
    expect(over.status).toBe(200);
    expect(over.body.data.repository).toBeNull();
    expect(over.body.errors[0]).toMatchObject({
      type: "EXCESSIVE_PAGINATION",
      message:
        "Requesting 101 records on the `deployments` connection exceeds the `first` limit of 100 records.",
    });
    const unbounded = await graphql(
      `{ repository(owner: "acme", name: "app") { deployments { totalCount } } }`,
    );
    expect(unbounded.body.errors[0].type).toBe("MISSING_PAGINATION_BOUNDARIES");
    const big = await graphql(
      `{ repository(owner: "acme", name: "app") { deployments(first: 1) { nodes { databaseId } } } }`,
    );
    expect(big.body.errors).toBeUndefined();
    seed(1, "production");
    const tooBig = await graphql(
      `{ repository(owner: "acme", name: "app") { deployments(first: 1) { nodes { databaseId } } } }`,
    );
    expect(tooBig.body.errors[0].message).toMatch(/Int cannot represent non 32-bit signed integer value: 24/);
    const unknown = await graphql(`{ repository(owner: "acme", name: "nope") { id } }`);
    expect(unknown.body.errors[0]).toMatchObject({ type: "NOT_FOUND" });
    expect(h.emulator.violations).toEqual([]);
  });

  it("records a query outside GitHub's schema as a contract violation", async () => {
    h = await launch();
    const answer = await graphql(
      `{ repository(owner: "acme", name: "app") { deployments(first: 1) { nodes { sha } } } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors[0].message).toBe('Cannot query field "sha" on type "Deployment".');
    expect(h.emulator.violations).toHaveLength(1);
    expect(h.emulator.violations[0]).toMatchObject({ kind: "request", path: "/graphql" });
    h.emulator.violations.length = 0;
  });

  it("refuses a bad token, a token without deployments read, and answers RATE_LIMITED on the fault", async () => {
    h = await launch({ permissions: { deployments: "none" } });
    const bad = await graphql(DEPLOYMENTS, { owner: "acme", name: "app", first: 1 }, "ghs_wrong");
    expect(bad.status).toBe(401);
    const denied = await graphql(DEPLOYMENTS, { owner: "acme", name: "app", first: 1 });
    expect(denied.body.errors[0]).toMatchObject({
      type: "FORBIDDEN",
      message: "Resource not accessible by integration",
    });
    h.emulator.options.permissions = { deployments: "read" };
    h.emulator.faults.rateLimit("POST /graphql", { status: 403, retryAfter: 7 });
    const limited = await graphql(DEPLOYMENTS, { owner: "acme", name: "app", first: 1 });
    expect(limited.status).toBe(200);
    expect(limited.body.errors[0].type).toBe("RATE_LIMITED");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    const after = await graphql(DEPLOYMENTS, { owner: "acme", name: "app", first: 1 });
    expect(after.body.errors).toBeUndefined();
    expect(h.emulator.violations).toEqual([]);
  });
});

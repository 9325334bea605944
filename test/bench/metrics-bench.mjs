// The metrics read's request budget and time (issue 21, "Reading GitHub within a request budget"):
// 2,000 of shipguard's deployments (with other tools' mixed in, as test/helpers/many-deployments.ts
// seeds them) on the GitHub API emulator, read by GitHubLedger.allDeployments through GraphQL.
// Target: at most 30 requests. Printed for each way, the median of --runs runs:
//   - graphql (action client): the action's own Octokit client, retry and throttling plugins
//     included; the throttling plugin spaces GraphQL requests one second apart (it counts them
//     with writes), which is most of this figure on a loopback emulator;
//   - graphql (unthrottled): the same adapter and queries on a client without the throttling
//     plugin: the cost of the queries and of reading the answers;
//   - baseline raw fetch: the same 21 GraphQL pages with plain fetch and JSON.parse, no adapter;
//   - baseline REST N+1: list the deployments (100 a page), then one statuses call per deployment,
//     as the REST API allows (GitHubLedger.history + statuses).
// Memory: the heap's growth during the read, at its peak (sampled every 5 ms from a full GC;
// --expose-gc), the emulator's answers included as they share the process; and the process's
// peak RSS (the emulator and GitHub's schema included).
//
//   node test/bench/metrics-bench.mjs [--runs N (default 3)] [--count N (default 2000)] [--json-out FILE]
//
// TypeScript modules (the emulator, the adapter) load by type stripping: on a Node without it,
// this re-runs itself with the Node 24 of node_modules/node. Only 127.0.0.1 is contacted. Exits 1
// when the budget is missed or an answer is wrong.

import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SELF = fileURLToPath(import.meta.url);
const NODE24 = path.join(ROOT, "node_modules", "node", "bin", "node");
const BUDGET = 30;
const TOKEN = "ghs_metricsBenchToken0000000000000000000";

if (!process.features?.typescript || typeof globalThis.gc !== "function") {
  const node = process.features?.typescript ? process.execPath : NODE24;
  if (!existsSync(node)) {
    console.error(
      `metrics-bench: Node ${process.version} cannot load the TypeScript emulator, and ${NODE24} is missing`,
    );
    process.exit(2);
  }
  const r = spawnSync(node, ["--expose-gc", SELF, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

function parseArgs(argv) {
  const o = { runs: 3, count: 2000, jsonOut: null };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => Number(argv[++i]);
    if (flag === "--runs") o.runs = value();
    else if (flag === "--count") o.count = value();
    else if (flag === "--json-out") o.jsonOut = path.resolve(argv[++i] ?? "");
    else {
      console.error("usage: node test/bench/metrics-bench.mjs [--runs N] [--count N] [--json-out FILE]");
      process.exit(2);
    }
  }
  if (!Number.isInteger(o.runs) || o.runs < 1 || !Number.isInteger(o.count) || o.count < 1) {
    console.error("metrics-bench: --runs and --count take positive integers");
    process.exit(2);
  }
  return o;
}

const load = (file) => import(pathToFileURL(path.join(ROOT, file)).href);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const { startEmulator, makeGitFixture } = await load("test/emulator/index.ts");
  const { seedManyDeployments } = await load("test/helpers/many-deployments.ts");
  const { createClient } = await load("src/adapters/github/client.ts");
  const { GitHubLedger } = await load("src/adapters/github/ledger.ts");
  const { DEPLOYMENTS_QUERY } = await load("src/adapters/github/deployments-graphql.ts");
  const { getOctokit } = await import("@actions/github");
  const { retry } = await import("@octokit/plugin-retry");

  const repo = makeGitFixture();
  const emulator = await startEmulator({ gitDir: repo.dir, token: TOKEN, rateLimit: 1_000_000 });
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  try {
    const seeded = seedManyDeployments(emulator, repo.head(), o.count);
    const total = seeded.shipguard + seeded.foreign;
    const logger = { debug() {}, info() {}, warning: (m) => console.log(`  warning: ${m}`), untrusted() {} };
    const until = new Date("2100-01-01T00:00:00Z");
    const repoRef = { owner: "acme", repo: "app" };
    const clients = {
      action: () => createClient({ token: TOKEN, baseUrl: emulator.url, logger, requestTimeoutMs: 30_000 }),
      unthrottled: () => getOctokit(TOKEN, { baseUrl: emulator.url }, retry),
    };
    const ways = [
      {
        name: "graphql (action client)",
        read: () => new GitHubLedger(clients.action(), repoRef, logger).allDeployments(null, until),
      },
      {
        name: "graphql (unthrottled)",
        read: () => new GitHubLedger(clients.unthrottled(), repoRef, logger).allDeployments(null, until),
      },
      { name: "baseline raw fetch", read: () => rawFetch(emulator.url, DEPLOYMENTS_QUERY) },
      {
        name: "baseline REST N+1",
        read: async () => {
          const ledger = new GitHubLedger(clients.unthrottled(), repoRef, logger);
          const out = [];
          for (const environment of ["staging", "production"]) {
            for await (const record of ledger.history(environment)) {
              out.push({ record, statuses: await ledger.statuses(record) });
            }
          }
          return out;
        },
      },
    ];
    // Unmeasured: the emulator builds GitHub's schema (1.2 MB of SDL) at its first GraphQL request.
    await rawFetch(emulator.url, DEPLOYMENTS_QUERY);
    const rows = [];
    for (const way of ways) {
      const times = [];
      let requests = 0;
      let count = 0;
      let heap = 0;
      for (let run = 0; run < o.runs; run++) {
        globalThis.gc();
        const base = process.memoryUsage().heapUsed;
        let top = base;
        const watch = setInterval(() => {
          top = Math.max(top, process.memoryUsage().heapUsed);
        }, 5);
        const logged = emulator.log.length;
        const started = process.hrtime.bigint();
        const result = await way.read();
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        clearInterval(watch);
        top = Math.max(top, process.memoryUsage().heapUsed);
        requests = emulator.log.length - logged;
        count = result.length;
        heap = top - base;
        if (count === 0) throw new Error(`${way.name}: nothing read`);
      }
      rows.push({
        way: way.name,
        deployments: count,
        requests,
        medianMs: Math.round(median(times)),
        heapMB: Number(mb(heap)),
      });
    }
    const ours = rows[0];
    const correct = rows[0].deployments === seeded.shipguard && rows[1].deployments === seeded.shipguard;
    const pass = correct && ours.requests <= BUDGET && rows[1].requests <= BUDGET;
    console.log(
      `metrics read: ${seeded.shipguard} shipguard deployments (+${seeded.foreign} of other tools, ${total} on GitHub), median of ${o.runs} run(s)`,
    );
    console.log(["way", "deployments", "requests", "median ms", "peak heap MB"].join(" | "));
    for (const r of rows) console.log([r.way, r.deployments, r.requests, r.medianMs, r.heapMB].join(" | "));
    console.log(
      `budget: ${ours.requests} requests (target <= ${BUDGET}) ${pass ? "PASS" : "FAIL"}; REST N+1 needs ${rows[3].requests}; peak RSS ${mb(peakRss)} MB`,
    );
    if (o.jsonOut) {
      writeFileSync(
        o.jsonOut,
        `${JSON.stringify({ seeded, runs: o.runs, budget: BUDGET, rows, peakRssMB: Number(mb(peakRss)), pass }, null, 2)}\n`,
      );
    }
    return pass ? 0 : 1;
  } finally {
    clearInterval(sampler);
    await emulator.close();
    repo.remove();
  }
}

/** The same pages with plain fetch and JSON.parse: what the adapter's own work is measured against. */
async function rawFetch(url, query) {
  const out = [];
  let after = null;
  do {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { authorization: `bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ query, variables: { owner: "acme", name: "app", environments: null, after } }),
    });
    const body = JSON.parse(await response.text());
    const page = body.data.repository.deployments;
    out.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return out;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`metrics-bench: ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 2;
  },
);

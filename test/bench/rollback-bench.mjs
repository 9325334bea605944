// Rollback-dispatch latency (issue 5, "Speed"): from the moment a deploy's smoke checks reach the
// verdict `fail` to the moment the GitHub API emulator receives the rollback's workflow_dispatch
// request. Target: under 500 ms at the median (emulator on loopback).
//
// The bundled action (`node dist/index.js`, run as the runner runs it) deploys v1.0.0 of a small
// app once (command strategy, a real app on loopback, checks pass), then deploys a broken v1.1.0
// --runs times, each with its own correlation id. The broken version fails one check that fails
// fast (an analysis window with failure-limit 0: the first 500 decides). Two clocks, one machine:
//   - verdict: the deploy's debug line "smoke checks verdict fail at <ISO time>" (stdout);
//   - dispatch: the emulator's request log, the arrival time of that run's dispatch POST.
// Each run also reports how much of the interval the Octokit client spent holding the request for
// GitHub's one-second spacing of writes (the previous write request plus 1 s, when later than the
// verdict), so the figure can be read for what it is.
//
//   node test/bench/rollback-bench.mjs [--runs N] [--json-out FILE]
//
// Needs `npm run build` first (dist/index.js). The emulator is TypeScript: on a Node without type
// stripping this re-runs itself with the runner's Node 24 (node_modules/node). Only 127.0.0.1 is
// contacted. Exits 1 when the target is missed (or a run goes wrong), 0 otherwise.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SELF = fileURLToPath(import.meta.url);
const NODE24 = path.join(ROOT, "node_modules", "node", "bin", "node");
const TARGET_MS = 500;
const MIN_RUNS = 7;

if (!process.features?.typescript) {
  if (!existsSync(NODE24)) {
    console.error(
      `rollback-bench: Node ${process.version} cannot load the TypeScript emulator, and ${NODE24} is missing`,
    );
    process.exit(2);
  }
  const r = spawnSync(NODE24, [SELF, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

function parseArgs(argv) {
  const o = { runs: 9, jsonOut: null };
  for (let i = 0; i < argv.length; i += 1) {
    switch (argv[i]) {
      case "--runs":
        o.runs = Number(argv[++i]);
        if (!Number.isInteger(o.runs) || o.runs < MIN_RUNS)
          throw new Error(`--runs must be at least ${MIN_RUNS}`);
        break;
      case "--json-out":
        o.jsonOut = path.resolve(argv[++i] ?? "");
        break;
      case "--help":
      case "-h":
        console.log(
          "usage: node test/bench/rollback-bench.mjs [--runs N (>= 7, default 9)] [--json-out FILE]",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  return o;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dist = path.join(ROOT, "dist", "index.js");
  if (!existsSync(dist)) throw new Error("dist/index.js does not exist: run `npm run build` first");
  const load = (file) => import(pathToFileURL(path.join(ROOT, file)).href);
  const { startEmulator } = await load("test/emulator/index.ts");
  const world = await load("test/helpers/deploy-world.ts");
  const { TestRepo } = await load("test/helpers/git-repo.ts");
  const { runAction } = await load("test/helpers/run-action.ts");

  const cleanup = [];
  try {
    const origin = new TestRepo();
    cleanup.push(() => origin.remove());
    world.commitFiles(origin, "chore: initial commit", {
      ".github/workflows/rollback.yml": world.ROLLBACK_YML,
      ...world.appFiles(true),
    });
    origin.tag("v1.0.0");
    world.commitFiles(origin, "feat: a change that breaks health", world.appFiles(false));
    origin.tag("v1.1.0");
    const appHome = mkdtempSync(path.join(os.tmpdir(), "shipguard-rollback-bench-"));
    cleanup.push(() => rmSync(appHome, { recursive: true, force: true }));
    cleanup.push(async () => {
      const pidFile = path.join(appHome, "app.pid");
      if (existsSync(pidFile)) await world.stopProcess(Number(readFileSync(pidFile, "utf8")));
    });
    const checkout = mkdtempSync(path.join(os.tmpdir(), "shipguard-rollback-bench-checkout-"));
    cleanup.push(() => rmSync(checkout, { recursive: true, force: true }));
    spawnSync("git", ["clone", "-q", `file://${origin.dir}`, checkout], { stdio: "inherit" });
    const emulator = await startEmulator({
      gitDir: origin.dir,
      owner: "acme",
      repo: "app",
      token: world.TOKEN,
      permissions: { contents: "read", deployments: "write", actions: "write" },
    });
    cleanup.push(() => emulator.close());
    const port = await world.freePort();

    let runId = 1;
    const deploy = (version, checks, correlationId) =>
      runAction({
        node: process.execPath,
        workspace: checkout,
        inputs: {
          token: world.TOKEN,
          repository: "acme/app",
          command: "deploy",
          environment: "production",
          version,
          "deploy-command": world.DEPLOY_COMMAND,
          checks,
          "correlation-id": correlationId,
        },
        env: {
          GITHUB_API_URL: emulator.url,
          GITHUB_REPOSITORY: "acme/app",
          GITHUB_RUN_ID: String(runId++),
          NODE: process.execPath,
          APP_PORT: String(port),
          APP_HOME: appHome,
          DEPLOY_SCRIPT: world.DEPLOY_SCRIPT,
        },
        event: { repository: { default_branch: "main" } },
      });

    const good = await deploy("1.0.0", world.appChecks(port), "bench-good");
    if (good.code !== 0) throw new Error(`the good deploy failed:\n${good.stdout}`);

    // Fails at the first failed attempt: the verdict comes as fast as the app can answer.
    const failFast = `settings: { deadline-ms: 20000 }
checks:
  - name: health
    http: http://127.0.0.1:${port}/health
    status: 200
    timeout-ms: 2000
    interval-ms: 50
    duration-ms: 10000
    failure-limit: 0
`;
    console.log(
      `rollback-bench: node ${process.version}, ${o.runs} deploys of a broken version, emulator ${emulator.url}`,
    );
    const samples = [];
    for (let i = 1; i <= o.runs; i += 1) {
      const correlationId = `bench-${i}`;
      const run = await deploy("1.1.0", failFast, correlationId);
      const verdictLine = /::debug::smoke checks verdict fail at (\S+)/.exec(run.stdout);
      const dispatchIndex = emulator.log.findIndex(
        (e) =>
          e.method === "POST" &&
          e.route === "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches" &&
          e.body?.inputs?.["correlation-id"] === `${correlationId}-rollback`,
      );
      if (run.code !== 1 || verdictLine === null || dispatchIndex < 0) {
        throw new Error(
          `run ${i}: expected a failed deploy with a verdict line and a dispatch (exit ${run.code})\n${run.stdout}`,
        );
      }
      const verdictAt = Date.parse(verdictLine[1]);
      const dispatch = emulator.log[dispatchIndex];
      const previousWrite = emulator.log
        .slice(0, dispatchIndex)
        .findLast((e) => e.method !== "GET" && e.method !== "HEAD");
      const latencyMs = dispatch.time - verdictAt;
      // The rollback dispatch has its own client, so it does not wait out the one-second spacing
      // of the deployment's writes; this shows how close the previous write was.
      const sincePreviousWriteMs = previousWrite ? dispatch.time - previousWrite.time : null;
      samples.push({ run: i, latencyMs, sincePreviousWriteMs });
      console.log(
        `  run ${String(i).padStart(2)}: verdict fail -> dispatch received ${String(latencyMs).padStart(5)} ms` +
          ` (${sincePreviousWriteMs ?? "-"} ms after the deployment's previous write)`,
      );
    }
    if (emulator.violations.length > 0)
      throw new Error(`emulator violations: ${JSON.stringify(emulator.violations)}`);
    if (emulator.state.dispatches.length !== o.runs) {
      throw new Error(
        `expected ${o.runs} dispatches, the emulator recorded ${emulator.state.dispatches.length}`,
      );
    }

    const medianMs = median(samples.map((s) => s.latencyMs));
    const pass = medianMs < TARGET_MS;
    console.log(
      `\nrollback dispatch latency: median ${medianMs} ms over ${o.runs} runs (target < ${TARGET_MS} ms) ${pass ? "PASS" : "FAIL"}`,
    );
    if (o.jsonOut) {
      writeFileSync(
        o.jsonOut,
        `${JSON.stringify({ targetMs: TARGET_MS, runs: o.runs, medianMs, pass, samples }, null, 2)}\n`,
      );
    }
    return pass ? 0 : 1;
  } finally {
    for (const f of cleanup.reverse()) await f();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`rollback-bench: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  },
);

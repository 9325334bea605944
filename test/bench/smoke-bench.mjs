// Smoke-check benchmark (issue 4, "Speed"). Builds the engine from the TypeScript sources with
// esbuild into a temporary bundle, then measures, with the server, the checker and this harness in
// three separate processes so that none of them skews the others' timings:
//
//   1. 1,000 sampled requests (one http check, `requests: 1000`) against a loopback server that
//      answers after a fixed delay: the checker's p95 overhead over the server's own answer time
//      (target: under 2 ms a request) and the checker process's peak memory (RSS); the same load
//      from a bare node:http keep-alive client first shows what the machine itself costs;
//   2. 50 checks at once against 50 loopback endpoints answering after 20, 40, ... 1000 ms: the wall
//      time against the slowest endpoint (target: within 1.2x, i.e. checks run concurrently).
//
//   node test/bench/smoke-bench.mjs [--requests N] [--concurrency N] [--answer-ms N] [--json-out FILE]
//
// Only 127.0.0.1 is contacted. Exits 1 when a target is missed, 0 otherwise.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SELF = fileURLToPath(import.meta.url);
const TARGETS = { overheadP95Ms: 2, concurrentRatio: 1.2 };
// Unmeasured requests each client sends first (to another path), as the version benchmark does
// one unmeasured run: the first few hundred requests of a fresh process measure the JIT.
const WARMUP_REQUESTS = 300;

function parseArgs(argv) {
  const options = {
    role: "harness",
    requests: 1000,
    concurrency: 10,
    answerMs: 5,
    jsonOut: null,
    engine: null,
    config: null,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const value = () => {
      index += 1;
      if (argv[index] === undefined) throw new Error(`${argv[index - 1]} needs a value`);
      return argv[index];
    };
    switch (argv[index]) {
      case "--role":
        options.role = value();
        break;
      case "--requests":
        options.requests = Number(value());
        break;
      case "--concurrency":
        options.concurrency = Number(value());
        break;
      case "--answer-ms":
        options.answerMs = Number(value());
        break;
      case "--json-out":
        options.jsonOut = path.resolve(value());
        break;
      case "--engine":
        options.engine = value();
        break;
      case "--config":
        options.config = JSON.parse(value());
        break;
      case "--help":
        console.log(
          "usage: node test/bench/smoke-bench.mjs [--requests N] [--concurrency N] [--answer-ms N] [--json-out FILE]",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[index]}`);
    }
  }
  return options;
}

const nearestRank = (sorted, p) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? null;
const fixed = (value, digits = 2) =>
  value === null || value === undefined ? "n/a" : Number(value).toFixed(digits);

// ---- role: server ---------------------------------------------------------------------------------
// `/sample` answers after --answer-ms and records how long it held each request (its own answer
// time, from the request's arrival to the end of the response); `/warmup` answers the same way
// without recording; `/delay/<ms>` answers after <ms>.
// Prints its port, then on "stats" (stdin) prints the recorded answer times.
function serve(options) {
  const answerTimes = [];
  const server = http.createServer((request, response) => {
    const arrived = process.hrtime.bigint();
    const delayMatch = /^\/delay\/(\d+)$/.exec(request.url ?? "");
    const delay = delayMatch ? Number(delayMatch[1]) : options.answerMs;
    setTimeout(() => {
      response.on("finish", () => {
        if (request.url === "/sample") answerTimes.push(Number(process.hrtime.bigint() - arrived) / 1e6);
      });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    }, delay);
  });
  server.keepAliveTimeout = 1000;
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
  });
  // The harness holds stdin open; when it goes away, so does the server.
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("data", (chunk) => {
    if (chunk.toString().includes("stats")) process.stdout.write(`${JSON.stringify({ answerTimes })}\n`);
    if (chunk.toString().includes("quit")) server.close(() => process.exit(0));
  });
}

// ---- role: baseline -------------------------------------------------------------------------------
// The floor of this machine: a bare node:http keep-alive client sending the same requests with the
// same concurrency, timed the same way (from the call to the end of the body).
async function baseline(options) {
  const { url, warmupUrl, warmupRequests, requests, concurrency } = options.config;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const times = [];
  const one = (target) =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      http
        .get(target, { agent }, (response) => {
          response.resume();
          response.on("end", () => {
            times.push(Number(process.hrtime.bigint() - started) / 1e6);
            resolve();
          });
        })
        .on("error", reject);
    });
  const run = async (target, count) => {
    let sent = 0;
    const worker = async () => {
      while (sent < count) {
        sent += 1;
        await one(target);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(warmupUrl, warmupRequests);
  times.length = 0;
  await run(url, requests);
  agent.destroy();
  process.stdout.write(`${JSON.stringify({ times })}\n`);
}

// ---- role: checker --------------------------------------------------------------------------------
// Runs one suite with the bundled engine and prints the report, the wall time and its peak RSS;
// an unmeasured warm-up suite first, when given, so that JIT compilation is not what is measured.
async function check(options) {
  const engine = await import(pathToFileURL(options.engine).href);
  if (options.config.warmupYaml)
    await engine.runSmoke(engine.parseChecks(options.config.warmupYaml, "warm-up"), { env: {} });
  const suite = engine.parseChecks(options.config.yaml, "bench");
  const started = process.hrtime.bigint();
  const report = await engine.runSmoke(suite, { env: {} });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    `${JSON.stringify({ report, wallMs, maxRssKiB: process.resourceUsage().maxRSS, heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20 })}\n`,
  );
}

// ---- role: harness --------------------------------------------------------------------------------
function startChild(args, { keepStdin = false } = {}) {
  const child = spawn(process.execPath, [SELF, ...args], {
    stdio: [keepStdin ? "pipe" : "ignore", "pipe", "inherit"],
  });
  const lines = [];
  const waiters = [];
  let buffer = "";
  child.stdout.on("data", (chunk) => {
    buffer += chunk.toString();
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = JSON.parse(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
      newline = buffer.indexOf("\n");
    }
  });
  const exited = new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      // A child that died without answering must fail the run, not leave it waiting.
      for (const waiter of waiters.splice(0))
        waiter(new Error(`child ${args.join(" ").slice(0, 60)} exited (${code ?? signal})`));
      resolve(code);
    }),
  );
  const next = async () => {
    const line = lines.length > 0 ? lines.shift() : await new Promise((resolve) => waiters.push(resolve));
    if (line instanceof Error) throw line;
    return line;
  };
  return { child, next, exited };
}

async function buildEngine(dir) {
  const esbuild = await import("esbuild");
  const outfile = path.join(dir, "smoke-engine.mjs");
  await esbuild.build({
    stdin: {
      contents: [
        'export { runSmoke } from "./src/adapters/probes/run-smoke.ts";',
        'export { parseChecks } from "./src/core/smoke/parse-checks.ts";',
      ].join("\n"),
      resolveDir: ROOT,
      loader: "ts",
      sourcefile: "smoke-bench-entry.ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // yaml is CommonJS and requires node built-ins; an ESM bundle needs a `require` for them.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

async function runChecker(engine, yaml, warmupYaml = null) {
  const checker = startChild([
    "--role",
    "checker",
    "--engine",
    engine,
    "--config",
    JSON.stringify({ yaml, warmupYaml }),
  ]);
  const result = await checker.next();
  await checker.exited;
  return result;
}

async function harness(options) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-smoke-bench-"));
  const server = startChild(["--role", "server", "--answer-ms", String(options.answerMs)], {
    keepStdin: true,
  });
  try {
    const engine = await buildEngine(dir);
    const { port } = await server.next();
    const base = `http://127.0.0.1:${port}`;

    // 1. Sampled requests: checker overhead and memory, after the same load from a bare client.
    const bare = startChild([
      "--role",
      "baseline",
      "--config",
      JSON.stringify({
        url: `${base}/sample`,
        warmupUrl: `${base}/warmup`,
        warmupRequests: WARMUP_REQUESTS,
        requests: options.requests,
        concurrency: options.concurrency,
      }),
    ]);
    const bareTimes = (await bare.next()).times.sort((a, b) => a - b);
    await bare.exited;
    server.child.stdin.write("stats\n");
    const bareServer = (await server.next()).answerTimes.sort((a, b) => a - b);
    const sampledSuite = (pathname, requests) =>
      [
        "settings: { deadline-ms: 120000 }",
        "checks:",
        "  - name: sampled",
        `    http: "${base}${pathname}"`,
        `    requests: ${requests}`,
        `    concurrency: ${options.concurrency}`,
        "    min-success-rate: 1",
        "",
      ].join("\n");
    const sampled = await runChecker(
      engine,
      sampledSuite("/sample", options.requests),
      sampledSuite("/warmup", WARMUP_REQUESTS),
    );
    server.child.stdin.write("stats\n");
    const { answerTimes } = await server.next();
    const serverSorted = answerTimes.slice(bareServer.length).sort((a, b) => a - b);
    const bareOverheadP95 = nearestRank(bareTimes, 95) - nearestRank(bareServer, 95);
    const stats = sampled.report.checks[0].samples;
    const serverP50 = nearestRank(serverSorted, 50);
    const serverP95 = nearestRank(serverSorted, 95);
    const overheadP95 = stats.p95Ms - serverP95;
    const overheadP50 = stats.p50Ms - serverP50;
    const peakMB = sampled.maxRssKiB / 1024;

    // 2. Fifty checks at once against endpoints answering after 20..1000 ms.
    const delays = Array.from({ length: 50 }, (_, index) => (index + 1) * 20);
    const slowest = Math.max(...delays);
    const concurrent = await runChecker(
      engine,
      [
        "settings: { deadline-ms: 30000 }",
        "checks:",
        ...delays.map(
          (delay) =>
            `  - { name: "endpoint ${delay} ms", http: "${base}/delay/${delay}", timeout-ms: 10000 }`,
        ),
        "",
      ].join("\n"),
    );
    const ratio = concurrent.wallMs / slowest;

    const sampledOk = sampled.report.verdict === "pass" && stats.successes === options.requests;
    const overheadOk = overheadP95 < TARGETS.overheadP95Ms;
    const concurrentOk = concurrent.report.verdict === "pass" && ratio <= TARGETS.concurrentRatio;
    const mark = (ok) => (ok ? "OK" : "MISSED");

    console.log(
      `smoke-bench 1: ${options.requests} sampled requests, ${options.concurrency} at a time, server answering after ${options.answerMs} ms`,
    );
    console.log(
      `  verdict                      ${sampled.report.verdict} (${stats.successes}/${stats.requests} succeeded)`,
    );
    console.log(
      `  server answer time p50/p95   ${fixed(serverP50)} / ${fixed(serverP95)} ms (${serverSorted.length} requests)`,
    );
    console.log(
      `  checker total p50/p95/p99    ${fixed(stats.p50Ms)} / ${fixed(stats.p95Ms)} / ${fixed(stats.p99Ms)} ms`,
    );
    console.log(`  checker overhead p50         ${fixed(overheadP50)} ms`);
    console.log(
      `  checker overhead p95         ${fixed(overheadP95)} ms   target < ${TARGETS.overheadP95Ms} ms   ${mark(overheadOk)}`,
    );
    console.log(
      `  machine floor (bare client)  p95 ${fixed(nearestRank(bareTimes, 95))} ms, overhead p95 ${fixed(bareOverheadP95)} ms (node:http keep-alive, same load)`,
    );
    console.log(`  engine cost over bare client p95 ${fixed(stats.p95Ms - nearestRank(bareTimes, 95))} ms`);
    console.log(
      `  checker peak RSS             ${fixed(peakMB, 1)} MB (heap in use at the end ${fixed(sampled.heapUsedMB, 1)} MB)`,
    );
    console.log(
      `  wall time                    ${fixed(sampled.wallMs, 0)} ms (${fixed((options.requests / sampled.wallMs) * 1000, 0)} requests/s)`,
    );
    console.log(
      `smoke-bench 2: ${delays.length} checks at once, endpoints answering after ${delays[0]}..${slowest} ms`,
    );
    console.log(
      `  verdict                      ${concurrent.report.verdict} (${concurrent.report.counts.pass}/${delays.length} passed)`,
    );
    console.log(
      `  wall time                    ${fixed(concurrent.wallMs, 0)} ms vs slowest endpoint ${slowest} ms`,
    );
    console.log(
      `  ratio                        ${fixed(ratio, 3)}x   target <= ${TARGETS.concurrentRatio}x   ${mark(concurrentOk)}`,
    );
    console.log(`  checker peak RSS             ${fixed(concurrent.maxRssKiB / 1024, 1)} MB`);

    const result = {
      node: process.version,
      sampled: {
        requests: options.requests,
        concurrency: options.concurrency,
        answerMs: options.answerMs,
        verdict: sampled.report.verdict,
        serverP50Ms: serverP50,
        serverP95Ms: serverP95,
        checkerP50Ms: stats.p50Ms,
        checkerP95Ms: stats.p95Ms,
        checkerP99Ms: stats.p99Ms,
        overheadP50Ms: overheadP50,
        overheadP95Ms: overheadP95,
        bareClientP95Ms: nearestRank(bareTimes, 95),
        bareClientOverheadP95Ms: bareOverheadP95,
        peakRssMB: peakMB,
        wallMs: sampled.wallMs,
        pass: sampledOk && overheadOk,
      },
      concurrent: {
        checks: delays.length,
        slowestMs: slowest,
        wallMs: concurrent.wallMs,
        ratio,
        verdict: concurrent.report.verdict,
        peakRssMB: concurrent.maxRssKiB / 1024,
        pass: concurrentOk,
      },
    };
    if (options.jsonOut) writeFileSync(options.jsonOut, `${JSON.stringify(result, null, 2)}\n`);
    return sampledOk && overheadOk && concurrentOk ? 0 : 1;
  } finally {
    server.child.stdin.write("quit\n");
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}

const options = parseArgs(process.argv.slice(2));
if (options.role === "server") serve(options);
else if (options.role === "checker") await check(options);
else if (options.role === "baseline") await baseline(options);
else process.exitCode = await harness(options);

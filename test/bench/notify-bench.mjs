// Notification cost (issue 12, "Speed"): how much a webhook notification adds to the end of a
// deploy. Target: "The notifications of one event are sent in parallel; the added time to a
// deploy's end, with a receiver that answers at once, is under 50 ms at the median (benchmark,
// loopback)."
//
// The bundled CLI is run as a user runs it, in a temporary git repository (one commit, v1.0.0),
// with the local ledger (<repo>/.shipguard/):
//
//   node dist/cli.js deploy --environment bench --version 1.0.0 --strategy command
//                           --deploy-command true --cwd <repo> --correlation-id <id>
//
// in three variants, interleaved run by run (the order rotating) so that machine noise falls on
// all of them alike:
//   - baseline: no notification;
//   - 1 receiver: plus `--notify-url http://127.0.0.1:<port>/hook --notify-on deployed`;
//   - 3 receivers: three URLs (one a line), to show that one event goes to all of them at once.
// The receivers are node:http servers in this process that answer 204 as soon as the body is in;
// every variant run must deliver exactly one `deployed` event (JSON, schema shipguard.event/v1,
// this run's correlation id) to each of its receivers, and a baseline run none.
//
// Reported per variant: the median and p90 wall time of the CLI process (spawn to exit), the
// median added time over the baseline (variant median - baseline median) and the ratio, the median
// delivery time the deploy logs itself ("Notified notify-url 1 (127.0.0.1:PORT) of deployed
// (N ms)."; with three receivers the slowest of the three), and the peak RSS (GNU time's %M, when
// /usr/bin/time is GNU time: the CLI's node process or the largest child it waited for).
// The target is judged on the 1-receiver variant.
//
//   node test/bench/notify-bench.mjs [--runs N] [--json-out FILE]
//
// Needs `npm run build` first (dist/cli.js). Runs the CLI with the runner's Node 24
// (node_modules/node/bin/node) when present, else with the Node running this file. Only 127.0.0.1
// is contacted. Exits 1 when the target is missed, 2 when a run goes wrong, 0 otherwise.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GNU_TIME, hasGnuTime, killGroup, killLiveGroups, liveGroups, median, table } from "./measure.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const NODE24 = path.join(ROOT, "node_modules", "node", "bin", "node");
const CLI = path.join(ROOT, "dist", "cli.js");
const TARGET_MS = 50;
const MIN_RUNS = 7;
const DEFAULT_RUNS = 15;
const RUN_TIMEOUT_MS = 60_000;
const SCHEMA = "shipguard.event/v1";

function parseArgs(argv) {
  const o = { runs: DEFAULT_RUNS, jsonOut: null };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] =
      argv[i].startsWith("--") && argv[i].includes("=") ? argv[i].split(/=(.*)/s) : [argv[i]];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--runs":
        o.runs = Number(value());
        if (!Number.isInteger(o.runs) || o.runs < MIN_RUNS)
          throw new Error(`--runs must be an integer of at least ${MIN_RUNS}`);
        break;
      case "--json-out":
        o.jsonOut = path.resolve(value());
        break;
      case "--help":
      case "-h":
        console.log(
          `usage: node test/bench/notify-bench.mjs [--runs N (>= ${MIN_RUNS}, default ${DEFAULT_RUNS})] [--json-out FILE]`,
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  return o;
}

const nearestRank = (values, p) => {
  const sorted = values.filter((x) => typeof x === "number").sort((a, b) => a - b);
  return sorted.length ? sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] : null;
};
const ms = (v, digits = 1) => (v == null ? "-" : v.toFixed(digits));

/** A loopback webhook receiver: answers 204 once the body is in, keeps every body it got. */
function startReceiver() {
  const received = [];
  const server = http.createServer((request, response) => {
    const arrivedNs = process.hrtime.bigint();
    const chunks = [];
    request.on("data", (c) => chunks.push(c));
    request.on("end", () => {
      received.push({
        arrivedNs,
        method: request.method,
        url: request.url,
        contentType: request.headers["content-type"] ?? null,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        port,
        url: `http://127.0.0.1:${port}/hook`,
        /** The bodies received since the last call. */
        take: () => received.splice(0),
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A git repository with one commit tagged v1.0.0. */
function makeRepo() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-notify-bench-"));
  const git = (...args) => {
    const r = spawnSync(
      "git",
      [
        "-c",
        "user.name=shipguard bench",
        "-c",
        "user.email=bench@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "-c",
        "tag.gpgsign=false",
        "-c",
        "init.defaultBranch=main",
        ...args,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
  };
  git("init", "-q");
  git("commit", "-q", "--allow-empty", "-m", "chore: initial commit");
  git("tag", "v1.0.0");
  return dir;
}

/** The environment of the CLI: this one without anything that would point it at GitHub or a runner. */
function cliEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GITHUB_|ACTIONS_|RUNNER_|INPUT_|SHIPGUARD_)/.test(k) || k === "CI") continue;
    env[k] = v;
  }
  return env;
}

/** Runs the CLI once: wall time from spawn to exit, its output, and GNU time's %M when available. */
async function runCli(node, args, env) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sg-notify-bench-"));
  const timeFile = path.join(dir, "time");
  const useTime = hasGnuTime();
  const argv = [...(useTime ? [GNU_TIME, "-f", "%M", "-o", timeFile] : []), node, CLI, ...args];
  try {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // own process group: a timeout ends whatever it started too
    });
    if (child.pid) liveGroups.add(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d.toString("utf8");
    });
    child.stderr.on("data", (d) => {
      stderr += d.toString("utf8");
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, RUN_TIMEOUT_MS);
    let wallMs = null;
    const { code, signal } = await new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", () => {
        wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      });
      child.on("close", (c, s) => resolve({ code: c, signal: s }));
    });
    clearTimeout(timer);
    liveGroups.delete(child.pid);
    let peakKB = null;
    if (useTime) {
      try {
        const n = Number.parseInt(readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "", 10);
        peakKB = Number.isFinite(n) ? n : null;
      } catch {
        peakKB = null;
      }
    }
    return { wallMs, code, signal, timedOut, stdout, stderr, peakKB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The deliveries the deploy logged: "Notified notify-url 1 (127.0.0.1:PORT) of deployed (N ms)." */
function loggedDeliveries(output) {
  const re = /Notified (notify-url \d+) \(([^)]+)\) of (\S+) \((\d+) ms\)\./g;
  return [...output.matchAll(re)].map((m) => ({
    receiver: m[1],
    host: m[2],
    event: m[3],
    ms: Number(m[4]),
  }));
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI)) throw new Error("dist/cli.js does not exist: run `npm run build` first");
  const node = existsSync(NODE24) ? NODE24 : process.execPath;
  const nodeVersion = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
  const env = cliEnv();

  const cleanup = [];
  try {
    const repo = makeRepo();
    cleanup.push(() => rmSync(repo, { recursive: true, force: true }));
    const receivers = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await startReceiver();
      cleanup.push(() => r.close());
      receivers.push(r);
    }

    const variants = [
      { key: "baseline", label: "baseline (no notify)", receivers: [] },
      { key: "notify1", label: "one receiver", receivers: receivers.slice(0, 1) },
      { key: "notify3", label: "three receivers", receivers },
    ];
    for (const v of variants) v.samples = [];
    const argsFor = (variant, correlationId) => {
      const args = [
        "deploy",
        "--environment",
        "bench",
        "--version",
        "1.0.0",
        "--strategy",
        "command",
        "--deploy-command",
        "true",
        "--cwd",
        repo,
        "--correlation-id",
        correlationId,
      ];
      if (variant.receivers.length > 0)
        args.push("--notify-url", variant.receivers.map((r) => r.url).join("\n"), "--notify-on", "deployed");
      return args;
    };

    /** One deploy of one variant, checked: exit 0, and exactly the deliveries it should make. */
    const once = async (variant, correlationId) => {
      for (const r of receivers) r.take();
      const run = await runCli(node, argsFor(variant, correlationId), env);
      const output = `${run.stdout}\n${run.stderr}`;
      const fail = (why) => {
        throw new Error(
          `${variant.label}, ${correlationId}: ${why}\n--- stdout ---\n${run.stdout}--- stderr ---\n${run.stderr}`,
        );
      };
      if (run.timedOut) fail(`timed out after ${RUN_TIMEOUT_MS / 1000} s`);
      if (run.code !== 0) fail(`exit ${run.code ?? run.signal}`);
      if (!/Deployed 1\.0\.0 to bench/.test(run.stdout)) fail("no `Deployed 1.0.0 to bench` line");
      const arrivals = [];
      for (const r of receivers) {
        const bodies = r.take();
        const expected = variant.receivers.includes(r) ? 1 : 0;
        if (bodies.length !== expected)
          fail(`receiver :${r.port} got ${bodies.length} requests, expected ${expected}`);
        for (const b of bodies) {
          let json;
          try {
            json = JSON.parse(b.body);
          } catch {
            fail(`receiver :${r.port} got a body that is not JSON: ${b.body.slice(0, 200)}`);
          }
          if (b.method !== "POST" || b.url !== "/hook") fail(`receiver :${r.port} got ${b.method} ${b.url}`);
          if (json.schema !== SCHEMA) fail(`body schema ${JSON.stringify(json.schema)}, expected ${SCHEMA}`);
          if (json.event !== "deployed") fail(`body event ${JSON.stringify(json.event)}, expected deployed`);
          if (json.correlationId !== correlationId)
            fail(`body correlationId ${JSON.stringify(json.correlationId)}, expected ${correlationId}`);
          arrivals.push(b.arrivedNs);
        }
      }
      const logged = loggedDeliveries(output);
      if (logged.length !== variant.receivers.length)
        fail(`logged ${logged.length} "Notified ..." lines, expected ${variant.receivers.length}`);
      for (const d of logged) {
        if (d.event !== "deployed") fail(`logged a delivery of ${d.event}`);
        if (!variant.receivers.some((r) => d.host === `127.0.0.1:${r.port}`))
          fail(`logged a delivery to ${d.host}, not one of this run's receivers`);
      }
      const spreadMs =
        arrivals.length > 1
          ? Number(arrivals.reduce((a, b) => (b > a ? b : a)) - arrivals.reduce((a, b) => (b < a ? b : a))) /
            1e6
          : null;
      return {
        correlationId,
        wallMs: run.wallMs,
        peakKB: run.peakKB,
        deliveryMs: logged.length ? Math.max(...logged.map((d) => d.ms)) : null,
        deliveriesMs: logged.map((d) => d.ms),
        arrivalSpreadMs: spreadMs,
      };
    };

    console.log(
      `notify-bench: node ${nodeVersion} (${path.relative(ROOT, node) || node}) running dist/cli.js, ` +
        `${o.runs} runs of each variant, interleaved; ${os.cpus().length} CPU; receivers on ` +
        `${receivers.map((r) => `127.0.0.1:${r.port}`).join(", ")}; peak RSS ${hasGnuTime() ? "GNU time %M" : "not measured (no GNU time)"}`,
    );
    // One unmeasured run of each first: page cache, the bundle's chunks, git's first start.
    for (const v of variants) await once(v, `bench-warm-${v.key}`);

    for (let i = 1; i <= o.runs; i += 1) {
      // Rotate the order, so that no variant always runs right after the same one.
      const order = variants.map((_, k) => variants[(k + i) % variants.length]);
      const parts = [];
      for (const v of order) {
        const id = v.key === "baseline" ? `bench-base-${i}` : `bench-${v.key}-${i}`;
        const s = await once(v, id);
        v.samples.push(s);
        parts.push(
          `${v.label} ${ms(s.wallMs)} ms` + (s.deliveryMs != null ? ` (delivery ${s.deliveryMs} ms)` : ""),
        );
      }
      console.log(`  run ${String(i).padStart(2)}: ${parts.join(" | ")}`);
    }

    const base = variants[0];
    const baseMedian = median(base.samples.map((s) => s.wallMs));
    const summary = variants.map((v) => {
      const wall = v.samples.map((s) => s.wallMs);
      const medianMs = median(wall);
      const peaks = v.samples.map((s) => s.peakKB).filter((x) => x != null);
      return {
        key: v.key,
        label: v.label,
        receivers: v.receivers.length,
        medianMs,
        p90Ms: nearestRank(wall, 90),
        addedMs: v === base ? null : medianMs - baseMedian,
        ratio: v === base ? null : medianMs / baseMedian,
        deliveryMedianMs: v === base ? null : median(v.samples.map((s) => s.deliveryMs)),
        arrivalSpreadMedianMs:
          v.receivers.length > 1 ? median(v.samples.map((s) => s.arrivalSpreadMs)) : null,
        peakMedianKB: peaks.length ? median(peaks) : null,
        samples: v.samples,
      };
    });

    console.log("");
    console.log(
      table(
        ["variant", "median ms", "p90 ms", "added ms", "ratio", "logged delivery ms", "peak RSS MB"],
        summary.map((s) => [
          s.label,
          ms(s.medianMs),
          ms(s.p90Ms),
          s.addedMs == null ? "-" : ms(s.addedMs),
          s.ratio == null ? "-" : `${s.ratio.toFixed(2)}x`,
          s.deliveryMedianMs == null
            ? "-"
            : String(s.deliveryMedianMs) + (s.receivers > 1 ? " (slowest)" : ""),
          s.peakMedianKB == null ? "-" : (s.peakMedianKB / 1024).toFixed(1),
        ]),
      ),
    );
    console.log(
      `(medians over ${o.runs} runs; wall = spawn to exit of the CLI process; added = variant median - baseline median;` +
        ` logged delivery = the deploy's own "Notified ..." figure)`,
    );
    const one = summary[1];
    const three = summary[2];
    console.log(
      `three receivers add ${ms(three.addedMs)} ms vs ${ms(one.addedMs)} ms for one; their requests arrive ` +
        `within ${ms(three.arrivalSpreadMedianMs, 2)} ms of each other (median), the slowest logged delivery ` +
        `${three.deliveryMedianMs} ms vs ${one.deliveryMedianMs} ms for one`,
    );
    const pass = one.addedMs < TARGET_MS;
    console.log(
      `\nadded time median ${ms(one.addedMs)} ms (target < ${TARGET_MS} ms): ${pass ? "ok" : "MISSED"}`,
    );
    if (!pass) console.log(`  missed by ${ms(one.addedMs - TARGET_MS)} ms`);

    if (o.jsonOut) {
      writeFileSync(
        o.jsonOut,
        `${JSON.stringify(
          {
            targetMs: TARGET_MS,
            runs: o.runs,
            node: nodeVersion,
            peakMethod: hasGnuTime() ? "gnu-time" : null,
            addedMedianMs: one.addedMs,
            pass,
            variants: summary,
          },
          null,
          2,
        )}\n`,
      );
    }
    return pass ? 0 : 1;
  } finally {
    for (const f of cleanup.reverse()) await f();
  }
}

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    killLiveGroups();
    process.exit(130);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    killLiveGroups();
    console.error(`notify-bench: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  },
);

// `npm run bench`: the version engine's speed against raw `git log` (issues 2 and 19, "Speed"), the
// monorepo benchmark (test/bench/monorepo-bench.mjs, issue 19), then the smoke-check benchmark (test/bench/smoke-bench.mjs, issue 4), the rollback-dispatch latency
// benchmark (test/bench/rollback-bench.mjs, issue 5) and the notification cost benchmark
// (test/bench/notify-bench.mjs, issue 12), and the metrics read's request budget
// (test/bench/metrics-bench.mjs, issue 21) when those files exist.
//
//   node test/bench/run.mjs [--sizes 10000,100000,1000000] [--runs N] [--json-out FILE]
//                           [--cmd "COMMAND"] [--strict] [--no-smoke] [--no-rollback] [--no-notify] [--no-metrics]
//                           [--no-monorepo] [--cache-dir DIR] [--regen]
//
// Run with --help for every option. Reports; exits non-zero on a missed target only with --strict.

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MONOREPO_SIZE } from "./make-monorepo.mjs";
import {
  BASE_TAG,
  defaultCacheRoot,
  EXPECTED,
  ensureRepo,
  GENERATOR_VERSION,
  parseSizes,
} from "./make-repo.mjs";
import {
  hasGnuTime,
  isNodeCommand,
  killGroup,
  killLiveGroups,
  liveGroups,
  max,
  mb,
  measure,
  median,
  memoryMethod,
  splitCommand,
  table,
} from "./measure.mjs";
import { benchMonorepo, MONOREPO_TARGETS } from "./monorepo-bench.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const DEFAULT_CLI = path.join(ROOT, "dist", "cli.js");
const DEFAULT_SMOKE = path.join(ROOT, "test", "bench", "smoke-bench.mjs");
const DEFAULT_ROLLBACK = path.join(ROOT, "test", "bench", "rollback-bench.mjs");
const DEFAULT_NOTIFY = path.join(ROOT, "test", "bench", "notify-bench.mjs");
const DEFAULT_METRICS = path.join(ROOT, "test", "bench", "metrics-bench.mjs");
const TARGETS = { ratio: 1.5, nodePeakMB: 150, startupMs: 80 };
/** Issue 19's single-package targets by size; other sizes keep issue 2's ratio. */
const RATIO_BY_SIZE = { 10000: 2.5, 100000: 1.2 };
const ratioTarget = (size) => RATIO_BY_SIZE[size] ?? TARGETS.ratio;

const HELP = `usage: node test/bench/run.mjs [options]

  --sizes LIST        commit counts since ${BASE_TAG} (default 10000,100000,1000000)
  --runs N            measured runs per size (default 5, 3 from 1,000,000 commits); one unmeasured
                      warm-up run of each command comes first
  --startup-runs N    runs of \`node dist/cli.js --version\` (default 20)
  --json-out FILE     also write the results as JSON
  --cmd "COMMAND"     measure COMMAND instead of \`node dist/cli.js version --json --cwd <repo>\`
                      (run in the repository; {repo} is replaced by its path), e.g.
                      --cmd "git log --format=%H%x00%P%x00%B ${BASE_TAG}..HEAD"
  --cli FILE          the CLI bundle to measure (default dist/cli.js), e.g. one built from another branch
  --strict            exit 1 when a target or the correctness check fails (default: report only)
  --no-smoke          skip test/bench/smoke-bench.mjs (issue 4's benchmark, run after this one when present)
  --smoke FILE        run FILE instead of test/bench/smoke-bench.mjs
  --no-startup        skip the start-up measurement
  --cache-dir DIR     where generated repositories live (default ${defaultCacheRoot()})
  --regen             regenerate the repositories even when cached
  --timeout SECONDS   kill a measured run after this long (default 1800)
  --smoke-timeout S   kill smoke-bench.mjs (and its children) after this long (default 600)
  --no-rollback       skip test/bench/rollback-bench.mjs (issue 5's rollback-dispatch latency; needs dist/index.js)
  --rollback FILE     run FILE instead of test/bench/rollback-bench.mjs
  --rollback-timeout S  kill rollback-bench.mjs (and its children) after this long (default 600)
  --no-monorepo       skip the monorepo benchmark (on by default; issue 19): \`version --json\` on a generated
                      monorepo of 50 packages against \`git log --name-only\` from the oldest package's last
                      tag (target <= ${MONOREPO_TARGETS.ratio}x, Node's peak RSS < ${MONOREPO_TARGETS.nodePeakMB} MB), with the
                      answer checked package by package; no figure when the answer is wrong
  --monorepo-size N   commits in the generated monorepo (default ${MONOREPO_SIZE})
  --monorepo-runs N   measured runs of the monorepo benchmark (default 5)
  --no-release-pr     skip test/bench/release-pr-bench.mjs (issue 20: the requests of a release pull request for
                      100 packages, target one tree, one commit, one ref; needs dist/index.js)
  --no-notify         skip test/bench/notify-bench.mjs (issue 12's time a webhook notification adds to a deploy;
                      needs dist/cli.js)
  --notify FILE       run FILE instead of test/bench/notify-bench.mjs
  --notify-timeout S  kill notify-bench.mjs (and its children) after this long (default 600)
  --no-metrics        skip test/bench/metrics-bench.mjs (issue 21: 2,000 deployments read through GraphQL on the
                      emulator within 30 requests; requests, median time and memory, against the REST N+1 way
                      and a raw fetch of the same pages)
  --metrics FILE      run FILE instead of test/bench/metrics-bench.mjs
  --metrics-timeout S kill metrics-bench.mjs after this long (default 900)

Repositories: \`\${XDG_CACHE_HOME:-~/.cache}/shipguard-bench/<size>-<generator>\`, generator ${GENERATOR_VERSION}
(see test/bench/make-repo.mjs; \`node test/bench/make-repo.mjs --sizes ...\` builds them alone); the monorepo:
\`<cache>/monorepo-<size>-<generator>\` (test/bench/make-monorepo.mjs).
Targets: ratio <= 2.5x at 10,000 commits, <= 1.2x at 100,000, <= 1.5x otherwise.`;

function parseArgs(argv) {
  const o = {
    sizes: [10_000, 100_000, 1_000_000],
    runs: null,
    startupRuns: 20,
    jsonOut: null,
    cmd: null,
    cli: DEFAULT_CLI,
    strict: false,
    smoke: true,
    smokeFile: DEFAULT_SMOKE,
    startup: true,
    cacheRoot: defaultCacheRoot(),
    regen: false,
    timeoutMs: 1800 * 1000,
    smokeTimeoutMs: 600 * 1000,
    rollback: true,
    rollbackFile: DEFAULT_ROLLBACK,
    rollbackTimeoutMs: 600 * 1000,
    notify: true,
    notifyFile: DEFAULT_NOTIFY,
    releasePr: true,
    releasePrFile: path.join(ROOT, "test", "bench", "release-pr-bench.mjs"),
    notifyTimeoutMs: 600 * 1000,
    metrics: true,
    metricsFile: DEFAULT_METRICS,
    metricsTimeoutMs: 900 * 1000,
    monorepo: true,
    monorepoSize: MONOREPO_SIZE,
    monorepoRuns: 5,
  };
  const value = (i, name) => {
    if (i >= argv.length) throw new Error(`${name} needs a value`);
    return argv[i];
  };
  const positive = (text, name) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${text}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] =
      argv[i].startsWith("--") && argv[i].includes("=") ? argv[i].split(/=(.*)/s) : [argv[i]];
    const next = () => inline ?? value(++i, flag);
    switch (flag) {
      case "--sizes":
      case "--size":
        o.sizes = parseSizes(next());
        break;
      case "--runs":
        o.runs = positive(next(), flag);
        break;
      case "--startup-runs":
        o.startupRuns = positive(next(), flag);
        break;
      case "--json-out":
        o.jsonOut = path.resolve(next());
        break;
      case "--cmd":
        o.cmd = next();
        break;
      case "--cli":
        o.cli = path.resolve(next());
        break;
      case "--strict":
        o.strict = true;
        break;
      case "--no-smoke":
        o.smoke = false;
        break;
      case "--smoke":
        o.smokeFile = path.resolve(next());
        break;
      case "--no-startup":
        o.startup = false;
        break;
      case "--cache-dir":
        o.cacheRoot = path.resolve(next());
        break;
      case "--regen":
        o.regen = true;
        break;
      case "--timeout":
        o.timeoutMs = positive(next(), flag) * 1000;
        break;
      case "--smoke-timeout":
        o.smokeTimeoutMs = positive(next(), flag) * 1000;
        break;
      case "--no-rollback":
        o.rollback = false;
        break;
      case "--rollback":
        o.rollbackFile = path.resolve(next());
        break;
      case "--rollback-timeout":
        o.rollbackTimeoutMs = positive(next(), flag) * 1000;
        break;
      case "--no-release-pr":
        o.releasePr = false;
        break;
      case "--no-notify":
        o.notify = false;
        break;
      case "--no-metrics":
        o.metrics = false;
        break;
      case "--metrics":
        o.metricsFile = path.resolve(next());
        break;
      case "--metrics-timeout":
        o.metricsTimeoutMs = positive(next(), flag) * 1000;
        break;
      case "--monorepo":
        o.monorepo = true;
        break;
      case "--no-monorepo":
        o.monorepo = false;
        break;
      case "--monorepo-size":
        o.monorepoSize = positive(next(), flag);
        break;
      case "--monorepo-runs":
        o.monorepoRuns = positive(next(), flag);
        break;
      case "--notify":
        o.notifyFile = path.resolve(next());
        break;
      case "--notify-timeout":
        o.notifyTimeoutMs = positive(next(), flag) * 1000;
        break;
      case "--help":
      case "-h":
        console.log(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]} (see --help)`);
    }
  }
  return o;
}

const fmtS = (ms) => (ms == null ? "-" : (ms / 1000).toFixed(3));
const fmtMB = (kb) => (kb == null ? "-" : mb(kb).toFixed(1));
const fmtN = (n) => n.toLocaleString("en-US");
const passFail = (ok) => (ok == null ? "n/a" : ok ? "PASS" : "FAIL");

function loud(lines) {
  const bar = "!".repeat(78);
  console.log(`\n${bar}\n${lines.map((l) => `!! ${l}`).join("\n")}\n${bar}\n`);
}

/** Checks the CLI's JSON against the answer the generated history calls for. */
function checkAnswer(stdout) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { ok: false, reason: `stdout is not JSON: ${JSON.stringify(stdout.slice(0, 200))}` };
  }
  const problems = [];
  if (json?.bump !== EXPECTED.bump) problems.push(`bump ${JSON.stringify(json?.bump)} (expected "major")`);
  if (json?.version !== EXPECTED.version)
    problems.push(`version ${JSON.stringify(json?.version)} (expected "2.0.0")`);
  const notes = [];
  if (json?.previousVersion !== undefined && json.previousVersion !== EXPECTED.previousVersion)
    notes.push(`previousVersion ${JSON.stringify(json.previousVersion)} (expected "1.4.2")`);
  if (json?.previousTag !== undefined && json.previousTag !== EXPECTED.previousTag)
    notes.push(`previousTag ${JSON.stringify(json.previousTag)} (expected "${BASE_TAG}")`);
  return {
    ok: problems.length === 0,
    reason: problems.join(", "),
    notes,
    bump: json?.bump,
    version: json?.version,
    commitCount: json?.commitCount,
  };
}

function gitVersion() {
  const r = spawnSync("git", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().replace(/^git version /, "") : "unknown";
}

async function benchSize(size, o, subject) {
  const runs = o.runs ?? (size >= 1_000_000 ? 3 : 5);
  const t0 = process.hrtime.bigint();
  const { dir, generated, marker } = await ensureRepo(size, {
    cacheRoot: o.cacheRoot,
    force: o.regen,
    log: (m) => console.log(`[${fmtN(size)}] ${m}`),
  });
  const genSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" }).stdout.trim();
  if (head !== marker.head)
    throw new Error(`${dir}: HEAD ${head} is not the generated ${marker.head}; use --regen`);
  console.log(
    `[${fmtN(size)}] repository ${generated ? `generated in ${genSeconds.toFixed(1)} s` : "cached"}: ${dir} ` +
      `(HEAD ${head.slice(0, 12)}, ${(marker.diskBytes / 2 ** 20).toFixed(1)} MB on disk, ${marker.stats.merges} merges, ` +
      `${marker.stats.reverts} reverts, feat! at commit ${fmtN(marker.breakingPosition)} from ${BASE_TAG})`,
  );

  const gitArgv = ["git", "log", "--format=%H%x00%B", `${BASE_TAG}..HEAD`];
  const subjectArgv = subject ? subject.argv(dir) : null;
  const run = (argv, isSubject) =>
    measure(argv, {
      cwd: isSubject ? subject.cwd(dir) : dir,
      stdout: isSubject ? "capture" : "null",
      timeoutMs: o.timeoutMs,
    });

  const result = {
    size,
    repo: dir,
    head,
    generated,
    generateSeconds: generated ? Math.round(genSeconds * 10) / 10 : marker.generateSeconds,
    diskBytes: marker.diskBytes,
    repoStats: marker.stats,
    runs,
    gitLog: { argv: gitArgv, wallMs: [], peakKB: [], peakMethod: null },
    subject: subject
      ? { argv: subjectArgv, wallMs: [], peakKB: [], treePeakKB: [], peakMethod: null, error: null }
      : null,
    correctness: null,
  };

  // One unmeasured warm-up of each (page cache, git's first pack open), then alternate the two so
  // that machine noise falls on both sides alike.
  process.stdout.write(`[${fmtN(size)}] warm-up`);
  const warmGit = await run(gitArgv, false);
  if (warmGit.code !== 0) throw new Error(`git log failed in ${dir}: ${warmGit.stderr}`);
  let subjectFailed = false;
  const answers = [];
  const recordSubject = (r) => {
    if (r.code !== 0 || r.timedOut) {
      subjectFailed = true;
      result.subject.error = r.timedOut
        ? `timed out after ${o.timeoutMs / 1000} s`
        : `exit ${r.code ?? r.signal}: ${r.stderr.trim().slice(-2000)}`;
      return false;
    }
    if (subject.checksAnswer && r.stdoutTruncated)
      answers.push({ ok: false, reason: `stdout over ${r.stdout.length} characters, not checked` });
    else if (subject.checksAnswer) answers.push(checkAnswer(r.stdout));
    else if (/^\s*\{[\s\S]*"bump"/.test(r.stdout)) answers.push(checkAnswer(r.stdout)); // a JSON-speaking --cmd
    return true;
  };
  if (subject) {
    const warm = await run(subjectArgv, true);
    recordSubject(warm);
  }
  process.stdout.write(" done\n");

  for (let i = 1; i <= runs; i += 1) {
    const g = await run(gitArgv, false);
    if (g.code !== 0) throw new Error(`git log failed in ${dir}: ${g.stderr}`);
    result.gitLog.wallMs.push(g.wallMs);
    result.gitLog.peakKB.push(g.peakKB);
    result.gitLog.peakMethod = g.peakMethod;
    let line = `[${fmtN(size)}] run ${i}/${runs}: git log ${fmtS(g.wallMs)} s ${fmtMB(g.peakKB)} MB`;
    if (subject && !subjectFailed) {
      const s = await run(subjectArgv, true);
      if (recordSubject(s)) {
        result.subject.wallMs.push(s.wallMs);
        result.subject.peakKB.push(s.peakKB);
        result.subject.treePeakKB.push(s.treePeakKB);
        result.subject.peakMethod = s.peakMethod;
        line += ` | ${subject.label} ${fmtS(s.wallMs)} s ${fmtMB(s.peakKB)} MB`;
        if (s.treePeakKB != null && s.peakMethod === "node-self")
          line += ` (with children ${fmtMB(s.treePeakKB)} MB)`;
      }
    }
    console.log(line);
  }

  result.gitLog.medianMs = median(result.gitLog.wallMs);
  result.gitLog.medianPeakKB = median(result.gitLog.peakKB);
  result.gitLog.maxPeakKB = max(result.gitLog.peakKB);
  if (subject) {
    const s = result.subject;
    s.medianMs = median(s.wallMs);
    s.medianPeakKB = median(s.peakKB);
    s.maxPeakKB = max(s.peakKB);
    s.medianTreePeakKB = median(s.treePeakKB);
    const measured = !subjectFailed && s.medianMs != null;
    result.ratio = measured ? s.medianMs / result.gitLog.medianMs : null;
    result.targets = {
      ratio: measured ? result.ratio <= ratioTarget(size) : false,
      nodePeak: !measured
        ? false
        : s.peakMethod === "node-self"
          ? mb(s.maxPeakKB) < TARGETS.nodePeakMB
          : null,
    };
    if (subjectFailed) {
      loud([`FAIL: ${subject.label} failed at ${fmtN(size)} commits`, ...s.error.split("\n").slice(0, 20)]);
    }
    if (answers.length > 0 || (subject.checksAnswer && subjectFailed)) {
      const bad = answers.find((a) => !a.ok);
      result.correctness = subjectFailed
        ? { ok: false, reason: s.error }
        : bad
          ? { ok: false, reason: bad.reason }
          : { ok: answers.length > 0, ...answers[0] };
      if (bad) {
        loud([
          `FAIL: WRONG ANSWER at ${fmtN(size)} commits (repository ${dir})`,
          `expected bump "${EXPECTED.bump}", version "${EXPECTED.version}" (one feat! at commit ${fmtN(marker.breakingPosition)} since ${BASE_TAG})`,
          `got: ${bad.reason}`,
        ]);
      } else if (!subjectFailed) {
        const a = answers[0];
        console.log(
          `[${fmtN(size)}] answer OK: bump ${a.bump}, version ${a.version}` +
            (a.commitCount !== undefined
              ? `, commitCount ${a.commitCount} (the range holds ${fmtN(size)} commits, ${fmtN(marker.stats.merges)} of them merges)`
              : ""),
        );
        for (const n of a.notes) console.log(`[${fmtN(size)}] note: ${n}`);
      }
    }
  }
  return result;
}

async function measureStartup(o) {
  const argv = [process.execPath, o.cli, "--version"];
  const floor = [process.execPath, "-e", "0"];
  const times = [];
  const floorTimes = [];
  let error = null;
  for (let i = 0; i < 2; i += 1) await measure(argv, { cwd: ROOT, stdout: "capture", memory: false });
  for (let i = 0; i < o.startupRuns; i += 1) {
    const r = await measure(argv, { cwd: ROOT, stdout: "capture", memory: false, timeoutMs: 60_000 });
    if (r.code !== 0) {
      error = `exit ${r.code ?? r.signal}: ${r.stderr.trim().slice(-1000)}`;
      break;
    }
    times.push(r.wallMs);
    const f = await measure(floor, { cwd: ROOT, stdout: "capture", memory: false });
    floorTimes.push(f.wallMs);
  }
  const medianMs = median(times);
  return {
    argv,
    runs: times.length,
    wallMs: times,
    medianMs,
    nodeFloorMedianMs: median(floorTimes),
    error,
    pass: error ? false : medianMs < TARGETS.startupMs,
  };
}

/** The monorepo benchmark (issue 19) and its report lines; null when skipped. */
async function runMonorepo(o, cliExists, cliName) {
  if (!o.monorepo) return null;
  if (!cliExists) {
    console.log(`\nmonorepo benchmark: skipped, ${cliName} does not exist (npm run build)`);
    return null;
  }
  const size = o.monorepoSize;
  const tag = `[monorepo ${fmtN(size)}]`;
  console.log(`\n== monorepo benchmark: node ${cliName} version --json --cwd <monorepo> ==`);
  const r = await benchMonorepo(
    {
      cli: o.cli,
      size,
      runs: o.monorepoRuns,
      cacheRoot: o.cacheRoot,
      regen: o.regen,
      timeoutMs: o.timeoutMs,
      nodePath: process.execPath,
      cwd: ROOT,
    },
    (line) => console.log(`${tag} ${line}`),
    loud,
  );
  const ratio =
    r.ratio == null
      ? "-"
      : `${r.ratio.toFixed(2)}x (<= ${MONOREPO_TARGETS.ratio}x) ${passFail(r.targets.ratio)}`;
  const peak =
    r.subject.maxPeakKB == null ? "-" : `${fmtMB(r.subject.maxPeakKB)} ${passFail(r.targets.nodePeak)}`;
  console.log(
    table(
      [
        "monorepo",
        "commits read",
        "git log --name-only s",
        "shipguard s",
        "ratio",
        `peak MB (< ${MONOREPO_TARGETS.nodePeakMB})`,
        "answer",
      ],
      [
        [
          fmtN(size),
          fmtN(r.commitsRead),
          fmtS(r.gitLog.medianMs),
          r.answer.ok ? fmtS(r.subject.medianMs) : "not timed",
          ratio,
          peak,
          r.answer.ok ? "OK" : "FAIL",
        ],
      ],
    ),
  );
  return r;
}

/** Runs smoke-bench.mjs (issue 4) as a sub-step, echoing its output. */
function runSmoke(o) {
  return runSubBench(o, {
    file: o.smokeFile,
    key: "smoke",
    title: "smoke-check benchmark",
    timeoutMs: o.smokeTimeoutMs,
  });
}

/** Runs rollback-bench.mjs (issue 5) as a sub-step, echoing its output. */
function runRollback(o) {
  return runSubBench(o, {
    file: o.rollbackFile,
    key: "rollback",
    title: "rollback-dispatch latency benchmark",
    timeoutMs: o.rollbackTimeoutMs,
  });
}

/** Runs notify-bench.mjs (issue 12) as a sub-step, echoing its output. */
function runNotify(o) {
  return runSubBench(o, {
    file: o.notifyFile,
    key: "notify",
    title: "notification cost benchmark",
    timeoutMs: o.notifyTimeoutMs,
  });
}

/** Runs metrics-bench.mjs (issue 21) as a sub-step, echoing its output. */
function runMetrics(o) {
  return runSubBench(o, {
    file: o.metricsFile,
    key: "metrics",
    title: "metrics read benchmark (request budget)",
    timeoutMs: o.metricsTimeoutMs,
  });
}

/** Runs a benchmark script as a sub-step in its own process group, echoing its output. */
async function runSubBench(o, { file, key, title, timeoutMs }) {
  const name = path.relative(ROOT, file);
  const args = [file];
  const jsonFile = o.jsonOut ? `${o.jsonOut}.${key}-${process.pid}.json` : null;
  if (jsonFile) args.push("--json-out", jsonFile);
  console.log(`\n== ${title}: node ${[name, ...args.slice(1)].join(" ")} ==`);
  const started = process.hrtime.bigint();
  // Own process group, so a timeout or Ctrl-C also ends the servers and clients it starts.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  if (child.pid) liveGroups.add(child.pid);
  let output = "";
  const tee = (stream, target) =>
    stream.on("data", (d) => {
      target.write(d);
      output = (output + d.toString("utf8")).slice(-200_000);
    });
  tee(child.stdout, process.stdout);
  tee(child.stderr, process.stderr);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, timeoutMs);
  const { code, signal } = await new Promise((resolve) => {
    child.on("error", (e) => resolve({ code: null, signal: String(e) }));
    child.on("exit", (c, s) => {
      // It is done; whatever it left running in its group (a server, a bundler service) goes too.
      killGroup(child.pid);
      resolve({ code: c, signal: s });
    });
  });
  clearTimeout(timer);
  liveGroups.delete(child.pid);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const how = timedOut ? `killed after the ${timeoutMs / 1000} s timeout` : `exit ${code ?? signal}`;
  console.log(`== ${path.basename(file, ".mjs")}: ${how} after ${seconds.toFixed(1)} s ==`);
  let results = null;
  if (jsonFile && existsSync(jsonFile)) {
    try {
      results = JSON.parse(await readFile(jsonFile, "utf8"));
    } catch {
      results = null;
    }
    await rm(jsonFile, { force: true });
  }
  return { file: name, exitCode: code, signal, timedOut, seconds, pass: code === 0, results, output };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      killLiveGroups();
      process.exit(130);
    });
  }
  const cliExists = existsSync(o.cli);
  const cliName = path.relative(ROOT, o.cli);
  let subject = null;
  if (o.cmd) {
    const argv = splitCommand(o.cmd);
    if (argv.length === 0) throw new Error("--cmd is empty");
    if (argv[0] === "node") argv[0] = process.execPath;
    subject = {
      label: "cmd",
      description: o.cmd,
      argv: (repo) => argv.map((a) => a.replaceAll("{repo}", repo)),
      cwd: (repo) => repo,
      checksAnswer: false,
    };
  } else if (cliExists) {
    subject = {
      label: "shipguard",
      description: `node ${cliName} version --json --cwd <repo>`,
      argv: (repo) => [process.execPath, o.cli, "version", "--json", "--cwd", repo],
      cwd: () => ROOT,
      checksAnswer: true,
    };
  }

  const cpus = os.cpus();
  console.log(
    `shipguard bench: node ${process.version} (${process.execPath}), git ${gitVersion()}, ` +
      `${os.platform()} ${os.arch()}, ${cpus.length} CPU ${cpus[0]?.model?.trim() ?? ""}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM`,
  );
  console.log(`repositories: ${o.cacheRoot} (generator ${GENERATOR_VERSION})`);
  console.log(`peak memory: ${memoryMethod()}`);
  if (hasGnuTime())
    console.log(
      "  (GNU time's %M for node would be max(node, its git children): wait4() folds waited-for children into it;\n" +
        "   it is printed as 'with children' for reference, the target uses node's own figure)",
    );
  if (subject)
    console.log(`measuring: ${subject.description}  vs  git log --format=%H%x00%B ${BASE_TAG}..HEAD`);
  else
    console.log(
      `measuring: git log only: ${cliName} does not exist yet (npm run build), and no --cmd was given`,
    );
  if (subject && !isNodeCommand(subject.argv("")[0]))
    console.log(
      "  (the --cmd command is not Node: its peak memory is measured like git's, with no 150 MB target)",
    );

  const results = [];
  for (const size of o.sizes) {
    console.log("");
    results.push(await benchSize(size, o, subject));
  }

  let startup = null;
  if (o.startup) {
    if (cliExists) {
      console.log("");
      startup = await measureStartup(o);
      if (startup.error) loud([`FAIL: node ${cliName} --version failed`, startup.error]);
    } else console.log(`start-up: skipped, ${cliName} does not exist (npm run build)`);
  }

  // ---- report ----
  const label = subject?.label ?? "shipguard";
  const headers = [
    "commits",
    "git log s",
    `${label} s`,
    "ratio (target)",
    `${label} peak MB (< ${TARGETS.nodePeakMB})`,
    "git peak MB",
    "answer",
  ];
  const rows = results.map((r) => {
    const s = r.subject;
    const ratio =
      r.ratio == null
        ? "-"
        : `${r.ratio.toFixed(2)}x (<= ${ratioTarget(r.size)}x) ${passFail(r.targets.ratio)}`;
    const peak = !s
      ? "-"
      : s.maxPeakKB == null
        ? s.error
          ? "error"
          : "-"
        : `${fmtMB(s.maxPeakKB)} ${r.targets.nodePeak == null ? "(not node)" : passFail(r.targets.nodePeak)}`;
    const answer = r.correctness ? (r.correctness.ok ? "OK" : "FAIL") : s ? "n/a" : "-";
    return [
      fmtN(r.size),
      fmtS(r.gitLog.medianMs),
      s ? (s.error && s.medianMs == null ? "error" : fmtS(s.medianMs)) : "skipped",
      ratio,
      peak,
      fmtMB(r.gitLog.medianPeakKB),
      answer,
    ];
  });
  console.log(
    `\nmedians (runs: ${results.map((r) => `${fmtN(r.size)}: ${r.runs}`).join(", ")}); MB = 2^20 bytes`,
  );
  console.log(table(headers, rows));
  if (startup) {
    console.log(
      `start-up: node ${cliName} --version median ${startup.medianMs?.toFixed(1) ?? "-"} ms over ${startup.runs} runs ` +
        `(target < ${TARGETS.startupMs} ms) ${passFail(startup.pass)}; bare \`node -e 0\` median ${startup.nodeFloorMedianMs?.toFixed(1) ?? "-"} ms`,
    );
  }

  const monorepo = await runMonorepo(o, cliExists, cliName);

  let smoke = null;
  if (o.smoke) {
    if (existsSync(o.smokeFile)) smoke = await runSmoke(o);
    else console.log(`\nsmoke-check benchmark: ${path.relative(ROOT, o.smokeFile)} not present, skipped`);
  }
  let rollback = null;
  if (o.rollback) {
    if (existsSync(o.rollbackFile)) rollback = await runRollback(o);
    else console.log(`\nrollback benchmark: ${path.relative(ROOT, o.rollbackFile)} not present, skipped`);
  }
  let notify = null;
  if (o.notify) {
    if (existsSync(o.notifyFile)) notify = await runNotify(o);
    else console.log(`\nnotification benchmark: ${path.relative(ROOT, o.notifyFile)} not present, skipped`);
  }
  let metrics = null;
  if (o.metrics) {
    if (existsSync(o.metricsFile)) metrics = await runMetrics(o);
    else console.log(`\nmetrics benchmark: ${path.relative(ROOT, o.metricsFile)} not present, skipped`);
  }

  let releasePr = null;
  if (o.releasePr && existsSync(o.releasePrFile)) {
    releasePr = await runSubBench(o, {
      file: o.releasePrFile,
      key: "release-pr",
      title: "release pull request requests",
      timeoutMs: 600 * 1000,
    });
  }

  // ---- summary ----
  const failures = [];
  const checks = {
    ratio: [0, 0],
    memory: [0, 0],
    answer: [0, 0],
    "monorepo ratio": [0, 0],
    "monorepo memory": [0, 0],
    "monorepo answer": [0, 0],
    startup: [0, 0],
    smoke: [0, 0],
    rollback: [0, 0],
    notify: [0, 0],
    "release pull request": [0, 0],
    metrics: [0, 0],
  };
  const count = (key, ok, what) => {
    if (ok == null) return;
    checks[key][1] += 1;
    if (ok) checks[key][0] += 1;
    else failures.push(what);
  };
  for (const r of results) {
    if (!r.subject) continue;
    const at = `at ${fmtN(r.size)}`;
    count(
      "ratio",
      r.targets.ratio,
      r.ratio == null ? `${label} failed ${at}` : `ratio ${r.ratio.toFixed(2)}x ${at}`,
    );
    count("memory", r.targets.nodePeak, `peak ${fmtMB(r.subject.maxPeakKB)} MB ${at}`);
    if (r.correctness) count("answer", r.correctness.ok, `wrong answer ${at}`);
  }
  if (startup) count("startup", startup.pass, `start-up ${startup.medianMs?.toFixed(1) ?? "error"} ms`);
  if (monorepo) {
    count("monorepo answer", monorepo.answer.ok, "wrong answer on the monorepo");
    if (monorepo.answer.ok) {
      count("monorepo ratio", monorepo.targets.ratio, `monorepo ratio ${monorepo.ratio?.toFixed(2) ?? "-"}x`);
      count(
        "monorepo memory",
        monorepo.targets.nodePeak,
        `monorepo peak ${fmtMB(monorepo.subject.maxPeakKB)} MB`,
      );
    }
  }
  if (smoke)
    count(
      "smoke",
      smoke.pass,
      `smoke-bench ${smoke.timedOut ? "timed out" : `exit ${smoke.exitCode ?? smoke.signal}`}`,
    );
  if (rollback)
    count(
      "rollback",
      rollback.pass,
      rollback.results?.medianMs != null
        ? `rollback dispatch median ${rollback.results.medianMs} ms (target < ${rollback.results.targetMs} ms)`
        : `rollback-bench ${rollback.timedOut ? "timed out" : `exit ${rollback.exitCode ?? rollback.signal}`}`,
    );
  if (notify)
    count(
      "notify",
      notify.pass,
      notify.results?.addedMedianMs != null
        ? `notification adds ${notify.results.addedMedianMs.toFixed(1)} ms at the median (target < ${notify.results.targetMs} ms)`
        : `notify-bench ${notify.timedOut ? "timed out" : `exit ${notify.exitCode ?? notify.signal}`}`,
    );
  if (releasePr)
    count(
      "release pull request",
      releasePr.pass,
      releasePr.results?.propose
        ? `release pull request for ${releasePr.results.packages} packages: ${releasePr.results.propose.requests} requests, Git Data writes ${JSON.stringify(releasePr.results.propose.writes)}`
        : `release-pr-bench ${releasePr.timedOut ? "timed out" : `exit ${releasePr.exitCode ?? releasePr.signal}`}`,
    );
  if (metrics) {
    const ours = metrics.results?.rows?.[0];
    count(
      "metrics",
      metrics.pass,
      ours
        ? `metrics read took ${ours.requests} requests for ${ours.deployments} deployments (budget ${metrics.results.budget})`
        : `metrics-bench ${metrics.timedOut ? "timed out" : `exit ${metrics.exitCode ?? metrics.signal}`}`,
    );
  }
  const parts = Object.entries(checks)
    .filter(([, [, n]]) => n > 0)
    .map(([k, [p, n]]) => `${k} ${p}/${n}`);
  const worst = results.filter((r) => r.ratio != null).sort((a, b) => b.ratio - a.ratio)[0];
  const summary = !subject
    ? `SUMMARY: git log baseline only (${results.map((r) => `${fmtN(r.size)}: ${fmtS(r.gitLog.medianMs)} s`).join(", ")}); no subject measured` +
      (failures.length ? `; FAIL: ${failures.join("; ")}` : parts.length ? `; ${parts.join(", ")}` : "")
    : failures.length === 0
      ? `SUMMARY: PASS (${parts.join(", ")})${worst ? `; worst ratio ${worst.ratio.toFixed(2)}x at ${fmtN(worst.size)}` : ""}`
      : `SUMMARY: FAIL (${parts.join(", ")}): ${failures.join("; ")}`;
  console.log(`\n${summary}`);

  if (o.jsonOut) {
    const json = {
      date: new Date().toISOString(),
      node: process.version,
      nodePath: process.execPath,
      git: gitVersion(),
      platform: `${os.platform()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model?.trim(),
      generatorVersion: GENERATOR_VERSION,
      cacheRoot: o.cacheRoot,
      memoryMethod: memoryMethod(),
      targets: TARGETS,
      subject: subject ? subject.description : null,
      results,
      startup,
      monorepo,
      smoke,
      rollback,
      notify,
      releasePr,
      metrics,
      failures,
      pass: failures.length === 0,
      summary,
    };
    await mkdir(path.dirname(o.jsonOut), { recursive: true });
    await writeFile(o.jsonOut, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`results written to ${o.jsonOut}`);
  }
  return o.strict && failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`bench: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 2;
  },
);

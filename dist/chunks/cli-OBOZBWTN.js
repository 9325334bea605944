import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import "./chunk-FEGRNFBW.js";
import {
  LocalLedger
} from "./chunk-WT253352.js";
import "./chunk-4UEII6OA.js";
import {
  endProcess,
  processAlive,
  signalProcess
} from "./chunk-WUQGZDLE.js";
import {
  COMMAND_REGISTRY,
  CompositionRoot,
  GitCli,
  childEnvironment
} from "./chunk-VWY23SJT.js";
import "./chunk-AE46GMZC.js";
import "./chunk-Z36TIVJV.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-LOL6UNQF.js";
import {
  printable
} from "./chunk-P2F454IK.js";
import "./chunk-XILQOYBE.js";
import "./chunk-XD65SSXG.js";
import {
  describeFailure,
  shipguardError
} from "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";

// src/demo/present.ts
var seconds = (ms) => `${(ms / 1e3).toFixed(2)} s`;
function textNarrator(write, verbose) {
  return {
    begin(title) {
      write(`
\u2192 ${printable(title)}
`);
    },
    log(level, line) {
      if (level === "debug" && !verbose) return;
      write(`    ${level === "info" ? "" : `${level}: `}${printable(line)}
`);
    },
    end(step) {
      const mark = !step.ok ? "!!" : step.failed ? "\u2717" : "\u2713";
      write(
        `${mark} ${printable(step.title)}  (at ${seconds(step.atMs)}, took ${seconds(step.durationMs)})
`
      );
      for (const detail of step.details) write(`    ${printable(detail)}
`);
    }
  };
}
function collectingNarrator() {
  const lines = [];
  return {
    lines,
    begin() {
    },
    log(level, line) {
      if (level !== "debug") lines.push({ level, line });
    },
    end() {
    }
  };
}
function demoIntro() {
  return "shipguard demo: release, deploy, verify and roll back, on this machine (no network, no GitHub).\n";
}
function demoText(r) {
  const parts = ["", "Timeline", timelineText(r.steps), "", `Ledger (${r.ledger.length} lines)`];
  parts.push(r.ledger.length === 0 ? "  (empty)" : ledgerText(r.ledger));
  parts.push("");
  if (r.servers.length > 0) {
    const pids = r.servers.map((s) => `${s.pid}${s.stopped ? "" : " (STILL RUNNING)"}`).join(", ");
    parts.push(`Stopped the app server${r.servers.length === 1 ? "" : "s"} (pid ${pids}).`);
  }
  parts.push(
    r.kept ? `Kept ${r.folder}: the repository (with its ledger and incident reports in .shipguard/), build/ and server/ (releases, current, app.log).` : `Removed ${r.folder}.`
  );
  parts.push(`The whole loop took ${seconds(r.durationMs)}.`, "", r.message);
  return `${parts.map(printable).join("\n")}
`;
}
function timelineText(steps) {
  const lines = [`  ${"at".padStart(7)}  ${"took".padStart(7)}  step`];
  for (const step of steps) {
    lines.push(
      `  ${seconds(step.atMs).padStart(7)}  ${seconds(step.durationMs).padStart(7)}  ${!step.ok ? "!! " : step.failed ? "\u2717 " : ""}${step.label}`
    );
    for (const entry of step.timeline) {
      lines.push(
        `  ${"".padStart(7)}  ${seconds(entry.durationMs).padStart(7)}    \xB7 ${entry.step}${entry.detail ? `: ${entry.detail}` : ""}`
      );
    }
  }
  return lines.join("\n");
}
function ledgerText(rows) {
  const header = ["time (UTC)", "environment", "version", "kind", "state", "deployment", "description"];
  const cells = rows.map((row) => [
    row.time.slice(11, 23),
    row.environment,
    row.version,
    row.kind,
    row.state,
    row.id.slice(0, 8),
    row.description
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c) => `  ${c.map((text, i) => i === c.length - 1 ? text : text.padEnd(widths[i] ?? 0)).join("  ").trimEnd()}`;
  return [line(header), ...cells.map(line)].join("\n");
}
function demoJson(r, log) {
  return { ...r, log };
}

// src/demo/run-demo.ts
import { rmSync } from "node:fs";
import { mkdir as mkdir2, mkdtemp, realpath, rm, writeFile as writeFile3 } from "node:fs/promises";
import os2 from "node:os";
import path3 from "node:path";

// src/demo/app.ts
var SERVER_HEAD = `// The demo app: GET /version and GET /health, as JSON. Its version is the VERSION file the build
// puts next to this file. Listens on 127.0.0.1:$APP_PORT and, once it does, writes its pid to
// $APP_PID_FILE (the restart command waits for that, and stops the app by it).
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";

const version = readFileSync(new URL("./VERSION", import.meta.url), "utf8").trim();
const started = Date.now();
`;
var SERVER_TAIL = `
const server = http.createServer((request, response) => {
  let status = 200;
  let body;
  try {
    const route = routes[request.url];
    if (route === undefined) [status, body] = [404, { error: "not found" }];
    else body = route();
  } catch (error) {
    [status, body] = [500, { error: error instanceof Error ? error.message : String(error) }];
  }
  response.writeHead(status, { "content-type": "application/json", connection: "close" });
  response.end(JSON.stringify(body));
});

server.listen(Number(process.env.APP_PORT), "127.0.0.1", () => {
  writeFileSync(process.env.APP_PID_FILE, String(process.pid));
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// A demo app never outlives its demo by long, whatever happens to the demo.
setTimeout(stop, 60_000).unref();
`;
var ROUTES_VERSION_ONLY = `
const routes = {
  "/version": () => ({ version }),
};
`;
var ROUTES_WITH_HEALTH = `
const routes = {
  "/version": () => ({ version }),
  "/health": () => ({ ok: true, uptimeMs: Date.now() - started }),
};
`;
var ROUTES_BROKEN = `
const connections = new Map(); // filled by connect(), which nothing calls yet

const routes = {
  "/version": () => ({ version }),
  "/health": () => ({
    ok: true,
    uptimeMs: Date.now() - started,
    database: connections.get("database").status,
  }),
};
`;
var README = `# demo app

A tiny HTTP app for \`shipguard demo\`: \`node server.mjs\` with APP_PORT and APP_PID_FILE set.
It answers \`GET /version\` and \`GET /health\`.
`;
var FIRST_RELEASE = [
  {
    message: "feat: serve the app version on /version",
    files: { "app/server.mjs": SERVER_HEAD + ROUTES_VERSION_ONLY + SERVER_TAIL }
  },
  {
    message: "feat: add a /health endpoint",
    files: { "app/server.mjs": SERVER_HEAD + ROUTES_WITH_HEALTH + SERVER_TAIL }
  },
  {
    message: "docs: say how to run the app",
    files: { "app/README.md": README }
  }
];
var BREAKING_CHANGE = {
  message: "feat: report the database connection on /health",
  files: { "app/server.mjs": SERVER_HEAD + ROUTES_BROKEN + SERVER_TAIL }
};
var GITIGNORE = ".shipguard/\n";
var RESTART_SCRIPT = `#!/bin/sh
set -eu
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  # A stopped process that nobody reaps lingers as a zombie: it has let go of its port.
  if [ -r "/proc/$1/stat" ] && [ "$(sed 's/^.*) //' "/proc/$1/stat" | cut -c1)" = "Z" ]; then return 1; fi
  return 0
}
if [ -f "$APP_PID_FILE" ]; then
  old=$(cat "$APP_PID_FILE")
  rm -f "$APP_PID_FILE"
  kill "$old" 2>/dev/null || true
  tries=0
  while alive "$old"; do
    tries=$((tries + 1))
    if [ "$tries" -eq 100 ]; then kill -9 "$old" 2>/dev/null || true; fi
    sleep 0.01
  done
  echo "stopped the app (pid $old)"
fi
"$DEMO_NODE" "$SHIPGUARD_CURRENT/server.mjs" >>"$DEMO_SERVER_DIR/app.log" 2>&1 &
pid=$!
echo "$pid" >>"$DEMO_SERVER_DIR/pids"
tries=0
until [ -s "$APP_PID_FILE" ]; do
  if ! alive "$pid"; then echo "the app exited while starting; its log:" >&2; tail -n 20 "$DEMO_SERVER_DIR/app.log" >&2; exit 1; fi
  tries=$((tries + 1))
  if [ "$tries" -gt 500 ]; then echo "the app did not start within 5 s" >&2; exit 1; fi
  sleep 0.01
done
echo "started $SHIPGUARD_VERSION (pid $pid) on 127.0.0.1:$APP_PORT"
`;
function demoChecks(port) {
  return `settings:
  deadline-ms: 1500
  retry-interval-ms: 100
  max-retry-interval-ms: 200
  jitter: 0
  consecutive-passes: 1
checks:
  - name: health
    http: http://127.0.0.1:${port}/health
    timeout-ms: 500
  - name: version
    http: http://127.0.0.1:${port}/version
    timeout-ms: 500
    json:
      version: "\${SHIPGUARD_VERSION}"
`;
}

// src/demo/fixture.ts
import { mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
function demoEnvironment(base, extra) {
  const env = childEnvironment(base);
  for (const name of Object.keys(env)) {
    if (name.startsWith("GIT_") || name === "SHIPGUARD_VERSION") delete env[name];
  }
  return {
    ...env,
    GIT_AUTHOR_NAME: "shipguard demo",
    GIT_AUTHOR_EMAIL: "demo@shipguard.invalid",
    GIT_COMMITTER_NAME: "shipguard demo",
    GIT_COMMITTER_EMAIL: "demo@shipguard.invalid",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_CONFIG_COUNT: "3",
    GIT_CONFIG_KEY_0: "commit.gpgsign",
    GIT_CONFIG_VALUE_0: "false",
    GIT_CONFIG_KEY_1: "tag.gpgsign",
    GIT_CONFIG_VALUE_1: "false",
    GIT_CONFIG_KEY_2: "core.hooksPath",
    GIT_CONFIG_VALUE_2: os.devNull,
    ...extra
  };
}
async function exportFolder(git, tag, folder, out) {
  const files = await git.filesAt(tag, folder);
  if (files.length === 0) throw new Error(`${tag} has no files under ${folder}/`);
  for (const file of files) {
    const target = path.join(out, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content, { mode: file.mode === "100755" ? 493 : 420 });
  }
  return files.map((file) => file.path);
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => port > 0 ? resolve(port) : reject(new Error("no free loopback port")));
    });
  });
}

// src/demo/ledger-view.ts
async function readLedger(file, logger) {
  const journal = await new LocalLedger(file, { logger }).journal();
  const deployments = /* @__PURE__ */ new Map();
  return journal.map((event) => {
    if (event.type === "deployment") {
      const { record } = event;
      const deployment2 = {
        environment: record.environment,
        version: record.payload.version,
        kind: record.payload.kind
      };
      deployments.set(record.id, deployment2);
      const at = { time: record.createdAt, id: record.id };
      return { ...at, ...deployment2, state: "created", description: event.description };
    }
    const deployment = deployments.get(event.id) ?? { environment: "?", version: "?", kind: "?" };
    const { state, description, createdAt } = event.status;
    return { time: createdAt, ...deployment, state, id: event.id, description };
  });
}
function finalStates(rows) {
  const last = /* @__PURE__ */ new Map();
  for (const row of rows) if (row.state !== "created" || !last.has(row.id)) last.set(row.id, row);
  return [...last.values()].map((row) => `${row.kind} ${row.version} ${row.state}`);
}

// src/demo/receiver.ts
import http from "node:http";
async function startReceiver() {
  const events = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        events.push({ event: body.event, headline: body.headline });
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/team-chat`,
    events,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}

// src/demo/servers.ts
import { readFileSync } from "node:fs";
function recordedPids(file) {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return [
    ...new Set(
      text.split(/\s+/).filter((t) => /^\d+$/.test(t)).map(Number)
    )
  ].filter((pid) => pid > 1);
}
function signalServer(pid, signal) {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmdline.includes("server.mjs")) return false;
  } catch {
  }
  return signalProcess(pid, signal);
}
async function stopServers(pidsFile) {
  const pids = recordedPids(pidsFile);
  await Promise.all(pids.map((pid) => endProcess(pid, (signal) => signalServer(pid, signal))));
  return pids.map((pid) => ({ pid, stopped: !processAlive(pid) }));
}

// src/demo/story.ts
import { readdir, readlink, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";
var DEMO_ENVIRONMENT = "production";
var GOOD = "1.0.0";
var BAD = "1.1.0";
var DemoStory = class {
  constructor(dirs, env, narrator, port, keep, notifyUrl) {
    this.dirs = dirs;
    this.narrator = narrator;
    const appUrl = `http://127.0.0.1:${port}`;
    const logger = demoLogger(narrator, dirs.folder);
    this.git = new GitCli(dirs.repo, logger, env);
    this.root = new CompositionRoot(demoContext(dirs.repo, logger, env));
    this.settings = {
      "working-directory": dirs.repo,
      environment: DEMO_ENVIRONMENT,
      strategy: "symlink",
      "release-source": path2.join(dirs.build, "${SHIPGUARD_VERSION}"),
      "releases-dir": path2.join(dirs.server, "releases"),
      "restart-command": 'sh "$DEMO_SERVER_DIR/restart.sh"',
      "deploy-timeout-minutes": "1",
      checks: demoChecks(port),
      "environment-url": appUrl,
      "on-failure": "rollback",
      "notify-url": notifyUrl,
      "incident-issue": "true"
    };
    this.result = {
      ok: false,
      message: "",
      problems: [],
      folder: dirs.folder,
      kept: keep,
      appUrl,
      durationMs: 0,
      steps: [],
      releases: [],
      deploys: [],
      verification: null,
      ledgerFile: path2.join(dirs.repo, ".shipguard", "deployments.jsonl"),
      ledger: [],
      notifications: [],
      incidentFile: null,
      servers: []
    };
  }
  dirs;
  narrator;
  result;
  /** git in the demo's repository, through the product's adapter, with the demo's environment. */
  git;
  root;
  settings;
  started = performance.now();
  last = this.started;
  /** Records a problem when the condition does not hold; returns the condition. */
  expect(condition, problem) {
    if (!condition) this.result.problems.push(problem);
    return condition;
  }
  begin(title) {
    this.last = performance.now();
    this.narrator.begin(title);
  }
  step(label, title, ok, more = {}) {
    const now = more.at ?? performance.now();
    const entry = {
      label,
      title,
      details: more.details ?? [],
      ok,
      failed: more.failed ?? !ok,
      atMs: Math.round(now - this.started),
      durationMs: Math.round(now - this.last),
      timeline: more.timeline ?? []
    };
    this.last = now;
    this.result.steps.push(entry);
    this.narrator.end(entry);
  }
  /** One of the product's commands, with the demo's settings and these on top. */
  async command(name, extra) {
    const source = (option) => extra[option] ?? this.settings[option];
    return (await COMMAND_REGISTRY[name].load()).execute(source, this.root);
  }
  async release(expected) {
    this.begin(`Releasing the commits since the last tag (shipguard release)`);
    const r = (await this.command("release", {})).json;
    const tag = r.tag ?? "";
    const ok = this.expect(
      r.released && r.version === expected && r.tagSha !== null,
      `the release should have tagged v${expected}; it ${r.released ? `tagged ${tag}` : "released nothing"}`
    );
    if (r.released && r.tagSha !== null && r.version !== null) {
      this.result.releases.push({ version: r.version, tag, sha: r.tagSha });
    }
    const title = r.released ? `Released ${tag}: an annotated tag on ${r.sha.slice(0, 7)}.` : "Nothing released.";
    this.step(`release v${expected}`, title, ok, { details: [r.reason] });
    return ok ? tag : null;
  }
  async build(tag, version) {
    const out = path2.join(this.dirs.build, version);
    const files = await exportFolder(this.git, tag, "app", out);
    await writeFile2(path2.join(out, "VERSION"), `${version}
`);
    const title = `Built ${tag}: app/ at the tag (${files.join(", ")}) and its VERSION, in build/${version}.`;
    this.step(`build ${tag}`, title, true);
  }
  async deploy(version, shouldPass) {
    this.begin(
      `Deploying v${version} to ${DEMO_ENVIRONMENT} (symlink strategy, app on ${this.result.appUrl})`
    );
    const outcome = await this.command("deploy", { version });
    const r = outcome.json;
    this.result.deploys.push({
      version,
      status: r.status,
      message: r.message,
      smokeVerdict: r.smoke?.verdict ?? null,
      checks: checksOf(r.smoke),
      rollback: r.rollback === null ? null : { toVersion: r.rollback.toVersion, status: r.rollback.status, detail: r.rollback.detail }
    });
    if (shouldPass) {
      const ok = this.expect(
        outcome.ok,
        `v${version} should have deployed and passed its checks: ${r.message}`
      );
      const title = ok ? `v${version} deployed and verified: ${describeChecks(r.smoke)}.` : `v${version} did not deploy: ${r.message}`;
      this.step(`deploy v${version}`, title, ok, { timeline: r.timeline });
    } else {
      this.failedDeploy(version, outcome, r);
    }
    return r;
  }
  /** One call did both (the rollback runs inside the deploy): told as two steps, split where the rollback started. */
  failedDeploy(version, outcome, r) {
    const failed = this.expect(
      !outcome.ok && r.smoke?.verdict === "fail",
      `v${version} should have failed its checks; ${r.message}`
    );
    const rolledBack = this.expect(
      r.rollback?.status === "success" && r.rollback.toVersion === GOOD,
      `a rollback to v${GOOD} should have run and passed; ${r.rollback === null ? "none ran" : r.rollback.detail}`
    );
    const split = r.timeline.findIndex((e) => e.step === "start the rollback");
    const rollbackMs = r.timeline.slice(split === -1 ? r.timeline.length : split).reduce((t, e) => t + e.durationMs, 0);
    const end = performance.now();
    this.step(
      `deploy v${version}: checks fail`,
      failed ? `v${version} failed its checks: ${describeChecks(r.smoke)}.` : r.message,
      failed,
      {
        timeline: split === -1 ? r.timeline : r.timeline.slice(0, split),
        failed: !outcome.ok,
        at: end - rollbackMs
      }
    );
    this.step(
      `roll back to v${GOOD} (automatic)`,
      rolledBack ? `Rolled back to v${GOOD} automatically, in the same process: ${r.rollback?.detail ?? ""}` : `The rollback did not go as it should: ${r.rollback?.detail ?? "none was started"}`,
      rolledBack,
      { timeline: split === -1 ? [] : r.timeline.slice(split), failed: !rolledBack, at: end }
    );
  }
  /** What the team was told about the failed deploy: the webhook's events and the incident file. */
  async told(receiver) {
    this.begin("Reading what the team was told (a webhook receiver on loopback, and the incident file)");
    const got = receiver.events.map((e) => ({ event: e.event, headline: e.headline }));
    this.result.notifications = got;
    const folder = path2.join(this.dirs.repo, ".shipguard", "incidents");
    const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith(".md"));
    this.result.incidentFile = files.length === 1 ? path2.join(folder, files[0]) : null;
    const heard = this.expect(
      got.map((e) => e.event).join(", ") === "verify-failed, rolled-back",
      `the webhook should have got verify-failed, then rolled-back; it got ${got.map((e) => e.event).join(", ") || "nothing"}`
    );
    const recorded = this.expect(
      files.length === 1,
      `one incident report should be in .shipguard/incidents/; there are ${files.length}`
    );
    this.step(
      "tell the team",
      `The webhook got ${got.length} event(s); the incident report is in ${this.result.incidentFile === null ? "(none)" : path2.relative(this.dirs.repo, this.result.incidentFile)}.`,
      heard && recorded,
      { details: got.map((e) => `${e.event}: ${e.headline}`) }
    );
  }
  async verify() {
    this.begin(`Verifying ${DEMO_ENVIRONMENT} again (shipguard smoke against v${GOOD})`);
    const outcome = await this.command("smoke", { version: GOOD });
    const report = outcome.json;
    const current = await readlink(path2.join(this.dirs.server, "current")).catch(() => null);
    this.result.verification = { verdict: report.verdict, current, checks: checksOf(report) };
    const served = this.expect(
      current === path2.join("releases", GOOD),
      `current should point at releases/${GOOD}`
    );
    const passed = this.expect(
      outcome.ok,
      `the checks against v${GOOD} should pass again: ${outcome.message}`
    );
    this.step(
      `verify v${GOOD} again`,
      `${passed ? "Verified" : "NOT verified"}: ${describeChecks(report)}; current -> ${current ?? "(missing)"}.`,
      served && passed
    );
  }
  finish() {
    const r = this.result;
    r.ok = r.problems.length === 0 && r.verification !== null;
    r.message = r.ok ? `Rolled back to v${GOOD}: verified.` : `The demo did not go as expected: ${r.problems.join("; ") || "it stopped early"}.`;
    r.durationMs = Math.round(performance.now() - this.started);
    return r;
  }
};
function demoContext(repoDir, logger, env) {
  return {
    host: "cli",
    workspace: repoDir,
    logger,
    env,
    github: { token: "", apiUrl: "", defaultBranch: null },
    serverUrl: null,
    repository: null,
    branch: null,
    runUrl: null,
    actor: "shipguard demo",
    registerSecret: () => {
    }
  };
}
function checksOf(report) {
  return (report?.checks ?? []).map((c) => ({
    name: c.name,
    verdict: c.verdict,
    cause: c.cause,
    detail: c.detail,
    attempts: c.attempts
  }));
}
function describeChecks(report) {
  if (report === null) return "no checks ran";
  return report.checks.map(
    (c) => c.verdict === "pass" ? `${c.name} passed` : `${c.name} ${c.verdict === "fail" ? "FAILED" : c.verdict} after ${(c.timings.elapsedMs / 1e3).toFixed(1)} s (${c.cause ?? "?"}: ${c.detail})`
  ).join(", ");
}
function demoLogger(narrator, folder) {
  const shorten = (text) => text.split(`${folder}${path2.sep}`).join("").split(folder).join(".");
  const lines = (level) => (text) => {
    for (const line of shorten(text).split("\n")) if (line.trim() !== "") narrator.log(level, line);
  };
  return { debug: lines("debug"), info: lines("info"), warning: lines("warning"), untrusted: lines("info") };
}

// src/demo/run-demo.ts
async function runDemo(options) {
  if (process.platform === "win32") throw shipguardError("SG_DEMO_NEEDS_POSIX", {});
  const folder = await realpath(await mkdtemp(path3.join(os2.tmpdir(), "shipguard-demo-")));
  const dirs = {
    folder,
    repo: path3.join(folder, "repo"),
    build: path3.join(folder, "build"),
    server: path3.join(folder, "server")
  };
  const pidsFile = path3.join(dirs.server, "pids");
  const onSignal = (signal) => {
    try {
      for (const pid of recordedPids(pidsFile)) signalServer(pid, "SIGTERM");
      if (!options.keep) rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    } finally {
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const port = await freePort();
  const env = demoEnvironment(options.env, {
    DEMO_NODE: options.node,
    DEMO_SERVER_DIR: dirs.server,
    APP_PORT: String(port),
    APP_PID_FILE: path3.join(dirs.server, "app.pid")
  });
  const receiver = await startReceiver();
  const story = new DemoStory(dirs, env, options.narrator, port, options.keep, receiver.url);
  try {
    await tell(story, dirs, receiver);
  } catch (error) {
    story.result.problems.push(`the demo stopped: ${describeFailure(error)}`);
  } finally {
    await receiver.close();
    story.result.servers = await stopServers(pidsFile);
    await rm(path3.join(dirs.server, "app.pid"), { force: true });
    for (const server of story.result.servers)
      story.expect(server.stopped, `the app server ${server.pid} could not be stopped`);
    if (!options.keep) await rm(folder, { recursive: true, force: true });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return story.finish();
}
async function tell(story, dirs, receiver) {
  const commit = async (c) => {
    for (const [file, text] of Object.entries(c.files)) {
      await mkdir2(path3.dirname(path3.join(dirs.repo, file)), { recursive: true });
      await writeFile3(path3.join(dirs.repo, file), text);
    }
    await story.git.commitAll(c.message);
  };
  story.begin(`Making a git repository with a tiny HTTP app in ${dirs.folder}`);
  await mkdir2(dirs.repo, { recursive: true });
  await mkdir2(dirs.server, { recursive: true });
  await writeFile3(path3.join(dirs.server, "restart.sh"), RESTART_SCRIPT, { mode: 493 });
  await story.git.init("main");
  await writeFile3(path3.join(dirs.repo, ".gitignore"), GITIGNORE);
  for (const c of FIRST_RELEASE) await commit(c);
  story.step(
    "make the repository and the app",
    `Made a git repository with ${FIRST_RELEASE.length} conventional commits and a tiny HTTP app (app/server.mjs).`,
    true,
    { details: FIRST_RELEASE.map((c) => c.message) }
  );
  const goodTag = await story.release(GOOD);
  if (goodTag !== null) {
    await story.build(goodTag, GOOD);
    const first = await story.deploy(GOOD, true);
    if (first.status === "success") {
      story.begin("Committing a change that breaks the app");
      await commit(BREAKING_CHANGE);
      story.step(
        "commit the breaking change",
        `Committed "${BREAKING_CHANGE.message}": /health now throws, so it answers 500.`,
        true
      );
      const badTag = await story.release(BAD);
      if (badTag !== null) {
        await story.build(badTag, BAD);
        const second = await story.deploy(BAD, false);
        await story.told(receiver);
        if (second.rollback?.status === "success") await story.verify();
      }
    }
  }
  story.result.ledger = await readLedger(story.result.ledgerFile, story.root.context.logger);
  const outcomes = finalStates(story.result.ledger);
  const wanted = [`deploy ${GOOD} success`, `deploy ${BAD} failure`, `rollback ${GOOD} success`];
  story.expect(
    outcomes.join(", ") === wanted.join(", "),
    `the ledger should hold ${wanted.join(", ")}; it holds ${outcomes.join(", ") || "nothing"}`
  );
}

// src/demo/cli.ts
async function runDemoCli(options, env, terminal) {
  const write = (text) => terminal.stdout(text);
  const collected = collectingNarrator();
  if (!options.json) write(demoIntro());
  const result = await runDemo({
    keep: options.keep,
    node: process.execPath,
    env,
    narrator: options.json ? collected : textNarrator(write, options.verbose)
  });
  if (options.json) write(`${JSON.stringify(demoJson(result, collected.lines), null, 2)}
`);
  else write(demoText(result));
  if (!result.ok) terminal.stderr(`shipguard: ${printable(result.message)}
`);
  return result.ok ? 0 : 1;
}
export {
  runDemoCli
};

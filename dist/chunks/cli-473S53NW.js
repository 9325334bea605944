import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  COMMAND_REGISTRY,
  CompositionRoot,
  GitCli,
  childEnvironment
} from "./chunk-LK657VT6.js";
import "./chunk-32H4JKIA.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import {
  LocalLedger
} from "./chunk-V4SIOK6X.js";
import "./chunk-6UUCRF52.js";
import "./chunk-DRFFNYML.js";
import "./chunk-QNSM54YF.js";
import {
  endProcess,
  processAlive,
  signalProcess
} from "./chunk-WUQGZDLE.js";
import {
  printable
} from "./chunk-TRU3V6GF.js";
import "./chunk-2DVYPI74.js";
import "./chunk-ZMIH3YQE.js";
import "./chunk-XD65SSXG.js";
import {
  describeFailure,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

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
  return "shipguard demo: release, promote from staging to production, run a canary and roll it back, on this machine (no network, no GitHub).\n";
}
function demoText(r) {
  const parts = ["", "Timeline", timelineText(r.steps), "", `Ledger (${r.ledger.length} lines)`];
  parts.push(r.ledger.length === 0 ? "  (empty)" : ledgerText(r.ledger));
  parts.push("");
  if (r.servers.length > 0) {
    const pids = r.servers.map((s) => `${s.pid}${s.stopped ? "" : " (STILL RUNNING)"}`).join(", ");
    parts.push(`Stopped the app servers and routers (pid ${pids}).`);
  }
  parts.push(
    r.kept ? `Kept ${r.folder}: the repository (with its ledger and incident reports in .shipguard/), build/ and server/ (per environment: releases/, route.json, app.log, router.log).` : `Removed ${r.folder}.`
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
var ROUTER_SCRIPT = `// The demo's router: ROUTE_FILE says where requests go; listens on 127.0.0.1:$PUBLIC_PORT and,
// once it does, writes its pid to $ROUTER_PID_FILE.
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";

let shared = 0; // requests that took part in the split since the router started

function pick(request) {
  const route = JSON.parse(readFileSync(process.env.ROUTE_FILE, "utf8"));
  if (route.canary === null) return ["stable", route.stable];
  if (request.headers["x-canary"] === "always") return ["canary", route.canary];
  shared += 1;
  const due = (n) => Math.floor((n * route.percent) / 100);
  return due(shared) > due(shared - 1) ? ["canary", route.canary] : ["stable", route.stable];
}

function answer(response, status, body) {
  response.writeHead(status, { "content-type": "application/json", connection: "close" });
  response.end(JSON.stringify(body));
}

const server = http.createServer((request, response) => {
  let role, port;
  try {
    [role, port] = pick(request);
  } catch (error) {
    return answer(response, 503, { error: "no route: " + String(error) });
  }
  if (port === null) return answer(response, 503, { error: "no version serves this environment" });
  const options = { host: "127.0.0.1", port, path: request.url, method: request.method };
  const upstream = http.request({ ...options, headers: request.headers, agent: false }, (reply) => {
    response.writeHead(reply.statusCode ?? 502, { ...reply.headers, "x-served-by": role });
    reply.pipe(response);
  });
  upstream.on("error", (error) => {
    if (response.headersSent) response.destroy();
    else answer(response, 502, { error: "the " + role + " version did not answer: " + error.message });
  });
  request.pipe(upstream);
});

server.listen(Number(process.env.PUBLIC_PORT), "127.0.0.1", () => {
  writeFileSync(process.env.ROUTER_PID_FILE, String(process.pid));
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// A demo router never outlives its demo by long, whatever happens to the demo.
setTimeout(stop, 60_000).unref();
`;
var STAGE_SCRIPT = `#!/bin/sh
set -eu
to="$DEMO_SERVER_DIR/$SHIPGUARD_ENVIRONMENT/releases/$SHIPGUARD_VERSION"
if [ -f "$to/server.mjs" ]; then echo "$SHIPGUARD_VERSION is already in $to"; exit 0; fi
rm -rf "$to.partial"
mkdir -p "$to.partial"
cp -R "$DEMO_BUILD_DIR/$SHIPGUARD_VERSION/." "$to.partial"
mv "$to.partial" "$to"
echo "copied build/$SHIPGUARD_VERSION to $to"
`;
var TRAFFIC_SCRIPT = `#!/bin/sh
set -eu
env_name="$SHIPGUARD_ENVIRONMENT"
here="$DEMO_SERVER_DIR/$env_name"
. "$here/ports" # PUBLIC_PORT, SLOT_A_PORT, SLOT_B_PORT
percent="\${SHIPGUARD_TRAFFIC_PERCENT:-100}"
version="$SHIPGUARD_VERSION"

alive() {
  kill -0 "$1" 2>/dev/null || return 1
  # A stopped process that nobody reaps lingers as a zombie: it has let go of its port.
  if [ -r "/proc/$1/stat" ] && [ "$(sed 's/^.*) //' "/proc/$1/stat" | cut -c1)" = "Z" ]; then return 1; fi
  return 0
}
pid_of() { cat "$here/$1.pid" 2>/dev/null || true; }
version_of() { cat "$here/$1.version" 2>/dev/null || true; }
port_of() { if [ "$1" = a ]; then echo "$SLOT_A_PORT"; else echo "$SLOT_B_PORT"; fi; }
running() { [ -n "$1" ] && [ -n "$(pid_of "$1")" ] && alive "$(pid_of "$1")"; }

# launch <pid file> <log> <command...>: in the background, recorded; returns once it listens (it
# writes its pid file then). Sets $pid.
launch() {
  file=$1 log=$2
  shift 2
  rm -f "$file"
  "$@" >>"$log" 2>&1 &
  pid=$!
  echo "$pid" >>"$DEMO_SERVER_DIR/pids"
  tries=0
  until [ -s "$file" ]; do
    if ! alive "$pid"; then echo "$* exited while starting; its log:" >&2; tail -n 20 "$log" >&2; exit 1; fi
    tries=$((tries + 1))
    if [ "$tries" -gt 500 ]; then echo "$* did not start within 5 s" >&2; exit 1; fi
    sleep 0.01
  done
}

start_slot() { # <slot> <version>
  release="$here/releases/$2"
  if [ ! -f "$release/server.mjs" ]; then echo "$2 is not in $here/releases (the prepare-command copies it)" >&2; exit 1; fi
  launch "$here/$1.pid" "$here/app.log" \\
    env APP_PORT="$(port_of "$1")" APP_PID_FILE="$here/$1.pid" "$DEMO_NODE" "$release/server.mjs"
  echo "$2" >"$here/$1.version"
  echo "started $2 (pid $pid) on 127.0.0.1:$(port_of "$1")"
}

stop_slot() { # <slot>
  old=$(pid_of "$1") was=$(version_of "$1")
  rm -f "$here/$1.pid" "$here/$1.version"
  [ -n "$old" ] || return 0
  kill "$old" 2>/dev/null || true
  tries=0
  while alive "$old"; do
    tries=$((tries + 1))
    if [ "$tries" -eq 100 ]; then kill -9 "$old" 2>/dev/null || true; fi
    sleep 0.01
  done
  echo "stopped $was (pid $old)"
}

route() { # <stable slot> <canary slot or ""> <percent>
  stable_port=null canary_port=null
  if [ -n "$1" ]; then stable_port=$(port_of "$1"); fi
  if [ -n "$2" ]; then canary_port=$(port_of "$2"); fi
  printf '{"stable":%s,"canary":%s,"percent":%s}\\n' "$stable_port" "$canary_port" "$3" >"$here/route.json.new"
  mv "$here/route.json.new" "$here/route.json"
  echo "$1" >"$here/stable"
}

if ! running router; then
  [ -f "$here/route.json" ] || route "" "" 0
  launch "$here/router.pid" "$here/router.log" env PUBLIC_PORT="$PUBLIC_PORT" \\
    ROUTE_FILE="$here/route.json" ROUTER_PID_FILE="$here/router.pid" "$DEMO_NODE" "$DEMO_SERVER_DIR/router.mjs"
  echo "started the router of $env_name (pid $pid) on 127.0.0.1:$PUBLIC_PORT"
fi

stable=$(cat "$here/stable" 2>/dev/null || true)
if [ "$stable" = a ]; then free=b; else free=a; fi
canary=""
if running "$free"; then canary=$free; fi

if [ "$percent" -gt 0 ] && [ "$percent" -lt 100 ]; then
  if ! running "$stable"; then
    echo "no version serves $env_name yet: nothing to split traffic with, so $version takes all of it"
    percent=100
  elif [ "$(version_of "$stable")" = "$version" ]; then
    percent=100
  fi
fi

case "$percent" in
0)
  route "$stable" "" 0
  if [ -n "$canary" ]; then stop_slot "$canary"; fi
  if running "$stable"; then
    echo "$env_name: all traffic to $(version_of "$stable") (stable), none to a canary"
  else echo "$env_name: no version serves it"; fi
  ;;
100)
  if running "$stable" && [ "$(version_of "$stable")" = "$version" ]; then
    route "$stable" "" 0
    if [ -n "$canary" ]; then stop_slot "$canary"; fi
    echo "$env_name: $version already takes all traffic (pid $(pid_of "$stable"))"
    exit 0
  fi
  if [ -n "$canary" ] && [ "$(version_of "$canary")" != "$version" ]; then stop_slot "$canary"; canary=""; fi
  if [ -z "$canary" ]; then start_slot "$free" "$version"; fi
  route "$free" "" 0
  if [ -n "$stable" ]; then stop_slot "$stable"; fi
  echo "$env_name: all traffic to $version (pid $(pid_of "$free")), now the stable version"
  ;;
*)
  if [ -n "$canary" ] && [ "$(version_of "$canary")" != "$version" ]; then stop_slot "$canary"; canary=""; fi
  if [ -z "$canary" ]; then start_slot "$free" "$version"; fi
  route "$stable" "$free" "$percent"
  echo "$env_name: $percent% of requests to $version (canary), $((100 - percent))% to $(version_of "$stable") (stable)"
  ;;
esac
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
    timeout-ms: 1000
    requests: 20
    concurrency: 5
    min-success-rate: 1
    duration-ms: 300
    interval-ms: 100
    failure-limit: 0
  - name: version
    http: http://127.0.0.1:${port}/version
    headers: { x-canary: always }
    timeout-ms: 500
    json:
      version: "\${SHIPGUARD_VERSION}"
`;
}

// src/demo/check-view.ts
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
    (c) => c.verdict === "pass" ? `${c.name} passed` : `${c.name} ${c.verdict === "fail" ? "FAILED" : c.verdict} after ${elapsed(c.timings.elapsedMs)} (${c.cause ?? "?"}: ${c.detail})`
  ).join(", ");
}
function elapsed(ms) {
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
async function servedVersion(environment) {
  try {
    const response = await fetch(`${environment.url}/version`, { signal: AbortSignal.timeout(2e3) });
    const body = await response.json();
    return response.ok && typeof body.version === "string" ? body.version : null;
  } catch {
    return null;
  }
}

// src/demo/story.ts
import { readdir, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/context.ts
var NEVER_CANCELLED = {
  signal: new AbortController().signal,
  hurry: new AbortController().signal,
  cause: () => null,
  remainingMs: () => Number.POSITIVE_INFINITY,
  holdExit: () => {
  }
};

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
async function freePorts(count) {
  const servers = [];
  try {
    const ports = [];
    for (let i = 0; i < count; i += 1) {
      const server = net.createServer();
      servers.push(server);
      ports.push(await listen(server));
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}
function listen(server) {
  return new Promise((resolve, reject) => {
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      if (port > 0) resolve(port);
      else reject(new Error("no free loopback port"));
    });
  });
}

// src/demo/story.ts
var GOOD = "1.0.0";
var BAD = "1.1.0";
var TRAFFIC_STEPS = "10, 50, 100";
var DemoStory = class {
  constructor(dirs, env, narrator, environments, keep, notifyUrl) {
    this.dirs = dirs;
    this.narrator = narrator;
    this.environments = environments;
    const logger = demoLogger(narrator, dirs.folder);
    this.git = new GitCli(dirs.repo, logger, env);
    this.root = new CompositionRoot(demoContext(dirs.repo, logger, env));
    this.settings = {
      "working-directory": dirs.repo,
      strategy: "command",
      "prepare-command": 'sh "$DEMO_SERVER_DIR/stage.sh"',
      "deploy-command": 'sh "$DEMO_SERVER_DIR/traffic.sh"',
      "deploy-timeout-minutes": "1",
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
      environments: environments.map((e) => ({ name: e.name, url: e.url })),
      durationMs: 0,
      steps: [],
      releases: [],
      deploys: [],
      verifications: [],
      ledgerFile: path2.join(dirs.repo, ".shipguard", "deployments.jsonl"),
      ledger: [],
      notifications: [],
      incidentFile: null,
      servers: []
    };
  }
  dirs;
  narrator;
  environments;
  result;
  /** git in the demo's repository, through the product's adapter, with the demo's environment. */
  git;
  root;
  settings;
  started = performance.now();
  last = this.started;
  environment(name) {
    const found = this.environments.find((e) => e.name === name);
    if (found === void 0) throw new Error(`the demo has no environment ${name}`);
    return found;
  }
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
  /**
   * One of the product's commands, with the demo's settings, the environment's (its checks and
   * URL) when one is named, and these on top.
   */
  async command(name, environment, extra) {
    const own = environment === null ? {} : {
      environment: environment.name,
      checks: demoChecks(environment.port),
      "environment-url": environment.url
    };
    const source = (option) => extra[option] ?? own[option] ?? this.settings[option];
    return (await COMMAND_REGISTRY[name].load()).execute(source, this.root);
  }
  async release(expected) {
    this.begin(`Releasing the commits since the last tag (shipguard release)`);
    const r = (await this.command("release", null, {})).json;
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
  /**
   * What the team was told: the webhook's events (both releases, the blocked promotion, the failed
   * canary, its rollback) and the incident file of the rollback.
   */
  async told(receiver) {
    this.begin("Reading what the team was told (a webhook receiver on loopback, and the incident file)");
    const got = receiver.events.map((e) => ({ event: e.event, headline: e.headline }));
    this.result.notifications = got;
    const folder = path2.join(this.dirs.repo, ".shipguard", "incidents");
    const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith(".md"));
    this.result.incidentFile = files.length === 1 ? path2.join(folder, files[0]) : null;
    const wanted = "released, released, blocked, verify-failed, rolled-back";
    const heard = this.expect(
      got.map((e) => e.event).join(", ") === wanted,
      `the webhook should have got ${wanted}; it got ${got.map((e) => e.event).join(", ") || "nothing"}`
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
  /** Each environment's checks again, against the good version, and what its router serves now. */
  async verify() {
    this.begin(
      `Verifying ${this.environments.map((e) => e.name).join(" and ")} again (shipguard smoke against v${GOOD})`
    );
    const told = [];
    let ok = true;
    for (const environment of this.environments) {
      const outcome = await this.command("smoke", environment, { version: GOOD });
      const report = outcome.json;
      const serving = await servedVersion(environment);
      this.result.verifications.push({
        environment: environment.name,
        verdict: report.verdict,
        serving,
        checks: checksOf(report)
      });
      const served = this.expect(
        serving === GOOD,
        `${environment.name} should serve ${GOOD}; it serves ${serving ?? "nothing"}`
      );
      const passed = this.expect(
        outcome.ok,
        `the checks of ${environment.name} against v${GOOD} should pass again: ${outcome.message}`
      );
      ok &&= served && passed;
      told.push(
        `${environment.name} serves v${serving ?? "(nothing)"} (${passed ? "" : "NOT verified: "}${describeChecks(report)})`
      );
    }
    this.step(`verify v${GOOD} again`, `${ok ? "Verified" : "NOT verified"}: ${told.join("; ")}.`, ok);
  }
  finish() {
    const r = this.result;
    r.ok = r.problems.length === 0 && r.verifications.length === this.environments.length;
    r.message = r.ok ? `v${GOOD} serves ${this.environments.map((e) => e.name).join(" and ")}, verified: v${BAD} was kept out of production and rolled back from staging.` : `The demo did not go as expected: ${r.problems.join("; ") || "it stopped early"}.`;
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
    },
    // The demo's own Ctrl-C handling stops its servers and folder (run-demo.ts).
    cancellation: NEVER_CANCELLED,
    redact: (text) => text
  };
}
function demoLogger(narrator, folder) {
  const shorten = (text) => text.split(`${folder}${path2.sep}`).join("").split(folder).join(".");
  const lines = (level) => (text) => {
    for (const line of shorten(text).split("\n")) if (line.trim() !== "") narrator.log(level, line);
  };
  return { debug: lines("debug"), info: lines("info"), warning: lines("warning"), untrusted: lines("info") };
}

// src/demo/deploys.ts
function stepsText(r) {
  return r.steps.map((s) => `${s.percent}% ${s.verdict}`).join(", ");
}
async function deploy(story, environment, version, extra) {
  const outcome = await story.command("deploy", environment, { version, ...extra });
  const r = outcome.json;
  const entry = {
    environment: environment.name,
    version,
    status: r.status,
    message: r.message,
    blocked: r.blocked,
    gate: r.gate.map((g) => ({ environment: g.environment, state: g.state })),
    steps: r.steps.map((s) => ({ percent: s.percent, verdict: s.verdict, failure: s.failure })),
    trafficRevert: r.trafficRevert,
    smokeVerdict: r.smoke?.verdict ?? null,
    checks: checksOf(r.smoke),
    rollback: r.rollback === null ? null : { toVersion: r.rollback.toVersion, status: r.rollback.status, detail: r.rollback.detail }
  };
  story.result.deploys.push(entry);
  return { outcome, r };
}
async function canaryPasses(story, environment) {
  story.begin(
    `Deploying v${GOOD} to ${environment.name} in traffic steps of ${TRAFFIC_STEPS.replaceAll(",", "%,")}% (router on ${environment.url})`
  );
  const { outcome, r } = await deploy(story, environment, GOOD, { "traffic-steps": TRAFFIC_STEPS });
  const steps = r.steps;
  const ok = story.expect(
    outcome.ok && steps.length === 3 && steps.every((s) => s.verdict === "pass"),
    `v${GOOD} should have passed every traffic step in ${environment.name}: ${r.message}`
  );
  const title = outcome.ok ? `v${GOOD} deployed to ${environment.name}, its checks passing at each traffic step (${stepsText(r)}): ${describeChecks(r.smoke)}.` : `v${GOOD} did not deploy to ${environment.name}: ${r.message}`;
  const details = r.firstDeploy ? [
    `A first deploy has nothing to split traffic with: v${GOOD} took all of ${environment.name}'s traffic from the first step.`
  ] : [];
  story.step(`deploy v${GOOD} to ${environment.name} (traffic steps)`, title, ok, {
    details,
    timeline: r.timeline
  });
  return outcome.ok;
}
async function promotionPasses(story, environment, from) {
  story.begin(`Promoting v${GOOD} to ${environment.name} (require-verified-in: ${from})`);
  const { outcome, r } = await deploy(story, environment, GOOD, { "require-verified-in": from });
  const ok = story.expect(
    outcome.ok && r.gate.every((g) => g.state === "verified"),
    `v${GOOD} should have been promoted to ${environment.name}, verified in ${from}: ${r.message}`
  );
  const verified = r.gate.map((g) => `${g.environment} (#${(g.deploymentId ?? "").slice(0, 8)})`);
  const title = ok ? `v${GOOD} promoted to ${environment.name}: the gate found it verified in ${verified.join(", ")}; ${describeChecks(r.smoke)}.` : `v${GOOD} was not promoted to ${environment.name}: ${r.message}`;
  story.step(`promote v${GOOD} to ${environment.name}`, title, ok, { timeline: r.timeline });
  return outcome.ok;
}
async function promotionBlocked(story, environment, version, from) {
  story.begin(
    `Promoting v${version} to ${environment.name} before ${from} has seen it (require-verified-in: ${from})`
  );
  const { r } = await deploy(story, environment, version, { "require-verified-in": from });
  const serving = await servedVersion(environment);
  const blocked = story.expect(
    r.status === "blocked" && r.blocked?.code === "SG_NOT_VERIFIED_IN",
    `v${version} should have been blocked by require-verified-in: ${r.message}`
  );
  const untouched = story.expect(
    serving === GOOD,
    `${environment.name} should still serve ${GOOD}; it serves ${serving ?? "nothing"}`
  );
  const title = r.blocked === null ? `v${version} was not blocked: ${r.message}` : `Blocked, as it should be: ${r.blocked.code}: ${r.blocked.message}`;
  const details = [
    ...r.blocked === null ? [] : [`Fix: ${r.blocked.remedy}`],
    `${environment.name} still serves v${serving ?? "(nothing)"} (GET ${environment.url}/version).`
  ];
  story.step(`deploy v${version} to ${environment.name}: blocked`, title, blocked && untouched, {
    details,
    timeline: r.timeline,
    failed: true
  });
}
async function canaryFails(story, environment, version) {
  story.begin(
    `Deploying v${version} to ${environment.name} as a canary, in traffic steps of ${TRAFFIC_STEPS.replaceAll(",", "%,")}%`
  );
  const { outcome, r } = await deploy(story, environment, version, { "traffic-steps": TRAFFIC_STEPS });
  const steps = r.steps;
  const first = steps[0];
  const failed = story.expect(
    !outcome.ok && steps.length === 1 && first?.percent === 10 && first.verdict === "fail",
    `v${version} should have failed at its first traffic step (10%); ${r.message}`
  );
  const reverted = story.expect(
    r.trafficRevert?.ok === true,
    `the traffic should have gone back to 0%; ${r.trafficRevert?.failure ?? "it was not sent back"}`
  );
  const rolledBack = story.expect(
    r.rollback?.status === "success" && r.rollback.toVersion === GOOD,
    `a rollback to v${GOOD} should have run and passed; ${r.rollback === null ? "none ran" : r.rollback.detail}`
  );
  const split = r.timeline.findIndex((e) => e.step === "start the rollback");
  const rollbackMs = r.timeline.slice(split === -1 ? r.timeline.length : split).reduce((t, e) => t + e.durationMs, 0);
  const end = performance.now();
  const where = first === void 0 ? "" : ` at its first step, ${first.percent}% of ${environment.name}'s traffic`;
  story.step(
    `canary v${version} in ${environment.name}: fails at ${first?.percent ?? "?"}%`,
    failed ? `v${version} failed${where}: ${describeChecks(r.smoke)}.` : `v${version} did not fail as it should: ${r.message}`,
    failed && reverted,
    {
      details: [
        ...steps.map((s) => `Step ${s.step} of ${s.of} (${s.percent}%): ${s.verdict}.`),
        ...failed ? [`Steps 2 and 3 (${TRAFFIC_STEPS.split(", ").slice(1).join("%, ")}%) never ran.`] : [],
        r.trafficRevert?.ok ? `Traffic went back to 0%: all of ${environment.name}'s requests to v${GOOD} again, the canary stopped.` : `The revert to 0% did not go as it should: ${r.trafficRevert?.failure ?? "none ran"}`
      ],
      timeline: split === -1 ? r.timeline : r.timeline.slice(0, split),
      failed: !outcome.ok,
      at: end - rollbackMs
    }
  );
  story.step(
    `roll back ${environment.name} to v${GOOD} (automatic)`,
    rolledBack ? `Rolled back to v${GOOD} automatically, in the same process: ${r.rollback?.detail ?? ""}` : `The rollback did not go as it should: ${r.rollback?.detail ?? "none was started"}`,
    rolledBack,
    { timeline: split === -1 ? [] : r.timeline.slice(split), failed: !rolledBack, at: end }
  );
  return r;
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
  return [...last.values()].map((row) => `${row.environment} ${row.kind} ${row.version} ${row.state}`);
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
var SCRIPTS = ["server.mjs", "router.mjs"];
function signalServer(pid, signal) {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!SCRIPTS.some((script) => cmdline.includes(script))) return false;
  } catch {
  }
  return signalProcess(pid, signal);
}
async function stopServers(pidsFile) {
  const pids = recordedPids(pidsFile);
  await Promise.all(pids.map((pid) => endProcess(pid, (signal) => signalServer(pid, signal))));
  return pids.map((pid) => ({ pid, stopped: !processAlive(pid) }));
}

// src/demo/run-demo.ts
var ENVIRONMENTS = ["staging", "production"];
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
  const ports = await freePorts(3 * ENVIRONMENTS.length);
  const environments = ENVIRONMENTS.map((name, i) => {
    const [port = 0, a = 0, b = 0] = ports.slice(3 * i, 3 * i + 3);
    return { name, port, slots: [a, b], url: `http://127.0.0.1:${port}` };
  });
  const env = demoEnvironment(options.env, {
    DEMO_NODE: options.node,
    DEMO_SERVER_DIR: dirs.server,
    DEMO_BUILD_DIR: dirs.build
  });
  const receiver = await startReceiver();
  const story = new DemoStory(dirs, env, options.narrator, environments, options.keep, receiver.url);
  try {
    await tell(story, dirs, receiver);
  } catch (error) {
    story.result.problems.push(`the demo stopped: ${describeFailure(error)}`);
  } finally {
    await receiver.close();
    story.result.servers = await stopServers(pidsFile);
    for (const { name } of environments) {
      for (const file of ["a.pid", "b.pid", "router.pid"]) {
        await rm(path3.join(dirs.server, name, file), { force: true });
      }
    }
    for (const server of story.result.servers)
      story.expect(server.stopped, `the server ${server.pid} could not be stopped`);
    if (!options.keep) await rm(folder, { recursive: true, force: true });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return story.finish();
}
async function setUpServers(dirs, environments) {
  await mkdir2(dirs.server, { recursive: true });
  await writeFile3(path3.join(dirs.server, "router.mjs"), ROUTER_SCRIPT);
  await writeFile3(path3.join(dirs.server, "stage.sh"), STAGE_SCRIPT, { mode: 493 });
  await writeFile3(path3.join(dirs.server, "traffic.sh"), TRAFFIC_SCRIPT, { mode: 493 });
  for (const e of environments) {
    await mkdir2(path3.join(dirs.server, e.name, "releases"), { recursive: true });
    const ports = `PUBLIC_PORT=${e.port}
SLOT_A_PORT=${e.slots[0]}
SLOT_B_PORT=${e.slots[1]}
`;
    await writeFile3(path3.join(dirs.server, e.name, "ports"), ports);
  }
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
  await setUpServers(dirs, story.environments);
  await story.git.init("main");
  await writeFile3(path3.join(dirs.repo, ".gitignore"), GITIGNORE);
  for (const c of FIRST_RELEASE) await commit(c);
  story.step(
    "make the repository and the app",
    `Made a git repository with ${FIRST_RELEASE.length} conventional commits and a tiny HTTP app (app/server.mjs).`,
    true,
    {
      details: [
        ...FIRST_RELEASE.map((c) => c.message),
        ...story.environments.map(
          (e) => `${e.name}: a router on ${e.url}, in front of the stable version and, during a canary, the new one`
        )
      ]
    }
  );
  await ship(story, commit, receiver);
  story.result.ledger = await readLedger(story.result.ledgerFile, story.root.context.logger);
  const outcomes = finalStates(story.result.ledger);
  const wanted = [
    `staging deploy ${GOOD} success`,
    `production deploy ${GOOD} success`,
    `staging deploy ${BAD} failure`,
    `staging rollback ${GOOD} success`
  ];
  story.expect(
    outcomes.join(", ") === wanted.join(", "),
    `the ledger should hold ${wanted.join(", ")}; it holds ${outcomes.join(", ") || "nothing"}`
  );
}
async function ship(story, commit, receiver) {
  const staging = story.environment("staging");
  const production = story.environment("production");
  const goodTag = await story.release(GOOD);
  if (goodTag === null) return;
  await story.build(goodTag, GOOD);
  if (!await canaryPasses(story, staging)) return;
  if (!await promotionPasses(story, production, staging.name)) return;
  story.begin("Committing a change that breaks the app");
  await commit(BREAKING_CHANGE);
  story.step(
    "commit the breaking change",
    `Committed "${BREAKING_CHANGE.message}": /health now throws, so it answers 500.`,
    true
  );
  const badTag = await story.release(BAD);
  if (badTag === null) return;
  await story.build(badTag, BAD);
  await promotionBlocked(story, production, BAD, staging.name);
  const canary = await canaryFails(story, staging, BAD);
  await story.told(receiver);
  if (canary.rollback?.status === "success") await story.verify();
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

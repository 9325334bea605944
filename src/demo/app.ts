/**
 * What `shipguard demo` puts in its temporary folder: the history of a tiny HTTP app (its files
 * at each commit, with conventional commit messages), what serves it in each environment (a
 * router in front of a stable version and a canary, and the deploy and prepare commands that
 * move traffic between them), and the smoke checks. Plain text only; run-demo.ts does the work.
 */

/** The app at one commit: the files under app/ and the commit message. */
export interface DemoCommit {
  message: string;
  files: Record<string, string>;
}

const SERVER_HEAD = `// The demo app: GET /version and GET /health, as JSON. Its version is the VERSION file the build
// puts next to this file. Listens on 127.0.0.1:$APP_PORT and, once it does, writes its pid to
// $APP_PID_FILE (the restart command waits for that, and stops the app by it).
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";

const version = readFileSync(new URL("./VERSION", import.meta.url), "utf8").trim();
const started = Date.now();
`;

const SERVER_TAIL = `
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

const ROUTES_VERSION_ONLY = `
const routes = {
  "/version": () => ({ version }),
};
`;

const ROUTES_WITH_HEALTH = `
const routes = {
  "/version": () => ({ version }),
  "/health": () => ({ ok: true, uptimeMs: Date.now() - started }),
};
`;

/** The change that breaks the app: /health reads a connection that is never opened. */
const ROUTES_BROKEN = `
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

const README = `# demo app

A tiny HTTP app for \`shipguard demo\`: \`node server.mjs\` with APP_PORT and APP_PID_FILE set.
It answers \`GET /version\` and \`GET /health\`.
`;

/** Released as v1.0.0: two features and a docs change. */
export const FIRST_RELEASE: DemoCommit[] = [
  {
    message: "feat: serve the app version on /version",
    files: { "app/server.mjs": SERVER_HEAD + ROUTES_VERSION_ONLY + SERVER_TAIL },
  },
  {
    message: "feat: add a /health endpoint",
    files: { "app/server.mjs": SERVER_HEAD + ROUTES_WITH_HEALTH + SERVER_TAIL },
  },
  {
    message: "docs: say how to run the app",
    files: { "app/README.md": README },
  },
];

/** Released as v1.1.0: a feature whose /health throws, so the app answers 500 there. */
export const BREAKING_CHANGE: DemoCommit = {
  message: "feat: report the database connection on /health",
  files: { "app/server.mjs": SERVER_HEAD + ROUTES_BROKEN + SERVER_TAIL },
};

/** The repository's .gitignore: the CLI's ledger lives in .shipguard/. */
export const GITIGNORE = ".shipguard/\n";

/**
 * The router of one environment, on its public port: each request goes to the stable version or,
 * while a canary runs, to the canary for its share of the traffic. The share is exact, not drawn
 * at random: at 10%, every 10th request goes to the canary, so the demo does the same every run.
 * A request with `x-canary: always` goes to the canary while there is one, else to the stable
 * version (how the checks ask the version being deployed for its own answer). route.json, read on
 * every request, says where: { "stable": port, "canary": port or null, "percent": 0-100 }.
 */
export const ROUTER_SCRIPT = `// The demo's router: ROUTE_FILE says where requests go; listens on 127.0.0.1:$PUBLIC_PORT and,
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

/**
 * The prepare-command: copies the build of SHIPGUARD_VERSION into the environment's releases while
 * the running version keeps serving. Needs DEMO_BUILD_DIR and DEMO_SERVER_DIR.
 */
export const STAGE_SCRIPT = `#!/bin/sh
set -eu
to="$DEMO_SERVER_DIR/$SHIPGUARD_ENVIRONMENT/releases/$SHIPGUARD_VERSION"
if [ -f "$to/server.mjs" ]; then echo "$SHIPGUARD_VERSION is already in $to"; exit 0; fi
rm -rf "$to.partial"
mkdir -p "$to.partial"
cp -R "$DEMO_BUILD_DIR/$SHIPGUARD_VERSION/." "$to.partial"
mv "$to.partial" "$to"
echo "copied build/$SHIPGUARD_VERSION to $to"
`;

/**
 * The deploy-command (strategy \`command\`). An environment has its router on its public port and
 * two slots, a and b, each able to run one version of the app on a port of its own: the stable
 * version in one, the canary in the other. SHIPGUARD_TRAFFIC_PERCENT is the share of requests
 * SHIPGUARD_VERSION gets; unset (a plain deploy, a rollback) means 100.
 *   1-99: starts SHIPGUARD_VERSION in the free slot as the canary (once), gives it that share;
 *   100:  makes it the stable version (the canary when it runs it, else started in the free slot),
 *         sends it everything, stops the old one: nothing is restarted under live traffic;
 *   0:    sends everything to the stable version and stops the canary.
 * With no stable version yet (a first deploy), a step of 1-99 has nothing to split traffic with:
 * the version takes all of it, as a first rollout does, and says so. Every process it starts is
 * appended to $DEMO_SERVER_DIR/pids, so the demo can stop them all. Needs DEMO_NODE,
 * DEMO_SERVER_DIR, and the environment's ports file (written by the demo).
 */
export const TRAFFIC_SCRIPT = `#!/bin/sh
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

/**
 * The smoke checks of one environment, through its router, with short deadlines so a failing step
 * is decided at once. health is what users get: 20 requests a round, every one must answer 2xx,
 * rounds for 300 ms, and one bad round fails the check (a canary taking 10% of the traffic
 * answers 2 of the 20). version asks the version being deployed itself (the canary while there is
 * one) and must name it.
 */
export function demoChecks(port: number): string {
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

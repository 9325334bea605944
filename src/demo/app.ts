/**
 * What `shipguard demo` puts in its temporary folder: the history of a tiny HTTP app (its files
 * at each commit, with conventional commit messages), the restart command of the server it is
 * deployed to, and the smoke checks. Plain text only; demo.ts does the work.
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
 * The server's restart command (the symlink strategy runs it after switching `current`): stops
 * the running app and waits until it is gone, starts the app from `current` in the background,
 * and returns once it listens. Needs DEMO_NODE, DEMO_SERVER_DIR, APP_PORT, APP_PID_FILE and
 * SHIPGUARD_CURRENT in its environment. Every pid it starts is appended to $DEMO_SERVER_DIR/pids,
 * so the demo can stop them all at the end.
 */
export const RESTART_SCRIPT = `#!/bin/sh
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

/**
 * The smoke checks, with short deadlines so a failing deploy is decided in about a second and a
 * half: /health must answer 2xx, /version must name the version being deployed.
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
    timeout-ms: 500
  - name: version
    http: http://127.0.0.1:${port}/version
    timeout-ms: 500
    json:
      version: "\${SHIPGUARD_VERSION}"
`;
}

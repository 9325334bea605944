/**
 * `shipguard demo`: the whole loop on this machine, in a temporary folder, with no network and no
 * GitHub. It makes a git repository with conventional commits and a tiny HTTP app, releases
 * v1.0.0, deploys it with the `symlink` strategy to a real server on a loopback port and verifies
 * it; then releases a change that breaks the app, deploys it, watches its checks fail and the
 * rollback to v1.0.0 that follows in the same process, and verifies again.
 *
 * Orchestration only: every step is the product's own command, fed through the same settings
 * schema as the CLI's flags (runRelease with the local forge, runLoop for deploy and smoke with a
 * local Runtime). What the demo adds is the folder, the app, the server's restart command, the
 * narration and the cleanup: the app server is always stopped and the folder removed (unless
 * `--keep`), also after a failure or Ctrl-C.
 */
import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readlink, realpath, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { DeployResult } from "../commands/deploy.ts";
import type { RunContext } from "../context.ts";
import { describeFailure, shipguardError } from "../errors.ts";
import type { CheckReport, Logger, SmokeReport } from "../ports.ts";
import { CompositionRoot, childEnvironment } from "../registry/compose.ts";
import { COMMAND_REGISTRY, type Presentation } from "../registry/index.ts";
import type { CommandName } from "../settings.ts";
import type { TimelineEntry } from "../steps/timeline.ts";
import {
  BREAKING_CHANGE,
  type DemoCommit,
  demoChecks,
  FIRST_RELEASE,
  GITIGNORE,
  RESTART_SCRIPT,
} from "./app.ts";

/** The part of `release --json` the demo reads. */
interface ReleaseJson {
  version: string | null;
  tag: string | null;
  sha: string;
  reason: string;
  released: boolean;
  tagSha: string | null;
}

export const DEMO_ENVIRONMENT = "production";
const GOOD = "1.0.0";
const BAD = "1.1.0";

export interface DemoOptions {
  /** Leave the folder behind (the server is stopped all the same). */
  keep: boolean;
  /** The Node binary the app server runs on: the CLI's own. */
  node: string;
  /** The environment to start from (the CLI's process environment). */
  env: NodeJS.ProcessEnv;
  narrator: DemoNarrator;
}

/** Receives the story as it happens; the CLI prints it, `--json` collects it. */
export interface DemoNarrator {
  begin(title: string): void;
  /** A line the product logged, with the demo folder shown as a relative path. */
  log(level: "debug" | "info" | "warning", line: string): void;
  end(step: DemoStep): void;
}

export interface DemoStep {
  /** A short name for the timeline: "deploy v1.0.0". */
  label: string;
  /** What happened, in one sentence. */
  title: string;
  details: string[];
  /** The step went as the demo expects (for the v1.1.0 deploy: it failed, and was rolled back). */
  ok: boolean;
  /** What the product reported failed (the v1.1.0 deploy does, on purpose). */
  failed: boolean;
  /** When the step ended, since the demo started. */
  atMs: number;
  durationMs: number;
  /** The command's own timeline (deploy, smoke), when it has one. */
  timeline: TimelineEntry[];
}

export interface DemoDeploy {
  version: string;
  status: "success" | "failure";
  message: string;
  smokeVerdict: string | null;
  checks: { name: string; verdict: string; cause: string | null; detail: string; attempts: number }[];
  rollback: { toVersion: string; status: string; detail: string } | null;
}

/** One line of the ledger file, flattened for a table. */
export interface LedgerRow {
  time: string;
  environment: string;
  version: string;
  kind: string;
  /** `created` for the line recording the deployment itself, else the status' state. */
  state: string;
  id: string;
  description: string;
}

export interface DemoResult {
  /** The loop behaved as it should: v1.0.0 good, v1.1.0 failed, back on v1.0.0 and verified. */
  ok: boolean;
  message: string;
  /** What did not go as expected (empty when ok). */
  problems: string[];
  folder: string;
  kept: boolean;
  appUrl: string;
  durationMs: number;
  steps: DemoStep[];
  releases: { version: string; tag: string; sha: string }[];
  deploys: DemoDeploy[];
  verification: { verdict: string; current: string | null; checks: DemoDeploy["checks"] } | null;
  ledgerFile: string;
  ledger: LedgerRow[];
  /** Every app server the restart command started, and whether it is gone now. */
  servers: { pid: number; stopped: boolean }[];
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  if (process.platform === "win32") {
    throw shipguardError("SG_DEMO_NEEDS_POSIX", {});
  }
  const started = performance.now();
  const folder = await realpath(await mkdtemp(path.join(os.tmpdir(), "shipguard-demo-")));
  const dirs = {
    repo: path.join(folder, "repo"),
    build: path.join(folder, "build"),
    server: path.join(folder, "server"),
  };
  const pidsFile = path.join(dirs.server, "pids");
  const { narrator } = options;

  // Ctrl-C must not leave a server running or the folder behind.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      for (const pid of recordedPids(pidsFile)) signalServer(pid, "SIGTERM");
      // A git or copy still running may add a file while the folder goes: retried.
      if (!options.keep) rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    } finally {
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const env = demoEnvironment(options.env, {
    DEMO_NODE: options.node,
    DEMO_SERVER_DIR: dirs.server,
    APP_PORT: String(port),
    APP_PID_FILE: path.join(dirs.server, "app.pid"),
  });
  const logger = demoLogger(narrator, folder);
  const root = new CompositionRoot(demoContext(dirs.repo, logger, env));
  const settings: Record<string, string> = {
    "working-directory": dirs.repo,
    environment: DEMO_ENVIRONMENT,
    strategy: "symlink",
    "release-source": path.join(dirs.build, "${SHIPGUARD_VERSION}"),
    "releases-dir": path.join(dirs.server, "releases"),
    "restart-command": 'sh "$DEMO_SERVER_DIR/restart.sh"',
    "deploy-timeout-minutes": "1",
    checks: demoChecks(port),
    "environment-url": appUrl,
    "on-failure": "rollback",
  };
  const source = (extra: Record<string, string>) => (name: string) => extra[name] ?? settings[name];
  // Each step is the product's own command, through the same registry and wiring as the CLI's.
  const command = async (name: CommandName, extra: Record<string, string>): Promise<Presentation> =>
    (await COMMAND_REGISTRY[name].load()).execute(source(extra), root);

  const result: DemoResult = {
    ok: false,
    message: "",
    problems: [],
    folder,
    kept: options.keep,
    appUrl,
    durationMs: 0,
    steps: [],
    releases: [],
    deploys: [],
    verification: null,
    ledgerFile: path.join(dirs.repo, ".shipguard", "deployments.jsonl"),
    ledger: [],
    servers: [],
  };
  const expect = (condition: boolean, problem: string) => {
    if (!condition) result.problems.push(problem);
    return condition;
  };
  let last = started;
  const step = (
    label: string,
    title: string,
    ok: boolean,
    details: string[] = [],
    timeline: TimelineEntry[] = [],
    failed = !ok,
    now = performance.now(),
  ) => {
    const entry: DemoStep = {
      label,
      title,
      details,
      ok,
      failed,
      atMs: Math.round(now - started),
      durationMs: Math.round(now - last),
      timeline,
    };
    last = now;
    result.steps.push(entry);
    narrator.end(entry);
  };
  const begin = (title: string) => {
    last = performance.now();
    narrator.begin(title);
  };

  const git = (...args: string[]) => run("git", args, dirs.repo, env);
  const commit = async (c: DemoCommit) => {
    for (const [file, text] of Object.entries(c.files)) {
      await mkdir(path.dirname(path.join(dirs.repo, file)), { recursive: true });
      await writeFile(path.join(dirs.repo, file), text);
    }
    await git("add", "--all");
    await git("commit", "--quiet", "--no-verify", "--message", c.message);
  };

  const release = async (expected: string): Promise<string | null> => {
    begin(`Releasing the commits since the last tag (shipguard release)`);
    const r = (await command("release", {})).json as ReleaseJson;
    const tag = r.tag ?? "";
    const ok = expect(
      r.released && r.version === expected && r.tagSha !== null,
      `the release should have tagged v${expected}; it ${r.released ? `tagged ${tag}` : "released nothing"}`,
    );
    if (r.released && r.tagSha !== null && r.version !== null) {
      result.releases.push({ version: r.version, tag, sha: r.tagSha });
    }
    step(
      `release v${expected}`,
      r.released ? `Released ${tag}: an annotated tag on ${r.sha.slice(0, 7)}.` : "Nothing released.",
      ok,
      [r.reason],
    );
    return ok ? tag : null;
  };

  const build = async (tag: string, version: string) => {
    const out = path.join(dirs.build, version);
    const files = await exportFolder(dirs.repo, env, tag, "app", out);
    await writeFile(path.join(out, "VERSION"), `${version}\n`);
    step(
      `build ${tag}`,
      `Built ${tag}: app/ at the tag (${files.join(", ")}) and its VERSION, in build/${version}.`,
      true,
    );
  };

  const deploy = async (version: string, shouldPass: boolean): Promise<DeployResult> => {
    begin(`Deploying v${version} to ${DEMO_ENVIRONMENT} (symlink strategy, app on ${appUrl})`);
    const outcome = await command("deploy", { version });
    const r = outcome.json as DeployResult;
    result.deploys.push({
      version,
      status: r.status,
      message: r.message,
      smokeVerdict: r.smoke?.verdict ?? null,
      checks: checksOf(r.smoke),
      rollback:
        r.rollback === null
          ? null
          : { toVersion: r.rollback.toVersion, status: r.rollback.status, detail: r.rollback.detail },
    });
    if (shouldPass) {
      const ok = expect(outcome.ok, `v${version} should have deployed and passed its checks: ${r.message}`);
      step(
        `deploy v${version}`,
        ok
          ? `v${version} deployed and verified: ${describeChecks(r.smoke)}.`
          : `v${version} did not deploy: ${r.message}`,
        ok,
        [],
        r.timeline,
      );
      return r;
    }
    const failed = expect(
      !outcome.ok && r.smoke?.verdict === "fail",
      `v${version} should have failed its checks; ${r.message}`,
    );
    const rolledBack = expect(
      r.rollback?.status === "success" && r.rollback.toVersion === GOOD,
      `a rollback to v${GOOD} should have run and passed; ${r.rollback === null ? "none ran" : r.rollback.detail}`,
    );
    // One call did both (the rollback runs inside the deploy): told as two steps, split where the
    // deploy's own timeline says the rollback started.
    const split = r.timeline.findIndex((e) => e.step === "start the rollback");
    const rollbackMs = r.timeline
      .slice(split === -1 ? r.timeline.length : split)
      .reduce((t, e) => t + e.durationMs, 0);
    const end = performance.now();
    step(
      `deploy v${version}: checks fail`,
      failed ? `v${version} failed its checks: ${describeChecks(r.smoke)}.` : r.message,
      failed,
      [],
      split === -1 ? r.timeline : r.timeline.slice(0, split),
      !outcome.ok,
      end - rollbackMs,
    );
    step(
      `roll back to v${GOOD} (automatic)`,
      rolledBack
        ? `Rolled back to v${GOOD} automatically, in the same process: ${r.rollback?.detail ?? ""}`
        : `The rollback did not go as it should: ${r.rollback?.detail ?? "none was started"}`,
      rolledBack,
      [],
      split === -1 ? [] : r.timeline.slice(split),
      !rolledBack,
      end,
    );
    return r;
  };

  const verify = async () => {
    begin(`Verifying ${DEMO_ENVIRONMENT} again (shipguard smoke against v${GOOD})`);
    const outcome = await command("smoke", { version: GOOD });
    const report = outcome.json as SmokeReport;
    const current = await readlink(path.join(dirs.server, "current")).catch(() => null);
    result.verification = { verdict: report.verdict, current, checks: checksOf(report) };
    const served = expect(
      current === path.join("releases", GOOD),
      `current should point at releases/${GOOD}`,
    );
    const passed = expect(outcome.ok, `the checks against v${GOOD} should pass again: ${outcome.message}`);
    step(
      `verify v${GOOD} again`,
      `${passed ? "Verified" : "NOT verified"}: ${describeChecks(report)}; current -> ${current ?? "(missing)"}.`,
      served && passed,
    );
  };

  try {
    begin(`Making a git repository with a tiny HTTP app in ${folder}`);
    await mkdir(dirs.repo, { recursive: true });
    await mkdir(dirs.server, { recursive: true });
    await writeFile(path.join(dirs.server, "restart.sh"), RESTART_SCRIPT, { mode: 0o755 });
    await git("init", "--quiet");
    await git("symbolic-ref", "HEAD", "refs/heads/main");
    await writeFile(path.join(dirs.repo, ".gitignore"), GITIGNORE);
    for (const c of FIRST_RELEASE) await commit(c);
    step(
      "make the repository and the app",
      `Made a git repository with ${FIRST_RELEASE.length} conventional commits and a tiny HTTP app (app/server.mjs).`,
      true,
      FIRST_RELEASE.map((c) => c.message),
    );

    const goodTag = await release(GOOD);
    if (goodTag !== null) {
      await build(goodTag, GOOD);
      const first = await deploy(GOOD, true);
      if (first.status === "success") {
        begin("Committing a change that breaks the app");
        await commit(BREAKING_CHANGE);
        step(
          "commit the breaking change",
          `Committed "${BREAKING_CHANGE.message}": /health now throws, so it answers 500.`,
          true,
        );
        const badTag = await release(BAD);
        if (badTag !== null) {
          await build(badTag, BAD);
          const second = await deploy(BAD, false);
          if (second.rollback?.status === "success") await verify();
        }
      }
    }
    result.ledger = await readLedger(result.ledgerFile);
    const outcomes = finalStates(result.ledger);
    const wanted = [`deploy ${GOOD} success`, `deploy ${BAD} failure`, `rollback ${GOOD} success`];
    expect(
      outcomes.join(", ") === wanted.join(", "),
      `the ledger should hold ${wanted.join(", ")}; it holds ${outcomes.join(", ") || "nothing"}`,
    );
  } catch (error) {
    result.problems.push(`the demo stopped: ${describeFailure(error)}`);
  } finally {
    result.servers = await stopServers(pidsFile);
    // A pid file left behind would name a process that is gone.
    await rm(path.join(dirs.server, "app.pid"), { force: true });
    for (const server of result.servers)
      expect(server.stopped, `the app server ${server.pid} could not be stopped`);
    if (!options.keep) await rm(folder, { recursive: true, force: true });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  result.ok = result.problems.length === 0 && result.verification !== null;
  result.message = result.ok
    ? `Rolled back to v${GOOD}: verified.`
    : `The demo did not go as expected: ${result.problems.join("; ") || "it stopped early"}.`;
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

function demoContext(repoDir: string, logger: Logger, env: Record<string, string>): RunContext {
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
    registerSecret: () => {},
  };
}

/** "deploy 1.0.0 success" for each deployment of the ledger, in the order they were created. */
function finalStates(rows: LedgerRow[]): string[] {
  const last = new Map<string, LedgerRow>();
  for (const row of rows) if (row.state !== "created" || !last.has(row.id)) last.set(row.id, row);
  return [...last.values()].map((row) => `${row.kind} ${row.version} ${row.state}`);
}

function checksOf(report: SmokeReport | null): DemoDeploy["checks"] {
  return (report?.checks ?? []).map((c: CheckReport) => ({
    name: c.name,
    verdict: c.verdict,
    cause: c.cause,
    detail: c.detail,
    attempts: c.attempts,
  }));
}

/** "health FAILED after 1.3 s (status: status 500, expected 2xx; ...), version passed". */
function describeChecks(report: SmokeReport | null): string {
  if (report === null) return "no checks ran";
  return report.checks
    .map((c) =>
      c.verdict === "pass"
        ? `${c.name} passed`
        : `${c.name} ${c.verdict === "fail" ? "FAILED" : c.verdict} after ${(c.timings.elapsedMs / 1000).toFixed(1)} s (${c.cause ?? "?"}: ${c.detail})`,
    )
    .join(", ");
}

/** The product's log lines go to the narrator, with the folder shown as a relative path. */
function demoLogger(narrator: DemoNarrator, folder: string): Logger {
  const shorten = (text: string) => text.split(`${folder}${path.sep}`).join("").split(folder).join(".");
  const lines = (level: "debug" | "info" | "warning") => (text: string) => {
    for (const line of shorten(text).split("\n")) if (line.trim() !== "") narrator.log(level, line);
  };
  return { debug: lines("debug"), info: lines("info"), warning: lines("warning"), untrusted: lines("info") };
}

/**
 * The environment of git, the restart command and the checks: this process's (without action
 * inputs or tokens, as the CLI passes it), a fixed git identity, and no user or system git
 * configuration, so a signing or hook setting cannot get in the way.
 */
function demoEnvironment(base: NodeJS.ProcessEnv, extra: Record<string, string>): Record<string, string> {
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
    ...extra,
  };
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env, encoding: "buffer", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const detail =
            (error as NodeJS.ErrnoException).code === "ENOENT"
              ? `${command} was not found; the demo needs it installed and on PATH`
              : stderr.toString("utf8").trim() || error.message;
          reject(new Error(`${command} ${args[0] ?? ""} failed: ${detail}`));
        } else resolve(stdout.toString("utf8"));
      },
    );
  });
}

/** Writes the files under `folder` at `tag` into `out`, as a build would export them. */
async function exportFolder(
  repo: string,
  env: Record<string, string>,
  tag: string,
  folder: string,
  out: string,
): Promise<string[]> {
  const listing = await run("git", ["ls-tree", "-r", "-z", `${tag}^{commit}`, "--", `${folder}/`], repo, env);
  const files: string[] = [];
  for (const entry of listing.split("\0")) {
    // "<mode> blob <sha>\t<path>"
    const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (match === null) continue;
    const [, mode = "", sha = "", file = ""] = match;
    const relative = path.relative(folder, file);
    const target = path.join(out, relative);
    await mkdir(path.dirname(target), { recursive: true });
    const blob = await new Promise<Buffer>((resolve, reject) => {
      execFile("git", ["cat-file", "blob", sha], { cwd: repo, env, encoding: "buffer" }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
    });
    await writeFile(target, blob, { mode: mode === "100755" ? 0o755 : 0o644 });
    files.push(relative);
  }
  if (files.length === 0) throw new Error(`${tag} has no files under ${folder}/`);
  return files;
}

/** A loopback port nobody listens on right now (the app binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no free loopback port"))));
    });
  });
}

async function readLedger(file: string): Promise<LedgerRow[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  const deployments = new Map<string, { environment: string; version: string; kind: string }>();
  const rows: LedgerRow[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const id = String(event.id ?? "");
    const time = String(event.createdAt ?? "");
    if (event.type === "deployment") {
      const payload = (event.payload ?? {}) as Record<string, unknown>;
      const deployment = {
        environment: String(event.environment ?? ""),
        version: String(payload.version ?? ""),
        kind: String(payload.kind ?? ""),
      };
      deployments.set(id, deployment);
      rows.push({ time, ...deployment, state: "created", id, description: String(event.description ?? "") });
    } else if (event.type === "status") {
      const deployment = deployments.get(id) ?? { environment: "?", version: "?", kind: "?" };
      rows.push({
        time,
        ...deployment,
        state: String(event.state ?? ""),
        id,
        description: String(event.description ?? ""),
      });
    }
  }
  return rows;
}

function recordedPids(file: string): number[] {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return [
    ...new Set(
      text
        .split(/\s+/)
        .filter((t) => /^\d+$/.test(t))
        .map(Number),
    ),
  ].filter((pid) => pid > 1);
}

/**
 * Whether a process still runs. A zombie counts as gone: it has exited and only waits to be
 * reaped, which some container init processes never do.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/** Signals a server the restart command started, unless the pid now belongs to something else. */
function signalServer(pid: number, signal: NodeJS.Signals): void {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmdline.includes("server.mjs")) return;
  } catch {
    // No /proc (macOS): the pid was recorded seconds ago by this demo.
  }
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops every app server the demo started: SIGTERM, then SIGKILL after two seconds. */
async function stopServers(pidsFile: string): Promise<{ pid: number; stopped: boolean }[]> {
  const pids = recordedPids(pidsFile);
  for (const pid of pids) if (isRunning(pid)) signalServer(pid, "SIGTERM");
  const deadline = performance.now() + 2_000;
  while (pids.some(isRunning) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (const pid of pids) if (isRunning(pid)) signalServer(pid, "SIGKILL");
  if (pids.some(isRunning)) await new Promise((resolve) => setTimeout(resolve, 100));
  return pids.map((pid) => ({ pid, stopped: !isRunning(pid) }));
}

/**
 * The three deploy strategies on real processes, real folders and the GitHub API emulator:
 * - command: hostile versions stay data, failures show their last lines, a timeout ends the whole
 *   process group;
 * - symlink: a real HTTP app started from `current`, an atomic switch watched by a concurrent
 *   reader, retention by SemVer, versions checked before the disk is touched;
 * - workflow: dispatch and wait, every ending mapped.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it, type TestContext } from "vitest";
import { CommandDeployer } from "../../src/adapters/deployers/command.ts";
import { runShell } from "../../src/adapters/deployers/process.ts";
import { isReleaseVersion, SymlinkDeployer } from "../../src/adapters/deployers/symlink.ts";
import { describeConclusion, WorkflowDeployer } from "../../src/adapters/deployers/workflow.ts";
import { createClient } from "../../src/adapters/github/client.ts";
import { type DispatcherOptions, GitHubDispatcher } from "../../src/adapters/github/dispatcher.ts";
import type { DeployTarget, Logger, RunConclusion } from "../../src/ports.ts";
import { type EmulatorOptions, makeGitFixture, startEmulator } from "../emulator/index.ts";
import { virtualTime } from "../helpers/virtual-time.ts";
import { alive, until } from "../helpers/wait.ts";

const APP_DIR = path.resolve(import.meta.dirname, "../fixtures/apps/version-app");

interface RecordingLogger extends Logger {
  lines: string[];
}

function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    debug: () => undefined,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    untrusted: (t) => lines.push(`untrusted: ${t}`),
  };
}

function target(version: string, extra: Partial<DeployTarget> = {}): DeployTarget {
  return {
    version,
    tag: `v${version}`,
    sha: "0123456789abcdef0123456789abcdef01234567",
    environment: "staging",
    previousVersion: null,
    kind: "deploy",
    correlationId: `sg-test-${version}`,
    ...extra,
  };
}

function tempDir(ctx: TestContext, name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `shipguard-${name}-`));
  ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Only what the commands need: they never see this process's environment. */
function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", ...extra };
}

/* ------------------------------------------------------------------ command ---------- */

describe.concurrent("command strategy", () => {
  const HOSTILE = "1.0.0\";touch pwned-$$;\"$(touch pwned-sub)`touch pwned-bt`'; touch pwned-q; '";

  it("passes a hostile version as data in SHIPGUARD_VERSION; nothing in it runs", async (ctx) => {
    const dir = tempDir(ctx, "hostile");
    const deployer = new CommandDeployer({
      command: `printf '%s' "$SHIPGUARD_VERSION" > received.txt; printf '%s' "$SHIPGUARD_ENVIRONMENT" > environment.txt`,
      cwd: dir,
      env: childEnv(),
      timeoutMs: 10_000,
      logger: recordingLogger(),
    });
    const outcome = await deployer.deploy(target(HOSTILE, { environment: "prod$(touch pwned-env)" }));
    expect(outcome).toEqual({ ok: true, failure: null, logTail: [], runUrl: null });
    expect(readFileSync(path.join(dir, "received.txt"), "utf8")).toBe(HOSTILE);
    expect(readFileSync(path.join(dir, "environment.txt"), "utf8")).toBe("prod$(touch pwned-env)");
    expect(readdirSync(dir).filter((name) => name.startsWith("pwned"))).toEqual([]);

    // The control: the same text pasted into a command does run, so the check above can fail.
    const control = tempDir(ctx, "hostile-control");
    await runShell({
      label: "control",
      command: `echo "${HOSTILE}"`,
      cwd: control,
      env: childEnv(),
      timeoutMs: 10_000,
    });
    expect(readdirSync(control).filter((name) => name.startsWith("pwned")).length).toBeGreaterThan(0);
  });

  it("gives commands the SHIPGUARD_* variables and the env map only, never this process's environment", async (ctx) => {
    const dir = tempDir(ctx, "env");
    process.env.SHIPGUARD_TEST_SECRET_NOT_PASSED = "leak";
    ctx.onTestFinished(() => {
      delete process.env.SHIPGUARD_TEST_SECRET_NOT_PASSED;
    });
    const deployer = new CommandDeployer({
      command: "env | grep -E '^(SHIPGUARD_|EXTRA=)' | sort > env.txt",
      cwd: dir,
      env: childEnv({ EXTRA: "from-the-map", SHIPGUARD_VERSION: "overridden" }),
      logger: recordingLogger(),
    });
    await deployer.deploy(target("2.0.0", { previousVersion: "1.9.0", tag: null }));
    expect(readFileSync(path.join(dir, "env.txt"), "utf8").trim().split("\n")).toEqual([
      "EXTRA=from-the-map",
      "SHIPGUARD_CORRELATION_ID=sg-test-2.0.0",
      "SHIPGUARD_ENVIRONMENT=staging",
      "SHIPGUARD_KIND=deploy",
      "SHIPGUARD_PREVIOUS_VERSION=1.9.0",
      "SHIPGUARD_SHA=0123456789abcdef0123456789abcdef01234567",
      "SHIPGUARD_TAG=",
      "SHIPGUARD_VERSION=2.0.0",
    ]);
  });

  it("fails on a non-zero exit, showing the last 20 lines and the exit code; output goes to the log as untrusted text", async (ctx) => {
    const logger = recordingLogger();
    const deployer = new CommandDeployer({
      command: 'for i in $(seq 1 30); do echo "line $i"; done; echo "::add-mask::boom" >&2; exit 3',
      cwd: tempDir(ctx, "failing"),
      env: childEnv(),
      logger,
    });
    const outcome = await deployer.deploy(target("1.0.0"));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure).toBe("deploy-command failed with exit code 3");
    expect(outcome.logTail).toHaveLength(20);
    expect(outcome.logTail[0]).toBe("line 12");
    expect(outcome.logTail.at(-1)).toBe("::add-mask::boom");
    const untrusted = logger.lines.filter((l) => l.startsWith("untrusted: ")).join("\n");
    expect(untrusted).toContain("line 1\n");
    expect(untrusted).toContain("::add-mask::boom");
    // Only through `untrusted`: no other log line carries the command's output.
    expect(logger.lines.filter((l) => !l.startsWith("untrusted: ") && l.includes("add-mask"))).toEqual([]);
  });

  it("kills the whole process group at the timeout: no process is left", async (ctx) => {
    const dir = tempDir(ctx, "timeout");
    const deployer = new CommandDeployer({
      command: "echo $$ > shell.pid; sleep 30 & echo $! > grandchild.pid; echo started; wait",
      cwd: dir,
      env: childEnv(),
      timeoutMs: 400,
      killGraceMs: 300,
      logger: recordingLogger(),
    });
    // A real timeout against a real process: the failure names the timeout as the cause, and the
    // pids below show the whole group was ended. The bound is only a sanity check far below the
    // command's own 30 s, not a measure of speed.
    const started = performance.now();
    const outcome = await deployer.deploy(target("1.0.0"));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(outcome.ok).toBe(false);
    expect(outcome.failure).toBe(
      "deploy-command did not finish within 400 ms: shipguard ended its whole process group",
    );
    expect(outcome.logTail).toEqual(["started"]);
    const pids = ["shell.pid", "grandchild.pid"].map((f) => Number(readFileSync(path.join(dir, f), "utf8")));
    ctx.onTestFinished(() => {
      for (const pid of pids) if (alive(pid)) process.kill(pid, "SIGKILL");
    });
    await until(() => pids.every((pid) => !alive(pid)), "the shell and its grandchild to be gone", {
      timeoutMs: 3_000,
    });
  });

  it("kills a grandchild that ignores SIGTERM, after the grace period", async (ctx) => {
    const dir = tempDir(ctx, "stubborn");
    const deployer = new CommandDeployer({
      command: "sh -c 'trap \"\" TERM; echo $$ > stubborn.pid; while true; do sleep 0.05; done' & wait",
      cwd: dir,
      env: childEnv(),
      timeoutMs: 300,
      killGraceMs: 200,
      logger: recordingLogger(),
    });
    const outcome = await deployer.deploy(target("1.0.0"));
    expect(outcome.ok).toBe(false);
    const pid = Number(readFileSync(path.join(dir, "stubborn.pid"), "utf8"));
    ctx.onTestFinished(() => {
      if (alive(pid)) process.kill(pid, "SIGKILL");
    });
    await until(() => !alive(pid), "the grandchild that ignores SIGTERM to be killed", { timeoutMs: 3_000 });
  });

  it("stops when the signal aborts", async (ctx) => {
    const dir = tempDir(ctx, "abort");
    const deployer = new CommandDeployer({
      command: "echo $$ > started.pid; exec sleep 30",
      cwd: dir,
      env: childEnv(),
      logger: recordingLogger(),
    });
    const controller = new AbortController();
    const outcome = deployer.deploy(target("1.0.0"), controller.signal);
    // Cancelled once the command runs (it says so through its pid file), not after some time.
    const pidFile = path.join(dir, "started.pid");
    await until(
      () => existsSync(pidFile) && readFileSync(pidFile, "utf8").endsWith("\n"),
      "the command to start",
    );
    controller.abort();
    expect((await outcome).failure).toBe("deploy-command was stopped: the deploy was cancelled");
    const pid = Number(readFileSync(pidFile, "utf8"));
    ctx.onTestFinished(() => {
      if (alive(pid)) process.kill(pid, "SIGKILL");
    });
    await until(() => !alive(pid), "the cancelled command to be gone", { timeoutMs: 3_000 });
  });

  it("runs the prepare-command in prepare() and the deploy-command in deploy(), with the same variables", async (ctx) => {
    const dir = tempDir(ctx, "prepare");
    const deployer = new CommandDeployer({
      command: 'echo "deploy $SHIPGUARD_VERSION after $SHIPGUARD_PREVIOUS_VERSION" >> steps.log',
      prepareCommand: 'echo "prepare $SHIPGUARD_VERSION" >> steps.log',
      cwd: dir,
      env: childEnv(),
      logger: recordingLogger(),
    });
    const t = target("1.1.0", { previousVersion: "1.0.0" });
    expect((await deployer.prepare(t)).ok).toBe(true);
    expect(readFileSync(path.join(dir, "steps.log"), "utf8")).toBe("prepare 1.1.0\n");
    expect((await deployer.deploy(t)).ok).toBe(true);
    expect(readFileSync(path.join(dir, "steps.log"), "utf8")).toBe(
      "prepare 1.1.0\ndeploy 1.1.0 after 1.0.0\n",
    );

    // Without a prepare-command, prepare() runs nothing.
    const plain = new CommandDeployer({
      command: "true",
      cwd: dir,
      env: childEnv(),
      logger: recordingLogger(),
    });
    expect(await plain.prepare(t)).toEqual({ ok: true, failure: null, logTail: [], runUrl: null });
  });

  it("reports a command that cannot start (missing working directory)", async (ctx) => {
    const deployer = new CommandDeployer({
      command: "true",
      cwd: path.join(tempDir(ctx, "missing"), "nope"),
      env: childEnv(),
      logger: recordingLogger(),
    });
    const outcome = await deployer.deploy(target("1.0.0"));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure).toMatch(/^deploy-command could not start: /);
  });
});

/* ------------------------------------------------------------------ symlink ---------- */

interface Site {
  root: string;
  builds: string;
  releases: string;
  current: string;
  /** Writes builds/<version> with the fixture app and its VERSION file. */
  build(version: string): void;
  /** Every path under root (sorted), with link targets: a picture of the disk. */
  snapshot(): string[];
}

function site(ctx: TestContext): Site {
  const root = tempDir(ctx, "site");
  const builds = path.join(root, "builds");
  const s: Site = {
    root,
    builds,
    releases: path.join(root, "releases"),
    current: path.join(root, "current"),
    build(version) {
      const dir = path.join(builds, version);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "server.mjs"), readFileSync(path.join(APP_DIR, "server.mjs")));
      writeFileSync(path.join(dir, "VERSION"), `${version}\n`);
    },
    snapshot() {
      const out: string[] = [];
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir).sort()) {
          const full = path.join(dir, name);
          const stat = lstatSync(full);
          const rel = path.relative(root, full);
          if (stat.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(full)}`);
          else if (stat.isDirectory()) {
            out.push(`${rel}/`);
            walk(full);
          } else out.push(rel);
        }
      };
      walk(root);
      return out;
    },
  };
  return s;
}

function symlinkDeployer(s: Site, options: Partial<ConstructorParameters<typeof SymlinkDeployer>[0]> = {}) {
  return new SymlinkDeployer({
    releaseSource: path.join(s.builds, "${SHIPGUARD_VERSION}"),
    releasesDir: s.releases,
    env: childEnv(),
    timeoutMs: 20_000,
    logger: recordingLogger(),
    ...options,
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function servedVersion(port: number): Promise<string | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/version`, { signal: AbortSignal.timeout(2_000) });
    return ((await response.json()) as { version: string }).version;
  } catch {
    return null;
  }
}

describe.concurrent("symlink strategy", () => {
  it("copies, prepares, switches and restarts a real app served from current", async (ctx) => {
    const s = site(ctx);
    for (const v of ["1.0.0", "1.1.0"]) s.build(v);
    const port = await freePort();
    const pidFile = path.join(s.root, "app.pid");
    ctx.onTestFinished(() => {
      if (!existsSync(pidFile)) return;
      const pid = Number(readFileSync(pidFile, "utf8"));
      if (pid > 0 && alive(pid)) process.kill(pid, "SIGKILL");
    });
    const logger = recordingLogger();
    const deployer = symlinkDeployer(s, {
      prepareCommand: 'test -f server.mjs && echo "prepared $SHIPGUARD_VERSION in $(pwd)" > PREPARED',
      restartCommand: 'sh "$APP_RESTART"',
      env: childEnv({
        NODE: process.execPath,
        APP_PORT: String(port),
        APP_PID_FILE: pidFile,
        APP_RESTART: path.join(APP_DIR, "restart.sh"),
      }),
      logger,
    });
    expect(deployer.currentLink).toBe(s.current);

    expect(await deployer.prepare(target("1.0.0"))).toMatchObject({ ok: true });
    expect(await deployer.deploy(target("1.0.0"))).toMatchObject({ ok: true, failure: null });
    expect(readlinkSync(s.current)).toBe(path.join("releases", "1.0.0"));
    await until(async () => (await servedVersion(port)) === "1.0.0", "the app to serve 1.0.0");
    const firstPid = Number(readFileSync(pidFile, "utf8"));

    // Preparing the next version leaves the running one alone.
    expect(await deployer.prepare(target("1.1.0", { previousVersion: "1.0.0" }))).toMatchObject({ ok: true });
    expect(readFileSync(path.join(s.releases, "1.1.0", "PREPARED"), "utf8")).toBe(
      `prepared 1.1.0 in ${path.join(s.releases, "1.1.0")}\n`,
    );
    expect(readlinkSync(s.current)).toBe(path.join("releases", "1.0.0"));
    expect(await servedVersion(port)).toBe("1.0.0");

    const outcome = await deployer.deploy(target("1.1.0", { previousVersion: "1.0.0" }));
    expect(outcome.ok).toBe(true);
    expect(outcome.logTail.at(-1)).toMatch(/^started \d+ from /);
    expect(readlinkSync(s.current)).toBe(path.join("releases", "1.1.0"));
    expect(await servedVersion(port)).toBe("1.1.0");
    expect(alive(firstPid)).toBe(false);
    expect(logger.lines).toContain(
      `info: ${s.current} -> ${path.join(s.releases, "1.1.0")} (was ${path.join(s.releases, "1.0.0")}).`,
    );
  });

  it("switches atomically: a reader in another thread never misses current", async (ctx) => {
    const s = site(ctx);
    for (const v of ["1.0.0", "1.1.0"]) s.build(v);
    const deployer = symlinkDeployer(s);
    for (const v of ["1.0.0", "1.1.0"]) expect((await deployer.prepare(target(v))).ok).toBe(true);
    expect((await deployer.deploy(target("1.0.0"))).ok).toBe(true);

    const stop = new Int32Array(new SharedArrayBuffer(4));
    const reader = new Worker(
      `
      const { readlinkSync, statSync } = require("node:fs");
      const { parentPort, workerData } = require("node:worker_threads");
      const { link, stop } = workerData;
      const result = { reads: 0, errors: {}, targets: {} };
      parentPort.postMessage("started");
      while (Atomics.load(stop, 0) === 0) {
        try {
          const target = readlinkSync(link);
          statSync(link);
          result.reads += 1;
          result.targets[target] = (result.targets[target] ?? 0) + 1;
        } catch (error) {
          result.errors[error.code] = (result.errors[error.code] ?? 0) + 1;
        }
      }
      parentPort.postMessage(result);
      `,
      { eval: true, workerData: { link: s.current, stop } },
    );
    ctx.onTestFinished(async () => {
      await reader.terminate();
    });
    let onStarted = (): void => undefined;
    const started = new Promise<void>((resolve, reject) => {
      onStarted = resolve;
      reader.once("error", reject);
    });
    const finished = new Promise<{
      reads: number;
      errors: Record<string, number>;
      targets: Record<string, number>;
    }>((resolve, reject) => {
      reader.on("message", (message: unknown) => {
        if (message === "started") onStarted();
        else resolve(message as never);
      });
      reader.on("error", reject);
    });
    await started;
    const switches = 40;
    for (let i = 0; i < switches; i++) {
      expect((await deployer.deploy(target(i % 2 === 0 ? "1.1.0" : "1.0.0"))).ok).toBe(true);
    }
    Atomics.store(stop, 0, 1);
    const result = await finished;
    expect(result.errors).toEqual({});
    expect(result.reads).toBeGreaterThan(300);
    expect(Object.keys(result.targets).sort()).toEqual([
      path.join("releases", "1.0.0"),
      path.join("releases", "1.1.0"),
    ]);
    // No temporary link is left behind.
    expect(readdirSync(s.root).sort()).toEqual(["builds", "current", "releases"]);
  });

  it("keeps the newest N by SemVer, plus what current points at and the protected versions", async (ctx) => {
    const s = site(ctx);
    const order = ["1.0.0", "1.2.0", "1.9.0", "1.10.0", "2.0.0-rc.1", "2.0.0"];
    for (const v of [...order, "2.1.0"]) s.build(v);
    mkdirSync(s.releases, { recursive: true });
    mkdirSync(path.join(s.releases, "notes"));
    writeFileSync(path.join(s.releases, "README"), "not a release\n");
    let protectedVersions = ["1.2.0"];
    const deployer = symlinkDeployer(s, { keepReleases: 3, protect: () => protectedVersions });
    for (const v of order) expect((await deployer.deploy(target(v))).ok).toBe(true);
    const releases = () => readdirSync(s.releases).sort();
    // 1.10.0 is newer than 1.9.0 (a string sort would say otherwise); 1.2.0 is protected.
    expect(releases()).toEqual([
      ".shipguard-releases.json",
      "1.10.0",
      "1.2.0",
      "2.0.0",
      "2.0.0-rc.1",
      "README",
      "notes",
    ]);

    // A rollback to 1.2.0, no longer protected: kept because current points at it.
    protectedVersions = [];
    expect((await deployer.deploy(target("1.2.0", { kind: "rollback" }))).ok).toBe(true);
    expect(releases()).toEqual([
      ".shipguard-releases.json",
      "1.10.0",
      "1.2.0",
      "2.0.0",
      "2.0.0-rc.1",
      "README",
      "notes",
    ]);

    // The next deploy lets it go: it is neither among the newest three, current nor protected.
    expect((await deployer.deploy(target("2.1.0"))).ok).toBe(true);
    expect(releases()).toEqual([
      ".shipguard-releases.json",
      "2.0.0",
      "2.0.0-rc.1",
      "2.1.0",
      "README",
      "notes",
    ]);
  });

  it("prunes only the releases it deployed itself: a folder it never deployed stays, said once", async (ctx) => {
    const s = site(ctx);
    for (const v of ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]) s.build(v);
    // Someone's own folders that look like releases: shipguard never deployed them.
    mkdirSync(path.join(s.releases, "0.9.0"), { recursive: true });
    writeFileSync(path.join(s.releases, "0.9.0", "data"), "mine\n");
    mkdirSync(path.join(s.releases, "0.1.0"));
    const logger = recordingLogger();
    const deployer = symlinkDeployer(s, { keepReleases: 3, logger });
    for (const v of ["1.0.0", "1.1.0", "1.2.0", "1.3.0"])
      expect((await deployer.deploy(target(v))).ok).toBe(true);
    const releases = readdirSync(s.releases)
      .filter((name) => !name.startsWith("."))
      .sort();
    expect(releases).toEqual(["0.1.0", "0.9.0", "1.1.0", "1.2.0", "1.3.0"]);
    expect(readFileSync(path.join(s.releases, "0.9.0", "data"), "utf8")).toBe("mine\n");
    const said = logger.lines.filter((line) => line.includes("shipguard did not deploy"));
    expect(said).toEqual([
      `info: Left 0.1.0, 0.9.0 in ${s.releases}: shipguard did not deploy them (they are not in ${path.join(s.releases, ".shipguard-releases.json")}), so it does not delete them.`,
    ]);
    // Another process (the next deploy) reads what this one deployed: 1.1.0 goes, by the list.
    s.build("1.4.0");
    expect((await symlinkDeployer(s, { keepReleases: 3 }).deploy(target("1.4.0"))).ok).toBe(true);
    expect(
      readdirSync(s.releases)
        .filter((name) => !name.startsWith("."))
        .sort(),
    ).toEqual(["0.1.0", "0.9.0", "1.2.0", "1.3.0", "1.4.0"]);
  });

  it("refuses a version that is not plain SemVer before touching the disk", async (ctx) => {
    const s = site(ctx);
    s.build("1.0.0");
    const deployer = symlinkDeployer(s, { restartCommand: "touch restarted" });
    const bad = ["../evil", "1.0.0/../../x", "..", "v1.0.0", "1.0.0;touch x", "1.0.0 ", "", "1.0.0-a..b"];
    const before = s.snapshot();
    for (const version of bad) {
      for (const step of ["prepare", "deploy"] as const) {
        const outcome = await deployer[step](target(version));
        expect(outcome.ok).toBe(false);
        expect(outcome.failure).toContain("is not a plain SemVer version");
      }
    }
    expect(s.snapshot()).toEqual(before);
    expect(existsSync(s.releases)).toBe(false);

    // Also with a release in place: nothing moves.
    expect((await deployer.deploy(target("1.0.0"))).ok).toBe(true);
    const deployed = s.snapshot();
    for (const version of bad) expect((await deployer.deploy(target(version))).ok).toBe(false);
    expect(s.snapshot()).toEqual(deployed);
    expect(["../evil", "1.0.0-rc.1+build.7", "1.2.3"].map(isReleaseVersion)).toEqual([false, true, true]);
  });

  it("reuses a complete release folder, clears an interrupted copy, and never names a half copy", async (ctx) => {
    const s = site(ctx);
    s.build("1.0.0");
    const logger = recordingLogger();
    const deployer = symlinkDeployer(s, { logger });
    mkdirSync(path.join(s.releases, ".1.0.0.partial-deadbeef"), { recursive: true });
    expect((await deployer.prepare(target("1.0.0"))).ok).toBe(true);
    expect(readdirSync(s.releases).sort()).toEqual([".shipguard-releases.json", "1.0.0"]);
    writeFileSync(path.join(s.releases, "1.0.0", "marker"), "kept");
    expect((await deployer.prepare(target("1.0.0"))).ok).toBe(true);
    expect(readFileSync(path.join(s.releases, "1.0.0", "marker"), "utf8")).toBe("kept");
    expect(logger.lines).toContain(
      `info: The release folder ${path.join(s.releases, "1.0.0")} exists already: reusing it.`,
    );

    // A copy that fails halfway (a FIFO cannot be copied) leaves neither the final name nor debris.
    s.build("2.0.0");
    execFileSync("mkfifo", [path.join(s.builds, "2.0.0", "zz-pipe")]);
    const failed = await deployer.prepare(target("2.0.0"));
    expect(failed.ok).toBe(false);
    expect(failed.failure).toContain("could not stage the release");
    expect(readdirSync(s.releases).sort()).toEqual([".shipguard-releases.json", "1.0.0"]);
  });

  it("refuses unknown variables and path-walking values in release-source, and a current that is a real folder", async (ctx) => {
    const s = site(ctx);
    s.build("1.0.0");
    const unknown = symlinkDeployer(s, { releaseSource: path.join(s.builds, "${HOME}") });
    expect((await unknown.prepare(target("1.0.0"))).failure).toContain("release-source uses ${HOME}");
    const walking = symlinkDeployer(s, { releaseSource: path.join(s.builds, "${SHIPGUARD_TAG}") });
    expect((await walking.prepare(target("1.0.0", { tag: "../../etc" }))).failure).toContain("refused");
    expect(existsSync(s.releases)).toBe(false);

    mkdirSync(s.current);
    writeFileSync(path.join(s.current, "index.html"), "hand-made");
    const outcome = await symlinkDeployer(s).deploy(target("1.0.0"));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure).toContain("is not a symbolic link");
    expect(readFileSync(path.join(s.current, "index.html"), "utf8")).toBe("hand-made");
  });

  it("reports a failing restart-command after the switch", async (ctx) => {
    const s = site(ctx);
    s.build("1.0.0");
    const outcome = await symlinkDeployer(s, { restartCommand: "echo cannot restart; exit 7" }).deploy(
      target("1.0.0"),
    );
    expect(outcome).toMatchObject({
      ok: false,
      failure: "switched to 1.0.0, but restart-command failed with exit code 7",
      logTail: ["cannot restart"],
    });
  });
});

/* ------------------------------------------------------------------ workflow --------- */

const DEPLOY_YML = `name: Deploy
run-name: "Deploy \${{ inputs.version }} to \${{ inputs.environment }} [\${{ inputs.correlation-id }}]"
on:
  workflow_dispatch:
    inputs:
      version: { required: true }
      tag: { required: false }
      sha: { required: true }
      environment: { required: true }
      correlation-id: { required: true }
      region: { required: false, type: choice, options: [eu, us] }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: echo deploying
`;

const TOKEN = "ghs_deployersTestToken0123456789abcdef";

async function workflowWorld(
  ctx: TestContext,
  options: Partial<EmulatorOptions> = {},
  clock: Pick<DispatcherOptions, "now" | "sleep"> = {},
) {
  const repo = makeGitFixture({ files: { ".github/workflows/deploy.yml": DEPLOY_YML } });
  const emulator = await startEmulator({
    gitDir: repo.dir,
    token: TOKEN,
    permissions: { actions: "write" },
    ...options,
  });
  ctx.onTestFinished(async () => {
    await emulator.close();
    repo.remove();
  });
  const logger = recordingLogger();
  const octokit = createClient({
    token: TOKEN,
    baseUrl: emulator.url,
    logger,
    retryBaseMs: 1,
    requestTimeoutMs: 3000,
  });
  const dispatcher = new GitHubDispatcher(octokit, { owner: "acme", repo: "app" }, logger, {
    findTimeoutMs: 2_000,
    findPollMs: 50,
    reconcileMs: 300,
    ...clock,
  });
  const deployer = (timeoutMs = 5_000) =>
    new WorkflowDeployer({
      dispatcher,
      workflow: "deploy.yml",
      ref: "main",
      inputs: { region: "eu" },
      timeoutMs,
      pollMs: 50,
      logger,
    });
  return { emulator, logger, deployer };
}

// Sequential: the client's throttling spaces writes a second apart across every client in a process.
describe("workflow strategy", () => {
  it("dispatches the deploy workflow with the target as inputs and succeeds with the run's URL", async (ctx) => {
    const { emulator, deployer, logger } = await workflowWorld(ctx, {
      workflows: { "deploy.yml": { queuedMs: 20, waitingMs: 250, runMs: 50 } },
    });
    const outcome = await deployer().deploy(target("1.4.0"));
    const run = emulator.state.runs[0];
    expect(outcome).toEqual({
      ok: true,
      failure: null,
      logTail: expect.arrayContaining(["waiting for an environment approval", "conclusion: success"]),
      runUrl: `https://github.com/acme/app/actions/runs/${run?.id}`,
    });
    expect(emulator.state.dispatches).toEqual([
      expect.objectContaining({
        workflow: "deploy.yml",
        ref: "main",
        returnRunDetails: true,
        inputs: {
          region: "eu",
          version: "1.4.0",
          tag: "v1.4.0",
          sha: "0123456789abcdef0123456789abcdef01234567",
          environment: "staging",
          "correlation-id": "sg-test-1.4.0",
        },
      }),
    ]);
    expect(logger.lines.some((l) => l.includes("waiting for an environment approval"))).toBe(true);
    expect(emulator.violations).toEqual([]);
  });

  it("fails when the run fails", async (ctx) => {
    const { emulator, deployer } = await workflowWorld(ctx, {
      workflows: { "deploy.yml": { conclusion: "failure" } },
    });
    const outcome = await deployer().deploy(target("1.4.1"));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure).toBe("the deploy.yml run failed");
    expect(outcome.runUrl).toBe(`https://github.com/acme/app/actions/runs/${emulator.state.runs[0]?.id}`);
    expect(emulator.violations).toEqual([]);
  });

  it("fails when the run does not complete in time", async (ctx) => {
    const { emulator, deployer } = await workflowWorld(ctx, {
      workflows: { "deploy.yml": { runMs: Number.POSITIVE_INFINITY } },
    });
    const outcome = await deployer(400).deploy(target("1.4.2"));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure).toBe(
      "the deploy.yml run did not complete within 400 ms: counted as a failed deploy (the run may still go on)",
    );
    expect(outcome.logTail.at(-1)).toBe("conclusion: timed_out_waiting");
    expect(emulator.violations).toEqual([]);
  });

  it("stops waiting when the deploy is cancelled, and cancels the run it dispatched", async (ctx) => {
    const controller = new AbortController();
    // The deploy is cancelled during the wait's first pause, in virtual time.
    const clock = virtualTime((pause) => {
      if (pause === 1) controller.abort();
    });
    const { emulator, deployer } = await workflowWorld(
      ctx,
      { workflows: { "deploy.yml": { runMs: Number.POSITIVE_INFINITY } } },
      clock,
    );
    const outcome = await deployer(20_000).deploy(target("1.4.4"), controller.signal);
    // Stopped at the cancel: no later poll, and none of the 20 s timeout spent.
    expect(clock.pauses).toHaveLength(1);
    expect(clock.elapsed()).toBe(0);
    expect(outcome).toMatchObject({
      ok: false,
      // As a command's process group is ended, the dispatched run is cancelled too.
      failure: "the deploy was cancelled: its deploy.yml run was cancelled too",
      runUrl: `https://github.com/acme/app/actions/runs/${emulator.state.runs[0]?.id}`,
    });
    expect(emulator.state.runView(emulator.state.runs[0] as never)).toMatchObject({
      status: "completed",
      conclusion: "cancelled",
    });
    expect(emulator.violations).toEqual([]);
  });

  it("fails a run that was skipped: nothing was deployed", async (ctx) => {
    const { emulator, deployer } = await workflowWorld(ctx, {
      workflows: { "deploy.yml": { conclusion: "skipped" } },
    });
    const outcome = await deployer().deploy(target("1.4.3"));
    expect(outcome).toMatchObject({ ok: false, failure: expect.stringContaining("nothing was deployed") });
    expect(emulator.violations).toEqual([]);
  });

  it("a run that completed before the cancel is said to have completed", async (ctx) => {
    const { emulator, deployer } = await workflowWorld(ctx, {
      workflows: { "deploy.yml": { runMs: 60_000 } },
    });
    const cancel = new AbortController();
    const deploying = deployer(120_000).deploy(target("1.4.5"), cancel.signal);
    await until(() => emulator.state.runs.length === 1, "the run to be dispatched");
    const run = emulator.state.runs[0];
    if (run === undefined) throw new Error("no run");
    emulator.state.setRunStatus(run.id, "completed", "success");
    cancel.abort();
    expect((await deploying).failure).toBe(
      "the deploy was cancelled: its deploy.yml run had already completed",
    );
  });

  it("refuses extra inputs that reuse shipguard's names", () => {
    const make = () =>
      new WorkflowDeployer({
        dispatcher: {
          dispatch: () => Promise.reject(new Error("unused")),
          wait: () => Promise.reject(new Error("unused")),
          activeRuns: () => Promise.reject(new Error("unused")),
          cancel: () => Promise.reject(new Error("unused")),
        },
        workflow: "deploy.yml",
        ref: "main",
        inputs: { version: "9.9.9" },
        logger: recordingLogger(),
      });
    expect(make).toThrow(/reuse names shipguard sends itself: version/);
    expect(make).toThrow(
      expect.objectContaining({ code: "SG_WORKFLOW_INPUTS_RESERVED", input: "workflow-inputs" }),
    );
  });

  it("maps every conclusion: only success is ok", () => {
    const all: (RunConclusion | "timed_out_waiting")[] = [
      "success",
      "failure",
      "cancelled",
      "skipped",
      "timed_out",
      "action_required",
      "neutral",
      "stale",
      "startup_failure",
      "timed_out_waiting",
    ];
    const failures = all.map((c) => describeConclusion(c, "deploy.yml", 60_000));
    expect(failures[0]).toBeNull();
    for (const failure of failures.slice(1)) expect(failure).toMatch(/^the deploy\.yml run /);
    expect(new Set(failures).size).toBe(all.length);
    expect(
      describeConclusion("timed_out_waiting", "deploy.yml", 60_000, [
        "queued",
        "waiting for an environment approval",
      ]),
    ).toBe(
      "the deploy.yml run did not complete within 60 s, still waiting for an environment approval: counted as a failed deploy (the run may still go on)",
    );
  });
});

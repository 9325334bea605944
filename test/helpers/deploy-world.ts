/**
 * The world of the deploy/smoke/rollback end-to-end tests: GitHub's copy of a repository (served by
 * the emulator, with rollback.yml and deploy-app.yml committed), runner checkouts cloned from it,
 * a real HTTP app on loopback that the deploy command starts in the background, and `node
 * dist/index.js` runs with the inputs a workflow would pass. Everything is torn down with the
 * test: emulator, folders, and every app process (by its pid file).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestContext } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../emulator/index.ts";
import { TestRepo } from "./git-repo.ts";
import { type ActionRun, startAction } from "./run-action.ts";
import { alive, until } from "./wait.ts";

export const TOKEN = "ghs_e2eDeployTokenThatMustNeverLeak012345";
export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/apps");
export const COMMAND_APP = path.join(FIXTURES, "command-app");
export const DEPLOY_SCRIPT = path.join(COMMAND_APP, "deploy.sh");
/** The deploy-command of the command strategy: a script of the tests, never a value pasted in. */
export const DEPLOY_COMMAND = 'sh "$DEPLOY_SCRIPT"';

/** A caller's rollback workflow: the inputs shipguard dispatches, the correlation id in run-name. */
export const ROLLBACK_YML = `name: Rollback
run-name: "Rollback \${{ inputs.environment }} to \${{ inputs.to-version || 'the last good version' }} [\${{ inputs.correlation-id }}]"
on:
  workflow_dispatch:
    inputs:
      environment:
        description: The environment to roll back
        required: true
        type: string
      to-version:
        description: "The version to go back to (default: the last known good one)"
        required: false
        type: string
      from-version:
        description: The version being rolled back from
        required: false
        type: string
      reason:
        description: Why
        required: true
        type: string
      correlation-id:
        description: The id of this attempt
        required: false
        type: string
permissions: {}
concurrency:
  group: deploy-\${{ inputs.environment }}
  cancel-in-progress: false
jobs:
  rollback:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      deployments: write
      actions: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
          persist-credentials: false
      - uses: acme/shipguard@v1
        with:
          command: rollback
          environment: \${{ inputs.environment }}
          to-version: \${{ inputs.to-version }}
          from-version: \${{ inputs.from-version }}
          reason: \${{ inputs.reason }}
          correlation-id: \${{ inputs.correlation-id }}
          deploy-command: ./deploy.sh
`;

/** The deploy workflow of the `workflow` strategy: the inputs shipguard sends. */
export const DEPLOY_APP_YML = `name: Deploy app
run-name: "Deploy \${{ inputs.version }} to \${{ inputs.environment }} [\${{ inputs.correlation-id }}]"
on:
  workflow_dispatch:
    inputs:
      version: { required: true, type: string }
      tag: { required: false, type: string }
      sha: { required: true, type: string }
      environment: { required: true, type: string }
      correlation-id: { required: true, type: string }
permissions: {}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh
        env:
          VERSION: \${{ inputs.version }}
`;

/** app/ of the test repository: the fixture server and its config (a broken release flips it). */
export function appFiles(healthy: boolean): Record<string, string> {
  return {
    "app/server.mjs": readFileSync(path.join(COMMAND_APP, "server.mjs"), "utf8"),
    "app/config.json": `${JSON.stringify({ healthy })}\n`,
  };
}

/** Smoke checks against the app: its health, and /version must report the deployed version. A
 * pass ends them at once; a failure waits for the deadline, so tests expecting one pass a short one. */
export function appChecks(port: number, options: { deadlineMs?: number } = {}): string {
  return `settings: { deadline-ms: ${options.deadlineMs ?? 10_000}, retry-interval-ms: 100, consecutive-passes: 1 }
checks:
  - name: health
    http: http://127.0.0.1:${port}/health
    status: 200
    body-contains: ok
    timeout-ms: 1000
  - name: version
    http: http://127.0.0.1:${port}/version
    json: { version: "\${SHIPGUARD_VERSION}" }
    timeout-ms: 1000
`;
}

export function commitFiles(repo: TestRepo, message: string, files: Record<string, string>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo.dir, name)), { recursive: true });
    writeFileSync(path.join(repo.dir, name), content);
    repo.git("add", "--", name);
  }
  repo.git("commit", "-q", "--allow-empty", "-m", message);
  return repo.head();
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Ends a process and waits until it has let go of everything (gone or a zombie). */
export async function stopProcess(pid: number): Promise<void> {
  if (!alive(pid)) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  // Not our child, so no exit event: its death is polled, bounded, and SIGKILL follows a refusal.
  try {
    await until(() => !alive(pid), `process ${pid} to exit after SIGTERM`, { timeoutMs: 3_000 });
  } catch {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      return;
    }
    await until(() => !alive(pid), `process ${pid} to exit after SIGKILL`);
  }
}

export async function servedVersion(port: number): Promise<string | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/version`, { signal: AbortSignal.timeout(2_000) });
    return ((await response.json()) as { version: string }).version;
  } catch {
    return null;
  }
}

export function tempDir(ctx: TestContext, prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `shipguard-${prefix}-`));
  ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface RunOptions {
  node?: string;
  /** The checkout to run in (default: a fresh clone of origin). */
  checkout?: TestRepo;
  env?: Record<string, string>;
  /** Leave the event without repository.default_branch (shipguard then asks the API). */
  bareEvent?: boolean;
}

export interface DeployWorld {
  origin: TestRepo;
  emulator: Emulator;
  port: number;
  /** The app's state folder: releases, app.pid, app.log. */
  appHome: string;
  checks: string;
  checkout(): TestRepo;
  /** Runs `node dist/index.js` with these inputs (token and repository added) as the runner does. */
  run(inputs: Record<string, string>, options?: RunOptions): Promise<ActionRun & { runId: number }>;
  /** As run(), returning at once with the process, to signal it as the runner cancels a step. */
  start(
    inputs: Record<string, string>,
    options?: RunOptions,
  ): { child: ChildProcess; done: Promise<ActionRun & { runId: number }> };
  /** command: deploy of `version` with the command strategy and the app's checks. */
  deploy(
    version: string,
    inputs?: Record<string, string>,
    options?: RunOptions,
  ): Promise<ActionRun & { runId: number }>;
  /** command: rollback with these inputs and the same strategy and checks as deploy. */
  rollback(inputs: Record<string, string>, options?: RunOptions): Promise<ActionRun & { runId: number }>;
  served(): Promise<string | null>;
  /** Tags `tag` on a new commit of origin with app/ healthy or not (and extra files). */
  ship(tag: string, healthy: boolean, extra?: Record<string, string>): string;
}

let runIds = 7_000_000_000 + Math.floor(Math.random() * 1_000_000) * 100;

export async function deployWorld(
  ctx: TestContext,
  options: Partial<EmulatorOptions> = {},
): Promise<DeployWorld> {
  const teardown: (() => Promise<void> | void)[] = [];
  ctx.onTestFinished(async () => {
    for (const f of teardown.reverse()) await f();
  });
  const origin = new TestRepo();
  teardown.push(() => origin.remove());
  commitFiles(origin, "chore: initial commit", {
    ".github/workflows/rollback.yml": ROLLBACK_YML,
    ".github/workflows/deploy-app.yml": DEPLOY_APP_YML,
    ...appFiles(true),
  });
  const appHome = mkdtempSync(path.join(os.tmpdir(), "shipguard-app-"));
  teardown.push(() => rmSync(appHome, { recursive: true, force: true }));
  // The app the deploy commands start outlives their runs: stop it by its pid file.
  teardown.push(async () => {
    const pidFile = path.join(appHome, "app.pid");
    if (existsSync(pidFile)) await stopProcess(Number(readFileSync(pidFile, "utf8")));
  });
  const emulator = await startEmulator({
    gitDir: origin.dir,
    owner: "acme",
    repo: "app",
    token: TOKEN,
    permissions: { contents: "write", deployments: "write", actions: "write" },
    ...options,
  });
  teardown.push(() => emulator.close());
  // Runs first: every emulator test ends with no request or answer outside GitHub's contract.
  teardown.push(() => {
    if (emulator.violations.length > 0) {
      throw new Error(`emulator contract violations: ${JSON.stringify(emulator.violations, null, 2)}`);
    }
  });
  const port = await freePort();
  const checks = appChecks(port);

  const checkout = (): TestRepo => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-checkout-"));
    teardown.push(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync("git", ["clone", "-q", `file://${origin.dir}`, dir]);
    return new TestRepo(dir);
  };

  const start: DeployWorld["start"] = (inputs, runOptions = {}) => {
    const runId = runIds++;
    const workspace = runOptions.checkout ?? checkout();
    const started = startAction({
      node: runOptions.node,
      workspace: workspace.dir,
      inputs: { token: TOKEN, repository: "acme/app", ...inputs },
      env: {
        GITHUB_API_URL: emulator.url,
        GITHUB_REPOSITORY: "acme/app",
        GITHUB_RUN_ID: String(runId),
        GITHUB_RUN_ATTEMPT: "1",
        GITHUB_ACTOR: "maintainer",
        GITHUB_SHA: workspace.head(),
        GITHUB_REF_TYPE: "branch",
        GITHUB_REF_NAME: "main",
        NODE: runOptions.node ?? process.execPath,
        APP_PORT: String(port),
        APP_HOME: appHome,
        DEPLOY_SCRIPT,
        ...runOptions.env,
      },
      event: runOptions.bareEvent ? {} : { repository: { default_branch: "main", full_name: "acme/app" } },
    });
    teardown.push(() => {
      if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill("SIGKILL");
    });
    return { child: started.child, done: started.done.then((result) => ({ ...result, runId })) };
  };
  const run: DeployWorld["run"] = (inputs, runOptions = {}) => start(inputs, runOptions).done;

  return {
    origin,
    emulator,
    port,
    appHome,
    checks,
    checkout,
    run,
    start,
    deploy: (version, inputs = {}, runOptions = {}) =>
      run(
        {
          command: "deploy",
          environment: "production",
          version,
          strategy: "command",
          "deploy-command": DEPLOY_COMMAND,
          checks,
          "environment-url": "https://app.example.com",
          ...inputs,
        },
        runOptions,
      ),
    rollback: (inputs, runOptions = {}) =>
      run(
        {
          command: "rollback",
          strategy: "command",
          "deploy-command": DEPLOY_COMMAND,
          checks,
          "environment-url": "https://app.example.com",
          ...inputs,
        },
        runOptions,
      ),
    served: () => servedVersion(port),
    ship(tag, healthy, extra = {}) {
      const sha = commitFiles(origin, healthy ? `fix: ship ${tag}` : `feat: ship ${tag} (broken)`, {
        ...appFiles(healthy),
        ...extra,
      });
      origin.tag(tag);
      return sha;
    },
  };
}

/** A child process the test itself starts (and so reaps); stopped with the test. */
export function spawnApp(
  ctx: TestContext,
  env: Record<string, string>,
  script = path.join(COMMAND_APP, "server.mjs"),
): ChildProcess {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
    stdio: "ignore",
  });
  ctx.onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });
  return child;
}

/** A deployment's payload in the emulator, as shipguard wrote it. */
export function payloadOf(deployment: { payload: unknown } | undefined): Record<string, unknown> {
  const payload = deployment?.payload;
  if (payload === null || typeof payload !== "object") throw new Error("no payload");
  return payload as Record<string, unknown>;
}

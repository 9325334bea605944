/**
 * The CLI's deploy loop on a laptop: `node dist/cli.js deploy / smoke / rollback` with the local
 * ledger (.shipguard/deployments.jsonl) and the symlink strategy on real folders: a releases
 * folder, an atomic `current` link, and a real HTTP app restarted from `current` by the restart
 * command. A failed deploy rolls back in the same process.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os, { hostname } from "node:os";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { environmentLockPath } from "../../src/adapters/environment-lock.ts";
import { FIXTURES, freePort, servedVersion, stopProcess, tempDir } from "../helpers/deploy-world.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { collected, nodeBinaries, ROOT } from "../helpers/run-action.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";

const VERSION_APP = path.join(FIXTURES, "version-app");

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface Site {
  repo: TestRepo;
  root: string;
  port: number;
  ledger: string;
  /** builds/<version> with the version app, reporting `reports` (a build mistake when it differs). */
  build(version: string, reports?: string): void;
  cli(args: string[], node?: string, extraEnv?: Record<string, string>): Promise<CliRun>;
  /** The CLI's stdout and stderr into `head -1`, which closes the pipe after one line. */
  piped(args: string[]): Promise<{ code: number; first: string }>;
  deployArgs(version: string, environment?: string): string[];
  current(): string;
  ledgerLines(): Record<string, unknown>[];
}

async function site(ctx: TestContext): Promise<Site> {
  const root = tempDir(ctx, "site");
  const repo = new TestRepo();
  ctx.onTestFinished(() => repo.remove());
  const appPort = await freePort();
  const pidFile = path.join(root, "app.pid");
  ctx.onTestFinished(async () => {
    if (existsSync(pidFile)) await stopProcess(Number(readFileSync(pidFile, "utf8")));
  });
  const checksFile = path.join(root, "checks.yml");
  writeFileSync(
    checksFile,
    `settings: { deadline-ms: 2500, retry-interval-ms: 100 }
checks:
  - name: health
    http: http://127.0.0.1:${appPort}/health
    body-contains: ok
  - name: version
    http: http://127.0.0.1:${appPort}/version
    json: { version: "\${SHIPGUARD_VERSION}" }
`,
  );
  const env = (node: string): Record<string, string> => ({
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: root,
    USER: "dev",
    NODE: node,
    APP_PORT: String(appPort),
    APP_PID_FILE: pidFile,
    APP_RESTART: path.join(VERSION_APP, "restart.sh"),
  });
  const s: Site = {
    repo,
    root,
    port: appPort,
    ledger: path.join(repo.dir, ".shipguard", "deployments.jsonl"),
    build(version, reports = version) {
      const dir = path.join(root, "builds", version);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "server.mjs"), readFileSync(path.join(VERSION_APP, "server.mjs")));
      writeFileSync(path.join(dir, "VERSION"), `${reports}\n`);
    },
    cli(args, node = process.execPath, extraEnv = {}) {
      return collected(
        spawn(node, [path.join(ROOT, "dist/cli.js"), ...args], {
          cwd: repo.dir,
          env: { ...env(node), ...extraEnv },
          stdio: ["ignore", "pipe", "pipe"],
        }),
      );
    },
    async piped(args) {
      const script = '"$NODE" "$CLI" "$@" 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}" >&2';
      const run = await collected(
        spawn("bash", ["-c", script, "bash", ...args], {
          cwd: repo.dir,
          env: { ...env(process.execPath), CLI: path.join(ROOT, "dist/cli.js") },
          stdio: ["ignore", "pipe", "pipe"],
        }),
      );
      return { code: Number(/exit (\d+)/.exec(run.stderr)?.[1] ?? -1), first: run.stdout };
    },
    deployArgs(version, environment = "staging") {
      return [
        "deploy",
        "--environment",
        environment,
        "--version",
        version,
        "--strategy",
        "symlink",
        "--release-source",
        path.join(root, "builds", "${SHIPGUARD_VERSION}"),
        "--releases-dir",
        path.join(root, "releases"),
        "--restart-command",
        'sh "$APP_RESTART"',
        "--checks-file",
        checksFile,
        "--json",
      ];
    },
    current: () => readlinkSync(path.join(root, "current")),
    ledgerLines: () =>
      readFileSync(s.ledger, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
  return s;
}

async function ready(ctx: TestContext): Promise<Site> {
  const s = await site(ctx);
  s.repo.commit("feat: first");
  s.repo.tag("v1.0.0");
  s.repo.commit("feat: second");
  s.repo.tag("v1.1.0");
  s.repo.commit("fix: third");
  s.repo.tag("v1.2.0");
  s.build("1.0.0");
  // The 1.1.0 build is wrong: it still reports 1.0.0, so its version check fails.
  s.build("1.1.0", "1.0.0");
  s.build("1.2.0");
  return s;
}

describe.concurrent.each(nodeBinaries())("the loop on a laptop on $name", ({ path: node }) => {
  it("deploys with the symlink strategy, rolls a failed deploy back in process, and records it all in the ledger", async (ctx) => {
    const s = await ready(ctx);

    const first = await s.cli(s.deployArgs("1.0.0"), node);
    expect(first.stderr).not.toContain("shipguard:");
    expect(first.code).toBe(0);
    const firstJson = JSON.parse(first.stdout);
    expect(firstJson).toMatchObject({
      status: "success",
      version: "1.0.0",
      tag: "v1.0.0",
      firstDeploy: true,
      previousGoodVersion: null,
    });
    expect(s.current()).toBe(path.join("releases", "1.0.0"));
    expect(await servedVersion(s.port)).toBe("1.0.0");
    const pid1 = Number(readFileSync(path.join(s.root, "app.pid"), "utf8"));

    // 1.1.0 fails its version check: rolled back to 1.0.0 in this process, no GitHub anywhere.
    const before = readFileSync(s.ledger, "utf8");
    const broken = await s.cli(s.deployArgs("1.1.0"), node);
    expect(broken.code).toBe(1);
    const brokenJson = JSON.parse(broken.stdout);
    expect(brokenJson).toMatchObject({
      status: "failure",
      previousGoodVersion: "1.0.0",
      rollback: { toVersion: "1.0.0", status: "success", url: null },
    });
    expect(broken.stderr).toContain(
      "shipguard: Deployment of v1.1.0 failed its checks; rollback to v1.0.0 done.",
    );
    expect(broken.stderr).toContain("Rolling staging back to 1.0.0 in this process.");
    expect(s.current()).toBe(path.join("releases", "1.0.0"));
    expect(await servedVersion(s.port)).toBe("1.0.0");
    // The app was restarted from current twice since (1.1.0, then 1.0.0 again): a new process.
    expect(Number(readFileSync(path.join(s.root, "app.pid"), "utf8"))).not.toBe(pid1);

    // The ledger only grew, one line per event.
    const after = readFileSync(s.ledger, "utf8");
    expect(after.startsWith(before)).toBe(true);
    const lines = s.ledgerLines();
    const deployments = lines.filter((l) => l.type === "deployment");
    expect(deployments.map((d) => [d.task, (d.payload as { version: string }).version])).toEqual([
      ["deploy", "1.0.0"],
      ["deploy", "1.1.0"],
      ["deploy:rollback", "1.0.0"],
    ]);
    const states = (id: unknown) =>
      lines.filter((l) => l.type === "status" && l.id === id).map((l) => l.state);
    expect(states(deployments[0]?.id)).toEqual(["in_progress", "success"]);
    expect(states(deployments[1]?.id)).toEqual(["in_progress", "failure"]);
    expect(states(deployments[2]?.id)).toEqual(["in_progress", "success"]);
    expect(deployments[2]?.payload).toMatchObject({
      kind: "rollback",
      rolledBackFrom: { id: deployments[1]?.id, version: "1.1.0" },
      reason: "v1.1.0: smoke checks failed: version (json)",
    });

    // smoke on its own: pass for what runs, fail for a version that does not.
    const smokeArgs = ["smoke", "--checks-file", path.join(s.root, "checks.yml"), "--version"];
    const pass = await s.cli([...smokeArgs, "1.0.0"], node);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/^pass\s+health/m);
    expect(pass.stdout).toContain("verdict: pass");
    const fail = await s.cli([...smokeArgs, "1.2.0"], node);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain("verdict: fail");
    expect(fail.stderr).toMatch(/shipguard: Smoke checks failed: version \(json: /);

    // 1.2.0 deploys fine; a maintainer's manual rollback goes back to the last verified version.
    const third = await s.cli(s.deployArgs("1.2.0"), node);
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout)).toMatchObject({ status: "success", previousGoodVersion: "1.0.0" });
    expect(await servedVersion(s.port)).toBe("1.2.0");
    const manual = await s.cli(
      [
        "rollback",
        "--environment",
        "staging",
        "--reason",
        "latency regression",
        "--strategy",
        "symlink",
        "--release-source",
        path.join(s.root, "builds", "${SHIPGUARD_VERSION}"),
        "--releases-dir",
        path.join(s.root, "releases"),
        "--restart-command",
        'sh "$APP_RESTART"',
        "--checks-file",
        path.join(s.root, "checks.yml"),
      ],
      node,
    );
    expect(manual.stderr).not.toContain("shipguard:");
    expect(manual.code).toBe(0);
    expect(manual.stdout).toContain("Rolled staging back from 1.2.0 to v1.0.0; its checks pass.");
    expect(manual.stdout).toContain("reason: latency regression");
    expect(s.current()).toBe(path.join("releases", "1.0.0"));
    expect(await servedVersion(s.port)).toBe("1.0.0");
    expect(readdirSync(path.join(s.root, "releases")).sort()).toEqual([
      ".shipguard-releases.json",
      "1.0.0",
      "1.1.0",
      "1.2.0",
    ]);

    // A second manual rollback has nothing verified left to go back to (1.0.0 runs).
    const nothing = await s.cli(
      ["rollback", "--environment", "staging", "--reason", "again", "--deploy-command", "true"],
      node,
    );
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain(
      "shipguard: SG_NOTHING_TO_ROLL_BACK_TO: staging has no earlier deployment that passed its checks and was not rolled back from since: there is nothing older to roll back to.",
    );
  }, 60_000);
});

describe.concurrent("a rollback rolls back, never forward (issue 11)", () => {
  it("after an automatic rollback to 2.0.0 and a manual one to 1.0.0, a second manual rollback does not bring 2.0.0 back", async (ctx) => {
    const s = await site(ctx);
    for (const version of ["1.0.0", "2.0.0", "2.0.1"]) {
      s.repo.commit(`fix: ${version}`);
      s.repo.tag(`v${version}`);
    }
    s.build("1.0.0");
    s.build("2.0.0");
    // The 2.0.1 build still reports 2.0.0: its version check fails.
    s.build("2.0.1", "2.0.0");
    expect((await s.cli(s.deployArgs("1.0.0"))).code).toBe(0);
    expect((await s.cli(s.deployArgs("2.0.0"))).code).toBe(0);
    const broken = await s.cli(s.deployArgs("2.0.1"));
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ rollback: { toVersion: "2.0.0", status: "success" } });
    expect(s.current()).toBe(path.join("releases", "2.0.0"));

    const manual = await s.cli(rollbackArgs(s, ["--reason", "2.0.0 corrupts carts"]));
    expect(manual.code, manual.stderr).toBe(0);
    expect(JSON.parse(manual.stdout)).toMatchObject({
      status: "success",
      rolledBackFrom: { version: "2.0.0" },
      rolledBackTo: { version: "1.0.0" },
    });
    expect(s.current()).toBe(path.join("releases", "1.0.0"));
    expect(await servedVersion(s.port)).toBe("1.0.0");

    // 2.0.0 was rolled back from: no target by name either, and the refusal says why.
    const named = await expectBlocked(
      s,
      await s.cli(rollbackArgs(s, ["--reason", "try 2.0.0", "--to-version", "2.0.0"])),
      "SG_TARGET_NOT_VERIFIED",
      snapshot(s),
    );
    expect(named.message).toBe(
      "2.0.0 was rolled back from in staging and has not passed its checks there since: shipguard will not roll back to it.",
    );

    // Nothing older than 1.0.0: refused, and 1.0.0 keeps running.
    const again = await expectBlocked(
      s,
      await s.cli(rollbackArgs(s, ["--reason", "still broken"])),
      "SG_NOTHING_TO_ROLL_BACK_TO",
      snapshot(s),
    );
    expect(again.message).toBe(
      "staging has no earlier deployment that passed its checks and was not rolled back from since: there is nothing older to roll back to.",
    );
    expect(await servedVersion(s.port)).toBe("1.0.0");
  }, 60_000);
});

describe.concurrent("local ledger guards", () => {
  it("a rollback without a reason, or with a to-version that is no version, is refused for that input", async (ctx) => {
    const s = await ready(ctx);
    expect((await s.cli(s.deployArgs("1.0.0"))).code).toBe(0);
    const before = snapshot(s);
    const noReason = await s.cli(rollbackArgs(s, []));
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain(
      'shipguard: SG_INPUT_INVALID: Invalid reason: "". A rollback needs a reason',
    );
    expect(noReason.stderr).toContain('Fix: Say why you roll back: `--reason "');
    const notVersion = await s.cli(rollbackArgs(s, ["--reason", "bad", "--to-version", "not-a-version"]));
    expect(notVersion.code).toBe(1);
    expect(notVersion.stderr).toContain(
      'shipguard: SG_INPUT_INVALID: Invalid to-version: "not-a-version". Expected a SemVer version',
    );
    expect(notVersion.stderr).not.toContain("never passed its checks");
    expect(s.ledgerLines()).toHaveLength(before.lines);
    expect(s.current()).toBe(before.current);
  });

  it("a first deploy that fails says there was nothing to roll back to, and rolls nothing back", async (ctx) => {
    const s = await ready(ctx);
    const run = await s.cli(s.deployArgs("1.1.0"));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: "failure", firstDeploy: true, rollback: null });
    expect(run.stderr).toContain(
      "shipguard: Deployment of v1.1.0 failed its checks. Nothing to roll back to: staging has no earlier deployment that passed its checks (first deploy).",
    );
    expect(s.ledgerLines().filter((l) => l.type === "deployment")).toHaveLength(1);
  });

  it("a deploy refuses a version that is not SemVer (it cannot name a folder either), before touching anything", async (ctx) => {
    const s = await ready(ctx);
    s.repo.tag("v1.3.0-$(id)");
    const run = await s.cli(s.deployArgs("1.3.0-$(id)"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'SG_INPUT_INVALID: Invalid version: "1.3.0-$(id)". Expected a SemVer version',
    );
    expect(existsSync(path.join(s.root, "releases"))).toBe(false);
    expect(existsSync(path.join(s.root, "current"))).toBe(false);
  });
});

/** `rollback` with the site's strategy and checks (inline, so a test can make them fail). */
function rollbackArgs(s: Site, extra: string[], checks?: string): string[] {
  const args = s.deployArgs("unused").filter((_, i, all) => all[i - 1] !== "--version" && _ !== "--version");
  const withoutChecks = args
    .slice(1)
    .filter((a, i, all) => a !== "--checks-file" && all[i - 1] !== "--checks-file");
  return ["rollback", ...withoutChecks, ...(checks === undefined ? [] : ["--checks", checks]), ...extra];
}

/**
 * A refusal on the CLI is a result too: one --json object with `status: blocked` and the code,
 * a non-zero exit, the code and the fix on stderr, and nothing deployed or recorded.
 */
async function expectBlocked(s: Site, run: CliRun, code: string, before: { lines: number; current: string }) {
  expect(run.code, run.stderr).toBe(1);
  const json = JSON.parse(run.stdout);
  expect(json).toMatchObject({ status: "blocked", deploymentId: null, blocked: { code } });
  expect(json.blocked.remedy).not.toBe("");
  expect(run.stderr).toContain(`shipguard: ${code}: ${json.message}`);
  expect(run.stderr).toContain(`Fix: ${json.blocked.remedy}`);
  expect(s.ledgerLines()).toHaveLength(before.lines);
  expect(s.current()).toBe(before.current);
  return json;
}

const snapshot = (s: Site) => ({ lines: s.ledgerLines().length, current: s.current() });

describe.concurrent("refusals are results on the CLI (--json)", () => {
  it("a rollback of a failed rollback is blocked", async (ctx) => {
    const s = await ready(ctx);
    expect((await s.cli(s.deployArgs("1.0.0"))).code).toBe(0);
    expect((await s.cli(s.deployArgs("1.2.0"))).code).toBe(0);
    const failing = `settings: { deadline-ms: 500, retry-interval-ms: 100 }
checks:
  - name: database
    command: exit 1
`;
    const failed = await s.cli(rollbackArgs(s, ["--reason", "bad 1.2.0"], failing));
    expect(JSON.parse(failed.stdout)).toMatchObject({
      status: "failure",
      rolledBackTo: { version: "1.0.0" },
    });
    const json = await expectBlocked(
      s,
      await s.cli(rollbackArgs(s, ["--reason", "once more"])),
      "SG_ROLLBACK_OF_ROLLBACK",
      snapshot(s),
    );
    expect(json.rolledBackFrom).toMatchObject({ version: "1.0.0" });
  }, 60_000);

  it("a rollback across a migration is blocked, naming the files", async (ctx) => {
    const s = await site(ctx);
    s.repo.commit("feat: first");
    s.repo.tag("v1.0.0");
    mkdirSync(path.join(s.repo.dir, "migrations"));
    writeFileSync(path.join(s.repo.dir, "migrations", "001_users.sql"), "CREATE TABLE users (id int);\n");
    s.repo.git("add", "migrations");
    s.repo.commit("feat: users table");
    s.repo.tag("v1.1.0");
    s.build("1.0.0");
    s.build("1.1.0");
    expect((await s.cli(s.deployArgs("1.0.0"))).code).toBe(0);
    expect((await s.cli(s.deployArgs("1.1.0"))).code).toBe(0);
    const json = await expectBlocked(
      s,
      await s.cli(rollbackArgs(s, ["--reason", "slow pages"])),
      "SG_MIGRATIONS_BETWEEN",
      snapshot(s),
    );
    expect(json.migrations).toMatchObject({
      checked: true,
      files: ["migrations/001_users.sql"],
      allowed: false,
    });
    expect(json.message).toContain("  - migrations/001_users.sql");
  }, 60_000);

  it("a to-version never verified in the environment is blocked", async (ctx) => {
    const s = await ready(ctx);
    expect((await s.cli(s.deployArgs("1.0.0"))).code).toBe(0);
    expect((await s.cli(s.deployArgs("1.2.0"))).code).toBe(0);
    const json = await expectBlocked(
      s,
      await s.cli(rollbackArgs(s, ["--reason", "go back", "--to-version", "1.1.0"])),
      "SG_TARGET_NOT_VERIFIED",
      snapshot(s),
    );
    expect(json.blocked.remedy).toContain("force: true");
    expect(s.current()).toBe(path.join("releases", "1.2.0"));
  }, 60_000);
});

describe.concurrent("one deploy per environment at a time, on a laptop", () => {
  it("two deploys of one environment started together run one after the other, each verifying its own version", async (ctx) => {
    const s = await ready(ctx);
    // Each holds the lock at least 2 s (its prepare step), so the other one surely arrives while it
    // does, however slowly a loaded machine starts the two processes.
    const slow = ["--prepare-command", "sleep 2"];
    const [one, two] = await Promise.all([
      s.cli([...s.deployArgs("1.0.0"), ...slow]),
      s.cli([...s.deployArgs("1.2.0"), ...slow]),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(`${one.stderr}${two.stderr}`).toMatch(/Waiting for `deploy 1\.[02]\.0` \(pid \d+ on /);
    // Each deployment's events are together in the ledger: the second began after the first ended.
    const ids = s.ledgerLines().map((line) => String(line.id));
    const order = ids.filter((id, index) => ids.indexOf(id) === index);
    expect(order).toHaveLength(2);
    expect(ids).toEqual([...ids.filter((id) => id === order[0]), ...ids.filter((id) => id === order[1])]);
    const states = s
      .ledgerLines()
      .filter((line) => line.type === "status")
      .map((line) => line.state);
    expect(states.filter((state) => state === "success")).toHaveLength(2);
    expect(states).not.toContain("failure");
    const last = s.ledgerLines().find((line) => line.type === "deployment" && line.id === order[1]);
    const lastVersion = String((last?.payload as { version?: string } | undefined)?.version);
    expect(s.current()).toBe(path.join("releases", lastVersion));
    expect(await servedVersion(s.port)).toBe(lastVersion);
    expect(existsSync(environmentLockPath(s.ledger, "staging"))).toBe(false);
  });

  it("a deploy waits up to the bound for a live holder, then fails naming it; a dead holder's lock is broken", async (ctx) => {
    const s = await ready(ctx);
    const lock = environmentLockPath(s.ledger, "staging");
    mkdirSync(path.dirname(s.ledger), { recursive: true });
    const holder = {
      pid: process.pid,
      host: hostname(),
      since: "2026-01-01T00:00:00.000Z",
      command: "deploy 9.9.9",
    };
    writeFileSync(lock, `${JSON.stringify(holder)}\n`);
    const refused = await s.cli(s.deployArgs("1.0.0"), process.execPath, {
      SHIPGUARD_LOCK_WAIT_SECONDS: "1",
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("SG_ENVIRONMENT_LOCKED");
    expect(refused.stderr).toContain(
      `\`deploy 9.9.9\` (pid ${process.pid} on ${hostname()}, since 2026-01-01T00:00:00.000Z)`,
    );
    expect(existsSync(s.ledger)).toBe(false);
    expect(existsSync(path.join(s.root, "current"))).toBe(false);

    // A holder that is gone (a crash) leaves a stale lock: broken, said, and the deploy runs.
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("close", resolve));
    writeFileSync(lock, `${JSON.stringify({ ...holder, pid: gone.pid })}\n`);
    const ran = await s.cli(s.deployArgs("1.0.0"), process.execPath, { SHIPGUARD_LOCK_WAIT_SECONDS: "1" });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/Broke the lock of staging .*is no longer running/);
    expect(existsSync(lock)).toBe(false);
  });
});

describe.concurrent("environment names on a laptop", () => {
  it("an environment of 226 characters, or of 28 Japanese ones, deploys; names that differ in case share one lock", async (ctx) => {
    const s = await ready(ctx);
    const long = "e".repeat(226);
    const japanese = "本番環境".repeat(7);
    for (const environment of [long, japanese]) {
      const run = await s.cli(s.deployArgs("1.0.0", environment));
      expect(run.stderr).not.toContain("SG_INTERNAL");
      expect(run.code, run.stderr).toBe(0);
      expect(s.ledgerLines().at(-1)).toMatchObject({ type: "status", state: "success" });
    }
    const recorded = s.ledgerLines().filter((line) => line.type === "deployment");
    expect(recorded.map((line) => line.environment)).toEqual([long, japanese]);
    // No lock left behind, whatever its name.
    expect(readdirSync(path.dirname(s.ledger)).filter((name) => name.endsWith(".lock"))).toEqual([]);

    // A live holder of `EEE...` holds `eee...` too: the names are one environment.
    const lock = environmentLockPath(s.ledger, long.toUpperCase());
    writeFileSync(
      lock,
      `${JSON.stringify({ pid: process.pid, host: hostname(), since: "2026-01-01T00:00:00.000Z", command: "deploy 9.9.9" })}\n`,
    );
    const refused = await s.cli(s.deployArgs("1.2.0", long), process.execPath, {
      SHIPGUARD_LOCK_WAIT_SECONDS: "1",
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("SG_ENVIRONMENT_LOCKED");
    expect(path.basename(lock).length).toBeLessThan(100);
  });
});

describe.concurrent("local state kept out of git", () => {
  it("a fresh repository's first deploy leaves `git status` clean: .shipguard/ has its .gitignore", async (ctx) => {
    const s = await ready(ctx);
    expect(s.repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");
    const run = await s.cli(s.deployArgs("1.0.0"));
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(s.ledger)).toBe(true);
    expect(readFileSync(path.join(path.dirname(s.ledger), ".gitignore"), "utf8")).toBe("*\n");
    expect(s.repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });
});

/**
 * Whether this machine lets a test mount a file system of its own in a private mount namespace
 * (`unshare -rm`), which a full disk and a read-only folder need; nothing outside it sees them.
 */
const privateMounts = (() => {
  const probe = mkdtempSync(path.join(os.tmpdir(), "shipguard-mount-"));
  try {
    const run = spawnSync("unshare", [
      "-rm",
      "sh",
      "-c",
      'mount -t tmpfs -o size=64k tmpfs "$1"',
      "sh",
      probe,
    ]);
    return run.status === 0;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

/**
 * The CLI in a private mount namespace where `.shipguard/` is a full tmpfs (`full`) or a read-only
 * folder (`read-only`), with `.gitignore` already there; prints the folder's names after `---`.
 */
async function withBrokenState(
  s: Site,
  kind: "full" | "read-only",
  args: string[],
): Promise<CliRun & { left: string[] }> {
  const state = path.dirname(s.ledger);
  mkdirSync(state, { recursive: true });
  writeFileSync(path.join(state, ".gitignore"), "*\n");
  const script = [
    'state="$1"; shift',
    kind === "full"
      ? 'mount -t tmpfs -o size=64k tmpfs "$state" && printf "*\\n" > "$state/.gitignore" && { dd if=/dev/zero of="$state/fill" bs=4k count=100 2>/dev/null; true; }'
      : 'mount --bind "$state" "$state" && mount -o remount,bind,ro "$state"',
    '"$NODE" "$CLI" "$@"; code=$?',
    'echo "---"; ls -A "$state"; exit $code',
  ].join("\n");
  const run = await new Promise<CliRun>((resolve, reject) => {
    const child = spawn("unshare", ["-rm", "sh", "-c", script, "sh", state, ...args], {
      cwd: s.repo.dir,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: s.root,
        NODE: process.execPath,
        CLI: path.join(ROOT, "dist/cli.js"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    collected(child).then(resolve, reject);
  });
  const [, listing = ""] = run.stdout.split("---\n");
  return {
    ...run,
    left: listing
      .split("\n")
      .filter((name) => name !== "")
      .sort(),
  };
}

describe.concurrent("local state on a disk that fails", () => {
  it("a ledger-file under a regular file is SG_LEDGER_IO naming the path, not SG_INTERNAL", async (ctx) => {
    const s = await ready(ctx);
    writeFileSync(path.join(s.repo.dir, "not-a-folder"), "");
    const run = await s.cli([...s.deployArgs("1.0.0"), "--ledger-file", "not-a-folder/deployments.jsonl"]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("SG_INTERNAL");
    expect(run.stderr).toContain("SG_LEDGER_IO");
    // mkdir says EEXIST (a file is in the way), open would say ENOTDIR: one fix for both.
    expect(run.stderr).toMatch(/EEXIST|ENOTDIR/);
    expect(run.stderr).toContain(
      `A part of the path ${path.join(s.repo.dir, "not-a-folder")} is a file, not a folder`,
    );
    expect(existsSync(path.join(s.root, "current"))).toBe(false);
  });

  it.skipIf(!privateMounts)(
    "a full disk is SG_LEDGER_IO saying to free space, and leaves no empty lock (a real full tmpfs)",
    async (ctx) => {
      const s = await ready(ctx);
      const run = await withBrokenState(
        s,
        "full",
        s.deployArgs("1.0.0").filter((arg) => arg !== "--json"),
      );
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).not.toContain("SG_INTERNAL");
      expect(run.stderr).toMatch(/SG_LEDGER_IO: Could not create the lock .*\.deploy\.lock: ENOSPC/);
      expect(run.stderr).toContain("is full: free space there");
      expect(run.left).toEqual([".gitignore", "fill"]);
      expect(existsSync(path.join(s.root, "current"))).toBe(false);
    },
  );

  it.skipIf(!privateMounts)(
    "a read-only .shipguard is SG_LEDGER_IO saying to choose another ledger-file (a real read-only mount)",
    async (ctx) => {
      const s = await ready(ctx);
      const run = await withBrokenState(
        s,
        "read-only",
        s.deployArgs("1.0.0").filter((arg) => arg !== "--json"),
      );
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).not.toContain("SG_INTERNAL");
      expect(run.stderr).toMatch(/SG_LEDGER_IO: Could not create the lock .*: EROFS/);
      expect(run.stderr).toContain("is on a read-only file system: choose another `ledger-file`");
      expect(run.left).toEqual([".gitignore"]);
    },
  );
});

describe.concurrent("a closed output stream", () => {
  it("`deploy ... 2>&1 | head -1` still finishes the deploy, its checks and its record, and exits with its code", async (ctx) => {
    const s = await ready(ctx);
    const good = await s.piped(s.deployArgs("1.0.0").filter((arg) => arg !== "--json"));
    expect(good.first.split("\n")).toHaveLength(2);
    expect(good.code).toBe(0);
    expect(s.current()).toBe(path.join("releases", "1.0.0"));
    expect(s.ledgerLines().at(-1)).toMatchObject({ type: "status", state: "success" });

    // The bad build fails its checks: rolled back and recorded, exit 1, all with nobody reading.
    const bad = await s.piped(s.deployArgs("1.1.0"));
    expect(bad.code).toBe(1);
    expect(s.current()).toBe(path.join("releases", "1.0.0"));
    // Every deployment ends in a final state: none is left in_progress.
    const final = new Map(
      s
        .ledgerLines()
        .filter((l) => l.type === "status")
        .map((l) => [l.id, l.state]),
    );
    expect([...final.values()]).toEqual(["success", "failure", "success"]);
    const kinds = s
      .ledgerLines()
      .filter((line) => line.type === "deployment")
      .map((line) => (line.payload as { kind: string }).kind);
    expect(kinds).toEqual(["deploy", "deploy", "rollback"]);
  });
});

describe.concurrent("a notification never changes an outcome", () => {
  it("a rollback with a bad notify-url and a typo in notify-on rolls back, warns, and tells the good webhook", async (ctx) => {
    const s = await ready(ctx);
    expect((await s.cli(s.deployArgs("1.0.0"))).code).toBe(0);
    expect((await s.cli(s.deployArgs("1.2.0"))).code).toBe(0);
    const good = await webhookReceiver(ctx);
    const run = await s.cli(
      rollbackArgs(s, [
        "--reason",
        "latency regression",
        "--notify-url",
        `http://hooks.example.com/services/T0/SECRETPATH\n${good.url}`,
        "--notify-on",
        "rolled-back, rollbak-failed",
      ]),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(s.current()).toBe(path.join("releases", "1.0.0"));
    expect(await servedVersion(s.port)).toBe("1.0.0");
    expect(run.stderr).toContain('warning: Invalid notify-url: "line 1: http://hooks.example.com/');
    expect(run.stderr).toContain("The rollback goes ahead: that webhook is not called.");
    expect(run.stderr).toContain('warning: Invalid notify-on: "rollbak-failed"');
    expect(run.stderr).toContain("The rollback goes ahead: the webhooks hear the default events");
    expect(run.stderr).not.toContain("SECRETPATH");
    expect(run.stdout).not.toContain("SECRETPATH");
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ status: "success", rolledBackTo: { version: "1.0.0" } });
    expect(json.notifySettingsUnused).toHaveLength(2);
    expect(json.notifications.map((d: { receiver: string; ok: boolean }) => [d.receiver, d.ok])).toEqual([
      ["notify-url 1 (hooks.example.com)", false],
      [expect.stringMatching(/^notify-url 2 \(127\.0\.0\.1:\d+\)$/), true],
    ]);
    expect(good.events.map((e) => e.event)).toEqual(["rolled-back"]);
  });

  it("a receiver answering 429 with Retry-After: 30 does not hold a deploy that rolled back (it held one 123 s)", async (ctx) => {
    const s = await ready(ctx);
    expect((await s.cli(s.deployArgs("1.0.0"))).code).toBe(0);
    const busy = await webhookReceiver(ctx, { answer: { status: 429, headers: { "retry-after": "30" } } });
    const started = performance.now();
    const run = await s.cli([...s.deployArgs("1.1.0"), "--notify-url", busy.url]);
    const took = performance.now() - started;
    expect(run.code).toBe(1);
    expect(s.current()).toBe(path.join("releases", "1.0.0"));
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ status: "failure", rollback: { status: "success" } });
    const deliveries = json.notifications as {
      event: string;
      ok: boolean;
      attempts: number;
      ms: number;
      detail: string;
    }[];
    expect(deliveries.map((d) => [d.event, d.ok, d.attempts])).toEqual([
      ["verify-failed", false, 1],
      ["rolled-back", false, 1],
    ]);
    for (const d of deliveries) {
      expect(d.detail).toMatch(
        /asked to come back in 30 s \(Retry-After\), past the notifications' deadline/,
      );
      expect(d.ms).toBeLessThan(1000);
    }
    expect(run.stderr).toContain("warning: Could not notify notify-url 1 (127.0.0.1:");
    // Both events were sent at once, each tried once: the deploy, its checks and its rollback take
    // a few seconds; waiting out the receiver took two minutes.
    expect(busy.events.map((e) => e.event).sort()).toEqual(["rolled-back", "verify-failed"]);
    expect(took).toBeLessThan(20_000);
  }, 45_000);
});

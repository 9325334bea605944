/**
 * The local locks on real files: the per-environment deploy lock (its file name, its holder) and
 * the short lock of the ledger and the incident files, against real processes holding them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os, { hostname } from "node:os";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import {
  acquireEnvironmentLock,
  type EnvironmentLockOptions,
  environmentLockPath,
} from "../../src/adapters/environment-lock.ts";
import { acquireShortLock } from "../../src/adapters/lock-file.ts";
import type { Logger } from "../../src/ports.ts";
import { fullDisk, refusing } from "../helpers/failing-files.ts";
import { failure } from "../helpers/failure.ts";
import { alive, until } from "../helpers/wait.ts";

describe("environmentLockPath", () => {
  const ledger = "/repo/.shipguard/deployments.jsonl";

  it("is bounded whatever the environment's name, keeps a readable prefix, and ignores case", () => {
    const names = [
      "staging",
      "e".repeat(226),
      "本番環境".repeat(7),
      "x".repeat(255),
      "prod eu/west",
      "..",
      "%2E",
    ];
    const files = names.map((name) => environmentLockPath(ledger, name));
    for (const file of files) {
      expect(path.dirname(file)).toBe(path.dirname(ledger));
      expect(Buffer.byteLength(path.basename(file))).toBeLessThanOrEqual(80);
      expect(path.basename(file)).toMatch(/^deployments\.jsonl\.([a-z0-9_-]+-)?[0-9a-f]{16}\.deploy\.lock$/);
    }
    expect(new Set(files).size).toBe(names.length);
    expect(path.basename(files[0] ?? "")).toMatch(/^deployments\.jsonl\.staging-[0-9a-f]{16}\.deploy\.lock$/);
    expect(environmentLockPath(ledger, "Production")).toBe(environmentLockPath(ledger, "production"));
    expect(environmentLockPath(ledger, "PRODUCTION")).toBe(environmentLockPath(ledger, "production"));
  });
});

/** A child process that takes a lock through the module and holds it until it is killed. */
const HOLDER = `
const [kind, modulePath, file] = process.argv.slice(2);
const locks = await import(modulePath);
const logger = { debug() {}, info() {}, warning() {}, untrusted() {} };
if (kind === "environment") {
  await locks.acquireEnvironmentLock({ file, environment: "staging", command: "deploy 1.0.0", logger, waitMs: 0, staleMs: 200 });
} else {
  await locks.acquireShortLock(file, { staleMs: 200, logger });
}
console.log("held");
setInterval(() => {}, 60_000);
`;

const NODE = existsSync(path.resolve("node_modules/.bin/node"))
  ? path.resolve("node_modules/.bin/node")
  : process.execPath;

/** Starts a holder of `file` and resolves once it holds the lock; it is killed with the test. */
async function holder(ctx: TestContext, kind: "environment" | "short", file: string): Promise<ChildProcess> {
  const script = path.join(path.dirname(file), "holder.mjs");
  await writeFile(script, HOLDER);
  const module = path.resolve(`src/adapters/${kind === "environment" ? "environment-lock" : "lock-file"}.ts`);
  const child = spawn(NODE, [script, kind, module, file], { stdio: ["ignore", "pipe", "inherit"] });
  ctx.onTestFinished(async () => {
    child.kill("SIGCONT");
    child.kill("SIGKILL");
    await until(() => !alive(child.pid ?? 0), "the holder to end");
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  await until(() => out.includes("held"), "the holder to take the lock", { timeoutMs: 20_000 });
  return child;
}

/** Stops the holder, and waits until its lock is older than the 200 ms the tests call stale. */
async function stopped(child: ChildProcess, file: string): Promise<void> {
  child.kill("SIGSTOP");
  await until(() => procState(child.pid ?? 0) === "T", "the holder to stop");
  await until(async () => Date.now() - (await stat(file)).mtimeMs > 400, "the lock to age", {
    timeoutMs: 5_000,
  });
}

function procState(pid: number): string {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2, text.lastIndexOf(")") + 3);
}

async function killed(child: ChildProcess): Promise<void> {
  child.kill("SIGCONT");
  child.kill("SIGKILL");
  await until(() => !alive(child.pid ?? 0), "the holder to end");
}

function recorder(): Logger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return {
    warnings,
    infos,
    debug() {},
    info: (m) => infos.push(m),
    warning: (m) => warnings.push(m),
    untrusted() {},
  };
}

async function folder(ctx: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "shipguard-locks-"));
  ctx.onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe("a lock whose holder on this host is alive", () => {
  it("the environment lock of a stopped process is never broken for its age; once the process is gone, it is", async (ctx) => {
    const dir = await folder(ctx);
    const file = environmentLockPath(path.join(dir, "deployments.jsonl"), "staging");
    const child = await holder(ctx, "environment", file);
    await stopped(child, file);
    const log = recorder();
    const error = await failure(
      acquireEnvironmentLock({
        file,
        environment: "staging",
        command: "deploy 2.0.0",
        logger: log,
        waitMs: 1_000,
        staleMs: 200,
      }),
    );
    expect(error.code).toBe("SG_ENVIRONMENT_LOCKED");
    expect(error.message).toContain(`\`deploy 1.0.0\` (pid ${child.pid} on ${hostname()}`);
    expect(log.warnings).toEqual([]);
    expect(log.infos.filter((m) => m.startsWith("Waiting for"))).toHaveLength(1);

    await killed(child);
    const lock = await acquireEnvironmentLock({
      file,
      environment: "staging",
      command: "deploy 2.0.0",
      logger: log,
      waitMs: 0,
      staleMs: 60_000,
    });
    expect(log.warnings.join("\n")).toMatch(/Broke the lock of staging .*pid \d+ .*is no longer running/);
    await lock.release();
    expect(existsSync(file)).toBe(false);
  }, 30_000);

  it("the short lock (the ledger's, an incident file's) of a stopped process is never broken for its age; once the process is gone, it is at once", async (ctx) => {
    const dir = await folder(ctx);
    const file = path.join(dir, "deployments.jsonl.lock");
    const child = await holder(ctx, "short", file);
    await stopped(child, file);
    const log = recorder();
    await expect(acquireShortLock(file, { staleMs: 200, waitMs: 1_000, logger: log })).rejects.toThrow(
      new RegExp(`is held by pid ${child.pid} on ${hostname()} \\(since 20`),
    );
    expect(log.warnings).toEqual([]);

    await killed(child);
    // A dead holder on this host: broken without waiting for any age.
    const release = await acquireShortLock(file, { staleMs: 60_000, waitMs: 0, logger: log });
    expect(log.warnings.join("\n")).toContain(`its holder, pid ${child.pid} on ${hostname()} (since 20`);
    await release();
    expect(existsSync(file)).toBe(false);
  }, 30_000);
});

describe("a local lock the file system fails", () => {
  const environmentLock = (file: string, logger: Logger, extra: Partial<EnvironmentLockOptions> = {}) =>
    acquireEnvironmentLock({
      file,
      environment: "staging",
      command: "deploy 2.0.0",
      logger,
      waitMs: 0,
      ...extra,
    });

  it("a full disk: SG_LEDGER_IO saying to free space, and no empty lock left to stall the next run", async (ctx) => {
    const dir = await folder(ctx);
    const file = environmentLockPath(path.join(dir, "deployments.jsonl"), "staging");
    const error = await failure(
      environmentLock(file, recorder(), { files: fullDisk((f) => f.endsWith(".deploy.lock")) }),
    );
    expect(error.code).toBe("SG_LEDGER_IO");
    expect(error.message).toContain(`create the lock ${file}`);
    expect(error.message).toContain("ENOSPC");
    expect(error.remedy).toMatch(/is full: free space there/);
    expect(await readdir(dir)).toEqual([]);
    // The next run takes the lock at once: nothing names a holder it would wait for.
    await (await environmentLock(file, recorder())).release();

    // The short lock likewise: the error is the caller's to name, and no lock file is left.
    const short = path.join(dir, "deployments.jsonl.lock");
    await expect(
      acquireShortLock(short, {
        staleMs: 30_000,
        waitMs: 0,
        logger: recorder(),
        files: fullDisk(() => true),
      }),
    ).rejects.toMatchObject({ code: "ENOSPC" });
    expect(await readdir(dir)).toEqual([]);
    await (await acquireShortLock(short, { staleMs: 30_000, waitMs: 0, logger: recorder() }))();
  });

  it("a folder it may not make or write in, or a read-only one: SG_LEDGER_IO with the fix for each", async (ctx) => {
    const dir = await folder(ctx);
    const file = environmentLockPath(path.join(dir, "state", "deployments.jsonl"), "staging");
    const denied = await failure(
      environmentLock(file, recorder(), { files: refusing("mkdir", "EACCES", () => true) }),
    );
    expect(denied.code).toBe("SG_LEDGER_IO");
    expect(denied.message).toContain(`make the folder ${path.join(dir, "state")} for the lock`);
    expect(denied.remedy).toContain(`This user may not write in ${path.join(dir, "state")}`);
    expect(denied.remedy).toContain("`ledger-file`");

    const readOnly = await failure(
      environmentLock(file, recorder(), { files: refusing("open", "EROFS", (f) => f === file) }),
    );
    expect(readOnly.code).toBe("SG_LEDGER_IO");
    expect(readOnly.remedy).toContain("is on a read-only file system: choose another `ledger-file`");

    // A lock it cannot read cannot be judged: said, never waited on blind.
    await writeFile(
      file,
      `${JSON.stringify({ pid: 1, host: "elsewhere", since: "x", command: "deploy 1" })}\n`,
    );
    const unreadable = await failure(
      environmentLock(file, recorder(), { files: refusing("readFile", "EACCES", (f) => f === file) }),
    );
    expect(unreadable.code).toBe("SG_LEDGER_IO");
    expect(unreadable.message).toContain(`read the lock ${file}`);
  });

  it("a lock that cannot be touched or removed is a warning naming the file: the work under it is done", async (ctx) => {
    const dir = await folder(ctx);
    const file = environmentLockPath(path.join(dir, "deployments.jsonl"), "staging");
    const log = recorder();
    const files = { ...refusing("utimes", "EROFS", () => true), rm: refusing("rm", "EACCES", () => true).rm };
    const lock = await environmentLock(file, log, { files, staleMs: 200 });
    await until(() => log.warnings.length > 0, "the touch to fail");
    // Touched every 50 ms: said once all the same.
    await until(async () => Date.now() - (await stat(file)).mtimeMs > 300, "more touches to fail");
    expect(log.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^Could not refresh the lock ${literal(file)} \\(EROFS: .*\\): a run on another host`),
      ),
    ]);
    await lock.release();
    expect(log.warnings[1]).toMatch(
      new RegExp(`^SG_LEDGER_IO: Could not remove the lock ${literal(file)}: EACCES`),
    );
    expect(log.warnings[1]).toContain("make it writable");
    expect(existsSync(file)).toBe(true);

    const short = path.join(dir, "deployments.jsonl.lock");
    const release = await acquireShortLock(short, { staleMs: 30_000, logger: log, files });
    await release();
    expect(log.warnings[2]).toContain(`Could not remove the lock ${short} (EACCES`);
  });
});

describe("a run waiting on a lock", () => {
  it("says so once, naming the holder, also when the lock's file named nobody at first", async (ctx) => {
    const dir = await folder(ctx);
    const file = environmentLockPath(path.join(dir, "deployments.jsonl"), "staging");
    await writeFile(file, "");
    const log = recorder();
    const waiting = failure(
      acquireEnvironmentLock({
        file,
        environment: "staging",
        command: "deploy 2.0.0",
        logger: log,
        waitMs: 3_000,
      }),
    );
    // Nobody named for 2 s: said once; then the holder's text arrives, and is named once.
    await until(() => log.infos.length > 0, "the wait on an unnamed holder to be said", { timeoutMs: 4_000 });
    expect(log.infos).toEqual([
      expect.stringContaining(
        `Waiting for the lock of staging (${file}), whose file does not name its holder`,
      ),
    ]);
    await writeFile(
      file,
      `${JSON.stringify({ pid: 7, host: "elsewhere", since: "2026-01-01T00:00:00.000Z", command: "deploy 9.9.9" })}\n`,
    );
    const error = await waiting;
    expect(error.code).toBe("SG_ENVIRONMENT_LOCKED");
    expect(error.message).toContain("`deploy 9.9.9` (pid 7 on elsewhere, since 2026-01-01T00:00:00.000Z)");
    expect(log.infos).toHaveLength(2);
    expect(log.infos[1]).toMatch(
      /^Waiting for `deploy 9\.9\.9` \(pid 7 on elsewhere, since 2026-01-01T00:00:00\.000Z\) to finish with staging/,
    );
    expect(log.warnings).toEqual([]);

    // A lock whose file never names anyone: the refusal says so, instead of naming "pid 0".
    await writeFile(file, "");
    const unnamed = await failure(
      acquireEnvironmentLock({
        file,
        environment: "staging",
        command: "deploy 2.0.0",
        logger: recorder(),
        waitMs: 200,
      }),
    );
    expect(unnamed.message).toContain(`${file} is held by a process its file does not name`);
  }, 15_000);

  it("the short lock of the ledger says so once after 2 s, naming the holder", async (ctx) => {
    const dir = await folder(ctx);
    const file = path.join(dir, "deployments.jsonl.lock");
    // This very process on this host: alive, so the lock is held for as long as it lasts.
    await writeFile(file, `${process.pid} ${hostname()} 2026-01-01T00:00:00.000Z\n`);
    const log = recorder();
    await expect(acquireShortLock(file, { staleMs: 200, waitMs: 2_600, logger: log })).rejects.toThrow(
      `${file} is held by pid ${process.pid} on ${hostname()} (since 2026-01-01T00:00:00.000Z)`,
    );
    expect(log.infos).toEqual([
      `Waiting for the lock ${file}, held by pid ${process.pid} on ${hostname()} (since 2026-01-01T00:00:00.000Z).`,
    ]);
    expect(log.warnings).toEqual([]);
  }, 15_000);
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

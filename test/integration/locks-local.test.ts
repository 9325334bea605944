/**
 * The local locks on real files: the per-environment deploy lock (its file name, its holder) and
 * the short lock of the ledger and the incident files, against real processes holding them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os, { hostname } from "node:os";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { acquireEnvironmentLock, environmentLockPath } from "../../src/adapters/environment-lock.ts";
import { acquireShortLock } from "../../src/adapters/lock-file.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { Logger } from "../../src/ports.ts";
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
    const error = await acquireEnvironmentLock({
      file,
      environment: "staging",
      command: "deploy 2.0.0",
      logger: log,
      waitMs: 1_000,
      staleMs: 200,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ShipguardError);
    expect((error as ShipguardError).code).toBe("SG_ENVIRONMENT_LOCKED");
    expect((error as ShipguardError).message).toContain(
      `\`deploy 1.0.0\` (pid ${child.pid} on ${hostname()}`,
    );
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
      /is held by another shipguard process/,
    );
    expect(log.warnings).toEqual([]);

    await killed(child);
    // A dead holder on this host: broken without waiting for any age.
    const release = await acquireShortLock(file, { staleMs: 60_000, waitMs: 0, logger: log });
    expect(log.warnings.join("\n")).toContain(
      `its holder, pid ${child.pid} on ${hostname()}, is no longer running`,
    );
    await release();
    expect(existsSync(file)).toBe(false);
  }, 30_000);
});

/**
 * The local ledger on real files: its lines, that it only ever appends, that two processes
 * appending at once never mix their lines, and that a line a crash cut short is survived.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { appendFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os, { hostname } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, type TestContext, vi } from "vitest";
import type { LocalFiles } from "../../src/adapters/local-files.ts";
import { defaultLedgerPath, LocalLedger } from "../../src/adapters/local-ledger.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { DeploymentPayload, DeploymentRecord, Logger } from "../../src/ports.ts";
import { fullDisk, refusing } from "../helpers/failing-files.ts";
import { failure } from "../helpers/failure.ts";
import { until } from "../helpers/wait.ts";

const run = promisify(execFile);
const SHA = "c0ffee".padEnd(40, "0");

interface Setup {
  dir: string;
  file: string;
  warnings: string[];
  logger: Logger;
  ledger(options?: { newId?: () => string }): LocalLedger;
}

async function setup(ctx: TestContext): Promise<Setup> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "shipguard-ledger-"));
  ctx.onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} };
  const file = defaultLedgerPath(dir);
  let tick = 0;
  let id = 0;
  return {
    dir,
    file,
    warnings,
    logger,
    ledger: (options = {}) =>
      new LocalLedger(file, {
        logger,
        creator: "dev",
        now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
        newId: options.newId ?? (() => `d${++id}`),
      }),
  };
}

function payload(version: string, overrides: Partial<DeploymentPayload> = {}): DeploymentPayload {
  return {
    tool: "shipguard",
    schema: 1,
    kind: "deploy",
    version,
    tag: `v${version}`,
    sha: SHA,
    rolledBackFrom: null,
    reason: null,
    runUrl: null,
    correlationId: `c-${version}-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

function deployment(environment: string, version: string, overrides: Partial<DeploymentPayload> = {}) {
  return { environment, sha: SHA, payload: payload(version, overrides), description: `Deploy v${version}` };
}

async function collect(history: AsyncIterable<DeploymentRecord>): Promise<DeploymentRecord[]> {
  const all: DeploymentRecord[] = [];
  for await (const record of history) all.push(record);
  return all;
}

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("LocalLedger", () => {
  it("writes one line per event under .shipguard/ and reads them back", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    const one = await ledger.create(deployment("staging", "1.0.0"));
    await ledger.setStatus(one, { state: "in_progress", description: "Deploying" });
    await ledger.setStatus(one, {
      state: "success",
      description: "Smoke checks passed",
      logUrl: "file:///tmp/run.log",
      environmentUrl: "http://127.0.0.1:8080",
    });
    const back = await ledger.create({
      ...deployment("staging", "0.9.0", { kind: "rollback", rolledBackFrom: { id: "d1", version: "1.0.0" } }),
      productionEnvironment: false,
    });
    await ledger.create(deployment("production", "1.0.0"));

    expect(s.file).toBe(path.join(s.dir, ".shipguard", "deployments.jsonl"));
    expect(lines(s.file)).toEqual([
      {
        type: "deployment",
        id: "d1",
        environment: "staging",
        createdAt: "2026-01-01T00:00:00.000Z",
        creator: "dev",
        payload: one.payload,
        task: "deploy",
        sha: SHA,
        description: "Deploy v1.0.0",
      },
      {
        type: "status",
        id: "d1",
        state: "in_progress",
        description: "Deploying",
        createdAt: "2026-01-01T00:00:01.000Z",
        logUrl: null,
        environmentUrl: null,
      },
      {
        type: "status",
        id: "d1",
        state: "success",
        description: "Smoke checks passed",
        createdAt: "2026-01-01T00:00:02.000Z",
        logUrl: "file:///tmp/run.log",
        environmentUrl: "http://127.0.0.1:8080",
      },
      expect.objectContaining({
        type: "deployment",
        id: "d2",
        task: "deploy:rollback",
        productionEnvironment: false,
      }),
      expect.objectContaining({ type: "deployment", id: "d3", environment: "production" }),
    ]);

    expect((await collect(ledger.history("staging"))).map((r) => r.id)).toEqual(["d2", "d1"]);
    expect((await collect(ledger.history("production"))).map((r) => r.id)).toEqual(["d3"]);
    expect(await collect(ledger.history("qa"))).toEqual([]);
    expect((await ledger.statuses(one)).map((st) => st.state)).toEqual(["in_progress", "success"]);
    expect(await ledger.statuses(back)).toEqual([]);
    expect(await ledger.findByCorrelation("staging", back.payload.correlationId)).toEqual(back);
    expect(await ledger.findByCorrelation("production", back.payload.correlationId)).toBeNull();

    // Another reader (another process, later) sees the same.
    const fresh = s.ledger();
    expect(await collect(fresh.history("staging"))).toEqual([back, one]);
    expect(s.warnings).toEqual([]);
    expect(existsSync(`${s.file}.lock`)).toBe(false);
  });

  it("gives the .shipguard/ folder it creates a .gitignore of `*`, so the ledger is never committed by accident", async (ctx) => {
    const s = await setup(ctx);
    await run("git", ["init", "-q"], { cwd: s.dir });
    await s.ledger().create(deployment("staging", "1.0.0"));
    expect(readFileSync(path.join(path.dirname(s.file), ".gitignore"), "utf8")).toBe("*\n");
    const status = await run("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: s.dir });
    expect(status.stdout).toBe("");
    // A folder that exists already (the user's own) is left as it is.
    const own = path.join(s.dir, "own");
    await rm(path.join(s.dir, ".shipguard"), { recursive: true });
    await run("mkdir", ["-p", own]);
    await new LocalLedger(path.join(own, "ledger.jsonl"), { logger: s.logger }).create(
      deployment("staging", "1.0.0"),
    );
    expect(existsSync(path.join(own, ".gitignore"))).toBe(false);

    // A .shipguard made by something else (an older shipguard, a person) gets its .gitignore too;
    // a user's own .gitignore there is never replaced.
    await rm(path.join(s.dir, ".shipguard"), { recursive: true, force: true });
    await run("mkdir", ["-p", path.join(s.dir, ".shipguard")]);
    await s.ledger().create(deployment("staging", "1.0.0"));
    expect(readFileSync(path.join(s.dir, ".shipguard", ".gitignore"), "utf8")).toBe("*\n");
    await writeFile(path.join(s.dir, ".shipguard", ".gitignore"), "deployments.jsonl\n");
    await s.ledger().create(deployment("staging", "1.1.0"));
    expect(readFileSync(path.join(s.dir, ".shipguard", ".gitignore"), "utf8")).toBe("deployments.jsonl\n");
  });

  it("reads an absent file as an empty history", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    expect(await collect(ledger.history("staging"))).toEqual([]);
    expect(await ledger.findByCorrelation("staging", "c")).toBeNull();
    expect(existsSync(s.file)).toBe(false);
  });

  it("only ever appends: earlier bytes stay as they were", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    const first = await ledger.create(deployment("staging", "1.0.0"));
    await ledger.setStatus(first, { state: "success", description: "ok" });
    const before = readFileSync(s.file);
    const second = await ledger.create(deployment("staging", "1.1.0"));
    await ledger.setStatus(second, { state: "failure", description: "x".repeat(300) });
    await ledger.setStatus(first, { state: "inactive", description: "" });
    const after = readFileSync(s.file);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const [status] = await ledger.statuses(second);
    expect(status?.description).toHaveLength(140);
  });

  it("returns the first deployment when the same attempt is created again", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    const input = deployment("staging", "1.0.0");
    const first = await ledger.create(input);
    const size = readFileSync(s.file).length;
    expect(await s.ledger().create(input)).toEqual(first);
    expect(readFileSync(s.file).length).toBe(size);
  });

  it("refuses a status for a deployment it does not have", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    const record = await ledger.create(deployment("staging", "1.0.0"));
    const error = await ledger
      .setStatus({ ...record, id: "nope" }, { state: "success", description: "" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ShipguardError);
    expect(error).toMatchObject({ code: "SG_LEDGER_DEPLOYMENT_UNKNOWN" });
    expect((error as ShipguardError).message).toMatch(/no such deployment/);
  });

  it("survives a last line cut short by a crash, and keeps later lines whole", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    const one = await ledger.create(deployment("staging", "1.0.0"));
    await ledger.setStatus(one, { state: "success", description: "ok" });
    await appendFile(s.file, '{"type":"deployment","id":"d9","environment":"stag');

    const reader = s.ledger();
    expect(await collect(reader.history("staging"))).toEqual([one]);
    expect(await collect(reader.history("staging"))).toEqual([one]);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/last line of .* is unfinished/);

    // The next write closes the cut line first, so the new one is not glued to it.
    const two = await ledger.create(deployment("staging", "1.1.0"));
    await ledger.setStatus(two, { state: "success", description: "ok" });
    const again = s.ledger();
    expect(await collect(again.history("staging"))).toEqual([two, one]);
    expect(await again.statuses(two)).toHaveLength(1);
    expect(s.warnings.at(-1)).toMatch(/Line 3 of .* is not a ledger event: skipped/);
  });

  it("skips corrupt and foreign lines with a warning", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    const one = await ledger.create(deployment("staging", "1.0.0"));
    await appendFile(
      s.file,
      [
        "not json",
        JSON.stringify({
          type: "deployment",
          id: "x",
          environment: "staging",
          createdAt: "t",
          creator: null,
          payload: {},
        }),
        JSON.stringify({ type: "status", id: "d1", state: "exploded", description: "", createdAt: "t" }),
        JSON.stringify({ type: "comment", id: "d1", createdAt: "t" }),
        "",
        "",
      ].join("\n"),
    );
    const two = await ledger.create(deployment("staging", "1.1.0"));
    expect(await collect(s.ledger().history("staging"))).toEqual([two, one]);
    expect(s.warnings.filter((w) => /is not a ledger event/.test(w)).length).toBeGreaterThanOrEqual(4);
  });

  it("waits for a lock held by another writer, and breaks one left by a crash", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    await ledger.create(deployment("staging", "1.0.0"));
    const lock = `${s.file}.lock`;

    writeFileSync(lock, "12345 elsewhere\n");
    let done = false;
    // The writer's back-off pauses run on fake timers: each is passed only once the writer has met
    // the lock again (its next pause is pending), so the count of retries is exact, not a guess.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    ctx.onTestFinished(() => {
      vi.useRealTimers();
    });
    const waiting = ledger.create(deployment("staging", "1.1.0")).then(() => {
      done = true;
    });
    const retry = async (): Promise<void> => {
      await until(() => vi.getTimerCount() > 0, "the writer to back off from the lock");
      await vi.advanceTimersToNextTimerAsync();
    };
    for (let attempt = 0; attempt < 10; attempt++) await retry();
    expect(done).toBe(false);
    expect(lines(s.file)).toHaveLength(1);
    await rm(lock);
    await retry();
    await waiting;
    expect(lines(s.file)).toHaveLength(2);
    vi.useRealTimers();

    writeFileSync(lock, "12345 crashed\n");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await ledger.create(deployment("staging", "1.2.0"));
    expect(lines(s.file)).toHaveLength(3);
    expect(s.warnings.join("\n")).toMatch(/Broke the lock .*deployments\.jsonl\.lock, left 60 s ago/);
    expect((await readdir(path.dirname(s.file))).sort()).toEqual([".gitignore", "deployments.jsonl"]);
  });

  it("a full disk, a folder it may not write in, a read-only one: SG_LEDGER_IO with the fix for each, and no lock left behind", async (ctx) => {
    const s = await setup(ctx);
    const folder = path.dirname(s.file);
    const withFiles = (files: LocalFiles) => new LocalLedger(s.file, { logger: s.logger, files });

    // The disk fills up as the lock is taken: it is created, its text cannot be written.
    const full = await failure(
      withFiles(fullDisk((f) => f.endsWith(".lock"))).create(deployment("staging", "1.0.0")),
    );
    expect(full.code).toBe("SG_LEDGER_IO");
    expect(full.message).toContain(`lock ${s.file}.lock`);
    expect(full.remedy).toContain(
      `The disk (or this user's quota) that holds ${folder} is full: free space there`,
    );
    expect((await readdir(folder)).sort()).toEqual([".gitignore"]);
    // So the next write does not wait for a lock nobody holds.
    await s.ledger().create(deployment("staging", "1.0.0"));

    const appended = await failure(
      withFiles(fullDisk((f) => f === s.file)).create(deployment("staging", "1.1.0")),
    );
    expect(appended.message).toContain(`write ${s.file}: ENOSPC`);
    expect(appended.remedy).toContain("free space there");

    const denied = await failure(
      withFiles(refusing("mkdir", "EACCES", () => true)).create(deployment("staging", "1.1.0")),
    );
    expect(denied.message).toContain(`make the folder ${folder}`);
    expect(denied.remedy).toContain(`This user may not write in ${folder}: make it writable`);

    // A lock left by a crash in a folder that became read-only cannot be broken: said at once,
    // instead of waiting for ever.
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("close", resolve));
    writeFileSync(`${s.file}.lock`, `${gone.pid} ${hostname()} 2026-01-01T00:00:00.000Z\n`);
    const readOnly = await failure(
      withFiles(refusing("rename", "EROFS", () => true)).create(deployment("staging", "1.1.0")),
    );
    expect(readOnly.message).toContain(`lock ${s.file}.lock: EROFS`);
    expect(readOnly.remedy).toContain("is on a read-only file system: choose another `ledger-file`");
    expect(lines(s.file)).toHaveLength(1);
  });

  it("serialises concurrent writes of one process", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger({ newId: () => Math.random().toString(36).slice(2) });
    const records = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ledger.create(deployment("staging", `1.0.${i}`))),
    );
    await Promise.all(records.map((r) => ledger.setStatus(r, { state: "success", description: "ok" })));
    const history = await collect(s.ledger().history("staging"));
    expect(history).toHaveLength(20);
    expect(lines(s.file)).toHaveLength(40);
  });

  /** Runs the writer script in two child processes at once; resolves when both are done. */
  async function twoWriters(s: Setup, count: number, shared: boolean): Promise<void> {
    const writer = path.join(s.dir, "writer.mjs");
    await writeFile(writer, WRITER);
    const node = existsSync(path.resolve("node_modules/.bin/node"))
      ? path.resolve("node_modules/.bin/node")
      : process.execPath;
    const module = path.resolve("src/adapters/local-ledger.ts");
    // Both start at the same moment, after their imports, so their writes really overlap.
    const startAt = String(Date.now() + 700);
    const children = ["a", "b"].map((name) =>
      run(node, [writer, module, s.file, name, String(count), shared ? "shared" : "own", startAt], {
        encoding: "utf8",
        timeout: 60_000,
      }),
    );
    for (const output of await Promise.all(children)) expect(output.stderr).toBe("");
    expect(readFileSync(s.file, "utf8").endsWith("\n")).toBe(true);
    expect(existsSync(`${s.file}.lock`)).toBe(false);
  }

  it("keeps the lines of two processes appending at once whole", async (ctx) => {
    const s = await setup(ctx);
    await twoWriters(s, 200, false);
    const parsed = lines(s.file);
    expect(parsed).toHaveLength(800);
    const created = parsed.filter((line) => line.type === "deployment");
    expect(created).toHaveLength(400);
    expect(new Set(created.map((line) => line.id)).size).toBe(400);
    for (const name of ["a", "b"]) {
      const versions = created
        .map((line) => (line.payload as DeploymentPayload).version)
        .filter((version) => version.endsWith(`-${name}`));
      // Each process's own records stay in its order.
      expect(versions).toEqual(Array.from({ length: 200 }, (_, i) => `1.0.${i}-${name}`));
    }
    const reader = s.ledger();
    const history = await collect(reader.history("staging"));
    expect(history).toHaveLength(400);
    for (const record of history.slice(0, 20)) expect(await reader.statuses(record)).toHaveLength(1);
    expect(s.warnings).toEqual([]);
  }, 60_000);

  it("records an attempt two processes share once: the check and the append are one step", async (ctx) => {
    const s = await setup(ctx);
    await twoWriters(s, 100, true);
    const created = lines(s.file).filter((line) => line.type === "deployment");
    const correlations = created.map((line) => (line.payload as DeploymentPayload).correlationId);
    expect(correlations).toHaveLength(100);
    expect(new Set(correlations).size).toBe(100);
    // Both processes got the one record of each attempt and set their status on it.
    const reader = s.ledger();
    for await (const record of reader.history("staging")) {
      expect((await reader.statuses(record)).map((st) => st.description).sort()).toEqual(["ok a", "ok b"]);
    }
  }, 60_000);
});

describe("environment names are case-insensitive, as on GitHub (issue 18, item 11)", () => {
  it("the history and the correlation lookup of `production` include `Production`'s records", async (ctx) => {
    const s = await setup(ctx);
    const ledger = s.ledger();
    const upper = await ledger.create(deployment("Production", "1.0.0"));
    const lower = await ledger.create(deployment("production", "1.1.0"));
    await ledger.create(deployment("staging", "1.1.0"));
    for (const name of ["production", "Production", "PRODUCTION"]) {
      expect((await collect(ledger.history(name))).map((r) => r.id)).toEqual([lower.id, upper.id]);
      expect(await ledger.findByCorrelation(name, upper.payload.correlationId)).toEqual(upper);
    }
    // The same attempt under another spelling is the same attempt: nothing is appended.
    const size = readFileSync(s.file).length;
    expect(await ledger.create({ ...deployment("PRODUCTION", "1.0.0"), payload: upper.payload })).toEqual(
      upper,
    );
    expect(readFileSync(s.file).length).toBe(size);
  });
});

/**
 * A child process that records `count` deployments (each with a status) through the class. With
 * "shared", both processes use the same correlation ids, as a retried attempt would.
 */
const WRITER = `
const [modulePath, file, name, count, mode, startAt] = process.argv.slice(2);
const { LocalLedger } = await import(modulePath);
const logger = { debug() {}, info() {}, warning: (m) => console.error(m), untrusted() {} };
const ledger = new LocalLedger(file, { logger });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
for (let i = 0; i < Number(count); i++) {
  const version = "1.0." + i + "-" + name;
  const record = await ledger.create({
    environment: "staging",
    sha: "${SHA}",
    description: "Deploy " + version,
    payload: {
      tool: "shipguard", schema: 1, kind: "deploy", version, tag: null, sha: "${SHA}",
      rolledBackFrom: null, reason: null, runUrl: null,
      correlationId: mode === "shared" ? "shared-" + i : name + "-" + i,
    },
  });
  await ledger.setStatus(record, { state: "success", description: "ok " + name });
}
`;

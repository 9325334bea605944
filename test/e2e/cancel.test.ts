/**
 * Cancellation (issue 18, item 1): the bundled CLI, a real process, is sent SIGINT or SIGTERM
 * while a canary step's deploy command runs and while its checks run. The deploy command and the
 * command check run in process groups of their own (they hear nothing of the signal), so what is
 * checked is what only shipguard can do: their groups are gone, the traffic went back to 0%, the
 * record says `failure`, cancelled, the lock is released, the exit code is 130 or 143, and the
 * next deploy works. Then the same with SIGKILL, which leaves the attempt in progress: a re-run
 * takes it over.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { tempDir } from "../helpers/deploy-world.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { groupAlive, HANGING_CHECKS, HANGING_DEPLOY_SCRIPT } from "../helpers/hanging-step.ts";
import { nodeBinaries, ROOT } from "../helpers/run-action.ts";
import { until } from "../helpers/wait.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Site {
  repo: TestRepo;
  dir: string;
  /** Starts the CLI; `stderr()` is what it printed there so far. */
  start(
    args: string[],
    env?: Record<string, string>,
  ): { child: ChildProcess; done: Promise<Run>; stderr(): string };
  run(args: string[], env?: Record<string, string>): Promise<Run>;
  deployArgs(version: string, extra?: string[]): string[];
  /** A rollback of production with the same deploy command, and `extra` flags. */
  rollbackArgs(extra?: string[]): string[];
  calls(): string[];
  /** Last status of each record: `version state description`. */
  ledger(): { version: string; kind: string; state: string; description: string; id: string }[];
  locks(): string[];
}

const NODE = nodeBinaries()[0]?.path ?? process.execPath;

function site(ctx: TestContext): Site {
  const dir = tempDir(ctx, "cancel");
  const repo = new TestRepo();
  ctx.onTestFinished(() => repo.remove());
  for (const version of ["1.0.0", "2.0.0"]) {
    repo.commit(`feat: ${version}`);
    repo.tag(`v${version}`);
  }
  writeFileSync(path.join(dir, "deploy.sh"), HANGING_DEPLOY_SCRIPT);
  writeFileSync(path.join(dir, "checks.yml"), HANGING_CHECKS);
  const baseEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    USER: "dev",
    SITE: dir,
  };
  const shipguard = path.join(repo.dir, ".shipguard");
  const start = (args: string[], env: Record<string, string> = {}) => {
    const child = spawn(NODE, [path.join(ROOT, "dist/cli.js"), ...args], {
      cwd: repo.dir,
      env: { ...baseEnv, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr?.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    const done = new Promise<Run>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    ctx.onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    return { child, done, stderr: () => stderr };
  };
  // Whatever a test left hanging goes with it.
  ctx.onTestFinished(() => {
    for (const name of ["hanging.pgid", "slow.pgid"]) {
      const file = path.join(dir, name);
      if (existsSync(file)) groupKill(Number(readFileSync(file, "utf8")));
    }
  });
  return {
    repo,
    dir,
    start,
    run: (args, env) => start(args, env).done,
    deployArgs: (version, extra = []) => [
      "deploy",
      "--environment",
      "production",
      "--version",
      version,
      "--strategy",
      "command",
      "--deploy-command",
      `sh "${path.join(dir, "deploy.sh")}"`,
      "--traffic-steps",
      "10, 50, 100",
      "--checks-file",
      path.join(dir, "checks.yml"),
      "--on-failure",
      "none",
      ...extra,
    ],
    rollbackArgs: (extra = []) => [
      "rollback",
      "--environment",
      "production",
      "--reason",
      "2.0.0 is slow",
      "--strategy",
      "command",
      "--deploy-command",
      `sh "${path.join(dir, "deploy.sh")}"`,
      ...extra,
    ],
    calls: () => lines(path.join(dir, "deploys.log")),
    ledger() {
      const records = new Map<
        string,
        { version: string; kind: string; state: string; description: string; id: string }
      >();
      for (const line of lines(path.join(shipguard, "deployments.jsonl"))) {
        const entry = JSON.parse(line) as {
          type: string;
          id: string;
          payload?: { version: string; kind: string };
          state?: string;
          description?: string;
        };
        if (entry.type === "deployment") {
          records.set(entry.id, {
            id: entry.id,
            version: entry.payload?.version ?? "",
            kind: entry.payload?.kind ?? "",
            state: "",
            description: "",
          });
        } else {
          const record = records.get(entry.id);
          if (record !== undefined)
            Object.assign(record, { state: entry.state, description: entry.description });
        }
      }
      return [...records.values()];
    },
    locks: () => (existsSync(shipguard) ? readdirSync(shipguard).filter((f) => f.endsWith(".lock")) : []),
  };
}

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
}

function groupKill(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // gone
  }
}

/** Sends `signal` once the hanging command has recorded its process group; returns that group. */
async function cancelWhenHanging(s: Site, child: ChildProcess, signal: NodeJS.Signals): Promise<number> {
  const file = path.join(s.dir, "hanging.pgid");
  await until(() => existsSync(file) && readFileSync(file, "utf8").trim() !== "", "the command hangs", {
    timeoutMs: 20_000,
  });
  const pgid = Number(readFileSync(file, "utf8"));
  expect(groupAlive(pgid)).toBe(true);
  child.kill(signal);
  return pgid;
}

/** Starts `args`, and SIGKILLs the CLI (and then the hung command's group) once it hangs at `hangAt`. */
async function killOutright(s: Site, args: string[], hangAt: string): Promise<void> {
  const { child, done } = s.start(args, { HANG_AT: hangAt });
  const pgid = await cancelWhenHanging(s, child, "SIGKILL");
  await done;
  groupKill(pgid);
}

const EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

describe("a cancelled deploy (the bundled CLI, signalled)", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal} during a traffic step's deploy command: group ended, traffic back to 0%, recorded, unlocked, exit ${EXIT[signal]}`, async (ctx) => {
      const s = site(ctx);
      expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
      const started = performance.now();
      const { child, done } = s.start(s.deployArgs("2.0.0"), { HANG_AT: "2.0.0 50" });
      const pgid = await cancelWhenHanging(s, child, signal);
      const run = await done;
      const tookMs = performance.now() - started;

      expect(run.code, run.stderr).toBe(EXIT[signal]);
      expect(groupAlive(pgid)).toBe(false);
      expect(s.calls().slice(-3), run.stderr).toEqual([
        "deploy 2.0.0 10",
        "deploy 2.0.0 50",
        "deploy 2.0.0 0",
      ]);
      const last = s.ledger().at(-1);
      expect(last).toMatchObject({ version: "2.0.0", state: "failure" });
      expect(last?.description).toBe(`Cancelled by ${signal} at 50% (step 2 of 3); traffic is back to 0%`);
      expect(s.locks()).toEqual([]);
      expect(run.stderr).toContain(`was cancelled by ${signal} at 50% (step 2 of 3); traffic is back to 0%`);
      expect(run.stderr).toContain("the stable version serves all traffic again");
      // Well inside the runner's 7.5 s between its SIGINT and its SIGTERM (the step hung for 60 s).
      expect(tookMs).toBeLessThan(20_000);

      // The environment is free and the ledger coherent: the next deploy works.
      const next = await s.run(s.deployArgs("2.0.0"));
      expect(next.code, next.stderr).toBe(0);
      expect(s.ledger().at(-1)).toMatchObject({ version: "2.0.0", state: "success" });
    });

    it(`${signal}, then a re-run of the job (the same correlation id) deploys under the same record, exit 0`, async (ctx) => {
      const s = site(ctx);
      expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
      const args = s.deployArgs("2.0.0", ["--correlation-id", "run-9-1"]);
      const { child, done } = s.start(args, { HANG_AT: "2.0.0 50" });
      await cancelWhenHanging(s, child, signal);
      expect((await done).code).toBe(EXIT[signal]);
      const cancelled = s.ledger().at(-1);
      expect(cancelled).toMatchObject({ version: "2.0.0", state: "failure" });

      const rerun = await s.run(args);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stderr).not.toContain("nothing was done again");
      expect(rerun.stderr).toContain(
        `Deployment #${cancelled?.id} of production to 2.0.0 was cancelled before it finished (Cancelled by ${signal} at 50% (step 2 of 3); traffic is back to 0%): it counts as not done. This run takes it over.`,
      );
      expect(s.calls().slice(-3)).toEqual(["deploy 2.0.0 10", "deploy 2.0.0 50", "deploy 2.0.0 100"]);
      expect(
        s.ledger().map((r) => `${r.id === cancelled?.id ? "same" : "other"} ${r.version} ${r.state}`),
      ).toEqual(["other 1.0.0 success", "same 2.0.0 success"]);
      // A re-run of the finished job now does nothing again.
      const third = await s.run(args);
      expect(third.code, third.stderr).toBe(0);
      expect(third.stdout + third.stderr).toContain("already deployed as");
    });

    it(`${signal} during the checks of a step: the check's group ended, traffic back to 0%, recorded`, async (ctx) => {
      const s = site(ctx);
      expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
      const { child, done } = s.start(s.deployArgs("2.0.0"), { HANG_CHECK_FOR: "2.0.0" });
      const pgid = await cancelWhenHanging(s, child, signal);
      const run = await done;

      expect(run.code, run.stderr).toBe(EXIT[signal]);
      expect(groupAlive(pgid)).toBe(false);
      expect(s.calls().slice(-2)).toEqual(["deploy 2.0.0 10", "deploy 2.0.0 0"]);
      expect(s.ledger().at(-1)?.description).toBe(
        `Cancelled by ${signal} at 10% (step 1 of 3); traffic is back to 0%`,
      );
      expect(s.locks()).toEqual([]);
      expect((await s.run(s.deployArgs("2.0.0"))).code).toBe(0);
    });
  }

  // The 0% revert after a cancel fails (SIGINT: the command exits 7) or outlasts the time the
  // cancel leaves (SIGTERM: it takes 60 s): said once, loud, recorded, unlocked, the signal's exit.
  for (const [signal, revert, detail] of [
    ["SIGINT", { FAIL_AT: "2.0.0 0" }, "exit code 7"],
    ["SIGTERM", { SLOW_AT: "2.0.0 0" }, "deploy-command was stopped"],
  ] as const) {
    it(`${signal}, then the revert to 0% ${"FAIL_AT" in revert ? "fails" : "outlasts the time left"}: said once, recorded as cancelled, unlocked, exit ${EXIT[signal]}`, async (ctx) => {
      const s = site(ctx);
      expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
      const { child, done } = s.start(s.deployArgs("2.0.0"), { HANG_AT: "2.0.0 50", ...revert });
      await cancelWhenHanging(s, child, signal);
      const run = await done;

      expect(run.code, run.stderr).toBe(EXIT[signal]);
      expect(s.calls().slice(-2), run.stderr).toEqual(["deploy 2.0.0 50", "deploy 2.0.0 0"]);
      const last = s.ledger().at(-1);
      expect(last).toMatchObject({ version: "2.0.0", state: "failure" });
      expect(last?.description).toMatch(
        new RegExp(`^Cancelled by ${signal} at 50% \\(step 2 of 3\\); the revert to 0% FAILED \\(.+`),
      );
      expect(last?.description.match(/FAILED/g)).toHaveLength(1);
      const message = run.stderr
        .split("\n")
        .find((line) => line.includes("Deployment of v2.0.0 to production was"));
      expect(message, run.stderr).toContain(
        `was cancelled by ${signal} at 50% (step 2 of 3); the revert to 0% FAILED (`,
      );
      expect(message).toContain(detail);
      expect(message?.match(/FAILED/g)).toHaveLength(1);
      expect(message).toContain("v2.0.0 may serve, unverified: run a rollback to put v1.0.0 back");
      expect(s.locks()).toEqual([]);
      // The revert that outlasted the time was stopped, its group with it.
      const slow = path.join(s.dir, "slow.pgid");
      if ("SLOW_AT" in revert) expect(groupAlive(Number(readFileSync(slow, "utf8")))).toBe(false);
    });
  }

  it("SIGINT to a plain deploy during its checks: recorded as cancelled, no rollback, says what may serve", async (ctx) => {
    const s = site(ctx);
    const plain = (v: string) =>
      s.deployArgs(v).filter((a, i, all) => a !== "--traffic-steps" && all[i - 1] !== "--traffic-steps");
    expect((await s.run(plain("1.0.0"))).code).toBe(0);
    const { child, done } = s.start([...plain("2.0.0"), "--on-failure", "rollback"], {
      HANG_CHECK_FOR: "2.0.0",
    });
    await cancelWhenHanging(s, child, "SIGINT");
    const run = await done;
    expect(run.code, run.stderr).toBe(130);
    expect(s.ledger().map((r) => `${r.kind} ${r.version} ${r.state}`)).toEqual([
      "deploy 1.0.0 success",
      "deploy 2.0.0 failure",
    ]);
    expect(s.ledger().at(-1)?.description).toBe("Cancelled by SIGINT during the smoke checks");
    expect(run.stderr).toContain("v2.0.0 may serve, unverified: run a rollback to put v1.0.0 back");
  });

  it("SIGINT to a deploy whose webhook never answers: the notification gets what the runner leaves, not its 15 s", async (ctx) => {
    const s = site(ctx);
    const hook = await webhookReceiver(ctx, { answer: "never" });
    const plain = (v: string) =>
      s.deployArgs(v).filter((a, i, all) => a !== "--traffic-steps" && all[i - 1] !== "--traffic-steps");
    expect((await s.run(plain("1.0.0"))).code).toBe(0);
    const { child, done } = s.start([...plain("2.0.0"), "--notify-url", hook.url], {
      HANG_CHECK_FOR: "2.0.0",
    });
    await cancelWhenHanging(s, child, "SIGINT");
    const signalled = performance.now();
    const run = await done;
    // The runner sends SIGTERM 7.5 s after its SIGINT: everything, telling included, is done before.
    expect(performance.now() - signalled).toBeLessThan(7_500);
    expect(run.code, run.stderr).toBe(130);
    expect(hook.events.map((e) => e.event)).toEqual(["cancelled"]);
    expect(run.stderr).toMatch(
      /warning: Could not notify notify-url 1 \(127\.0\.0\.1:\d+\) of cancelled: no complete answer .*notifications' deadline\)\. The outcome is unchanged\./,
    );
    expect(run.stderr).not.toContain("did not finish in the time the runner gives");
    expect(s.ledger().at(-1)).toMatchObject({ version: "2.0.0", state: "failure" });
  });

  it("SIGINT while the deploy waits for another deploy's lock: nothing recorded, exit 130", async (ctx) => {
    const s = site(ctx);
    const first = s.start(s.deployArgs("1.0.0"), { HANG_AT: "1.0.0 10" });
    await until(() => existsSync(path.join(s.dir, "hanging.pgid")), "the first deploy hangs", {
      timeoutMs: 20_000,
    });
    const second = s.start(s.deployArgs("2.0.0"));
    await until(() => second.stderr().includes("Waiting for"), "the second deploy waits for the lock", {
      timeoutMs: 20_000,
    });
    second.child.kill("SIGINT");
    const run = await second.done;
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toContain("SG_CANCELLED");
    expect(s.ledger().map((r) => r.version)).toEqual(["1.0.0"]);
    first.child.kill("SIGTERM");
    expect((await first.done).code).toBe(143);
    expect(s.locks()).toEqual([]);
  });
});

/** The statuses of the ledger's records, oldest first: `state description`. */
function statusLines(s: Site): string[] {
  return lines(path.join(s.repo.dir, ".shipguard", "deployments.jsonl"))
    .map((line) => JSON.parse(line) as { type: string; state?: string; description?: string })
    .filter((e) => e.type === "status")
    .map((e) => `${e.state} ${e.description}`);
}

describe("a rollback cancelled by SIGINT or SIGTERM counts as not done: the next run finishes it", () => {
  /** 1.0.0 then 2.0.0 verified; a rollback (`extra` flags) to 1.0.0 cancelled by `signal` during its deploy command. */
  async function cancelledRollback(ctx: TestContext, signal: NodeJS.Signals, extra: string[]): Promise<Site> {
    const s = site(ctx);
    expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
    expect((await s.run(s.deployArgs("2.0.0"))).code).toBe(0);
    const { child, done } = s.start(s.rollbackArgs(extra), { HANG_AT: "1.0.0 unset" });
    const pgid = await cancelWhenHanging(s, child, signal);
    const run = await done;
    expect(run.code, run.stderr).toBe(EXIT[signal]);
    expect(groupAlive(pgid)).toBe(false);
    expect(s.ledger().at(-1)).toMatchObject({
      kind: "rollback",
      version: "1.0.0",
      state: "failure",
      description: `Rollback cancelled by ${signal} during the deploy`,
    });
    expect(run.stderr).toContain("run the rollback again (it takes over from here) or deploy");
    expect(s.locks()).toEqual([]);
    return s;
  }

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal}, then a re-run of the same correlation id rolls back under the same record, exit 0`, async (ctx) => {
      const rerun = ["--correlation-id", "run-5-1"];
      const s = await cancelledRollback(ctx, signal, rerun);
      const again = await s.run(s.rollbackArgs(rerun));

      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toContain("nothing was done again");
      expect(again.stderr).toMatch(/Rollback #\S+ of production to 1\.0\.0 was cancelled before it finished/);
      expect(again.stdout + again.stderr).toContain(
        "Rolled production back from 2.0.0 to v1.0.0; its checks pass.",
      );
      expect(s.calls().slice(-2)).toEqual(["rollback 1.0.0 unset", "rollback 1.0.0 unset"]);
      expect(s.ledger().map((r) => `${r.kind} ${r.version} ${r.state}`)).toEqual([
        "deploy 1.0.0 success",
        "deploy 2.0.0 success",
        "rollback 1.0.0 success",
      ]);
      expect(statusLines(s).slice(-3)).toEqual([
        `failure Rollback cancelled by ${signal} during the deploy`,
        "in_progress Rolling back to 1.0.0 again (the attempt before was interrupted)",
        "success Rolled back to 1.0.0; verified",
      ]);
      expect(s.locks()).toEqual([]);
    });

    it(`${signal}, then a new rollback takes it over (no "rollback of a rollback"): 1.0.0 is put back`, async (ctx) => {
      const s = await cancelledRollback(ctx, signal, []);
      const again = await s.run(s.rollbackArgs());

      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toContain("SG_ROLLBACK_OF_ROLLBACK");
      expect(again.stderr).toContain(
        `(Rollback cancelled by ${signal} during the deploy): it counts as not done.`,
      );
      expect(again.stdout + again.stderr).toContain(
        "Rolled production back from 2.0.0 to v1.0.0; its checks pass.",
      );
      expect(s.ledger().map((r) => `${r.kind} ${r.version} ${r.state}`)).toEqual([
        "deploy 1.0.0 success",
        "deploy 2.0.0 success",
        "rollback 1.0.0 failure",
        "rollback 1.0.0 success",
      ]);
    });
  }
});

describe("an attempt killed outright (SIGKILL) is taken over by the next run", () => {
  it("a re-run of the same correlation id says it was interrupted, deploys again under the same record", async (ctx) => {
    const s = site(ctx);
    expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
    const args = s.deployArgs("2.0.0", ["--correlation-id", "run-7-1"]);
    await killOutright(s, args, "2.0.0 10");
    expect(s.ledger().at(-1)).toMatchObject({ version: "2.0.0", state: "in_progress" });
    expect(s.locks().length).toBe(1);

    const rerun = await s.run(args);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain("was interrupted (still in progress)");
    expect(rerun.stderr).not.toContain("already deployed");
    const records = s.ledger();
    expect(records.map((r) => `${r.version} ${r.state}`)).toEqual(["1.0.0 success", "2.0.0 success"]);
    expect(s.locks()).toEqual([]);
  });

  it("a deploy killed mid-way is closed by the next deploy (another correlation id), which says so and goes on", async (ctx) => {
    const s = site(ctx);
    expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
    await killOutright(s, s.deployArgs("2.0.0"), "2.0.0 10");
    const dead = s.ledger().at(-1);
    expect(dead).toMatchObject({ version: "2.0.0", state: "in_progress" });
    expect(s.locks().length).toBe(1);

    const next = await s.run(s.deployArgs("2.0.0"));
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain(
      `Deployment #${dead?.id} of production to 2.0.0 was interrupted (still in progress): its run ended before it finished. This run takes it over.`,
    );
    expect(s.ledger().map((r) => `${r.kind} ${r.version} ${r.state}`)).toEqual([
      "deploy 1.0.0 success",
      "deploy 2.0.0 error",
      "deploy 2.0.0 success",
    ]);
    expect(s.ledger()[1]).toMatchObject({
      id: dead?.id,
      description: "Interrupted (still in progress when its run ended); taken over by a new deploy",
    });
    expect(s.locks()).toEqual([]);
    // Said once: the deploy after it finds a finished record.
    const third = await s.run(s.deployArgs("2.0.0"));
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).not.toContain("was interrupted");
  });

  it("a rollback killed mid-way and re-run with its correlation id finishes under its own record", async (ctx) => {
    const s = site(ctx);
    expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
    expect((await s.run(s.deployArgs("2.0.0"))).code).toBe(0);
    const rollback = s.rollbackArgs(["--correlation-id", "run-9-1"]);
    await killOutright(s, rollback, "1.0.0 unset");

    const again = await s.run(rollback);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("was interrupted (still in progress)");
    expect(again.stderr).not.toContain("already ran");
    // The same record, in progress again, then verified: no second rollback record.
    expect(s.ledger().map((r) => `${r.kind} ${r.version} ${r.state}`)).toEqual([
      "deploy 1.0.0 success",
      "deploy 2.0.0 success",
      "rollback 1.0.0 success",
    ]);
    const statuses = lines(path.join(s.repo.dir, ".shipguard", "deployments.jsonl"))
      .map((line) => JSON.parse(line) as { type: string; state?: string; description?: string })
      .filter((e) => e.type === "status")
      .slice(-3);
    expect(statuses.map((e) => e.state)).toEqual(["in_progress", "in_progress", "success"]);
    expect(statuses[1]?.description).toContain("again (the attempt before was interrupted)");
  });

  it("a rollback killed mid-way is taken over by the next rollback, which finishes it", async (ctx) => {
    const s = site(ctx);
    expect((await s.run(s.deployArgs("1.0.0"))).code).toBe(0);
    expect((await s.run(s.deployArgs("2.0.0"))).code).toBe(0);
    const rollback = s.rollbackArgs();
    await killOutright(s, rollback, "1.0.0 unset");
    expect(s.ledger().at(-1)).toMatchObject({ kind: "rollback", version: "1.0.0", state: "in_progress" });

    const again = await s.run(rollback);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("was interrupted (still in progress)");
    expect(again.stderr).not.toContain("ended in_progress");
    expect(s.ledger().map((r) => `${r.kind} ${r.version} ${r.state}`)).toEqual([
      "deploy 1.0.0 success",
      "deploy 2.0.0 success",
      "rollback 1.0.0 error",
      "rollback 1.0.0 success",
    ]);
  });
});

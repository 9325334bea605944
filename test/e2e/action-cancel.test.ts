/**
 * A cancelled workflow run (issue 18, item 1), as the runner cancels a step: `node dist/index.js`
 * gets SIGINT (then, 7.5 s later, SIGTERM) on its own process only. The deploy records live in the
 * GitHub emulator. Sent during a canary step's deploy command and during its checks: the command's
 * process group is gone, traffic went back to 0%, the deployment's last status is `failure`,
 * cancelled, the step fails with exit 130 or 143, and the next deploy of the environment works. A
 * rollback cancelled so is finished by the job's re-run (the same correlation id), on GitHub's records.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deployWorld, tempDir } from "../helpers/deploy-world.ts";
import { groupAlive, HANGING_CHECKS, HANGING_DEPLOY_SCRIPT } from "../helpers/hanging-step.ts";
import { nodeBinaries } from "../helpers/run-action.ts";
import { until } from "../helpers/wait.ts";

const EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
const NODE = nodeBinaries()[0]?.path;

describe("a cancelled workflow run (the bundled action, signalled as the runner does)", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const phase of ["deploy command", "checks"] as const) {
      it(`${signal} during a canary step's ${phase}: reverted to 0%, recorded cancelled, exit ${EXIT[signal]}`, async (ctx) => {
        const w = await deployWorld(ctx);
        const site = tempDir(ctx, "action-cancel");
        writeFileSync(path.join(site, "deploy.sh"), HANGING_DEPLOY_SCRIPT);
        ctx.onTestFinished(() => {
          const file = path.join(site, "hanging.pgid");
          if (existsSync(file)) {
            try {
              process.kill(-Number(readFileSync(file, "utf8")), "SIGKILL");
            } catch {
              // gone, as it should be
            }
          }
        });
        w.ship("v1.0.0", true);
        w.ship("v2.0.0", true);
        const inputs = (version: string) => ({
          command: "deploy",
          environment: "production",
          version,
          strategy: "command",
          "deploy-command": `sh "${path.join(site, "deploy.sh")}"`,
          "traffic-steps": "10, 50, 100",
          checks: HANGING_CHECKS,
          "on-failure": "none",
        });
        const env = { SITE: site };
        const first = await w.run(inputs("1.0.0"), { env, node: NODE });
        expect(first.code, first.stdout).toBe(0);

        const hang: Record<string, string> =
          phase === "checks" ? { HANG_CHECK_FOR: "2.0.0" } : { HANG_AT: "2.0.0 50" };
        const { child, done } = w.start(inputs("2.0.0"), { env: { ...env, ...hang }, node: NODE });
        const pgidFile = path.join(site, "hanging.pgid");
        await until(
          () => existsSync(pgidFile) && readFileSync(pgidFile, "utf8").trim() !== "",
          "a step hangs",
          {
            timeoutMs: 20_000,
          },
        );
        const pgid = Number(readFileSync(pgidFile, "utf8"));
        child.kill(signal);
        const run = await done;

        expect(run.code, run.stdout).toBe(EXIT[signal]);
        expect(groupAlive(pgid)).toBe(false);
        const at = phase === "checks" ? "10% (step 1 of 3)" : "50% (step 2 of 3)";
        const calls = readFileSync(path.join(site, "deploys.log"), "utf8").trim().split("\n");
        expect(calls.at(-1)).toBe("deploy 2.0.0 0");
        const cancelled = w.emulator.state.deployments[1];
        expect(cancelled?.payload).toMatchObject({ version: "2.0.0" });
        expect(cancelled?.statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
        expect(cancelled?.statuses.at(-1)?.description).toBe(
          `Cancelled by ${signal} at ${at}; traffic is back to 0%`,
        );
        expect(run.outputs.status).toBe("failure");
        // Workflow commands escape `%` as `%25`.
        expect(run.stdout).toContain(
          `::error::Deployment of v2.0.0 to production was cancelled by ${signal} at ${at.replace("%", "%25")}`,
        );
        expect(run.summary).toContain(`cancelled by ${signal} at ${at}`);

        const next = await w.run(inputs("2.0.0"), { env, node: NODE });
        expect(next.code, next.stdout).toBe(0);
        expect(w.emulator.state.deployments[2]?.statuses.map((s) => s.state)).toEqual([
          "in_progress",
          "success",
        ]);
      });
    }
  }

  it("SIGTERM during a rollback's deploy command, then the job re-run (same correlation id): it rolls back, exit 0", async (ctx) => {
    const w = await deployWorld(ctx);
    const site = tempDir(ctx, "action-cancel-rollback");
    writeFileSync(path.join(site, "deploy.sh"), HANGING_DEPLOY_SCRIPT);
    const pgidFile = path.join(site, "hanging.pgid");
    ctx.onTestFinished(() => {
      try {
        if (existsSync(pgidFile)) process.kill(-Number(readFileSync(pgidFile, "utf8")), "SIGKILL");
      } catch {
        // gone, as it should be
      }
    });
    w.ship("v1.0.0", true);
    w.ship("v2.0.0", true);
    const command = { strategy: "command", "deploy-command": `sh "${path.join(site, "deploy.sh")}"` };
    const env = { SITE: site };
    for (const version of ["1.0.0", "2.0.0"]) {
      const deployed = await w.run(
        { command: "deploy", environment: "production", version, ...command },
        { env, node: NODE },
      );
      expect(deployed.code, deployed.stdout).toBe(0);
    }
    const rollback = {
      command: "rollback",
      environment: "production",
      reason: "2.0.0 is slow",
      "correlation-id": "run-41-1",
      ...command,
    };
    const { child, done } = w.start(rollback, { env: { ...env, HANG_AT: "1.0.0 unset" }, node: NODE });
    await until(
      () => existsSync(pgidFile) && readFileSync(pgidFile, "utf8").trim() !== "",
      "the rollback hangs",
      {
        timeoutMs: 20_000,
      },
    );
    child.kill("SIGTERM");
    const cancelled = await done;
    expect(cancelled.code, cancelled.stdout).toBe(143);
    const record = w.emulator.state.deployments[2];
    expect(record?.payload).toMatchObject({ kind: "rollback", version: "1.0.0" });
    expect(record?.statuses.at(-1)).toMatchObject({
      state: "failure",
      description: "Rollback cancelled by SIGTERM during the deploy",
    });

    const rerun = await w.run(rollback, { env, node: NODE });
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs.status).toBe("success");
    expect(rerun.stdout).not.toContain("nothing was done again");
    expect(w.emulator.state.deployments).toHaveLength(3);
    expect(record?.statuses.map((s) => s.state)).toEqual([
      "in_progress",
      "failure",
      "in_progress",
      "success",
    ]);
  });
});

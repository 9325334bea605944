/**
 * The promotion gate on GitHub: the bundled action on the API emulator reads GitHub Deployments of
 * staging before it deploys to production. Verified there: it proceeds and says so. Never deployed,
 * deployed but failed, deployed then rolled back from: blocked before anything is deployed or
 * recorded, the step failing with the code and the fix. `force` with a `reason` goes through, and
 * the deployment's payload says it was forced.
 */
import { describe, expect, it } from "vitest";
import { appChecks, deployWorld, payloadOf } from "../helpers/deploy-world.ts";

const GATE = { "require-verified-in": "staging" };

describe.concurrent("require-verified-in on GitHub", () => {
  it("proceeds when verified in staging, and blocks what is not, without recording anything", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    expect((await w.deploy("1.0.0", { environment: "staging" })).outputs.status).toBe("success");
    const promoted = await w.deploy("1.0.0", GATE);
    expect(promoted.code, promoted.stdout).toBe(0);
    expect(promoted.summary).toMatch(/Promoted: verified in staging \(#\d+\)\./);

    // 1.1.0: never deployed to staging. 1.2.0: deployed there, its checks failed. 1.3.0: verified
    // there, then staging was rolled back from it.
    w.ship("v1.1.0", true);
    w.ship("v1.2.0", false);
    const failed = await w.deploy("1.2.0", {
      environment: "staging",
      "on-failure": "none",
      checks: appChecks(w.port, { deadlineMs: 800 }),
    });
    expect(failed.outputs.status).toBe("failure");
    w.ship("v1.3.0", true);
    expect((await w.deploy("1.3.0", { environment: "staging" })).outputs.status).toBe("success");
    const back = await w.rollback({ environment: "staging", reason: "1.3.0 breaks checkout" });
    expect(back.outputs).toMatchObject({ status: "success", "rolled-back-from": "1.3.0" });

    const deployments = w.emulator.state.deployments.length;
    const dispatches = w.emulator.state.dispatches.length;
    for (const [version, says] of [
      ["1.1.0", "staging (never deployed there)"],
      ["1.2.0", "failed; an older success does not count"],
      ["1.3.0", "then rolled back from"],
    ] as const) {
      const run = await w.deploy(version, GATE);
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ status: "blocked", "deployment-id": "" });
      const error = run.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
      expect(error).toContain(`::error::SG_NOT_VERIFIED_IN: ${version} is not verified in staging`);
      expect(error).toContain(says);
      expect(error).toContain("%0AFix: Deploy");
      expect(run.summary).toContain(`🛑 shipguard deploy: v${version} to production blocked`);
      expect(run.stdout).not.toContain("Deploying");
    }
    expect(w.emulator.state.deployments).toHaveLength(deployments);
    expect(w.emulator.state.dispatches).toHaveLength(dispatches);
    expect(await w.served()).toBe("1.0.0");
  });

  it("a tag moved after it was verified in staging is blocked, naming both commits (issue 18, item 2)", async (ctx) => {
    const w = await deployWorld(ctx);
    const verified = w.ship("v1.0.0", true);
    expect((await w.deploy("1.0.0", { environment: "staging" })).outputs.status).toBe("success");
    const moved = w.ship("v1.0.1", true);
    w.origin.git("tag", "-f", "v1.0.0", moved);
    const run = await w.deploy("1.0.0", GATE);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: "blocked", "deployment-id": "" });
    const error = run.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
    expect(error).toContain(
      `SG_NOT_VERIFIED_IN: 1.0.0 is not verified in staging (deployed there as v1.0.0 at ${verified.slice(0, 12)} (#`,
    );
    expect(error).toContain(`but v1.0.0 points at ${moved.slice(0, 12)} now (the tag was moved)`);
    expect(run.summary).toContain("deployed as another tag or commit");
    expect(w.emulator.state.deployments).toHaveLength(1);
  });

  it("force with a reason goes through, and the deployment says forced", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    const refused = await w.deploy("1.0.0", { ...GATE, force: "true" });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("A forced deploy needs a reason");
    expect(w.emulator.state.deployments).toHaveLength(0);

    const forced = await w.deploy("1.0.0", { ...GATE, force: "true", reason: "hotfix, staging is down" });
    expect(forced.code, forced.stdout).toBe(0);
    expect(forced.stdout).toContain("::warning::Forced past require-verified-in");
    expect(forced.summary).toContain("⚠️ **Forced** past require-verified-in");
    const created = w.emulator.state.deployments[0];
    expect(payloadOf(created).reason).toBe(
      "forced past require-verified-in (not verified in staging (never deployed there)): hotfix, staging is down",
    );
    expect(created?.description).toContain("(forced past require-verified-in)");
  });
});

/**
 * The promotion gate on a laptop: `node dist/cli.js deploy --require-verified-in staging` with the
 * local ledger. A version verified in staging proceeds to production; one never deployed there,
 * one whose checks failed there, and one rolled back from there are each blocked before anything
 * happens (the deploy command never runs, no record is made); `--force` with a `--reason` goes
 * through and the record says so.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { TestRepo } from "../helpers/git-repo.ts";
import { runCli as cli } from "../helpers/run-cli.ts";

/** A repository with tags v1.0.0 .. v1.3.0; the checks fail for 1.2.0, and for any while `broken` exists. */
function project(ctx: TestContext) {
  const repo = new TestRepo();
  ctx.onTestFinished(() => repo.remove());
  for (const v of ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]) {
    repo.commit(`feat: ${v}`);
    repo.tag(`v${v}`);
  }
  const log = path.join(repo.dir, "deploys.log");
  const deploy = (environment: string, version: string, extra: string[] = []) =>
    cli(repo.dir, [
      "deploy",
      "--environment",
      environment,
      "--version",
      version,
      "--deploy-command",
      'echo "$SHIPGUARD_ENVIRONMENT $SHIPGUARD_VERSION" >> deploys.log',
      "--checks",
      'settings: { deadline-ms: 600, retry-interval-ms: 100 }\nchecks:\n  - name: works\n    command: test "$SHIPGUARD_VERSION" != 1.2.0 && test ! -f broken',
      "--on-failure",
      "none",
      "--json",
      ...extra,
    ]);
  const deployed = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
  const ledger = () =>
    readFileSync(path.join(repo.dir, ".shipguard", "deployments.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { repo, deploy, deployed, ledger };
}

const gate = ["--require-verified-in", "staging"];

describe.concurrent("require-verified-in with the local ledger", () => {
  it("a version verified in staging proceeds to production; --json says where it was verified", async (ctx) => {
    const p = project(ctx);
    expect((await p.deploy("staging", "1.0.0")).code).toBe(0);
    const prod = await p.deploy("production", "1.0.0", gate);
    expect(prod.code, prod.stderr).toBe(0);
    const r = JSON.parse(prod.stdout) as Record<string, unknown>;
    expect(r).toMatchObject({ status: "success", blocked: null, forced: null });
    expect(r.gate).toEqual([expect.objectContaining({ environment: "staging", state: "verified" })]);
    expect(p.deployed()).toEqual(["staging 1.0.0", "production 1.0.0"]);
  });

  it("never deployed, deployed but failed, deployed then rolled back from: each blocked, nothing deployed or recorded", async (ctx) => {
    const p = project(ctx);
    // 1.2.0 fails its checks in staging; 1.3.0 passes there, then staging is rolled back from it.
    expect((await p.deploy("staging", "1.0.0")).code).toBe(0);
    expect((await p.deploy("staging", "1.2.0")).code).toBe(1);
    expect((await p.deploy("staging", "1.3.0")).code).toBe(0);
    const back = await cli(p.repo.dir, [
      "rollback",
      "--environment",
      "staging",
      "--reason",
      "1.3.0 breaks checkout",
      "--deploy-command",
      'echo "$SHIPGUARD_ENVIRONMENT $SHIPGUARD_VERSION" >> deploys.log',
    ]);
    expect(back.code, back.stderr).toBe(0);
    const before = { deployed: p.deployed(), ledger: p.ledger().length };

    const cases: [string, string, RegExp][] = [
      ["1.1.0", "never-deployed", /staging \(never deployed there\)/],
      [
        "1.2.0",
        "failed",
        /staging \(its newest deployment there \(#[^)]+\) failed; an older success does not count\)/,
      ],
      ["1.3.0", "rolled-back-from", /staging \(deployed there \(#[^)]+\), then rolled back from\)/],
    ];
    for (const [version, state, says] of cases) {
      const run = await p.deploy("production", version, gate);
      expect(run.code, `${version}: ${run.stderr}`).toBe(1);
      const r = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(r).toMatchObject({ status: "blocked", deploymentId: "" });
      expect(r.gate).toEqual([expect.objectContaining({ environment: "staging", state })]);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).toContain(`SG_NOT_VERIFIED_IN: ${version} is not verified in staging`);
      expect(run.stderr).toContain(`Fix: Deploy ${version} to staging and let its checks pass`);
    }
    // Nothing was deployed and no record was made for any of the three.
    expect(p.deployed()).toEqual(before.deployed);
    expect(p.ledger()).toHaveLength(before.ledger);
  });

  it("a version whose newest deployment in staging failed is blocked, although an older one passed (issue 18, item 3)", async (ctx) => {
    const p = project(ctx);
    expect((await p.deploy("staging", "1.1.0")).code).toBe(0);
    // The same version again, now failing its checks: with the default on-failure there is no
    // older version to roll back to, so nothing marks 1.1.0 as rolled back from.
    writeFileSync(path.join(p.repo.dir, "broken"), "");
    const redeploy = await p.deploy("staging", "1.1.0", ["--on-failure", "rollback"]);
    expect(redeploy.code).toBe(1);
    expect(redeploy.stderr).toContain(
      "The last known good version is this same version: no rollback was started.",
    );
    rmSync(path.join(p.repo.dir, "broken"));

    const run = await p.deploy("production", "1.1.0", gate);
    expect(run.code, run.stderr).toBe(1);
    const r = JSON.parse(run.stdout) as { gate: unknown; deploymentId: string };
    expect(r).toMatchObject({ status: "blocked", deploymentId: "" });
    expect(r.gate).toEqual([
      expect.objectContaining({
        environment: "staging",
        state: "failed",
        deploymentId: JSON.parse(redeploy.stdout).deploymentId,
      }),
    ]);
    expect(run.stderr).toMatch(
      /SG_NOT_VERIFIED_IN: 1\.1\.0 is not verified in staging \(its newest deployment there \(#[^)]+\) failed; an older success does not count\)/,
    );
    expect(p.deployed()).toEqual(["staging 1.1.0", "staging 1.1.0"]);
  });

  it("only the same commit counts: a moved tag, or another package's tag of the version, is blocked naming both (issue 18, item 2)", async (ctx) => {
    const p = project(ctx);
    const verified = p.repo.git("rev-parse", "v1.1.0").trim();
    expect((await p.deploy("staging", "1.1.0")).code).toBe(0);
    // v1.1.0 moved to another commit after it was verified in staging.
    const moved = p.repo.commit("fix: hotfix on top");
    p.repo.git("tag", "-f", "v1.1.0", moved);
    const run = await p.deploy("production", "1.1.0", gate);
    expect(run.code, run.stderr).toBe(1);
    const r = JSON.parse(run.stdout) as { gate: unknown };
    expect(r).toMatchObject({ status: "blocked", sha: moved });
    expect(r.gate).toEqual([
      expect.objectContaining({
        environment: "staging",
        state: "other-commit",
        mismatch: { recorded: { tag: "v1.1.0", sha: verified }, deploying: { tag: "v1.1.0", sha: moved } },
      }),
    ]);
    expect(run.stderr).toContain(
      `SG_NOT_VERIFIED_IN: 1.1.0 is not verified in staging (deployed there as v1.1.0 at ${verified.slice(0, 12)} (#`,
    );
    expect(run.stderr).toContain(`but v1.1.0 points at ${moved.slice(0, 12)} now (the tag was moved)`);

    // A monorepo: api@2.0.0 verified in staging says nothing about web@2.0.0.
    const api = p.repo.commit("feat(api): 2.0.0");
    p.repo.tag("api@2.0.0");
    const web = p.repo.commit("feat(web): 2.0.0");
    p.repo.tag("web@2.0.0");
    expect((await p.deploy("staging", "2.0.0", ["--tag-prefix", "api@"])).code).toBe(0);
    const webRun = await p.deploy("production", "2.0.0", [...gate, "--tag-prefix", "web@"]);
    expect(webRun.code, webRun.stderr).toBe(1);
    expect(webRun.stderr).toMatch(
      new RegExp(
        `SG_NOT_VERIFIED_IN: 2\\.0\\.0 is not verified in staging \\(deployed there as api@2\\.0\\.0 at ${api.slice(0, 12)} \\(#[^)]+\\), not as web@2\\.0\\.0 at ${web.slice(0, 12)}: only the same commit counts\\)`,
      ),
    );
    expect(p.deployed()).toEqual(["staging 1.1.0", "staging 2.0.0"]);
  });

  it("the gate reads `Staging` and `staging` as one environment (issue 18, item 11)", async (ctx) => {
    const p = project(ctx);
    expect((await p.deploy("Staging", "1.0.0")).code).toBe(0);
    const prod = await p.deploy("production", "1.0.0", gate);
    expect(prod.code, prod.stderr).toBe(0);
    expect(JSON.parse(prod.stdout).gate).toEqual([
      expect.objectContaining({ environment: "staging", state: "verified" }),
    ]);
  });

  it("--force with a --reason goes through and the record says forced; --force alone is refused", async (ctx) => {
    const p = project(ctx);
    const bare = await p.deploy("production", "1.1.0", [...gate, "--force"]);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain("A forced deploy needs a reason");
    expect(p.deployed()).toEqual([]);

    const forced = await p.deploy("production", "1.1.0", [
      ...gate,
      "--force",
      "--reason",
      "hotfix, staging is down",
    ]);
    expect(forced.code, forced.stderr).toBe(0);
    const r = JSON.parse(forced.stdout) as Record<string, unknown>;
    expect(r).toMatchObject({
      status: "success",
      forced: { reason: "hotfix, staging is down", missing: ["staging (never deployed there)"] },
    });
    expect(forced.stderr).toContain("Forced past require-verified-in");
    const created = p
      .ledger()
      .find((l) => (l as { payload?: { version?: string } }).payload?.version === "1.1.0");
    expect(JSON.stringify(created)).toContain(
      "forced past require-verified-in (not verified in staging (never deployed there)): hotfix, staging is down",
    );
    expect(p.deployed()).toEqual(["production 1.1.0"]);
  });
});

/**
 * The canary's traffic steps (issue 13) through the product's own deploy command, in process, with
 * the local ledger and a real app on loopback whose error rate grows with the traffic it is given:
 * the deploy command (a shell script) logs each call and writes the version and its percentage to
 * a weight file the app reads on every request. A bad version answers 500 on percent/200 of the
 * requests (5% at 10% of traffic, 25% at 50%), spread evenly, so a sampled check that needs 90%
 * success passes it at 10% and fails it at 50%. A good version never errs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import type { DeployResult } from "../../src/commands/deploy.ts";
import { NEVER_CANCELLED, type RunContext } from "../../src/context.ts";
import type { Logger } from "../../src/ports.ts";
import { CompositionRoot } from "../../src/registry/compose.ts";
import { COMMAND_REGISTRY, type Presentation } from "../../src/registry/index.ts";
import { startServer } from "../fixtures/smoke/loopback.ts";
import { tempDir } from "../helpers/deploy-world.ts";
import { TestRepo } from "../helpers/git-repo.ts";

const BAD = new Set(["2.0.0"]);

/** The deploy command: logs the call, refuses where told to, then sets the weight atomically. */
const DEPLOY_SCRIPT = `set -eu
percent="\${SHIPGUARD_TRAFFIC_PERCENT-unset}"
printf '%s %s %s\\n' "$SHIPGUARD_KIND" "$SHIPGUARD_VERSION" "$percent" >> "$TRAFFIC_DIR/deploys.log"
if [ "$percent" = "\${FAIL_AT_PERCENT-none}" ]; then echo "the load balancer refused $percent%" >&2; exit 7; fi
printf '%s %s\\n' "$SHIPGUARD_VERSION" "\${SHIPGUARD_TRAFFIC_PERCENT-100}" > "$TRAFFIC_DIR/weight.tmp"
mv "$TRAFFIC_DIR/weight.tmp" "$TRAFFIC_DIR/weight"
`;

interface Site {
  repo: TestRepo;
  dir: string;
  logs: string[];
  /** The product's deploy command with these options over the site's. */
  deploy(
    version: string,
    options?: Record<string, string>,
    env?: Record<string, string>,
  ): Promise<Presentation>;
  /** The deploy command's calls: `kind version percent`. */
  calls(): string[];
  /** The percentages the checks saw, one per passing run of the command check. */
  checkPercents(): string[];
  /** The last status of each deployment in the ledger, oldest first. */
  ledger(): { version: string; state: string; description: string }[];
}

async function site(ctx: TestContext): Promise<Site> {
  const dir = tempDir(ctx, "traffic");
  const repo = new TestRepo();
  ctx.onTestFinished(() => repo.remove());
  for (const version of ["1.0.0", "1.1.0", "2.0.0"]) {
    repo.commit(`feat: ${version}`);
    repo.tag(`v${version}`);
  }
  writeFileSync(path.join(dir, "deploy.sh"), DEPLOY_SCRIPT);

  // The app: the weight file says which version takes how much traffic; errors restart counting
  // whenever it changes, so every 20 requests hold exactly percent/10 failures for a bad version.
  let state = "";
  let served = 0;
  const app = await startServer((_request, response) => {
    const weight = path.join(dir, "weight");
    const now = existsSync(weight) ? readFileSync(weight, "utf8").trim() : "none 0";
    if (now !== state) [state, served] = [now, 0];
    const [version = "", percent = "0"] = now.split(" ");
    const share = BAD.has(version) ? Number(percent) : 0;
    const i = served++;
    const fails = Math.floor(((i + 1) * share) / 200) > Math.floor((i * share) / 200);
    response.writeHead(fails ? 500 : 200).end(fails ? "error" : "ok");
  });
  ctx.onTestFinished(() => app.close());

  const checks = `settings: { deadline-ms: 1500, retry-interval-ms: 100, consecutive-passes: 1 }
checks:
  - name: errors
    http: ${app.url}/
    requests: 20
    concurrency: 4
    min-success-rate: 0.9
    timeout-ms: 2000
  - name: percent seen
    command: printf '%s\\n' "\${SHIPGUARD_TRAFFIC_PERCENT-unset}" >> "$TRAFFIC_DIR/checks.log"
`;
  const logs: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: (m) => logs.push(`info: ${m}`),
    warning: (m) => logs.push(`warning: ${m}`),
    untrusted: (t) => logs.push(`untrusted: ${t}`),
  };
  const lines = (file: string) => {
    const at = path.resolve(dir, file);
    return existsSync(at) ? readFileSync(at, "utf8").split("\n").filter(Boolean) : [];
  };
  return {
    repo,
    dir,
    logs,
    async deploy(version, options = {}, env = {}) {
      const context = runContext(repo.dir, logger, {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: dir,
        TRAFFIC_DIR: dir,
        DEPLOY_SCRIPT: path.join(dir, "deploy.sh"),
        ...env,
      });
      const settings: Record<string, string> = {
        environment: "production",
        version,
        strategy: "command",
        "deploy-command": 'sh "$DEPLOY_SCRIPT"',
        checks,
        "on-failure": "none",
        ...options,
      };
      const command = await COMMAND_REGISTRY.deploy.load();
      return command.execute((name) => settings[name], new CompositionRoot(context));
    },
    calls: () => lines("deploys.log"),
    checkPercents: () => lines("checks.log"),
    ledger() {
      const records = new Map<string, { version: string; state: string; description: string }>();
      for (const line of lines(path.join(repo.dir, ".shipguard", "deployments.jsonl"))) {
        const entry = JSON.parse(line) as {
          type: string;
          id: string;
          payload?: { version: string };
          state?: string;
          description?: string;
        };
        if (entry.type === "deployment") {
          records.set(entry.id, { version: entry.payload?.version ?? "", state: "", description: "" });
        } else if (entry.type === "status") {
          const record = records.get(entry.id);
          if (record) Object.assign(record, { state: entry.state, description: entry.description });
        }
      }
      return [...records.values()];
    },
  };
}

function runContext(workspace: string, logger: Logger, env: Record<string, string>): RunContext {
  return {
    host: "cli",
    workspace,
    logger,
    env,
    github: { token: "", apiUrl: "", defaultBranch: null },
    serverUrl: null,
    repository: null,
    branch: null,
    runUrl: null,
    actor: "traffic-steps test",
    registerSecret: () => {},
    cancellation: NEVER_CANCELLED,
    redact: (text) => text,
  };
}

const STEPS = { "traffic-steps": "10, 50, 100" };

describe.concurrent("traffic steps", () => {
  it("a plain deploy never sees SHIPGUARD_TRAFFIC_PERCENT; a good version passes 10, 50 and 100", async (ctx) => {
    const s = await site(ctx);
    const plain = await s.deploy("1.0.0");
    expect(plain.ok).toBe(true);
    expect((plain.json as DeployResult).steps).toEqual([]);
    expect(s.calls()).toEqual(["deploy 1.0.0 unset"]);
    expect(s.checkPercents()).toEqual(["unset"]);

    const shown = await s.deploy("1.1.0", STEPS);
    const r = shown.json as DeployResult;
    expect(shown.ok, r.message).toBe(true);
    expect(s.calls().slice(1)).toEqual(["deploy 1.1.0 10", "deploy 1.1.0 50", "deploy 1.1.0 100"]);
    // The checks ran after each step's deploy, with the step's percentage in their environment.
    expect(s.checkPercents().slice(1)).toEqual(["10", "50", "100"]);
    expect(r).toMatchObject({ status: "success", failedStep: null, trafficRevert: null, failure: null });
    expect(r.steps.map((step) => [step.step, step.of, step.percent, step.verdict, step.failure])).toEqual([
      [1, 3, 10, "pass", null],
      [2, 3, 50, "pass", null],
      [3, 3, 100, "pass", null],
    ]);
    for (const step of r.steps) expect(step.smoke?.counts).toMatchObject({ pass: 2, fail: 0 });
    // result.smoke stays the last step's report, for the consumers that read only it.
    expect(r.smoke).toBe(r.steps[2]?.smoke);
    expect(r.steps[1]?.startedAtMs).toBeGreaterThanOrEqual(r.steps[0]?.startedAtMs ?? Infinity);
    expect(r.message).toBe(
      "Deployed 1.1.0 to production in traffic steps of 10%, 50%, 100%; smoke checks passed at each step.",
    );
    expect(r.timeline.map((e) => `${e.step}: ${e.detail}`)).toEqual(
      expect.arrayContaining([
        "prepare: ok",
        "step 1/3 (10%): deploy: ok",
        "step 1/3 (10%): checks: pass",
        "step 3/3 (100%): checks: pass",
      ]),
    );
    expect(s.ledger().map((d) => [d.version, d.state])).toEqual([
      ["1.0.0", "success"],
      ["1.1.0", "success"],
    ]);
    expect(shown.summary).toContain("#### Traffic steps");
    expect(shown.summary).toContain("| 2 of 3 | 50% | pass | 2 passed, 0 failed |");
    expect(shown.text).toContain("traffic steps:");
  });

  it("a bad version fails at 50%: traffic goes back to 0, the record says where, on-failure none starts nothing", async (ctx) => {
    const s = await site(ctx);
    expect((await s.deploy("1.0.0")).ok).toBe(true);
    const shown = await s.deploy("2.0.0", STEPS);
    const r = shown.json as DeployResult;
    expect(shown.ok).toBe(false);
    expect(s.calls()).toEqual(["deploy 1.0.0 unset", "deploy 2.0.0 10", "deploy 2.0.0 50", "deploy 2.0.0 0"]);
    expect(readFileSync(path.join(s.dir, "weight"), "utf8")).toBe("2.0.0 0\n");
    expect(r).toMatchObject({
      status: "failure",
      failedStep: 50,
      trafficRevert: { ok: true, failure: null },
      rollback: null,
    });
    expect(r.steps.map((step) => [step.percent, step.verdict])).toEqual([
      [10, "pass"],
      [50, "fail"],
    ]);
    // 10% of traffic: 1 error in 20 (0.95 passes); 50%: 5 in 20.
    expect(r.steps[0]?.smoke?.checks[0]?.samples).toMatchObject({ requests: 20, successes: 19 });
    expect(r.steps[1]?.smoke?.checks[0]).toMatchObject({ verdict: "fail", cause: "success-rate" });
    expect(r.steps[1]?.smoke?.checks[0]?.detail).toContain("success rate 0.75 (15 of 20)");
    expect(r.smoke).toBe(r.steps[1]?.smoke);
    expect(r.failure).toBe("smoke checks failed: errors (success-rate)");
    expect(r.message).toBe(
      "Deployment of v2.0.0 failed its checks at 50% (step 2 of 3). on-failure is none: no rollback was started (the last known good version is 1.0.0).",
    );
    expect(s.ledger().at(-1)).toEqual({
      version: "2.0.0",
      state: "failure",
      description: "Failed at 50% (step 2 of 3): smoke checks failed: errors (success-rate)",
    });
    expect(r.timeline.map((e) => `${e.step}: ${e.detail}`)).toContain("revert traffic to 0%: ok");
    // The incident report names the step in its first line.
    expect(shown.summary.split("\n")[0]).toBe(
      "### ❌ shipguard deploy: v2.0.0 to production, failed at 50% (step 2 of 3)",
    );
    expect(shown.summary).toContain("| 2 of 3 | 50% | fail | 1 passed, 1 failed |");
    expect(shown.summary).toContain("| revert | 0% | ok | – | – |");
    expect(shown.text).toMatch(/2\/3\s+50%\s+fail/);
  });

  it("with on-failure rollback, the rollback runs after the revert and the incident names the step", async (ctx) => {
    const s = await site(ctx);
    expect((await s.deploy("1.0.0")).ok).toBe(true);
    const shown = await s.deploy("2.0.0", { ...STEPS, "on-failure": "rollback", "incident-issue": "true" });
    const r = shown.json as DeployResult;
    expect(shown.ok).toBe(false);
    expect(s.calls()).toEqual([
      "deploy 1.0.0 unset",
      "deploy 2.0.0 10",
      "deploy 2.0.0 50",
      "deploy 2.0.0 0",
      // The rollback puts the last known good version back as a plain deploy does: no percentage.
      "rollback 1.0.0 unset",
    ]);
    expect(r.rollback).toMatchObject({ toVersion: "1.0.0", status: "success" });
    expect(r.message).toBe(
      "Deployment of v2.0.0 failed its checks at 50% (step 2 of 3); rollback to v1.0.0 done.",
    );
    const failed = s.ledger().find((d) => d.version === "2.0.0");
    expect(failed).toEqual({
      version: "2.0.0",
      state: "failure",
      description:
        "Failed at 50% (step 2 of 3; rollback to 1.0.0): smoke checks failed: errors (success-rate)",
    });
    const incidents = path.join(s.repo.dir, ".shipguard", "incidents");
    const files = readdirSync(incidents).filter((f) => f.endsWith(".md"));
    expect(files).toHaveLength(1);
    expect(readFileSync(path.join(incidents, files[0] ?? ""), "utf8")).toContain(
      "shipguard deploy: v2.0.0 to production, failed at 50% (step 2 of 3)",
    );
  });

  it("a step whose deploy fails is `deploy-failed`, runs no checks, and is reverted", async (ctx) => {
    const s = await site(ctx);
    const shown = await s.deploy("1.1.0", STEPS, { FAIL_AT_PERCENT: "50" });
    const r = shown.json as DeployResult;
    expect(shown.ok).toBe(false);
    expect(s.calls()).toEqual(["deploy 1.1.0 10", "deploy 1.1.0 50", "deploy 1.1.0 0"]);
    expect(s.checkPercents()).toEqual(["10"]);
    expect(r.steps.map((step) => [step.percent, step.verdict, step.smoke === null])).toEqual([
      [10, "pass", false],
      [50, "deploy-failed", true],
    ]);
    expect(r.smoke).toBeNull();
    expect(r.failure).toBe("the command deploy failed (deploy-command failed with exit code 7)");
    expect(s.ledger().at(-1)?.description).toBe(
      "Failed at 50% (step 2 of 3): the command deploy failed (deploy-command failed with exit code 7)",
    );
    expect(s.logs).toContain("untrusted: the load balancer refused 50%");
    expect(shown.summary).toContain("| 2 of 3 | 50% | deploy-failed | not run (the deploy failed) |");
  });

  it("a revert that fails is said loudly; the deploy is still recorded as failed", async (ctx) => {
    const s = await site(ctx);
    const shown = await s.deploy("2.0.0", STEPS, { FAIL_AT_PERCENT: "0" });
    const r = shown.json as DeployResult;
    expect(shown.ok).toBe(false);
    expect(s.calls()).toEqual(["deploy 2.0.0 10", "deploy 2.0.0 50", "deploy 2.0.0 0"]);
    expect(r.trafficRevert).toEqual({
      ok: false,
      failure: "the command deploy failed (deploy-command failed with exit code 7)",
    });
    expect(r.failure).toBe(
      "smoke checks failed: errors (success-rate); the revert to 0% FAILED too (the command deploy failed (deploy-command failed with exit code 7)): the new version may still serve traffic",
    );
    expect(r.message).toContain("failed its checks at 50% (step 2 of 3; REVERT TO 0% FAILED)");
    const description = s.ledger().at(-1)?.description ?? "";
    expect(
      description.startsWith("Failed at 50% (step 2 of 3; REVERT TO 0% FAILED): smoke checks failed"),
    ).toBe(true);
    expect(description.length).toBeLessThanOrEqual(140);
    expect(s.logs.some((l) => l.startsWith("warning: The revert of traffic to 0% FAILED"))).toBe(true);
    expect(shown.summary).toContain("| revert | 0% | FAILED: the command deploy failed");
  });
});

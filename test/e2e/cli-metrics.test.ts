/**
 * `shipguard metrics` as a user runs it (`node dist/cli.js`), on the fixed scenario's repository
 * and ledger: text tables, --json, --format csv, an empty window, an unknown environment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultLedgerPath } from "../../src/adapters/local-ledger.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import {
  ABSENT_SHA,
  EXPECTED_IN_PROGRESS,
  EXPECTED_METRICS,
  scenarioRepository,
  writeScenarioLedger,
} from "../helpers/metrics-ledger.ts";
import { runCli } from "../helpers/run-cli.ts";

let repo: TestRepo;
beforeAll(() => {
  const scenario = scenarioRepository();
  repo = scenario.repo;
  writeScenarioLedger(defaultLedgerPath(repo.dir), scenario.shas);
});
afterAll(() => repo.remove());

const WINDOW = ["--until", "2026-12-01", "--recovery-target", "15m"];

describe("shipguard metrics", () => {
  it("prints a table per environment, with the DORA 2024 tier of each metric", async () => {
    const r = await runCli(repo.dir, ["metrics", ...WINDOW]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
    expect(lines[0]).toBe(
      "Delivery metrics of production, staging from 2026-11-01T00:00:00.000Z to 2026-12-01T00:00:00.000Z.",
    );
    const production = lines.slice(lines.indexOf("production"), lines.indexOf("staging"));
    expect(production).toEqual([
      "production",
      "Deployment frequency 3 deploys on 3 days: 0.1/day, 0.7/week medium",
      "Lead time for changes 5 commits: median 1d 13h, p90 10d 1h high",
      "Change failure rate 4 of 6 concluded deploys: 66.7% low",
      "Recovery time 3 recoveries, 1 unrecovered: median 4d 19h, p90 9d 1h, 33.3% within 15m low",
      "Rework rate 3 of 7 concluded deployments: 42.9% –",
      "In progress (counted nowhere): prod-9",
      "",
    ]);
    expect(lines).toContain(
      "Lead time for changes 3 commits (1 missing from the local history): median 12h 30m, p90 4d elite",
    );
    // The commit the history lacks is said on stderr, with the fix.
    expect(r.stderr).toContain(ABSENT_SHA);
    expect(r.stderr).toContain("fetch-depth: 0");
  });

  it("--json prints the shipguard.metrics/v1 document", async () => {
    const r = await runCli(repo.dir, ["metrics", ...WINDOW, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual({
      schema: "shipguard.metrics/v1",
      since: "2026-11-01T00:00:00.000Z",
      until: "2026-12-01T00:00:00.000Z",
      recoveryTargetSeconds: 900,
      environments: {
        production: { ...EXPECTED_METRICS.production, inProgress: EXPECTED_IN_PROGRESS.production },
        staging: { ...EXPECTED_METRICS.staging, inProgress: EXPECTED_IN_PROGRESS.staging },
      },
    });
  });

  it("--format csv prints one row per deployment of the window with its computed fields", async () => {
    const r = await runCli(repo.dir, ["metrics", ...WINDOW, "--format", "csv"]);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows[0]).toBe(
      "environment,id,kind,version,sha,created_at,success_at,outcome,failure_at,recovered_by,recovery_seconds,rework,lead_time_commits,lead_time_missing,lead_time_median_seconds",
    );
    // production: prod-3 to prod-9 and the rollback (8); staging: 3. prod-10 is at `until`.
    expect(rows).toHaveLength(1 + 11);
    const byId = new Map(rows.slice(1).map((row) => [row.split(",")[1], row.split(",")]));
    const pick = (id: string) => {
      const row = byId.get(id) ?? [];
      return [row[0], row[2], row[7], row[8], row[9], row[10], row[11], row[12], row[13], row[14]];
    };
    expect(pick("prod-3")).toEqual([
      "production",
      "deploy",
      "rolled-back-from",
      "2026-11-02T00:00:00.000Z",
      "rollback-1",
      "300",
      "false",
      "2",
      "0",
      "33000",
    ]);
    expect(pick("rollback-1")).toEqual([
      "production",
      "rollback",
      "success",
      "",
      "",
      "",
      "true",
      "0",
      "0",
      "",
    ]);
    expect(pick("prod-5")).toEqual([
      "production",
      "deploy",
      "failure",
      "2026-11-06T00:02:00.000Z",
      "prod-7",
      "782880",
      "false",
      "0",
      "0",
      "",
    ]);
    expect(pick("prod-7")).toEqual([
      "production",
      "deploy",
      "success",
      "",
      "",
      "",
      "true",
      "3",
      "0",
      "437400",
    ]);
    expect(pick("prod-8")[2]).toBe("failure");
    expect(pick("prod-8")[4]).toBe("");
    expect(pick("prod-9")[2]).toBe("in-progress");
    expect(pick("staging-5")).toEqual(["staging", "deploy", "success", "", "", "", "false", "0", "1", ""]);
    // The closing sentence goes to stderr, so stdout is only the table.
    expect(r.stderr).toContain("Delivery metrics of production, staging");
  });

  it("an empty window says there are no deployments, and exits 0", async () => {
    const r = await runCli(repo.dir, ["metrics", "--since", "2026-12-10", "--until", "2026-12-20"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("No deployments from 2026-12-10T00:00:00.000Z to 2026-12-20T00:00:00.000Z.");
    expect(r.stdout).toContain("production: no deployments in the window.");
    expect(r.stdout).toContain("staging: no deployments in the window.");
    const json = await runCli(repo.dir, [
      "metrics",
      "--since",
      "2026-12-10",
      "--until",
      "2026-12-20",
      "--json",
    ]);
    expect(JSON.parse(json.stdout).environments).toEqual({});
  });

  it("an unknown environment is an error that lists the known ones", async () => {
    const r = await runCli(repo.dir, ["metrics", ...WINDOW, "--environment", "prod"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("SG_METRICS_ENVIRONMENT_UNKNOWN");
    expect(r.stderr).toContain('Known environments: "production", "staging".');
  });

  it("refuses a `ledger-file` that does not exist instead of reporting no deployments", async () => {
    const r = await runCli(repo.dir, ["metrics", "--ledger-file", "ledgr.jsonl"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("SG_LEDGER_FILE_MISSING");
    expect(r.stderr).toContain('ledger-file names "ledgr.jsonl"');
    // Named and present, it is read.
    const named = await runCli(repo.dir, [
      "metrics",
      ...WINDOW,
      "--ledger-file",
      ".shipguard/deployments.jsonl",
    ]);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain("Deployment frequency");
  });

  it("refuses --json with --format csv: two documents for one stdout", async () => {
    const r = await runCli(repo.dir, ["metrics", "--json", "--format", "csv"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("SG_INPUTS_CONFLICT");
    expect(r.stderr).toContain("Set exactly one of `--json` and `format`");
  });

  it("refuses a `since` that is neither a duration nor a date, naming the input", async () => {
    const r = await runCli(repo.dir, ["metrics", "--since", "last month"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Invalid since: "last month"');
  });

  it("counts a failed deploy's automatic rollback as its recovery (the records a real deploy writes)", async (ctx) => {
    const project = new TestRepo();
    ctx.onTestFinished(() => project.remove());
    for (const v of ["1.0.0", "1.1.0"]) {
      project.commit(`feat: ${v}`);
      project.tag(`v${v}`);
    }
    // 1.1.0 fails to deploy; the rollback to 1.0.0 that the deploy starts succeeds.
    const command = ["--environment", "production", "--deploy-command", 'test "$SHIPGUARD_VERSION" != 1.1.0'];
    const ok = await runCli(project.dir, ["deploy", "--version", "1.0.0", ...command]);
    expect(ok.code, ok.stderr).toBe(0);
    const failed = await runCli(project.dir, ["deploy", "--version", "1.1.0", ...command]);
    expect(failed.code).toBe(1);
    const r = await runCli(project.dir, ["metrics", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const production = JSON.parse(r.stdout).environments.production;
    expect(production.changeFailureRate).toMatchObject({ failed: 1, concluded: 2, rate: 0.5 });
    expect(production.recoveryTime).toMatchObject({ recoveries: 1, unrecovered: 0 });
    expect(production.recoveryTime.medianSeconds).toBeLessThan(60);
    expect(production.reworkRate).toEqual({ rework: 1, deployments: 3, rate: 1 / 3 });
  });
});

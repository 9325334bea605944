/**
 * `metrics` on GitHub Deployments: the fixed scenario of test/helpers/metrics-ledger.ts seeded on
 * the emulator, read through GraphQL (validated against GitHub's schema), gives exactly the
 * numbers the local ledger gives, in one request.
 */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import { GitHubLedger } from "../../src/adapters/github/ledger.ts";
import { runMetricsCommand } from "../../src/commands/metrics.ts";
import type { Logger } from "../../src/ports.ts";
import { readMetricsSettings } from "../../src/settings.ts";
import { type Emulator, startEmulator } from "../emulator/index.ts";
import type { TestRepo } from "../helpers/git-repo.ts";
import { inProgressIds, seedScenario } from "../helpers/metrics-emulator.ts";
import {
  ABSENT_SHA,
  EXPECTED_METRICS,
  RECOVERY_TARGET,
  SINCE,
  scenarioRepository,
  UNTIL,
} from "../helpers/metrics-ledger.ts";

let repo: TestRepo;
let emulator: Emulator;
let ids: Record<string, string>;
const warnings: string[] = [];
const logger: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} };

beforeAll(async () => {
  const scenario = scenarioRepository();
  repo = scenario.repo;
  emulator = await startEmulator({
    gitDir: repo.dir,
    permissions: { deployments: "read", contents: "read" },
  });
  ids = seedScenario(emulator, scenario.shas);
});
afterAll(async () => {
  await emulator.close();
  repo.remove();
});

async function metrics(flags: Record<string, string>) {
  const octokit = getOctokit(emulator.options.token, { baseUrl: emulator.url }, retry);
  const ports = {
    ledger: new GitHubLedger(octokit, { owner: "acme", repo: "app" }, logger),
    git: new GitCli(repo.dir, logger, { PATH: process.env.PATH ?? "/usr/bin:/bin" }),
    logger,
  };
  return runMetricsCommand(
    readMetricsSettings((name) => flags[name]),
    ports,
    new Date("2027-01-01T00:00:00Z"),
  );
}

describe("metrics on GitHub Deployments (emulator, GraphQL)", () => {
  it("gives every metric of the scenario exactly as the local ledger does, in one request", async () => {
    warnings.length = 0;
    const before = emulator.log.length;
    const result = await metrics({ until: "2026-12-01", "recovery-target": RECOVERY_TARGET });
    const json = result.report.json;
    expect([json.since, json.until]).toEqual([SINCE, UNTIL]);
    const inProgress = inProgressIds(ids);
    expect(json.environments).toEqual({
      production: { ...EXPECTED_METRICS.production, inProgress: inProgress.production },
      staging: { ...EXPECTED_METRICS.staging, inProgress: inProgress.staging },
    });
    expect(inProgress.production[0]).toMatch(/^\d{10}$/);
    expect(warnings.join("\n")).toContain(ABSENT_SHA);
    const calls = emulator.log.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /graphql"]);
    expect(emulator.violations).toEqual([]);
  });

  it("gives one environment named in another case the same numbers, GitHub filtering it", async () => {
    const before = emulator.log.length;
    const result = await metrics({
      until: "2026-12-01",
      since: SINCE,
      environment: "PRODUCTION",
      "recovery-target": "15m",
    });
    expect(Object.keys(result.report.json.environments)).toEqual(["production"]);
    expect(result.report.json.environments.production).toMatchObject(EXPECTED_METRICS.production);
    const query = emulator.log[before]?.body as { variables: { environments: string[] } };
    expect(query.variables.environments).toEqual(["PRODUCTION"]);
    expect(emulator.violations).toEqual([]);
  });
});

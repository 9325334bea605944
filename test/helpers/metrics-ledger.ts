/**
 * One fixed delivery history for the `metrics` tests, on both backends: a real git repository
 * (commits with set committer dates, real tags) and the deployments of two environments with
 * their statuses at known instants, plus the numbers issue 21's definitions give for them, worked
 * out by hand below (not by the code under test).
 *
 * The local tests write it as a ledger file (writeScenarioLedger); the GitHub tests seed the
 * emulator with the same `SCENARIO_DEPLOYMENTS` (in this order: `rolledBackFrom` names an earlier
 * deployment by its `key`) and expect the same `EXPECTED_METRICS`, with `inProgress` holding the
 * ids the emulator gave the keys in `EXPECTED_IN_PROGRESS`.
 *
 * It covers: a deployment exactly at `since` (prod-3); a success later rolled back from (prod-3,
 * by rollback-1); two failures before one recovery (prod-5, prod-6, both ended by prod-7); an
 * unrecovered failure (prod-8); an in-progress deploy (prod-9, whose success comes after `until`);
 * a deployment at `until`, left out (prod-10); commits deployed to staging and then to production
 * (c6, c7, c8: a lead time in each); a version deployed twice (v1.2.0, prod-3 and prod-4); a
 * version whose commit the history lacks (staging-5); environment names in other cases
 * (`Production`, `STAGING`); another tool's deployment, skipped (FOREIGN_DEPLOYMENT).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DeploymentKind, DeploymentState } from "../../src/ports.ts";
import { TestRepo } from "./git-repo.ts";

/** The window: `--since 30d --until 2026-12-01` gives exactly this. */
export const SINCE = "2026-11-01T00:00:00.000Z";
export const UNTIL = "2026-12-01T00:00:00.000Z";

/** The commits, by name, with their committer dates, oldest first; the tag each release has. */
export const SCENARIO_COMMITS = [
  { name: "c1", date: "2026-10-01T00:00:00Z", tag: "v1.0.0" },
  { name: "c2", date: "2026-10-20T00:00:00Z", tag: null },
  { name: "c3", date: "2026-10-25T00:00:00Z", tag: "v1.1.0" },
  { name: "c4", date: "2026-10-31T12:00:00Z", tag: null },
  { name: "c5", date: "2026-10-31T18:00:00Z", tag: "v1.2.0" },
  { name: "c6", date: "2026-11-05T00:00:00Z", tag: "v1.3.0" },
  { name: "c7", date: "2026-11-10T00:00:00Z", tag: "v1.4.0" },
  { name: "c8", date: "2026-11-13T12:00:00Z", tag: "v1.5.0" },
  { name: "c9", date: "2026-11-20T00:00:00Z", tag: "v1.6.0" },
] as const;

/** A version's commit is the commit its tag names; v1.7.0 was never in this history. */
const VERSION_COMMIT: Record<string, string> = {
  "1.0.0": "c1",
  "1.1.0": "c3",
  "1.2.0": "c5",
  "1.3.0": "c6",
  "1.4.0": "c7",
  "1.5.0": "c8",
  "1.6.0": "c9",
};
/** The commit of v1.7.0: not in the repository, so its lead times are missing. */
export const ABSENT_SHA = "f".repeat(40);

export interface ScenarioDeployment {
  key: string;
  environment: string;
  kind: DeploymentKind;
  version: string;
  createdAt: string;
  statuses: { state: DeploymentState; at: string }[];
  /** The key of the deployment a rollback left. */
  rolledBackFrom: string | null;
}

function d(
  key: string,
  environment: string,
  kind: DeploymentKind,
  version: string,
  createdAt: string,
  statuses: [DeploymentState, string][],
  rolledBackFrom: string | null = null,
): ScenarioDeployment {
  return {
    key,
    environment,
    kind,
    version,
    createdAt,
    statuses: statuses.map(([state, at]) => ({ state, at })),
    rolledBackFrom,
  };
}

/** Every deployment, in creation order (the order a ledger appends them). */
export const SCENARIO_DEPLOYMENTS: readonly ScenarioDeployment[] = [
  d("prod-1", "production", "deploy", "1.0.0", "2026-10-02T00:00:00.000Z", [
    ["in_progress", "2026-10-02T00:00:01.000Z"],
    ["success", "2026-10-02T00:10:00.000Z"],
  ]),
  d("staging-1", "staging", "deploy", "1.1.0", "2026-10-25T12:00:00.000Z", [
    ["success", "2026-10-25T12:10:00.000Z"],
  ]),
  d("prod-2", "production", "deploy", "1.1.0", "2026-10-26T00:00:00.000Z", [
    ["success", "2026-10-26T00:05:00.000Z"],
  ]),
  d("staging-2", "staging", "deploy", "1.2.0", "2026-10-31T20:00:00.000Z", [
    ["success", "2026-10-31T20:10:00.000Z"],
  ]),
  // Exactly at `since`: inside the window.
  d("prod-3", "production", "deploy", "1.2.0", "2026-11-01T00:00:00.000Z", [
    ["in_progress", "2026-11-01T00:00:05.000Z"],
    ["success", "2026-11-01T00:10:00.000Z"],
  ]),
  d(
    "rollback-1",
    "Production",
    "rollback",
    "1.1.0",
    "2026-11-02T00:00:00.000Z",
    [["success", "2026-11-02T00:05:00.000Z"]],
    "prod-3",
  ),
  d("prod-4", "production", "deploy", "1.2.0", "2026-11-03T00:00:00.000Z", [
    ["success", "2026-11-03T00:06:00.000Z"],
  ]),
  d("staging-3", "staging", "deploy", "1.3.0", "2026-11-05T06:00:00.000Z", [
    ["success", "2026-11-05T06:20:00.000Z"],
  ]),
  d("prod-5", "production", "deploy", "1.3.0", "2026-11-06T00:00:00.000Z", [
    ["in_progress", "2026-11-06T00:00:10.000Z"],
    ["failure", "2026-11-06T00:02:00.000Z"],
  ]),
  d("prod-6", "production", "deploy", "1.4.0", "2026-11-10T06:00:00.000Z", [
    ["error", "2026-11-10T06:03:00.000Z"],
  ]),
  d("staging-4", "STAGING", "deploy", "1.5.0", "2026-11-14T00:00:00.000Z", [
    ["success", "2026-11-14T00:30:00.000Z"],
  ]),
  d("prod-7", "production", "deploy", "1.5.0", "2026-11-15T01:00:00.000Z", [
    ["success", "2026-11-15T01:30:00.000Z"],
  ]),
  d("prod-8", "production", "deploy", "1.6.0", "2026-11-20T12:00:00.000Z", [
    ["failure", "2026-11-20T12:10:00.000Z"],
  ]),
  d("staging-5", "staging", "deploy", "1.7.0", "2026-11-21T00:00:00.000Z", [
    ["success", "2026-11-21T00:10:00.000Z"],
  ]),
  // In progress at `until`: its success comes after the window's end.
  d("prod-9", "production", "deploy", "1.6.0", "2026-11-25T00:00:00.000Z", [
    ["in_progress", "2026-11-25T00:00:05.000Z"],
    ["success", "2026-12-01T00:05:00.000Z"],
  ]),
  // At `until`: outside the window, and not yet there for any rule.
  d("prod-10", "production", "deploy", "1.6.0", "2026-12-01T00:00:00.000Z", [
    ["success", "2026-12-01T00:01:00.000Z"],
  ]),
];

/**
 * A deployment another tool recorded (its payload is not shipguard's), successful, in the window:
 * every count must skip it. The GitHub tests can seed it as a deployment with this payload.
 */
export const FOREIGN_DEPLOYMENT = {
  id: "other-tool-1",
  environment: "production",
  createdAt: "2026-11-22T00:00:00.000Z",
  payload: { tool: "another-deployer", version: "9.9.9" },
  task: "deploy",
  description: "deployed by another tool",
} as const;

/** The keys of the deployments in progress at `until`, per environment. */
export const EXPECTED_IN_PROGRESS = { production: ["prod-9"], staging: [] as string[] };

/**
 * The metrics of the window, worked by hand (seconds from the committer dates above to each
 * deploy's success; recovery from the failure's time to the recovery's success):
 *
 * production: successful deploys prod-3, prod-4, prod-7 (3 on 3 days; 3/30 a day). Lead times:
 * prod-3 counts v1.1.0..v1.2.0 = c4 (12h10m = 43800), c5 (6h10m = 22200); prod-4 redeploys
 * v1.2.0, after rollback-1 put v1.1.0 back: c4 and c5 were counted at prod-3, so nothing;
 * prod-7 counts v1.2.0..v1.5.0 = c6 (10d1h30m = 869400), c7 (5d1h30m = 437400), c8 (1d13h30m =
 * 135000). Median of 5 = 135000, p90 = the 5th = 869400: high. Failed: prod-3 (rolled back
 * from), prod-5, prod-6, prod-8 of 6 concluded: 4/6, low. Recoveries: prod-3 at rollback-1's
 * creation, rollback-1 succeeded 5m later (300); prod-5 (failure 11-06 00:02) and prod-6 (error
 * 11-10 06:03) both by prod-7 (success 11-15 01:30): 782880 and 415620; prod-8 unrecovered.
 * Median 415620, p90 = the 3rd = 782880: low; 1 of 3 within 15m. Rework: rollback-1, and
 * prod-6 and prod-7 (created between prod-5's failure and its recovery, prod-7 the fix): 3 of 7
 * concluded deployments.
 *
 * staging: successful deploys staging-3, staging-4, staging-5 (3 on 3 days). Lead times:
 * staging-3 counts v1.2.0..v1.3.0 = c6 (6h20m = 22800); staging-4 counts v1.3.0..v1.5.0 = c7
 * (4d0h30m = 347400), c8 (12h30m = 45000); staging-5's commit is not in the history: 1 missing.
 * Median 45000, p90 = the 3rd = 347400: elite. No failures: rate 0 of 3, elite; no recoveries
 * (null, not 0). Rework 0 of 3.
 */
export const EXPECTED_METRICS = {
  production: {
    deploymentFrequency: { deploys: 3, days: 3, perDay: 3 / 30, perWeek: 21 / 30, tier: "medium" },
    leadTime: { commits: 5, missing: 0, medianSeconds: 135000, p90Seconds: 869400, tier: "high" },
    changeFailureRate: { failed: 4, concluded: 6, rate: 4 / 6, tier: "low" },
    recoveryTime: {
      recoveries: 3,
      unrecovered: 1,
      medianSeconds: 415620,
      p90Seconds: 782880,
      withinTarget: 1 / 3,
      tier: "low",
    },
    reworkRate: { rework: 3, deployments: 7, rate: 3 / 7 },
  },
  staging: {
    deploymentFrequency: { deploys: 3, days: 3, perDay: 3 / 30, perWeek: 21 / 30, tier: "medium" },
    leadTime: { commits: 3, missing: 1, medianSeconds: 45000, p90Seconds: 347400, tier: "elite" },
    changeFailureRate: { failed: 0, concluded: 3, rate: 0, tier: "elite" },
    recoveryTime: {
      recoveries: 0,
      unrecovered: 0,
      medianSeconds: null,
      p90Seconds: null,
      withinTarget: null,
      tier: null,
    },
    reworkRate: { rework: 0, deployments: 3, rate: 0 },
  },
} as const;

/** The recovery target the expected numbers assume: 15 minutes. */
export const RECOVERY_TARGET = "15m";

/** The scenario's repository: the commits at their dates, each release tagged. */
export function scenarioRepository(): { repo: TestRepo; shas: Record<string, string> } {
  const repo = new TestRepo();
  const shas: Record<string, string> = {};
  for (const commit of SCENARIO_COMMITS) {
    shas[commit.name] = repo.commit(`feat: ${commit.name}`, commit.date);
    if (commit.tag !== null) repo.tag(commit.tag, { annotated: true });
  }
  return { repo, shas };
}

/** The commit a version was deployed from. */
export function shaOf(version: string, shas: Record<string, string>): string {
  const name = VERSION_COMMIT[version];
  return name === undefined ? ABSENT_SHA : (shas[name] ?? ABSENT_SHA);
}

/**
 * Writes the scenario as the local ledger writes it (JSON lines: a `deployment` line, then one
 * `status` line per status), with the keys as ids, plus another tool's deployment that is skipped.
 */
export function writeScenarioLedger(file: string, shas: Record<string, string>): void {
  const lines: string[] = [];
  for (const dep of SCENARIO_DEPLOYMENTS) {
    const sha = shaOf(dep.version, shas);
    const from =
      dep.rolledBackFrom === null ? null : SCENARIO_DEPLOYMENTS.find((x) => x.key === dep.rolledBackFrom);
    lines.push(
      JSON.stringify({
        type: "deployment",
        id: dep.key,
        environment: dep.environment,
        createdAt: dep.createdAt,
        creator: "dev",
        payload: {
          tool: "shipguard",
          schema: 1,
          kind: dep.kind,
          version: dep.version,
          tag: `v${dep.version}`,
          sha,
          rolledBackFrom:
            from === undefined || from === null ? null : { id: from.key, version: from.version },
          reason: dep.kind === "rollback" ? "checks failed after the release" : null,
          runUrl: null,
          correlationId: `corr-${dep.key}`,
        },
        task: dep.kind === "rollback" ? "deploy:rollback" : "deploy",
        sha,
        description: `${dep.kind} ${dep.version}`,
      }),
    );
    for (const status of dep.statuses) {
      lines.push(
        JSON.stringify({
          type: "status",
          id: dep.key,
          state: status.state,
          description: status.state,
          createdAt: status.at,
          logUrl: null,
          environmentUrl: null,
        }),
      );
    }
  }
  // Another tool's deployment, successful, in the window: skipped, or production would count 4 deploys.
  lines.splice(
    lines.length - 2,
    0,
    JSON.stringify({ ...FOREIGN_DEPLOYMENT, type: "deployment", creator: "dev", sha: shas.c9 }),
    JSON.stringify({
      type: "status",
      id: FOREIGN_DEPLOYMENT.id,
      state: "success",
      description: "ok",
      createdAt: "2026-11-22T00:05:00.000Z",
      logUrl: null,
      environmentUrl: null,
    }),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join("\n")}\n`);
}

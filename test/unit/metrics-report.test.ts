/**
 * Lead time, recovery, rework and the report over hand-made histories (git's readings given as
 * data): each number below is worked by hand from the definitions of issue 21.
 */
import { describe, expect, it } from "vitest";
import {
  buildMetrics,
  judgeDeployments,
  leadTimeRanges,
  type RangeReading,
  type RecordWithStatuses,
} from "../../src/core/metrics/index.ts";
import { leadTimesOf } from "../../src/core/metrics/lead-time.ts";
import { recoveriesOf } from "../../src/core/metrics/recovery.ts";
import { BASE, instant, record } from "../helpers/metrics-records.ts";

const MIN = 60_000;
const window = { since: new Date(BASE), until: new Date(BASE + 28 * 86_400_000) };

function judged(records: RecordWithStatuses[]) {
  return judgeDeployments(records, window.until);
}

/** The seconds since the epoch of a minute offset (a committer date). */
const commitAt = (minutes: number) => (BASE + minutes * MIN) / 1000;

describe("lead time for changes", () => {
  const history = () =>
    judged([
      record("base", { version: "1.0.0", at: -600, statuses: [["success", -590]] }),
      record("d2", { version: "1.1.0", at: 10, statuses: [["success", 20]] }),
      record("bad", { version: "1.2.0", at: 30, statuses: [["failure", 35]] }),
      record("rb", {
        kind: "rollback",
        version: "1.0.0",
        sha: "sha-1.0.0",
        at: 40,
        from: "d2",
        statuses: [["success", 45]],
      }),
      record("again", { version: "1.1.0", at: 50, statuses: [["success", 55]] }),
      record("d3", { version: "1.3.0", at: 60, statuses: [["success", 70]] }),
      record("stg", { env: "staging", version: "1.3.0", at: 0, statuses: [["success", 1]] }),
    ]);

  it("asks git for U..V of each successful deploy after the first: U is the last successful deployment there", () => {
    const ranges = leadTimeRanges(history(), window);
    expect(ranges.map((r) => [r.id, r.to, r.from, r.exclude])).toEqual([
      // The baseline has no range; the failed deploy is none; the rollback only becomes U.
      ["d2", "sha-1.1.0", "sha-1.0.0", ["sha-1.0.0"]],
      // Deployed twice: its own commit is excluded, so it counts nothing new.
      ["again", "sha-1.1.0", "sha-1.0.0", ["sha-1.0.0", "sha-1.1.0"]],
      ["d3", "sha-1.3.0", "sha-1.1.0", ["sha-1.1.0", "sha-1.0.0"]],
    ]);
    // The first successful version of staging is its baseline: no range there.
    expect(ranges.some((r) => r.key === "staging")).toBe(false);
  });

  it("a deploy before the window is read by no range, but its commit is excluded after it", () => {
    const records = [
      record("base", { version: "1.0.0", at: -600, statuses: [["success", -590]] }),
      record("old", { version: "1.1.0", at: -300, statuses: [["success", -290]] }),
      record("new", { version: "1.2.0", at: 0, statuses: [["success", 9]] }),
    ];
    expect(leadTimeRanges(judged(records), window).map((r) => [r.id, r.exclude])).toEqual([
      ["new", ["sha-1.1.0", "sha-1.0.0"]],
    ]);
  });

  it("counts each commit once, at its first successful deploy, from its committer date to the deploy's success", () => {
    const ranges = leadTimeRanges(history(), window);
    const readings = new Map<string, RangeReading>([
      [
        "d2",
        {
          commits: [
            { sha: "x1", committedAt: commitAt(0) },
            { sha: "x2", committedAt: commitAt(5) },
          ],
        },
      ],
      ["again", { commits: [] }],
      // A reading that lists x2 again (an exclusion git did not have) still counts it once.
      [
        "d3",
        {
          commits: [
            { sha: "x2", committedAt: commitAt(5) },
            { sha: "x3", committedAt: commitAt(58) },
          ],
        },
      ],
    ]);
    const times = leadTimesOf(ranges, readings);
    expect(times.get("d2")).toEqual({ seconds: [1200, 900], missing: 0 });
    expect(times.get("again")).toEqual({ seconds: [], missing: 0 });
    expect(times.get("d3")).toEqual({ seconds: [720], missing: 0 });
  });

  it("a range git cannot read counts the deploy's commit as missing, once, and guesses nothing", () => {
    const ranges = leadTimeRanges(history(), window);
    const readings = new Map<string, RangeReading>([
      ["d2", { missing: true }],
      ["again", { missing: true }],
      ["d3", { commits: [] }],
    ]);
    const times = leadTimesOf(ranges, readings);
    expect(times.get("d2")).toEqual({ seconds: [], missing: 1 });
    // The same commit (v1.1.0's) again: already counted missing.
    expect(times.get("again")).toEqual({ seconds: [], missing: 0 });
  });
});

describe("recovery and rework", () => {
  it("one recovery ends two failures; it is the first deployment created at or after each failure that succeeded", () => {
    const d = judged([
      record("f1", { version: "2.0.0", at: 0, statuses: [["failure", 2]] }),
      record("f2", { version: "2.0.1", at: 10, statuses: [["error", 12]] }),
      record("try", { version: "2.0.2", at: 20, statuses: [["in_progress", 21]] }),
      record("fix", { version: "2.0.3", at: 30, statuses: [["success", 40]] }),
      record("later", { version: "2.0.4", at: 50, statuses: [["success", 51]] }),
    ]);
    const { byFailure, rework } = recoveriesOf(d);
    expect(byFailure.get("f1")).toEqual({ by: "fix", seconds: 38 * 60 });
    expect(byFailure.get("f2")).toEqual({ by: "fix", seconds: 28 * 60 });
    // Created between a failure and its recovery, the fix included; `later` came after.
    expect([...rework].sort()).toEqual(["f2", "fix", "try"]);
  });

  it("a rollback created at the failure's time is its recovery; every rollback is rework", () => {
    const d = judged([
      record("good", { version: "1.0.0", at: 0, statuses: [["success", 1]] }),
      record("bad", { version: "1.1.0", at: 10, statuses: [["success", 11]] }),
      record("rb", { kind: "rollback", version: "1.0.0", at: 60, from: "bad", statuses: [["success", 63]] }),
    ]);
    const { byFailure, rework } = recoveriesOf(d);
    expect(byFailure.get("bad")).toEqual({ by: "rb", seconds: 180 });
    expect([...rework]).toEqual(["rb"]);
  });

  it("a failed deploy's own rollback, written before the deploy's failure status, is its recovery", () => {
    // What a local deploy writes: rollback created (61) and done (62), then the failure (63).
    const d = judged([
      record("good", { version: "1.0.0", at: 0, statuses: [["success", 1]] }),
      record("bad", { version: "1.1.0", at: 60, statuses: [["failure", 63]] }),
      record("rb", { kind: "rollback", version: "1.0.0", at: 61, from: "bad", statuses: [["success", 62]] }),
    ]);
    const { byFailure, rework } = recoveriesOf(d);
    expect(byFailure.get("bad")).toEqual({ by: "rb", seconds: 60 });
    expect([...rework]).toEqual(["rb"]);
  });

  it("a failure with no later success is unrecovered, and every deploy after it is rework", () => {
    const d = judged([
      record("f", { version: "3.0.0", at: 0, statuses: [["failure", 1]] }),
      record("g", { version: "3.0.1", at: 5, statuses: [["failure", 6]] }),
    ]);
    const { byFailure, rework } = recoveriesOf(d);
    expect(byFailure.size).toBe(0);
    expect([...rework]).toEqual(["g"]);
  });
});

describe("the report", () => {
  const records = [
    record("base", { version: "1.0.0", at: -600, statuses: [["success", -590]] }),
    // In the window from `since` itself: a success, later rolled back from.
    record("d1", { version: "1.1.0", at: 0, statuses: [["success", 10]] }),
    record("rb", { kind: "rollback", version: "1.0.0", at: 60, from: "d1", statuses: [["success", 62]] }),
    record("f", { version: "1.2.0", at: 1440, statuses: [["failure", 1445]] }),
    record("fix", { version: "1.2.1", at: 1500, statuses: [["success", 1505]] }),
    record("run", { version: "1.2.2", at: 3000, statuses: [["in_progress", 3001]] }),
    record("s1", { env: "Staging", version: "1.1.0", at: 100, statuses: [["success", 101]] }),
  ];
  const ranges = leadTimeRanges(judged(records), window);
  const readings = new Map<string, RangeReading>([
    [
      "d1",
      {
        commits: [
          { sha: "a", committedAt: commitAt(-50) },
          { sha: "b", committedAt: commitAt(-20) },
        ],
      },
    ],
    [
      "fix",
      {
        commits: [
          { sha: "c", committedAt: commitAt(1400) },
          { sha: "d", committedAt: commitAt(1490) },
        ],
      },
    ],
  ]);
  const build = (environment: string | null, target: number | null = 300) =>
    buildMetrics({
      judged: judged(records),
      window,
      environment,
      recoveryTargetSeconds: target,
      ranges,
      readings,
    });

  it("gives every metric of an environment, worked by hand", () => {
    const report = build(null);
    expect(report.json.schema).toBe("shipguard.metrics/v1");
    expect(report.json.since).toBe(instant(0));
    expect(report.json.environments.production).toEqual({
      // d1 and fix; the rollback, the failure and the one in progress are not deploys that succeeded.
      deploymentFrequency: { deploys: 2, days: 2, perDay: 2 / 28, perWeek: 14 / 28, tier: "medium" },
      // d1: 60 and 30 minutes; fix: 105 and 15 minutes (its U is the rollback's 1.0.0).
      leadTime: { commits: 4, missing: 0, medianSeconds: 2700, p90Seconds: 6300, tier: "elite" },
      // d1 (rolled back from) and f, of d1, f and fix.
      changeFailureRate: { failed: 2, concluded: 3, rate: 2 / 3, tier: "low" },
      // d1 by rb: from its creation (60) to its success (62), 2 minutes; f by fix: 1445 to 1505, 60 minutes.
      recoveryTime: {
        recoveries: 2,
        unrecovered: 0,
        medianSeconds: 1860,
        p90Seconds: 3600,
        withinTarget: 1 / 2,
        tier: "elite",
      },
      // rb, and fix (created between f's failure and its own success): of 4 concluded.
      reworkRate: { rework: 2, deployments: 4, rate: 2 / 4 },
      inProgress: ["run"],
    });
    expect(report.known).toEqual(["production", "Staging"]);
    expect(report.rows.filter((r) => r.environment === "production").map((r) => [r.id, r.outcome])).toEqual([
      ["d1", "rolled-back-from"],
      ["rb", "success"],
      ["f", "failure"],
      ["fix", "success"],
      ["run", "in-progress"],
    ]);
  });

  it("reports one environment named in any case, and null (never 0) where a set is empty", () => {
    const report = build("STAGING", null);
    expect(Object.keys(report.json.environments)).toEqual(["Staging"]);
    const staging = report.json.environments.Staging;
    expect(staging?.leadTime).toEqual({
      commits: 0,
      missing: 0,
      medianSeconds: null,
      p90Seconds: null,
      tier: null,
    });
    expect(staging?.changeFailureRate).toEqual({ failed: 0, concluded: 1, rate: 0, tier: "elite" });
    expect(staging?.recoveryTime.withinTarget).toBeNull();
    expect(staging?.recoveryTime.medianSeconds).toBeNull();
  });

  it("an environment without a deployment in the window is empty, and a window without any reports none", () => {
    const later = { since: new Date(BASE + 40 * 86_400_000), until: new Date(BASE + 50 * 86_400_000) };
    const all = judgeDeployments(records, later.until);
    const report = buildMetrics({
      judged: all,
      window: later,
      environment: null,
      recoveryTargetSeconds: null,
      ranges: leadTimeRanges(all, later),
      readings: new Map(),
    });
    expect(report.json.environments).toEqual({});
    expect(report.empty).toEqual(["production", "Staging"]);
  });
});

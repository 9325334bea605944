/**
 * Issue 21's definitions, one at a time: the window, the outcomes, the statistics and the tiers.
 * Each table is worked by hand.
 */
import { describe, expect, it } from "vitest";
import { judgeDeployments } from "../../src/core/metrics/outcomes.ts";
import { durationStats, median, p90, rate } from "../../src/core/metrics/statistics.ts";
import { failureRateTier, frequencyTier, leadTimeTier, recoveryTier } from "../../src/core/metrics/tiers.ts";
import { inWindow, parseDuration, parseInstant, sinceOf } from "../../src/core/metrics/window.ts";
import type { DeploymentState } from "../../src/ports.ts";
import { BASE, instant, record } from "../helpers/metrics-records.ts";

const UNTIL = new Date(BASE + 30 * 86_400_000);

describe("the window", () => {
  it.each([
    ["30d", 30 * 86_400],
    ["12h", 12 * 3600],
    ["2w", 14 * 86_400],
    ["15m", 900],
    ["90s", 90],
    [" 7d ", 7 * 86_400],
  ])("reads the duration %j as %i seconds", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(["0d", "30", "1y", "d", "-3d", "1.5d", ""])("refuses %j as a duration", (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it("reads a date as midnight UTC, and a date and time with its zone", () => {
    expect(parseInstant("2026-11-01")?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(parseInstant("2026-11-01T09:30:00+02:00")?.toISOString()).toBe("2026-11-01T07:30:00.000Z");
    expect(parseInstant("2026-11-01T09:30Z")?.toISOString()).toBe("2026-11-01T09:30:00.000Z");
  });

  it.each(["2026-11-01T09:30:00", "2026-02-31", "yesterday", "11/01/2026"])(
    "refuses the instant %j",
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );

  it("counts `since` back from `until`, includes `since` and excludes `until`", () => {
    const until = new Date("2026-12-01T00:00:00.000Z");
    const since = sinceOf("30d", until);
    expect(since?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(sinceOf("2026-11-15", until)?.toISOString()).toBe("2026-11-15T00:00:00.000Z");
    const window = { since: since as Date, until };
    expect(inWindow(window.since.getTime(), window)).toBe(true);
    expect(inWindow(window.since.getTime() - 1, window)).toBe(false);
    expect(inWindow(until.getTime() - 1, window)).toBe(true);
    expect(inWindow(until.getTime(), window)).toBe(false);
  });
});

describe("outcomes", () => {
  const judge = (...records: Parameters<typeof record>[]) =>
    judgeDeployments(
      records.map(([id, spec]) => record(id, spec)),
      UNTIL,
    );

  it("a deployment that reached success is successful and concluded; inactive later keeps it so", () => {
    const [d] = judge([
      "a",
      {
        at: 0,
        statuses: [
          ["in_progress", 1],
          ["success", 5],
          ["inactive", 60],
        ],
      },
    ]);
    expect(d).toMatchObject({ successful: true, failed: false, concluded: true, inProgress: false });
    expect(d?.successAt).toBe(Date.parse(instant(5)));
  });

  it.each(["failure", "error"] as const)("one that ended %s failed, at that status", (state) => {
    const [d] = judge([
      "a",
      {
        at: 0,
        statuses: [
          ["in_progress", 1],
          [state, 7],
        ],
      },
    ]);
    expect(d).toMatchObject({ successful: false, failed: true, failedBy: "status", concluded: true });
    expect(d?.failureAt).toBe(Date.parse(instant(7)));
  });

  it("one with no final status is in progress: counted nowhere", () => {
    const cases: [DeploymentState, number][][] = [[], [["queued", 1]], [["in_progress", 1]]];
    for (const statuses of cases) {
      const [d] = judge(["a", { at: 0, statuses }]);
      expect(d).toMatchObject({ successful: false, failed: false, concluded: false, inProgress: true });
    }
  });

  it("a success later rolled back from is both successful and failed, at the rollback's creation", () => {
    const [d, r] = judge(
      ["a", { at: 0, statuses: [["success", 5]] }],
      ["r", { at: 90, kind: "rollback", from: "a", statuses: [["success", 95]] }],
    );
    expect(d).toMatchObject({ successful: true, failed: true, failedBy: "rollback", concluded: true });
    expect(d?.failureAt).toBe(Date.parse(instant(90)));
    expect(r).toMatchObject({ kind: "rollback", successful: true, failed: false });
  });

  it("a deploy that failed its checks and was rolled back failed at its own status", () => {
    const [d] = judge(
      ["a", { at: 0, statuses: [["failure", 3]] }],
      ["r", { at: 4, kind: "rollback", from: "a", statuses: [["success", 6]] }],
    );
    expect(d).toMatchObject({ failedBy: "status", failureAt: Date.parse(instant(3)) });
  });

  it("shipguard's own rollback, started before the deploy records its failure, marks the failure's time", () => {
    // The order a failed deploy writes: the rollback is created and succeeds, then the deploy's
    // `failure` status says where the rollback went.
    const [d] = judge(
      ["a", { at: 0, statuses: [["failure", 9]] }],
      ["r", { at: 4, kind: "rollback", from: "a", statuses: [["success", 6]] }],
    );
    expect(d).toMatchObject({ failedBy: "status", failureAt: Date.parse(instant(4)) });
  });

  it("a success that a later failure ended (a watch window) failed at that failure, and had succeeded", () => {
    const [d] = judge([
      "a",
      {
        at: 0,
        statuses: [
          ["success", 5],
          ["failure", 30],
        ],
      },
    ]);
    expect(d).toMatchObject({ successful: true, failed: true, failedBy: "status" });
    expect(d?.failureAt).toBe(Date.parse(instant(30)));
  });

  it("a rollback in another environment does not fail a deployment of this one", () => {
    const [d] = judge(
      ["a", { at: 0, statuses: [["success", 5]] }],
      ["r", { at: 9, env: "staging", kind: "rollback", from: "a", statuses: [["success", 10]] }],
    );
    expect(d?.failed).toBe(false);
  });

  it("knows nothing at or after `until`: later statuses and records are not there yet", () => {
    const end = UNTIL.toISOString();
    const judged = judge(
      [
        "a",
        {
          at: 0,
          statuses: [
            ["in_progress", 1],
            ["success", end],
          ],
        },
      ],
      ["b", { at: end, statuses: [["success", end]] }],
    );
    expect(judged.map((d) => d.id)).toEqual(["a"]);
    expect(judged[0]?.inProgress).toBe(true);
  });

  it("groups environment names without case, and orders by creation", () => {
    const judged = judge(["b", { at: 10, env: "PRODUCTION" }], ["a", { at: 0, env: "Production" }]);
    expect(judged.map((d) => [d.id, d.key])).toEqual([
      ["a", "production"],
      ["b", "production"],
    ]);
  });
});

describe("statistics", () => {
  it("the median is the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("a duration median between two seconds is rounded half up to whole seconds", () => {
    expect(durationStats([10, 11])).toEqual({ median: 11, p90: 11 });
    expect(durationStats([10, 13])).toEqual({ median: 12, p90: 13 });
  });

  it("the p90 is the nearest rank: the ceil(0.9·n)-th smallest", () => {
    expect(p90([5])).toBe(5);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toBe(10);
    expect(p90([50, 10, 40, 20, 30])).toBe(50);
    expect(p90(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(18);
  });

  it("an empty set gives null, never 0", () => {
    expect(median([])).toBeNull();
    expect(p90([])).toBeNull();
    expect(durationStats([])).toEqual({ median: null, p90: null });
    expect(rate(0, 0)).toBeNull();
    expect(rate(0, 4)).toBe(0);
  });
});

describe("DORA 2024 tiers", () => {
  const DAY = 86_400;
  it.each([
    [2, "elite"],
    [1, "high"],
    [1 / 7, "high"],
    [1 / 8, "medium"],
    [1 / 30, "medium"],
    [1 / 31, "low"],
    [0, "low"],
  ])("deployment frequency %f a day is %s", (perDay, tier) => {
    expect(frequencyTier(perDay)).toBe(tier);
  });

  it.each([
    [null, null],
    [DAY - 1, "elite"],
    [DAY, "high"],
    [7 * DAY - 1, "high"],
    [7 * DAY, "medium"],
    [30 * DAY, "low"],
  ])("lead time %s s is %s", (seconds, tier) => {
    expect(leadTimeTier(seconds)).toBe(tier);
  });

  it.each([
    [null, null],
    [0, "elite"],
    [0.075, "elite"],
    [0.08, "medium"],
    [0.15, "medium"],
    [0.2, "high"],
    [0.3, "high"],
    [0.31, "low"],
    [1, "low"],
  ])("change failure rate %s is %s (the nearest typical rate)", (value, tier) => {
    expect(failureRateTier(value)).toBe(tier);
  });

  it.each([
    [null, null],
    [3599, "elite"],
    [3600, "high"],
    [DAY - 1, "high"],
    [DAY, "low"],
  ])("recovery time %s s is %s", (seconds, tier) => {
    expect(recoveryTier(seconds)).toBe(tier);
  });
});

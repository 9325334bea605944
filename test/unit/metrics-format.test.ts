/** How the metrics read to people (durations, chart units) and the CSV's escaping of record text. */
import { describe, expect, it } from "vitest";
import type { DeploymentRow } from "../../src/core/metrics/index.ts";
import { metricsCsv } from "../../src/presenters/metrics-csv.ts";
import { chartUnit, duration, inUnit, percent } from "../../src/presenters/metrics-format.ts";

describe("durations and rates", () => {
  it.each([
    [null, "–"],
    [45, "45s"],
    [900, "15m"],
    [903, "15m 3s"],
    [7200, "2h"],
    [135_000, "1d 13h"],
    [345_600, "4d"],
    [-30, "-30s"],
  ])("%s seconds read %s", (seconds, text) => {
    expect(duration(seconds)).toBe(text);
  });

  it("percentages keep one decimal; none is a dash", () => {
    expect([percent(2 / 3), percent(0), percent(1), percent(null)]).toEqual(["66.7%", "0%", "100%", "–"]);
  });

  it("charts use minutes, hours from 2 hours, days from 3 days", () => {
    expect(chartUnit(7199).name).toBe("Minutes");
    expect(chartUnit(7200).name).toBe("Hours");
    expect(chartUnit(3 * 86_400).name).toBe("Days");
    expect(inUnit(5400, chartUnit(7200))).toBe(1.5);
  });
});

describe("--format csv", () => {
  const row: DeploymentRow = {
    environment: "prod, eu",
    id: "=HYPERLINK(1)",
    kind: "deploy",
    version: 'v"1"',
    sha: "abc",
    createdAt: Date.parse("2026-11-01T00:00:00Z"),
    successAt: null,
    outcome: "failure",
    failureAt: Date.parse("2026-11-01T00:05:00Z"),
    recoveredBy: null,
    recoverySeconds: null,
    rework: false,
    leadTimeCommits: 2,
    leadTimeMissing: 0,
    leadTimeSeconds: [10, 13],
  };

  it("quotes commas and quotes, and keeps a formula from running in a spreadsheet", () => {
    const lines = metricsCsv([row]).split("\n");
    expect(lines[1]).toBe(
      '"prod, eu",\'=HYPERLINK(1),deploy,"v""1""",abc,2026-11-01T00:00:00.000Z,,failure,2026-11-01T00:05:00.000Z,,,false,2,0,12',
    );
    expect(lines).toHaveLength(3);
  });
});

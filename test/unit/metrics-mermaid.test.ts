/**
 * The `metrics` job summary's charts are read by Mermaid itself (the npm package, under a jsdom
 * DOM): every `mermaid` block must parse as an xychart. A broken block is shown to fail the same
 * parse, so a pass means something.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import type { MetricsResult } from "../../src/commands/metrics.ts";
import {
  buildMetrics,
  judgeDeployments,
  leadTimeRanges,
  type RangeReading,
} from "../../src/core/metrics/index.ts";
import { metricsSummary } from "../../src/presenters/metrics-summary.ts";
import { BASE, record } from "../helpers/metrics-records.ts";

interface Mermaid {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<{ diagramType: string }>;
}
let mermaid: Mermaid;

beforeAll(async () => {
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import("mermaid")).default as unknown as Mermaid;
  mermaid.initialize({ startOnLoad: false });
}, 60_000);

function blocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

/** Five weeks with deploys, lead times, two failures (one open) and an environment with a hostile name. */
function result(): MetricsResult {
  const window = { since: new Date(BASE), until: new Date(BASE + 35 * 86_400_000) };
  const hostile = 'Prod "x"] \nbar [9';
  const records = [
    record("base", { version: "1.0.0", at: -600, statuses: [["success", -590]] }),
    record("d1", { version: "1.1.0", at: 0, statuses: [["success", 10]] }),
    record("f1", { version: "1.2.0", at: 8 * 1440, statuses: [["failure", 8 * 1440 + 5]] }),
    record("fix", { version: "1.2.1", at: 8 * 1440 + 90, statuses: [["success", 8 * 1440 + 95]] }),
    record("f2", { version: "1.3.0", at: 30 * 1440, statuses: [["error", 30 * 1440 + 1]] }),
    record("h0", { env: hostile, version: '9.9.9-"x"', at: -5, statuses: [["success", -4]] }),
    record("h1", { env: hostile, version: "9.9.10", at: 20, statuses: [["success", 30]] }),
  ];
  const judged = judgeDeployments(records, window.until);
  const ranges = leadTimeRanges(judged, window);
  const at = (minutes: number) => (BASE + minutes * 60_000) / 1000;
  const readings = new Map<string, RangeReading>([
    ["d1", { commits: [{ sha: "a", committedAt: at(-120) }] }],
    [
      "fix",
      {
        commits: [
          { sha: "b", committedAt: at(8 * 1440 - 600) },
          { sha: "c", committedAt: at(8 * 1440) },
        ],
      },
    ],
    ["h1", { commits: [{ sha: "d", committedAt: at(0) }] }],
  ]);
  const report = buildMetrics({
    judged,
    window,
    environment: null,
    recoveryTargetSeconds: 900,
    ranges,
    readings,
  });
  return { report, window, environment: null, ledger: "the ledger /tmp/x", recoveryTargetSeconds: 900 };
}

describe("the metrics summary's Mermaid charts", () => {
  it("parses every block as an xychart: deploys, median lead time and failures per environment", async () => {
    const summary = metricsSummary(result());
    const found = blocks(summary);
    // production: deploys, lead time, failures; the other: deploys, lead time.
    expect(found).toHaveLength(5);
    for (const block of found) {
      expect(block.startsWith("xychart-beta\n")).toBe(true);
      await expect(mermaid.parse(block)).resolves.toMatchObject({ diagramType: "xychart" });
    }
    expect(found[0]).toContain(
      'x-axis ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"]',
    );
    expect(found[0]).toContain("bar [1, 1, 0, 0, 0]");
    // Week 1: d1's commit waited 130 minutes (2.2 h); week 2: fix's waited 695 and 95 minutes,
    // median 395 minutes (6.6 h): the longest is over 2 hours, so the chart is in hours.
    expect(found[1]).toContain('y-axis "Hours" 0 --> 7');
    expect(found[1]).toContain("line [2.2, 6.6]");
    // f1 recovered in 90 minutes; f2 is open from day 30 (and a minute) to the window's end at
    // day 35: 7199 minutes, over 3 days, so the chart is in days.
    expect(found[2]).toContain('x-axis ["1.2.0", "1.3.0 open"]');
    expect(found[2]).toContain('y-axis "Days to recover" 0 --> 5');
    expect(found[2]).toContain("bar [0.1, 5]");
  });

  it("keeps names from the records inside their quotes", async () => {
    const found = blocks(metricsSummary(result()));
    expect(found[3]).toContain('title "Deploys per week, Prod x bar 9"');
    for (const block of found) expect(block.split("\n")).toHaveLength(6);
  });

  it("parses the charts of the README's sample summary", async () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    const section = readme.slice(
      readme.indexOf("<!-- metrics-sample:start -->"),
      readme.indexOf("<!-- metrics-sample:end -->"),
    );
    const found = blocks(section);
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const block of found)
      await expect(mermaid.parse(block)).resolves.toMatchObject({ diagramType: "xychart" });
  });

  it("the same parse rejects a broken chart (the check can fail)", async () => {
    const broken = 'xychart-beta\n    title "Deploys "x""\n    x-axis ["a"\n    bar [1]\n';
    await expect(mermaid.parse(broken)).rejects.toThrow();
  });
});

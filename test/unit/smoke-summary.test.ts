import { describe, expect, it } from "vitest";
import { combineVerdicts, countVerdicts } from "../../src/core/smoke/verdict.ts";
import type { SmokeReport } from "../../src/ports.ts";
import { renderSmokeSummary } from "../../src/presenters/smoke-summary.ts";

describe("suite verdict", () => {
  it("fail beats inconclusive beats pass", () => {
    expect(combineVerdicts(["pass", "pass"])).toBe("pass");
    expect(combineVerdicts(["pass", "inconclusive"])).toBe("inconclusive");
    expect(combineVerdicts(["inconclusive", "fail", "pass"])).toBe("fail");
    expect(countVerdicts(["pass", "fail", "pass"])).toEqual({ pass: 2, fail: 1, inconclusive: 0 });
  });
});

describe("renderSmokeSummary", () => {
  const report: SmokeReport = {
    verdict: "fail",
    startedAt: "2025-01-01T00:00:00.000Z",
    durationMs: 1534.2,
    deadlineMs: 120_000,
    counts: { pass: 1, fail: 1, inconclusive: 1 },
    checks: [
      {
        name: "health",
        kind: "http",
        verdict: "pass",
        cause: null,
        detail: "status 200 in 3.2 ms",
        attempts: 1,
        timings: { elapsedMs: 3.5, lastAttempt: { connectMs: 0.4, tlsMs: null, ttfbMs: 2.9, totalMs: 3.2 } },
      },
      {
        name: "pipe | name",
        kind: "http",
        verdict: "fail",
        cause: "body",
        detail: 'body does not contain "ok"; body starts "<b>|x\ny`"',
        attempts: 4,
        timings: { elapsedMs: 1534.2, lastAttempt: null },
      },
      {
        name: "error rate",
        kind: "prometheus",
        verdict: "inconclusive",
        cause: "no-data",
        detail: "the query returned no data",
        attempts: 2,
        timings: { elapsedMs: 1000, lastAttempt: null },
      },
    ],
  };

  it("renders a headline and one row per check, with cells escaped", () => {
    expect(renderSmokeSummary(report)).toBe(
      [
        "### Smoke checks: ❌ fail",
        "",
        "1 passed, 1 failed, 1 inconclusive in 1534 ms (deadline 120000 ms).",
        "",
        "| Check | Kind | Verdict | Cause | Attempts | Time | Detail |",
        "| --- | --- | --- | --- | ---: | ---: | --- |",
        "| health | http | ✅ pass |  | 1 | 3.5 ms | status 200 in 3.2 ms |",
        '| pipe \\| name | http | ❌ fail | body | 4 | 1534 ms | body does not contain "ok"; body starts "&lt;b&gt;\\|x y\\`" |',
        "| error rate | prometheus | ⚠️ inconclusive | no-data | 2 | 1000 ms | the query returned no data |",
        "",
      ].join("\n"),
    );
  });
});

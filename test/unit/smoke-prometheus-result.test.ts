import { describe, expect, it } from "vitest";
import { instantQueryUrl } from "../../src/adapters/probes/prometheus-probe.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import { judgePrometheusAnswer, parseSampleValue } from "../../src/core/smoke/prometheus-result.ts";
import type { PrometheusCheck } from "../../src/core/smoke/types.ts";

function check(fields: string): PrometheusCheck {
  return parseChecks(`- name: p\n  prometheus: http://127.0.0.1:9090\n  query: q\n${fields}`, "checks")
    .checks[0] as PrometheusCheck;
}

const vector = (...series: [Record<string, string>, string][]): string =>
  JSON.stringify({
    status: "success",
    data: {
      resultType: "vector",
      result: series.map(([metric, value]) => ({ metric, value: [1_700_000_000.5, value] })),
    },
  });

describe("Prometheus answers", () => {
  const max = check("  max: 0.01\n");

  it("passes a value under max", () => {
    expect(judgePrometheusAnswer(max, 200, vector([{}, "0.002"]))).toEqual({
      verdict: "pass",
      cause: null,
      detail: "value 0.002 within max 0.01",
      value: 0.002,
    });
  });

  it("fails the worst series above max", () => {
    const answer = vector([{ code: "200" }, "0.001"], [{ code: "500" }, "0.25"]);
    expect(judgePrometheusAnswer(max, 200, answer)).toEqual({
      verdict: "fail",
      cause: "threshold",
      detail: 'value 0.25 {code="500"} is above max 0.01',
      value: 0.25,
    });
  });

  it("shows values rounded to six significant digits and keeps the exact one", () => {
    expect(judgePrometheusAnswer(max, 200, vector([{}, "0.09999999999999999"]))).toMatchObject({
      detail: "value 0.1 is above max 0.01",
      value: 0.09999999999999999,
    });
  });

  it("applies min", () => {
    const min = check("  min: 1\n");
    expect(judgePrometheusAnswer(min, 200, vector([{ job: "app" }, "0"]))).toMatchObject({
      verdict: "fail",
      cause: "threshold",
      detail: 'value 0 {job="app"} is below min 1',
    });
    expect(judgePrometheusAnswer(min, 200, vector([{}, "3"], [{}, "2"]))).toMatchObject({
      verdict: "pass",
      detail: "2 series, lowest 2 within min 1",
    });
  });

  it("reads scalars and infinities", () => {
    const answer = JSON.stringify({ status: "success", data: { resultType: "scalar", result: [1, "+Inf"] } });
    expect(judgePrometheusAnswer(max, 200, answer)).toMatchObject({
      verdict: "fail",
      cause: "threshold",
      value: Number.POSITIVE_INFINITY,
    });
    expect(parseSampleValue("-Inf")).toBe(Number.NEGATIVE_INFINITY);
    expect(parseSampleValue("1e-3")).toBe(0.001);
    expect(parseSampleValue("")).toBeNull();
    expect(parseSampleValue(3)).toBeNull();
  });

  it("applies the no-data rule to an empty vector and to NaN", () => {
    for (const body of [vector(), vector([{}, "NaN"])]) {
      expect(judgePrometheusAnswer(max, 200, body)).toMatchObject({
        verdict: "inconclusive",
        cause: "no-data",
      });
      expect(judgePrometheusAnswer(check("  max: 1\n  no-data: fail\n"), 200, body)).toMatchObject({
        verdict: "fail",
        cause: "no-data",
      });
      expect(judgePrometheusAnswer(check("  max: 1\n  no-data: pass\n"), 200, body)).toMatchObject({
        verdict: "pass",
        cause: null,
      });
    }
    expect(judgePrometheusAnswer(max, 200, vector()).detail).toBe(
      "the query returned no data (no-data: inconclusive)",
    );
  });

  // An instance with no traffic answers NaN (0/0): each such series follows `no-data`, by name.
  const nanCases: [string, string, [Record<string, string>, string][], object][] = [
    [
      "inconclusive",
      "  min: 0.1\n",
      [
        [{ instance: "a" }, "NaN"],
        [{ instance: "b" }, "0.5"],
      ],
      {
        verdict: "inconclusive",
        cause: "no-data",
        detail:
          'series {instance="a"} returned NaN (for example 0/0 with no traffic) (no-data: inconclusive)',
        value: null,
      },
    ],
    [
      "fail",
      "  min: 0.1\n  no-data: fail\n",
      [
        [{ instance: "a" }, "NaN"],
        [{ instance: "b" }, "0.5"],
      ],
      { verdict: "fail", cause: "no-data" },
    ],
    [
      "pass",
      "  min: 0.1\n  no-data: pass\n",
      [
        [{ instance: "a" }, "NaN"],
        [{ instance: "b" }, "0.5"],
      ],
      {
        verdict: "pass",
        cause: null,
        detail:
          'value 0.5 {instance="b"} within min 0.1; series {instance="a"} returned NaN (for example 0/0 with no traffic) (no-data: pass)',
        value: 0.5,
      },
    ],
    [
      "a threshold failure first",
      "  min: 0.1\n",
      [
        [{ instance: "a" }, "NaN"],
        [{ instance: "b" }, "0.05"],
      ],
      { verdict: "fail", cause: "threshold", detail: 'value 0.05 {instance="b"} is below min 0.1' },
    ],
    [
      "many, bounded",
      "  max: 1\n",
      [1, 2, 3, 4, 5]
        .map((n): [Record<string, string>, string] => [{ i: String(n) }, "NaN"])
        .concat([[{}, "0"]]),
      {
        verdict: "inconclusive",
        detail:
          '5 series {i="1"}, {i="2"}, {i="3"} and 2 more returned NaN (for example 0/0 with no traffic) (no-data: inconclusive)',
      },
    ],
  ];
  it.each(nanCases)("judges a NaN series beside a number per series: %s", (_, fields, series, expected) => {
    expect(judgePrometheusAnswer(check(fields), 200, vector(...series))).toMatchObject(expected);
  });

  it("reports Prometheus errors as inconclusive query problems", () => {
    const error = JSON.stringify({
      status: "error",
      errorType: "bad_data",
      error: 'parse error: unexpected "}"',
    });
    expect(judgePrometheusAnswer(max, 400, error)).toEqual({
      verdict: "inconclusive",
      cause: "query",
      detail: 'Prometheus rejected the query (status 400, bad_data): parse error: unexpected "}"',
      value: null,
    });
    expect(judgePrometheusAnswer(max, 502, "<html>bad gateway</html>")).toMatchObject({
      verdict: "inconclusive",
      cause: "status",
    });
    expect(judgePrometheusAnswer(max, 200, "nope")).toMatchObject({
      verdict: "inconclusive",
      cause: "query",
    });
    const matrix = JSON.stringify({ status: "success", data: { resultType: "matrix", result: [] } });
    expect(judgePrometheusAnswer(max, 200, matrix).detail).toContain("range vector");
  });

  it("keeps Prometheus warnings in the detail", () => {
    const answer = JSON.stringify({
      status: "success",
      warnings: ["partial response"],
      data: { resultType: "vector", result: [] },
    });
    expect(judgePrometheusAnswer(max, 200, answer).detail).toContain("warnings: partial response");
  });

  it("builds the query URL under a path prefix", () => {
    expect(instantQueryUrl("http://127.0.0.1:9090", 'sum(x{a="b"})')).toBe(
      "http://127.0.0.1:9090/api/v1/query?query=sum%28x%7Ba%3D%22b%22%7D%29",
    );
    expect(instantQueryUrl("http://127.0.0.1:9090/prom/", "up")).toBe(
      "http://127.0.0.1:9090/prom/api/v1/query?query=up",
    );
  });
});

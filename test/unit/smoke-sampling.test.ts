import { describe, expect, it } from "vitest";
import { type HttpSample, summarizeSamples } from "../../src/core/smoke/sampling.ts";
import type { Cause, Sampling } from "../../src/core/smoke/types.ts";

const wall = { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 999 };

function sample(totalMs: number, cause: Cause | null = null, countsForLatency = true): HttpSample {
  return {
    cause,
    detail: cause === null ? "status 200" : `failed: ${cause}`,
    timings: { connectMs: 1, tlsMs: null, ttfbMs: totalMs / 2, totalMs },
    countsForLatency,
  };
}

const sampling = (overrides: Partial<Sampling> = {}): Sampling => ({
  requests: 1,
  concurrency: 1,
  minSuccessRate: 1,
  maxP95Ms: null,
  maxP99Ms: null,
  ...overrides,
});

describe("one request", () => {
  it("passes with the request's own timings", () => {
    const outcome = summarizeSamples(sampling(), [sample(12.34)], wall);
    expect(outcome).toMatchObject({ verdict: "pass", cause: null, detail: "status 200 in 12.3 ms" });
    expect(outcome.timings.totalMs).toBe(12.34);
  });

  it("fails with the request's cause", () => {
    expect(summarizeSamples(sampling(), [sample(1, "refused", false)], wall)).toMatchObject({
      verdict: "fail",
      cause: "refused",
      detail: "failed: refused",
    });
  });

  it("applies a latency limit to the one request", () => {
    expect(summarizeSamples(sampling({ maxP95Ms: 10 }), [sample(250)], wall)).toMatchObject({
      verdict: "fail",
      cause: "latency",
      detail: "latency 250 ms is above max-p95-ms 10",
    });
  });
});

describe("sampled requests", () => {
  const ok = (count: number, ms = 10): HttpSample[] =>
    Array.from({ length: count }, (_, index) => sample(ms + index));

  it("passes and reports stats", () => {
    const outcome = summarizeSamples(
      sampling({ requests: 50, minSuccessRate: 0.99, maxP95Ms: 500 }),
      ok(50),
      wall,
    );
    expect(outcome.verdict).toBe("pass");
    expect(outcome.samples).toMatchObject({
      requests: 50,
      successes: 50,
      successRate: 1,
      minMs: 10,
      p95Ms: 57,
      p99Ms: 59,
      maxMs: 59,
    });
    expect(outcome.detail).toBe("50 of 50 requests succeeded (1); p95 57 ms, p99 59 ms");
    expect(outcome.timings).toBe(wall);
  });

  it("fails below the minimum success rate, listing failure causes", () => {
    const samples = [...ok(97), sample(5, "status"), sample(5, "status"), sample(3000, "timeout")];
    const outcome = summarizeSamples(sampling({ requests: 100, minSuccessRate: 0.99 }), samples, wall);
    expect(outcome).toMatchObject({ verdict: "fail", cause: "success-rate" });
    expect(outcome.detail).toBe(
      "success rate 0.97 (97 of 100) is below 0.99; failures: status x2, timeout x1",
    );
    expect(outcome.samples?.failures).toEqual({ status: 2, timeout: 1 });
  });

  it("tolerates failures within the rate", () => {
    const samples = [...ok(99), sample(5, "status")];
    expect(summarizeSamples(sampling({ requests: 100, minSuccessRate: 0.99 }), samples, wall).verdict).toBe(
      "pass",
    );
  });

  it("names the dominant cause when nothing succeeded", () => {
    const samples = [sample(1, "refused", false), sample(1, "refused", false), sample(2000, "timeout")];
    const outcome = summarizeSamples(sampling({ requests: 3 }), samples, wall);
    expect(outcome).toMatchObject({ verdict: "fail", cause: "refused" });
    expect(outcome.detail).toBe("all 3 requests failed (refused x2, timeout x1); first: failed: refused");
  });

  it("fails on p95 then p99", () => {
    const samples = [...ok(94, 10), ...Array.from({ length: 6 }, () => sample(900))];
    expect(summarizeSamples(sampling({ requests: 100, maxP95Ms: 500 }), samples, wall)).toMatchObject({
      cause: "latency",
      detail: "p95 latency 900 ms is above max-p95-ms 500",
    });
    const tail = [...ok(98, 10), sample(900), sample(900)];
    expect(summarizeSamples(sampling({ requests: 100, maxP95Ms: 500 }), tail, wall).verdict).toBe("pass");
    expect(
      summarizeSamples(sampling({ requests: 100, maxP95Ms: 500, maxP99Ms: 800 }), tail, wall),
    ).toMatchObject({
      cause: "latency",
      detail: "p99 latency 900 ms is above max-p99-ms 800",
    });
  });

  it("counts timeouts but not instant refusals in latency", () => {
    const samples = [...ok(18, 10), sample(0.2, "refused", false), sample(3000, "timeout", true)];
    const outcome = summarizeSamples(sampling({ requests: 20, minSuccessRate: 0.5 }), samples, wall);
    expect(outcome.samples?.minMs).toBe(10);
    expect(outcome.samples?.maxMs).toBe(3000);
  });
});

import { summarizeLatencies } from "./percentiles.ts";
import type { AttemptOutcome, AttemptTimings, Cause, SampleStats, Sampling } from "./types.ts";

/** One request of an attempt: null cause for a success. */
export interface HttpSample {
  cause: Cause | null;
  detail: string;
  timings: AttemptTimings;
  /** False when the request never got an answer for a reason unrelated to slowness (refused, DNS, TLS). */
  countsForLatency: boolean;
}

/**
 * Turns the samples of one attempt into its outcome. One request: its own result, then the latency
 * limits. Several: the success rate first (when none succeeded, the most frequent cause is the
 * cause, since "refused" says more than "success-rate 0"), then p95, then p99.
 * Latency percentiles cover the requests that got an answer and those that timed out (at their
 * elapsed time): a fast "connection refused" must not make a slow service look fast.
 */
export function summarizeSamples(
  sampling: Sampling,
  samples: readonly HttpSample[],
  timings: AttemptTimings,
): AttemptOutcome {
  const stats = sampleStats(samples);
  const single = samples.length === 1 ? samples[0] : undefined;
  const base = { timings: single?.timings ?? timings, samples: stats };
  if (single !== undefined && single.cause !== null) {
    return { verdict: "fail", cause: single.cause, detail: single.detail, ...base };
  }
  if (single === undefined) {
    if (stats.successes === 0) {
      const cause = mostFrequent(stats.failures) ?? "connection";
      const example = samples.find((sample) => sample.cause === cause)?.detail ?? "";
      return {
        verdict: "fail",
        cause,
        detail: `all ${stats.requests} requests failed (${failureList(stats)}); first: ${example}`,
        ...base,
      };
    }
    if (stats.successRate < sampling.minSuccessRate) {
      return {
        verdict: "fail",
        cause: "success-rate",
        detail: `success rate ${formatRate(stats.successRate)} (${stats.successes} of ${stats.requests}) is below ${sampling.minSuccessRate}; failures: ${failureList(stats)}`,
        ...base,
      };
    }
  }
  for (const [label, limit, value] of [
    ["p95", sampling.maxP95Ms, stats.p95Ms],
    ["p99", sampling.maxP99Ms, stats.p99Ms],
  ] as const) {
    if (limit !== null && value !== null && value > limit) {
      const measured =
        single === undefined ? `${label} latency ${formatMs(value)}` : `latency ${formatMs(value)}`;
      return {
        verdict: "fail",
        cause: "latency",
        detail: `${measured} is above max-${label}-ms ${limit}`,
        ...base,
      };
    }
  }
  if (single !== undefined) {
    return {
      verdict: "pass",
      cause: null,
      detail: `${single.detail} in ${formatMs(single.timings.totalMs)}`,
      ...base,
    };
  }
  return {
    verdict: "pass",
    cause: null,
    detail: `${stats.successes} of ${stats.requests} requests succeeded (${formatRate(stats.successRate)}); p95 ${formatMs(stats.p95Ms)}, p99 ${formatMs(stats.p99Ms)}`,
    ...base,
  };
}

export function sampleStats(samples: readonly HttpSample[]): SampleStats {
  const failures: Partial<Record<Cause, number>> = {};
  let successes = 0;
  for (const sample of samples) {
    if (sample.cause === null) successes += 1;
    else failures[sample.cause] = (failures[sample.cause] ?? 0) + 1;
  }
  const latencies = samples
    .filter((sample) => sample.countsForLatency)
    .map((sample) => sample.timings.totalMs);
  return {
    requests: samples.length,
    successes,
    successRate: samples.length === 0 ? 0 : successes / samples.length,
    ...summarizeLatencies(latencies),
    failures,
  };
}

function mostFrequent(failures: Partial<Record<Cause, number>>): Cause | null {
  let best: Cause | null = null;
  let bestCount = 0;
  for (const [cause, count] of Object.entries(failures) as [Cause, number][]) {
    if (count > bestCount) {
      best = cause;
      bestCount = count;
    }
  }
  return best;
}

function failureList(stats: SampleStats): string {
  return (Object.entries(stats.failures) as [Cause, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([cause, count]) => `${cause} x${count}`)
    .join(", ");
}

export function formatMs(value: number | null): string {
  if (value === null) return "n/a";
  return value >= 100 ? `${Math.round(value)} ms` : `${Math.round(value * 10) / 10} ms`;
}

function formatRate(rate: number): string {
  return String(Math.round(rate * 10_000) / 10_000);
}

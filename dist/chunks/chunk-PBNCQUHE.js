import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/smoke/percentiles.ts
function nearestRank(sorted, percentile) {
  if (!(percentile > 0 && percentile <= 100))
    throw new RangeError(`percentile must be in (0, 100], got ${percentile}`);
  if (sorted.length === 0) return null;
  const rank = Math.ceil(Math.round(percentile / 100 * sorted.length * 1e9) / 1e9);
  return sorted[Math.max(rank, 1) - 1] ?? null;
}
function summarizeLatencies(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    minMs: sorted[0] ?? null,
    p50Ms: nearestRank(sorted, 50),
    p95Ms: nearestRank(sorted, 95),
    p99Ms: nearestRank(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? null
  };
}

// src/core/smoke/sampling.ts
function summarizeSamples(sampling, samples, timings) {
  const stats = sampleStats(samples);
  const single = samples.length === 1 ? samples[0] : void 0;
  const base = { timings: single?.timings ?? timings, samples: stats };
  if (single !== void 0 && single.cause !== null) {
    return { verdict: "fail", cause: single.cause, detail: single.detail, ...base };
  }
  if (single === void 0) {
    if (stats.successes === 0) {
      const cause = mostFrequent(stats.failures) ?? "connection";
      const example = samples.find((sample) => sample.cause === cause)?.detail ?? "";
      return {
        verdict: "fail",
        cause,
        detail: `all ${stats.requests} requests failed (${failureList(stats)}); first: ${example}`,
        ...base
      };
    }
    if (stats.successRate < sampling.minSuccessRate) {
      return {
        verdict: "fail",
        cause: "success-rate",
        detail: `success rate ${formatRate(stats.successRate)} (${stats.successes} of ${stats.requests}) is below ${sampling.minSuccessRate}; failures: ${failureList(stats)}`,
        ...base
      };
    }
  }
  for (const [label, limit, value] of [
    ["p95", sampling.maxP95Ms, stats.p95Ms],
    ["p99", sampling.maxP99Ms, stats.p99Ms]
  ]) {
    if (limit !== null && value !== null && value > limit) {
      const measured = single === void 0 ? `${label} latency ${formatMs(value)}` : `latency ${formatMs(value)}`;
      return {
        verdict: "fail",
        cause: "latency",
        detail: `${measured} is above max-${label}-ms ${limit}`,
        ...base
      };
    }
  }
  if (single !== void 0) {
    return {
      verdict: "pass",
      cause: null,
      detail: `${single.detail} in ${formatMs(single.timings.totalMs)}`,
      ...base
    };
  }
  return {
    verdict: "pass",
    cause: null,
    detail: `${stats.successes} of ${stats.requests} requests succeeded (${formatRate(stats.successRate)}); p95 ${formatMs(stats.p95Ms)}, p99 ${formatMs(stats.p99Ms)}`,
    ...base
  };
}
function sampleStats(samples) {
  const failures = {};
  let successes = 0;
  for (const sample of samples) {
    if (sample.cause === null) successes += 1;
    else failures[sample.cause] = (failures[sample.cause] ?? 0) + 1;
  }
  const latencies = samples.filter((sample) => sample.countsForLatency).map((sample) => sample.timings.totalMs);
  return {
    requests: samples.length,
    successes,
    successRate: samples.length === 0 ? 0 : successes / samples.length,
    ...summarizeLatencies(latencies),
    failures
  };
}
function mostFrequent(failures) {
  let best = null;
  let bestCount = 0;
  for (const [cause, count] of Object.entries(failures)) {
    if (count > bestCount) {
      best = cause;
      bestCount = count;
    }
  }
  return best;
}
function failureList(stats) {
  return Object.entries(stats.failures).sort((a, b) => b[1] - a[1]).map(([cause, count]) => `${cause} x${count}`).join(", ");
}
function formatMs(value) {
  if (value === null) return "n/a";
  return value >= 100 ? `${Math.round(value)} ms` : `${Math.round(value * 10) / 10} ms`;
}
function formatRate(rate) {
  return String(Math.round(rate * 1e4) / 1e4);
}

export {
  summarizeSamples,
  formatMs
};

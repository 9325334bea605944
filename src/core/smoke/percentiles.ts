/**
 * Nearest-rank percentile: the smallest sample such that at least p% of the samples are at or
 * below it, i.e. sorted[ceil(p/100 * n) - 1]. Always an observed value (no interpolation), so a
 * p95 of 50 requests is the 48th fastest, exactly what a latency limit should be judged on.
 * `sorted` must be in ascending order. Returns null for no samples.
 */
export function nearestRank(sorted: readonly number[], percentile: number): number | null {
  if (!(percentile > 0 && percentile <= 100))
    throw new RangeError(`percentile must be in (0, 100], got ${percentile}`);
  if (sorted.length === 0) return null;
  // Rounding away float noise first: 0.95 * 100 is 95.00000000000001 and must stay rank 95.
  const rank = Math.ceil(Math.round((percentile / 100) * sorted.length * 1e9) / 1e9);
  return sorted[Math.max(rank, 1) - 1] ?? null;
}

export interface LatencySummary {
  minMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    minMs: sorted[0] ?? null,
    p50Ms: nearestRank(sorted, 50),
    p95Ms: nearestRank(sorted, 95),
    p99Ms: nearestRank(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? null,
  };
}

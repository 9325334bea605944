/**
 * The statistics every metric reports: the median (the middle value, or the mean of the two middle
 * values) and the p90 by nearest rank (the ceil(0.9·n)-th smallest). An empty set gives null,
 * never 0. Durations are whole seconds: a median between two seconds is rounded half up.
 */

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The nearest-rank p90: the ceil(0.9·n)-th smallest value. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1] ?? null;
}

/** Whole seconds between two instants in milliseconds, rounded half up. */
export function secondsBetween(fromMs: number, toMs: number): number {
  return Math.round((toMs - fromMs) / 1000);
}

/** The median and p90 of durations in whole seconds. */
export function durationStats(seconds: readonly number[]): { median: number | null; p90: number | null } {
  const middle = median(seconds);
  return { median: middle === null ? null : Math.round(middle), p90: p90(seconds) };
}

/** A fraction, or null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

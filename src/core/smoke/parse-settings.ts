import { FieldReader, type NumberRule, type Place, placeError } from "./field-reader.ts";
import type { SchedulePolicy, SuiteSettings } from "./types.ts";
import type { TreeNode } from "./yaml-tree.ts";

export const SETTINGS_KEYS = [
  "deadline-ms",
  "warmup-ms",
  "retry-interval-ms",
  "max-retry-interval-ms",
  "backoff-factor",
  "jitter",
  "consecutive-passes",
  "max-concurrency",
] as const;

/** Keys that shape how often a check runs; valid on every kind. */
export const SCHEDULE_KEYS = ["consecutive-passes", "interval-ms", "duration-ms", "failure-limit"] as const;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const DEFAULT_SETTINGS: SuiteSettings = {
  deadlineMs: 120_000,
  warmupMs: 0,
  retryIntervalMs: 1_000,
  maxRetryIntervalMs: 10_000,
  backoffFactor: 2,
  jitter: 0.2,
  consecutivePasses: 1,
  maxConcurrency: 64,
};

const ms = (min: number, max: number): NumberRule => ({
  integer: true,
  min,
  max,
  what: "a duration in milliseconds",
});
const PASSES: NumberRule = {
  integer: true,
  min: 1,
  max: 100,
  what: "how many passes in a row a check needs",
};

export function parseSettings(node: TreeNode | undefined, source: string): SuiteSettings {
  if (node === undefined || (node.kind === "scalar" && node.value === null)) return DEFAULT_SETTINGS;
  const place: Place = { source, owner: "settings" };
  if (node.kind !== "map") {
    throw placeError(
      place,
      node.line,
      "must be a mapping",
      "Write `settings:` with keys such as `deadline-ms: 120000`.",
    );
  }
  const reader = new FieldReader(node, place);
  const deadlineMs = reader.number("deadline-ms", ms(1, DAY_MS)) ?? DEFAULT_SETTINGS.deadlineMs;
  const warmupMs = reader.number("warmup-ms", ms(0, DAY_MS)) ?? DEFAULT_SETTINGS.warmupMs;
  if (warmupMs >= deadlineMs) {
    throw reader.error(
      "warmup-ms",
      `(${warmupMs}) leaves no time before deadline-ms (${deadlineMs})`,
      "Make `warmup-ms` shorter than `deadline-ms`, or raise the deadline.",
    );
  }
  const retryIntervalMs =
    reader.number("retry-interval-ms", ms(0, HOUR_MS)) ?? DEFAULT_SETTINGS.retryIntervalMs;
  const maxRetryIntervalMs =
    reader.number("max-retry-interval-ms", ms(0, HOUR_MS)) ??
    Math.max(DEFAULT_SETTINGS.maxRetryIntervalMs, retryIntervalMs);
  if (maxRetryIntervalMs < retryIntervalMs) {
    throw reader.error(
      "max-retry-interval-ms",
      `(${maxRetryIntervalMs}) is below retry-interval-ms (${retryIntervalMs})`,
      "Set `max-retry-interval-ms` at or above `retry-interval-ms`.",
    );
  }
  const backoffFactor =
    reader.number("backoff-factor", {
      integer: false,
      min: 1,
      max: 10,
      what: "the growth of the pause after each failure",
    }) ?? DEFAULT_SETTINGS.backoffFactor;
  const jitter =
    reader.number("jitter", {
      integer: false,
      min: 0,
      max: 1,
      what: "the random fraction taken off each pause",
    }) ?? DEFAULT_SETTINGS.jitter;
  const consecutivePasses = reader.number("consecutive-passes", PASSES) ?? DEFAULT_SETTINGS.consecutivePasses;
  const maxConcurrency =
    reader.number("max-concurrency", {
      integer: true,
      min: 1,
      max: 256,
      what: "how many commands and requests run at once",
    }) ?? DEFAULT_SETTINGS.maxConcurrency;
  reader.finish(SETTINGS_KEYS, "`settings`");
  return {
    deadlineMs,
    warmupMs,
    retryIntervalMs,
    maxRetryIntervalMs,
    backoffFactor,
    jitter,
    consecutivePasses,
    maxConcurrency,
  };
}

/**
 * A check retries until enough passes in a row, unless it declares an analysis window
 * (`duration-ms`, with `interval-ms` and `failure-limit`), which must end before the deadline.
 */
export function parseSchedule(reader: FieldReader, settings: SuiteSettings): SchedulePolicy {
  const windowed = reader.has("duration-ms") || reader.has("interval-ms") || reader.has("failure-limit");
  if (!windowed) {
    const consecutivePasses = reader.number("consecutive-passes", PASSES) ?? settings.consecutivePasses;
    return {
      mode: "retry",
      consecutivePasses,
      retryIntervalMs: settings.retryIntervalMs,
      maxRetryIntervalMs: settings.maxRetryIntervalMs,
      backoffFactor: settings.backoffFactor,
      jitter: settings.jitter,
    };
  }
  if (reader.has("consecutive-passes")) {
    throw reader.error(
      "consecutive-passes",
      "does not apply to an analysis window (`duration-ms`)",
      "Remove `consecutive-passes` (a window passes when at most `failure-limit` attempts failed), or remove the window keys.",
    );
  }
  const durationMs = reader.number("duration-ms", ms(1, DAY_MS));
  if (durationMs === undefined) {
    throw reader.error(
      reader.has("interval-ms") ? "interval-ms" : "failure-limit",
      "needs `duration-ms` (the length of the analysis window)",
      "Add `duration-ms:` (for example 300000 for five minutes), or remove the window keys.",
    );
  }
  const intervalMs = reader.number("interval-ms", ms(1, DAY_MS)) ?? Math.max(1, settings.retryIntervalMs);
  if (intervalMs > durationMs) {
    throw reader.error(
      "interval-ms",
      `(${intervalMs}) is longer than duration-ms (${durationMs})`,
      "Make `interval-ms` at most `duration-ms`, so the window holds more than one attempt.",
    );
  }
  const failureLimit =
    reader.number("failure-limit", {
      integer: true,
      min: 0,
      max: 10_000,
      what: "how many failed attempts the window tolerates",
    }) ?? 0;
  if (settings.warmupMs + durationMs > settings.deadlineMs) {
    throw reader.error(
      "duration-ms",
      `(${durationMs}) plus warmup-ms (${settings.warmupMs}) ends after deadline-ms (${settings.deadlineMs})`,
      "Raise `settings.deadline-ms` above the warm-up plus the window, or shorten `duration-ms`.",
    );
  }
  return { mode: "window", intervalMs, durationMs, failureLimit };
}

import type { AttemptOutcome, Cause, RetryPolicy, SchedulePolicy, Verdict, WindowPolicy } from "./types.ts";

/**
 * The rules that turn a sequence of attempts into a check's verdict, as a pure state machine: the
 * runner records each attempt, asks `nextStep` what to do, and waits or stops. Times are
 * milliseconds on the runner's monotonic clock.
 */

export interface Progress {
  attempts: number;
  passes: number;
  failures: number;
  inconclusives: number;
  /** Passes in a row, ending with the last attempt. */
  passStreak: number;
  /** Non-passes in a row, ending with the last attempt (drives the backoff). */
  missStreak: number;
  last: AttemptOutcome | null;
  lastMiss: AttemptOutcome | null;
  firstAttemptAt: number | null;
}

export interface Conclusion {
  verdict: Verdict;
  cause: Cause | null;
  detail: string;
}

export type Step = { kind: "wait"; delayMs: number } | ({ kind: "done" } & Conclusion);

export const NO_PROGRESS: Progress = {
  attempts: 0,
  passes: 0,
  failures: 0,
  inconclusives: 0,
  passStreak: 0,
  missStreak: 0,
  last: null,
  lastMiss: null,
  firstAttemptAt: null,
};

export function recordAttempt(progress: Progress, outcome: AttemptOutcome, startedAt: number): Progress {
  const passed = outcome.verdict === "pass";
  return {
    attempts: progress.attempts + 1,
    passes: progress.passes + (passed ? 1 : 0),
    failures: progress.failures + (outcome.verdict === "fail" ? 1 : 0),
    inconclusives: progress.inconclusives + (outcome.verdict === "inconclusive" ? 1 : 0),
    passStreak: passed ? progress.passStreak + 1 : 0,
    missStreak: passed ? 0 : progress.missStreak + 1,
    last: outcome,
    lastMiss: passed ? progress.lastMiss : outcome,
    firstAttemptAt: progress.firstAttemptAt ?? startedAt,
  };
}

/**
 * What to do after an attempt. `random` is a number in [0, 1) for the jitter. A check that could
 * not start another attempt before the deadline stops now rather than idle until it.
 */
export function nextStep(
  policy: SchedulePolicy,
  progress: Progress,
  now: number,
  deadlineAt: number,
  random: number,
): Step {
  return policy.mode === "retry"
    ? nextRetryStep(policy, progress, now, deadlineAt, random)
    : nextWindowStep(policy, progress, now, deadlineAt);
}

function nextRetryStep(
  policy: RetryPolicy,
  progress: Progress,
  now: number,
  deadlineAt: number,
  random: number,
): Step {
  const last = progress.last;
  if (last === null) return { kind: "wait", delayMs: 0 };
  if (last.verdict === "pass" && progress.passStreak >= policy.consecutivePasses) {
    return { kind: "done", verdict: "pass", cause: null, detail: last.detail + retryNote(policy, progress) };
  }
  const delayMs = retryDelay(policy, progress.missStreak, random);
  if (now + delayMs >= deadlineAt) return { kind: "done", ...concludeRetry(policy, progress) };
  return { kind: "wait", delayMs };
}

function retryNote(policy: RetryPolicy, progress: Progress): string {
  const misses = progress.attempts - progress.passStreak;
  if (misses === 0)
    return policy.consecutivePasses > 1 ? ` (${policy.consecutivePasses} passes in a row)` : "";
  const inRow = policy.consecutivePasses > 1 ? ` ${policy.consecutivePasses} times in a row` : "";
  return ` (passed${inRow} after ${misses} earlier attempt${misses === 1 ? "" : "s"} did not)`;
}

/**
 * Pause before the next attempt: the retry interval after a pass; after `misses` non-passes in a
 * row, the interval times factor^(misses-1), capped; then shortened by up to `jitter` at random.
 */
export function retryDelay(policy: RetryPolicy, misses: number, random: number): number {
  const base =
    misses === 0
      ? policy.retryIntervalMs
      : Math.min(policy.retryIntervalMs * policy.backoffFactor ** (misses - 1), policy.maxRetryIntervalMs);
  return Math.round(base * (1 - policy.jitter * random));
}

function nextWindowStep(policy: WindowPolicy, progress: Progress, now: number, deadlineAt: number): Step {
  if (progress.failures > policy.failureLimit) {
    const lastMiss = progress.lastMiss;
    return {
      kind: "done",
      verdict: "fail",
      cause: lastMiss?.cause ?? null,
      detail: `${progress.failures} of ${progress.attempts} attempts failed, above failure-limit ${policy.failureLimit}; last: ${lastMiss?.detail ?? ""}`,
    };
  }
  const start = progress.firstAttemptAt;
  if (start === null) return { kind: "wait", delayMs: 0 };
  // Attempts keep a fixed cadence from the window's start, so slow attempts do not stretch it.
  const nextAt = start + progress.attempts * policy.intervalMs;
  if (nextAt > start + policy.durationMs) return { kind: "done", ...concludeWindow(policy, progress, false) };
  if (nextAt >= deadlineAt) return { kind: "done", ...concludeWindow(policy, progress, true) };
  return { kind: "wait", delayMs: Math.max(0, nextAt - now) };
}

/** The verdict of a check stopped by the deadline or by cancellation before it decided. */
export function concludeEarly(
  policy: SchedulePolicy,
  progress: Progress,
  reason: "deadline" | "aborted",
): Conclusion {
  if (reason === "aborted") {
    return {
      verdict: "inconclusive",
      cause: "aborted",
      detail: `cancelled after ${plural(progress.attempts, "attempt")}`,
    };
  }
  return policy.mode === "retry" ? concludeRetry(policy, progress) : concludeWindow(policy, progress, true);
}

function concludeRetry(policy: RetryPolicy, progress: Progress): Conclusion {
  const miss = progress.lastMiss;
  if (progress.attempts === 0) {
    return {
      verdict: "inconclusive",
      cause: "deadline",
      detail: "the deadline passed before any attempt finished",
    };
  }
  if (miss === null) {
    return {
      verdict: "inconclusive",
      cause: "deadline",
      detail: `passed ${progress.passStreak} of the ${policy.consecutivePasses} times in a row needed before the deadline`,
    };
  }
  const streak =
    progress.passStreak > 0
      ? `then passed ${progress.passStreak} of the ${policy.consecutivePasses} times in a row needed; `
      : "";
  return {
    verdict: miss.verdict,
    cause: miss.cause,
    detail: `${miss.detail} (${streak}no ${policy.consecutivePasses > 1 ? "passing streak" : "pass"} before the deadline, ${plural(progress.attempts, "attempt")})`,
  };
}

function concludeWindow(policy: WindowPolicy, progress: Progress, cutShort: boolean): Conclusion {
  const counts = `${plural(progress.attempts, "attempt")}: ${progress.passes} passed, ${progress.failures} failed (limit ${policy.failureLimit}), ${progress.inconclusives} inconclusive`;
  if (progress.failures > policy.failureLimit) {
    return {
      verdict: "fail",
      cause: progress.lastMiss?.cause ?? null,
      detail: `${counts}; last failure: ${progress.lastMiss?.detail ?? ""}`,
    };
  }
  if (cutShort) {
    return {
      verdict: "inconclusive",
      cause: "deadline",
      detail: `the deadline ended the ${policy.durationMs} ms window early; ${counts}`,
    };
  }
  if (progress.passes === 0) {
    const miss = progress.lastMiss;
    return {
      verdict: progress.failures > 0 ? "fail" : "inconclusive",
      cause: miss?.cause ?? "no-data",
      detail: `no attempt passed in the ${policy.durationMs} ms window (${counts}); last: ${miss?.detail ?? ""}`,
    };
  }
  return {
    verdict: "pass",
    cause: null,
    detail: `window of ${policy.durationMs} ms, ${counts}; last: ${progress.last?.detail ?? ""}`,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

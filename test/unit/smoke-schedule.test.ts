import { describe, expect, it } from "vitest";
import {
  concludeEarly,
  NO_PROGRESS,
  nextStep,
  type Progress,
  recordAttempt,
  retryDelay,
  type Step,
} from "../../src/core/smoke/schedule.ts";
import type {
  AttemptOutcome,
  Cause,
  RetryPolicy,
  Verdict,
  WindowPolicy,
} from "../../src/core/smoke/types.ts";

const retry = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  mode: "retry",
  consecutivePasses: 2,
  retryIntervalMs: 1000,
  maxRetryIntervalMs: 10_000,
  backoffFactor: 2,
  jitter: 0,
  ...overrides,
});

function outcome(verdict: Verdict, cause: Cause | null = null, detail: string = verdict): AttemptOutcome {
  return { verdict, cause, detail, timings: { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 1 } };
}
const PASS = outcome("pass", null, "status 200");
const FAIL = outcome("fail", "status", "status 500, expected 2xx");
const NO_DATA = outcome("inconclusive", "no-data", "the query returned no data");

/** Plays attempts at the times the steps ask for; returns the steps taken. */
function play(
  policy: RetryPolicy | WindowPolicy,
  outcomes: AttemptOutcome[],
  deadlineAt = 1_000_000,
): { steps: Step[]; progress: Progress } {
  let progress = NO_PROGRESS;
  let now = 0;
  const steps: Step[] = [];
  for (const item of outcomes) {
    progress = recordAttempt(progress, item, now);
    const step = nextStep(policy, progress, now, deadlineAt, 0.5);
    steps.push(step);
    if (step.kind === "done") break;
    now += step.delayMs;
  }
  return { steps, progress };
}

describe("retry until k consecutive passes", () => {
  it("a flapping endpoint (fail, pass, pass) passes with k = 2", () => {
    const { steps, progress } = play(retry(), [FAIL, PASS, PASS]);
    expect(steps.map((step) => step.kind)).toEqual(["wait", "wait", "done"]);
    expect(steps[2]).toEqual({
      kind: "done",
      verdict: "pass",
      cause: null,
      detail: "status 200 (passed 2 times in a row after 1 earlier attempt did not)",
    });
    expect(progress.attempts).toBe(3);
  });

  it("a pass, a blip, then two passes: the streak restarts", () => {
    const { steps } = play(retry(), [PASS, FAIL, PASS, PASS]);
    expect(steps.map((step) => step.kind)).toEqual(["wait", "wait", "wait", "done"]);
    expect(steps[3]).toMatchObject({ verdict: "pass" });
  });

  it("k = 1 passes on the first pass with the attempt's detail", () => {
    expect(play(retry({ consecutivePasses: 1 }), [PASS]).steps[0]).toEqual({
      kind: "done",
      verdict: "pass",
      cause: null,
      detail: "status 200",
    });
  });

  it("k passes in a row from the start are said so", () => {
    expect(play(retry({ consecutivePasses: 3 }), [PASS, PASS, PASS]).steps[2]).toMatchObject({
      detail: "status 200 (3 passes in a row)",
    });
  });

  it("retries failures with exponential backoff, capped", () => {
    const { steps } = play(retry({ maxRetryIntervalMs: 5000 }), [FAIL, FAIL, FAIL, FAIL, FAIL, PASS]);
    expect(steps.map((step) => (step.kind === "wait" ? step.delayMs : null))).toEqual([
      1000, 2000, 4000, 5000, 5000, 1000,
    ]);
  });

  it("jitter shortens a pause by up to the jitter fraction", () => {
    const policy = retry({ jitter: 0.2 });
    expect(retryDelay(policy, 1, 0)).toBe(1000);
    expect(retryDelay(policy, 1, 0.5)).toBe(900);
    expect(retryDelay(policy, 1, 0.999999)).toBe(800);
    expect(retryDelay(policy, 3, 0.5)).toBe(3600);
    expect(retryDelay(policy, 0, 0.5)).toBe(900);
  });

  it("stops at the deadline with the last failure's verdict and cause", () => {
    const { steps } = play(retry(), [FAIL, FAIL, FAIL], 2500);
    // 0: fail, wait 1000; 1000: fail, wait 2000 would pass 2500 -> decide now.
    expect(steps).toHaveLength(2);
    expect(steps[1]).toEqual({
      kind: "done",
      verdict: "fail",
      cause: "status",
      detail: "status 500, expected 2xx (no passing streak before the deadline, 2 attempts)",
    });
  });

  it("a partial streak at the deadline still fails on the earlier failure", () => {
    const { steps } = play(retry({ consecutivePasses: 3 }), [FAIL, PASS, PASS], 2100);
    expect(steps[2]).toMatchObject({ kind: "done", verdict: "fail", cause: "status" });
    expect((steps[2] as { detail: string }).detail).toContain("then passed 2 of the 3 times in a row needed");
  });

  it("only passes, but not enough before the deadline, is inconclusive", () => {
    const { steps } = play(retry({ consecutivePasses: 5 }), [PASS, PASS], 1500);
    expect(steps[1]).toEqual({
      kind: "done",
      verdict: "inconclusive",
      cause: "deadline",
      detail: "passed 2 of the 5 times in a row needed before the deadline",
    });
  });

  it("no data keeps retrying, then is inconclusive at the deadline", () => {
    const { steps } = play(retry({ consecutivePasses: 1 }), [NO_DATA, NO_DATA], 2000);
    expect(steps[1]).toMatchObject({ kind: "done", verdict: "inconclusive", cause: "no-data" });
  });
});

describe("analysis window", () => {
  const window: WindowPolicy = { mode: "window", intervalMs: 1000, durationMs: 5000, failureLimit: 1 };

  it("runs one attempt per interval for the whole duration, then passes", () => {
    const { steps, progress } = play(
      window,
      Array.from({ length: 10 }, () => PASS),
    );
    // attempts at 0, 1000, ..., 5000 (both ends of the window): 6 attempts.
    expect(progress.attempts).toBe(6);
    expect(
      steps
        .filter((step) => step.kind === "wait")
        .every((step) => step.kind === "wait" && step.delayMs === 1000),
    ).toBe(true);
    expect(steps[5]).toMatchObject({ kind: "done", verdict: "pass", cause: null });
    expect((steps[5] as { detail: string }).detail).toBe(
      "window of 5000 ms, 6 attempts: 6 passed, 0 failed (limit 1), 0 inconclusive; last: status 200",
    );
  });

  it("tolerates failures up to the limit", () => {
    const { steps } = play(window, [PASS, FAIL, PASS, PASS, PASS, PASS]);
    expect(steps.at(-1)).toMatchObject({ verdict: "pass" });
  });

  it("fails as soon as failures exceed the limit", () => {
    const { steps, progress } = play(window, [FAIL, PASS, FAIL, PASS, PASS, PASS]);
    expect(progress.attempts).toBe(3);
    expect(steps.at(-1)).toEqual({
      kind: "done",
      verdict: "fail",
      cause: "status",
      detail: "2 of 3 attempts failed, above failure-limit 1; last: status 500, expected 2xx",
    });
  });

  it("keeps its cadence when attempts are slow", () => {
    let progress = recordAttempt(NO_PROGRESS, PASS, 0);
    expect(nextStep(window, progress, 700, 1e9, 0)).toEqual({ kind: "wait", delayMs: 300 });
    progress = recordAttempt(progress, PASS, 1000);
    expect(nextStep(window, progress, 2500, 1e9, 0)).toEqual({ kind: "wait", delayMs: 0 });
  });

  it("is inconclusive when no attempt had data", () => {
    const { steps } = play(
      window,
      Array.from({ length: 6 }, () => NO_DATA),
    );
    expect(steps.at(-1)).toMatchObject({ verdict: "inconclusive", cause: "no-data" });
  });

  it("is inconclusive when the deadline cuts it short", () => {
    const { steps } = play(window, [PASS, PASS, PASS], 2500);
    expect(steps.at(-1)).toMatchObject({ verdict: "inconclusive", cause: "deadline" });
  });
});

describe("concluding early", () => {
  it("cancellation is inconclusive", () => {
    const progress = recordAttempt(NO_PROGRESS, FAIL, 0);
    expect(concludeEarly(retry(), progress, "aborted")).toEqual({
      verdict: "inconclusive",
      cause: "aborted",
      detail: "cancelled after 1 attempt",
    });
  });

  it("a deadline before any attempt is inconclusive", () => {
    expect(concludeEarly(retry(), NO_PROGRESS, "deadline")).toMatchObject({
      verdict: "inconclusive",
      cause: "deadline",
    });
  });

  it("a deadline after a timed-out attempt fails with timeout", () => {
    const progress = recordAttempt(NO_PROGRESS, outcome("fail", "timeout", "no complete answer"), 0);
    expect(concludeEarly(retry(), progress, "deadline")).toMatchObject({ verdict: "fail", cause: "timeout" });
  });
});

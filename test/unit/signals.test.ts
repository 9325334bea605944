/**
 * How the hosts turn signals into a cancellation (src/hosts/signals.ts), on the runner's ladder:
 * SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that (actions/runner, ProcessInvoker).
 */
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CLEANUP_MARGIN_MS,
  listenForSignals,
  RUNNER_SIGINT_GRACE_MS,
  RUNNER_SIGTERM_GRACE_MS,
} from "../../src/hosts/signals.ts";
import { cleanupSignal, RECORD_AND_TELL_MS } from "../../src/steps/cancellation.ts";

function setUp() {
  const source = new EventEmitter();
  let clock = 1_000;
  const exits: { code: number; why: string }[] = [];
  const cancellation = listenForSignals({
    source: source as never,
    exit: (code, why) => exits.push({ code, why }),
    now: () => clock,
  });
  return {
    source,
    cancellation,
    exits,
    advance(ms: number) {
      clock += ms;
      vi.advanceTimersByTime(ms);
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("listenForSignals", () => {
  it("before a command holds the exit, a signal ends the process at once with 128 + its number", () => {
    const { source, cancellation, exits } = setUp();
    source.emit("SIGTERM");
    expect(exits).toEqual([{ code: 143, why: "cancelled by SIGTERM." }]);
    expect(cancellation.signal.aborted).toBe(true);
    expect(cancellation.exitCode()).toBe(143);
  });

  it("a held run is aborted, not ended, and has the first signal's 7 s for its clean-up", () => {
    vi.useFakeTimers();
    const { source, cancellation, exits, advance } = setUp();
    cancellation.holdExit();
    expect(cancellation.cause()).toBeNull();
    expect(cancellation.remainingMs()).toBe(Number.POSITIVE_INFINITY);
    source.emit("SIGINT");
    expect(exits).toEqual([]);
    expect(cancellation.signal.aborted).toBe(true);
    expect(cancellation.hurry.aborted).toBe(false);
    expect(cancellation.cause()).toBe("SIGINT");
    expect(cancellation.exitCode()).toBe(130);
    expect(cancellation.remainingMs()).toBe(RUNNER_SIGINT_GRACE_MS - CLEANUP_MARGIN_MS);
    advance(1_000);
    expect(cancellation.remainingMs()).toBe(RUNNER_SIGINT_GRACE_MS - CLEANUP_MARGIN_MS - 1_000);
    cancellation.dispose();
  });

  it("the runner's SIGTERM after its SIGINT leaves 2 s, aborts `hurry`, and keeps the first signal's exit code", () => {
    vi.useFakeTimers();
    const { source, cancellation, exits, advance } = setUp();
    cancellation.holdExit();
    source.emit("SIGINT");
    advance(RUNNER_SIGINT_GRACE_MS);
    source.emit("SIGTERM");
    expect(cancellation.hurry.aborted).toBe(true);
    expect(cancellation.remainingMs()).toBe(RUNNER_SIGTERM_GRACE_MS - CLEANUP_MARGIN_MS);
    expect(cancellation.exitCode()).toBe(130);
    expect(exits).toEqual([]);
    // Still busy just before the runner's SIGKILL: the process ends itself, saying why.
    advance(RUNNER_SIGTERM_GRACE_MS - 300);
    expect(exits).toEqual([]);
    advance(150);
    expect(exits).toHaveLength(1);
    expect(exits[0]?.code).toBe(130);
    expect(exits[0]?.why).toContain("did not finish in the time the runner gives");
    cancellation.dispose();
  });

  it("a first SIGTERM (kill, docker stop) gets the first signal's time too", () => {
    const { source, cancellation } = setUp();
    cancellation.holdExit();
    source.emit("SIGTERM");
    expect(cancellation.remainingMs()).toBe(RUNNER_SIGINT_GRACE_MS - CLEANUP_MARGIN_MS);
    expect(cancellation.exitCode()).toBe(143);
    cancellation.dispose();
  });

  it("after dispose() no signal reaches it", () => {
    const { source, cancellation, exits } = setUp();
    cancellation.dispose();
    expect(source.listenerCount("SIGINT") + source.listenerCount("SIGTERM")).toBe(0);
    expect(exits).toEqual([]);
  });
});

describe("cleanupSignal", () => {
  const never = {
    cause: () => null,
    remainingMs: () => Number.POSITIVE_INFINITY,
    hurry: new AbortController().signal,
  };

  it("never aborts while the run is not cancelled", () => {
    expect(cleanupSignal(never).aborted).toBe(false);
  });

  it("leaves RECORD_AND_TELL_MS for the record and the notifications, and is aborted at once when they are all that is left", () => {
    const hurry = new AbortController();
    const cancelled = (remaining: number) => ({
      cause: () => "SIGINT" as const,
      remainingMs: () => remaining,
      hurry: hurry.signal,
    });
    expect(cleanupSignal(cancelled(RECORD_AND_TELL_MS)).aborted).toBe(true);
    const live = cleanupSignal(cancelled(RECORD_AND_TELL_MS + 5_000));
    expect(live.aborted).toBe(false);
    hurry.abort();
    expect(live.aborted).toBe(true);
    expect(cleanupSignal(cancelled(RECORD_AND_TELL_MS + 5_000)).aborted).toBe(true);
  });
});

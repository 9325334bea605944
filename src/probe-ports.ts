/**
 * The ports smoke checks run through: a probe per check kind, the shared cap on work in flight, and
 * the clock. Re-exported by ports.ts.
 */

import type { AttemptOutcome, Check, CommandCheck, HttpCheck, PrometheusCheck } from "./core/smoke/types.ts";

export interface ProbeContext {
  /** Aborted at the overall deadline or when the run is cancelled; the probe must stop at once. */
  signal: AbortSignal;
  /** This attempt's limit: the check's `timeout-ms`, shortened to what is left before the deadline. */
  timeoutMs: number;
  /** Environment for commands (the caller's map; probes never read process.env). */
  env: Readonly<Record<string, string>>;
  /**
   * The run's shared cap on work in flight (`max-concurrency`): a probe that sends several
   * requests takes a slot for each. Absent when a probe is called on its own.
   */
  slots?: Slots;
}

/** A counting semaphore that gives way to an abort: `acquire` resolves with the release function. */
export interface Slots {
  /** Resolves once a slot is free, or at once when `signal` aborts (then releasing is a no-op). */
  acquire(signal: AbortSignal): Promise<() => void>;
}

/**
 * Runs one attempt of a check (for a sampled HTTP check, all its requests) and says what it found.
 * Never rejects: every failure is an outcome with a cause.
 */
export interface Probe<C extends Check> {
  attempt(check: C, context: ProbeContext): Promise<AttemptOutcome>;
}

export interface Probes {
  http: Probe<HttpCheck>;
  prometheus: Probe<PrometheusCheck>;
  command: Probe<CommandCheck>;
}

/** Time source of the runner, replaceable in tests. */
export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  /** Resolves true after `ms`, or false as soon as `signal` aborts; leaves no timer behind. */
  sleep(ms: number, signal: AbortSignal): Promise<boolean>;
  /** A number in [0, 1) for the retry jitter. */
  random(): number;
}

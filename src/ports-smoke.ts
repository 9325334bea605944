/**
 * The smoke-check port: what a probe (http, prometheus, command) offers the runner, and the report
 * the runner returns. To be merged into src/ports.ts.
 */
import type {
  AttemptOutcome,
  AttemptTimings,
  Cause,
  Check,
  CheckKind,
  CommandCheck,
  HttpCheck,
  PrometheusCheck,
  SampleStats,
  Verdict,
} from "./core/smoke/types.ts";

export type { AttemptOutcome, AttemptTimings, Cause, CheckKind, SampleStats, Verdict };

export interface ProbeContext {
  /** Aborted at the overall deadline or when the run is cancelled; the probe must stop at once. */
  signal: AbortSignal;
  /** This attempt's limit: the check's `timeout-ms`, shortened to what is left before the deadline. */
  timeoutMs: number;
  /** Environment for commands (the caller's map; probes never read process.env). */
  env: Readonly<Record<string, string>>;
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

/** One row of the report: one check. JSON-serialisable. */
export interface CheckReport {
  name: string;
  kind: CheckKind;
  verdict: Verdict;
  /** Null when the check passed. */
  cause: Cause | null;
  detail: string;
  attempts: number;
  timings: {
    /** From the start of the run to the check's verdict (warm-up included). */
    elapsedMs: number;
    /** The last attempt's own timings (for a sampled check, the attempt's wall time). */
    lastAttempt: AttemptTimings | null;
  };
  samples?: SampleStats;
  value?: number | null;
  output?: string[];
}

export interface SmokeReport {
  /** `fail` when any check failed, else `inconclusive` when any was, else `pass`. */
  verdict: Verdict;
  startedAt: string;
  durationMs: number;
  deadlineMs: number;
  counts: Record<Verdict, number>;
  checks: CheckReport[];
}

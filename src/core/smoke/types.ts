/**
 * Records of the smoke-check engine: the validated check suite, and what one attempt of a check
 * found. Pure data: no I/O lives in core/.
 */

export type CheckKind = "http" | "prometheus" | "command";

export type Verdict = "pass" | "fail" | "inconclusive";

/**
 * Why a check did not pass, named so that a reader can act on it without reading the detail.
 * `deadline`: the overall deadline ended the check before it could decide; `aborted`: the run was
 * cancelled from outside; `query`: Prometheus refused or could not answer the query;
 * `connection`: the connection broke for another reason (reset, closed early, protocol error).
 */
export type Cause =
  | "timeout"
  | "refused"
  | "dns"
  | "tls"
  | "connection"
  | "redirect"
  | "status"
  | "body"
  | "json"
  | "latency"
  | "success-rate"
  | "threshold"
  | "no-data"
  | "query"
  | "exit-code"
  | "deadline"
  | "aborted";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type NoDataRule = "inconclusive" | "pass" | "fail";

/** Suite-wide timing rules (`settings:`). All durations in milliseconds. */
export interface SuiteSettings {
  /** Bounds the whole run, warm-up included. */
  deadlineMs: number;
  /** No probe runs before this, so a service that is still starting cannot produce a failure. */
  warmupMs: number;
  /** Pause after a pass, and the first pause after a failure. */
  retryIntervalMs: number;
  /** Backoff never pauses longer than this. */
  maxRetryIntervalMs: number;
  /** Each further consecutive failure multiplies the pause by this. */
  backoffFactor: number;
  /** Fraction (0..1) by which a pause is randomly shortened, so many runners do not probe in step. */
  jitter: number;
  /** Passes in a row needed for a check to pass (default for checks that do not set their own). */
  consecutivePasses: number;
  /** Command checks running, and HTTP requests in flight, at once across the whole run. */
  maxConcurrency: number;
}

/** Retry until `consecutivePasses` passes in a row, or the deadline. */
export interface RetryPolicy {
  mode: "retry";
  consecutivePasses: number;
  retryIntervalMs: number;
  maxRetryIntervalMs: number;
  backoffFactor: number;
  jitter: number;
}

/**
 * An analysis window: one attempt every `intervalMs` for `durationMs`; the check fails as soon as
 * more than `failureLimit` attempts failed, and passes at the end of the window otherwise.
 */
export interface WindowPolicy {
  mode: "window";
  intervalMs: number;
  durationMs: number;
  failureLimit: number;
}

export type SchedulePolicy = RetryPolicy | WindowPolicy;

interface CheckBase {
  name: string;
  /** Line of the check in its source, for messages. */
  line: number;
  /** Bounds one request or one command run. */
  timeoutMs: number;
  schedule: SchedulePolicy;
}

/** A path into a JSON document, already split into segments. */
export interface JsonPath {
  /** As written, for messages. */
  text: string;
  segments: string[];
}

export interface JsonExpectation {
  path: JsonPath;
  /** Any JSON value; strings may hold `${VAR}` until the suite is expanded. */
  expected: unknown;
}

export interface Sampling {
  requests: number;
  concurrency: number;
  /** 0..1; a sampled attempt fails below it. */
  minSuccessRate: number;
  maxP95Ms: number | null;
  maxP99Ms: number | null;
}

export interface HttpCheck extends CheckBase {
  kind: "http";
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body: string | null;
  /** Accepted statuses; null accepts any 2xx. */
  statuses: number[] | null;
  bodyContains: string[];
  /** A JavaScript regular expression source; `${VAR}` inside it expands to the escaped literal. */
  bodyMatches: string | null;
  json: JsonExpectation[];
  insecure: boolean;
  maxRedirects: number;
  sampling: Sampling;
}

export interface PrometheusCheck extends CheckBase {
  kind: "prometheus";
  /** Base URL of the Prometheus server (the API lives under `<url>/api/v1/`). */
  url: string;
  query: string;
  max: number | null;
  min: number | null;
  noData: NoDataRule;
  headers: Record<string, string>;
  insecure: boolean;
}

export interface CommandCheck extends CheckBase {
  kind: "command";
  /** Written by the workflow author; values reach it as environment variables, never pasted in. */
  command: string;
  cwd: string | null;
}

export type Check = HttpCheck | PrometheusCheck | CommandCheck;

export interface CheckSuite {
  /** Where the checks came from (input name or file), for messages. */
  source: string;
  settings: SuiteSettings;
  checks: Check[];
}

/** Durations of one HTTP exchange or command run, in milliseconds; null when not reached. */
export interface AttemptTimings {
  /** TCP connected (DNS included). */
  connectMs: number | null;
  /** TLS handshake done; null for plain HTTP. */
  tlsMs: number | null;
  /** Response headers received (time to first byte). */
  ttfbMs: number | null;
  totalMs: number;
}

/** Figures of a sampled attempt. Latencies are nearest-rank percentiles in milliseconds. */
export interface SampleStats {
  requests: number;
  successes: number;
  successRate: number;
  minMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** How many samples failed, by cause. */
  failures: Partial<Record<Cause, number>>;
}

/** What one attempt of a check found. */
export interface AttemptOutcome {
  verdict: Verdict;
  cause: Cause | null;
  detail: string;
  timings: AttemptTimings;
  samples?: SampleStats;
  /** The value a Prometheus query returned (the one that decided). */
  value?: number | null;
  /** Last lines of a command's output. */
  output?: string[];
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

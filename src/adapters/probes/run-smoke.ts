import { setMaxListeners } from "node:events";
import { expandSuite, maskSecrets, secretValues } from "../../core/smoke/expand-suite.ts";
import {
  type Conclusion,
  concludeEarly,
  NO_PROGRESS,
  nextStep,
  type Progress,
  recordAttempt,
} from "../../core/smoke/schedule.ts";
import type { AttemptOutcome, Check, CheckSuite } from "../../core/smoke/types.ts";
import { boundText, combineVerdicts, countVerdicts } from "../../core/smoke/verdict.ts";
import type { CheckReport, Clock, Probe, Probes, SmokeReport } from "../../ports.ts";
import { createCommandProbe } from "./command-probe.ts";
import { createHttpProbe } from "./http-probe.ts";
import { createSlots } from "./pool.ts";
import { createPrometheusProbe } from "./prometheus-probe.ts";
import { systemClock } from "./system-clock.ts";

/** Reported after every attempt, for progress lines in the log (details already masked). */
export interface AttemptEvent {
  check: string;
  attempt: number;
  outcome: AttemptOutcome;
  /** The pause before the next attempt, or null when the check has decided. */
  nextDelayMs: number | null;
}

export interface RunSmokeOptions {
  /**
   * Values for `${VAR}` in the checks and the whole environment of commands (which never see
   * process.env): the caller passes PATH and the SHIPGUARD_* variables it means to share.
   */
  env: Readonly<Record<string, string>>;
  /** Cancels the run: undecided checks become inconclusive (`aborted`). */
  signal?: AbortSignal;
  clock?: Clock;
  /** Replaces probes (tests, or probes configured with a private CA or resolver). */
  probes?: Partial<Probes>;
  onAttempt?: (event: AttemptEvent) => void;
  /**
   * Takes the run's other secrets (the host's token, DEPLOY_TOKEN, ...) out of a detail or an
   * output line, with the header values, before it is shortened: a secret cut in half would no
   * longer be found by anyone later.
   */
  redact?: (text: string) => string;
}

type StopReason = "deadline" | "aborted";

/**
 * Runs every check of a suite at once and returns the report; commands and requests in flight are
 * capped by `max-concurrency`. The suite's deadline bounds the run:
 * at the deadline every in-flight request and command is stopped, and undecided checks conclude
 * from what they saw. Throws a ShipguardError (before probing) when a `${VAR}` cannot be expanded.
 * Resolves only after every socket, child process and timer it created is gone.
 */
export async function runSmoke(suite: CheckSuite, options: RunSmokeOptions): Promise<SmokeReport> {
  const expanded = expandSuite(suite, options.env);
  const headerValues = secretValues(suite, options.env);
  const redact = options.redact ?? ((text: string) => text);
  const mask = (text: string): string => redact(maskSecrets(text, headerValues));
  const clock = options.clock ?? systemClock;
  const probes = probesOf(options);
  const startedAt = new Date().toISOString();
  const start = clock.now();
  const { deadlineMs, warmupMs } = suite.settings;
  const deadlineAt = start + deadlineMs;

  const stop = new AbortController();
  // Every in-flight request, command and pause listens to this one signal: dozens is normal.
  setMaxListeners(0, stop.signal);
  let stopReason: StopReason | null = null;
  const halt = (reason: StopReason): void => {
    stopReason ??= reason;
    stop.abort();
  };
  const onCancel = (): void => halt("aborted");
  if (options.signal?.aborted) halt("aborted");
  else options.signal?.addEventListener("abort", onCancel, { once: true });
  const deadlineTimer = new AbortController();
  void clock.sleep(deadlineMs, deadlineTimer.signal).then((reached) => {
    if (reached) halt("deadline");
  });

  // One cap for the whole run: commands take a slot per attempt, HTTP probes one per request.
  const slots = createSlots(suite.settings.maxConcurrency);

  const runCheck = async (check: Check): Promise<CheckReport> => {
    const probe = probeFor(probes, check);
    let progress: Progress = NO_PROGRESS;
    let conclusion: Conclusion | null = null;
    if (warmupMs > 0) await clock.sleep(start + warmupMs - clock.now(), stop.signal);
    while (conclusion === null) {
      if (stop.signal.aborted) {
        conclusion = concludeEarly(check.schedule, progress, stopReason ?? "aborted");
        break;
      }
      const release = check.kind === "command" ? await slots.acquire(stop.signal) : () => {};
      if (stop.signal.aborted) release();
      if (stop.signal.aborted) continue; // concluded at the top of the loop
      const attemptStart = clock.now();
      // The last attempt gets only the time left, so the deadline holds even for a slow check.
      const timeoutMs = Math.max(1, Math.min(check.timeoutMs, Math.floor(deadlineAt - attemptStart)));
      const context = { signal: stop.signal, timeoutMs, env: options.env, slots };
      const raw = await probe.attempt(check, context).finally(release);
      const outcome = maskOutcome(raw, mask);
      const cutShort =
        raw.verdict !== "pass" &&
        (stop.signal.aborted || (timeoutMs < check.timeoutMs && raw.cause === "timeout"));
      if (cutShort && progress.attempts > 0) {
        // An attempt the deadline cut short says nothing new ("no answer within 20 ms"): the
        // verdict comes from the attempts that had their full time.
        conclusion = concludeEarly(check.schedule, progress, stopReason ?? "deadline");
        break;
      }
      progress = recordAttempt(progress, outcome, attemptStart);
      const step = nextStep(check.schedule, progress, clock.now(), deadlineAt, clock.random());
      // A pass that completed stands even if the run is being stopped.
      if (step.kind === "done" && step.verdict === "pass") {
        conclusion = step;
      } else if (stop.signal.aborted) {
        conclusion = concludeEarly(check.schedule, progress, stopReason ?? "aborted");
      } else if (step.kind === "done") {
        conclusion = step;
      }
      options.onAttempt?.({
        check: check.name,
        attempt: progress.attempts,
        outcome,
        nextDelayMs: conclusion === null && step.kind === "wait" ? step.delayMs : null,
      });
      if (conclusion === null && step.kind === "wait") await clock.sleep(step.delayMs, stop.signal);
    }
    return checkReport(check, conclusion, progress, clock.now() - start);
  };

  let checks: CheckReport[];
  try {
    checks = await Promise.all(expanded.checks.map(runCheck));
  } finally {
    // Normally every check is done here; if one threw, this stops the others' requests and commands.
    stop.abort();
    deadlineTimer.abort();
    options.signal?.removeEventListener("abort", onCancel);
  }
  for (const check of checks) check.detail = boundText(mask(check.detail));
  const verdicts = checks.map((check) => check.verdict);
  return {
    verdict: combineVerdicts(verdicts),
    startedAt,
    durationMs: clock.now() - start,
    deadlineMs,
    counts: countVerdicts(verdicts),
    checks,
  };
}

function probesOf(options: RunSmokeOptions): Probes {
  return {
    http: options.probes?.http ?? createHttpProbe(),
    prometheus: options.probes?.prometheus ?? createPrometheusProbe(),
    command: options.probes?.command ?? createCommandProbe(),
  };
}

function probeFor(probes: Probes, check: Check): Probe<Check> {
  // Each probe only ever receives checks of its own kind (dispatched on `kind` here).
  return probes[check.kind] as Probe<Check>;
}

function maskOutcome(outcome: AttemptOutcome, mask: (text: string) => string): AttemptOutcome {
  const masked: AttemptOutcome = { ...outcome, detail: boundText(mask(outcome.detail)) };
  if (outcome.output !== undefined) masked.output = outcome.output.map(mask);
  return masked;
}

function checkReport(
  check: Check,
  conclusion: Conclusion,
  progress: Progress,
  elapsedMs: number,
): CheckReport {
  const last = progress.last;
  const report: CheckReport = {
    name: check.name,
    kind: check.kind,
    verdict: conclusion.verdict,
    cause: conclusion.verdict === "pass" ? null : conclusion.cause,
    detail: conclusion.detail,
    attempts: progress.attempts,
    timings: { elapsedMs: round(elapsedMs), lastAttempt: last === null ? null : roundTimings(last.timings) },
  };
  if (last?.samples !== undefined) report.samples = last.samples;
  if (last?.value !== undefined) report.value = last.value;
  if (last?.output !== undefined) report.output = last.output;
  return report;
}

function roundTimings(timings: AttemptOutcome["timings"]): AttemptOutcome["timings"] {
  return {
    connectMs: timings.connectMs === null ? null : round(timings.connectMs),
    tlsMs: timings.tlsMs === null ? null : round(timings.tlsMs),
    ttfbMs: timings.ttfbMs === null ? null : round(timings.ttfbMs),
    totalMs: round(timings.totalMs),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

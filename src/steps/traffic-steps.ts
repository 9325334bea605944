/**
 * A canary in steps of traffic (`traffic-steps`): prepared once, then for each percentage the
 * deploy command runs with SHIPGUARD_TRAFFIC_PERCENT and the checks judge that step. The first
 * step that fails ends the progression: the command runs once more with 0 (all traffic back to
 * the stable version), and the deploy fails at that step. A cancelled run (SIGINT, SIGTERM) stops
 * the step's command or checks at once and reverts the same way, within the time the cancel leaves.
 */
import type { Cancellation } from "../context.ts";
import type { Deployer, DeployTarget, Logger, SmokePort, SmokeReport } from "../ports.ts";
import { cleanupSignal } from "./cancellation.ts";
import { prepare, switchTo, verify } from "./put-in-place.ts";
import type { Timeline } from "./timeline.ts";

export type TrafficStepVerdict = "pass" | "fail" | "inconclusive" | "deploy-failed" | "cancelled";

/** One step of the progression, as the result, the summary and --json show it. */
export interface TrafficStepReport {
  /** 1 for the first step. */
  step: number;
  /** How many steps were planned. */
  of: number;
  percent: number;
  /** `pass` without checks configured: the step was only deployed. */
  verdict: TrafficStepVerdict;
  /** What failed, in one sentence; null when the step passed. */
  failure: string | null;
  /** Since the command started, like the timeline's `atMs`. */
  startedAtMs: number;
  durationMs: number;
  /** The checks of this step; null when its deploy failed or no checks are configured. */
  smoke: SmokeReport | null;
}

/** How the command that sent all traffic back to the stable version went. */
export interface TrafficRevert {
  ok: boolean;
  failure: string | null;
}

export interface TrafficProgress {
  steps: TrafficStepReport[];
  /** The failure sentence: the preparation's or the failed step's; null when every step passed. */
  failure: string | null;
  /** The percentage of the step that failed; null when none did. */
  failedStep: number | null;
  /** Null when nothing had to be reverted. */
  revert: TrafficRevert | null;
}

export interface TrafficInput {
  percents: readonly number[];
  deployer: Deployer;
  smoke: SmokePort | null;
  target: DeployTarget;
  env: Record<string, string>;
  timeline: Timeline;
  logger: Logger;
  cancellation: Pick<Cancellation, "signal" | "hurry" | "cause" | "remainingMs">;
}

/** "step 2/3 (50%)": how the timeline names a step. */
export function stepLabel(step: number, of: number, percent: number): string {
  return `step ${step}/${of} (${percent}%)`;
}

export async function runTrafficSteps(input: TrafficInput): Promise<TrafficProgress> {
  const { deployer, target, timeline, logger } = input;
  const { signal } = input.cancellation;
  const progress: TrafficProgress = { steps: [], failure: null, failedStep: null, revert: null };
  progress.failure = await prepare(deployer, target, timeline, logger, signal);
  // Nothing took traffic yet: a cancelled preparation has nothing to revert.
  if (progress.failure !== null) return progress;
  const of = input.percents.length;
  for (const [index, percent] of input.percents.entries()) {
    logger.info(`Traffic step ${index + 1} of ${of}: ${percent}% to ${target.version}.`);
    const report = await runStep(input, index + 1, percent);
    progress.steps.push(report);
    if (report.failure !== null) {
      progress.failure = report.failure;
      progress.failedStep = percent;
      logger.warning(`Traffic step ${index + 1} of ${of} (${percent}%) failed: ${report.failure}.`);
      progress.revert = await revertTraffic(input);
      break;
    }
  }
  return progress;
}

async function runStep(input: TrafficInput, step: number, percent: number): Promise<TrafficStepReport> {
  const { deployer, smoke, timeline, logger } = input;
  const of = input.percents.length;
  const label = stepLabel(step, of, percent);
  const target: DeployTarget = { ...input.target, trafficPercent: percent };
  const startedAtMs = timeline.entries.at(-1)?.atMs ?? 0;
  const report = { step, of, percent, startedAtMs, durationMs: 0, smoke: null as SmokeReport | null };
  const finish = (verdict: TrafficStepVerdict, failure: string | null): TrafficStepReport => {
    const endedAtMs = timeline.entries.at(-1)?.atMs ?? startedAtMs;
    return { ...report, verdict, failure, durationMs: endedAtMs - startedAtMs };
  };
  const { signal, cause } = input.cancellation;
  const cancelled = (): TrafficStepReport => finish("cancelled", `cancelled by ${cause()} during this step`);
  if (signal.aborted) return cancelled();
  const deployFailure = await switchTo(deployer, target, timeline, logger, `${label}: deploy`, signal);
  if (signal.aborted) return cancelled();
  if (deployFailure !== null) return finish("deploy-failed", deployFailure);
  if (smoke === null) return finish("pass", null);
  const verified = await verify(smoke, target, input.env, timeline, `${label}: checks`, signal);
  report.smoke = verified.report;
  // Checks that all passed before the cancel stand; undecided ones say nothing about the version.
  if (signal.aborted && verified.report.verdict !== "pass") return cancelled();
  return finish(verified.report.verdict, verified.failure);
}

/**
 * All traffic back to the stable version: the command once more with 0. Never throws. After a
 * cancel it runs on the time the cancel leaves (cancellation.ts), and says so when none is left.
 */
async function revertTraffic(input: TrafficInput): Promise<TrafficRevert> {
  const { deployer, target, timeline, logger } = input;
  const signal = cleanupSignal(input.cancellation);
  if (signal.aborted) {
    const failure = `no time was left to run it after the cancel (${input.cancellation.cause()})`;
    logger.warning(`The revert of traffic to 0% could not run: ${failure}. The new version may still serve.`);
    timeline.mark("revert traffic to 0%", "not run");
    return { ok: false, failure };
  }
  logger.info(`Sending all traffic back to the stable version: the deploy command with 0%.`);
  const failure = await switchTo(
    deployer,
    { ...target, trafficPercent: 0 },
    timeline,
    logger,
    "revert traffic to 0%",
    signal,
  );
  if (failure === null) logger.info("Traffic is back on the stable version (0% to the new one).");
  else logger.warning(`The revert of traffic to 0% FAILED: ${failure}. The new version may still serve.`);
  return { ok: failure === null, failure };
}

/**
 * Where the progression stopped, for the record, the message and the summary: " at 50% (step 2
 * of 3)", loud when the revert failed, with `more` notes in the same parentheses; "" when no step
 * failed.
 */
export function failedStepPhrase(
  progress: {
    steps: readonly TrafficStepReport[];
    failedStep: number | null;
    trafficRevert: TrafficRevert | null;
  },
  more: readonly string[] = [],
): string {
  const failed = progress.steps.find((s) => s.percent === progress.failedStep && s.verdict !== "pass");
  if (failed === undefined) return "";
  const notes = [`step ${failed.step} of ${failed.of}`];
  if (progress.trafficRevert?.ok === false) notes.push("REVERT TO 0% FAILED");
  return ` at ${failed.percent}% (${[...notes, ...more].join("; ")})`;
}

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  boundList,
  boundText
} from "./chunk-GYMEDKPK.js";
import {
  targetEnvironment
} from "./chunk-LYGUENMR.js";
import {
  cancelledDeployDescription
} from "./chunk-ZMIH3YQE.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/steps/cancellation.ts
var RECORD_AND_TELL_MS = 2500;
function cleanupSignal(cancellation) {
  if (cancellation.cause() === null) return new AbortController().signal;
  const left = Math.floor(cancellation.remainingMs() - RECORD_AND_TELL_MS);
  if (left <= 0 || cancellation.hurry.aborted)
    return AbortSignal.abort(new Error("no time left after the cancel"));
  return AbortSignal.any([AbortSignal.timeout(left), cancellation.hurry]);
}
function throwIfCancelled(context, environment) {
  const signal = context.cancellation.cause();
  if (signal !== null) throw shipguardError("SG_CANCELLED", { signal, environment });
}
function whereCancelled(timeline) {
  const last = timeline.at(-1);
  if (last?.step === "prepare") return " during the preparation";
  if (last?.step.startsWith("deploy") === true)
    return last.detail === "ok" ? " during the smoke checks" : " during the deploy";
  return " during the smoke checks";
}
function describeCancelledDeploy(c) {
  const traffic = c.revert === null ? "" : c.revert.ok ? "; traffic is back to 0%" : `; the revert to 0% FAILED (${c.revert.failure ?? "no detail"})`;
  const untouched = c.at === " during the preparation" && c.revert === null;
  const serving = untouched ? "nothing was switched, the version before still serves" : c.revert?.ok === true ? "the stable version serves all traffic again" : `${c.shown} may serve, unverified: ${c.previousGood === null ? "there is no earlier verified version to roll back to" : `run a rollback to put ${c.previousGood} back, or deploy again`}`;
  const failure = `cancelled by ${c.signal}${c.at}${traffic}`;
  return {
    failure,
    message: `Deployment of ${c.shown} to ${c.environment} was ${failure}; recorded as failed, no rollback started: ${serving}.`,
    description: cancelledDeployDescription(c.signal, `${c.at}${traffic}`)
  };
}

// src/steps/put-in-place.ts
async function putInPlace(deployer, target, timeline, logger, signal) {
  return await prepare(deployer, target, timeline, logger, signal) ?? await switchTo(deployer, target, timeline, logger, `deploy (${deployer.strategy})`, signal);
}
async function prepare(deployer, target, timeline, logger, signal) {
  const prepared = await deployer.prepare(target, signal);
  timeline.mark("prepare", prepared.ok ? "ok" : "failed");
  if (!prepared.ok) {
    for (const line of prepared.logTail) logger.untrusted(line);
    return `the ${deployer.strategy} preparation failed (${prepared.failure ?? "no detail"})`;
  }
  return null;
}
async function switchTo(deployer, target, timeline, logger, step, signal) {
  const deployed = await deployer.deploy(target, signal);
  timeline.mark(step, deployed.ok ? "ok" : "failed");
  if (!deployed.ok) {
    for (const line of deployed.logTail) logger.untrusted(line);
    return `the ${deployer.strategy} deploy failed (${deployed.failure ?? "no detail"})`;
  }
  return null;
}
async function verify(smoke, target, baseEnv, timeline, step = "run the smoke checks", signal) {
  const report = await smoke.run(smoke.suite, { ...baseEnv, ...targetEnvironment(target) }, signal);
  timeline.mark(step, report.verdict);
  return { report, failure: report.verdict === "pass" ? null : describeVerdict(report) };
}
function describeVerdict(report) {
  const bad = report.checks.filter((c) => c.verdict !== "pass").map((c) => `${boundText(c.name, 200)} (${c.cause ?? c.verdict})`);
  return `smoke checks ${report.verdict === "fail" ? "failed" : "were inconclusive"}: ${boundList(bad, ", ")}`;
}

// src/steps/traffic-steps.ts
function stepLabel(step, of, percent) {
  return `step ${step}/${of} (${percent}%)`;
}
async function runTrafficSteps(input) {
  const { deployer, target, timeline, logger } = input;
  const { signal } = input.cancellation;
  const progress = { steps: [], failure: null, failedStep: null, revert: null };
  progress.failure = await prepare(deployer, target, timeline, logger, signal);
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
async function runStep(input, step, percent) {
  const { deployer, smoke, timeline, logger } = input;
  const of = input.percents.length;
  const label = stepLabel(step, of, percent);
  const target = { ...input.target, trafficPercent: percent };
  const startedAtMs = timeline.entries.at(-1)?.atMs ?? 0;
  const report = { step, of, percent, startedAtMs, durationMs: 0, smoke: null };
  const finish = (verdict, failure) => {
    const endedAtMs = timeline.entries.at(-1)?.atMs ?? startedAtMs;
    return { ...report, verdict, failure, durationMs: endedAtMs - startedAtMs };
  };
  const { signal, cause } = input.cancellation;
  const cancelled = () => finish("cancelled", `cancelled by ${cause()} during this step`);
  if (signal.aborted) return cancelled();
  const deployFailure = await switchTo(deployer, target, timeline, logger, `${label}: deploy`, signal);
  if (signal.aborted) return cancelled();
  if (deployFailure !== null) return finish("deploy-failed", deployFailure);
  if (smoke === null) return finish("pass", null);
  const verified = await verify(smoke, target, input.env, timeline, `${label}: checks`, signal);
  report.smoke = verified.report;
  if (signal.aborted && verified.report.verdict !== "pass") return cancelled();
  return finish(verified.report.verdict, verified.failure);
}
async function revertTraffic(input) {
  const { deployer, target, timeline, logger } = input;
  const signal = cleanupSignal(input.cancellation);
  if (signal.aborted) {
    const failure2 = `no time was left to run it after the cancel (${input.cancellation.cause()})`;
    logger.warning(`The revert of traffic to 0% could not run: ${failure2}. The new version may still serve.`);
    timeline.mark("revert traffic to 0%", "not run");
    return { ok: false, failure: failure2 };
  }
  logger.info(`Sending all traffic back to the stable version: the deploy command with 0%.`);
  const failure = await switchTo(
    deployer,
    { ...target, trafficPercent: 0 },
    timeline,
    logger,
    "revert traffic to 0%",
    signal
  );
  if (failure === null) logger.info("Traffic is back on the stable version (0% to the new one).");
  else logger.warning(`The revert of traffic to 0% FAILED: ${failure}. The new version may still serve.`);
  return { ok: failure === null, failure };
}
function failedStepPhrase(progress, more = []) {
  const failed = progress.steps.find((s) => s.percent === progress.failedStep && s.verdict !== "pass");
  if (failed === void 0) return "";
  const notes = [`step ${failed.step} of ${failed.of}`];
  if (progress.trafficRevert?.ok === false) notes.push("REVERT TO 0% FAILED");
  return ` at ${failed.percent}% (${[...notes, ...more].join("; ")})`;
}

export {
  throwIfCancelled,
  whereCancelled,
  describeCancelledDeploy,
  putInPlace,
  verify,
  runTrafficSteps,
  failedStepPhrase
};

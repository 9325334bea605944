import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  boundList,
  boundText
} from "./chunk-GYMEDKPK.js";
import {
  targetEnvironment
} from "./chunk-LYGUENMR.js";

// src/steps/put-in-place.ts
async function putInPlace(deployer, target, timeline, logger) {
  return await prepare(deployer, target, timeline, logger) ?? await switchTo(deployer, target, timeline, logger, `deploy (${deployer.strategy})`);
}
async function prepare(deployer, target, timeline, logger) {
  const prepared = await deployer.prepare(target);
  timeline.mark("prepare", prepared.ok ? "ok" : "failed");
  if (!prepared.ok) {
    for (const line of prepared.logTail) logger.untrusted(line);
    return `the ${deployer.strategy} preparation failed (${prepared.failure ?? "no detail"})`;
  }
  return null;
}
async function switchTo(deployer, target, timeline, logger, step) {
  const deployed = await deployer.deploy(target);
  timeline.mark(step, deployed.ok ? "ok" : "failed");
  if (!deployed.ok) {
    for (const line of deployed.logTail) logger.untrusted(line);
    return `the ${deployer.strategy} deploy failed (${deployed.failure ?? "no detail"})`;
  }
  return null;
}
async function verify(smoke, target, baseEnv, timeline, step = "run the smoke checks") {
  const report = await smoke.run(smoke.suite, { ...baseEnv, ...targetEnvironment(target) });
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
  const progress = { steps: [], failure: null, failedStep: null, revert: null };
  progress.failure = await prepare(deployer, target, timeline, logger);
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
  const deployFailure = await switchTo(deployer, target, timeline, logger, `${label}: deploy`);
  if (deployFailure !== null) return finish("deploy-failed", deployFailure);
  if (smoke === null) return finish("pass", null);
  const verified = await verify(smoke, target, input.env, timeline, `${label}: checks`);
  report.smoke = verified.report;
  return finish(verified.report.verdict, verified.failure);
}
async function revertTraffic(input) {
  const { deployer, target, timeline, logger } = input;
  logger.info(`Sending all traffic back to the stable version: the deploy command with 0%.`);
  const failure = await switchTo(
    deployer,
    { ...target, trafficPercent: 0 },
    timeline,
    logger,
    "revert traffic to 0%"
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
  putInPlace,
  verify,
  runTrafficSteps,
  failedStepPhrase
};

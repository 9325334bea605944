import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  Timeline,
  findLastKnownGood,
  newCorrelationId,
  rollBack
} from "./chunk-2VSVKBY7.js";
import {
  deployOutputs,
  deploySummary,
  deployText
} from "./chunk-ZOYSQPCT.js";
import "./chunk-PBNCQUHE.js";
import {
  deployEvents,
  deployIncident
} from "./chunk-XGTFV34X.js";
import {
  failedStepPhrase,
  putInPlace,
  runTrafficSteps,
  verify
} from "./chunk-BENM22OK.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-P52MCLNP.js";
import "./chunk-AGI4MFXK.js";
import {
  eventContext,
  register
} from "./chunk-BKXIQWA4.js";
import "./chunk-FEGRNFBW.js";
import {
  mentionsId
} from "./chunk-EX6BTCNI.js";
import "./chunk-LYGUENMR.js";
import {
  ROLLBACK_SUFFIX,
  migrationPathsOf,
  readDeploySettings
} from "./chunk-EXG5O2DU.js";
import "./chunk-Z36TIVJV.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-JWEAQR5V.js";
import {
  LastKnownGoodFinder,
  truncateDescription
} from "./chunk-XILQOYBE.js";
import "./chunk-XD65SSXG.js";
import {
  isShipguardError,
  refusal,
  shipguardError
} from "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";

// src/steps/verified-in.ts
var HISTORY_LIMIT = 1e3;
async function checkVerifiedIn(ledger, environments, version) {
  return Promise.all(environments.map((environment) => verifiedIn(ledger, environment, version)));
}
async function verifiedIn(ledger, environment, version) {
  const finder = new LastKnownGoodFinder({ onlyVersions: [version] });
  let newest = null;
  let read = 0;
  for await (const record of ledger.history(environment)) {
    if (record.payload.version === version) newest ??= record.id;
    const statuses = finder.needsStatuses(record) ? await ledger.statuses(record) : [];
    const answer = finder.consider(record, statuses);
    if (answer !== null) return { environment, state: "verified", deploymentId: answer.id };
    if (++read >= HISTORY_LIMIT) break;
  }
  if (newest === null) return { environment, state: "never-deployed", deploymentId: null };
  const state = finder.wasRolledBackFrom(version) ? "rolled-back-from" : "not-verified";
  return { environment, state, deploymentId: newest };
}
function describeFinding(f) {
  const why = {
    verified: `verified as deployment #${f.deploymentId}`,
    "never-deployed": "never deployed there",
    "not-verified": `deployed there (#${f.deploymentId}) but its checks never passed`,
    "rolled-back-from": `deployed there (#${f.deploymentId}), then rolled back from`
  }[f.state];
  return `${f.environment} (${why})`;
}
async function promotionGate(ledger, logger, request) {
  if (request.requireVerifiedIn.length === 0) return { findings: [], blocked: null, forced: null };
  const findings = await checkVerifiedIn(ledger, request.requireVerifiedIn, request.version);
  const missing = findings.filter((f) => f.state !== "verified");
  if (missing.length === 0) {
    logger.info(`require-verified-in is met: ${findings.map(describeFinding).join(", ")}.`);
    return { findings, blocked: null, forced: null };
  }
  const shown = missing.map(describeFinding);
  if (request.force !== null) {
    logger.warning(
      `Forced past require-verified-in: ${request.version} is not verified in ${shown.join(", ")}. Reason: ${request.force.reason}`
    );
    return { findings, blocked: null, forced: { reason: request.force.reason, missing: shown } };
  }
  const blocked = refusal("SG_NOT_VERIFIED_IN", {
    version: request.version,
    environment: request.environment,
    missing: shown,
    first: missing[0]?.environment ?? ""
  });
  return { findings, blocked, forced: null };
}

// src/commands/deploy.ts
async function runDeploy(settings, ports, context) {
  const { ledger } = ports;
  const timeline = new Timeline(ports.now);
  const correlationId = settings.correlationId ?? newCorrelationId();
  const target = await resolveTarget(settings, ports.git, correlationId);
  if (settings.correlationId !== null) {
    const earlier = await ledger.findByCorrelation(settings.environment, settings.correlationId);
    if (earlier !== null) return duplicateResult(earlier, await ledger.statuses(earlier), target, timeline);
  }
  const gate = await promotionGate(ledger, ports.logger, {
    environment: settings.environment,
    version: target.version,
    ...settings.promotion
  });
  timeline.mark("check require-verified-in", gateDetail(gate));
  if (gate.blocked !== null) return blockedResult(target, timeline, gate, gate.blocked);
  const pending = await ports.rollback?.pending?.(settings.environment) ?? null;
  if (pending !== null) {
    throw shipguardError("SG_ROLLBACK_PENDING", { environment: settings.environment, ...pending });
  }
  const good = await findLastKnownGood(ledger, settings.environment);
  const previousGood = good.record;
  target.previousVersion = previousGood?.payload.version ?? null;
  if (previousGood !== null) target.keep = [previousGood.payload.version];
  timeline.mark(
    "look up the last known good version",
    previousGood === null ? "none" : previousGood.payload.version
  );
  const record = await createRecord(settings, ledger, target, context, gate.forced);
  timeline.mark("record the deployment", `#${record.id}`);
  const result = {
    environment: settings.environment,
    version: target.version,
    tag: target.tag,
    sha: target.sha,
    deploymentId: record.id,
    status: "failure",
    blocked: null,
    gate: gate.findings,
    forced: gate.forced,
    firstDeploy: !good.anyBefore,
    previousGoodVersion: previousGood?.payload.version ?? null,
    smoke: null,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    failure: null,
    rollback: null,
    message: "",
    timeline: timeline.entries,
    duplicate: false,
    correlationId
  };
  const attempt = { settings, ports, context, target, record, previousGood, timeline, result };
  const trafficSteps = settings.promotion.trafficSteps;
  if (trafficSteps !== null) {
    await shiftTraffic(attempt, trafficSteps);
  } else {
    result.failure = await putInPlace(ports.deployer, target, timeline, ports.logger);
    if (result.failure === null && ports.smoke !== null) {
      const verified = await verify(ports.smoke, target, context.env, timeline);
      result.smoke = verified.report;
      result.failure = verified.failure;
      ports.logger.debug(`smoke checks verdict ${verified.report.verdict} at ${(/* @__PURE__ */ new Date()).toISOString()}`);
    }
  }
  if (result.failure === null) return succeed(attempt);
  ports.logger.warning(`${target.tag ?? target.version}: ${result.failure}.`);
  return fail(attempt, result.failure, good.anyBefore);
}
async function shiftTraffic(a, percents) {
  const { ports, result } = a;
  const progress = await runTrafficSteps({
    percents,
    deployer: ports.deployer,
    smoke: ports.smoke,
    target: a.target,
    env: a.context.env,
    timeline: a.timeline,
    logger: ports.logger
  });
  result.steps = progress.steps;
  result.smoke = progress.steps.at(-1)?.smoke ?? null;
  result.failedStep = progress.failedStep;
  result.trafficRevert = progress.revert;
  result.failure = progress.failure;
  if (progress.failure !== null && progress.revert?.ok === false) {
    result.failure = `${progress.failure}; the revert to 0% FAILED too (${progress.revert.failure ?? "no detail"}): the new version may still serve traffic`;
  }
}
async function createRecord(settings, ledger, target, context, forced) {
  const record = await ledger.create({
    environment: settings.environment,
    sha: target.sha,
    description: truncateDescription(
      `shipguard: deploy ${target.version}${forced === null ? "" : " (forced past require-verified-in)"}`
    ),
    payload: {
      tool: "shipguard",
      schema: 1,
      kind: "deploy",
      version: target.version,
      tag: target.tag,
      sha: target.sha,
      rolledBackFrom: null,
      // A forced promotion says so in the record, with what was missing and why.
      reason: forced === null ? null : truncateDescription(
        `forced past require-verified-in (not verified in ${forced.missing.join(", ")}): ${forced.reason}`,
        500
      ),
      runUrl: context.runUrl,
      correlationId: target.correlationId
    }
  });
  await ledger.setStatus(record, {
    state: "in_progress",
    description: `Deploying ${target.version}`,
    logUrl: context.runUrl,
    environmentUrl: settings.environmentUrl
  });
  return record;
}
async function succeed(a) {
  const { result, target, settings } = a;
  await a.ports.ledger.setStatus(a.record, {
    state: "success",
    description: `${target.version} deployed and verified`,
    logUrl: a.context.runUrl,
    environmentUrl: settings.environmentUrl
  });
  result.status = "success";
  const steps = result.steps.length > 0 ? ` in traffic steps of ${result.steps.map((s) => `${s.percent}%`).join(", ")}` : "";
  const each = steps !== "" && result.smoke ? " at each step" : "";
  result.message = `Deployed ${target.version} to ${settings.environment}${steps}${result.smoke ? `; smoke checks passed${each}` : " (no smoke checks configured)"}.`;
  a.timeline.mark("record success");
  return result;
}
async function fail(a, failure, anyBefore) {
  const { result, target, settings, previousGood } = a;
  const shown = target.tag ?? target.version;
  const checksFailed = result.smoke !== null && result.smoke.verdict !== "pass";
  const at = failedStepPhrase(result);
  const what = checksFailed ? `failed its checks${at}` : `failed${at}: ${failure}`;
  const rollback = a.ports.rollback;
  if (rollback !== null && previousGood !== null && previousGood.payload.version !== target.version) {
    const started = await startRollback(a, rollback, previousGood, `${shown}${at}: ${failure}`);
    const to = previousGood.payload.tag ?? previousGood.payload.version;
    const how = { started: "dispatched", success: "done", failure: "FAILED", blocked: "BLOCKED" }[started.status];
    const detail = started.status === "blocked" ? ` (${started.detail})` : "";
    result.message = `Deployment of ${shown} ${what}; rollback to ${to} ${how}${started.url ? `: ${started.url}` : ""}${detail}.`;
  } else if (previousGood === null) {
    result.message = `Deployment of ${shown} ${what}. Nothing to roll back to: ${settings.environment} has no earlier deployment that passed its checks${anyBefore ? "" : " (first deploy)"}.`;
  } else if (rollback === null) {
    result.message = `Deployment of ${shown} ${what}. on-failure is none: no rollback was started (the last known good version is ${previousGood.payload.version}).`;
  } else {
    result.message = `Deployment of ${shown} ${what}. The last known good version is this same version: no rollback was started.`;
  }
  await a.ports.ledger.setStatus(a.record, {
    state: "failure",
    description: truncateDescription(failedDescription(result, failure)),
    logUrl: result.rollback?.url ?? a.context.runUrl,
    environmentUrl: settings.environmentUrl
  });
  a.timeline.mark("record failure");
  return result;
}
function failedDescription(result, failure) {
  const rollback = result.rollback === null ? [] : [`rollback to ${result.rollback.toVersion}`];
  const at = failedStepPhrase(result, rollback);
  if (at !== "") return `Failed${at}: ${failure}`;
  return rollback.length > 0 ? `Failed (${rollback[0]}): ${failure}` : `Failed: ${failure}`;
}
async function startRollback(a, rollback, previousGood, reason) {
  let started;
  try {
    started = await rollback.start({
      environment: a.settings.environment,
      toVersion: previousGood.payload.version,
      fromVersion: a.target.version,
      reason: truncateDescription(reason, 500),
      correlationId: `${a.target.correlationId}${ROLLBACK_SUFFIX}`
    });
  } catch (error) {
    await a.ports.ledger.setStatus(a.record, {
      state: "failure",
      description: truncateDescription(
        `Failed${failedStepPhrase(a.result)}: ${a.result.failure}; the rollback could not be started`
      ),
      logUrl: a.context.runUrl,
      environmentUrl: a.settings.environmentUrl
    });
    throw error;
  }
  a.timeline.mark("start the rollback", started.url ?? started.status);
  a.result.rollback = { toVersion: previousGood.payload.version, ...started };
  return started;
}
async function resolveTarget(settings, git, correlationId) {
  const base = {
    environment: settings.environment,
    previousVersion: null,
    kind: "deploy",
    correlationId
  };
  if (settings.version !== null) {
    const tag = `${settings.tagPrefix}${settings.version}`;
    const sha2 = await git.tagCommit(tag);
    if (sha2 === null)
      throw shipguardError("SG_TAG_MISSING", { tag, version: settings.version, input: "version" });
    return { ...base, version: settings.version, tag, sha: sha2 };
  }
  const ref = settings.ref ?? "HEAD";
  const sha = await git.resolveCommit(ref);
  if (sha === null) throw shipguardError("SG_REF_UNKNOWN", { ref });
  return { ...base, version: sha.slice(0, 12), tag: null, sha };
}
async function duplicateResult(earlier, statuses, target, timeline) {
  const last = statuses.at(-1)?.state ?? "pending";
  const status = last === "success" ? "success" : "failure";
  return {
    environment: earlier.environment,
    version: earlier.payload.version,
    tag: earlier.payload.tag,
    sha: earlier.payload.sha,
    deploymentId: earlier.id,
    status,
    blocked: null,
    gate: [],
    forced: null,
    firstDeploy: false,
    previousGoodVersion: null,
    smoke: null,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    failure: status === "success" ? null : `the earlier attempt ended ${last}`,
    rollback: null,
    message: `Correlation id ${target.correlationId} was already deployed as #${earlier.id} (${last}): nothing was done again.`,
    timeline: timeline.entries,
    duplicate: true,
    correlationId: target.correlationId
  };
}
function gateDetail(gate) {
  if (gate.findings.length === 0) return "none asked";
  if (gate.blocked !== null) return "blocked";
  return gate.forced === null ? "verified" : "forced";
}
function blockedResult(target, timeline, gate, blocked) {
  return {
    environment: target.environment,
    version: target.version,
    tag: target.tag,
    sha: target.sha,
    deploymentId: "",
    status: "blocked",
    blocked,
    gate: gate.findings,
    forced: null,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    firstDeploy: false,
    previousGoodVersion: null,
    smoke: null,
    failure: blocked.message,
    rollback: null,
    message: blocked.message,
    timeline: timeline.entries,
    duplicate: false,
    correlationId: target.correlationId
  };
}

// src/registry/commands/deploy.ts
var deployCommand = register({
  read: readDeploySettings,
  async run(settings, root) {
    const { github, repoDir, ports } = await root.deployLoop(settings, "deploy");
    const rollback = settings.onFailure === "none" ? null : rollbackStarter(settings, github, root);
    const command = `deploy ${settings.version ?? settings.ref ?? ""}`.trim();
    return root.exclusive(
      github,
      repoDir,
      { ...settings, command },
      () => runDeploy(settings, { ...ports, rollback }, root.context)
    );
  },
  present: (r) => ({
    ok: r.status === "success",
    message: r.message,
    problem: r.blocked,
    outputs: deployOutputs(r),
    summary: deploySummary(r),
    text: deployText(r),
    json: r
  }),
  announce: (r, settings, root) => ({
    notify: settings.notify,
    events: deployEvents(r, eventContext(root, settings, settings.environmentUrl)),
    incident: deployIncident(r),
    where: settings
  })
});
function rollbackStarter(settings, github, root) {
  if (github !== null) {
    return {
      async start(request) {
        const dispatcher = await root.dispatcher(github, true);
        const run = await dispatcher.dispatch({
          workflow: settings.rollbackWorkflow,
          ref: await root.workflowRef(github, settings),
          inputs: {
            environment: request.environment,
            "to-version": request.toVersion,
            "from-version": request.fromVersion,
            reason: request.reason,
            "correlation-id": request.correlationId
          },
          correlationId: request.correlationId
        });
        return { url: run.url, status: "started", detail: `dispatched ${settings.rollbackWorkflow}` };
      },
      // The rollback workflow's run-name shows the environment (the README's contract, like the
      // correlation id), so a queued or running rollback of this environment is found by it.
      async pending(environment) {
        const dispatcher = await root.dispatcher(github, true);
        const runs = await dispatcher.activeRuns(settings.rollbackWorkflow);
        const run = runs.find((r) => mentionsId(r.title, environment));
        return run === void 0 ? null : { workflow: settings.rollbackWorkflow, url: run.url, status: run.status };
      }
    };
  }
  return {
    async start(request) {
      const { logger, actor } = root.context;
      logger.info(`Rolling ${request.environment} back to ${request.toVersion} in this process.`);
      const automatic = root.with({ actor: actor ?? "shipguard (automatic)" });
      try {
        const r = await rollBack(automaticRollback(settings, request), automatic);
        logger.info(r.message);
        const status = r.status === "success" || r.status === "blocked" ? r.status : "failure";
        return { url: null, status, detail: r.blocked ? `${r.blocked.code}: ${r.message}` : r.message };
      } catch (error) {
        const message = isShipguardError(error) ? `${error.code}: ${error.message}` : String(error);
        logger.warning(`The rollback did not run: ${message}`);
        return { url: null, status: "failure", detail: message };
      }
    }
  };
}
function automaticRollback(deploy, request) {
  const { version, ref, onFailure, rollbackWorkflow, promotion, ...shared } = deploy;
  return {
    ...shared,
    environment: request.environment,
    toVersion: request.toVersion,
    fromVersion: request.fromVersion,
    reason: request.reason,
    correlationId: request.correlationId,
    force: false,
    allowMigrations: false,
    migrationPaths: migrationPathsOf(),
    beforeRollback: null,
    afterRollback: null
  };
}
export {
  automaticRollback,
  deployCommand
};

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  Timeline,
  closeInterruptedDeploy,
  earlierAttempt,
  findLastKnownGood,
  newCorrelationId,
  openRecord,
  rollBack,
  takeoverSentence
} from "./chunk-Z3GITO6K.js";
import {
  deployOutputs,
  deploySummary,
  deployText
} from "./chunk-ITOAPMEX.js";
import "./chunk-PBNCQUHE.js";
import {
  deployEvents,
  deployIncident
} from "./chunk-VM5Y2HXH.js";
import {
  describeCancelledDeploy,
  failedStepPhrase,
  putInPlace,
  runTrafficSteps,
  throwIfCancelled,
  verify,
  whereCancelled
} from "./chunk-XHKHA6W7.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-K5BSJCEJ.js";
import {
  eventContext,
  register
} from "./chunk-TJUSELP2.js";
import "./chunk-MFXHZQZ4.js";
import {
  ROLLBACK_SUFFIX,
  migrationPathsOf,
  readDeploySettings
} from "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import {
  mentionsId
} from "./chunk-CPD6QVVU.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import {
  hasSucceeded,
  latestState,
  truncateDescription
} from "./chunk-ZMIH3YQE.js";
import {
  isShipguardError,
  refusal,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/steps/deploy-target.ts
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

// src/core/verified-in.ts
var VerificationReader = class {
  #environment;
  #target;
  /** Deployments a newer rollback left. */
  #rolledBackFrom = /* @__PURE__ */ new Set();
  /** The newest deployment of the version as another tag or commit, for the refusal. */
  #other = null;
  #finding = null;
  constructor(environment, target) {
    this.#environment = environment;
    this.#target = target;
  }
  /** Whether this record's statuses are needed: only the one that decides (one request on GitHub). */
  needsStatuses(record) {
    return this.#finding === null && this.#isTarget(record) && !this.#rolledBackFrom.has(record.id);
  }
  /** Feeds the next older record (statuses oldest first); returns the finding once it is known. */
  consider(record, statuses) {
    if (this.#finding !== null) return this.#finding;
    if (this.#isTarget(record)) this.#finding = this.#decide(record, statuses);
    else if (record.payload.version === this.#target.version) this.#other ??= record;
    const from = record.payload.rolledBackFrom;
    if (from !== null) this.#rolledBackFrom.add(from.id);
    return this.#finding;
  }
  /** The finding once the history has been read (or as far as it is read). */
  finish() {
    if (this.#finding !== null) return this.#finding;
    const other = this.#other;
    if (other === null) return this.#found("never-deployed", null, null);
    const { tag, sha } = this.#target;
    return {
      ...this.#found("other-commit", other, null),
      mismatch: { recorded: { tag: other.payload.tag, sha: other.payload.sha }, deploying: { tag, sha } }
    };
  }
  /** The same version, tag and commit. */
  #isTarget(record) {
    const { version, tag, sha } = record.payload;
    return version === this.#target.version && tag === this.#target.tag && sha === this.#target.sha;
  }
  #decide(record, statuses) {
    if (this.#rolledBackFrom.has(record.id)) return this.#found("rolled-back-from", record, null);
    const last = latestState(statuses);
    if (hasSucceeded(statuses)) return this.#found("verified", record, last);
    const state = last === "failure" || last === "error" ? "failed" : "not-verified";
    return this.#found(state, record, last);
  }
  #found(state, record, lastState) {
    return {
      environment: this.#environment,
      state,
      deploymentId: record?.id ?? null,
      lastState,
      mismatch: null
    };
  }
};
function describeFinding(f) {
  const id = f.deploymentId ?? "";
  const why = {
    verified: `verified as deployment #${id}`,
    "never-deployed": "never deployed there",
    "not-verified": `deployed there (#${id}) but its checks never passed${f.lastState === null ? "" : ` (${f.lastState})`}`,
    failed: `its newest deployment there (#${id}) failed; an older success does not count`,
    "rolled-back-from": `deployed there (#${id}), then rolled back from`,
    "other-commit": f.mismatch === null ? "" : mismatchText(f.mismatch, id)
  }[f.state];
  return `${f.environment} (${why})`;
}
function mismatchText(m, id) {
  const as = (c) => `${c.tag ?? "a ref"} at ${c.sha.slice(0, 12)}`;
  const moved = m.recorded.tag !== null && m.recorded.tag === m.deploying.tag;
  const now = moved ? `but ${m.deploying.tag} points at ${m.deploying.sha.slice(0, 12)} now (the tag was moved)` : `not as ${as(m.deploying)}`;
  return `deployed there as ${as(m.recorded)} (#${id}), ${now}: only the same commit counts`;
}

// src/steps/verified-in.ts
var HISTORY_LIMIT = 1e3;
async function checkVerifiedIn(ledger, environments, target) {
  return Promise.all(environments.map((environment) => verifiedIn(ledger, environment, target)));
}
async function verifiedIn(ledger, environment, target) {
  const reader = new VerificationReader(environment, target);
  let read = 0;
  for await (const record of ledger.history(environment)) {
    const statuses = reader.needsStatuses(record) ? await ledger.statuses(record) : [];
    if (reader.consider(record, statuses) !== null) break;
    if (++read >= HISTORY_LIMIT) break;
  }
  return reader.finish();
}
async function promotionGate(ledger, logger, request) {
  if (request.requireVerifiedIn.length === 0) return { findings: [], blocked: null, forced: null };
  const { version } = request.target;
  const findings = await checkVerifiedIn(ledger, request.requireVerifiedIn, request.target);
  const missing = findings.filter((f) => f.state !== "verified");
  if (missing.length === 0) {
    logger.info(`require-verified-in is met: ${findings.map(describeFinding).join(", ")}.`);
    return { findings, blocked: null, forced: null };
  }
  const shown = missing.map(describeFinding);
  if (request.force !== null) {
    logger.warning(
      `Forced past require-verified-in: ${version} is not verified in ${shown.join(", ")}. Reason: ${request.force.reason}`
    );
    return { findings, blocked: null, forced: { reason: request.force.reason, missing: shown } };
  }
  const blocked = refusal("SG_NOT_VERIFIED_IN", {
    version,
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
  const earlier = await earlierAttempt(ledger, settings.environment, settings.correlationId);
  const unfinished = earlier !== null && (earlier.interrupted || earlier.cancelled);
  if (earlier !== null && !(unfinished && earlier.record.payload.sha === target.sha)) {
    return duplicateResult(earlier, target, timeline);
  }
  const takeover = earlier?.record ?? null;
  if (earlier !== null)
    ports.logger.warning(takeoverSentence(earlier.record, earlier.statuses, settings.environment));
  const gate = await promotionGate(ledger, ports.logger, {
    environment: settings.environment,
    target,
    ...settings.promotion
  });
  timeline.mark("check require-verified-in", gateDetail(gate));
  if (gate.blocked !== null) return blockedResult(target, timeline, gate, gate.blocked);
  const pending = await ports.rollback?.pending?.(settings.environment) ?? null;
  if (pending !== null) {
    throw shipguardError("SG_ROLLBACK_PENDING", { environment: settings.environment, ...pending });
  }
  const good = await findLastKnownGood(ledger, settings.environment);
  if (takeover === null)
    await closeInterruptedDeploy(ports, settings.environment, good.newest, timeline, context.runUrl);
  const previousGood = good.record;
  target.previousVersion = previousGood?.payload.version ?? null;
  if (previousGood !== null) target.keep = [previousGood.payload.version];
  timeline.mark(
    "look up the last known good version",
    previousGood === null ? "none" : previousGood.payload.version
  );
  throwIfCancelled(context, settings.environment);
  const record = await createRecord(settings, ledger, target, context, gate, takeover);
  timeline.mark(
    takeover === null ? "record the deployment" : "take over the interrupted deployment",
    `#${record.id}`
  );
  const result = resultOf(target, timeline, {
    deploymentId: record.id,
    status: "failure",
    gate: gate.findings,
    forced: gate.forced,
    firstDeploy: !good.anyBefore,
    previousGoodVersion: previousGood?.payload.version ?? null,
    tookOver: takeover !== null
  });
  const attempt = { settings, ports, context, target, record, previousGood, timeline, result };
  const { signal } = context.cancellation;
  const trafficSteps = settings.promotion.trafficSteps;
  if (trafficSteps !== null) {
    await shiftTraffic(attempt, trafficSteps);
  } else {
    result.failure = await putInPlace(ports.deployer, target, timeline, ports.logger, signal);
    if (result.failure === null && ports.smoke !== null) {
      const verified = await verify(ports.smoke, target, context.env, timeline, void 0, signal);
      result.smoke = verified.report;
      result.failure = verified.failure;
      ports.logger.debug(`smoke checks verdict ${verified.report.verdict} at ${(/* @__PURE__ */ new Date()).toISOString()}`);
    }
  }
  if (result.failure === null) return succeed(attempt);
  const cancelledBy = context.cancellation.cause();
  if (cancelledBy !== null) return cancelled(attempt, cancelledBy);
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
    logger: ports.logger,
    cancellation: a.context.cancellation
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
function createRecord(settings, ledger, target, context, gate, resumed) {
  const { forced } = gate;
  return openRecord({
    ledger,
    target,
    description: `shipguard: deploy ${target.version}${forced === null ? "" : " (forced past require-verified-in)"}`,
    payload: {
      rolledBackFrom: null,
      // A forced promotion says so in the record, with what was missing and why.
      reason: forced === null ? null : truncateDescription(
        `forced past require-verified-in (not verified in ${forced.missing.join(", ")}): ${forced.reason}`,
        500
      )
    },
    doing: `Deploying ${target.version}`,
    runUrl: context.runUrl,
    environmentUrl: settings.environmentUrl,
    resumed
  });
}
async function cancelled(a, signal) {
  const { result, target, previousGood } = a;
  const said = describeCancelledDeploy({
    signal,
    shown: target.tag ?? target.version,
    environment: a.settings.environment,
    // The revert's failure is said once, loud, by describeCancelledDeploy: not in the step's phrase too.
    at: failedStepPhrase({ ...result, trafficRevert: null }) || whereCancelled(result.timeline),
    revert: result.trafficRevert,
    previousGood: previousGood === null ? null : previousGood.payload.tag ?? previousGood.payload.version
  });
  Object.assign(result, { cancelled: signal, failure: said.failure, message: said.message });
  await a.ports.ledger.setStatus(a.record, {
    state: "failure",
    description: truncateDescription(said.description),
    logUrl: a.context.runUrl,
    environmentUrl: a.settings.environmentUrl
  });
  a.timeline.mark("record failure (cancelled)");
  return result;
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
function resultOf(target, timeline, fields) {
  return {
    environment: target.environment,
    version: target.version,
    tag: target.tag,
    sha: target.sha,
    deploymentId: "",
    blocked: null,
    gate: [],
    forced: null,
    firstDeploy: false,
    previousGoodVersion: null,
    smoke: null,
    steps: [],
    failedStep: null,
    trafficRevert: null,
    failure: null,
    rollback: null,
    message: "",
    timeline: timeline.entries,
    duplicate: false,
    tookOver: false,
    cancelled: null,
    correlationId: target.correlationId,
    ...fields
  };
}
function duplicateResult(earlier, target, timeline) {
  const { record } = earlier;
  const last = latestState(earlier.statuses) ?? "pending";
  const status = last === "success" ? "success" : "failure";
  return resultOf(target, timeline, {
    environment: record.environment,
    version: record.payload.version,
    tag: record.payload.tag,
    sha: record.payload.sha,
    deploymentId: record.id,
    status,
    failure: status === "success" ? null : `the earlier attempt ended ${last}`,
    message: earlier.interrupted || earlier.cancelled ? `Correlation id ${target.correlationId} was deployed as #${record.id} of another commit (${record.payload.sha.slice(0, 12)}), which did not finish: nothing was done. Deploy again without this correlation id.` : `Correlation id ${target.correlationId} was already deployed as #${record.id} (${last}): nothing was done again.`,
    duplicate: true
  });
}
function gateDetail(gate) {
  if (gate.findings.length === 0) return "none asked";
  if (gate.blocked !== null) return "blocked";
  return gate.forced === null ? "verified" : "forced";
}
function blockedResult(target, timeline, gate, blocked) {
  return resultOf(target, timeline, {
    status: "blocked",
    blocked,
    gate: gate.findings,
    failure: blocked.message,
    message: blocked.message
  });
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

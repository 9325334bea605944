import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollbackOutputs,
  rollbackSummary,
  rollbackText
} from "./chunk-ITOAPMEX.js";
import {
  rollbackEvents,
  rollbackIncident
} from "./chunk-VM5Y2HXH.js";
import {
  putInPlace,
  throwIfCancelled,
  verify,
  whereCancelled
} from "./chunk-XHKHA6W7.js";
import {
  eventContext,
  register
} from "./chunk-TJUSELP2.js";
import {
  ROLLBACK_SUFFIX,
  matchAny,
  readRollbackSettings
} from "./chunk-CT5YCGQG.js";
import {
  targetEnvironment
} from "./chunk-LYGUENMR.js";
import {
  LastKnownGoodFinder,
  cancelledRollbackDescription,
  hasSucceeded,
  isUnfinished,
  latestState,
  truncateDescription,
  wasCancelled,
  wasCancelledRollback
} from "./chunk-ZMIH3YQE.js";
import {
  refusal,
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/steps/correlation-id.ts
import { randomBytes } from "node:crypto";
function newCorrelationId() {
  return `sg-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}`;
}

// src/steps/interrupted.ts
async function earlierAttempt(ledger, environment, correlationId) {
  if (correlationId === null) return null;
  const record = await ledger.findByCorrelation(environment, correlationId);
  if (record === null) return null;
  const statuses = await ledger.statuses(record);
  return {
    record,
    statuses,
    interrupted: isUnfinished(statuses),
    cancelled: wasCancelled(record, statuses)
  };
}
function interruptedSentence(record, environment) {
  const what = record.payload.kind === "rollback" ? "Rollback" : "Deployment";
  return `${what} #${record.id} of ${environment} to ${record.payload.version} was interrupted (still in progress): its run ended before it finished. This run takes it over.`;
}
function unfinishedRollback(record, statuses) {
  if (record.payload.kind !== "rollback") return null;
  if (isUnfinished(statuses)) return "interrupted";
  return wasCancelledRollback(record, statuses) ? "cancelled" : null;
}
function takeoverSentence(record, statuses, environment) {
  if (!wasCancelled(record, statuses)) return interruptedSentence(record, environment);
  const what = record.payload.kind === "rollback" ? "Rollback" : "Deployment";
  return `${what} #${record.id} of ${environment} to ${record.payload.version} was cancelled before it finished (${statuses.at(-1)?.description ?? "no detail"}): it counts as not done. This run takes it over.`;
}
async function leftBehind(older, interrupted) {
  const wanted = interrupted.payload.rolledBackFrom?.id;
  let first = null;
  for (let next = await older.next(); next.done !== true; next = await older.next()) {
    first ??= next.value;
    if (wanted === void 0 || next.value.id === wanted) return next.value;
  }
  return first;
}
async function closeInterruptedDeploy(ports, environment, newest, timeline, runUrl) {
  if (newest === null || newest.record.payload.kind !== "deploy") return;
  const { record } = newest;
  if (!isUnfinished(newest.statuses ?? await ports.ledger.statuses(record))) return;
  ports.logger.warning(interruptedSentence(record, environment));
  await ports.ledger.setStatus(record, {
    state: "error",
    description: "Interrupted (still in progress when its run ended); taken over by a new deploy",
    logUrl: runUrl
  });
  timeline.mark("close the interrupted deployment", `#${record.id}`);
}

// src/steps/last-known-good.ts
async function findLastKnownGood(ledger, environment, options = {}) {
  const finder = new LastKnownGoodFinder(options);
  const excluded = new Set(options.excludeIds ?? []);
  const limit = options.limit ?? 500;
  let anyBefore = false;
  let read = 0;
  let newest = null;
  for await (const record of ledger.history(environment)) {
    if (!excluded.has(record.id)) anyBefore = true;
    const statuses = finder.needsStatuses(record) ? await ledger.statuses(record) : null;
    newest ??= { record, statuses };
    if (finder.consider(record, statuses ?? []) !== null) break;
    if (++read >= limit) break;
  }
  return {
    record: finder.answer,
    anyBefore,
    wasRolledBackFrom: (version) => finder.wasRolledBackFrom(version),
    newest
  };
}

// src/steps/open-record.ts
async function openRecord(o) {
  const { target } = o;
  const record = o.resumed ?? await o.ledger.create({
    environment: target.environment,
    sha: target.sha,
    description: truncateDescription(o.description),
    payload: {
      tool: "shipguard",
      schema: 1,
      kind: target.kind,
      version: target.version,
      tag: target.tag,
      sha: target.sha,
      ...o.payload,
      runUrl: o.runUrl,
      correlationId: target.correlationId
    }
  });
  await o.ledger.setStatus(record, {
    state: "in_progress",
    description: truncateDescription(
      o.resumed === null ? o.doing : `${o.doing} again (the attempt before was interrupted)`
    ),
    logUrl: o.runUrl,
    environmentUrl: o.environmentUrl
  });
  return record;
}

// src/steps/timeline.ts
var Timeline = class {
  constructor(now = () => performance.now()) {
    this.now = now;
    this.start = now();
    this.last = this.start;
  }
  now;
  entries = [];
  start;
  last;
  mark(step, detail = "") {
    const t = this.now();
    this.entries.push({
      step,
      detail,
      atMs: Math.round(t - this.start),
      durationMs: Math.round(t - this.last)
    });
    this.last = t;
  }
};

// src/commands/rollback.ts
async function runRollback(settings, ports, context) {
  const timeline = new Timeline(ports.now);
  const run = {
    settings,
    ports,
    context,
    timeline,
    result: {
      environment: settings.environment,
      status: "failure",
      blocked: null,
      rolledBackFrom: null,
      rolledBackTo: null,
      deploymentId: null,
      reason: settings.reason,
      actor: context.actor,
      smoke: null,
      migrations: { checked: false, files: [], allowed: settings.allowMigrations, detail: "not checked" },
      message: "",
      timeline: timeline.entries,
      correlationId: settings.correlationId ?? newCorrelationId(),
      fromDescription: null,
      tookOver: null,
      cancelled: null
    },
    resumed: null
  };
  if (await alreadyRan(run)) return run.result;
  const from = await readEnvironment(run);
  if (from === null) return run.result;
  const target = await chooseTarget(run, from);
  if (target === null) return run.result;
  run.result.rolledBackTo = { version: target.version, tag: target.tag, sha: target.sha };
  timeline.mark("choose the target", target.tag ?? target.version);
  if (!await migrationsAllow(run, from, target)) return run.result;
  return rollBack(run, from, target);
}
function block(run, why) {
  run.result.status = "blocked";
  run.result.blocked = why;
  run.result.message = why.message;
  run.timeline.mark("blocked", why.code);
  return null;
}
async function alreadyRan(run) {
  const { settings, ports, result } = run;
  const attempt = await earlierAttempt(ports.ledger, settings.environment, settings.correlationId);
  if (attempt === null) return false;
  const earlier = attempt.record;
  if ((attempt.interrupted || attempt.cancelled) && earlier.payload.kind === "rollback") {
    run.resumed = earlier;
    return false;
  }
  const state = latestState(attempt.statuses) ?? "pending";
  result.status = "skipped";
  result.deploymentId = earlier.id;
  result.rolledBackTo = {
    version: earlier.payload.version,
    tag: earlier.payload.tag,
    sha: earlier.payload.sha
  };
  result.rolledBackFrom = earlier.payload.rolledBackFrom;
  result.message = `Correlation id ${settings.correlationId} already ran as deployment #${earlier.id} (${state}): nothing was done again.`;
  return true;
}
async function readEnvironment(run) {
  const { settings, ports, result, timeline } = run;
  const history = ports.ledger.history(settings.environment)[Symbol.asyncIterator]();
  const newest = (await history.next()).value ?? null;
  if (newest === null) return block(run, refusal("SG_NO_DEPLOYMENTS", { environment: settings.environment }));
  let from = newest;
  let statuses = await ports.ledger.statuses(newest);
  const unfinished = unfinishedRollback(newest, statuses);
  if (unfinished !== null) {
    await takeOver(run, { record: newest, statuses, was: unfinished });
    const left = await leftBehind(history, newest);
    await history.return?.();
    if (left === null) return block(run, refusal("SG_NO_DEPLOYMENTS", { environment: settings.environment }));
    from = left;
    statuses = await ports.ledger.statuses(from);
  } else {
    await history.return?.();
  }
  result.fromDescription = statuses.at(-1)?.description ?? null;
  result.rolledBackFrom = { version: from.payload.version, id: from.id };
  if (settings.fromVersion !== null && settings.fromVersion !== from.payload.version) {
    if (hasSucceeded(statuses)) {
      result.status = "skipped";
      result.rolledBackFrom = null;
      result.message = `${settings.environment} no longer runs ${settings.fromVersion}: its newest deployment, ${from.payload.version} (#${from.id}), passed its checks since. Nothing was rolled back.`;
      ports.logger.warning(result.message);
      timeline.mark("read the environment", `${from.payload.version} (#${from.id}, success)`);
      return null;
    }
    ports.logger.warning(
      `from-version says ${settings.fromVersion}, but the newest deployment of ${settings.environment} is ${from.payload.version} (#${from.id}); rolling back from what runs.`
    );
  }
  const state = latestState(statuses);
  timeline.mark("read the environment", `${from.payload.version} (#${from.id}, ${state ?? "no status"})`);
  if (from.payload.kind === "rollback" && state !== "success" && !settings.force) {
    return block(
      run,
      refusal("SG_ROLLBACK_OF_ROLLBACK", {
        environment: settings.environment,
        id: from.id,
        version: from.payload.version,
        state: state ?? "without a status"
      })
    );
  }
  return { record: from, statuses };
}
async function chooseTarget(run, current) {
  const { settings, ports } = run;
  const from = current.record;
  const base = {
    environment: settings.environment,
    previousVersion: from.payload.version,
    kind: "rollback",
    correlationId: run.result.correlationId
  };
  const wanted = settings.toVersion;
  const good = await findLastKnownGood(
    ports.ledger,
    settings.environment,
    wanted === null ? { excludeIds: [from.id], excludeVersions: [from.payload.version] } : { excludeIds: [from.id], onlyVersions: [wanted] }
  );
  if (good.record !== null) {
    const p = good.record.payload;
    return { ...base, version: p.version, tag: p.tag, sha: p.sha, keep: [p.version] };
  }
  if (wanted === null)
    return block(run, refusal("SG_NOTHING_TO_ROLL_BACK_TO", { environment: settings.environment }));
  if (!settings.force) {
    return block(
      run,
      refusal("SG_TARGET_NOT_VERIFIED", {
        version: wanted,
        environment: settings.environment,
        rolledBackFrom: good.wasRolledBackFrom(wanted)
      })
    );
  }
  const tag = `${settings.tagPrefix}${wanted}`;
  const sha = await ports.git.tagCommit(tag);
  if (sha === null) throw shipguardError("SG_TAG_MISSING", { tag, version: wanted, input: "to-version" });
  ports.logger.warning(
    `force: rolling back to ${wanted}, which never passed its checks in ${settings.environment}.`
  );
  return { ...base, version: wanted, tag, sha };
}
async function takeOver(run, earlier) {
  const { ports, result, settings } = run;
  const interrupted = earlier.record;
  result.tookOver = { id: interrupted.id, version: interrupted.payload.version, was: earlier.was };
  ports.logger.warning(takeoverSentence(interrupted, earlier.statuses, settings.environment));
  if (run.resumed?.id === interrupted.id || earlier.was === "cancelled") return;
  await ports.ledger.setStatus(interrupted, {
    state: "error",
    description: "Interrupted (still in progress when its run ended); taken over by a new rollback",
    logUrl: run.context.runUrl
  });
}
async function migrationsAllow(run, current, target) {
  const { settings, result } = run;
  const from = current.record;
  result.migrations = await checkMigrations(settings, run.ports.git, target.sha, from.payload.sha);
  run.timeline.mark("check migrations", result.migrations.detail);
  if (result.migrations.files.length === 0 || settings.allowMigrations) return true;
  block(
    run,
    refusal("SG_MIGRATIONS_BETWEEN", {
      environment: settings.environment,
      from: from.payload.version,
      to: target.version,
      files: result.migrations.files
    })
  );
  return false;
}
async function rollBack(run, current, target) {
  const { settings, ports, context, result, timeline } = run;
  const from = current.record;
  const hookEnv = {
    ...context.env,
    ...targetEnvironment(target),
    SHIPGUARD_ROLLBACK_FROM: from.payload.version,
    SHIPGUARD_ROLLBACK_REASON: result.reason
  };
  const { signal } = context.cancellation;
  if (settings.beforeRollback !== null) {
    const hook = await ports.hooks.run("before-rollback", settings.beforeRollback, hookEnv, signal);
    timeline.mark("before-rollback", hook.ok ? "ok" : "failed");
    throwIfCancelled(context, settings.environment);
    if (!hook.ok) {
      for (const line of hook.tail) ports.logger.untrusted(line);
      block(run, refusal("SG_BEFORE_ROLLBACK_FAILED", { failure: hook.failure ?? "no detail" }));
      return result;
    }
  }
  throwIfCancelled(context, settings.environment);
  const record = await createRecord(run, from, target);
  const urls = { logUrl: context.runUrl, environmentUrl: settings.environmentUrl };
  let failure = await putInPlace(ports.deployer, target, timeline, ports.logger, signal);
  if (failure === null && ports.smoke !== null) {
    const verified = await verify(ports.smoke, target, context.env, timeline, void 0, signal);
    result.smoke = verified.report;
    failure = verified.failure;
  }
  result.cancelled = failure === null ? null : context.cancellation.cause();
  const where = whereCancelled(timeline.entries);
  const cancelled = result.cancelled === null ? "" : `cancelled by ${result.cancelled}${where}`;
  result.status = failure === null ? "success" : "failure";
  await ports.ledger.setStatus(record, {
    state: result.status === "success" ? "success" : "failure",
    description: truncateDescription(
      failure === null ? `Rolled back to ${target.version}; verified` : result.cancelled !== null ? cancelledRollbackDescription(result.cancelled, where) : `Rollback failed: ${failure}`
    ),
    ...urls
  });
  timeline.mark(`record ${result.status}${cancelled === "" ? "" : " (cancelled)"}`);
  if (settings.afterRollback !== null && result.cancelled !== null) {
    ports.logger.warning("after-rollback was not run: the rollback was cancelled.");
  } else if (settings.afterRollback !== null) {
    const hook = await ports.hooks.run("after-rollback", settings.afterRollback, {
      ...hookEnv,
      SHIPGUARD_ROLLBACK_STATUS: result.status
    });
    timeline.mark("after-rollback", hook.ok ? "ok" : "failed");
    if (!hook.ok)
      ports.logger.warning(
        `after-rollback failed (${hook.failure ?? "no detail"}); the rollback itself ${result.status === "success" ? "succeeded" : "failed"}.`
      );
  }
  const to = target.tag ?? target.version;
  result.message = failure === null ? `Rolled ${settings.environment} back from ${from.payload.version} to ${to}; its checks pass.` : cancelled !== "" ? `Rollback of ${settings.environment} to ${to} was ${cancelled}; recorded as failed. ${settings.environment} may run either version: run the rollback again (it takes over from here) or deploy.` : `Rollback of ${settings.environment} to ${to} FAILED: ${failure}. No further rollback is attempted: the environment needs a human now.`;
  return result;
}
async function createRecord(run, from, target) {
  const { settings, ports, context, result } = run;
  const record = await openRecord({
    ledger: ports.ledger,
    target,
    description: `shipguard: roll back to ${target.version} from ${from.payload.version}`,
    payload: {
      rolledBackFrom: { id: from.id, version: from.payload.version },
      reason: truncateDescription(result.reason, 1e3)
    },
    doing: `Rolling back to ${target.version}`,
    runUrl: context.runUrl,
    environmentUrl: settings.environmentUrl,
    resumed: run.resumed
  });
  result.deploymentId = record.id;
  const step = run.resumed === null ? "record the rollback" : "take over the interrupted rollback";
  run.timeline.mark(step, `#${record.id}`);
  return record;
}
async function checkMigrations(settings, git, targetSha, fromSha) {
  if (settings.migrationPaths.length === 0)
    return { checked: false, files: [], allowed: true, detail: "no migration-paths set" };
  let changed;
  try {
    changed = await git.changedFiles(targetSha, fromSha);
  } catch (error) {
    throw shipguardError(
      "SG_MIGRATIONS_UNREADABLE",
      {
        from: targetSha.slice(0, 12),
        to: fromSha.slice(0, 12),
        detail: error instanceof Error ? error.message : String(error)
      },
      { cause: error }
    );
  }
  const files = matchAny(changed, settings.migrationPaths);
  const detail = files.length === 0 ? `none among ${changed.length} changed file(s)` : `${files.length} migration file(s) changed${settings.allowMigrations ? " (allowed by allow-migrations)" : ": blocked"}`;
  return { checked: true, files, allowed: settings.allowMigrations || files.length === 0, detail };
}

// src/registry/commands/rollback.ts
async function rollBack2(settings, root) {
  const { github, repoDir, ports } = await root.deployLoop(settings, "rollback");
  const hooks = await root.hooks(repoDir);
  const command = `rollback${settings.toVersion === null ? "" : ` to ${settings.toVersion}`}`;
  return root.exclusive(
    github,
    repoDir,
    { ...settings, command },
    () => runRollback(settings, { ...ports, hooks }, root.context)
  );
}
var rollbackCommand = register({
  read: readRollbackSettings,
  run(settings, root) {
    for (const warning of settings.notify.warnings) root.context.logger.warning(warning);
    return rollBack2(settings, root);
  },
  present: (r) => ({
    ok: r.status === "success" || r.status === "skipped",
    message: r.message,
    problem: r.blocked,
    outputs: rollbackOutputs(r),
    summary: rollbackSummary(r),
    text: rollbackText(r),
    json: r
  }),
  announce: (r, settings, root) => ({
    notify: settings.notify,
    events: rollbackEvents(r, eventContext(root, settings, settings.environmentUrl), ROLLBACK_SUFFIX),
    incident: rollbackIncident(r, ROLLBACK_SUFFIX),
    where: settings
  })
});

export {
  newCorrelationId,
  earlierAttempt,
  takeoverSentence,
  closeInterruptedDeploy,
  findLastKnownGood,
  openRecord,
  Timeline,
  rollBack2 as rollBack,
  rollbackCommand
};

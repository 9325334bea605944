import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollbackOutputs,
  rollbackSummary,
  rollbackText
} from "./chunk-ZOYSQPCT.js";
import {
  rollbackEvents,
  rollbackIncident
} from "./chunk-XGTFV34X.js";
import {
  putInPlace,
  verify
} from "./chunk-BENM22OK.js";
import {
  eventContext,
  register
} from "./chunk-BKXIQWA4.js";
import {
  targetEnvironment
} from "./chunk-LYGUENMR.js";
import {
  ROLLBACK_SUFFIX,
  readRollbackSettings
} from "./chunk-EXG5O2DU.js";
import {
  LastKnownGoodFinder,
  hasSucceeded,
  latestState,
  truncateDescription
} from "./chunk-XILQOYBE.js";
import {
  refusal,
  shipguardError
} from "./chunk-ZNQBISGV.js";

// src/core/globs.ts
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        out += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else {
        out += "[^/]*";
      }
    } else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
function matchAny(paths, globs) {
  const patterns = globs.map(globToRegExp);
  return paths.filter((p) => patterns.some((re) => re.test(p)));
}

// src/steps/correlation-id.ts
import { randomBytes } from "node:crypto";
function newCorrelationId() {
  return `sg-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}`;
}

// src/steps/last-known-good.ts
async function findLastKnownGood(ledger, environment, options = {}) {
  const finder = new LastKnownGoodFinder(options);
  const excluded = new Set(options.excludeIds ?? []);
  const limit = options.limit ?? 500;
  let anyBefore = false;
  let read = 0;
  for await (const record of ledger.history(environment)) {
    if (!excluded.has(record.id)) anyBefore = true;
    const statuses = finder.needsStatuses(record) ? await ledger.statuses(record) : [];
    if (finder.consider(record, statuses) !== null) break;
    if (++read >= limit) break;
  }
  return {
    record: finder.answer,
    anyBefore,
    wasRolledBackFrom: (version) => finder.wasRolledBackFrom(version)
  };
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
      fromDescription: null
    }
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
async function alreadyRan({ settings, ports, result }) {
  if (settings.correlationId === null) return false;
  const earlier = await ports.ledger.findByCorrelation(settings.environment, settings.correlationId);
  if (earlier === null) return false;
  const state = latestState(await ports.ledger.statuses(earlier)) ?? "pending";
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
  let from = null;
  for await (const record of ports.ledger.history(settings.environment)) {
    from = record;
    break;
  }
  if (from === null) return block(run, refusal("SG_NO_DEPLOYMENTS", { environment: settings.environment }));
  const statuses = await ports.ledger.statuses(from);
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
  if (settings.beforeRollback !== null) {
    const hook = await ports.hooks.run("before-rollback", settings.beforeRollback, hookEnv);
    timeline.mark("before-rollback", hook.ok ? "ok" : "failed");
    if (!hook.ok) {
      for (const line of hook.tail) ports.logger.untrusted(line);
      block(run, refusal("SG_BEFORE_ROLLBACK_FAILED", { failure: hook.failure ?? "no detail" }));
      return result;
    }
  }
  const record = await createRecord(run, from, target);
  const urls = { logUrl: context.runUrl, environmentUrl: settings.environmentUrl };
  let failure = await putInPlace(ports.deployer, target, timeline, ports.logger);
  if (failure === null && ports.smoke !== null) {
    const verified = await verify(ports.smoke, target, context.env, timeline);
    result.smoke = verified.report;
    failure = verified.failure;
  }
  result.status = failure === null ? "success" : "failure";
  await ports.ledger.setStatus(record, {
    state: result.status === "success" ? "success" : "failure",
    description: truncateDescription(
      failure === null ? `Rolled back to ${target.version}; verified` : `Rollback failed: ${failure}`
    ),
    ...urls
  });
  timeline.mark(`record ${result.status}`);
  if (settings.afterRollback !== null) {
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
  result.message = failure === null ? `Rolled ${settings.environment} back from ${from.payload.version} to ${to}; its checks pass.` : `Rollback of ${settings.environment} to ${to} FAILED: ${failure}. No further rollback is attempted: the environment needs a human now.`;
  return result;
}
async function createRecord(run, from, target) {
  const { settings, ports, context, result } = run;
  const record = await ports.ledger.create({
    environment: settings.environment,
    sha: target.sha,
    description: truncateDescription(
      `shipguard: roll back to ${target.version} from ${from.payload.version}`
    ),
    payload: {
      tool: "shipguard",
      schema: 1,
      kind: "rollback",
      version: target.version,
      tag: target.tag,
      sha: target.sha,
      rolledBackFrom: { id: from.id, version: from.payload.version },
      reason: truncateDescription(result.reason, 1e3),
      runUrl: context.runUrl,
      correlationId: result.correlationId
    }
  });
  result.deploymentId = record.id;
  await ports.ledger.setStatus(record, {
    state: "in_progress",
    description: `Rolling back to ${target.version}`,
    logUrl: context.runUrl,
    environmentUrl: settings.environmentUrl
  });
  run.timeline.mark("record the rollback", `#${record.id}`);
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
  run: rollBack2,
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
  findLastKnownGood,
  Timeline,
  rollBack2 as rollBack,
  rollbackCommand
};

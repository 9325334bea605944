/**
 * `rollback`: put a verified version of an environment back. The target is `to-version` (which
 * must have passed its checks there before, unless `force`) or the last known good deployment other
 * than the one being left. Guards come first: the same correlation id runs once; a rollback is never
 * rolled back automatically (a failed rollback stops and says so); database migrations between the
 * two versions block the rollback unless allowed. A guard that refuses ends the command with status
 * `blocked`, its code and remedy: a result, reported like any other, not an error. Then it deploys
 * the target with the same strategy and checks as a deploy, records it as `deploy:rollback`, and
 * writes an incident report.
 */
import type { CancelSignal, RunContext } from "../context.ts";
import type { DeploymentRecord, DeploymentStatus } from "../core/deployment-record.ts";
import {
  cancelledRollbackDescription,
  hasSucceeded,
  latestState,
  truncateDescription,
} from "../core/deployments.ts";
import { matchAny } from "../core/globs.ts";
import type { SmokeReport } from "../core/smoke/types.ts";
import { type Refusal, refusal, shipguardError } from "../errors.ts";
import type { Deployer, DeployTarget, Git, HookRunner, Ledger, Logger, SmokePort } from "../ports.ts";
import { targetEnvironment } from "../ports.ts";
import type { RollbackSettings } from "../settings.ts";
import { throwIfCancelled, whereCancelled } from "../steps/cancellation.ts";
import { newCorrelationId } from "../steps/correlation-id.ts";
import { earlierAttempt, leftBehind, takeoverSentence, unfinishedRollback } from "../steps/interrupted.ts";
import { findLastKnownGood } from "../steps/last-known-good.ts";
import { openRecord } from "../steps/open-record.ts";
import { putInPlace, verify } from "../steps/put-in-place.ts";
import { Timeline, type TimelineEntry } from "../steps/timeline.ts";

export interface RollbackPorts {
  git: Git;
  ledger: Ledger;
  deployer: Deployer;
  logger: Logger;
  smoke: SmokePort | null;
  hooks: HookRunner;
  now?: () => number;
}

export interface MigrationVerdict {
  checked: boolean;
  files: string[];
  allowed: boolean;
  detail: string;
}

export interface RollbackResult {
  environment: string;
  status: "success" | "failure" | "skipped" | "blocked";
  /** The guard that refused, with its code and remedy, when status is `blocked`. */
  blocked: Refusal | null;
  rolledBackFrom: { version: string; id: string } | null;
  rolledBackTo: { version: string; tag: string | null; sha: string } | null;
  deploymentId: string | null;
  reason: string;
  actor: string | null;
  smoke: SmokeReport | null;
  migrations: MigrationVerdict;
  message: string;
  timeline: TimelineEntry[];
  correlationId: string;
  /** The failing deployment's own description, for the report ("failed checks"). */
  fromDescription: string | null;
  /**
   * An earlier rollback did not finish (interrupted: still in progress when its run ended; or
   * cancelled by SIGINT/SIGTERM): this one took it over.
   */
  tookOver: { id: string; version: string; was: "interrupted" | "cancelled" } | null;
  /** SIGINT or SIGTERM stopped the rollback: its command or checks were stopped and the record says so. */
  cancelled: CancelSignal | null;
}

interface Run {
  settings: RollbackSettings;
  ports: RollbackPorts;
  context: RunContext;
  timeline: Timeline;
  result: RollbackResult;
  /** This correlation id's own record, left in progress by an interrupted run: reused, not made again. */
  resumed: DeploymentRecord | null;
}

export async function runRollback(
  settings: RollbackSettings,
  ports: RollbackPorts,
  context: RunContext,
): Promise<RollbackResult> {
  const timeline = new Timeline(ports.now);
  const run: Run = {
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
      cancelled: null,
    },
    resumed: null,
  };
  if (await alreadyRan(run)) return run.result;
  const from = await readEnvironment(run);
  if (from === null) return run.result;
  const target = await chooseTarget(run, from);
  if (target === null) return run.result;
  run.result.rolledBackTo = { version: target.version, tag: target.tag, sha: target.sha };
  timeline.mark("choose the target", target.tag ?? target.version);
  if (!(await migrationsAllow(run, from, target))) return run.result;
  return rollBack(run, from, target);
}

/** Ends the run with status `blocked`: the guard's reason is the message, its code and remedy go with it. */
function block(run: Run, why: Refusal): null {
  run.result.status = "blocked";
  run.result.blocked = why;
  run.result.message = why.message;
  run.timeline.mark("blocked", why.code);
  return null;
}

/**
 * Guard 1: the same attempt twice does the work once. An attempt whose run ended while it was
 * still in progress, or that was cancelled, did not do the work: it is taken over instead
 * (readEnvironment), its record reused.
 */
async function alreadyRan(run: Run): Promise<boolean> {
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
    sha: earlier.payload.sha,
  };
  result.rolledBackFrom = earlier.payload.rolledBackFrom;
  result.message = `Correlation id ${settings.correlationId} already ran as deployment #${earlier.id} (${state}): nothing was done again.`;
  return true;
}

/**
 * What runs now (the newest deployment), and guard 2: no rollback of a failed rollback. A rollback
 * left in progress by a run that ended (killed, the runner lost; this run holds the environment
 * now) is not a failed one, nor one cancelled by SIGINT/SIGTERM: it is taken over, and this rollback
 * leaves what it was leaving.
 */
async function readEnvironment(
  run: Run,
): Promise<{ record: DeploymentRecord; statuses: DeploymentStatus[] } | null> {
  const { settings, ports, result, timeline } = run;
  const history = ports.ledger.history(settings.environment)[Symbol.asyncIterator]();
  const newest = (await history.next()).value ?? null;
  if (newest === null) return block(run, refusal("SG_NO_DEPLOYMENTS", { environment: settings.environment }));
  let from: DeploymentRecord = newest;
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
    // A rollback queued behind a newer deploy (they share a concurrency group): when that deploy
    // passed its checks, the failure this rollback answered is gone; undoing a verified version
    // would be the wrong fix.
    if (hasSucceeded(statuses)) {
      result.status = "skipped";
      result.rolledBackFrom = null;
      result.message = `${settings.environment} no longer runs ${settings.fromVersion}: its newest deployment, ${from.payload.version} (#${from.id}), passed its checks since. Nothing was rolled back.`;
      ports.logger.warning(result.message);
      timeline.mark("read the environment", `${from.payload.version} (#${from.id}, success)`);
      return null;
    }
    ports.logger.warning(
      `from-version says ${settings.fromVersion}, but the newest deployment of ${settings.environment} is ${from.payload.version} (#${from.id}); rolling back from what runs.`,
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
        state: state ?? "without a status",
      }),
    );
  }
  return { record: from, statuses };
}

async function chooseTarget(run: Run, current: { record: DeploymentRecord }): Promise<DeployTarget | null> {
  const { settings, ports } = run;
  const from = current.record;
  const base = {
    environment: settings.environment,
    previousVersion: from.payload.version,
    kind: "rollback" as const,
    correlationId: run.result.correlationId,
  };
  const wanted = settings.toVersion;
  const good = await findLastKnownGood(
    ports.ledger,
    settings.environment,
    wanted === null
      ? { excludeIds: [from.id], excludeVersions: [from.payload.version] }
      : { excludeIds: [from.id], onlyVersions: [wanted] },
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
        rolledBackFrom: good.wasRolledBackFrom(wanted),
      }),
    );
  }
  const tag = `${settings.tagPrefix}${wanted}`;
  const sha = await ports.git.tagCommit(tag);
  if (sha === null) throw shipguardError("SG_TAG_MISSING", { tag, version: wanted, input: "to-version" });
  ports.logger.warning(
    `force: rolling back to ${wanted}, which never passed its checks in ${settings.environment}.`,
  );
  return { ...base, version: wanted, tag, sha };
}

/**
 * A rollback left in progress: said, and closed with `error` unless this run resumes its very
 * record (a re-run of the same correlation id). It stays out of "last known good" either way. A
 * cancelled one is said; its record is final already.
 */
async function takeOver(
  run: Run,
  earlier: { record: DeploymentRecord; statuses: DeploymentStatus[]; was: "interrupted" | "cancelled" },
): Promise<void> {
  const { ports, result, settings } = run;
  const interrupted = earlier.record;
  result.tookOver = { id: interrupted.id, version: interrupted.payload.version, was: earlier.was };
  ports.logger.warning(takeoverSentence(interrupted, earlier.statuses, settings.environment));
  if (run.resumed?.id === interrupted.id || earlier.was === "cancelled") return;
  await ports.ledger.setStatus(interrupted, {
    state: "error",
    description: "Interrupted (still in progress when its run ended); taken over by a new rollback",
    logUrl: run.context.runUrl,
  });
}

/** Guard 3: database migrations between the two versions. */
async function migrationsAllow(
  run: Run,
  current: { record: DeploymentRecord },
  target: DeployTarget,
): Promise<boolean> {
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
      files: result.migrations.files,
    }),
  );
  return false;
}

async function rollBack(
  run: Run,
  current: { record: DeploymentRecord },
  target: DeployTarget,
): Promise<RollbackResult> {
  const { settings, ports, context, result, timeline } = run;
  const from = current.record;
  const hookEnv = {
    ...context.env,
    ...targetEnvironment(target),
    SHIPGUARD_ROLLBACK_FROM: from.payload.version,
    SHIPGUARD_ROLLBACK_REASON: result.reason,
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

  // Cancelled before anything was deployed or recorded: nothing to undo.
  throwIfCancelled(context, settings.environment);
  const record = await createRecord(run, from, target);
  const urls = { logUrl: context.runUrl, environmentUrl: settings.environmentUrl };
  let failure = await putInPlace(ports.deployer, target, timeline, ports.logger, signal);
  if (failure === null && ports.smoke !== null) {
    const verified = await verify(ports.smoke, target, context.env, timeline, undefined, signal);
    result.smoke = verified.report;
    failure = verified.failure;
  }
  // A rollback that completed before a cancel stands; one that did not is recorded as cancelled.
  result.cancelled = failure === null ? null : context.cancellation.cause();
  const where = whereCancelled(timeline.entries);
  const cancelled = result.cancelled === null ? "" : `cancelled by ${result.cancelled}${where}`;
  result.status = failure === null ? "success" : "failure";
  await ports.ledger.setStatus(record, {
    state: result.status === "success" ? "success" : "failure",
    description: truncateDescription(
      failure === null
        ? `Rolled back to ${target.version}; verified`
        : result.cancelled !== null
          ? cancelledRollbackDescription(result.cancelled, where)
          : `Rollback failed: ${failure}`,
    ),
    ...urls,
  });
  timeline.mark(`record ${result.status}${cancelled === "" ? "" : " (cancelled)"}`);

  if (settings.afterRollback !== null && result.cancelled !== null) {
    ports.logger.warning("after-rollback was not run: the rollback was cancelled.");
  } else if (settings.afterRollback !== null) {
    const hook = await ports.hooks.run("after-rollback", settings.afterRollback, {
      ...hookEnv,
      SHIPGUARD_ROLLBACK_STATUS: result.status,
    });
    timeline.mark("after-rollback", hook.ok ? "ok" : "failed");
    if (!hook.ok)
      ports.logger.warning(
        `after-rollback failed (${hook.failure ?? "no detail"}); the rollback itself ${result.status === "success" ? "succeeded" : "failed"}.`,
      );
  }

  const to = target.tag ?? target.version;
  result.message =
    failure === null
      ? `Rolled ${settings.environment} back from ${from.payload.version} to ${to}; its checks pass.`
      : cancelled !== ""
        ? `Rollback of ${settings.environment} to ${to} was ${cancelled}; recorded as failed. ${settings.environment} may run either version: run the rollback again (it takes over from here) or deploy.`
        : `Rollback of ${settings.environment} to ${to} FAILED: ${failure}. No further rollback is attempted: the environment needs a human now.`;
  return result;
}

async function createRecord(
  run: Run,
  from: DeploymentRecord,
  target: DeployTarget,
): Promise<DeploymentRecord> {
  const { settings, ports, context, result } = run;
  const record = await openRecord({
    ledger: ports.ledger,
    target,
    description: `shipguard: roll back to ${target.version} from ${from.payload.version}`,
    payload: {
      rolledBackFrom: { id: from.id, version: from.payload.version },
      reason: truncateDescription(result.reason, 1000),
    },
    doing: `Rolling back to ${target.version}`,
    runUrl: context.runUrl,
    environmentUrl: settings.environmentUrl,
    resumed: run.resumed,
  });
  result.deploymentId = record.id;
  const step = run.resumed === null ? "record the rollback" : "take over the interrupted rollback";
  run.timeline.mark(step, `#${record.id}`);
  return record;
}

async function checkMigrations(
  settings: RollbackSettings,
  git: Git,
  targetSha: string,
  fromSha: string,
): Promise<MigrationVerdict> {
  if (settings.migrationPaths.length === 0)
    return { checked: false, files: [], allowed: true, detail: "no migration-paths set" };
  let changed: string[];
  try {
    changed = await git.changedFiles(targetSha, fromSha);
  } catch (error) {
    throw shipguardError(
      "SG_MIGRATIONS_UNREADABLE",
      {
        from: targetSha.slice(0, 12),
        to: fromSha.slice(0, 12),
        detail: error instanceof Error ? error.message : String(error),
      },
      { cause: error },
    );
  }
  const files = matchAny(changed, settings.migrationPaths);
  const detail =
    files.length === 0
      ? `none among ${changed.length} changed file(s)`
      : `${files.length} migration file(s) changed${settings.allowMigrations ? " (allowed by allow-migrations)" : ": blocked"}`;
  return { checked: true, files, allowed: settings.allowMigrations || files.length === 0, detail };
}

/**
 * `rollback`: put a verified version of an environment back. The target is `to-version` (which
 * must have passed its checks there before, unless `force`) or the last known good deployment other
 * than the one being left. Guards come first: the same correlation id runs once; a rollback is never
 * rolled back automatically (a failed rollback stops and says so); database migrations between the
 * two versions block the rollback unless allowed. Then it deploys the target with the same strategy
 * and checks as a deploy, records it as `deploy:rollback`, and writes an incident report.
 */
import { hasSucceeded, latestState, truncateDescription } from "../core/deployments.ts";
import { matchAny } from "../core/globs.ts";
import { ShipguardError } from "../errors.ts";
import type { Deployer, DeploymentRecord, DeployTarget, Git, Ledger, Logger, SmokeReport } from "../ports.ts";
import { targetEnvironment } from "../ports.ts";
import type { RollbackSettings } from "../settings.ts";
import { describeVerdict, putInPlace, type SmokePort } from "./deploy.ts";
import { findLastKnownGood } from "./last-known-good.ts";
import { Timeline, type TimelineEntry } from "./timeline.ts";

export interface HookRunner {
  /** Runs a workflow author's command with this environment; never throws for a failed command. */
  run(
    label: string,
    command: string,
    env: Record<string, string>,
  ): Promise<{ ok: boolean; failure: string | null; tail: string[] }>;
}

export interface RollbackPorts {
  git: Git;
  ledger: Ledger;
  deployer: Deployer;
  logger: Logger;
  smoke: SmokePort | null;
  hooks: HookRunner;
  baseEnv: Record<string, string>;
  newCorrelationId(): string;
  now?: () => number;
}

export interface RollbackContext {
  runUrl: string | null;
  /** Who started it (GitHub actor, local user). */
  actor: string | null;
}

export interface MigrationVerdict {
  checked: boolean;
  files: string[];
  allowed: boolean;
  detail: string;
}

export interface RollbackResult {
  environment: string;
  status: "success" | "failure" | "skipped";
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
}

export async function runRollback(
  settings: RollbackSettings,
  ports: RollbackPorts,
  context: RollbackContext,
): Promise<RollbackResult> {
  const { ledger, logger } = ports;
  const timeline = new Timeline(ports.now);
  const correlationId = settings.correlationId ?? ports.newCorrelationId();
  const reason = settings.reason ?? "manual rollback";
  const result: RollbackResult = {
    environment: settings.environment,
    status: "failure",
    rolledBackFrom: null,
    rolledBackTo: null,
    deploymentId: null,
    reason,
    actor: context.actor,
    smoke: null,
    migrations: { checked: false, files: [], allowed: settings.allowMigrations, detail: "not checked" },
    message: "",
    timeline: timeline.entries,
    correlationId,
    fromDescription: null,
  };

  // Guard 1: the same attempt twice does the work once.
  if (settings.correlationId !== null) {
    const earlier = await ledger.findByCorrelation(settings.environment, settings.correlationId);
    if (earlier !== null) {
      const state = latestState(await ledger.statuses(earlier)) ?? "pending";
      result.status = "skipped";
      result.deploymentId = earlier.id;
      result.rolledBackTo = {
        version: earlier.payload.version,
        tag: earlier.payload.tag,
        sha: earlier.payload.sha,
      };
      result.rolledBackFrom = earlier.payload.rolledBackFrom;
      result.message = `Correlation id ${settings.correlationId} already ran as deployment #${earlier.id} (${state}): nothing was done again.`;
      return result;
    }
  }

  // What runs now: the newest deployment of the environment.
  let from: DeploymentRecord | null = null;
  for await (const record of ledger.history(settings.environment)) {
    from = record;
    break;
  }
  if (from === null) {
    throw new ShipguardError(
      `${settings.environment} has no deployment recorded by shipguard: there is nothing to roll back.`,
      {
        remedy: "Check the environment name; deploy with shipguard first so deployments are recorded.",
        input: "environment",
        value: settings.environment,
      },
    );
  }
  const fromStatuses = await ledger.statuses(from);
  result.fromDescription = fromStatuses.at(-1)?.description ?? null;
  result.rolledBackFrom = { version: from.payload.version, id: from.id };
  if (settings.fromVersion !== null && settings.fromVersion !== from.payload.version) {
    // A rollback queued behind a newer deploy (they share a concurrency group): when that deploy
    // passed its checks, the failure this rollback answered is gone; undoing a verified version
    // would be the wrong fix.
    if (hasSucceeded(fromStatuses)) {
      result.status = "skipped";
      result.rolledBackFrom = null;
      result.message = `${settings.environment} no longer runs ${settings.fromVersion}: its newest deployment, ${from.payload.version} (#${from.id}), passed its checks since. Nothing was rolled back.`;
      logger.warning(result.message);
      timeline.mark("read the environment", `${from.payload.version} (#${from.id}, success)`);
      return result;
    }
    logger.warning(
      `from-version says ${settings.fromVersion}, but the newest deployment of ${settings.environment} is ${from.payload.version} (#${from.id}); rolling back from what runs.`,
    );
  }
  timeline.mark(
    "read the environment",
    `${from.payload.version} (#${from.id}, ${latestState(fromStatuses) ?? "no status"})`,
  );

  // Guard 2: no rollback of a failed rollback, ever automatically: that is how loops start.
  const fromState = latestState(fromStatuses);
  if (from.payload.kind === "rollback" && fromState !== "success" && !settings.force) {
    throw new ShipguardError(
      `The newest deployment of ${settings.environment} (#${from.id}, ${from.payload.version}) is a rollback that ended ${fromState ?? "without a status"}. shipguard does not roll back a rollback.`,
      {
        remedy:
          "A human decides now: fix forward and deploy a new version, or start a rollback to a chosen to-version with force: true after checking the environment by hand.",
        input: "environment",
        value: settings.environment,
      },
    );
  }

  // The target.
  const target = await chooseTarget(settings, ports, from, correlationId);
  result.rolledBackTo = { version: target.version, tag: target.tag, sha: target.sha };
  timeline.mark("choose the target", target.tag ?? target.version);

  // Guard 3: database migrations between the two versions.
  result.migrations = await checkMigrations(settings, ports.git, target.sha, from.payload.sha);
  timeline.mark("check migrations", result.migrations.detail);
  if (result.migrations.files.length > 0 && !settings.allowMigrations) {
    throw new ShipguardError(
      `Rolling ${settings.environment} back from ${from.payload.version} to ${target.version} crosses database migrations:\n${result.migrations.files.map((f) => `  - ${f}`).join("\n")}`,
      {
        remedy:
          "Rolling the code back under a migrated schema can break the app or lose data. Roll forward with a fix instead; or, if the migrations are backward compatible, run the rollback again with allow-migrations: true.",
        input: "allow-migrations",
        value: "false",
      },
    );
  }

  const hookEnv = {
    ...ports.baseEnv,
    ...targetEnvironment(target),
    SHIPGUARD_ROLLBACK_FROM: from.payload.version,
    SHIPGUARD_ROLLBACK_REASON: reason,
  };
  if (settings.beforeRollback !== null) {
    const hook = await ports.hooks.run("before-rollback", settings.beforeRollback, hookEnv);
    timeline.mark("before-rollback", hook.ok ? "ok" : "failed");
    if (!hook.ok) {
      for (const line of hook.tail) logger.untrusted(line);
      throw new ShipguardError(
        `before-rollback failed (${hook.failure ?? "no detail"}); nothing was rolled back.`,
        {
          remedy: "Fix the before-rollback command (its last lines are above) and run the rollback again.",
          input: "before-rollback",
        },
      );
    }
  }

  const record = await ledger.create({
    environment: settings.environment,
    sha: target.sha,
    description: truncateDescription(
      `shipguard: roll back to ${target.version} from ${from.payload.version}`,
    ),
    payload: {
      tool: "shipguard",
      schema: 1,
      kind: "rollback",
      version: target.version,
      tag: target.tag,
      sha: target.sha,
      rolledBackFrom: { id: from.id, version: from.payload.version },
      reason: truncateDescription(reason, 1000),
      runUrl: context.runUrl,
      correlationId,
    },
  });
  result.deploymentId = record.id;
  const urls = { logUrl: context.runUrl, environmentUrl: settings.environmentUrl };
  await ledger.setStatus(record, {
    state: "in_progress",
    description: `Rolling back to ${target.version}`,
    ...urls,
  });
  timeline.mark("record the rollback", `#${record.id}`);

  let failure = await putInPlace(ports.deployer, target, timeline, logger);
  if (failure === null && ports.smoke !== null) {
    result.smoke = await ports.smoke.run(ports.smoke.suite, {
      ...ports.baseEnv,
      ...targetEnvironment(target),
    });
    timeline.mark("run the smoke checks", result.smoke.verdict);
    if (result.smoke.verdict !== "pass") failure = describeVerdict(result.smoke);
  }
  result.status = failure === null ? "success" : "failure";
  await ledger.setStatus(record, {
    state: result.status === "success" ? "success" : "failure",
    description: truncateDescription(
      failure === null ? `Rolled back to ${target.version}; verified` : `Rollback failed: ${failure}`,
    ),
    ...urls,
  });
  timeline.mark(`record ${result.status}`);

  if (settings.afterRollback !== null) {
    const hook = await ports.hooks.run("after-rollback", settings.afterRollback, {
      ...hookEnv,
      SHIPGUARD_ROLLBACK_STATUS: result.status,
    });
    timeline.mark("after-rollback", hook.ok ? "ok" : "failed");
    if (!hook.ok)
      logger.warning(
        `after-rollback failed (${hook.failure ?? "no detail"}); the rollback itself ${result.status === "success" ? "succeeded" : "failed"}.`,
      );
  }

  const to = target.tag ?? target.version;
  result.message =
    failure === null
      ? `Rolled ${settings.environment} back from ${from.payload.version} to ${to}; its checks pass.`
      : `Rollback of ${settings.environment} to ${to} FAILED: ${failure}. No further rollback is attempted: the environment needs a human now.`;
  return result;
}

async function chooseTarget(
  settings: RollbackSettings,
  ports: RollbackPorts,
  from: DeploymentRecord,
  correlationId: string,
): Promise<DeployTarget> {
  const base = {
    environment: settings.environment,
    previousVersion: from.payload.version,
    kind: "rollback" as const,
    correlationId,
  };
  if (settings.toVersion !== null) {
    const wanted = settings.toVersion;
    const good = await findLastKnownGood(ports.ledger, settings.environment, {
      excludeIds: [from.id],
      onlyVersions: [wanted],
    });
    if (good.record !== null) {
      const p = good.record.payload;
      return { ...base, version: p.version, tag: p.tag, sha: p.sha, keep: [p.version] };
    }
    if (!settings.force) {
      throw new ShipguardError(
        `${wanted} never passed its checks in ${settings.environment}: shipguard will not roll back to it.`,
        {
          remedy: `Choose a version that was verified there (leave to-version empty for the last known good one), or set force: true to deploy ${wanted} anyway.`,
          input: "to-version",
          value: wanted,
        },
      );
    }
    const tag = `${settings.tagPrefix}${wanted}`;
    const sha = await ports.git.tagCommit(tag);
    if (sha === null) {
      throw new ShipguardError(
        `The tag ${tag} does not exist in the clone, so ${wanted} cannot be deployed.`,
        {
          remedy: "Check the version, and check out with `fetch-depth: 0` so tags are present.",
          input: "to-version",
          value: wanted,
        },
      );
    }
    ports.logger.warning(
      `force: rolling back to ${wanted}, which never passed its checks in ${settings.environment}.`,
    );
    return { ...base, version: wanted, tag, sha };
  }
  const good = await findLastKnownGood(ports.ledger, settings.environment, {
    excludeIds: [from.id],
    excludeVersions: [from.payload.version],
  });
  if (good.record === null) {
    throw new ShipguardError(
      `${settings.environment} has no earlier deployment that passed its checks: there is nothing to roll back to.`,
      {
        remedy: "Fix forward and deploy a new version; or name a version with to-version and force: true.",
        input: "to-version",
        value: "",
      },
    );
  }
  const p = good.record.payload;
  return { ...base, version: p.version, tag: p.tag, sha: p.sha, keep: [p.version] };
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
    throw new ShipguardError(
      `Could not compare ${targetSha.slice(0, 12)} and ${fromSha.slice(0, 12)} to look for database migrations (${error instanceof Error ? error.message : String(error)}).`,
      {
        remedy:
          "Check out with `fetch-depth: 0` so both commits are present; the migration guard never passes blind.",
        input: "migration-paths",
      },
    );
  }
  const files = matchAny(changed, settings.migrationPaths);
  const detail =
    files.length === 0
      ? `none among ${changed.length} changed file(s)`
      : `${files.length} migration file(s) changed${settings.allowMigrations ? " (allowed by allow-migrations)" : ": blocked"}`;
  return { checked: true, files, allowed: settings.allowMigrations || files.length === 0, detail };
}

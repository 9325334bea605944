/** The settings of `rollback`: which version to go back to, the guards, and the deploy settings. */
import { correlationIdOf } from "./names.ts";
import { type TargetSettings, targetOf } from "./read-deploy.ts";
import { optional, parseBoolean, type RawSource, raw, withoutPrefix } from "./values.ts";

export interface RollbackSettings extends TargetSettings {
  toVersion: string | null;
  fromVersion: string | null;
  reason: string | null;
  correlationId: string | null;
  force: boolean;
  allowMigrations: boolean;
  migrationPaths: string[];
  beforeRollback: string | null;
  afterRollback: string | null;
}

export function readRollbackSettings(source: RawSource): RollbackSettings {
  const target = targetOf(source);
  const toVersion = optional(raw(source, "to-version"));
  return {
    ...target,
    toVersion: toVersion === null ? null : withoutPrefix(toVersion, target.tagPrefix),
    fromVersion: optional(raw(source, "from-version")),
    reason: optional(raw(source, "reason")),
    correlationId: correlationIdOf(source),
    force: parseBoolean("force", raw(source, "force")),
    allowMigrations: parseBoolean("allow-migrations", raw(source, "allow-migrations")),
    migrationPaths: raw(source, "migration-paths")
      .split(/\r?\n|,/)
      .map((g) => g.trim())
      .filter((g) => g !== "" && !g.startsWith("#")),
    beforeRollback: optional(raw(source, "before-rollback")),
    afterRollback: optional(raw(source, "after-rollback")),
  };
}

/** The settings of `rollback`: which version to go back to, the guards, and the deploy settings. */
import { validateRefComponent } from "../core/tags.ts";
import { correlationIdOf, environmentOf, repositoryOf } from "./names.ts";
import { type ChecksSource, checksOf, type StrategySettings, strategyOf } from "./read-deploy.ts";
import { optional, parseBoolean, type RawSource, raw, withoutPrefix } from "./values.ts";

export interface RollbackSettings extends StrategySettings {
  workingDirectory: string;
  tagPrefix: string;
  repository: { owner: string; repo: string } | null;
  environment: string;
  toVersion: string | null;
  fromVersion: string | null;
  reason: string | null;
  correlationId: string | null;
  force: boolean;
  allowMigrations: boolean;
  migrationPaths: string[];
  beforeRollback: string | null;
  afterRollback: string | null;
  checks: ChecksSource;
  environmentUrl: string | null;
  ledgerFile: string | null;
}

export function readRollbackSettings(source: RawSource): RollbackSettings {
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");
  const toVersion = optional(raw(source, "to-version"));
  return {
    ...strategyOf(source),
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    repository: repositoryOf(source),
    environment: environmentOf(source, true)!,
    toVersion: toVersion === null ? null : withoutPrefix(toVersion, tagPrefix),
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
    checks: checksOf(source),
    environmentUrl: optional(raw(source, "environment-url")),
    ledgerFile: optional(raw(source, "ledger-file")),
  };
}

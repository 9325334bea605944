/** The settings of `rollback`: which version to go back to, the guards, and the deploy settings. */
import { invalidInput } from "../errors.ts";
import { correlationIdOf } from "./names.ts";
import { type TargetSettings, targetOf } from "./read-deploy.ts";
import { optional, parseBoolean, type RawSource, raw, versionInput } from "./values.ts";

export interface RollbackSettings extends TargetSettings {
  toVersion: string | null;
  fromVersion: string | null;
  /** Why (required): a manual run gives it; an automatic one carries the failed checks. */
  reason: string;
  correlationId: string | null;
  force: boolean;
  allowMigrations: boolean;
  migrationPaths: string[];
  beforeRollback: string | null;
  afterRollback: string | null;
}

export function readRollbackSettings(source: RawSource): RollbackSettings {
  // A bad notify-url or notify-on must not stop a rollback: they become warnings.
  const target = targetOf(source, "warn");
  const toVersion = optional(raw(source, "to-version"));
  return {
    ...target,
    toVersion:
      toVersion === null
        ? null
        : versionInput(
            "to-version",
            toVersion,
            target.tagPrefix,
            ", or leave it empty for the last known good version",
          ),
    fromVersion: optional(raw(source, "from-version")),
    reason: reasonOf(source),
    correlationId: correlationIdOf(source),
    force: parseBoolean("force", raw(source, "force")),
    allowMigrations: parseBoolean("allow-migrations", raw(source, "allow-migrations")),
    migrationPaths: migrationPathsOf(source),
    beforeRollback: optional(raw(source, "before-rollback")),
    afterRollback: optional(raw(source, "after-rollback")),
  };
}

/** `migration-paths`: globs one per line or comma-separated; `#` lines are comments. The default without a source. */
export function migrationPathsOf(source: RawSource = () => undefined): string[] {
  return raw(source, "migration-paths")
    .split(/\r?\n|,/)
    .map((g) => g.trim())
    .filter((g) => g !== "" && !g.startsWith("#"));
}

/** A rollback says why: it goes into the record and the incident report. */
function reasonOf(source: RawSource): string {
  const reason = optional(raw(source, "reason"));
  if (reason === null) {
    throw invalidInput(
      "reason",
      "",
      "A rollback needs a reason: it goes into the deployment record and the incident report.",
      'Say why you roll back: `--reason "checkout errors after 1.5.0"` on the CLI, the `reason` input in the rollback workflow.',
    );
  }
  return reason;
}

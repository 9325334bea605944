import { runVersionCommand, type VersionOutcome, type VersionResult } from "../../commands/version.ts";
import { versionJson, versionOutputs, versionSummary, versionText } from "../../presenters/version.ts";
import {
  packagesJson,
  packagesOutputs,
  packagesReason,
  packagesSummary,
  packagesText,
} from "../../presenters/version-packages.ts";
import { optional, raw } from "../../settings/values.ts";
import { readVersionSettings, type VersionSettings } from "../../settings.ts";
import { register } from "../command.ts";
import type { Presentation } from "../presentation.ts";

/** `version`'s settings, and the CLI's `--package`: the one package to show, or null for all. */
interface VersionCommandSettings extends VersionSettings {
  package: string | null;
}

export const versionCommand = register<VersionCommandSettings, VersionOutcome>({
  read: (source) => ({ ...readVersionSettings(source), package: optional(raw(source, "package")) }),
  run(settings, root) {
    const { logger } = root.context;
    return runVersionCommand(
      settings,
      settings.package,
      { git: root.git(settings.workingDirectory), logger },
      root.context,
    );
  },
  present: (outcome): Presentation => {
    if (outcome.kind !== "packages") return single(outcome.result);
    const result = outcome.result;
    return {
      ok: true,
      message: packagesReason(result),
      problem: null,
      outputs: packagesOutputs(result),
      summary: packagesSummary(result),
      text: packagesText(result),
      json: packagesJson(result),
    };
  },
});

/** A single-package repository, or the one package `--package` names: exactly the same shape. */
function single(result: VersionResult): Presentation {
  return {
    ok: true,
    message: result.reason,
    problem: null,
    outputs: versionOutputs(result),
    summary: versionSummary(result),
    text: versionText(result),
    json: versionJson(result),
  };
}

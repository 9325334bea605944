/**
 * The settings of `deploy` and `smoke`, and the strategy settings a rollback shares with a deploy
 * (a rollback must deploy the way the deploy did).
 */
import { validateRefComponent } from "../core/tags.ts";
import { invalidInput, shipguardError } from "../errors.ts";
import {
  CORRELATION_ID_MAX,
  correlationIdOf,
  environmentOf,
  ROLLBACK_SUFFIX,
  repositoryOf,
  workflowFileOf,
} from "./names.ts";
import { type NotifyProblems, type NotifySettings, notifyOf } from "./read-notify.ts";
import { type PromotionSettings, promotionOf } from "./read-promotion.ts";
import { keyValueLines, optional, positiveInteger, type RawSource, raw, versionInput } from "./values.ts";

export type Strategy = "command" | "workflow" | "symlink";

/** How a version is put in place: shared by deploy and rollback, which must deploy alike. */
export interface StrategySettings {
  strategy: Strategy;
  deployCommand: string | null;
  prepareCommand: string | null;
  deployTimeoutMs: number;
  deployWorkflow: string | null;
  workflowRef: string | null;
  workflowInputs: Record<string, string>;
  releaseSource: string | null;
  releasesDir: string | null;
  currentLink: string | null;
  keepReleases: number;
  restartCommand: string | null;
}

/** Where the smoke checks come from: inline YAML or a file (read by the entry point). */
export interface ChecksSource {
  inline: string | null;
  file: string | null;
}

/** The settings a deploy and a rollback share: where, to which environment, how, and the checks after. */
export interface TargetSettings extends StrategySettings {
  workingDirectory: string;
  tagPrefix: string;
  repository: { owner: string; repo: string } | null;
  environment: string;
  checks: ChecksSource;
  environmentUrl: string | null;
  ledgerFile: string | null;
  notify: NotifySettings;
}

export interface DeploySettings extends TargetSettings {
  version: string | null;
  ref: string | null;
  onFailure: "rollback" | "none";
  rollbackWorkflow: string;
  correlationId: string | null;
  /** The promotion gate, its override, and the canary's traffic steps. */
  promotion: PromotionSettings;
}

export interface SmokeSettings {
  workingDirectory: string;
  environment: string | null;
  /** Null: the version last deployed to `environment`, read from the ledger. */
  version: string | null;
  checks: ChecksSource;
  repository: { owner: string; repo: string } | null;
  ledgerFile: string | null;
}

export function checksOf(source: RawSource): ChecksSource {
  const inline = optional(raw(source, "checks"));
  const file = optional(raw(source, "checks-file"));
  if (inline !== null && file !== null) {
    throw invalidInput("checks-file", file, "Set either `checks` or `checks-file`, not both.");
  }
  return { inline: inline === null ? null : raw(source, "checks"), file };
}

export function strategyOf(source: RawSource): StrategySettings {
  const strategy = raw(source, "strategy").trim();
  if (strategy !== "command" && strategy !== "workflow" && strategy !== "symlink") {
    throw invalidInput("strategy", strategy, "Expected `command`, `workflow` or `symlink`.");
  }
  const settings: StrategySettings = {
    strategy,
    deployCommand: optional(raw(source, "deploy-command")),
    prepareCommand: optional(raw(source, "prepare-command")),
    deployTimeoutMs: positiveInteger(source, "deploy-timeout-minutes", 24 * 60) * 60_000,
    deployWorkflow: workflowFileOf(source, "deploy-workflow"),
    workflowRef: optional(raw(source, "workflow-ref")),
    workflowInputs: keyValueLines(source, "workflow-inputs"),
    releaseSource: optional(raw(source, "release-source")),
    releasesDir: optional(raw(source, "releases-dir")),
    currentLink: optional(raw(source, "current-link")),
    keepReleases: positiveInteger(source, "keep-releases", 1000),
    restartCommand: optional(raw(source, "restart-command")),
  };
  const need = (name: string, value: string | null) => {
    if (value === null) throw invalidInput(name, "", `The \`${strategy}\` strategy needs \`${name}\`.`);
  };
  if (strategy === "command") need("deploy-command", settings.deployCommand);
  if (strategy === "workflow") need("deploy-workflow", settings.deployWorkflow);
  if (strategy === "symlink") {
    need("release-source", settings.releaseSource);
    need("releases-dir", settings.releasesDir);
  }
  if (settings.workflowRef !== null) validateRefComponent(settings.workflowRef, "workflow-ref", "name");
  return settings;
}

export function readDeploySettings(source: RawSource): DeploySettings {
  const version = optional(raw(source, "version"));
  const ref = optional(raw(source, "ref"));
  if (version !== null && ref !== null) {
    throw shipguardError("SG_INPUTS_CONFLICT", {
      first: "version",
      firstValue: version,
      second: "ref",
      secondValue: ref,
    });
  }
  if (version === null && ref === null) {
    throw invalidInput("version", "", "Set exactly one of `version` and `ref`; neither was given.");
  }
  if (ref !== null) validateRefComponent(ref, "ref", "name");
  const onFailure = raw(source, "on-failure").trim();
  if (onFailure !== "rollback" && onFailure !== "none") {
    throw invalidInput("on-failure", onFailure, "Expected `rollback` or `none`.");
  }
  const target = targetOf(source);
  if (target.environment.includes(",")) {
    // Refused here rather than read as one name there: a name with a comma could never be named
    // in require-verified-in, which separates names by commas, so nothing could be promoted from it.
    throw invalidInput(
      "environment",
      target.environment,
      "A deploy refuses an environment name with a comma: `require-verified-in` separates names by commas, so no later deploy could be gated on it.",
      "Name the environment without a comma, such as `eu-west` for `eu,west`.",
    );
  }
  return {
    ...target,
    version:
      version === null
        ? null
        : versionInput(
            "version",
            version,
            target.tagPrefix,
            ", whose tag exists as written",
            "Give a released version as its tag names it; to deploy a commit, a branch or another tag, set `ref` instead.",
          ),
    ref,
    onFailure,
    rollbackWorkflow: workflowFileOf(source, "rollback-workflow") ?? "rollback.yml",
    correlationId: correlationIdOf(source, CORRELATION_ID_MAX - ROLLBACK_SUFFIX.length),
    promotion: promotionOf(source, target.environment, target.strategy),
  };
}

/**
 * What a deploy and a rollback both read: the repository, the environment, how to deploy, the
 * checks after, and who is told (a rollback takes bad notify values as warnings).
 */
export function targetOf(source: RawSource, notifyProblems: NotifyProblems = "refuse"): TargetSettings {
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");
  return {
    ...strategyOf(source),
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    repository: repositoryOf(source),
    environment: environmentOf(source, true)!,
    checks: checksOf(source),
    environmentUrl: environmentUrlOf(source),
    ledgerFile: optional(raw(source, "ledger-file")),
    notify: notifyOf(source, true, notifyProblems),
  };
}

/** `environment-url`: an absolute http(s) URL, as GitHub shows it on the deployment and people follow it. */
function environmentUrlOf(source: RawSource): string | null {
  const value = optional(raw(source, "environment-url"));
  if (value === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Not a URL at all (a bare host, a relative path): said below.
  }
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:") || url.hostname === "") {
    throw invalidInput(
      "environment-url",
      value,
      "Expected an absolute http(s) URL, such as `https://app.example.com`.",
      "Write the URL of the deployed environment with its scheme and host (`https://staging.example.com/`), or leave `environment-url` empty.",
    );
  }
  return value;
}

export function readSmokeSettings(source: RawSource): SmokeSettings {
  const checks = checksOf(source);
  if (checks.inline === null && checks.file === null) {
    throw invalidInput("checks", "", "Give the checks to run, in `checks` (YAML) or `checks-file`.");
  }
  return {
    workingDirectory: raw(source, "working-directory"),
    environment: environmentOf(source, false),
    version: optional(raw(source, "version")),
    checks,
    repository: repositoryOf(source),
    ledgerFile: optional(raw(source, "ledger-file")),
  };
}

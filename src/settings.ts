/**
 * One schema for every setting: the action reads it from inputs, the CLI from flags of the same
 * name (`tag-prefix` / `--tag-prefix`). Validation happens here, once, so commands receive typed,
 * checked values and never see raw strings.
 */

import semver from "semver";
import { parseBranchMap } from "./core/next-version.ts";
import { parseReleaseRules } from "./core/rules.ts";
import { validateRefComponent } from "./core/tags.ts";
import { type ReleaseRule, SQUASH_BULLETS, type SquashBullets } from "./core/types.ts";
import { invalidInput } from "./errors.ts";

/** What the action's `command` input accepts. */
export const COMMANDS = ["version", "release", "deploy", "smoke", "rollback"] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The CLI's commands: the action's, and `demo` (the whole loop in a temporary folder). */
export const CLI_COMMANDS = [...COMMANDS, "demo"] as const;
export type CliCommandName = (typeof CLI_COMMANDS)[number];

export interface OptionSpec {
  name: string;
  description: string;
  /** The default as the input string; undefined means empty (not set). */
  default?: string;
  /** A default that only exists in a workflow, such as `${{ github.token }}` (action.yml only). */
  actionDefault?: string;
  /** Commands that read the option. */
  commands: readonly CliCommandName[];
  /** A CLI-only short alias, e.g. `--cwd` for `working-directory`. */
  alias?: string;
  /** Shown in action.yml only (the CLI has its own equivalent, or none). */
  actionOnly?: boolean;
  cliOnly?: boolean;
  boolean?: boolean;
}

const ALL = COMMANDS;
const VERSIONING: readonly CommandName[] = ["version", "release"];

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: "command",
    description: "The job to run: `version`, `release`, `deploy`, `smoke` or `rollback`.",
    default: "version",
    commands: ALL,
    actionOnly: true,
  },
  {
    name: "working-directory",
    description: "The git repository to read, relative to the workspace.",
    default: ".",
    commands: ALL,
    alias: "cwd",
  },
  {
    name: "tag-prefix",
    description:
      "What stands before the version in a tag name: `v` gives `v1.2.3`; `release/v` and `pkg@` work too.",
    default: "v",
    commands: VERSIONING,
  },
  {
    name: "release-rules",
    description:
      "Overrides of the bump per commit type and optionally scope, one per line or comma-separated: `docs(readme)=patch`, `refactor=minor`, `chore=none`. Defaults: breaking = major, `feat` = minor, `fix` and `perf` = patch, others none.",
    commands: VERSIONING,
  },
  {
    name: "squash-bullets",
    description:
      "How `* type: ...` bullets in a squash-merge body count: `fallback` (only when the title is not a Conventional Commit; a conventional title is the maintainers' decision), `always` (next to the title), or `never`. Breaking-change notes count wherever they are.",
    default: "fallback",
    commands: VERSIONING,
  },
  {
    name: "initial-version",
    description: "The first version, when no tag of the prefix exists yet and a commit calls for a release.",
    default: "1.0.0",
    commands: VERSIONING,
  },
  {
    name: "major-zero-breaking",
    description:
      "What a breaking change bumps while the major version is 0: `minor` (SemVer's 0.x convention) or `major`.",
    default: "minor",
    commands: VERSIONING,
  },
  {
    name: "prerelease",
    description:
      "A prerelease identifier such as `rc`: gives `1.3.0-rc.1`, then `1.3.0-rc.2` while the stable base is unchanged.",
    commands: VERSIONING,
  },
  {
    name: "prerelease-branches",
    description:
      "Branch-to-identifier map that picks the prerelease identifier from the current branch: `next=rc, beta=beta`.",
    commands: VERSIONING,
  },
  {
    name: "build-metadata",
    description: "SemVer build metadata appended to the version and tag as `+<value>`.",
    commands: VERSIONING,
  },
  {
    name: "fetch-history",
    description:
      "Deepen a shallow clone and fetch tags from `origin` before reading history (`git fetch --unshallow --tags`). With `false`, a shallow clone is an error.",
    default: "true",
    commands: VERSIONING,
    boolean: true,
  },
  {
    name: "token",
    description:
      "The GitHub token for API calls. Needs `contents: write` to release. The CLI reads GITHUB_TOKEN from the environment instead.",
    actionDefault: "${{ github.token }}",
    commands: ["release", "deploy", "rollback"],
    actionOnly: true,
  },
  {
    name: "repository",
    description:
      "The repository to release in, `owner/name`. In the action: the workflow's repository. In the CLI: set it (with GITHUB_TOKEN in the environment) to release on GitHub instead of tagging locally.",
    actionDefault: "${{ github.repository }}",
    commands: ["release", "deploy", "rollback"],
    alias: "repo",
  },
  {
    name: "dry-run",
    description: "Compute and report everything, write nothing.",
    default: "false",
    commands: ["release"],
    boolean: true,
  },
  {
    name: "floating-tags",
    description:
      "Move floating tags to a stable release: `major` moves `v1`, `major-minor` moves `v1` and `v1.2`, `none` moves nothing. Only forward: a maintenance release of an older line leaves them.",
    default: "none",
    commands: ["release"],
  },
  {
    name: "push",
    description: "Push the new tag to `origin` (CLI, local mode).",
    default: "false",
    commands: ["release"],
    boolean: true,
    cliOnly: true,
  },
  {
    name: "notes-file",
    description: "Write the release notes to this file instead of stdout (CLI, local mode).",
    commands: ["release"],
    cliOnly: true,
  },
  {
    name: "environment",
    description: "The environment to deploy to, smoke-check or roll back (`production`, `staging`).",
    commands: ["deploy", "smoke", "rollback"],
  },
  {
    name: "version",
    description:
      "`deploy`: the version to deploy (`1.4.2` or `v1.4.2`); its tag must exist. `smoke`: the version `${SHIPGUARD_VERSION}` stands for in the checks.",
    commands: ["deploy", "smoke"],
  },
  {
    name: "ref",
    description:
      "`deploy`: a git ref (branch, tag or SHA) to deploy instead of a version; recorded by its SHA.",
    commands: ["deploy"],
  },
  {
    name: "strategy",
    description:
      "How to deploy: `command` (deploy-command), `workflow` (dispatch deploy-workflow and wait) or `symlink` (releases folder and an atomic `current` switch).",
    default: "command",
    commands: ["deploy", "rollback"],
  },
  {
    name: "deploy-command",
    description:
      '`command` strategy: the shell command that deploys. It gets SHIPGUARD_VERSION, SHIPGUARD_TAG, SHIPGUARD_SHA, SHIPGUARD_ENVIRONMENT and SHIPGUARD_PREVIOUS_VERSION in its environment: use them as `"$SHIPGUARD_VERSION"`, never `${{ }}` in the string.',
    commands: ["deploy", "rollback"],
  },
  {
    name: "prepare-command",
    description:
      "Runs before the switch while the old version still serves (pull images, stage files), with the same variables. `symlink`: runs inside the new release folder.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "deploy-timeout-minutes",
    description: "How long a deploy (command, workflow run, restart) may take before it counts as failed.",
    default: "30",
    commands: ["deploy", "rollback"],
  },
  {
    name: "deploy-workflow",
    description:
      "`workflow` strategy: the workflow file to dispatch (`deploy-app.yml`). It receives the inputs `version`, `tag`, `sha`, `environment` and `correlation-id`, and should show the correlation id in its `run-name`.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "workflow-ref",
    description:
      "The branch or tag the dispatched workflows run on. Default: the repository's default branch.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "workflow-inputs",
    description: "`workflow` strategy: extra inputs for the deploy workflow, one `name=value` per line.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "release-source",
    description:
      "`symlink` strategy: the folder to copy into `releases-dir/<version>`; `${SHIPGUARD_VERSION}` is expanded (`build/${SHIPGUARD_VERSION}`).",
    commands: ["deploy", "rollback"],
  },
  {
    name: "releases-dir",
    description: "`symlink` strategy: where versions live side by side; `current` is a link next to it.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "current-link",
    description: "`symlink` strategy: the link switched atomically. Default: `current` next to releases-dir.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "keep-releases",
    description:
      "`symlink` strategy: how many releases to keep; the current and the last known good one are never deleted.",
    default: "3",
    commands: ["deploy", "rollback"],
  },
  {
    name: "restart-command",
    description:
      "`symlink` strategy: runs after the switch (restart or reload the service), with the same variables.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "checks",
    description:
      "Smoke checks, YAML: `settings:` and `checks:` (http, prometheus, command), or a bare list. See the README.",
    commands: ["deploy", "smoke", "rollback"],
  },
  {
    name: "checks-file",
    description: "A file holding the smoke checks, instead of `checks`.",
    commands: ["deploy", "smoke", "rollback"],
  },
  {
    name: "environment-url",
    description: "The URL of the deployed environment, shown on the deployment.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "on-failure",
    description:
      "`deploy`: what a failed deploy or failed checks do: `rollback` dispatches rollback-workflow to the last known good version (in the CLI: rolls back in the same process), `none` only fails.",
    default: "rollback",
    commands: ["deploy"],
  },
  {
    name: "rollback-workflow",
    description:
      "`deploy`: the workflow file in this repository that on-failure dispatches (it declares the rollback inputs).",
    default: "rollback.yml",
    commands: ["deploy"],
  },
  {
    name: "to-version",
    description:
      "`rollback`: the version to go back to. Default: the last known good version of the environment.",
    commands: ["rollback"],
  },
  {
    name: "from-version",
    description: "`rollback`: the version being rolled back from (informational; the dispatch fills it in).",
    commands: ["rollback"],
  },
  {
    name: "reason",
    description:
      "`rollback`: why (shown in the record and the incident report). Required for a manual rollback.",
    commands: ["rollback"],
  },
  {
    name: "correlation-id",
    description: "`deploy` and `rollback`: the id of this attempt; the same id twice does the work once.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "force",
    description: "`rollback`: allow a to-version that never deployed successfully in this environment.",
    default: "false",
    commands: ["rollback"],
    boolean: true,
  },
  {
    name: "allow-migrations",
    description:
      "`rollback`: roll back even when files under migration-paths changed between the two versions.",
    default: "false",
    commands: ["rollback"],
    boolean: true,
  },
  {
    name: "migration-paths",
    description:
      "`rollback`: globs of database migration files, one per line; a change there blocks an automatic rollback.",
    default: "migrations/**\ndb/migrate/**\n**/migrations/**",
    commands: ["rollback"],
  },
  {
    name: "before-rollback",
    description:
      "`rollback`: a command run before the rollback (maintenance mode, a backup), with the deploy variables.",
    commands: ["rollback"],
  },
  {
    name: "after-rollback",
    description:
      "`rollback`: a command run after the rollback (notify), with the deploy variables and SHIPGUARD_ROLLBACK_STATUS.",
    commands: ["rollback"],
  },
  {
    name: "ledger-file",
    description:
      "CLI: the local deployment ledger. Default: `.shipguard/deployments.jsonl` in the repository.",
    commands: ["deploy", "smoke", "rollback"],
    cliOnly: true,
  },
  {
    name: "keep",
    description:
      "`demo`: leave the temporary folder (repository, ledger, releases, app log) for a look afterwards; the app server is stopped all the same.",
    default: "false",
    commands: ["demo"],
    boolean: true,
    cliOnly: true,
  },
];

/** Reads one raw value; undefined or empty means "not set". */
export type RawSource = (name: string) => string | undefined;

export interface VersionSettings {
  workingDirectory: string;
  tagPrefix: string;
  releaseRules: ReleaseRule[];
  squashBullets: SquashBullets;
  initialVersion: string;
  majorZeroBreaking: "minor" | "major";
  prerelease: string | null;
  prereleaseBranches: Map<string, string>;
  buildMetadata: string | null;
  fetchHistory: boolean;
}

export function optionsFor(command: CliCommandName): OptionSpec[] {
  return OPTIONS.filter((o) => o.commands.includes(command) && o.name !== "command");
}

function raw(source: RawSource, name: string): string {
  const spec = OPTIONS.find((o) => o.name === name);
  if (!spec) throw new Error(`unknown option ${name}`);
  const value = source(name);
  if (value === undefined || value.trim() === "") return spec.default ?? "";
  return value;
}

export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "yes" || v === "1") return true;
  if (v === "false" || v === "no" || v === "0") return false;
  throw invalidInput(name, value, "Expected `true` or `false`.");
}

function isSquashBullets(value: string): value is SquashBullets {
  return (SQUASH_BULLETS as readonly string[]).includes(value);
}

function optional(value: string): string | null {
  const v = value.trim();
  return v === "" ? null : v;
}

const PRERELEASE_ID = /^[0-9A-Za-z-]+$/;
const BUILD_METADATA = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;

export function readVersionSettings(source: RawSource): VersionSettings {
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");

  const initialVersion = raw(source, "initial-version").trim();
  if (semver.valid(initialVersion) === null || initialVersion.startsWith("v")) {
    throw invalidInput(
      "initial-version",
      initialVersion,
      "Expected a SemVer version such as `1.0.0` or `0.1.0`.",
    );
  }

  const squashBullets = raw(source, "squash-bullets").trim().toLowerCase();
  if (!isSquashBullets(squashBullets)) {
    throw invalidInput("squash-bullets", squashBullets, "Expected `fallback`, `always` or `never`.");
  }

  const majorZeroBreaking = raw(source, "major-zero-breaking").trim();
  if (majorZeroBreaking !== "minor" && majorZeroBreaking !== "major") {
    throw invalidInput("major-zero-breaking", majorZeroBreaking, "Expected `minor` or `major`.");
  }

  const prerelease = optional(raw(source, "prerelease"));
  if (prerelease !== null && (!PRERELEASE_ID.test(prerelease) || /^\d+$/.test(prerelease))) {
    throw invalidInput(
      "prerelease",
      prerelease,
      "Expected an identifier of letters, digits and `-`, such as `rc` or `beta`.",
    );
  }

  const buildMetadata = optional(raw(source, "build-metadata"));
  if (buildMetadata !== null && !BUILD_METADATA.test(buildMetadata)) {
    throw invalidInput(
      "build-metadata",
      buildMetadata,
      "Expected dot-separated identifiers of letters, digits and `-`, such as `build.42` or `sha.abc1234`.",
    );
  }

  return {
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    releaseRules: parseReleaseRules(raw(source, "release-rules")),
    squashBullets,
    initialVersion,
    majorZeroBreaking,
    prerelease,
    prereleaseBranches: parseBranchMap(raw(source, "prerelease-branches")),
    buildMetadata,
    fetchHistory: parseBoolean("fetch-history", raw(source, "fetch-history")),
  };
}

export type FloatingTags = "none" | "major" | "major-minor";

export interface ReleaseSettings extends VersionSettings {
  /** owner/name, or null to release in the local repository only (CLI). */
  repository: { owner: string; repo: string } | null;
  dryRun: boolean;
  floatingTags: FloatingTags;
  push: boolean;
  notesFile: string | null;
}

const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

export function readReleaseSettings(source: RawSource): ReleaseSettings {
  const floatingTags = raw(source, "floating-tags").trim();
  if (floatingTags !== "none" && floatingTags !== "major" && floatingTags !== "major-minor") {
    throw invalidInput("floating-tags", floatingTags, "Expected `none`, `major` or `major-minor`.");
  }
  return {
    ...readVersionSettings(source),
    repository: repositoryOf(source),
    dryRun: parseBoolean("dry-run", raw(source, "dry-run")),
    floatingTags,
    push: parseBoolean("push", raw(source, "push")),
    notesFile: optional(raw(source, "notes-file")),
  };
}

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

export interface DeploySettings extends StrategySettings {
  workingDirectory: string;
  tagPrefix: string;
  repository: { owner: string; repo: string } | null;
  environment: string;
  version: string | null;
  ref: string | null;
  checks: ChecksSource;
  environmentUrl: string | null;
  onFailure: "rollback" | "none";
  rollbackWorkflow: string;
  correlationId: string | null;
  ledgerFile: string | null;
}

export interface SmokeSettings {
  workingDirectory: string;
  environment: string | null;
  version: string | null;
  checks: ChecksSource;
}

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

const ENVIRONMENT = /^[^\x00-\x1f\x7f/\\]{1,255}$/;
const WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;
const CORRELATION_ID = /^[A-Za-z0-9._-]+$/;
const CORRELATION_ID_MAX = 100;
/** A failed deploy dispatches its rollback as `<correlation id><ROLLBACK_SUFFIX>`. */
export const ROLLBACK_SUFFIX = "-rollback";

function environmentOf(source: RawSource, required: boolean): string | null {
  const value = optional(raw(source, "environment"));
  if (value === null) {
    if (!required) return null;
    throw invalidInput("environment", "", "Name the environment, such as `production` or `staging`.");
  }
  if (!ENVIRONMENT.test(value)) {
    throw invalidInput(
      "environment",
      value,
      "Expected at most 255 characters, without `/`, `\\` or control characters.",
    );
  }
  return value;
}

function repositoryOf(source: RawSource): { owner: string; repo: string } | null {
  const repository = optional(raw(source, "repository"));
  if (repository === null) return null;
  const parsed = REPOSITORY.exec(repository);
  if (parsed === null)
    throw invalidInput("repository", repository, "Expected `owner/name`, such as `octo/app`.");
  return { owner: parsed[1]!, repo: parsed[2]! };
}

/** `max` is shorter for a deploy, whose rollback's id (the id plus ROLLBACK_SUFFIX) must fit too. */
function correlationIdOf(source: RawSource, max = CORRELATION_ID_MAX): string | null {
  const value = optional(raw(source, "correlation-id"));
  if (value !== null && (!CORRELATION_ID.test(value) || value.length > max)) {
    const why = max < CORRELATION_ID_MAX ? ` (its rollback runs as \`<id>${ROLLBACK_SUFFIX}\`)` : "";
    throw invalidInput(
      "correlation-id",
      value,
      `Expected up to ${max} letters, digits, \`.\`, \`_\` or \`-\`${why}.`,
    );
  }
  return value;
}

function workflowFileOf(source: RawSource, name: string): string | null {
  const value = optional(raw(source, name));
  if (value !== null && !WORKFLOW_FILE.test(value)) {
    throw invalidInput(
      name,
      value,
      "Expected a workflow file name in .github/workflows/, such as `deploy.yml`.",
    );
  }
  return value;
}

function positiveInteger(source: RawSource, name: string, max: number): number {
  const value = raw(source, name).trim();
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw invalidInput(name, value, `Expected a whole number from 1 to ${max}.`);
  return n;
}

function keyValueLines(source: RawSource, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = raw(source, name).split(/\r?\n/);
  lines.forEach((line, i) => {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) return;
    const eq = text.indexOf("=");
    const key = eq <= 0 ? "" : text.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) {
      throw invalidInput(name, text, `On line ${i + 1}, expected \`name=value\`.`);
    }
    out[key] = text.slice(eq + 1).trim();
  });
  return out;
}

function checksOf(source: RawSource): ChecksSource {
  const inline = optional(raw(source, "checks"));
  const file = optional(raw(source, "checks-file"));
  if (inline !== null && file !== null) {
    throw invalidInput("checks-file", file, "Set either `checks` or `checks-file`, not both.");
  }
  return { inline: inline === null ? null : raw(source, "checks"), file };
}

function strategyOf(source: RawSource): StrategySettings {
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
  if ((version === null) === (ref === null)) {
    throw invalidInput(
      version === null ? "version" : "ref",
      version ?? ref ?? "",
      "Set exactly one of `version` and `ref`.",
    );
  }
  if (ref !== null) validateRefComponent(ref, "ref", "name");
  const onFailure = raw(source, "on-failure").trim();
  if (onFailure !== "rollback" && onFailure !== "none") {
    throw invalidInput("on-failure", onFailure, "Expected `rollback` or `none`.");
  }
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");
  return {
    ...strategyOf(source),
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    repository: repositoryOf(source),
    environment: environmentOf(source, true)!,
    version: version === null ? null : version.replace(new RegExp(`^${escapeRegExp(tagPrefix)}`), ""),
    ref,
    checks: checksOf(source),
    environmentUrl: optional(raw(source, "environment-url")),
    onFailure,
    rollbackWorkflow: workflowFileOf(source, "rollback-workflow") ?? "rollback.yml",
    correlationId: correlationIdOf(source, CORRELATION_ID_MAX - ROLLBACK_SUFFIX.length),
    ledgerFile: optional(raw(source, "ledger-file")),
  };
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
  };
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
    toVersion: toVersion === null ? null : toVersion.replace(new RegExp(`^${escapeRegExp(tagPrefix)}`), ""),
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

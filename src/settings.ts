/**
 * One schema for every setting: the action reads it from inputs, the CLI from flags of the same
 * name (`tag-prefix` / `--tag-prefix`). Validation happens here, once, so commands receive typed,
 * checked values and never see raw strings.
 */

import semver from "semver";
import { parseBranchMap } from "./core/next-version.ts";
import { parseReleaseRules } from "./core/rules.ts";
import { validateRefComponent } from "./core/tags.ts";
import type { ReleaseRule } from "./core/types.ts";
import { invalidInput } from "./errors.ts";

export const COMMANDS = ["version", "release"] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface OptionSpec {
  name: string;
  description: string;
  /** The default as the input string; undefined means empty (not set). */
  default?: string;
  /** A default that only exists in a workflow, such as `${{ github.token }}` (action.yml only). */
  actionDefault?: string;
  /** Commands that read the option. */
  commands: readonly CommandName[];
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
    description: "The job to run: `version` or `release`.",
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
    commands: ["release"],
    actionOnly: true,
  },
  {
    name: "repository",
    description:
      "The repository to release in, `owner/name`. In the action: the workflow's repository. In the CLI: set it (with GITHUB_TOKEN in the environment) to release on GitHub instead of tagging locally.",
    actionDefault: "${{ github.repository }}",
    commands: ["release"],
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
];

/** Reads one raw value; undefined or empty means "not set". */
export type RawSource = (name: string) => string | undefined;

export interface VersionSettings {
  workingDirectory: string;
  tagPrefix: string;
  releaseRules: ReleaseRule[];
  initialVersion: string;
  majorZeroBreaking: "minor" | "major";
  prerelease: string | null;
  prereleaseBranches: Map<string, string>;
  buildMetadata: string | null;
  fetchHistory: boolean;
}

export function optionsFor(command: CommandName): OptionSpec[] {
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
  const repository = optional(raw(source, "repository"));
  const parsedRepo = repository === null ? null : REPOSITORY.exec(repository);
  if (repository !== null && parsedRepo === null) {
    throw invalidInput("repository", repository, "Expected `owner/name`, such as `octo/app`.");
  }
  const floatingTags = raw(source, "floating-tags").trim();
  if (floatingTags !== "none" && floatingTags !== "major" && floatingTags !== "major-minor") {
    throw invalidInput("floating-tags", floatingTags, "Expected `none`, `major` or `major-minor`.");
  }
  return {
    ...readVersionSettings(source),
    repository: parsedRepo === null ? null : { owner: parsedRepo[1]!, repo: parsedRepo[2]! },
    dryRun: parseBoolean("dry-run", raw(source, "dry-run")),
    floatingTags,
    push: parseBoolean("push", raw(source, "push")),
    notesFile: optional(raw(source, "notes-file")),
  };
}

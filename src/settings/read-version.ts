/** The settings of `version` and `release`: how the next version is computed, and how it is tagged. */
import semver from "semver";
import { parseBranchMap } from "../core/next-version.ts";
import { parseReleaseRules } from "../core/rules.ts";
import { validateRefComponent } from "../core/tags.ts";
import { type ReleaseRule, SQUASH_BULLETS, type SquashBullets } from "../core/types.ts";
import { invalidInput } from "../errors.ts";
import { repositoryOf } from "./names.ts";
import { type NotifySettings, notifyOf } from "./read-notify.ts";
import { optional, parseBoolean, type RawSource, raw } from "./values.ts";

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
  /** Branch globs on which a release stays on the line of its last tag (Git Flow's hotfix/release). */
  maintenanceBranches: string[];
  /** The packages of a monorepo, from the settings file; null when none are configured. */
  packages: PackageSettings[] | null;
}

/**
 * One package of a monorepo, from `packages` in the settings file: every version option has the
 * top-level value unless the package sets its own.
 */
export interface PackageSettings {
  /** Relative to the repository root, `/`-separated, no leading `./` or trailing `/`; `.` is the root package. */
  path: string;
  /** Its name in titles and outputs: the path's last segment (`api`); null for `.` (the repository's name). */
  component: string | null;
  tagPrefix: string;
  /** Globs relative to the repository root, outside the folder, that belong to the package too. */
  extraPaths: string[];
  /** Globs relative to the repository root, inside the folder, that do not count. */
  excludePaths: string[];
  releaseRules: ReleaseRule[];
  squashBullets: SquashBullets;
  initialVersion: string;
  majorZeroBreaking: "minor" | "major";
  /** The package's own prerelease identifier; null: the top-level one (or prerelease-branches). */
  prerelease: string | null;
  buildMetadata: string | null;
}

function isSquashBullets(value: string): value is SquashBullets {
  return (SQUASH_BULLETS as readonly string[]).includes(value);
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
    maintenanceBranches: raw(source, "maintenance-branches")
      .split(/[,\n]/)
      .map((g) => g.trim())
      .filter((g) => g !== ""),
    packages: null,
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
  notify: NotifySettings;
}

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
    notify: notifyOf(source, false),
  };
}

/** The settings of `version` and `release`: how the next version is computed, and how it is tagged. */
import { parseBranchMap } from "../core/next-version.ts";
import { RELEASE_NOTIFY_ON } from "../core/notify/event.ts";
import { normalizePath } from "../core/packages.ts";
import type { ReleaseRule, SquashBullets } from "../core/types.ts";
import { invalidInput, shipguardError } from "../errors.ts";
import { repositoryOf } from "./names.ts";
import { type ReleaseFileSettings, type ReleaseFiles, releaseFilesOf, writesFiles } from "./read-files.ts";
import { type NotifySettings, notifyOf } from "./read-notify.ts";
import { type PackageSettings, packagesOf } from "./read-packages.ts";
import { optional, parseBoolean, type RawSource, raw } from "./values.ts";
import {
  buildMetadataOf,
  initialVersionOf,
  majorZeroBreakingOf,
  prereleaseOf,
  releaseRulesOf,
  squashBulletsOf,
  tagPrefixOf,
} from "./version-values.ts";

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
  /** A monorepo: a package's release releases the configured packages whose manifests depend on it. */
  bumpDependents: boolean;
}

export type { PackageSettings } from "./read-packages.ts";

export function readVersionSettings(source: RawSource): VersionSettings {
  const read = <T>(name: string, value: (text: string, input: string) => T): T =>
    value(raw(source, name), name);
  const top = {
    tagPrefix: read("tag-prefix", tagPrefixOf),
    releaseRules: read("release-rules", releaseRulesOf),
    squashBullets: read("squash-bullets", squashBulletsOf),
    initialVersion: read("initial-version", initialVersionOf),
    majorZeroBreaking: read("major-zero-breaking", majorZeroBreakingOf),
    buildMetadata: read("build-metadata", buildMetadataOf),
  };
  return {
    ...top,
    workingDirectory: raw(source, "working-directory"),
    prerelease: read("prerelease", prereleaseOf),
    prereleaseBranches: parseBranchMap(raw(source, "prerelease-branches")),
    fetchHistory: parseBoolean("fetch-history", raw(source, "fetch-history")),
    maintenanceBranches: raw(source, "maintenance-branches")
      .split(/[,\n]/)
      .map((g) => g.trim())
      .filter((g) => g !== ""),
    packages: packagesOf(source, top),
    bumpDependents: parseBoolean("bump-dependents", raw(source, "bump-dependents")),
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
  /** The package whose release may be marked latest; null: the root package `.`. */
  latestPackage: string | null;
  /** `direct`: tag the analysed commit; `pull-request`: propose the release as a pull request first. */
  releaseMode: ReleaseMode;
  /** The version files and changelogs a release writes: the repository's, or each package's. */
  files: ReleaseFileSettings;
}

export type ReleaseMode = "direct" | "pull-request";

export function readReleaseSettings(source: RawSource): ReleaseSettings {
  const floatingTags = raw(source, "floating-tags").trim();
  if (floatingTags !== "none" && floatingTags !== "major" && floatingTags !== "major-minor") {
    throw invalidInput("floating-tags", floatingTags, "Expected `none`, `major` or `major-minor`.");
  }
  const version = readVersionSettings(source);
  const repository = repositoryOf(source);
  const releaseMode = releaseModeOf(raw(source, "release-mode"), repository);
  const files = releaseFilesOf(source, version.packages);
  return {
    ...version,
    releaseMode,
    latestPackage: latestPackageOf(raw(source, "latest-package"), version.packages),
    files: releaseMode === "pull-request" ? withChangelog(files) : files,
    repository,
    dryRun: parseBoolean("dry-run", raw(source, "dry-run")),
    floatingTags,
    push: parseBoolean("push", raw(source, "push")),
    notesFile: optional(raw(source, "notes-file")),
    notify: notifyOf(source, false, "refuse", RELEASE_NOTIFY_ON),
  };
}

/** `latest-package`: a configured package's path, as written under `packages` (`./x/` is `x`). */
function latestPackageOf(value: string, packages: readonly PackageSettings[] | null): string | null {
  const given = value.trim();
  if (given === "") return null;
  if (packages === null) {
    throw invalidInput(
      "latest-package",
      value,
      "It names the package whose release may be marked latest, but no packages are configured: this repository has one release, and it may be latest.",
      "Drop latest-package, or list the packages under `packages` in the settings file (.github/shipguard.yml).",
    );
  }
  const path = normalizePath(given);
  if (packages.some((p) => p.path === path)) return path;
  throw invalidInput(
    "latest-package",
    value,
    `Expected the path of a configured package: ${packages.map((p) => `\`${p.path}\``).join(", ")}.`,
    "Give one of those paths, as written under `packages` in the settings file (relative to the repository root).",
  );
}

/** `release-mode`; a pull request needs GitHub, so without a repository (the local CLI) it is refused. */
function releaseModeOf(value: string, repository: { owner: string; repo: string } | null): ReleaseMode {
  const mode = value.trim();
  if (mode !== "direct" && mode !== "pull-request") {
    throw invalidInput("release-mode", value, "Expected `direct` or `pull-request`.");
  }
  if (mode === "pull-request" && repository === null) throw shipguardError("SG_RELEASE_PR_NEEDS_GITHUB", {});
  return mode;
}

/**
 * A release pull request must change a file (GitHub has none without a change), and its reviewer
 * reads the changelog: where neither version files nor a changelog are set, `CHANGELOG.md` (in the
 * package's folder, in a monorepo), as release-please always writes one.
 */
function withChangelog(files: ReleaseFileSettings): ReleaseFileSettings {
  const fill = (f: ReleaseFiles): ReleaseFiles =>
    writesFiles(f) ? f : { ...f, changelogFile: "CHANGELOG.md" };
  return { top: fill(files.top), packages: new Map([...files.packages].map(([path, f]) => [path, fill(f)])) };
}

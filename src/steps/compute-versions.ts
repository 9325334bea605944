/**
 * The next version of every package of a monorepo, from one read of history (README,
 * "Monorepos"). Each package's last tag is the highest stable SemVer tag with its prefix that is
 * reachable from HEAD, and its range is `last-tag..HEAD`. `git log` runs once for all packages,
 * with the files each commit changes (steps/package-history.ts); core/package-walk.ts decides in
 * that one walk which ranges each commit is in and which packages claim it, and each package's own
 * analyzer reads its commits (so a revert cancels its target only inside the same package's
 * range). Each package is then decided exactly as a single-package repository is
 * (steps/compute-version.ts).
 */
import path from "node:path";
import semver from "semver";
import type { RunContext } from "../context.ts";
import { parseVersionTag, selectBaseline } from "../core/tags.ts";
import type { DatedTagRef } from "../ports.ts";
import type { PackageSettings, VersionSettings } from "../settings.ts";
import {
  branchPrerelease,
  ensureHistory,
  type LineInput,
  openClone,
  repoUrlOf,
  type VersionPorts,
  type VersionResult,
  versionOfLine,
} from "./compute-version.ts";
import { applyDependents, type DecidedLine, readManifests } from "./dependents.ts";
import { exactPlan, firstPlan, type PackageLine, readPackages } from "./package-history.ts";

/** One package's result: everything a single-package result says, and which package it is. */
export interface PackageVersionResult extends VersionResult {
  path: string;
  /** Its name in titles and outputs: the path's last segment; for `.`, the repository's name. */
  component: string;
  tagPrefix: string;
}

export interface VersionsResult {
  /** In the order of the settings. */
  packages: PackageVersionResult[];
  /** The commit that was analysed: every release tags exactly this one. */
  sha: string;
  /** About the history as a whole (a Release-As whose scope names no package). */
  warnings: string[];
  /** Commits the read went through, all packages together. */
  commitsRead: number;
}

export interface VersionsOptions {
  /**
   * Decide as if the version tags on HEAD did not exist: for every package (true) or for the
   * packages at these paths. A re-run of `release` uses it to finish what an earlier run tagged.
   */
  ignoreTagsAtHead?: boolean | ReadonlySet<string>;
  /** Decide only the packages at these paths (every package still claims its files). */
  only?: readonly string[];
  /** Analyse this commit instead of HEAD, as if the tags on `ignoreTagsOn` did not exist (a release commit's parent). */
  at?: { commit: string; ignoreTagsOn: string };
}

export async function computeVersions(
  settings: VersionSettings,
  ports: VersionPorts,
  context: Pick<RunContext, "serverUrl" | "repository" | "branch">,
  options: VersionsOptions = {},
): Promise<VersionsResult> {
  const { git, logger } = ports;
  const packages = settings.packages;
  if (packages === null || packages.length === 0) throw new Error("computeVersions needs packages");
  const selected = packages
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => options.only === undefined || options.only.includes(p.path));
  const patterns = [...new Set(selected.map(({ p }) => `${p.tagPrefix}*`))];

  const clone = await openClone(settings, git, git.listTagsDated(patterns));
  const head = options.at?.commit ?? clone.head;
  const fetched = await ensureHistory(
    settings,
    { shallow: clone.shallow, anyTags: clone.tags.length > 0 },
    git,
    logger,
  );
  const tags = fetched ? await git.listTagsDated(patterns) : clone.tags;

  const name = context.repository?.repo ?? path.basename(clone.topLevel);
  const lines = selected.map(({ p, index }) => lineOf(index, p, p.component ?? name, tags, head, options));
  const routed = packages.map((p) => ({ ...p, component: p.component ?? name }));
  const plan = firstPlan(lines, head, new Map(tags.map((t) => [t.sha, t.date])));
  logger.debug(
    `Reading history once for ${lines.length} package(s), from ${plan.start ?? "the first commit"}.`,
  );
  let read = await readPackages(git, head, routed, lines, plan);
  if (!read.holds) {
    logger.debug("The read does not hold for every package: reading again from their last tags' merge base.");
    read = await readPackages(git, head, routed, lines, await exactPlan(lines, head, git, patterns));
  }
  // From the merge base of the tags git says HEAD reaches, the read holds by construction.
  if (!read.holds) throw new Error("the read from the merge base of the last tags did not hold");
  for (const w of read.warnings) logger.warning(w);

  // The branch, asked of git once for all packages when a setting needs it.
  const needsBranch = settings.maintenanceBranches.length > 0 || settings.prereleaseBranches.size > 0;
  const where = {
    context: { branch: context.branch ?? (needsBranch ? await git.currentBranch() : null) },
    git,
  };
  const fromBranch = lines.some((l) => (l.settings.prerelease ?? settings.prerelease) === null)
    ? await branchPrerelease(settings, where.context, git)
    : null;
  const decided: DecidedLine<PackageVersionResult>[] = [];
  for (const line of lines) {
    const prerelease = line.settings.prerelease ?? settings.prerelease ?? fromBranch;
    const reached = read.reached.get(line.index)!;
    const baseline = selectBaseline(line.tags, reached, line.settings.tagPrefix, (m) => logger.debug(m));
    const input: LineInput = {
      analysis: read.analyzers.get(line.index)!.finish(),
      baseline,
      tags: line.tags,
      allTags: line.allTags,
      head,
      settings: { ...line.settings, maintenanceBranches: settings.maintenanceBranches },
      prerelease,
      where,
      repoUrl: repoUrlOf(context),
      now: ports.now ?? (() => new Date()),
      warn: (w) => logger.warning(`${line.settings.path}: ${w}`),
    };
    const result = await versionOfLine(input);
    const path = line.settings.path;
    decided.push({
      path,
      input,
      result: { ...result, path, component: line.component, tagPrefix: line.settings.tagPrefix },
    });
  }
  // Dependents need every package's decision: a run that decides only some leaves them out.
  const results =
    settings.bumpDependents && options.only === undefined
      ? await applyDependents(decided, () =>
          readManifests(
            git,
            head,
            packages.map((p) => p.path),
          ),
        )
      : decided.map((d) => d.result);
  return { packages: results, sha: head, warnings: read.warnings, commitsRead: read.commitsRead };
}

function lineOf(
  index: number,
  settings: PackageSettings,
  component: string,
  tags: readonly DatedTagRef[],
  head: string,
  options: VersionsOptions,
): PackageLine {
  const prefix = settings.tagPrefix;
  const allTags = tags.filter((t) => t.name.startsWith(prefix)).map((t) => ({ name: t.name, sha: t.sha }));
  const ignore = options.ignoreTagsAtHead;
  const ignored = ignore === true || (ignore instanceof Set && ignore.has(settings.path));
  const own = allTags.filter((t) => !(ignored && t.sha === head) && t.sha !== options.at?.ignoreTagsOn);
  const versions = own
    .map((tag) => ({ tag, parsed: parseVersionTag(tag.name, prefix) }))
    .filter((v) => v.parsed !== null)
    .map((v) => ({ tag: v.tag, version: v.parsed!.version, prerelease: v.parsed!.prerelease }))
    .sort((a, b) => semver.rcompare(a.version, b.version) || (a.tag.name < b.tag.name ? 1 : -1));
  const stable = versions
    .filter((v) => !v.prerelease)
    .map((v) => v.tag)
    .reverse();
  return { index, settings, component, tags: own, allTags, versions, stable };
}

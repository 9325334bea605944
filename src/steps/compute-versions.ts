/**
 * The next version of every package of a monorepo, from one read of history (README,
 * "Monorepos"). Each package's last tag is the highest stable SemVer tag with its prefix that is
 * reachable from HEAD, and its range is `last-tag..HEAD`. `git log` runs once, from the oldest of
 * those tags, with the files each commit changes; core/package-walk.ts decides in that one walk
 * which ranges each commit is in and which packages claim it, and each package's own analyzer reads
 * its commits (so a revert cancels its target only inside the same package's range). Each package
 * is then decided exactly as a single-package repository is (steps/compute-version.ts).
 *
 * The read starts from the tag whose commit is the oldest, and the walk itself proves that this
 * tag is an ancestor of every other last tag. When it is not (tags on diverged lines, a last tag
 * that is not reachable), the tags reachable from HEAD are listed and the read starts again from
 * their merge base: two reads, only then.
 */
import path from "node:path";
import semver from "semver";
import type { RunContext } from "../context.ts";
import { HistoryAnalyzer } from "../core/analysis.ts";
import { PackageRouter, packageBit } from "../core/package-walk.ts";
import { parseVersionTag, selectBaseline } from "../core/tags.ts";
import type { DatedTagRef, Git, TagRef } from "../ports.ts";
import type { PackageSettings, VersionSettings } from "../settings.ts";
import {
  branchPrerelease,
  ensureHistory,
  openClone,
  repoUrlOf,
  type VersionPorts,
  type VersionResult,
  versionOfLine,
} from "./compute-version.ts";

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
}

/** A package being decided: its settings, its version tags and where its range starts. */
interface Line {
  index: number;
  settings: PackageSettings;
  component: string;
  tags: TagRef[];
  allTags: TagRef[];
  /** Its tags, parsed, highest first. */
  versions: { tag: TagRef; version: string }[];
  /** Its last stable tag, as far as is known; null: none, the whole history. */
  base: TagRef | null;
}

interface ReadOutcome {
  analyzers: Map<number, HistoryAnalyzer>;
  /** Per package index: names of its tags found reachable. */
  reached: Map<number, Set<string>>;
  warnings: string[];
  commitsRead: number;
  /** Whether every base was found where the read assumed it. */
  proven: boolean;
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
  const head = clone.head;
  const fetched = await ensureHistory(
    settings,
    { shallow: clone.shallow, anyTags: clone.tags.length > 0 },
    git,
    logger,
  );
  const tags = fetched ? await git.listTagsDated(patterns) : clone.tags;
  const dates = new Map(tags.map((t) => [t.sha, t.date]));

  const name = context.repository?.repo ?? path.basename(clone.topLevel);
  const lines = selected.map(({ p, index }) => lineOf(index, p, p.component ?? name, tags, head, options));
  const routed = packages.map((p) => ({ ...p, component: p.component ?? name }));
  const start = startOf(lines, dates);
  logger.debug(`Reading history once for ${lines.length} package(s), from ${start ?? "the first commit"}.`);
  let read = await readOnce(git, head, routed, lines, start);
  if (!read.proven) {
    logger.debug("The last tags are not all on one line from the oldest: reading from their merge base.");
    const reachable = new Set((await git.listReachableTags(head, patterns)).map((t) => t.name));
    for (const line of lines) line.base = highestStable(line, (t) => reachable.has(t.name));
    const bases = lines.map((l) => l.base);
    const again = bases.every((b) => b !== null)
      ? await git.mergeBase([...new Set(bases.map((b) => b!.sha))])
      : null;
    read = await readOnce(git, head, routed, lines, again);
  }
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
  const results: PackageVersionResult[] = [];
  for (const line of lines) {
    const prerelease = line.settings.prerelease ?? settings.prerelease ?? fromBranch;
    const reached = read.reached.get(line.index)!;
    reached.add(head);
    if (line.base !== null) reached.add(line.base.sha);
    const baseline = selectBaseline(line.tags, reached, line.settings.tagPrefix, (m) => logger.debug(m));
    const result = await versionOfLine({
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
    });
    results.push({
      ...result,
      path: line.settings.path,
      component: line.component,
      tagPrefix: line.settings.tagPrefix,
    });
  }
  return { packages: results, sha: head, warnings: read.warnings, commitsRead: read.commitsRead };
}

function lineOf(
  index: number,
  settings: PackageSettings,
  component: string,
  tags: readonly DatedTagRef[],
  head: string,
  options: VersionsOptions,
): Line {
  const prefix = settings.tagPrefix;
  const allTags = tags.filter((t) => t.name.startsWith(prefix)).map((t) => ({ name: t.name, sha: t.sha }));
  const ignore = options.ignoreTagsAtHead;
  const ignored = ignore === true || (ignore instanceof Set && ignore.has(settings.path));
  const own = ignored ? allTags.filter((t) => t.sha !== head) : allTags;
  const versions = own
    .map((tag) => ({ tag, parsed: parseVersionTag(tag.name, prefix) }))
    .filter((v) => v.parsed !== null)
    .map((v) => ({ tag: v.tag, version: v.parsed!.version }))
    .sort((a, b) => semver.rcompare(a.version, b.version));
  const line: Line = { index, settings, component, tags: own, allTags, versions, base: null };
  line.base = highestStable(line, () => true);
  return line;
}

function highestStable(line: Line, usable: (tag: TagRef) => boolean): TagRef | null {
  const found = line.versions.find((v) => semver.prerelease(v.version) === null && usable(v.tag));
  return found?.tag ?? null;
}

/** Where the read starts: the oldest base, or the whole history when a package has none. */
function startOf(lines: readonly Line[], dates: ReadonlyMap<string, number>): string | null {
  let oldest: TagRef | null = null;
  for (const { base } of lines) {
    if (base === null) return null;
    if (oldest === null || (dates.get(base.sha) ?? 0) < (dates.get(oldest.sha) ?? 0)) oldest = base;
  }
  return oldest?.sha ?? null;
}

/**
 * One `git log` from `start` (excluded) to HEAD, routed to the packages. Proven when every base is
 * `start` or was met on the way, and `start` is an ancestor of every base: then no package's range
 * reaches below `start`, and the walk saw every commit of every range.
 */
async function readOnce(
  git: Git,
  head: string,
  packages: readonly (PackageSettings & { component: string })[],
  lines: readonly Line[],
  start: string | null,
): Promise<ReadOutcome> {
  const analyzers = new Map<number, HistoryAnalyzer>();
  const reached = new Map<number, Set<string>>();
  const bases = new Map<string, bigint>();
  /** Tags above a package's base, by commit: reachable when their commit is in the range. */
  const above = new Map<string, { index: number; name: string }[]>();
  for (const line of lines) {
    const { index, settings } = line;
    analyzers.set(index, new HistoryAnalyzer(settings.releaseRules, settings.squashBullets));
    reached.set(index, new Set());
    const bit = packageBit(index);
    const base = line.base;
    if (base !== null) bases.set(base.sha, (bases.get(base.sha) ?? 0n) | bit);
    const floor = base === null ? null : line.versions.find((v) => v.tag === base)!.version;
    for (const v of line.versions) {
      if (floor !== null && !semver.gt(v.version, floor)) continue;
      const list = above.get(v.tag.sha);
      if (list === undefined) above.set(v.tag.sha, [{ index, name: v.tag.name }]);
      else list.push({ index, name: v.tag.name });
    }
  }
  const warnings: string[] = [];
  const router = new PackageRouter(
    packages,
    bases,
    (index, commit) => analyzers.get(index)?.add(commit),
    (w) => warnings.push(w),
    [...analyzers.keys()],
  );
  let met = 0n;
  let commitsRead = 0;
  await git.streamChanges(head, start, (commit) => {
    commitsRead++;
    const set = router.add(commit);
    const base = bases.get(commit.sha);
    if (base !== undefined) met |= base;
    const tagged = above.get(commit.sha);
    if (tagged !== undefined) {
      for (const t of tagged) if ((set & packageBit(t.index)) === 0n) reached.get(t.index)!.add(t.name);
    }
  });
  // Every base must be `start` or met on the way, and `start` reachable and below every base: then
  // the walk saw every commit of every range.
  const all = [...bases.values()].reduce((a, b) => a | b, 0n);
  if (start === null) return { analyzers, reached, warnings, commitsRead, proven: met === all };
  met |= bases.get(start) ?? 0n;
  const below = start === head ? (bases.get(start) ?? 0n) : router.handedTo(start);
  const proven = met === all && below !== null && (below & all) === all;
  return { analyzers, reached, warnings, commitsRead, proven };
}

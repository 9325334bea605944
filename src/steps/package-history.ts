/**
 * The one read of history for every package of a monorepo (steps/compute-versions.ts uses it):
 * which commits to read, one `git log` routed through core/package-walk.ts into each package's own
 * analyzer, and each package's last tag as the read found it.
 *
 * The read starts from the oldest (by date) of the packages' highest stable tags, and takes in
 * HEAD and every stable tag of every package: a tag HEAD does not reach shows up in the walk as
 * such, so a package whose highest tag lies on an abandoned branch or a maintenance line gets the
 * next one down, in the same read. The read holds when its start is reachable and below every
 * package's last tag, and no guess of the walk was wrong (see core/package-walk.ts); otherwise the
 * tags HEAD reaches are listed and the read runs again from their merge base, where it always holds.
 */
import semver from "semver";
import { HistoryAnalyzer } from "../core/analysis.ts";
import { PackageRouter, type RankedTag, type RoutedPackage, type Standing } from "../core/package-walk.ts";
import type { Git, TagRef } from "../ports.ts";
import type { PackageSettings } from "../settings.ts";

/** A package being decided: its settings and its version tags. */
export interface PackageLine {
  index: number;
  settings: PackageSettings;
  component: string;
  /** Its version tags as the decision sees them (without those on HEAD when they are ignored). */
  tags: TagRef[];
  /** Every tag with its prefix. */
  allTags: TagRef[];
  /** Its version tags, parsed, highest first. */
  versions: { tag: TagRef; version: string }[];
  /** Its stable tags, lowest first: a tag's rank is its place here. */
  stable: TagRef[];
}

/** What to read: from which commits, without which, and which tags the walk ranks. */
export interface ReadPlan {
  tips: string[];
  start: string | null;
  ranked: Map<string, RankedTag[]>;
}

export interface PackagesRead {
  analyzers: Map<number, HistoryAnalyzer>;
  /** The read holds for every package: its start lies below each one's last tag, and no guess of the walk was wrong. */
  holds: boolean;
  /** Per package index: the names and commits of its tags found reachable, as the baseline wants them. */
  reached: Map<number, Set<string>>;
  warnings: string[];
  commitsRead: number;
}

function rank(ranked: Map<string, RankedTag[]>, sha: string, entry: RankedTag): void {
  const list = ranked.get(sha);
  if (list === undefined) ranked.set(sha, [entry]);
  else list.push(entry);
}

/** The first read: every stable tag ranked, from the oldest of the highest ones. */
export function firstPlan(
  lines: readonly PackageLine[],
  head: string,
  dates: ReadonlyMap<string, number>,
): ReadPlan {
  const ranked = new Map<string, RankedTag[]>();
  const tips = new Set([head]);
  let start: TagRef | null = null;
  let everyLineTagged = true;
  for (const line of lines) {
    line.stable.forEach((tag, r) => {
      rank(ranked, tag.sha, { index: line.index, rank: r });
      tips.add(tag.sha);
    });
    const top = line.stable.at(-1);
    if (top === undefined) everyLineTagged = false;
    else if (start === null || (dates.get(top.sha) ?? 0) < (dates.get(start.sha) ?? 0)) start = top;
  }
  return { tips: [...tips], start: everyLineTagged ? (start?.sha ?? null) : null, ranked };
}

/** The read that always holds: each package's last tag from git, from their merge base. */
export async function exactPlan(
  lines: readonly PackageLine[],
  head: string,
  git: Git,
  patterns: string[],
): Promise<ReadPlan> {
  const reachable = new Set((await git.listReachableTags(head, patterns)).map((t) => t.name));
  const ranked = new Map<string, RankedTag[]>();
  const bases: string[] = [];
  let everyLineTagged = true;
  for (const line of lines) {
    const r = line.stable.findLastIndex((t) => reachable.has(t.name));
    if (r === -1) {
      everyLineTagged = false;
      continue;
    }
    rank(ranked, line.stable[r]!.sha, { index: line.index, rank: r });
    bases.push(line.stable[r]!.sha);
  }
  const start = everyLineTagged && bases.length > 0 ? await git.mergeBase([...new Set(bases)]) : null;
  return { tips: [head], start, ranked };
}

/** One `git log`, routed to every package's analyzer; then each package's last tag, if the read holds. */
export async function readPackages(
  git: Git,
  head: string,
  packages: readonly RoutedPackage[],
  lines: readonly PackageLine[],
  plan: ReadPlan,
): Promise<PackagesRead> {
  const analyzers = new Map(
    lines.map((l) => [l.index, new HistoryAnalyzer(l.settings.releaseRules, l.settings.squashBullets)]),
  );
  /** The commits of the packages' version tags, and how each stood when it arrived. */
  const tagged = new Set(lines.flatMap((l) => l.versions.map((v) => v.tag.sha)));
  const arrived = new Map<string, Standing>();
  const warnings: string[] = [];
  const router = new PackageRouter(
    packages,
    { tags: plan.ranked, head },
    (index, commit) => analyzers.get(index)?.add(commit),
    (w) => warnings.push(w),
    lines.map((l) => l.index),
  );
  let commitsRead = 0;
  await git.streamChanges(plan.tips, plan.start, (commit) => {
    const standing = router.add(commit);
    if (standing.reachable) commitsRead++;
    if (tagged.has(commit.sha)) arrived.set(commit.sha, standing);
  });
  const start = plan.start;
  const atStart: Standing | null = start === null || start === head ? null : router.handedTo(start);
  const holds = start === null || start === head || atStart?.reachable === true;
  const reached = new Map<number, Set<string>>();
  let proven = holds;
  for (const line of lines) {
    const found = lastTag(line, plan, arrived, router, atStart);
    if (found === null) proven = false;
    reached.set(
      line.index,
      reachedTags(line, found?.tag ? { tag: found.tag, rank: found.rank } : null, arrived, head),
    );
  }
  return { analyzers, holds: proven, reached, warnings, commitsRead };
}

/**
 * The package's last tag as the read found it: the highest ranked tag that arrived reachable, or
 * that did not arrive because it is the start (below the start, it lies outside the read). Null
 * when the read does not hold for this package.
 */
function lastTag(
  line: PackageLine,
  plan: ReadPlan,
  arrived: ReadonlyMap<string, Standing>,
  router: PackageRouter,
  atStart: Standing | null,
): { tag: TagRef | null; rank: number } | null {
  const { index } = line;
  for (let r = line.stable.length - 1; r >= 0; r--) {
    const tag = line.stable[r]!;
    if (!plan.ranked.get(tag.sha)?.some((t) => t.index === index && t.rank === r)) continue;
    const standing = arrived.get(tag.sha);
    if (standing !== undefined && !standing.reachable) continue;
    if (router.guessedBelow(index) < r) return null;
    if (standing === undefined) return tag.sha === plan.start ? { tag, rank: r } : null;
    // The start must lie below the last tag, or the range reaches past what was read.
    if (plan.start !== null && plan.start !== tag.sha && (atStart === null || atStart.below[index]! < r))
      return null;
    return { tag, rank: r };
  }
  // No tag: the range is the whole history, which only a read without a start has seen.
  return plan.start === null && router.guessedBelow(index) === Number.POSITIVE_INFINITY
    ? { tag: null, rank: -1 }
    : null;
}

/**
 * The tags the baseline counts as reachable: HEAD's, the last tag's, and those above it whose
 * commit is in the range (a prerelease since the last stable release), as the single-package read
 * counts them.
 */
function reachedTags(
  line: PackageLine,
  base: { tag: TagRef; rank: number } | null,
  arrived: ReadonlyMap<string, Standing>,
  head: string,
): Set<string> {
  const reached = new Set([head]);
  if (base !== null) reached.add(base.tag.sha);
  const floor = base === null ? null : line.versions.find((v) => v.tag === base.tag)!.version;
  for (const v of line.versions) {
    if (floor !== null && !semver.gt(v.version, floor)) continue;
    const standing = arrived.get(v.tag.sha);
    if (standing === undefined || !standing.reachable) continue;
    if (base === null || standing.below[line.index]! < base.rank) reached.add(v.tag.name);
  }
  return reached;
}

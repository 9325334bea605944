/**
 * Plans the replay of a real monorepo's releases: the order of the release points (by date; a
 * package's releases on one day keep their order), the synthetic commits placed before each point
 * (each listed commit once, before the first release that lists it, changing a file in every
 * package that lists it), and for each release whether its listed commits explain its version by
 * release-please's rule. Only explained releases are compared with shipguard; the others are
 * counted by reason.
 */
import semver from "semver";
import type { ListedCommit, ProjectFacts, ProjectOptions, ReleaseFact } from "./facts.ts";

export const SKIPS = {
  baseline: "the package's first release here: the starting point",
  notAbove: "a version not above the package's last release",
  depsOnly: "only workspace dependency updates (node-workspace plugin)",
  noCommits: "no commit listed",
  relisted: "only commits an earlier release of the package listed",
  kindConflict: "a commit two packages list with different kinds",
  order: "a shared commit the linear replay cannot keep in this range",
  patchForMinor: "bump-patch-for-minor-pre-major (shipguard has no such option)",
  missing: "releases missing from the changelog (its comparison starts elsewhere)",
  jump: "a version the listed commits do not explain",
} as const;
export type SkipKey = keyof typeof SKIPS;

export type Verdict =
  | { kind: "compare"; by: "commits" | "release-as" }
  | { kind: "skip"; reason: SkipKey; expected: string | null };

export interface SyntheticCommit {
  sha: string;
  type: string;
  breaking: boolean;
  /** The version its `Release-As:` footer asks for. */
  releaseAs: string | null;
  /** The packages whose folders it changes: every package whose changelog lists it. */
  paths: string[];
}

export interface PlannedRelease {
  fact: ReleaseFact;
  /** The tag made at this point; null when the version is not above the package's last tag. */
  tag: string | null;
  previous: string | null;
  /** The listed commits no earlier release of the package listed. */
  newCommits: ListedCommit[];
  verdict: Verdict;
}

export interface ReplayPoint {
  date: string | null;
  /** Committed, in this order, just before this point. */
  commits: SyntheticCommit[];
  releases: PlannedRelease[];
}

export interface ReplayPlan {
  project: ProjectFacts;
  points: ReplayPoint[];
}

interface CommitInfo {
  commit: SyntheticCommit;
  kinds: Set<string>;
}

interface PackageState {
  tagPrefix: string;
  last: string | null;
  listed: Set<string>;
  /** Commits placed since the package's last tag that change its folder. */
  touched: Set<string>;
}

export function planReplay(project: ProjectFacts): ReplayPlan {
  const commits = commitInfo(project);
  const states = new Map<string, PackageState>(
    project.packages.map((pkg) => [
      pkg.path,
      { tagPrefix: pkg.tagPrefix, last: null, listed: new Set(), touched: new Set() },
    ]),
  );
  const placed = new Set<string>();
  const points = releasePoints(project).map((facts) => {
    const point: ReplayPoint = { date: facts[0]!.date, commits: [], releases: [] };
    for (const fact of facts) {
      for (const listed of fact.commits) {
        if (placed.has(listed.sha)) continue;
        placed.add(listed.sha);
        const info = commits.get(listed.sha)!;
        point.commits.push(info.commit);
        for (const path of info.commit.paths) states.get(path)!.touched.add(listed.sha);
      }
    }
    for (const fact of facts)
      point.releases.push(planRelease(fact, states.get(fact.path)!, commits, project));
    return point;
  });
  return { project, points };
}

/** Every release, grouped into points: by date, then the n-th release of each package that day. */
function releasePoints(project: ProjectFacts): ReleaseFact[][] {
  const groups = new Map<string, ReleaseFact[]>();
  for (const pkg of project.packages) {
    const seen = new Map<string, number>();
    for (const fact of pkg.releases) {
      const day = fact.date ?? "";
      const round = seen.get(day) ?? 0;
      seen.set(day, round + 1);
      const key = `${day}#${String(round).padStart(4, "0")}`;
      groups.set(key, [...(groups.get(key) ?? []), fact]);
    }
  }
  return [...groups.keys()].sort().map((key) => groups.get(key)!);
}

function commitInfo(project: ProjectFacts): Map<string, CommitInfo> {
  const out = new Map<string, CommitInfo>();
  for (const pkg of project.packages) {
    for (const fact of pkg.releases) {
      for (const listed of fact.commits) {
        let info = out.get(listed.sha);
        if (info === undefined) {
          const commit = { ...listed, releaseAs: listed.releaseAs ? fact.version : null, paths: [] };
          info = { commit, kinds: new Set() };
          out.set(listed.sha, info);
        }
        info.kinds.add(`${listed.type}${listed.breaking ? "!" : ""}`);
        if (!info.commit.paths.includes(pkg.path)) info.commit.paths.push(pkg.path);
      }
    }
  }
  return out;
}

function planRelease(
  fact: ReleaseFact,
  state: PackageState,
  commits: Map<string, CommitInfo>,
  project: ProjectFacts,
): PlannedRelease {
  // A commit listed twice in one section (two scopes of one squash) counts once.
  const newCommits = [...new Map(fact.commits.map((c) => [c.sha, c])).values()].filter(
    (c) => !state.listed.has(c.sha),
  );
  const previous = state.last;
  const verdict = judge(fact, previous, newCommits, state, commits, project.options);
  const tag =
    previous === null || semver.gt(fact.version, previous) ? `${state.tagPrefix}${fact.version}` : null;
  for (const c of fact.commits) state.listed.add(c.sha);
  if (tag !== null) {
    state.last = fact.version;
    state.touched.clear();
  }
  return { fact, tag, previous, newCommits, verdict };
}

function judge(
  fact: ReleaseFact,
  previous: string | null,
  newCommits: ListedCommit[],
  state: PackageState,
  commits: Map<string, CommitInfo>,
  options: ProjectOptions,
): Verdict {
  const skip = (reason: SkipKey, expected: string | null = null): Verdict => ({
    kind: "skip",
    reason,
    expected,
  });
  if (previous === null) return skip("baseline");
  if (!semver.gt(fact.version, previous)) return skip("notAbove");
  if (fact.commits.length === 0) return skip(fact.deps ? "depsOnly" : "noCommits");
  if (newCommits.length === 0) return skip("relisted");
  if (newCommits.some((c) => commits.get(c.sha)!.kinds.size > 1)) return skip("kindConflict");
  const shas = new Set(newCommits.map((c) => c.sha));
  if (shas.size !== state.touched.size || [...shas].some((sha) => !state.touched.has(sha)))
    return skip("order");
  const asked = newCommits.find((c) => c.releaseAs);
  if (asked !== undefined) return { kind: "compare", by: "release-as" };
  const expected = releasePleaseVersion(previous, newCommits, options);
  if (expected !== fact.version) {
    return skip(fact.from !== null && fact.from !== previous ? "missing" : "jump", expected);
  }
  const plain = releasePleaseVersion(previous, newCommits, { ...options, bumpPatchForMinorPreMajor: false });
  if (plain !== expected) return skip("patchForMinor", expected);
  return { kind: "compare", by: "commits" };
}

/**
 * release-please's default versioning: a breaking change is a major (a minor before 1.0.0 with
 * bump-minor-pre-major), a feature a minor (a patch before 1.0.0 with
 * bump-patch-for-minor-pre-major), and any other Conventional Commit a patch.
 */
export function releasePleaseVersion(
  previous: string,
  commits: readonly Pick<ListedCommit, "type" | "breaking">[],
  options: ProjectOptions,
): string {
  const preMajor = semver.major(previous) === 0;
  let bump: "major" | "minor" | "patch" = "patch";
  if (commits.some((c) => c.breaking)) bump = preMajor && options.bumpMinorPreMajor ? "minor" : "major";
  else if (commits.some((c) => c.type === "feat"))
    bump = preMajor && options.bumpPatchForMinorPreMajor ? "patch" : "minor";
  return semver.inc(previous, bump)!;
}

/** The synthetic message of a commit: its kind, its SHA as the description, its Release-As. */
export function commitMessage(commit: SyntheticCommit): string {
  const header = `${commit.type}${commit.breaking ? "!" : ""}: change ${commit.sha}`;
  return commit.releaseAs === null ? `${header}\n` : `${header}\n\nRelease-As: ${commit.releaseAs}\n`;
}

/**
 * The project's release-please settings as `.github/shipguard.yml`: the tag prefixes and
 * exclude-paths per package, the pre-major option, and release rules that give every type
 * release-please releases at least a patch (`*=patch`: feat stays a minor, fix and perf patches).
 */
export function shipguardSettings(project: ProjectFacts): string {
  const lines = [
    `# release-please's settings of ${project.source}, translated for the replay.`,
    "fetch-history: false",
    `major-zero-breaking: ${project.options.bumpMinorPreMajor ? "minor" : "major"}`,
    `release-rules: "*=patch"`,
    "packages:",
  ];
  for (const pkg of project.packages) {
    lines.push(`  ${JSON.stringify(pkg.path)}:`, `    tag-prefix: ${JSON.stringify(pkg.tagPrefix)}`);
    if (pkg.excludePaths.length > 0) {
      lines.push("    exclude-paths:", ...pkg.excludePaths.map((glob) => `      - ${JSON.stringify(glob)}`));
    }
  }
  return `${lines.join("\n")}\n`;
}

export interface ReplayCounts {
  releases: number;
  compared: number;
  byReleaseAs: number;
  skipped: Partial<Record<SkipKey, number>>;
}

export function countVerdicts(plan: ReplayPlan): ReplayCounts {
  const counts: ReplayCounts = { releases: 0, compared: 0, byReleaseAs: 0, skipped: {} };
  for (const release of plan.points.flatMap((point) => point.releases)) {
    counts.releases++;
    const verdict = release.verdict;
    if (verdict.kind === "compare") {
      counts.compared++;
      if (verdict.by === "release-as") counts.byReleaseAs++;
    } else {
      counts.skipped[verdict.reason] = (counts.skipped[verdict.reason] ?? 0) + 1;
    }
  }
  return counts;
}

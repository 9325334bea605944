/**
 * The next version: one bump from the last stable tag, the pre-1.0 rule, the first release,
 * Release-As, prereleases, build metadata, and the guarantee that the answer is never at or below
 * an existing tag of its line (same major.minor). The line is major.minor, not major, so a
 * maintenance branch can release 1.4.3 after 1.5.0 exists, while a rewritten history can never
 * release 1.1.0 again when a 1.1.0 tag sits on a commit HEAD no longer reaches.
 *
 * The analysis should cover the commits since the last stable tag (lastStable..HEAD, or the whole
 * history when there is none): the bump then covers everything since that release, which is what a
 * stable release after prereleases needs, and a prerelease's base is the stable bump of that tag.
 * When HEAD already carries the prerelease tag this computes the next number anyway (the commits
 * that made rc.1 still call for a release): the caller, which knows the tag's commit, says "nothing
 * new" instead.
 */
import semver from "semver";
import { invalidInput } from "../errors.ts";
import { listEntries } from "./rules.ts";
import { versionProblem } from "./semver-text.ts";
import { validateRefComponent } from "./tags.ts";
import type { Baseline, Bump, HistoryAnalysis, VersionTag } from "./types.ts";

export interface DecideSettings {
  /** The first version when no stable tag is reachable ("1.0.0" by default). */
  initialVersion: string;
  /** What a breaking change bumps while the major version is 0. */
  majorZeroBreaking: "minor" | "major";
  /** A prerelease identifier such as "rc", or null for a stable release. */
  prerelease: string | null;
  /** Appended as `+<value>` to version and tag, or null. */
  buildMetadata: string | null;
}

export interface DecideInput {
  analysis: HistoryAnalysis;
  baseline: Baseline;
  settings: DecideSettings;
  tagPrefix: string;
}

export interface VersionDecision {
  /** The next version without prefix (build metadata included), or null when no release is needed. */
  version: string | null;
  tag: string | null;
  /** The last stable version, or for a prerelease the last version of any kind, reachable from HEAD. */
  previousVersion: string | null;
  previousTag: string | null;
  /** The bump applied (after the pre-1.0 rule; for Release-As, the distance from the previous version). */
  bump: Bump;
  releaseNeeded: boolean;
  prerelease: boolean;
  warnings: string[];
  /** One sentence: the decision and the commit that decided it. */
  reason: string;
}

const PRERELEASE_ID = /^[0-9A-Za-z-]+$/;
const BUILD_METADATA = /^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*$/;
const PLAIN_VERSION = /^\d[0-9A-Za-z.+-]*$/;

export function decideVersion(input: DecideInput): VersionDecision {
  const { analysis, baseline, settings, tagPrefix } = input;
  const initialVersion = checkInitialVersion(settings.initialVersion);
  const id = checkPrereleaseId(settings.prerelease);
  const build = checkBuildMetadata(settings.buildMetadata);
  const warnings = [...analysis.warnings];
  const tags = new TagIndex(baseline.versions);

  const previous = id === null ? baseline.lastStable : baseline.lastAny;
  const previousVersion = previous?.version ?? null;
  const previousTag = previous?.name ?? null;
  const lastStable = baseline.lastStable?.version ?? null;

  let bump = analysis.bump;
  const zeroMajor = bump === "major" && lastStable !== null && semver.major(lastStable) === 0;
  if (zeroMajor && settings.majorZeroBreaking === "minor") bump = "minor";

  const asked = releaseAs(analysis.releaseAs, { id, previous, previousVersion, tags, warnings });
  let candidate: string | null = asked?.version ?? null;
  let reason = asked?.reason ?? "";
  const reportedBump: Bump = asked?.bump ?? bump;

  if (candidate === null && bump !== "none") {
    let base = lastStable === null ? initialVersion : semver.inc(lastStable, bump)!;
    let computed: string;
    if (id === null) {
      computed = base;
    } else {
      // Continuing a prerelease line (1.3.0-rc.2 after a fix) keeps its base, as long as it is higher.
      const lastAny = baseline.lastAny;
      if (lastAny?.prerelease) {
        const core = coreOf(lastAny.version);
        if (semver.gt(core, base)) base = core;
      }
      computed = `${base}-${id}.${tags.nextNumber(base, id)}`;
    }
    const moved = moveAbove(computed, bump, id, previous, tags);
    candidate = moved.version;
    if (moved.blocker !== null) {
      const where = moved.blocker.reachable ? "" : " (not reachable from HEAD)";
      warnings.push(
        `${computed} would not be above the existing tag ${moved.blocker.name}${where}, so the version moves past it to ${candidate}.`,
      );
    }
    reason = bumpReason(analysis, bump, zeroMajor, previous, lastStable, candidate, initialVersion);
  }

  if (candidate === null) {
    return {
      version: null,
      tag: null,
      previousVersion,
      previousTag,
      bump: "none",
      releaseNeeded: false,
      prerelease: false,
      warnings,
      reason: noReleaseReason(analysis, previousTag),
    };
  }

  const metadata = buildMetadataOf(build, asked, warnings);
  const version = metadata === null ? candidate : `${candidate}+${metadata}`;
  const tag = `${tagPrefix}${version}`;
  validateRefComponent(tag, "tag-prefix", "name");
  return {
    version,
    tag,
    previousVersion,
    previousTag,
    bump: reportedBump,
    releaseNeeded: true,
    prerelease: semver.prerelease(candidate) !== null,
    warnings,
    reason,
  };
}

/** The version a `Release-As:` footer asks for, when it is valid and above what exists; else a warning. */
function releaseAs(
  requested: HistoryAnalysis["releaseAs"],
  context: {
    id: string | null;
    previous: VersionTag | null;
    previousVersion: string | null;
    tags: TagIndex;
    warnings: string[];
  },
): { version: string; bump: Bump; reason: string; build: string | null } | null {
  if (requested === null) return null;
  const { id, previous, previousVersion, tags, warnings } = context;
  const value = requested.value.replace(/^[vV]/, "");
  const parsed = PLAIN_VERSION.test(value) ? semver.parse(value) : null;
  if (parsed === null) {
    warnings.push(
      `Release-As: ${requested.value} in commit ${short(requested.sha)} ${versionProblem(value)}; it was ignored.`,
    );
    return null;
  }
  let proposal = parsed.version;
  if (id !== null && parsed.prerelease.length === 0)
    proposal = `${proposal}-${id}.${tags.nextNumber(proposal, id)}`;
  const blocker = blockerOf(proposal, previous, tags);
  if (blocker !== null) {
    const what = blocker === previous ? "the previous version" : "an existing tag of that line";
    warnings.push(
      `Release-As: ${requested.value} in commit ${short(requested.sha)} was ignored: ${proposal} is not above ${blocker.name} (${what}).`,
    );
    return null;
  }
  return {
    version: proposal,
    build: parsed.build.length > 0 ? parsed.build.join(".") : null,
    bump: distance(previousVersion ?? "0.0.0", proposal),
    reason: `Commit ${short(requested.sha)} asks for Release-As: ${requested.value}, so the ${previous === null ? "first version" : `version after ${previous.version}`} is ${proposal}.`,
  };
}

/** The version tags, parsed once, with the lookups the decision needs. */
class TagIndex {
  private readonly parsed: { tag: VersionTag; version: semver.SemVer }[] = [];

  constructor(versions: readonly VersionTag[]) {
    for (const tag of versions) {
      const version = semver.parse(tag.version);
      if (version !== null) this.parsed.push({ tag, version });
    }
  }

  /** 1 + the highest N of the tags `<base>-<id>.N`, reachable or not. */
  nextNumber(base: string, id: string): number {
    let highest = 0;
    for (const { version } of this.parsed) {
      const pre = version.prerelease;
      if (pre.length !== 2 || pre[0] !== id || typeof pre[1] !== "number") continue;
      if (`${version.major}.${version.minor}.${version.patch}` === base && pre[1] > highest) highest = pre[1];
    }
    return highest + 1;
  }

  /** The highest tag that is an ancestor of HEAD, prereleases included. */
  highestReachable(): VersionTag | null {
    let best: { tag: VersionTag; version: semver.SemVer } | null = null;
    for (const entry of this.parsed) {
      if (!entry.tag.reachable) continue;
      if (best === null || entry.version.compare(best.version) > 0) best = entry;
    }
    return best?.tag ?? null;
  }

  /** The highest tag of the line major.minor. */
  highestOfLine(major: number, minor: number): VersionTag | null {
    let best: { tag: VersionTag; version: semver.SemVer } | null = null;
    for (const entry of this.parsed) {
      if (entry.version.major !== major || entry.version.minor !== minor) continue;
      if (best === null || entry.version.compare(best.version) > 0) best = entry;
    }
    return best?.tag ?? null;
  }
}

/**
 * The tag that a version must be above but is not: the previous version, any tag HEAD already
 * contains (a reachable prerelease included: versions only grow along history), or the top of its
 * line.
 */
function blockerOf(version: string, previous: VersionTag | null, tags: TagIndex): VersionTag | null {
  if (previous !== null && !semver.gt(version, previous.version)) return previous;
  const reached = tags.highestReachable();
  if (reached !== null && !semver.gt(version, reached.version)) return reached;
  const top = tags.highestOfLine(semver.major(version), semver.minor(version));
  if (top !== null && !semver.gt(version, top.version)) return top;
  return null;
}

/**
 * Moves a computed version past the tags it would collide with or fall below, keeping the kind of
 * bump the commits called for. Each step strictly raises the version, so the loop ends.
 */
function moveAbove(
  computed: string,
  bump: Bump,
  id: string | null,
  previous: VersionTag | null,
  tags: TagIndex,
): { version: string; blocker: VersionTag | null } {
  const kind = bump === "none" ? "patch" : bump;
  let version = computed;
  let first: VersionTag | null = null;
  for (
    let blocker = blockerOf(version, previous, tags);
    blocker !== null;
    blocker = blockerOf(version, previous, tags)
  ) {
    first ??= blocker;
    if (id === null) {
      version = semver.inc(blocker.version, kind)!;
    } else {
      const base = coreOf(version);
      const blockerCore = coreOf(blocker.version);
      const nextBase =
        blocker.prerelease && semver.gt(blockerCore, base)
          ? blockerCore
          : semver.inc(semver.gt(blockerCore, base) ? blockerCore : base, kind)!;
      version = `${nextBase}-${id}.${tags.nextNumber(nextBase, id)}`;
    }
  }
  return { version, blocker: first };
}

function bumpReason(
  analysis: HistoryAnalysis,
  bump: Bump,
  zeroMajor: boolean,
  previous: VersionTag | null,
  lastStable: string | null,
  version: string,
  initialVersion: string,
): string {
  const deciding = analysis.decidingCommit;
  const why =
    deciding === null
      ? `The commits call for a ${bump} release`
      : `${deciding.reason} (commit ${short(deciding.sha)})`;
  const zero = zeroMajor
    ? bump === "minor"
      ? "; while the major version is 0 that bumps the minor"
      : "; major-zero-breaking is major"
    : "";
  if (lastStable === null) {
    const first = version === initialVersion ? ` (initial-version)` : "";
    return `${why}${zero} and no stable version tag is reachable from HEAD, so the first version is ${version}${first}.`;
  }
  return `${why}${zero}, so the version after ${previous?.version ?? lastStable} is ${version}.`;
}

function noReleaseReason(analysis: HistoryAnalysis, previousTag: string | null): string {
  const since = previousTag === null ? "in the history" : `since ${previousTag}`;
  const read = analysis.commitsRead === 1 ? "1 commit read" : `${analysis.commitsRead} commits read`;
  return `No commit ${since} calls for a release under the rules in use (${read}).`;
}

/** The bump that goes from one version to another, for a version set outright by Release-As. */
function distance(from: string, to: string): Bump {
  const diff = semver.diff(from, to);
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  return diff === null ? "none" : "patch";
}

function coreOf(version: string): string {
  const parsed = semver.parse(version)!;
  return `${parsed.major}.${parsed.minor}.${parsed.patch}`;
}

/** build-metadata wins; a Release-As that carries its own is used when none is set, and never dropped unsaid. */
function buildMetadataOf(
  setting: string | null,
  asked: { build: string | null } | null,
  warnings: string[],
): string | null {
  const requested = asked?.build ?? null;
  if (requested !== null && setting !== null && requested !== setting) {
    warnings.push(
      `Release-As carries build metadata +${requested}, but build-metadata is set to ${setting}: the version gets +${setting}.`,
    );
  }
  return setting ?? requested;
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

function checkInitialVersion(value: string): string {
  const trimmed = value.trim();
  const parsed = PLAIN_VERSION.test(trimmed) ? semver.parse(trimmed) : null;
  if (parsed === null || parsed.build.length > 0) {
    const why = parsed === null ? versionProblem(trimmed) : "carries build metadata";
    throw invalidInput(
      "initial-version",
      value,
      `It ${why}. Expected a version such as \`1.0.0\` or \`0.1.0\`.`,
    );
  }
  return parsed.version;
}

function checkPrereleaseId(value: string | null): string | null {
  if (value === null) return null;
  if (!PRERELEASE_ID.test(value) || /^\d+$/.test(value)) {
    throw invalidInput(
      "prerelease",
      value,
      "Expected an identifier of letters, digits and `-`, such as `rc` or `beta`.",
    );
  }
  return value;
}

function checkBuildMetadata(value: string | null): string | null {
  if (value === null) return null;
  if (!BUILD_METADATA.test(value)) {
    throw invalidInput(
      "build-metadata",
      value,
      "Expected dot-separated identifiers of letters, digits and `-`, such as `build.42` or `sha.abc1234`.",
    );
  }
  return value;
}

/**
 * Reads `prerelease-branches` (`next=rc, beta=beta`): entries separated by commas or newlines,
 * `#` starts a comment. Returns branch name -> prerelease identifier.
 */
export function parseBranchMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const { entry, line } of listEntries(text)) {
    const eq = entry.indexOf("=");
    const branch = eq === -1 ? "" : entry.slice(0, eq).trim();
    const id = eq === -1 ? "" : entry.slice(eq + 1).trim();
    const where = `On line ${line}`;
    if (branch === "" || /\s/.test(branch) || id === "") {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, expected branch=identifier entries separated by commas or newlines, such as \`next=rc, beta=beta\`.`,
      );
    }
    if (!PRERELEASE_ID.test(id) || /^\d+$/.test(id)) {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, "${id}" is not a prerelease identifier: use letters, digits and \`-\`, such as \`rc\` or \`beta\`.`,
      );
    }
    const known = map.get(branch);
    if (known !== undefined && known !== id) {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, branch ${branch} is already mapped to ${known}.`,
      );
    }
    map.set(branch, id);
  }
  return map;
}

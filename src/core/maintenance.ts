/**
 * Maintenance lines: on a branch that `maintenance-branches` lists (Git Flow's `hotfix/*` and
 * `release/*`, or `1.x`, `1.2.x`), a release stays on the line of its last tag instead of jumping
 * past versions that other branches released.
 *
 * - A glob matches the whole branch name: `*` and `?` stay within one `/`-separated segment, `**`
 *   crosses them (as in a workflow's `branches:` filter), so `hotfix/*` matches `hotfix/login` but
 *   not `hotfix/a/b`.
 * - The base is the last stable tag reachable from HEAD. The line ends at the lowest existing tag
 *   above the base that HEAD does not reach (any branch, prereleases too): tags HEAD reaches are
 *   this line's own history (a `1.2.5-rc.1` made here does not stop `1.2.5`).
 * - A branch whose name, or its last segment, is `N.N.x` (or `vN.N.x`) allows patches of N.N only,
 *   and `N.x` minors and patches of N only; its base must be on that line. A name such as
 *   `release/1.2` fixes no line by itself (Git Flow prepares 1.3.0 on `release/1.3`): the tags do.
 * - Versions are compared by major.minor.patch: a prerelease on a line is fine below the limit
 *   (`1.2.5-rc.1`), and `1.3.0-rc.1` is refused where `v1.3.0` exists, as a prerelease of a version
 *   that exists or belongs to another branch.
 * - A release that would reach the limit is refused with SG_MAINTENANCE_LINE, naming the tag (or
 *   the line's end) and a remedy that works; it never jumps silently.
 */
import semver from "semver";
import { type ShipguardError, shipguardError } from "../errors.ts";
import { globToRegExp } from "./globs.ts";
import { printable } from "./printable.ts";
import type { Bump } from "./types.ts";

/** What asked for the proposed version: the commits' bump, or a `Release-As:` footer. */
export type ProposalCause =
  | { kind: "bump"; bump: Exclude<Bump, "none">; sha: string | null }
  | { kind: "release-as"; value: string; sha: string };

export interface MaintenanceInput {
  /** The branch HEAD is on; null (a detached HEAD the run names no branch for) is no maintenance branch. */
  branch: string | null;
  /** `maintenance-branches`. */
  globs: readonly string[];
  /** The last stable tag reachable from HEAD, which the next version is bumped from, or null. */
  base: { name: string; version: string } | null;
  /** Every version tag of the prefix, from any branch, with whether HEAD reaches it. */
  existing: readonly { name: string; version: string; reachable: boolean }[];
  /** The version the rules give, or null when nothing is to be released. */
  proposed: { version: string; cause: ProposalCause } | null;
}

export interface MaintenanceLine {
  branch: string;
  /** The entry of maintenance-branches that matched. */
  glob: string;
  /** The line the branch name fixes, or null when it fixes none. */
  named: { major: number; minor: number | null } | null;
  /** The lowest version the line may not reach, and the tag that sets it (null: the named line's end); null: no limit. */
  limit: { version: string; tag: string | null } | null;
  /** For people: `1.2.x`, `1.x`, `>1.2.4 <1.2.7`, `>1.2.4`. */
  label: string;
}

export interface MaintenanceVerdict {
  /** null: not a maintenance branch, the release is decided as everywhere else. */
  line: MaintenanceLine | null;
  /** The SG_MAINTENANCE_LINE error to throw, or null when the proposed version may be released. */
  refusal: ShipguardError | null;
}

/** The glob of maintenance-branches that names this branch, or null. */
export function maintenanceGlob(branch: string | null, globs: readonly string[]): string | null {
  if (branch === null || branch === "") return null;
  return globs.find((glob) => globToRegExp(glob).test(branch)) ?? null;
}

/** `1.2.x`, `v1.x` or `release/1.2.x`: the line a branch's name (or its last segment) fixes. */
export function namedLine(branch: string): { major: number; minor: number | null } | null {
  const last = branch.slice(branch.lastIndexOf("/") + 1);
  const m = /^v?(0|[1-9]\d{0,8})\.(?:(0|[1-9]\d{0,8})\.)?x$/.exec(last);
  if (m === null) return null;
  return { major: Number(m[1]), minor: m[2] === undefined ? null : Number(m[2]) };
}

export function checkMaintenanceLine(input: MaintenanceInput): MaintenanceVerdict {
  const glob = maintenanceGlob(input.branch, input.globs);
  if (glob === null || input.branch === null) return { line: null, refusal: null };
  const branch = input.branch;
  const named = namedLine(branch);
  const base = input.base === null ? null : semver.parse(input.base.version);
  const limit = lowerOf(nextTagAbove(input), named === null ? null : endOf(named));
  const line: MaintenanceLine = { branch, glob, named, limit, label: labelOf(base, named, limit) };
  const proposed = input.proposed;
  if (proposed === null) return { line, refusal: null };

  const facts = { branch: printable(branch), glob, line: line.label, base: input.base?.name ?? null };
  if (named !== null && (base === null || !onLine(base, named))) {
    const nearest = highestOn(named, input.existing);
    return {
      line,
      refusal: shipguardError("SG_MAINTENANCE_LINE", {
        ...facts,
        problem: { kind: "off-line", nearest: nearest?.name ?? null },
      }),
    };
  }
  if (limit === null || compareCore(proposed.version, limit.version) < 0) return { line, refusal: null };
  const patch = base === null ? null : semver.inc(base, "patch");
  // A `Release-As:` of the next patch is a remedy only where the rules would accept it: below the
  // limit, and above every existing tag of its major.minor (core/next-version.ts ignores it otherwise).
  const patchFits =
    patch !== null &&
    compareCore(patch, limit.version) < 0 &&
    input.existing.every((t) => !sameMinor(t.version, patch) || semver.lt(t.version, patch));
  return {
    line,
    refusal: shipguardError("SG_MAINTENANCE_LINE", {
      ...facts,
      problem: {
        kind: "reaches",
        limit,
        cause: proposed.cause,
        target: targetOf(proposed, base, limit),
        patch: patchFits ? patch : null,
      },
    }),
  };
}

/** The lowest tag above the base that HEAD does not reach: where another branch's versions start. */
function nextTagAbove(input: MaintenanceInput): { version: string; tag: string | null } | null {
  let best: { version: string; tag: string } | null = null;
  for (const t of input.existing) {
    if (t.reachable) continue;
    if (input.base !== null && !semver.gt(t.version, input.base.version)) continue;
    if (best === null || semver.lt(t.version, best.version)) best = { version: t.version, tag: t.name };
  }
  return best;
}

/** The first version past a named line: 1.3.0 for `1.2.x`, 2.0.0 for `1.x`. */
function endOf(named: { major: number; minor: number | null }): { version: string; tag: null } {
  const version = named.minor === null ? `${named.major + 1}.0.0` : `${named.major}.${named.minor + 1}.0`;
  return { version, tag: null };
}

/** The stricter limit; on equal major.minor.patch the tag, which names a real collision. */
function lowerOf<T extends { version: string; tag: string | null }>(a: T | null, b: T | null): T | null {
  if (a === null) return b;
  if (b === null) return a;
  const order = compareCore(a.version, b.version);
  if (order !== 0) return order < 0 ? a : b;
  return a.tag !== null ? a : b;
}

function onLine(version: semver.SemVer, named: { major: number; minor: number | null }): boolean {
  return version.major === named.major && (named.minor === null || version.minor === named.minor);
}

/** The highest existing tag of a named line, to branch from. */
function highestOn(
  named: { major: number; minor: number | null },
  existing: MaintenanceInput["existing"],
): { name: string } | null {
  let best: { name: string; version: string } | null = null;
  for (const t of existing) {
    const v = semver.parse(t.version);
    if (v === null || v.prerelease.length > 0 || !onLine(v, named)) continue;
    if (best === null || semver.gt(t.version, best.version)) best = t;
  }
  return best;
}

function labelOf(
  base: semver.SemVer | null,
  named: { major: number; minor: number | null } | null,
  limit: { version: string } | null,
): string {
  const end = limit === null ? null : semver.parse(limit.version);
  if (base !== null && end !== null && end.minor === 0 && end.patch === 0 && end.major === base.major + 1)
    return `${base.major}.x`;
  if (
    base !== null &&
    end !== null &&
    end.patch === 0 &&
    end.major === base.major &&
    end.minor === base.minor + 1
  )
    return `${base.major}.${base.minor}.x`;
  if (named !== null && (base === null || !onLine(base, named)))
    return named.minor === null ? `${named.major}.x` : `${named.major}.${named.minor}.x`;
  const below = end === null ? null : `<${end.major}.${end.minor}.${end.patch}`;
  if (base === null) return below ?? "any version";
  return below === null ? `>${base.version}` : `>${base.version} ${below}`;
}

/**
 * The version to name: the bump from the base as people expect it (1.3.0 for a feat after 1.2.4)
 * when that reaches the limit; otherwise (the rules moved past a tag of the line) the decided one.
 */
function targetOf(
  proposed: { version: string; cause: ProposalCause },
  base: semver.SemVer | null,
  limit: { version: string },
): string {
  const { cause } = proposed;
  if (cause.kind !== "bump" || base === null) return proposed.version;
  const natural = semver.inc(base, cause.bump);
  return natural !== null && compareCore(natural, limit.version) >= 0 ? natural : proposed.version;
}

function sameMinor(a: string, b: string): boolean {
  return semver.major(a) === semver.major(b) && semver.minor(a) === semver.minor(b);
}

/** Orders by major.minor.patch only: a prerelease counts as the version it leads to. */
function compareCore(a: string, b: string): number {
  const x = semver.parse(a);
  const y = semver.parse(b);
  if (x === null || y === null) return semver.compare(a, b);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

/**
 * The release pull request's words (README, "Release pull requests"): its branch, title, body and
 * the hidden marker that carries what it proposes, so the run on the merged commit releases exactly
 * that, whatever happened to the history in between (merge, squash or rebase). Pure: text in, text
 * out.
 */
import semver from "semver";
import { parseVersionTag } from "./tags.ts";

export const PENDING_LABEL = "shipguard: pending";
export const RELEASED_LABEL = "shipguard: released";

/** GitHub refuses a pull request body over 65,536 characters; room is kept for the marker's frame. */
export const BODY_LIMIT = 65_536;

/** One package's release as the pull request proposes it. */
export interface ProposedRelease {
  /** The package's path (`.` for a single-package repository). */
  path: string;
  component: string;
  version: string;
  tag: string;
  previousTag: string | null;
  prerelease: boolean;
  notes: string;
}

export interface Proposal {
  /** The branch the pull request goes to. */
  base: string;
  releases: ProposedRelease[];
}

/** The branch the release commit lives on: one per base branch. */
export function releaseBranch(base: string): string {
  return `shipguard/release/${base}`;
}

/**
 * `chore(main): release 1.2.0` for one package (the root's, or the only one); a monorepo's title
 * names no version (`chore(main): release`) and its body lists the packages.
 */
export function proposalTitle(p: Proposal): string {
  const only = p.releases.length === 1 ? p.releases[0]! : null;
  return only !== null && only.path === "."
    ? `chore(${p.base}): release ${only.version}`
    : `chore(${p.base}): release`;
}

const MARKER_START = "<!-- shipguard:release ";
const MARKER_END = " -->";

/**
 * The hidden marker: the proposal as JSON inside an HTML comment. `<`, `>` and `&` are written as
 * JSON escapes, so no text from a commit can close the comment early.
 */
export function proposalMarker(p: Proposal): string {
  const json = JSON.stringify({ v: 1, ...p })
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
  return `${MARKER_START}${json}${MARKER_END}`;
}

/**
 * The proposal a body carries, or null when it carries none or one that does not hold together
 * (a person may edit the body: a version they change is taken, a malformed one is not).
 */
export function readProposal(body: string): Proposal | null {
  const start = body.lastIndexOf(MARKER_START);
  if (start < 0) return null;
  const end = body.indexOf(MARKER_END, start + MARKER_START.length);
  if (end < 0) return null;
  let data: unknown;
  try {
    data = JSON.parse(body.slice(start + MARKER_START.length, end));
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { v, base, releases } = data as Record<string, unknown>;
  if (v !== 1 || typeof base !== "string" || !Array.isArray(releases) || releases.length === 0) return null;
  const read = releases.map(releaseOf);
  if (read.some((r) => r === null)) return null;
  const paths = new Set(read.map((r) => r!.path));
  if (paths.size !== read.length) return null;
  return { base, releases: read as ProposedRelease[] };
}

function releaseOf(value: unknown): ProposedRelease | null {
  if (typeof value !== "object" || value === null) return null;
  const r = value as Record<string, unknown>;
  const strings = ["path", "component", "version", "tag", "notes"] as const;
  if (strings.some((k) => typeof r[k] !== "string")) return null;
  if (r.previousTag !== null && typeof r.previousTag !== "string") return null;
  const version = r.version as string;
  if (semver.valid(version) !== version || !(r.tag as string).endsWith(version)) return null;
  return {
    path: r.path as string,
    component: r.component as string,
    version,
    tag: r.tag as string,
    previousTag: (r.previousTag as string | null) ?? null,
    prerelease: semver.prerelease(version) !== null,
    notes: r.notes as string,
  };
}

/** Whether a proposed tag is `prefix` + its version: what the run on the merge checks before tagging. */
export function tagMatches(release: ProposedRelease, prefix: string): boolean {
  return parseVersionTag(release.tag, prefix)?.version === release.version;
}

const TRUNCATED =
  "\n\n_(shipguard shortened these notes to keep the pull request under GitHub's size limit; the release has them whole.)_\n";

/**
 * The body: what merging does, each package's notes (the root's alone when it is the only one),
 * then the marker. Notes are shortened, never the marker, so the body stays under GitHub's limit;
 * when the marker itself would not fit, its notes are shortened too.
 */
export function proposalBody(p: Proposal, limit = BODY_LIMIT): string {
  const fitted = fitMarker(p, limit);
  const marker = proposalMarker(fitted);
  const intro = introOf(p);
  const room = limit - marker.length - intro.length - 16;
  const sections = p.releases.map((r) => sectionOf(p, r));
  const total = sections.reduce((n, s) => n + s.length, 0);
  const each = total <= room ? Number.POSITIVE_INFINITY : Math.floor(room / sections.length);
  const shown = sections.map((s) =>
    s.length <= each ? s : `${cutAt(s, each - TRUNCATED.length)}${TRUNCATED}`,
  );
  return `${intro}${shown.join("\n")}\n${marker}\n`;
}

function introOf(p: Proposal): string {
  const list =
    p.releases.length === 1 && p.releases[0]!.path === "."
      ? ""
      : `${p.releases.map((r) => `- \`${r.path}\`: ${r.previousTag === null ? "first release" : `\`${r.previousTag}\``} → \`${r.tag}\``).join("\n")}\n\n`;
  return `:robot: shipguard release. Merging this pull request releases ${p.releases.length === 1 ? `\`${p.releases[0]!.tag}\`` : `${p.releases.length} packages`} on \`${p.base}\`: the tag${p.releases.length === 1 ? "" : "s"} and GitHub Release${p.releases.length === 1 ? "" : "s"} are made on the merged commit.\n\n${list}---\n\n`;
}

function sectionOf(p: Proposal, r: ProposedRelease): string {
  if (p.releases.length === 1 && r.path === ".") return `${r.notes.trimEnd()}\n`;
  return `<details${p.releases.length <= 10 ? " open" : ""}><summary>${escapeHtml(r.component)} ${r.version}</summary>\n\n${r.notes.trimEnd()}\n\n</details>\n`;
}

function fitMarker(p: Proposal, limit: number): Proposal {
  // The marker keeps at most half the body; each package's notes get an equal share of it.
  const half = Math.floor(limit / 2);
  if (proposalMarker(p).length <= half) return p;
  const frame = proposalMarker({ ...p, releases: p.releases.map((r) => ({ ...r, notes: "" })) }).length;
  const each = Math.max(0, Math.floor((half - frame) / p.releases.length / 2) - TRUNCATED.length);
  return {
    ...p,
    releases: p.releases.map((r) =>
      r.notes.length <= each ? r : { ...r, notes: `${cutAt(r.notes, each)}${TRUNCATED}` },
    ),
  };
}

/** Cuts at a line boundary when there is one in the second half, never inside a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (max <= 0) return "";
  let cut = text.slice(0, max);
  const line = cut.lastIndexOf("\n");
  if (line > max / 2) cut = cut.slice(0, line);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The comment left when the pull request is closed because nothing release-worthy is left. */
export function closingComment(base: string): string {
  return `shipguard closed this pull request: nothing on \`${base}\` calls for a release any more (the commits that did were reverted, or released another way). A new one opens when a commit calls for a release.`;
}

/** The comment left once the merged pull request's releases exist. */
export function releasedComment(done: { tag: string; url: string | null }[], sha: string): string {
  const list = done
    .map((d) => `- ${d.url === null ? `\`${d.tag}\`` : `[\`${d.tag}\`](${d.url})`}`)
    .join("\n");
  return `:rocket: shipguard released this on ${sha}:\n\n${list}\n`;
}

/** What `mergedProposals` reads of a pull request (PullRequestInfo's fields). */
export interface MergedPullFields {
  number: number;
  merged: boolean;
  mergeCommitSha: string | null;
  head: string;
  /** From another repository (a fork): never a release pull request, whatever its branch's name. */
  fromFork: boolean;
  base: string;
  body: string;
  labels: string[];
}

/**
 * Whether a pull request is the release pull request of `base` by where it comes from: this
 * repository's branch `shipguard/release/<base>`, to `base`. A fork's branch of that name is not.
 */
export function isReleaseBranchPull(
  pr: Pick<MergedPullFields, "head" | "fromFork" | "base">,
  base: string,
): boolean {
  return !pr.fromFork && pr.base === base && pr.head === releaseBranch(base);
}

/**
 * Merged pull requests to `base` from a fork whose branch is named like the release branch: what
 * `mergedProposals` refuses however they are labelled and whatever marker they carry, named in a
 * warning so a maintainer who merged one knows nothing was released from it.
 */
export function forkLookalikes<T extends MergedPullFields>(pulls: readonly T[], base: string): T[] {
  return pulls.filter(
    (pr) => pr.fromFork && pr.merged && pr.base === base && pr.head === releaseBranch(base),
  );
}

/**
 * The merged release pull requests of `base` (this repository's branch `shipguard/release/<base>`,
 * never a fork's; a valid marker for `base`) labelled `labels` (pending: not released yet), oldest first. One release pull request is
 * open per branch at a time, so their numbers are their merge order.
 */
export function mergedProposals<T extends MergedPullFields>(
  pulls: readonly T[],
  base: string,
  labels: readonly string[] = [PENDING_LABEL],
): { pr: T & { mergeCommitSha: string }; proposal: Proposal }[] {
  const out: { pr: T & { mergeCommitSha: string }; proposal: Proposal }[] = [];
  for (const pr of pulls) {
    if (!pr.merged || pr.mergeCommitSha === null) continue;
    if (!isReleaseBranchPull(pr, base)) continue;
    if (!labels.some((l) => pr.labels.includes(l))) continue;
    const proposal = readProposal(pr.body);
    if (proposal === null || proposal.base !== base) continue;
    if (out.some((o) => o.pr.number === pr.number)) continue;
    out.push({ pr: pr as T & { mergeCommitSha: string }, proposal });
  }
  return out.sort((a, b) => a.pr.number - b.pr.number);
}

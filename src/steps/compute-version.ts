/**
 * The next version, and why: the step `version` is and `release` starts with. Reads every commit since the last reachable tag of
 * the line from the local clone (never through an API), applies the rules in core/, and returns
 * one result that the entry points turn into outputs, a job summary or CLI text.
 */

import semver from "semver";
import type { RunContext } from "../context.ts";
import { HistoryAnalyzer } from "../core/analysis.ts";
import { decideVersion } from "../core/next-version.ts";
import { renderNotes } from "../core/release-notes.ts";
import { type Baseline, parseVersionTag, selectBaseline } from "../core/tags.ts";
import type { Bump, HistoryAnalysis } from "../core/types.ts";
import { shipguardError } from "../errors.ts";
import type { Git, Logger, TagRef } from "../ports.ts";
import type { VersionSettings } from "../settings.ts";
import { onMaintenanceLine } from "./maintenance-line.ts";

export interface VersionResult {
  /** Next version without prefix; null when no release is needed. */
  version: string | null;
  previousVersion: string | null;
  tag: string | null;
  previousTag: string | null;
  bump: Bump;
  releaseNeeded: boolean;
  prerelease: boolean;
  commitCount: number;
  notes: string;
  /** The commit that was analysed: a release must tag exactly this one. */
  sha: string;
  /** One sentence: the decision and which commit decided it. */
  reason: string;
  warnings: string[];
  analysis: HistoryAnalysis;
  /** Every version tag of the prefix, highest first (reachable or not). */
  existingVersions: { name: string; version: string; prerelease: boolean }[];
  /** Version tags of the prefix that point at HEAD. */
  tagsAtHead: string[];
  /** On a branch of maintenance-branches, the line the release stays on (`1.2.x`); else null. */
  maintenanceLine: string | null;
}

export interface VersionPorts {
  git: Git;
  logger: Logger;
  /** Today's date for the notes heading, injectable for tests. */
  now?: () => Date;
}

/** The remote a runner's checkout fetches from. */
export const REMOTE = "origin";

export interface VersionOptions {
  /**
   * Decide as if the version tags on HEAD did not exist: gives the version and notes that an
   * earlier run computed before it tagged HEAD, so a re-run can finish that release.
   */
  ignoreTagsAtHead?: boolean;
  /**
   * Analyse this commit instead of HEAD, as if the tags on `ignoreTagsOn` did not exist: a release
   * commit at HEAD is not analysed itself; its parent is, and its own tags are this release's.
   */
  at?: { commit: string; ignoreTagsOn: string };
}

export async function computeVersion(
  settings: VersionSettings,
  ports: VersionPorts,
  context: Pick<RunContext, "serverUrl" | "repository" | "branch">,
  options: VersionOptions = {},
): Promise<VersionResult> {
  const { git, logger } = ports;
  const clone = await openClone(settings, git, git.listTags(`${settings.tagPrefix}*`));
  const { shallow, tags: tagsBefore } = clone;
  const head = options.at?.commit ?? clone.head;
  const fetched = await ensureHistory(settings, { shallow, anyTags: tagsBefore.length > 0 }, git, logger);
  const allTags = fetched ? await git.listTags(`${settings.tagPrefix}*`) : tagsBefore;
  const ignored = new Set([options.ignoreTagsAtHead ? head : "", options.at?.ignoreTagsOn ?? ""]);
  const tags = allTags.filter((t) => !ignored.has(t.sha));
  const { reachable, analysis } = await readRange(tags, settings, head, git);
  const baseline = selectBaseline(tags, reachable, settings.tagPrefix, (m) => logger.debug(m));

  const prerelease = settings.prerelease ?? (await branchPrerelease(settings, context, git));
  return versionOfLine({
    analysis,
    baseline,
    tags,
    allTags,
    head,
    settings,
    prerelease,
    where: { context, git },
    repoUrl: repoUrlOf(context),
    now: ports.now ?? (() => new Date()),
    warn: (w) => logger.warning(w),
  });
}

/**
 * The clone (HEAD, its top folder, whether it is shallow) and its tags, read at once: each is a git
 * process, and start-up time counts. Outside a repository the tag read fails too; the repository
 * error is the one reported.
 */
export async function openClone<T>(
  settings: Pick<VersionSettings, "workingDirectory">,
  git: Git,
  tags: Promise<T>,
): Promise<{ head: string; topLevel: string; shallow: boolean; tags: T }> {
  const [inspected, tagsRead] = await Promise.allSettled([git.inspect(), tags]);
  if (inspected.status === "rejected") throw inspected.reason;
  const clone = inspected.value;
  if (clone === null) {
    throw shipguardError("SG_NOT_A_REPOSITORY", { directory: settings.workingDirectory });
  }
  if (clone.head === null) {
    throw shipguardError("SG_NO_COMMITS", { topLevel: clone.topLevel });
  }
  // Inside a repository, a failed tag read is a real failure.
  if (tagsRead.status === "rejected") throw tagsRead.reason;
  return { head: clone.head, topLevel: clone.topLevel, shallow: clone.shallow, tags: tagsRead.value };
}

/** What a line of tags (the repository's, or one package's) needs to be decided. */
export interface LineInput {
  /** Its range, analysed. */
  analysis: HistoryAnalysis;
  baseline: Baseline;
  /** The version tags the decision sees (without those on HEAD when they are ignored). */
  tags: TagRef[];
  /** Every version tag of the prefix. */
  allTags: TagRef[];
  head: string;
  settings: Pick<
    VersionSettings,
    "tagPrefix" | "initialVersion" | "majorZeroBreaking" | "buildMetadata" | "maintenanceBranches"
  >;
  prerelease: string | null;
  /** Where the maintenance line is looked up: the branch (git is asked only when it is not known). */
  where: { context: Pick<RunContext, "branch">; git: Pick<Git, "currentBranch"> };
  repoUrl: string | null;
  now: () => Date;
  /** Says each warning once, as it comes. */
  warn: (warning: string) => void;
}

/** The decision, the notes and the result of one line of tags, from its analysed range. */
export async function versionOfLine(input: LineInput): Promise<VersionResult> {
  const { analysis, baseline, tags, allTags, head, settings, prerelease, repoUrl } = input;
  const decision = decideVersion({
    analysis,
    baseline,
    settings: {
      initialVersion: settings.initialVersion,
      majorZeroBreaking: settings.majorZeroBreaking,
      prerelease,
      buildMetadata: settings.buildMetadata,
    },
    tagPrefix: settings.tagPrefix,
  });
  const line = await onMaintenanceLine(settings, input.where, { baseline, analysis, decision });

  let { version, tag, releaseNeeded, reason, warnings } = line;
  // A prerelease counts from the last stable tag, so the commits that made rc.1 still call for a
  // release; when HEAD already carries a tag of the same line there is nothing new to release.
  const alreadyTagged = version === null ? undefined : tagAtHead(tags, head, settings.tagPrefix, version);
  if (alreadyTagged !== undefined) {
    reason = `HEAD is already tagged ${alreadyTagged.name}: nothing new to release.`;
    version = null;
    tag = null;
    releaseNeeded = false;
  }

  const notes =
    version === null
      ? ""
      : renderNotes(analysis, {
          version,
          tag: tag ?? `${settings.tagPrefix}${version}`,
          previousTag: decision.previousTag,
          repoUrl,
          date: input.now(),
        });

  for (const w of warnings) input.warn(w);
  return {
    version,
    previousVersion: decision.previousVersion,
    tag,
    previousTag: decision.previousTag,
    bump: releaseNeeded ? decision.bump : "none",
    releaseNeeded,
    prerelease: version !== null && semver.prerelease(version) !== null,
    commitCount: analysis.commitCount,
    notes,
    sha: head,
    reason,
    warnings,
    analysis,
    existingVersions: baseline.versions.map((t) => ({
      name: t.name,
      version: t.version,
      prerelease: t.prerelease,
    })),
    tagsAtHead: allTags.filter((t) => t.sha === head).map((t) => t.name),
    maintenanceLine: line.maintenanceLine,
  };
}

/** The repository's web address for links in the notes; null outside GitHub. */
export function repoUrlOf(context: Pick<RunContext, "serverUrl" | "repository">): string | null {
  return context.serverUrl && context.repository
    ? `${context.serverUrl}/${context.repository.owner}/${context.repository.repo}`
    : null;
}

/** The identifier prerelease-branches maps the current branch to; git is asked only when needed. */
export async function branchPrerelease(
  settings: VersionSettings,
  context: Pick<RunContext, "branch">,
  git: Git,
): Promise<string | null> {
  if (settings.prereleaseBranches.size === 0) return null;
  const branch = context.branch ?? (await git.currentBranch());
  return branch === null ? null : (settings.prereleaseBranches.get(branch) ?? null);
}

/**
 * A shallow or tagless clone gives a silently wrong version: complete it first, or say how.
 * Returns whether anything was fetched (the tags must then be read again).
 */
export async function ensureHistory(
  settings: VersionSettings,
  clone: { shallow: boolean; anyTags: boolean },
  git: Git,
  logger: Logger,
): Promise<boolean> {
  const { shallow } = clone;
  // Asked only when it matters: an ordinary full clone with tags costs no extra process.
  const hasRemote = (shallow || (settings.fetchHistory && !clone.anyTags)) && (await git.hasRemote(REMOTE));
  if (shallow) {
    if (!settings.fetchHistory || !hasRemote) {
      throw shipguardError("SG_SHALLOW_CLONE", {
        remote: REMOTE,
        hasRemote,
        fetchHistory: settings.fetchHistory,
      });
    }
    logger.info(`The clone is shallow: fetching full history and tags from ${REMOTE}.`);
    try {
      await git.fetchHistoryAndTags(REMOTE, true);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw shipguardError("SG_DEEPEN_FAILED", { detail }, { cause: error });
    }
    return true;
  }
  if (settings.fetchHistory && hasRemote && !clone.anyTags) {
    // A checkout without tags looks like a first release; fetch them rather than guess.
    logger.info(`No version tags in the clone: fetching tags from ${REMOTE}.`);
    try {
      await git.fetchHistoryAndTags(REMOTE, false);
      return true;
    } catch (error) {
      logger.warning(
        `No tags in the clone and fetching them from ${REMOTE} failed (${error instanceof Error ? error.message : String(error)}). ` +
          "If the repository has release tags, check out with `fetch-depth: 0` so the version starts from them.",
      );
    }
  }
  return false;
}

/**
 * Finds the last reachable stable tag and reads every commit since it, in one walk on ordinary
 * histories. The highest stable tag is tried first and its reachability is read off the same
 * `git log --boundary` that streams the range (the tag is a boundary commit exactly when it is an
 * ancestor of HEAD), instead of a separate `merge-base --is-ancestor` walk over the same commits.
 * Only when it is not reachable (a rewritten branch, a maintenance line) are the next candidates
 * checked one by one. Tags above the base (prereleases) count as reachable when their commit was
 * in the range.
 */
async function readRange(
  tags: TagRef[],
  settings: VersionSettings,
  head: string,
  git: Git,
): Promise<{ reachable: Set<string>; analysis: HistoryAnalysis }> {
  const versions = tags
    .map((t) => ({ tag: t, parsed: parseVersionTag(t.name, settings.tagPrefix) }))
    .filter((v): v is { tag: TagRef; parsed: NonNullable<typeof v.parsed> } => v.parsed !== null)
    .sort((a, b) => semver.rcompare(a.parsed.version, b.parsed.version));
  const candidates: ((typeof versions)[number] | null)[] = versions.filter((v) => !v.parsed.prerelease);
  candidates.push(null); // no reachable stable tag: the whole history
  let fastPathTried = false;
  for (const candidate of candidates) {
    const base = candidate?.tag ?? null;
    if (base !== null && base.sha !== head && fastPathTried && !(await git.isAncestor(base.sha, head)))
      continue;
    const floor = candidate?.parsed.version ?? null;
    const above = new Set(
      versions.filter((v) => floor === null || semver.gt(v.parsed.version, floor)).map((v) => v.tag.sha),
    );
    const seen = new Set<string>();
    const newAnalyzer = () => new HistoryAnalyzer(settings.releaseRules, settings.squashBullets);
    let analyzer = newAnalyzer();
    let boundaryHit = base === null || base.sha === head;
    if (base === null || base.sha !== head) {
      await git.streamCommits(
        head,
        base?.sha ?? null,
        (commit) => {
          analyzer.add(commit);
          if (above.size > 0 && above.has(commit.sha)) seen.add(commit.sha);
        },
        (sha) => {
          if (sha === base?.sha) boundaryHit = true;
        },
        () => {
          analyzer = newAnalyzer();
          seen.clear();
          boundaryHit = false;
        },
      );
    }
    if (!boundaryHit && !fastPathTried) {
      // The highest stable tag is not an ancestor of HEAD: fall back to asking git per candidate.
      fastPathTried = true;
      continue;
    }
    fastPathTried = true;
    if (base !== null) seen.add(base.sha);
    seen.add(head);
    const reachable = new Set(tags.filter((t) => seen.has(t.sha)).map((t) => t.name));
    return { reachable, analysis: analyzer.finish() };
  }
  throw new Error("unreachable: the whole-history candidate always succeeds");
}

function tagAtHead(tags: TagRef[], head: string, prefix: string, version: string): TagRef | undefined {
  const wanted = semver.parse(version);
  if (wanted === null || wanted.prerelease.length === 0) return undefined;
  return tags.find((t) => {
    if (t.sha !== head) return false;
    const v = parseVersionTag(t.name, prefix);
    const parsed = v === null ? null : semver.parse(v.version);
    return (
      parsed !== null &&
      parsed.major === wanted.major &&
      parsed.minor === wanted.minor &&
      parsed.patch === wanted.patch &&
      String(parsed.prerelease[0]) === String(wanted.prerelease[0])
    );
  });
}

export type { Baseline };

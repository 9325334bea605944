/**
 * `version`: what is the next version, and why. Reads every commit since the last reachable tag of
 * the line from the local clone (never through an API), applies the rules in core/, and returns
 * one result that the entry points turn into outputs, a job summary or CLI text.
 */

import semver from "semver";
import { HistoryAnalyzer } from "../core/analysis.ts";
import { decideVersion } from "../core/next-version.ts";
import { renderNotes } from "../core/release-notes.ts";
import { type Baseline, parseVersionTag, selectBaseline } from "../core/tags.ts";
import type { Bump, HistoryAnalysis } from "../core/types.ts";
import { ShipguardError } from "../errors.ts";
import type { Git, Logger, TagRef } from "../ports.ts";
import type { VersionSettings } from "../settings.ts";

export interface RunContext {
  /** e.g. https://github.com; null outside GitHub. */
  serverUrl: string | null;
  /** owner/name; null outside GitHub. */
  repository: string | null;
  /** The branch the run is for (GITHUB_REF_NAME on a push), when the entry point knows it. */
  branch: string | null;
}

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
}

export interface VersionPorts {
  git: Git;
  logger: Logger;
  /** Today's date for the notes heading, injectable for tests. */
  now?: () => Date;
}

const REMOTE = "origin";

export interface VersionOptions {
  /**
   * Decide as if the version tags on HEAD did not exist: gives the version and notes that an
   * earlier run computed before it tagged HEAD, so a re-run can finish that release.
   */
  ignoreTagsAtHead?: boolean;
}

export async function runVersion(
  settings: VersionSettings,
  ports: VersionPorts,
  context: RunContext,
  options: VersionOptions = {},
): Promise<VersionResult> {
  const { git, logger } = ports;
  const top = await git.topLevel();
  if (top === null) {
    throw new ShipguardError(`${settings.workingDirectory} is not inside a git repository.`, {
      remedy:
        "Run in a clone of the repository (in a workflow: actions/checkout with `fetch-depth: 0` before this step), or set working-directory (`--cwd`) to one.",
      input: "working-directory",
      value: settings.workingDirectory,
    });
  }
  const head = await git.headSha();
  await ensureHistory(settings, git, logger);

  const allTags = await git.listTags(`${settings.tagPrefix}*`);
  const tags = options.ignoreTagsAtHead ? allTags.filter((t) => t.sha !== head) : allTags;
  const reachable = await reachableCandidates(tags, settings.tagPrefix, head, git);
  const baseline = selectBaseline(tags, reachable, settings.tagPrefix, (m) => logger.debug(m));

  const analyzer = new HistoryAnalyzer(settings.releaseRules);
  await git.streamCommits(head, baseline.lastStable?.sha ?? null, (commit) => analyzer.add(commit));
  const analysis = analyzer.finish();

  const branch = context.branch ?? (await git.currentBranch());
  const prerelease =
    settings.prerelease ?? (branch === null ? null : (settings.prereleaseBranches.get(branch) ?? null));

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

  let { version, tag, releaseNeeded, reason } = decision;
  const warnings = [...baseline.warnings, ...decision.warnings];
  // A prerelease counts from the last stable tag, so the commits that made rc.1 still call for a
  // release; when HEAD already carries a tag of the same line there is nothing new to release.
  const alreadyTagged = version === null ? undefined : tagAtHead(tags, head, settings.tagPrefix, version);
  if (alreadyTagged !== undefined) {
    reason = `HEAD is already tagged ${alreadyTagged.name}: nothing new to release.`;
    version = null;
    tag = null;
    releaseNeeded = false;
  }

  const repoUrl =
    context.serverUrl && context.repository ? `${context.serverUrl}/${context.repository}` : null;
  const notes =
    version === null
      ? ""
      : renderNotes(analysis, {
          version,
          tag: tag ?? `${settings.tagPrefix}${version}`,
          previousTag: decision.previousTag,
          repoUrl,
          date: (ports.now ?? (() => new Date()))(),
        });

  for (const w of warnings) logger.warning(w);
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
  };
}

/** A shallow or tagless clone gives a silently wrong version: complete it first, or say how. */
async function ensureHistory(settings: VersionSettings, git: Git, logger: Logger): Promise<void> {
  const shallow = await git.isShallow();
  const hasRemote = await git.hasRemote(REMOTE);
  if (shallow) {
    if (!settings.fetchHistory || !hasRemote) {
      throw new ShipguardError(
        `The clone is shallow${hasRemote ? "" : ` and has no \`${REMOTE}\` remote to deepen it from`}: its history and tags are incomplete, so the version would be wrong.`,
        {
          remedy:
            "Check out with full history: `actions/checkout` with `fetch-depth: 0` (or `git fetch --unshallow --tags`)" +
            (settings.fetchHistory ? "." : ", or leave fetch-history at `true` so shipguard deepens it."),
          input: "fetch-history",
          value: String(settings.fetchHistory),
        },
      );
    }
    logger.info(`The clone is shallow: fetching full history and tags from ${REMOTE}.`);
    try {
      await git.fetchHistoryAndTags(REMOTE, true);
    } catch (error) {
      throw new ShipguardError(
        `The clone is shallow and deepening it failed (${error instanceof Error ? error.message : String(error)}).`,
        {
          remedy:
            "Check out with full history: `actions/checkout` with `fetch-depth: 0`, and a token that can read the repository.",
          cause: error,
        },
      );
    }
    return;
  }
  if (settings.fetchHistory && hasRemote && (await git.listTags("*")).length === 0) {
    // A checkout without tags looks like a first release; fetch them rather than guess.
    logger.info(`No tags in the clone: fetching tags from ${REMOTE}.`);
    try {
      await git.fetchHistoryAndTags(REMOTE, false);
    } catch (error) {
      logger.warning(
        `No tags in the clone and fetching them from ${REMOTE} failed (${error instanceof Error ? error.message : String(error)}). ` +
          "If the repository has release tags, check out with `fetch-depth: 0` so the version starts from them.",
      );
    }
  }
}

/**
 * Which version tags are ancestors of HEAD. Walking the candidates from the highest down and
 * stopping at the first reachable stable one asks git once or twice on ordinary histories,
 * instead of once per tag.
 */
async function reachableCandidates(
  tags: TagRef[],
  prefix: string,
  head: string,
  git: Git,
): Promise<Set<string>> {
  const versions = tags
    .map((t) => ({ tag: t, parsed: parseVersionTag(t.name, prefix) }))
    .filter((v): v is { tag: TagRef; parsed: NonNullable<typeof v.parsed> } => v.parsed !== null)
    .sort((a, b) => semver.rcompare(a.parsed.version, b.parsed.version));
  const reachable = new Set<string>();
  const known = new Map<string, boolean>();
  for (const { tag, parsed } of versions) {
    let ok = known.get(tag.sha);
    if (ok === undefined) {
      ok = tag.sha === head || (await git.isAncestor(tag.sha, head));
      known.set(tag.sha, ok);
    }
    if (ok) {
      reachable.add(tag.name);
      if (!parsed.prerelease) break;
    }
  }
  return reachable;
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

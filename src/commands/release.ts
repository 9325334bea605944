/**
 * `release`: the version, then the tag on exactly the analysed commit, then the release (a draft
 * first, published last, so immutable releases work), then floating tags: steps/write-release.ts,
 * once for a single-package repository and once per released package of a monorepo, all in one
 * run on the one analysed commit. A re-run finishes what an earlier run left: a tag of this run's
 * version found at HEAD means that run decided it, so the version is decided again as if the tag
 * were not there, and its release is finished (nothing is written when it is complete).
 *
 * In a monorepo every package is tried, whatever happened to the others: a package whose write
 * failed part-way records what it did and why it stopped, the next package is still released, and
 * the step fails at the end naming the packages that are done and those that are not. A re-run
 * finds the finished ones complete and finishes the rest.
 */
import path from "node:path";
import type { RunContext } from "../context.ts";
import type { Proposal } from "../core/release-pr.ts";
import { isShipguardError, type Refusal, shipguardError } from "../errors.ts";
import type { Forge, Git, Logger, PullRequestInfo } from "../ports.ts";
import type { ReleaseSettings } from "../settings.ts";
import type { VersionResult } from "../steps/compute-version.ts";
import { computeVersion } from "../steps/compute-version.ts";
import {
  computeVersions,
  type PackageVersionResult,
  type VersionsResult,
} from "../steps/compute-versions.ts";
import {
  commitReleaseFiles,
  isReleaseCommitOf,
  type ReleaseFilesOutcome,
  releaseCommitCandidate,
} from "../steps/release-commit.ts";
import { releaseFileChanges, releaseFilesRequest, releaseWritesFiles } from "../steps/release-files.ts";
import {
  baseBranchOf,
  findMergedProposal,
  type KnownPackage,
  newReport,
  notProposed,
  type ProposalFiles,
  type PullRequestReport,
  propose,
  proposedVersions,
  settleMerged,
} from "../steps/release-pr.ts";
import { findMissedProposals, haveTags, releaseEachMissed } from "../steps/release-pr-missed.ts";
import { newReleaseResult, type ReleaseResult, writeRelease } from "../steps/write-release.ts";

export type { PullRequestReport, ReleaseResult };

export interface ReleasePorts {
  git: Git;
  forge: Forge;
  logger: Logger;
  now?: () => Date;
}

type Where = Pick<RunContext, "serverUrl" | "repository" | "branch">;

/** One package's release in a monorepo: a single release, and why it stopped when it failed. */
export interface PackageReleaseResult extends ReleaseResult<PackageVersionResult> {
  /** The failure that stopped this package's release part-way; null when it did not fail. */
  failure: Refusal | null;
}

export interface PackagesReleaseResult {
  /** Every package's decision, as it was released (a re-run's: as the earlier run decided it). */
  versions: VersionsResult;
  /** One per package, in the order of the settings. */
  releases: PackageReleaseResult[];
  dryRun: boolean;
  where: string;
  /** The release commit of version files and changelogs (or, in a dry run, its diff); null when none. */
  files: ReleaseFilesOutcome | null;
  /** What was done for all packages at once (the release commit), for the summary and the log. */
  steps: string[];
}

/**
 * What `release` did: one release, or one per package of a monorepo; in pull-request mode also what
 * happened to the release pull request (null in direct mode).
 */
export type ReleaseOutcome =
  | { kind: "single"; result: ReleaseResult; pullRequest: PullRequestReport | null }
  | { kind: "packages"; result: PackagesReleaseResult; pullRequest: PullRequestReport | null };

export async function runReleaseCommand(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
): Promise<ReleaseOutcome> {
  if (settings.releaseMode === "pull-request") return runPullRequestMode(settings, ports, context);
  if (settings.packages === null)
    return { kind: "single", result: await runRelease(settings, ports, context), pullRequest: null };
  return { kind: "packages", result: await runPackagesRelease(settings, ports, context), pullRequest: null };
}

/**
 * `release-mode: pull-request`: merged release pull requests a run missed are released first, each
 * on its merge commit; HEAD as the merge of a release pull request is released as that pull
 * request proposed it; any other HEAD's release-worthy versions are proposed as one
 * (steps/release-pr.ts, steps/release-pr-missed.ts).
 */
async function runPullRequestMode(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
): Promise<ReleaseOutcome> {
  const base = await baseBranchOf(ports.git, context.branch);
  const report = newReport(base, settings.dryRun);
  const clone = await ports.git.inspect();
  const head = clone?.head ?? null;
  const name = context.repository?.repo ?? path.basename(clone?.topLevel ?? ".");
  const known: KnownPackage[] = (
    settings.packages ?? [{ path: ".", component: null, tagPrefix: settings.tagPrefix }]
  ).map((p) => ({ path: p.path, component: p.component ?? name, tagPrefix: p.tagPrefix }));
  const merged =
    settings.dryRun || head === null ? null : await findMergedProposal(ports, base, head, report);
  const deepen = (clone?.shallow ?? false) && settings.fetchHistory;
  const found =
    settings.dryRun || head === null
      ? { missed: [], releasedTags: [] }
      : await findMissedProposals(ports, base, head, merged?.pr.number ?? null, report, deepen);
  // Oldest first, each on its own merge commit, by the same path as the merge's own run.
  const caught = await releaseEachMissed(found.missed, (m) =>
    releaseMerged(settings, ports, known, m, m.pr.mergeCommitSha, report),
  );
  if (merged !== null && head !== null) {
    report.steps.push(`HEAD ${head} is the merge of the release pull request #${merged.pr.number}.`);
    return (await releaseMerged(settings, ports, known, merged, head, report)).outcome;
  }
  if (caught !== null && !caught.whole) {
    report.steps.push("Nothing is proposed until the merged release pull request's releases are whole.");
    return caught.outcome;
  }
  // The tags just made (or made by another run since the checkout) are on GitHub, not in the clone.
  const tags = [...found.releasedTags, ...found.missed.flatMap((m) => m.proposal.releases.map((r) => r.tag))];
  const synced = await haveTags(ports.git, ports.logger, tags, report);
  if (!synced && caught !== null) {
    // Computed without the tags just made, HEAD's versions would propose them again.
    report.steps.push("Nothing is proposed by this run: the next run proposes what is new.");
    return caught.outcome;
  }
  const proposal = caught === null ? report : newReport(base, settings.dryRun);
  const outcome = await proposeFromHead(settings, ports, context, proposal);
  if (caught === null) return outcome;
  // The released pull request stays the run's (its outputs, `released: true`); the proposal's steps follow.
  report.steps.push(...proposal.steps);
  report.commit = proposal.commit;
  report.files = proposal.files;
  return caught.outcome;
}

/** A merged proposal released on `sha` (its merge commit), then its label and comment. */
async function releaseMerged(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  known: readonly KnownPackage[],
  merged: { pr: PullRequestInfo; proposal: Proposal },
  sha: string,
  report: PullRequestReport,
): Promise<{ outcome: ReleaseOutcome; whole: boolean }> {
  const proposed = await proposedVersions(merged, known, sha, ports.git, settings.maintenanceBranches);
  const outcome = await releaseProposed(settings, ports, known, proposed, sha);
  const results = outcome.kind === "single" ? [outcome.result] : outcome.result.releases;
  const written = results.filter((r) => r.version.releaseNeeded);
  const created = written.some((r) => r.tagCreated);
  const whole = await settleMerged(merged.pr, written, created, ports, report);
  return { outcome: { ...outcome, pullRequest: report }, whole };
}

/** HEAD's versions, computed as in direct mode, proposed as the release pull request. */
async function proposeFromHead(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
  report: PullRequestReport,
): Promise<ReleaseOutcome> {
  // The release pull request's files: steps/release-files.ts, read from the analysed commit.
  const files: ProposalFiles = (versions) =>
    releaseFileChanges(
      ports.git,
      releaseFilesRequest(
        settings,
        settings.packages === null ? versions[0]! : (versions as PackageVersionResult[]),
      ),
    );
  if (settings.packages === null) {
    const version = await computeVersion(settings, ports, context);
    await propose([version], version.sha, files, ports, report);
    const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
    return { kind: "single", result, pullRequest: report };
  }
  const versions = await computeVersions(settings, ports, context);
  await propose(versions.packages, versions.sha, files, ports, report);
  const releases = versions.packages.map((v) => ({
    ...newReleaseResult(v, settings.dryRun, ports.forge.describe),
    failure: null,
  }));
  const where = ports.forge.describe;
  return {
    kind: "packages",
    result: { versions, releases, dryRun: settings.dryRun, where, files: null, steps: [] },
    pullRequest: report,
  };
}

/** The merged proposal's releases, each written as direct mode writes one, on the merged commit. */
async function releaseProposed(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  known: readonly KnownPackage[],
  proposed: Map<string, PackageVersionResult>,
  head: string,
): Promise<ReleaseOutcome> {
  if (settings.packages === null) {
    const version = proposed.get(".")!;
    const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
    const target = {
      title: version.tag ?? "",
      tagPrefix: settings.tagPrefix,
      floatingTags: settings.floatingTags,
      mayBeLatest: true,
    };
    await writeRelease(result, target, ports);
    return { kind: "single", result, pullRequest: null };
  }
  const packages = known.map((k) => proposed.get(k.path) ?? notProposed(k, head));
  const versions: VersionsResult = { packages, sha: head, warnings: [], commitsRead: 0 };
  return { kind: "packages", result: await releaseEach(settings, ports, versions, null), pullRequest: null };
}

/** A single-package repository's release. */
export async function runRelease(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
): Promise<ReleaseResult> {
  const found = await foundReleaseCommit(
    settings,
    ports,
    (at) => computeVersion(settings, ports, context, { at }),
    (v) => [v],
  );
  const version = found?.result ?? (await headVersion(settings, ports, context));
  const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
  result.files = found?.files ?? (await releaseCommit(settings, ports, context, version, false));
  noteFiles(result.files, result.steps, settings.dryRun);
  await writeRelease(
    result,
    {
      title: version.tag ?? "",
      tagPrefix: settings.tagPrefix,
      floatingTags: settings.floatingTags,
      mayBeLatest: true,
      ...(result.files?.sha ? { sha: result.files.sha } : {}),
    },
    ports,
  );
  return result;
}

/** The version at HEAD; a re-run after HEAD was tagged: the version that run decided. */
async function headVersion(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
): Promise<VersionResult> {
  const version = await computeVersion(settings, ports, context);
  if (!version.releaseNeeded && version.tagsAtHead.length > 0) {
    // HEAD already carries a tag: a re-run after the tag was made. Recompute what that run
    // computed; when it names the same tag, finish its release (a no-op when it is complete).
    const before = await computeVersion(settings, ports, context, { ignoreTagsAtHead: true });
    if (before.tag !== null && version.tagsAtHead.includes(before.tag)) return before;
  }
  return version;
}

/**
 * With version files or a changelog, HEAD may be the release commit an earlier run made: then its
 * parent is what was analysed, and the release commit (with whatever tags it has) is finished, never
 * analysed itself and never made twice. Null when HEAD is not one.
 */
async function foundReleaseCommit<R>(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  decide: (at: { commit: string; ignoreTagsOn: string }) => Promise<R>,
  listOf: (result: R) => readonly VersionResult[],
): Promise<{ result: R; files: ReleaseFilesOutcome } | null> {
  if (!releaseWritesFiles(settings)) return null;
  const candidate = await releaseCommitCandidate(ports.git);
  if (candidate === null) return null;
  const result = await decide({ commit: candidate.parent, ignoreTagsOn: candidate.sha });
  const released = releasedOf(listOf(result));
  if (!isReleaseCommitOf(candidate, released, settings.packages !== null)) return null;
  const files = { message: candidate.message, changes: [], diff: "", sha: candidate.sha, found: true };
  return { result, files };
}

/** The release commit of the files, made now (or its diff, in a dry run); null when none is needed. */
function releaseCommit(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
  versions: VersionResult | readonly PackageVersionResult[],
  monorepo: boolean,
): Promise<ReleaseFilesOutcome | null> {
  const request = releaseFilesRequest(settings, versions);
  const list = Array.isArray(versions) ? versions : [versions as VersionResult];
  const released = releasedOf(list);
  if (released.length === 0 || !releaseWritesFiles(settings)) return Promise.resolve(null);
  return commitReleaseFiles(
    { request, branch: context.branch, released, monorepo, dryRun: settings.dryRun },
    ports,
  );
}

function releasedOf(versions: readonly VersionResult[]): { version: string; tag: string }[] {
  return versions.flatMap((v) =>
    v.releaseNeeded && v.version !== null && v.tag !== null ? [{ version: v.version, tag: v.tag }] : [],
  );
}

/** The release commit's step, for the summary and the log. */
function noteFiles(files: ReleaseFilesOutcome | null, steps: string[], dryRun: boolean): void {
  if (files === null) return;
  const count = `${files.changes.length} file${files.changes.length === 1 ? "" : "s"}`;
  if (files.found)
    steps.push(`Found the release commit ${files.sha} ("${files.message}") an earlier run made: tagging it.`);
  else if (dryRun)
    steps.push(
      `Would commit ${count} as "${files.message}" on top of the analysed commit, then tag that commit.`,
    );
  else steps.push(`Committed ${count} as "${files.message}": ${files.sha}.`);
}

/** Every released package of a monorepo, each as a single release, on the one analysed commit. */
async function runPackagesRelease(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
): Promise<PackagesReleaseResult> {
  const found = await foundReleaseCommit(
    settings,
    ports,
    (at) => computeVersions(settings, ports, context, { at }),
    (v) => v.packages,
  );
  const versions = found?.result ?? (await finishingVersions(settings, ports, context));
  const files = found?.files ?? (await releaseCommit(settings, ports, context, versions.packages, true));
  return releaseEach(settings, ports, versions, files);
}

/** Each package's release, every package tried whatever happened to the others. */
async function releaseEach(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  versions: VersionsResult,
  files: ReleaseFilesOutcome | null,
): Promise<PackagesReleaseResult> {
  const latest = settings.latestPackage ?? ".";
  const releases: PackageReleaseResult[] = [];
  for (const version of versions.packages) {
    const result: PackageReleaseResult = {
      ...newReleaseResult(version, settings.dryRun, ports.forge.describe),
      // The one release commit, shared: each package's tag goes on it.
      files: version.releaseNeeded ? files : null,
      failure: null,
    };
    releases.push(result);
    try {
      await writeRelease(
        result,
        {
          title: version.version === null ? "" : `${version.component} ${version.version}`,
          tagPrefix: version.tagPrefix,
          floatingTags: settings.floatingTags,
          mayBeLatest: version.path === latest,
          ...(files?.sha ? { sha: files.sha } : {}),
        },
        ports,
      );
    } catch (error) {
      const failure = failureOf(error);
      result.failure = failure;
      ports.logger.warning(`${version.path}: the release of ${version.tag} stopped: ${failure.message}`);
      result.steps.push(`Stopped: ${failure.code}: ${failure.message}`);
    }
  }
  const steps: string[] = [];
  noteFiles(files, steps, settings.dryRun);
  return { versions, releases, dryRun: settings.dryRun, where: ports.forge.describe, files, steps };
}

/**
 * Every package's version; for the packages whose tag of this run's version is already at HEAD (a
 * re-run after they were tagged), the version an earlier run decided before it tagged them, read
 * once more for those packages only, and only when there are any.
 */
async function finishingVersions(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
): Promise<VersionsResult> {
  const versions = await computeVersions(settings, ports, context);
  const tagged = versions.packages.filter((p) => !p.releaseNeeded && p.tagsAtHead.length > 0);
  if (tagged.length === 0) return versions;
  const paths = tagged.map((p) => p.path);
  // Every package when dependents count: a package's dependencies can be what released it.
  const before = await computeVersions(settings, ports, context, {
    ignoreTagsAtHead: new Set(paths),
    ...(settings.bumpDependents ? {} : { only: paths }),
  });
  const earlier = new Map(before.packages.map((p) => [p.path, p]));
  const packages = versions.packages.map((p) => {
    const b = earlier.get(p.path);
    return b !== undefined && b.tag !== null && p.tagsAtHead.includes(b.tag) ? b : p;
  });
  return { ...versions, packages };
}

/** A failure as the result carries it: its code, words and remedy (a bug's as SG_INTERNAL). */
function failureOf(error: unknown): Refusal {
  const e = isShipguardError(error)
    ? error
    : shipguardError("SG_INTERNAL", {
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
  return { code: e.code, message: e.message, remedy: e.remedy };
}

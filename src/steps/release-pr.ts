/**
 * `release-mode: pull-request` (README, "Release pull requests"). On a push to the base branch:
 *
 * 0. Merged release pull requests still pending whose own run never released them are released
 *    first, each on its merge commit (steps/release-pr-missed.ts), by the same path as 1.
 * 1. The merged release pull request of HEAD, found by `forCommit(HEAD)`, its branch, its label and
 *    its marker: its proposal is what is released, on that merged commit (merge, squash or rebase),
 *    and nothing new is computed from the release commit itself. The release is written by
 *    steps/write-release.ts, so the tag ref stays the one lock between re-runs and runs at once.
 * 2. Otherwise the versions are computed as in direct mode, and what is release-worthy is proposed:
 *    the version files and changelogs as one commit on `shipguard/release/<base>` on top of HEAD
 *    (forced: the branch is always one fresh commit on the base), and one pull request to the base,
 *    opened or updated, labelled `shipguard: pending`. Nothing release-worthy left: an open one is
 *    closed with a comment.
 */
import semver from "semver";
import { maintenanceGlob } from "../core/maintenance.ts";
import {
  closingComment,
  forkLookalikes,
  mergedProposals,
  PENDING_LABEL,
  type Proposal,
  type ProposedRelease,
  proposalBody,
  proposalTitle,
  RELEASED_LABEL,
  releaseBranch,
  releasedComment,
  tagMatches,
} from "../core/release-pr.ts";
import { parseVersionTag } from "../core/tags.ts";
import type { HistoryAnalysis } from "../core/types.ts";
import { shipguardError } from "../errors.ts";
import type { FileChange, Forge, Git, Logger, PullRequestInfo, PullRequestPort } from "../ports.ts";
import type { VersionResult } from "./compute-version.ts";
import type { PackageVersionResult } from "./compute-versions.ts";
import { unifiedDiff } from "./release-files.ts";
import type { ReleaseResult } from "./write-release.ts";

export type PullRequestAction = "opened" | "updated" | "unchanged" | "closed" | "released" | "none";

/** What the run did with the release pull request, for outputs, the summary and the text. */
export interface PullRequestReport {
  action: PullRequestAction;
  number: number | null;
  url: string | null;
  /** `shipguard/release/<base>`. */
  branch: string;
  base: string;
  /** The release commit made on the branch by this run; null when none was made. */
  commit: string | null;
  /** Files the release commit changes. */
  files: string[];
  /** A dry run's unified diff of the release commit; empty otherwise. */
  diff: string;
  dryRun: boolean;
  steps: string[];
}

/** How the version files and changelogs of a proposal are made (steps/release-files.ts). */
export type ProposalFiles = (releases: readonly VersionResult[]) => Promise<FileChange[]>;

export interface PullRequestPorts {
  git: Git;
  forge: Forge;
  logger: Logger;
}

/** The base branch: the run's, else the checked-out one; a detached HEAD has none to propose to. */
export async function baseBranchOf(git: Git, branch: string | null): Promise<string> {
  const base = branch ?? (await git.currentBranch());
  if (base === null) throw shipguardError("SG_RELEASE_PR_NO_BRANCH", {});
  return base;
}

export function newReport(base: string, dryRun: boolean): PullRequestReport {
  return {
    action: "none",
    number: null,
    url: null,
    branch: releaseBranch(base),
    base,
    commit: null,
    files: [],
    diff: "",
    dryRun,
    steps: [],
  };
}

function portOf(forge: Forge): PullRequestPort {
  if (forge.pullRequests === undefined) {
    throw shipguardError("SG_RELEASE_PR_NEEDS_GITHUB", {});
  }
  return forge.pullRequests;
}

/**
 * HEAD's merged release pull request with its proposal, or null when HEAD is not one's merge. A
 * fork's pull request merged as HEAD with the release branch's name is never one: it is named in a
 * warning (its label and marker are anyone's to forge) and HEAD is computed from history as usual.
 */
export async function findMergedProposal(
  ports: { forge: Forge; logger: Logger },
  base: string,
  head: string,
  report: PullRequestReport,
): Promise<{ pr: PullRequestInfo; proposal: Proposal } | null> {
  const pulls = await portOf(ports.forge).forCommit(head);
  for (const fork of forkLookalikes(pulls, base).filter((pr) => pr.mergeCommitSha === head)) {
    const message = forkWarning(fork, head);
    ports.logger.warning(message);
    report.steps.push(message);
  }
  const found = mergedProposals(pulls, base, [PENDING_LABEL, RELEASED_LABEL]);
  return found.find((m) => m.pr.mergeCommitSha === head) ?? null;
}

function forkWarning(pr: PullRequestInfo, head: string): string {
  return `The pull request #${pr.number} (${pr.url}), merged as ${head}, comes from a fork, though its branch is named ${releaseBranch(pr.base)}: it is not shipguard's release pull request, so nothing was released from its label or its marker, and the versions are computed from the history as usual. shipguard only releases pull requests from this repository's own ${releaseBranch(pr.base)}; check what the merge brought in.`;
}

/** A package the settings know, by its path, and the prefix its tags take. */
export interface KnownPackage {
  path: string;
  component: string;
  tagPrefix: string;
}

/**
 * The versions a merged proposal releases, on `head`, as `version` would have decided them: one per
 * proposed package, with every existing tag of its prefix (for latest and floating tags). A package
 * the settings no longer know, or a tag without its prefix, is refused before anything is written.
 */
export async function proposedVersions(
  merged: { pr: PullRequestInfo; proposal: Proposal },
  known: readonly KnownPackage[],
  head: string,
  git: Git,
  maintenanceBranches: readonly string[],
): Promise<Map<string, PackageVersionResult>> {
  const { pr, proposal } = merged;
  // A release from a maintenance branch is never marked latest, as in direct mode.
  const line =
    maintenanceGlob(proposal.base, maintenanceBranches) === null ? null : `the branch ${proposal.base}`;
  const out = new Map<string, PackageVersionResult>();
  for (const r of proposal.releases) {
    const pkg = known.find((k) => k.path === r.path);
    const problem =
      pkg === undefined
        ? `a release of \`${r.path}\`, which is not a configured package`
        : tagMatches(r, pkg.tagPrefix)
          ? null
          : `the tag \`${r.tag}\` for \`${r.path}\`, which is not its tag prefix \`${pkg.tagPrefix}\` followed by ${r.version}`;
    if (problem !== null || pkg === undefined) {
      throw shipguardError("SG_RELEASE_PR_PROPOSAL_INVALID", {
        number: pr.number,
        url: pr.url,
        problem: problem ?? "",
      });
    }
    const tags = await git.listTags(`${pkg.tagPrefix}*`);
    out.set(r.path, { ...versionOfProposal(r, pkg, head, tags), maintenanceLine: line });
  }
  return out;
}

function versionOfProposal(
  r: ProposedRelease,
  pkg: KnownPackage,
  head: string,
  tags: readonly { name: string; sha: string }[],
): PackageVersionResult {
  const existing = tags
    .map((t) => ({ name: t.name, parsed: parseVersionTag(t.name, pkg.tagPrefix) }))
    .filter((t) => t.parsed !== null)
    .map((t) => ({ name: t.name, version: t.parsed!.version, prerelease: t.parsed!.prerelease }))
    .sort((a, b) => semver.rcompare(a.version, b.version));
  const previous = r.previousTag === null ? null : parseVersionTag(r.previousTag, pkg.tagPrefix);
  const bump = previous === null ? "minor" : bumpBetween(previous.version, r.version);
  return {
    version: r.version,
    previousVersion: previous?.version ?? null,
    tag: r.tag,
    previousTag: r.previousTag,
    bump,
    releaseNeeded: true,
    prerelease: r.prerelease,
    commitCount: 0,
    notes: r.notes,
    sha: head,
    reason: `The merged release pull request proposed ${r.tag}.`,
    warnings: [],
    analysis: emptyAnalysis(),
    existingVersions: existing,
    tagsAtHead: tags.filter((t) => t.sha === head).map((t) => t.name),
    maintenanceLine: null,
    path: pkg.path,
    component: r.component === "" ? pkg.component : r.component,
    tagPrefix: pkg.tagPrefix,
  };
}

function bumpBetween(from: string, to: string): "major" | "minor" | "patch" {
  const d = semver.diff(from, to);
  return d === "major" || d === "premajor" ? "major" : d === "minor" || d === "preminor" ? "minor" : "patch";
}

/** A configured package the merged proposal does not release. */
export function notProposed(k: KnownPackage, head: string): PackageVersionResult {
  return {
    version: null,
    previousVersion: null,
    tag: null,
    previousTag: null,
    bump: "none",
    releaseNeeded: false,
    prerelease: false,
    commitCount: 0,
    notes: "",
    sha: head,
    reason: "The merged release pull request proposed no release of this package.",
    warnings: [],
    analysis: emptyAnalysis(),
    existingVersions: [],
    tagsAtHead: [],
    maintenanceLine: null,
    ...k,
  };
}

function emptyAnalysis(): HistoryAnalysis {
  return {
    commitsRead: 0,
    commitCount: 0,
    mergeCount: 0,
    countsByType: {},
    bump: "none",
    decidingCommit: null,
    breaking: false,
    releaseAs: null,
    cancelledCount: 0,
    notes: [],
    notesDropped: 0,
    warnings: [],
  };
}

/**
 * After the merged proposal's releases were written: the label flips to `shipguard: released`, and
 * the run that created a tag (the lock: one run of several at once) comments with the releases.
 * False when a release is not whole yet (the label stays pending for the next run).
 */
export async function settleMerged(
  pr: PullRequestInfo,
  results: readonly ReleaseResult[],
  tagsCreated: boolean,
  ports: PullRequestPorts,
  report: PullRequestReport,
): Promise<boolean> {
  const pulls = portOf(ports.forge);
  report.action = "released";
  report.number = pr.number;
  report.url = pr.url;
  const done = results.filter((r) => r.released);
  if (done.length < results.length) {
    report.steps.push(
      `Kept the label \`${PENDING_LABEL}\` on #${pr.number}: not every release is whole yet.`,
    );
    return false;
  }
  if (pr.labels.includes(PENDING_LABEL) || !pr.labels.includes(RELEASED_LABEL)) {
    await pulls.setLabels(pr.number, { add: [RELEASED_LABEL], remove: [PENDING_LABEL] });
    report.steps.push(`Labelled #${pr.number} \`${RELEASED_LABEL}\`.`);
  }
  if (tagsCreated) {
    const list = done.map((r) => ({ tag: r.version.tag ?? "", url: r.release?.url ?? null }));
    await pulls.comment(pr.number, releasedComment(list, results[0]?.version.sha ?? ""));
    report.steps.push(`Commented on #${pr.number} with the releases.`);
  }
  return true;
}

/**
 * Proposes the release-worthy versions: one commit with their files on the release branch, on top of
 * HEAD, and one pull request opened or updated; with none, an open one is closed with a comment.
 */
export async function propose(
  versions: readonly VersionResult[],
  head: string,
  files: ProposalFiles,
  ports: PullRequestPorts,
  report: PullRequestReport,
): Promise<void> {
  const pulls = portOf(ports.forge);
  const worthy = versions.filter((v) => v.releaseNeeded && v.version !== null && v.tag !== null);
  if (report.base.startsWith(releaseBranch(""))) {
    // A push to a release branch itself (a workflow on every branch, the App token's push): never
    // a release pull request of a release pull request.
    report.steps.push(`${report.base} is a release pull request's branch: nothing is proposed from it.`);
    return;
  }
  if (report.dryRun) {
    if (worthy.length === 0) {
      report.steps.push(`Dry run: would close an open release pull request from ${report.branch}, if any.`);
      return;
    }
    // The files are read from the clone: a dry run shows the release commit's diff, writing nothing.
    const changes = await files(worthy);
    report.files = changes.map((c) => c.path);
    report.diff = unifiedDiff(changes);
    const title = proposalTitle({ base: report.base, releases: worthy.map(proposedOf) });
    report.steps.push(
      `Dry run: would commit ${changes.length} file(s) on ${report.branch} on top of ${head} and open or update its pull request to ${report.base}, titled "${title}", proposing ${worthy.map((v) => v.tag).join(", ")}.`,
    );
    return;
  }
  const open = await pulls.findOpen(report.branch, report.base);
  if (worthy.length === 0) {
    if (open !== null) await close(pulls, open, report);
    else report.steps.push("Nothing release-worthy, and no release pull request is open.");
    return;
  }
  const proposal: Proposal = { base: report.base, releases: worthy.map(proposedOf) };
  const title = proposalTitle(proposal);
  const body = proposalBody(proposal);
  const changes = await files(worthy);
  if (changes.length === 0) {
    // Every file already says these versions. A merged release pull request still labelled
    // pending was released above (on its merge commit) before versions were computed, so this is
    // files set by hand, or a merged one whose label was taken off.
    const message = `The files of ${worthy.map((v) => v.tag).join(", ")} are already on ${report.base}, but no merged release pull request labelled \`${PENDING_LABEL}\` proposes them: they were set by hand, or the label was removed from the merged pull request. Nothing is proposed; put the label back on that pull request and re-run, or tag the release by hand.`;
    ports.logger.warning(message);
    report.steps.push(message);
    return;
  }
  const commit = await ports.forge.commitFiles({
    branch: report.branch,
    parent: head,
    message: `${title}\n\n${worthy.map((v) => `- ${v.tag}`).join("\n")}\n`,
    files: changes,
    force: true,
  });
  report.commit = commit.sha;
  report.files = changes.map((c) => c.path);
  report.steps.push(
    `Committed ${changes.length} file(s) as ${commit.sha} on ${report.branch}, on top of ${head}.`,
  );
  const pr =
    open === null
      ? await openOrAdopt(pulls, report, title, body)
      : await refresh(pulls, open, title, body, report);
  report.number = pr.number;
  report.url = pr.url;
  if (!pr.labels.includes(PENDING_LABEL)) {
    await pulls.setLabels(pr.number, { add: [PENDING_LABEL], remove: [] });
    report.steps.push(`Labelled #${pr.number} \`${PENDING_LABEL}\`.`);
  }
}

function proposedOf(v: VersionResult): ProposedRelease {
  const p = v as Partial<PackageVersionResult>;
  return {
    path: p.path ?? ".",
    component: p.component ?? "",
    version: v.version!,
    tag: v.tag!,
    previousTag: v.previousTag,
    prerelease: v.prerelease,
    notes: v.notes,
  };
}

/**
 * Opens the pull request. Another run at the same time may have opened it first (GitHub answers
 * 422): then that one is found and brought up to date. A refusal to create stays the coded error.
 */
async function openOrAdopt(
  pulls: PullRequestPort,
  report: PullRequestReport,
  title: string,
  body: string,
): Promise<PullRequestInfo> {
  try {
    const pr = await pulls.create({ head: report.branch, base: report.base, title, body });
    report.action = "opened";
    report.steps.push(`Opened the release pull request #${pr.number} (${pr.url}).`);
    return pr;
  } catch (error) {
    const again = await pulls.findOpen(report.branch, report.base).catch(() => null);
    if (again === null) throw error;
    return refresh(pulls, again, title, body, report);
  }
}

async function refresh(
  pulls: PullRequestPort,
  pr: PullRequestInfo,
  title: string,
  body: string,
  report: PullRequestReport,
): Promise<PullRequestInfo> {
  if (pr.title === title && pr.body === body) {
    report.action = "unchanged";
    report.steps.push(
      `The release pull request #${pr.number} already proposes this: its branch moved to the new commit.`,
    );
    return pr;
  }
  const updated = await pulls.update(pr.number, { title, body });
  report.action = "updated";
  report.steps.push(`Updated the release pull request #${pr.number} (${pr.url}).`);
  return { ...updated, labels: pr.labels };
}

async function close(pulls: PullRequestPort, pr: PullRequestInfo, report: PullRequestReport): Promise<void> {
  await pulls.comment(pr.number, closingComment(report.base));
  await pulls.update(pr.number, { state: "closed" });
  report.action = "closed";
  report.number = pr.number;
  report.url = pr.url;
  report.steps.push(`Closed the release pull request #${pr.number}: nothing release-worthy is left.`);
}

/**
 * Merged release pull requests whose own run never released them (README, "Release pull
 * requests"): the run on the merge commit was cancelled (a concurrency group) or never happened.
 * Every run in pull-request mode lists the release branch's merged pull requests once (one page,
 * most recently updated first) and releases, on its merge commit, each one still labelled
 * `shipguard: pending` whose merge commit is HEAD's history, oldest first. One merged elsewhere
 * (another branch's history, a force-push) is named in a warning and left alone.
 */
import { mergedProposals, type Proposal, RELEASED_LABEL, releaseBranch } from "../core/release-pr.ts";
import type { Forge, Git, Logger, PullRequestInfo } from "../ports.ts";
import { REMOTE } from "./compute-version.ts";
import type { PullRequestReport } from "./release-pr.ts";

/** How many merged pull requests of the release branch one run reads: one page, one request. */
export const MERGED_LIMIT = 20;

export interface MergedProposal {
  pr: PullRequestInfo & { mergeCommitSha: string };
  proposal: Proposal;
}

export interface MissedProposals {
  /** Pending, merged into HEAD's history, not HEAD itself: to release on their merge commits. */
  missed: MergedProposal[];
  /** The tags of the newest release pull request already labelled released (another run's). */
  releasedTags: string[];
}

/**
 * The merged release pull requests still pending whose merge commit is an ancestor of HEAD, oldest
 * first (HEAD's own merge, `headPr`, is released by the caller as before). One request.
 */
export async function findMissedProposals(
  ports: { forge: Forge; git: Git; logger: Logger },
  base: string,
  head: string,
  headPr: number | null,
  report: PullRequestReport,
  /** A shallow clone that may fetch its history (`fetch-history`): fetched when a merge is missing. */
  deepen: boolean,
): Promise<MissedProposals> {
  const pulls = ports.forge.pullRequests;
  if (pulls === undefined) return { missed: [], releasedTags: [] };
  const listed = await pulls.listMerged(releaseBranch(base), base, MERGED_LIMIT);
  const pending = mergedProposals(listed, base).filter(
    (m) => m.pr.number !== headPr && m.pr.mergeCommitSha !== head,
  );
  const released = mergedProposals(listed, base, [RELEASED_LABEL]).at(-1);
  const releasedTags = released?.proposal.releases.map((r) => r.tag) ?? [];
  const absent = new Set(await absentCommits(ports, pending, deepen));
  const missed: MergedProposal[] = [];
  for (const m of pending) {
    const sha = m.pr.mergeCommitSha;
    if (!absent.has(sha) && (await ports.git.isAncestor(sha, head))) {
      report.steps.push(
        `The release pull request #${m.pr.number} was merged as ${sha} and is not released yet (its own run was cancelled or never ran): releasing it on that commit.`,
      );
      missed.push(m);
      continue;
    }
    const message = notReachable(m.pr, head, base);
    ports.logger.warning(message);
    report.steps.push(message);
  }
  return { missed, releasedTags };
}

/** The merge commits the clone lacks; a shallow clone's history is fetched first when one is. */
async function absentCommits(
  ports: { git: Git; logger: Logger },
  pending: readonly MergedProposal[],
  deepen: boolean,
): Promise<string[]> {
  if (pending.length === 0) return [];
  const shas = pending.map((m) => m.pr.mergeCommitSha);
  const absent = await ports.git.missingCommits(shas);
  if (absent.length === 0 || !deepen) return absent;
  ports.logger.info(`The clone is shallow: fetching full history and tags from ${REMOTE}.`);
  try {
    await ports.git.fetchHistoryAndTags(REMOTE, true);
  } catch (error) {
    ports.logger.debug(`Fetching history failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return ports.git.missingCommits(shas);
}

function notReachable(pr: MergedProposal["pr"], head: string, base: string): string {
  return `The merged release pull request #${pr.number} (${pr.url}) is labelled pending, but its merge commit ${pr.mergeCommitSha} is not in the history of ${head} on ${base} (another branch's history, or a force-push dropped it): not released. Release it from a run on that commit, or remove its label \`shipguard: pending\`.`;
}

/** Each missed one in turn (oldest first): the last one's outcome, and whether every one is whole. */
export async function releaseEachMissed<T>(
  missed: readonly MergedProposal[],
  release: (m: MergedProposal) => Promise<{ outcome: T; whole: boolean }>,
): Promise<{ outcome: T; whole: boolean } | null> {
  let last: T | null = null;
  let whole = true;
  for (const m of missed) {
    const done = await release(m);
    last = done.outcome;
    whole &&= done.whole;
  }
  return last === null ? null : { outcome: last, whole };
}

/**
 * Makes sure the clone has `tags` (made on GitHub by this run or another) before versions are
 * computed from HEAD: fetched from the remote when missing. False (with a warning) when they could
 * not be had.
 */
export async function haveTags(
  git: Git,
  logger: Logger,
  tags: readonly string[],
  report: PullRequestReport,
): Promise<boolean> {
  const lacking = async () => {
    const found = await Promise.all(tags.map((t) => git.tagCommit(t)));
    return tags.filter((_, i) => found[i] === null);
  };
  if (tags.length === 0 || (await lacking()).length === 0) return true;
  try {
    await git.fetchHistoryAndTags(REMOTE, false);
  } catch (error) {
    logger.debug(`Fetching tags failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const still = await lacking();
  if (still.length === 0) {
    report.steps.push(`Fetched the tags ${tags.join(", ")} from ${REMOTE}.`);
    return true;
  }
  const message = `The clone lacks ${still.join(", ")}, made on GitHub, and fetching tags from ${REMOTE} did not bring them: check out with \`fetch-depth: 0\` and credentials that may fetch.`;
  logger.warning(message);
  report.steps.push(message);
  return false;
}

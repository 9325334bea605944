/**
 * A release's files as one commit through GitHub's Git Data API: one tree with every file's
 * content inline (on the parent's tree), one commit (GitHub signs it: "verified"), one ref write.
 * Never one write per file. Trees and commits are content objects that nothing points at until the
 * ref moves, so repeating them is harmless; the ref write is the one that counts, and a lost answer
 * to it is recognised by reading the branch back (it points at the new commit: done). Unless
 * forced, a branch whose tip already is this commit (on `parent`, with this message: made by an
 * earlier run that did not tag it, whose job re-run checks out `parent` again) is the answer.
 */
import { shipguardError } from "../../errors.ts";
import type { CommitRequest, Logger } from "../../ports.ts";
import type { GitHubClient } from "./client.ts";
import { answerOf, type CallInfo, isAlreadyExists, statusOf, toShipguardError } from "./errors.ts";
import { reconciledWrite } from "./reconciled-write.ts";

/** The repository written to (forge.ts's RepoRef, restated so the two files import no cycle). */
interface RepoRef {
  owner: string;
  repo: string;
}

/** GitHub's words for a branch rule that refuses the write (branch protection, rulesets, GH006). */
const PROTECTED =
  /protected branch|must be made through a pull request|GH006|GH013|rule violations|cannot force-push|required status check|status checks? (are|is) expected/i;

export async function commitFiles(
  octokit: GitHubClient,
  repo: RepoRef,
  logger: Logger,
  request: CommitRequest,
): Promise<{ sha: string; found: boolean }> {
  const { branch, parent } = request;
  const write = { doing: `commit the release's files on ${branch}`, scope: "contents: write" } as const;
  const tip = await branchHead(octokit, repo, branch);
  if (!request.force && tip !== null && tip !== parent) {
    const made = await call({ doing: `read the commit ${tip}`, scope: "contents: read" }, () =>
      octokit.rest.git.getCommit({ ...repo, commit_sha: tip }),
    );
    const { parents, message } = made.data;
    if (parents.length === 1 && parents[0]?.sha === parent && message.trim() === request.message.trim())
      return { sha: tip, found: true };
  }
  const parentCommit = await call(
    { ...write, doing: `read the commit ${parent}`, scope: "contents: read" },
    () => octokit.rest.git.getCommit({ ...repo, commit_sha: parent }),
  );
  const tree = await call(write, () =>
    octokit.rest.git.createTree({
      ...repo,
      base_tree: parentCommit.data.tree.sha,
      tree: request.files.map((file) => ({
        path: file.path,
        mode: file.mode ?? "100644",
        type: "blob",
        content: file.after,
      })),
    }),
  );
  const commit = await call(write, () =>
    octokit.rest.git.createCommit({
      ...repo,
      message: request.message,
      tree: tree.data.sha,
      parents: [parent],
    }),
  );
  const sha = commit.data.sha;
  logger.debug(`Made the commit ${sha} (${request.files.length} files) for ${branch}.`);
  await pointBranch(octokit, repo, logger, request, sha, tip !== null);
  return { sha, found: false };
}

async function call<T>(info: CallInfo, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toShipguardError(error, info);
  }
}

async function branchHead(octokit: GitHubClient, repo: RepoRef, branch: string): Promise<string | null> {
  try {
    const ref = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return ref.data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw toShipguardError(error, { doing: `read the branch ${branch}`, scope: "contents: read" });
  }
}

/** Moves (or creates) the branch to the new commit: one write, reconciled when its answer is lost. */
async function pointBranch(
  octokit: GitHubClient,
  repo: RepoRef,
  logger: Logger,
  request: CommitRequest,
  sha: string,
  /** Whether the branch existed when this run read it. */
  exists: boolean,
): Promise<void> {
  const { branch } = request;
  const info = {
    doing: `move the branch ${branch} to ${sha}`,
    scope: "contents: write",
    operation: "write-ref",
  } as const;
  const refused = (error: unknown) => refusal(error, info, request);
  const update = () =>
    octokit.rest.git.updateRef({
      ...repo,
      ref: `heads/${branch}`,
      sha,
      force: request.force,
      request: { retries: 0 },
    });
  const create = () =>
    octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha, request: { retries: 0 } });
  const madeAlready = async () => ((await branchHead(octokit, repo, branch)) === sha ? true : null);
  try {
    await reconciledWrite({
      info,
      logger,
      send: async () => {
        try {
          await (exists ? update() : create());
        } catch (error) {
          // Created by another writer since it was read (or by a first attempt whose answer was lost).
          if (exists || !isAlreadyExists(error)) throw error;
          if ((await madeAlready()) === null) await update();
        }
        return true;
      },
      made: madeAlready,
      said: (status) => `Moving ${branch} failed (${status}); checking whether it moved.`,
    });
  } catch (error) {
    throw refused((error as { cause?: unknown }).cause ?? error);
  }
}

function refusal(error: unknown, info: CallInfo, request: CommitRequest) {
  const answer = answerOf(error, info.doing);
  const { status, said } = answer;
  if ((status === 422 || status === 403) && PROTECTED.test(said)) {
    return shipguardError("SG_BRANCH_PROTECTED", { ...answer, branch: request.branch }, { cause: error });
  }
  if (status === 422 && /not a fast.?forward/i.test(said)) {
    return shipguardError(
      "SG_BRANCH_MOVED",
      { ...answer, branch: request.branch, parent: request.parent },
      { cause: error },
    );
  }
  return toShipguardError(error, { ...info, tokenWrote: "the release commit" });
}

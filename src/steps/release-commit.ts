/**
 * Direct mode with version files or a changelog: the release's file changes as one commit
 * `chore(release): <version>` (a monorepo: its tags) on top of the analysed commit, through
 * `Forge.commitFiles`; the tags then go on that commit. A release commit is never analysed itself:
 * at HEAD it is recognised (its message is the one its parent's release would make) and its parent
 * is analysed, as if its own tags did not exist; a re-run that finds it untagged tags it.
 */
import { shipguardError } from "../errors.ts";
import type { FileChange, Forge, Git } from "../ports.ts";
import {
  type ReleaseFilesRequest,
  releaseCommitMessage,
  releaseFileChanges,
  unifiedDiff,
} from "./release-files.ts";

const PREFIX = "chore(release): ";

/** What the release wrote (or, in a dry run, would write) besides tags and releases. */
export interface ReleaseFilesOutcome {
  message: string;
  changes: FileChange[];
  /** The changes as a unified diff. */
  diff: string;
  /** The release commit the tags go on; null in a dry run. */
  sha: string | null;
  /** True when this run found the commit made by an earlier run instead of making it. */
  found: boolean;
}

/** HEAD, when its message looks like a release commit's: the candidate and its parent. */
export async function releaseCommitCandidate(
  git: Pick<Git, "readCommit">,
): Promise<{ sha: string; parent: string; message: string } | null> {
  const head = await git.readCommit("HEAD");
  if (head === null || head.parents.length !== 1 || !head.message.startsWith(PREFIX)) return null;
  return { sha: head.sha, parent: head.parents[0]!, message: head.message.trim() };
}

/** Whether a candidate is the release commit of these releases (its message says exactly them). */
export function isReleaseCommitOf(
  candidate: { message: string },
  released: readonly { version: string; tag: string }[],
  monorepo: boolean,
): boolean {
  return released.length > 0 && candidate.message === releaseCommitMessage(released, monorepo);
}

export interface CommitReleaseInput {
  /** What to write, read at the analysed commit (`request.commit`), which the commit goes on. */
  request: ReleaseFilesRequest;
  /** The branch to commit on; null: the checked-out one. */
  branch: string | null;
  /** Every release's version and tag: the message names the versions (one) or the tags (a monorepo). */
  released: readonly { version: string; tag: string }[];
  monorepo: boolean;
  dryRun: boolean;
}

/**
 * Computes every file change (a bad file throws before anything is written) and, unless it is a
 * dry run, commits them; null when the releases change no file.
 */
export async function commitReleaseFiles(
  input: CommitReleaseInput,
  ports: { git: Pick<Git, "readStoredFiles" | "filesUnder" | "currentBranch">; forge: Forge },
): Promise<ReleaseFilesOutcome | null> {
  const parent = input.request.commit;
  const changes = await releaseFileChanges(ports.git, input.request);
  if (changes.length === 0) return null;
  const message = releaseCommitMessage(input.released, input.monorepo);
  const diff = unifiedDiff(changes);
  if (input.dryRun) return { message, changes, diff, sha: null, found: false };
  const branch = input.branch ?? (await ports.git.currentBranch());
  if (branch === null) {
    throw shipguardError("SG_WORKTREE_CHANGED", {
      branch: "no branch",
      parent,
      problem: "HEAD is detached; the release commit goes on a branch.",
    });
  }
  // A re-run of the job on the analysed commit finds the release commit an earlier run made.
  const { sha, found } = await ports.forge.commitFiles({
    branch,
    parent,
    message,
    files: changes,
    force: false,
  });
  return found ? { message, changes: [], diff: "", sha, found } : { message, changes, diff, sha, found };
}

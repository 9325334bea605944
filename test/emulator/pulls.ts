import { ApiError } from "./api-error.ts";
import type { GitPerson } from "./git-objects.ts";
import { commitsBetween, GitWriteError, mergeTrees, writeCommit, writeTree } from "./git-write.ts";
import { closeIssue, type IssueRecord, openIssue } from "./issues.ts";
import type { Actor } from "./options.ts";
import { type EmulatorState, isoSeconds } from "./state.ts";

/**
 * Pull requests. Each is an issue too (GitHub's one numbering: labels and comments live on the
 * issue); this record holds what only a pull request has: its branches and, once merged, what the
 * merge made on the base branch. A merge writes real git objects and moves the base branch.
 */

export type MergeMethod = "merge" | "squash" | "rebase";

export interface PullRecord {
  number: number;
  issue: IssueRecord;
  /** Branch names (no refs/heads/); `head` is the fork's branch when `fork` is set. */
  head: string;
  /**
   * The fork the head branch lives in, or null for this repository's branch. A fork's commits are
   * in this repository's objects under `refs/pull/<number>/head`, as GitHub keeps them.
   */
  fork: { owner: string; id: number } | null;
  base: string;
  draft: boolean;
  /** The head and base commits when the pull request was closed or merged (live while open). */
  frozenHeadSha: string | null;
  frozenBaseSha: string | null;
  /** Its commits (base..head, oldest first) when closed or merged. */
  frozenCommits: string[] | null;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: Actor | null;
  mergeMethod: MergeMethod | null;
  /** The merge commit, the squash commit, or the last replayed commit. */
  mergeCommitSha: string | null;
  /** Every commit the merge wrote on the base branch (a rebase writes one per commit). */
  landedCommits: string[];
}

export interface PushCommitInput {
  branch: string;
  message: string;
  /** Files to write (path -> content); null deletes. */
  files?: Record<string, string | null>;
  author?: Omit<GitPerson, "date"> & { date?: string };
}

const PERSON = { name: "Dev Eloper", email: "dev@example.com" };

/** The web-flow identity GitHub commits merges with. */
const WEB_FLOW = { name: "GitHub", email: "noreply@github.com" };

export function branchSha(state: EmulatorState, branch: string): string | undefined {
  const sha = state.git.readRef(`refs/heads/${branch}`);
  return sha ? state.git.peelToCommit(sha) : undefined;
}

/** The ref a fork's pull request keeps its head in, in this repository (GitHub's own name). */
export function pullHeadRef(pull: { number: number }): string {
  return `refs/pull/${pull.number}/head`;
}

/** The head branch's tip now: this repository's branch, or the fork's, kept under refs/pull/N/head. */
export function liveHeadSha(state: EmulatorState, pull: PullRecord): string | undefined {
  if (pull.fork === null) return branchSha(state, pull.head);
  const sha = state.git.readRef(pullHeadRef(pull));
  return sha ? state.git.peelToCommit(sha) : undefined;
}

/** The account that owns the head branch: the fork's owner, or this repository's. */
export function headOwner(state: EmulatorState, pull: PullRecord): string {
  return pull.fork?.owner ?? state.owner;
}

export function headSha(state: EmulatorState, pull: PullRecord): string {
  return pull.frozenHeadSha ?? liveHeadSha(state, pull) ?? "0".repeat(40);
}

export function baseSha(state: EmulatorState, pull: PullRecord): string {
  return pull.frozenBaseSha ?? branchSha(state, pull.base) ?? "0".repeat(40);
}

/** The pull request's commits, oldest first: live while open, as they were when it closed. */
export function pullCommits(state: EmulatorState, pull: PullRecord): string[] {
  if (pull.frozenCommits) return pull.frozenCommits;
  const head = liveHeadSha(state, pull);
  const base = branchSha(state, pull.base);
  return head && base ? commitsBetween(state.git.dir, base, head) : [];
}

export function findPull(state: EmulatorState, number: number): PullRecord | undefined {
  return state.pulls.find((pull) => pull.number === number);
}

export function openPull(
  state: EmulatorState,
  input: {
    head: string;
    base: string;
    title: string;
    body: string | null;
    draft: boolean;
    user: Actor;
    fork?: PullRecord["fork"];
    labels?: string[];
  },
): PullRecord {
  const issue = openIssue(state, {
    title: input.title,
    body: input.body,
    labels: input.labels ?? [],
    user: input.user,
    pullRequest: true,
  });
  const pull: PullRecord = {
    number: issue.number,
    issue,
    head: input.head,
    fork: input.fork ?? null,
    base: input.base,
    draft: input.draft,
    frozenHeadSha: null,
    frozenBaseSha: null,
    frozenCommits: null,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeMethod: null,
    mergeCommitSha: null,
    landedCommits: [],
  };
  state.pulls.push(pull);
  return pull;
}

function freeze(state: EmulatorState, pull: PullRecord): void {
  pull.frozenCommits = pullCommits(state, pull);
  pull.frozenHeadSha = headSha(state, pull);
  pull.frozenBaseSha = baseSha(state, pull);
}

export function closePull(state: EmulatorState, pull: PullRecord): void {
  freeze(state, pull);
  closeIssue(pull.issue);
}

export function reopenPull(pull: PullRecord): void {
  pull.frozenCommits = null;
  pull.frozenHeadSha = null;
  pull.frozenBaseSha = null;
  pull.issue.state = "open";
  pull.issue.stateReason = "reopened";
  pull.issue.closedAt = null;
  pull.issue.updatedAt = isoSeconds();
}

/** An account as git knows it: its login and its no-reply address. */
export function accountPerson(actor: Actor, date: string): GitPerson {
  return { name: actor.login, email: `${actor.id}+${actor.login}@users.noreply.github.com`, date };
}

/**
 * Merges an open pull request as GitHub does: `merge` writes a two-parent commit, `squash` one
 * commit with the merged tree, `rebase` replays each commit on the base branch. The base branch
 * moves (branch protection does not apply: merging the pull request is the protected way), and
 * the commits GitHub makes are recorded as signed.
 */
export function mergePull(
  state: EmulatorState,
  pull: PullRecord,
  input: { method: MergeMethod; by: Actor; title?: string; message?: string },
): string {
  const base = branchSha(state, pull.base);
  const head = liveHeadSha(state, pull);
  if (pull.issue.state !== "open" || pull.merged || !base || !head) {
    throw new ApiError(405, "Pull Request is not mergeable");
  }
  const commits = pullCommits(state, pull);
  if (commits.length === 0) throw new ApiError(405, "Pull Request is not mergeable");
  const now = isoSeconds();
  const committer = { ...WEB_FLOW, date: now };
  const dir = state.git.dir;
  const landed: string[] = [];
  try {
    if (input.method === "rebase") {
      let tip = base;
      for (const sha of commits) {
        const original = state.git.readCommit(sha);
        if (!original || original.parents.length > 1)
          throw new GitWriteError("merge commits cannot be rebased");
        const tree = mergeTrees(dir, tip, sha, original.parents[0]);
        tip = writeCommit(dir, {
          tree,
          parents: [tip],
          author: original.author,
          committer,
          message: `${original.message}\n`,
        });
        landed.push(tip);
      }
    } else {
      const tree = mergeTrees(dir, base, head);
      const title =
        input.title ??
        (input.method === "merge"
          ? `Merge pull request #${pull.number} from ${headOwner(state, pull)}/${pull.head}`
          : `${pull.issue.title} (#${pull.number})`);
      const message =
        input.message ?? (input.method === "merge" ? pull.issue.title : squashMessage(state, commits));
      landed.push(
        writeCommit(dir, {
          tree,
          parents: input.method === "merge" ? [base, head] : [base],
          author: input.method === "merge" ? accountPerson(input.by, now) : firstAuthor(state, commits, now),
          committer,
          message: message === "" ? `${title}\n` : `${title}\n\n${message}\n`,
        }),
      );
    }
  } catch (error) {
    if (error instanceof GitWriteError) throw new ApiError(405, "Pull Request is not mergeable");
    throw error;
  }
  const mergeCommit = landed.at(-1) ?? base;
  freeze(state, pull);
  if (!state.git.updateRef(`refs/heads/${pull.base}`, mergeCommit)) throw new Error("base update failed");
  for (const sha of landed) state.signedCommits.add(sha);
  pull.merged = true;
  pull.mergedAt = now;
  pull.mergedBy = input.by;
  pull.mergeMethod = input.method;
  pull.mergeCommitSha = mergeCommit;
  pull.landedCommits = landed;
  closeIssue(pull.issue);
  return mergeCommit;
}

/** GitHub's default squash message: each commit's message as a bullet. */
function squashMessage(state: EmulatorState, commits: string[]): string {
  if (commits.length === 1) {
    const only = state.git.readCommit(commits[0] ?? "");
    const body = only?.message.split("\n").slice(1).join("\n").trim() ?? "";
    return body;
  }
  return commits.map((sha) => `* ${state.git.readCommit(sha)?.message ?? ""}`).join("\n\n");
}

function firstAuthor(state: EmulatorState, commits: string[], date: string): GitPerson {
  const first = state.git.readCommit(commits[0] ?? "");
  return first ? { ...first.author, date } : { ...PERSON, date };
}

/**
 * A commit pushed to a branch as a person would (`git push`): files written on the branch's tip
 * (or a new branch from `from`), author and committer the person, no signature, no API call.
 */
export function pushCommit(state: EmulatorState, input: PushCommitInput & { from?: string }): string {
  const parent = branchSha(state, input.branch) ?? state.resolveCommitish(input.from ?? state.defaultBranch);
  if (!parent) throw new Error(`emulator: no branch ${input.branch} and nothing to start it from`);
  const parentTree = state.git.readCommit(parent)?.tree;
  const entries = Object.entries(input.files ?? {}).map(([path, content]) =>
    content === null
      ? { path, mode: "100644" as const, sha: null }
      : { path, mode: "100644" as const, content },
  );
  const tree = writeTree(state.git.dir, parentTree, entries);
  const who = { ...PERSON, ...input.author, date: input.author?.date ?? isoSeconds() };
  const sha = writeCommit(state.git.dir, {
    tree,
    parents: [parent],
    author: who,
    committer: who,
    message: `${input.message}\n`,
  });
  state.git.updateRef(`refs/heads/${input.branch}`, sha);
  return sha;
}

export interface SeedForkPullInput {
  /** The fork's owner (a user): the fork is `<forkOwner>/<repo>`. */
  forkOwner: string;
  /** The fork's branch: any name, `shipguard/release/main` included. */
  branch: string;
  title: string;
  body?: string;
  labels?: string[];
  /** The branch this pull request goes to (default: the default branch). */
  base?: string;
  /** The fork's one commit, on the base branch's tip (default: one file `FORK.md`). */
  message?: string;
  files?: Record<string, string | null>;
}

/**
 * A pull request from a fork, as its author opens it on GitHub: one commit on the base branch's
 * tip, written into this repository's objects under `refs/pull/<number>/head` (never a branch
 * here), the pull request by the fork's owner, with the labels given (a maintainer's, or an
 * automation's). Merging it (mergePullRequest) writes the same objects as for a branch here.
 */
export function seedForkPull(state: EmulatorState, input: SeedForkPullInput): PullRecord {
  const base = input.base ?? state.defaultBranch;
  const parent = branchSha(state, base);
  if (!parent) throw new Error(`emulator: no branch ${base} for the fork's pull request`);
  const parentTree = state.git.readCommit(parent)?.tree;
  const files = input.files ?? { "FORK.md": `from ${input.forkOwner}\n` };
  const entries = Object.entries(files).map(([path, content]) =>
    content === null
      ? { path, mode: "100644" as const, sha: null }
      : { path, mode: "100644" as const, content },
  );
  const login = input.forkOwner;
  const user: Actor = { login, id: 7_000_000 + login.length, type: "User" };
  const who = { name: login, email: `${user.id}+${login}@users.noreply.github.com`, date: isoSeconds() };
  const sha = writeCommit(state.git.dir, {
    tree: writeTree(state.git.dir, parentTree, entries),
    parents: [parent],
    author: who,
    committer: who,
    message: `${input.message ?? `chore: from ${login}`}\n`,
  });
  const pull = openPull(state, {
    head: input.branch,
    base,
    title: input.title,
    body: input.body ?? null,
    draft: false,
    user,
    fork: { owner: login, id: 8_000_000 + state.pulls.length },
    labels: input.labels ?? [],
  });
  if (!state.git.updateRef(pullHeadRef(pull), sha)) throw new Error("emulator: the fork's head ref failed");
  return pull;
}

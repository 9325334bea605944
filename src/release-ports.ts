/**
 * The ports a release that writes files uses: the file changes, the one commit that carries them,
 * and the release pull request. Re-exported by ports.ts.
 */

/** One file a release changes, by its path from the repository root. */
export interface FileChange {
  path: string;
  /** Its text before; null when the release creates it. */
  before: string | null;
  after: string;
}

export interface CommitRequest {
  branch: string;
  /** The commit the new one goes on top of (the analysed commit, or the base branch's tip). */
  parent: string;
  message: string;
  files: FileChange[];
  /** Move the branch even when the new commit does not descend from where it is (the release branch). */
  force: boolean;
}

export interface PullRequestInfo {
  number: number;
  url: string;
  state: "open" | "closed";
  merged: boolean;
  /** The commit the merge made on the base branch (merge, squash or rebase); null until merged. */
  mergeCommitSha: string | null;
  head: string;
  base: string;
  title: string;
  body: string;
  labels: string[];
}

/** The release pull request's calls (GitHub's Pulls and Issues APIs). */
export interface PullRequestPort {
  /** The open pull request from `head` to `base`, or null. */
  findOpen(head: string, base: string): Promise<PullRequestInfo | null>;
  /** The pull requests a commit belongs to (merged ones included): how a merged release PR is found. */
  forCommit(sha: string): Promise<PullRequestInfo[]>;
  /**
   * The merged pull requests from `head` to `base`, most recently updated first, at most `limit`
   * (one request: GitHub's pulls list, state closed, one page); closed unmerged ones are left out.
   * How a merged release PR whose own run never released it is found by a later run.
   */
  listMerged(head: string, base: string, limit: number): Promise<PullRequestInfo[]>;
  /** Opens one; a repository that forbids Actions to create pull requests is SG_PR_CREATION_FORBIDDEN. */
  create(input: { head: string; base: string; title: string; body: string }): Promise<PullRequestInfo>;
  update(
    pullNumber: number,
    change: { title?: string; body?: string; state?: "open" | "closed" },
  ): Promise<PullRequestInfo>;
  /** Adds and removes labels (made when missing); removing one that is not there is fine. */
  setLabels(pullNumber: number, change: { add: string[]; remove: string[] }): Promise<void>;
  comment(pullNumber: number, body: string): Promise<void>;
}

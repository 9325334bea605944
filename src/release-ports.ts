/**
 * The ports a release that writes files uses: the file changes, the one commit that carries them,
 * and the release pull request. Re-exported by ports.ts.
 */

/**
 * A file as a commit stores it, read to be edited: its text, and whether that text is its bytes
 * (a file that is not UTF-8 cannot be written back unchanged around the version).
 */
export interface StoredFile {
  /** Its bytes as UTF-8; where they are not UTF-8, U+FFFD stands for each bad sequence. */
  text: string;
  /** The 1-based line of the first bytes that are not UTF-8; null when the whole file is UTF-8. */
  notUtf8Line: number | null;
  /** Its mode in the commit's tree: `100644`, `100755` (executable), `120000` (a symbolic link). */
  mode: string;
}

/** One file a release changes, by its path from the repository root. */
export interface FileChange {
  path: string;
  /** Its text before; null when the release creates it. */
  before: string | null;
  after: string;
  /**
   * Its mode as the tree the release read it from has it (an executable stays executable); a file
   * the release creates, or a change without a mode, is `100644`.
   */
  mode?: "100644" | "100755";
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
  /** The head branch's name (`pull.head.ref`): a fork's branch may have any name, so see fromFork. */
  head: string;
  /**
   * Whether the head branch lives in another repository (a fork, or a fork since deleted:
   * `head.repo` null) rather than this one (`head.repo.full_name`, compared without case). A fork's
   * pull request is never the release pull request, whatever its branch is called: anyone may push
   * a branch named `shipguard/release/main` to their fork and forge the marker.
   */
  fromFork: boolean;
  base: string;
  title: string;
  body: string;
  labels: string[];
}

/**
 * The release pull request's calls (GitHub's Pulls and Issues APIs). `head` names a branch of this
 * repository: findOpen and listMerged never return a pull request from a fork, even one whose
 * branch has the same name; forCommit returns every pull request, each with `fromFork`.
 */
export interface PullRequestPort {
  /** The open pull request from this repository's branch `head` to `base`, or null (never a fork's). */
  findOpen(head: string, base: string): Promise<PullRequestInfo | null>;
  /** The pull requests a commit belongs to (merged ones included): how a merged release PR is found. */
  forCommit(sha: string): Promise<PullRequestInfo[]>;
  /**
   * The merged pull requests from this repository's branch `head` to `base` (never a fork's), most recently updated first, at most `limit`
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

/** A commit's tree listed: what a Cargo workspace's `members` globs are matched against. */
export interface TreeListing {
  /** The paths (from the root) of the files under `folder` (`.`: all) in `commit`, recursively. */
  filesUnder(commit: string, folder: string): Promise<string[]>;
}

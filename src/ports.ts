/**
 * The ports commands talk through. Each has a GitHub-side and a local adapter (or, for git, the
 * one git CLI adapter both sides use). Commands receive these; they never build them.
 */
import type { RawCommit } from "./core/types.ts";

/** Where messages go. `untrusted` is for text that came from commits, branches or titles. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** Prints text that may contain attacker-chosen lines without letting it act as a workflow command. */
  untrusted(text: string): void;
}

export interface TagRef {
  name: string;
  /** The commit the tag points at (peeled through annotated tag objects). */
  sha: string;
}

export interface Git {
  /** The repository's top folder, or null when the folder is not inside a git work tree. */
  topLevel(): Promise<string | null>;
  headSha(): Promise<string>;
  /** The checked-out branch name, or null on a detached HEAD. */
  currentBranch(): Promise<string | null>;
  isShallow(): Promise<boolean>;
  hasRemote(name: string): Promise<boolean>;
  /** Fetches full history (when shallow) and all tags from the remote. */
  fetchHistoryAndTags(remote: string, unshallow: boolean): Promise<void>;
  listTags(pattern: string): Promise<TagRef[]>;
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /**
   * Streams every commit reachable from `to` and not from `exclude` (all parents), newest first.
   * Nothing is held beyond the commit being delivered.
   */
  streamCommits(to: string, exclude: string | null, onCommit: (commit: RawCommit) => void): Promise<void>;
}

/** A published or draft release of a tag. */
export interface ReleaseInfo {
  id: number;
  url: string;
  draft: boolean;
  tagName: string;
}

/**
 * Where tags and releases are written: GitHub's REST API, or the local repository (tags only; the
 * notes go to stdout or a file).
 */
export interface Forge {
  /** Where the release lives, for messages: "octo/app on GitHub", "the local repository". */
  readonly describe: string;
  /** The commit a tag points at (peeled), or null when there is no such tag. */
  tagCommit(tag: string): Promise<string | null>;
  /**
   * Creates an annotated tag on `sha`. "exists" when the ref was already there: the first writer
   * wins, and the caller reads the tag to learn whether it was this same release.
   */
  createTag(tag: string, sha: string, message: string): Promise<"created" | "exists">;
  /** Points a plain (lightweight) tag at `sha`, creating or moving it. */
  moveTag(tag: string, sha: string): Promise<void>;
  /** Releases, when the forge has them (GitHub); absent for the local repository. */
  readonly releases?: ReleasePort;
}

export interface ReleasePort {
  find(tag: string): Promise<ReleaseInfo | null>;
  createDraft(input: { tag: string; name: string; body: string; prerelease: boolean }): Promise<ReleaseInfo>;
  publish(release: ReleaseInfo, options: { makeLatest: boolean }): Promise<ReleaseInfo>;
}

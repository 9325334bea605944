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

/** Shared records of the version engine. Pure data: no I/O lives in core/. */

export type Bump = "major" | "minor" | "patch" | "none";

/** One commit as git gives it: full sha, parent shas, raw message (may be empty, CRLF, or lossy UTF-8). */
export interface RawCommit {
  sha: string;
  parents: string[];
  message: string;
}

/**
 * How `* type: ...` bullets of a squash body count: `fallback` only under a title that is not a
 * Conventional Commit, `always` next to the title, `never` not at all.
 */
export type SquashBullets = "fallback" | "always" | "never";
export const SQUASH_BULLETS: readonly SquashBullets[] = ["fallback", "always", "never"];

/**
 * One conventional change read from a message: the header, or a `* type: ...` bullet of a squash
 * body. `type` and `scope` are lower-cased (the spec makes them case-insensitive).
 */
export interface ConventionalChange {
  type: string;
  scope: string | null;
  description: string;
  /** `!` right before the colon. */
  bang: boolean;
  /** BREAKING CHANGE / BREAKING-CHANGE notes read below this change's line. */
  notes: string[];
  /** `!`, or a note. */
  breaking: boolean;
  /** The notes, or the description when only `!` marked it. */
  breakingNotes: string[];
  /** Issue / PR numbers referenced as `#123`. */
  references: number[];
  /** true for `* type: ...` lines of a squash-merge body. */
  fromSquashBody: boolean;
}

/** What a whole commit message says. */
export interface ParsedMessage {
  /** The header as a conventional change, or null when the header is not conventional. */
  header: ConventionalChange | null;
  /** `* type: ...` bullets of a squash-merge body, each with the notes below it. */
  bullets: ConventionalChange[];
  /**
   * Breaking-change notes no conventional change owns: under a title that is not conventional, or
   * below a bullet line the parser did not read as a header.
   */
  looseNotes: string[];
  /** A `Release-As: x.y.z` footer, verbatim (validated later). */
  releaseAs: string | null;
  /**
   * Commits this message reverts: shas (full or abbreviated) from `This reverts commit <sha>.` or a
   * `Refs:` footer of a `revert:` commit.
   */
  revertsShas: string[];
  /** The quoted header of a git `Revert "..."` message, when git wrote one. */
  revertsHeader: string | null;
  /** The first line, trimmed, for display. */
  subject: string;
}

/** One release rule: `type(scope)=bump`; scope null matches any scope. */
export interface ReleaseRule {
  type: string;
  scope: string | null;
  bump: Bump;
}

export interface RuleSet {
  rules: ReleaseRule[];
  /** What a breaking change bumps when the major is not 0. */
  breaking: Bump;
}

/** An entry of the release notes. */
export interface NoteEntry {
  section: NoteSection;
  scope: string | null;
  description: string;
  sha: string;
  references: number[];
  breakingNotes: string[];
}

export type NoteSection = "breaking" | "feat" | "fix" | "perf" | "revert";

/** Everything the engine learnt from the commits of the range, in bounded memory. */
export interface HistoryAnalysis {
  /** Commits read, merges included. */
  commitsRead: number;
  /** Non-merge commits counted for the bump. */
  commitCount: number;
  mergeCount: number;
  /** Number of counted changes by type (`other` for non-conventional messages). */
  countsByType: Record<string, number>;
  bump: Bump;
  /** The commit whose change decided the bump (the newest one of the highest bump), or null. */
  decidingCommit: { sha: string; subject: string; reason: string } | null;
  /** Whether any change was breaking (before pre-1.0 rules apply). */
  breaking: boolean;
  /** The newest valid-looking Release-As request, with its commit. */
  releaseAs: { value: string; sha: string } | null;
  /** Commits whose changes a later revert in the same range cancelled. */
  cancelledCount: number;
  notes: NoteEntry[];
  /** Entries not kept because the notes were already over the size cap. */
  notesDropped: number;
  /** Problems worth telling the user about, such as a malformed Release-As footer (capped). */
  warnings: string[];
}

/** A tag whose name is the prefix followed by a SemVer version. */
export interface VersionTag {
  name: string;
  /** The commit the tag points at. */
  sha: string;
  /** The version without prefix and without build metadata. */
  version: string;
  prerelease: boolean;
  /** Whether the tag's commit is an ancestor of HEAD (or HEAD itself). */
  reachable: boolean;
}

/** Where the next version starts from: the version tags of the prefix, read once. */
export interface Baseline {
  /** Every version tag of the prefix, highest first. */
  versions: VersionTag[];
  /** The highest stable tag reachable from HEAD. */
  lastStable: VersionTag | null;
  /** The highest tag reachable from HEAD, prereleases included. */
  lastAny: VersionTag | null;
  /** The highest tag of all, reachable or not. */
  highestExisting: VersionTag | null;
  warnings: string[];
}

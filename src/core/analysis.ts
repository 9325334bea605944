/**
 * Reads a release range one commit at a time, newest first (git log order, all parents), and keeps
 * what the decision and the notes need in bounded memory: counts, the highest bump and its commit,
 * capped note entries, and the reverts still waiting for their target.
 *
 * Reverts: newest first means a revert always arrives before the commit it reverts. It registers
 * its target; when the target arrives in the same range, both contribute nothing. A commit that an
 * earlier-seen revert cancels registers nothing itself, which is what makes a revert of a revert
 * leave the original change standing. Reverts whose target never arrives (already released) become
 * patch-level changes at finish().
 *
 * Order matters: git must deliver children before parents (`--topo-order` or `--date-order`; plain
 * `git log` only does so while commit dates are not skewed).
 */
import semver from "semver";
import { addTitleFooterReferences, changesOf, parseMessage } from "./conventional.ts";
import { bumpFor, bumpRank, ruleFor } from "./rules.ts";
import { versionProblem } from "./semver-text.ts";
import type {
  Bump,
  ConventionalChange,
  HistoryAnalysis,
  NoteEntry,
  NoteSection,
  ParsedMessage,
  RawCommit,
  ReleaseRule,
  SquashBullets,
} from "./types.ts";

/** GitHub's release-body limit: past it a section's entries could never be shown anyway. */
const SECTION_BUDGET = 125_000;
/** What a link to a commit and to an issue adds to an entry once rendered, generously. */
const COMMIT_LINK_ALLOWANCE = 120;
const REFERENCE_ALLOWANCE = 80;
const MAX_DESCRIPTION = 1_000;
const MAX_NOTE = 10_000;
const MAX_SUBJECT = 200;
/** Garbage histories can invent a type per commit; the table of types stays readable. */
const MAX_TYPES = 200;
const MAX_WARNINGS = 20;
const SHA_KEY = 7;
/** Up to this many pending revert targets (the usual case), they are compared one by one. */
const FEW_TARGETS = 8;

const SECTION_OF: Record<string, NoteSection> = { feat: "feat", fix: "fix", perf: "perf", revert: "revert" };
const SECTIONS: readonly NoteSection[] = ["breaking", "feat", "fix", "perf", "revert"];

interface PendingRevert {
  /** Position in the stream: lower is newer. */
  index: number;
  sha: string;
  subject: string;
  /** What the revert's entry in the notes says: the reverted header when known. */
  description: string;
  scope: string | null;
  references: number[];
  /** The bump when the target is not in the range. */
  bump: Bump;
  /** Targets not seen yet. */
  remaining: number;
  cancelled: boolean;
  /** A revert inside a squash body: it cancels its target, but the commit is not a revert itself. */
  embedded: boolean;
}

interface Deciding {
  index: number;
  sha: string;
  subject: string;
  reason: string;
}

export class HistoryAnalyzer {
  private readonly rules: readonly ReleaseRule[];
  private readonly squashBullets: SquashBullets;
  private commitsRead = 0;
  private mergeCount = 0;
  private cancelledCount = 0;
  private readonly counts = new Map<string, number>();
  private bump: Bump = "none";
  private deciding: Deciding | null = null;
  private breaking = false;
  private releaseAs: { value: string; sha: string } | null = null;
  private readonly sections = new Map<NoteSection, { entries: NoteEntry[]; size: number }>();
  private notesDropped = 0;
  private readonly warnings: string[] = [];
  private warningsDropped = 0;
  /** Pending revert targets by the first 7 characters of the target sha. */
  private readonly bySha = new Map<string, { target: string; revert: PendingRevert }[]>();
  /** Pending revert targets by the reverted header, for reverts that name no sha. */
  private readonly byHeader = new Map<string, PendingRevert[]>();
  private readonly reverts: PendingRevert[] = [];
  private result: HistoryAnalysis | null = null;
  /** The commit being read, and its title's references still without their footers' `#N`. */
  private message = "";
  private titleReferences: number[] | null = null;

  /** `rules` are the user's release rules; the defaults apply behind them. */
  constructor(rules: readonly ReleaseRule[], squashBullets: SquashBullets) {
    this.rules = rules;
    this.squashBullets = squashBullets;
    for (const section of SECTIONS) this.sections.set(section, { entries: [], size: 0 });
  }

  add(commit: RawCommit): void {
    if (this.result !== null) throw new Error("HistoryAnalyzer.add() called after finish()");
    const index = this.commitsRead++;
    // A merge subject is a message like any other: `feat: x (#91)` counts, `Merge pull request`
    // is simply not conventional. The commits it brings in are in the range themselves, so its
    // body's bullets would only count them twice.
    const merge = commit.parents.length > 1;
    if (merge) this.mergeCount++;
    // References only serve notes: the title's footers are read once a note is made of it.
    const parsed = parseMessage(commit.message, false);
    this.message = commit.message;
    this.titleReferences = parsed.header === null ? null : parsed.header.references;
    if (this.settleTargets(commit.sha, parsed.subject)) {
      this.cancelledCount++;
      return;
    }
    if (isRevert(parsed)) {
      this.registerRevert(index, commit.sha, parsed, false);
      return;
    }
    if (parsed.revertsShas.length > 0) this.registerRevert(index, commit.sha, parsed, true);

    if (parsed.bullets.length === 0 && parsed.looseNotes.length === 0) {
      // Most commits: a title and nothing else to weigh (what changesOf gives, without its array).
      if (parsed.header !== null) this.addChange(index, commit.sha, parsed.subject, parsed.header);
      else if (!merge) this.count("other");
    } else {
      const changes = changesOf(parsed, merge ? "never" : this.squashBullets);
      if (changes.length === 0 && !merge) this.count("other");
      for (const change of changes) this.addChange(index, commit.sha, parsed.subject, change);
    }
    if (parsed.releaseAs !== null && this.releaseAs === null)
      this.readReleaseAs(commit.sha, parsed.releaseAs);
  }

  finish(): HistoryAnalysis {
    if (this.result !== null) return this.result;
    for (const revert of this.reverts) {
      if (revert.cancelled || revert.embedded) continue;
      this.count("revert");
      if (this.decides(revert.index, revert.bump))
        this.decide(revert.index, revert.bump, revert.sha, revert.subject, revertReason(revert));
      this.addNote({
        section: "revert",
        scope: revert.scope,
        description: revert.description,
        sha: revert.sha,
        references: revert.references,
        breakingNotes: [],
      });
    }
    const notes: NoteEntry[] = [];
    for (const section of SECTIONS) notes.push(...this.sections.get(section)!.entries);
    const warnings = [...this.warnings];
    if (this.warningsDropped > 0)
      warnings.push(`${this.warningsDropped} more warnings about commit messages were left out.`);
    const deciding = this.deciding;
    this.result = {
      commitsRead: this.commitsRead,
      commitCount: this.commitsRead - this.mergeCount,
      mergeCount: this.mergeCount,
      countsByType: Object.fromEntries(this.counts),
      bump: this.bump,
      decidingCommit:
        deciding === null ? null : { sha: deciding.sha, subject: deciding.subject, reason: deciding.reason },
      breaking: this.breaking,
      releaseAs: this.releaseAs,
      cancelledCount: this.cancelledCount,
      notes,
      notesDropped: this.notesDropped,
      warnings,
    };
    return this.result;
  }

  private addChange(index: number, sha: string, subject: string, change: ConventionalChange): void {
    this.count(change.type);
    const bump = bumpFor(change, this.rules);
    if (change.breaking) this.breaking = true;
    if (this.decides(index, bump))
      this.decide(index, bump, sha, subject, changeReason(change, subject, bump));
    if (change.breaking) this.addNoteOf("breaking", sha, change);
    const section = SECTION_OF[change.type];
    if (section !== undefined) this.addNoteOf(section, sha, change);
  }

  /** Builds the entry only when its section still has room: most of a huge range is dropped. */
  private addNoteOf(section: NoteSection, sha: string, change: ConventionalChange): void {
    if (this.sections.get(section)!.size > SECTION_BUDGET) {
      this.notesDropped++;
      return;
    }
    this.completeReferences(change.references);
    this.addNote(noteOf(section, sha, change));
  }

  /** The title's footer references, when `references` are the title's (a change built from it shares them). */
  private completeReferences(references: number[]): void {
    if (references !== this.titleReferences) return;
    addTitleFooterReferences(this.message, references);
    this.titleReferences = null;
  }

  /** Whether this commit decides instead: the newest commit of the highest bump (lower index is newer). */
  private decides(index: number, bump: Bump): boolean {
    if (bump === "none") return false;
    const current = this.deciding;
    const higher = bumpRank(bump) > bumpRank(this.bump);
    return higher || (bumpRank(bump) === bumpRank(this.bump) && current !== null && index < current.index);
  }

  private decide(index: number, bump: Bump, sha: string, subject: string, reason: string): void {
    this.bump = bump;
    this.deciding = { index, sha: detach(sha), subject: clip(subject, MAX_SUBJECT), reason };
  }

  private addNote(entry: NoteEntry): void {
    const section = this.sections.get(entry.section)!;
    if (section.size > SECTION_BUDGET) {
      this.notesDropped++;
      return;
    }
    section.entries.push(entry);
    section.size += estimatedLength(entry);
  }

  private count(name: string): void {
    // A breaking note under a title that is not conventional has no type.
    const type = name === "" ? "other" : name;
    const known = this.counts.get(type);
    if (known !== undefined) this.counts.set(type, known + 1);
    else if (this.counts.size < MAX_TYPES) this.counts.set(detach(type), 1);
    else this.counts.set("other", (this.counts.get("other") ?? 0) + 1);
  }

  private readReleaseAs(sha: string, value: string): void {
    const version = value.replace(/^[vV]/, "");
    if (/^\d/.test(version) && semver.valid(version) !== null) {
      this.releaseAs = { value: detach(version), sha: detach(sha) };
    } else {
      this.warn(
        `Release-As: ${clip(value, 80)} in commit ${sha.slice(0, 7)} ${versionProblem(version)}; it was ignored.`,
      );
    }
  }

  private warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
    else this.warningsDropped++;
  }

  private registerRevert(index: number, sha: string, parsed: ParsedMessage, embedded: boolean): void {
    const header = parsed.header;
    // Its note is made at finish(), when the message is gone.
    if (header !== null) this.completeReferences(header.references);
    let bump: Bump = "none";
    if (!embedded) {
      // Undoing a released change is a fix unless the user set a rule for `revert`; a revert that
      // is also marked breaking keeps its major.
      const revertBump = ruleFor("revert", header?.scope ?? null, this.rules) ?? "patch";
      const headerBump = header === null ? "none" : bumpFor(header, this.rules);
      bump = bumpRank(headerBump) > bumpRank(revertBump) ? headerBump : revertBump;
    }
    const revert: PendingRevert = {
      index,
      sha: detach(sha),
      subject: clip(parsed.subject, MAX_SUBJECT),
      description: clip(parsed.revertsHeader ?? header?.description ?? parsed.subject, MAX_DESCRIPTION),
      scope: header === null || header.scope === null ? null : detach(header.scope),
      references: header?.references ?? [],
      bump,
      remaining: 0,
      cancelled: false,
      embedded,
    };
    for (const target of parsed.revertsShas) {
      const key = target.slice(0, SHA_KEY);
      const list = this.bySha.get(key);
      const entry = { target: detach(target), revert };
      if (list === undefined) this.bySha.set(detach(key), [entry]);
      else list.push(entry);
      revert.remaining++;
    }
    if (revert.remaining === 0 && parsed.revertsHeader !== null && parsed.revertsHeader !== "") {
      const key = detach(parsed.revertsHeader);
      const list = this.byHeader.get(key);
      if (list === undefined) this.byHeader.set(key, [revert]);
      else list.push(revert);
      revert.remaining = 1;
    }
    if (!embedded || revert.remaining > 0) this.reverts.push(revert);
  }

  /** Whether an earlier-seen revert targets this commit; settles those reverts. */
  private settleTargets(sha: string, subject: string): boolean {
    let hit = false;
    if (this.bySha.size > 0) {
      // %H is always lower-case hex; targets were lower-cased when read.
      const lower = sha;
      const key = this.bySha.size > FEW_TARGETS ? lower.slice(0, SHA_KEY) : this.pendingKey(lower);
      const list = key === undefined ? undefined : this.bySha.get(key);
      if (key !== undefined && list !== undefined) {
        const rest = list.filter((entry) => {
          if (!lower.startsWith(entry.target)) return true;
          this.settle(entry.revert);
          hit = true;
          return false;
        });
        if (rest.length === 0) this.bySha.delete(key);
        else this.bySha.set(key, rest);
      }
    }
    if (this.byHeader.size > 0 && subject !== "") {
      const list = this.byHeader.get(subject);
      if (list !== undefined) {
        // Only the newest commit with that header is the one reverted.
        this.byHeader.delete(subject);
        for (const revert of list) this.settle(revert);
        hit = true;
      }
    }
    return hit;
  }

  /** The pending key `sha` starts with, found without cutting a key out of every sha of the range. */
  private pendingKey(sha: string): string | undefined {
    for (const key of this.bySha.keys()) if (sha.startsWith(key)) return key;
    return undefined;
  }

  private settle(revert: PendingRevert): void {
    revert.remaining--;
    if (revert.remaining === 0 && !revert.embedded) {
      revert.cancelled = true;
      this.cancelledCount++;
    }
  }
}

function isRevert(parsed: ParsedMessage): boolean {
  if (parsed.revertsHeader !== null) return true;
  if (parsed.header !== null && parsed.header.type === "revert") return true;
  // A squash body may carry a git revert among other changes: then the commit is not a revert.
  return parsed.revertsShas.length > 0 && parsed.bullets.length === 0;
}

function noteOf(section: NoteSection, sha: string, change: ConventionalChange): NoteEntry {
  return {
    section,
    scope: change.scope === null ? null : detach(change.scope),
    description: clip(change.description, MAX_DESCRIPTION),
    sha: detach(sha),
    references: change.references,
    breakingNotes: section === "breaking" ? change.breakingNotes.map((note) => clip(note, MAX_NOTE)) : [],
  };
}

function estimatedLength(entry: NoteEntry): number {
  let length =
    16 + (entry.scope?.length ?? 0) + COMMIT_LINK_ALLOWANCE + entry.references.length * REFERENCE_ALLOWANCE;
  if (entry.section === "breaking") {
    for (const note of entry.breakingNotes) length += note.length + COMMIT_LINK_ALLOWANCE;
  } else {
    length += entry.description.length;
  }
  return length;
}

function changeReason(change: ConventionalChange, subject: string, bump: Bump): string {
  const text = change.fromSquashBody
    ? `${formatChange(change)} (squashed into "${clip(subject, MAX_SUBJECT)}")`
    : clip(subject, MAX_SUBJECT);
  return change.breaking ? `${text} is a breaking change` : `${text} calls for a ${bump} release`;
}

function revertReason(revert: PendingRevert): string {
  return `${revert.subject} reverts a commit released earlier, which calls for a ${revert.bump} release`;
}

function formatChange(change: ConventionalChange): string {
  const scope = change.scope === null ? "" : `(${change.scope})`;
  return clip(`${change.type}${scope}${change.breaking ? "!" : ""}: ${change.description}`, MAX_SUBJECT);
}

function clip(text: string, max: number): string {
  return detach(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/**
 * A copy that does not keep the whole commit message alive: V8 slices share their parent string,
 * and a kept note must not pin a megabyte message for the rest of a million-commit stream.
 */
function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

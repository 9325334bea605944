/**
 * How conventional-commits-parser reads one segment of a commit message (a whole message, or one
 * squash bullet with the lines below it), configured for Conventional Commits 1.0. The adapter
 * around it (src/core/conventional.ts) adds what the package does not do.
 *
 * One CommitParser is built once and reused. Most messages of a long range have nothing in their
 * body that the package could read as a note or a revert; for those the package's reading is its
 * reading of the header line alone (test/unit/conventional-differential proves the two readings
 * equal over 100,000+ generated messages), which is applying its two header patterns to that line:
 * readHeaderLine does that without the rest of a parse.
 */
import { type Commit, CommitParser, type ParserOptions } from "conventional-commits-parser";

// The spec's `type(scope)!: description`. A type is a word (letters first, `-` allowed); a scope
// holds no parentheses; the description is not blank. One shape for headers and bullets.
const TYPE = "[A-Za-z][\\w-]*";
const SCOPE = "[^()\\r\\n]*";
const DESCRIPTION = "\\S.*";
const HEADER_PATTERN = new RegExp(`^(${TYPE})(?:\\((${SCOPE})\\))?!?: +(${DESCRIPTION})$`);
// Group 3 must be the description: the package takes it as the note of a `!` header.
const BREAKING_HEADER_PATTERN = new RegExp(`^(${TYPE})(?:\\((${SCOPE})\\))?!: +(${DESCRIPTION})$`);
/** The start any header the package could match has; a line without it has no type. */
const HEADER_START = /^[A-Za-z][\w-]*(?:\([^()\r\n]*\))?!?: +\S/;
const NOTE_KEYWORDS = ["BREAKING CHANGE", "BREAKING-CHANGE"];
/** Wider than the package's note pattern (any case, anywhere): no match means no note. */
const NOTE_HINT = /BREAKING[ -]CHANGE/gi;
/** conventional-commits-parser 7's note pattern for these keywords, on every line. */
export const NOTE_LINE = /^(?:\*\s+)?(?:BREAKING CHANGE|BREAKING-CHANGE):/gim;
export const REVERT_HINT = "This reverts commit ";
/** The package drops lines like this before it reads; a header that is one needs the full read. */
const GPG_LINE = /^\s*gpg:/;

/** The package's configuration; exported so the differential test builds the same reader. */
export const PARSER_OPTIONS: ParserOptions = {
  headerPattern: HEADER_PATTERN,
  breakingHeaderPattern: BREAKING_HEADER_PATTERN,
  headerCorrespondence: ["type", "scope", "subject"],
  noteKeywords: NOTE_KEYWORDS,
  revertPattern: /^Revert\s"([\s\S]*)"\s*This reverts commit ([0-9a-fA-F]{7,40})\b/,
  revertCorrespondence: ["header", "hash"],
  // `-field-` blocks and reference actions (`Closes #1`) are not read. The issue prefix stays: with
  // none, the package scans every line with a pattern that is quadratic in the line's length.
  // Links come from our own scan, which skips other repositories' `owner/repo#12` and entities.
  fieldPattern: undefined,
  referenceActions: undefined,
  mergePattern: undefined,
  commentChar: undefined,
};
const parser = quietParser(PARSER_OPTIONS);

/**
 * A CommitParser that does not collect issue references and @-mentions: the package scans every
 * line of every message for them, with the costliest pattern of a read, and nothing here uses
 * them (links come from our own scan of footers). Nothing else the package reads depends on
 * them: they are only pushed to `references` and `mentions`. Exported so a test can prove that
 * the switch still takes effect on the package's current version.
 */
export function quietParser(options: ParserOptions): CommitParser {
  const quiet = new CommitParser(options) as unknown as Record<"parseReferences" | "parseMentions", unknown>;
  quiet.parseReferences = () => [];
  quiet.parseMentions = () => {};
  return quiet as unknown as CommitParser;
}

const NOT_BLANK = /\S/;
const NO_NOTES: readonly { text: string; upper: boolean }[] = Object.freeze([]);
const NO_HEADER: Read = Object.freeze({
  type: null,
  scope: null,
  subject: "",
  bang: false,
  notes: NO_NOTES,
  revert: null,
});

export interface Read {
  type: string | null;
  scope: string | null;
  subject: string;
  bang: boolean;
  /** Every note the package read, in order, with whether its keyword is in upper case. */
  notes: readonly { text: string; upper: boolean }[];
  revert: { header: string | null; hash: string | null } | null;
}

/** The package's reading of one segment, or null for a blank one (the package throws on those). */
export function read(segment: string): Read | null {
  const first = firstLine(segment);
  if (first === null) return null;
  // A note is never read on the header line; a revert may be, when it is all one line.
  const bodyAt = headerEnd(segment);
  const hinted = (bodyAt < segment.length && hasNoteHint(segment, bodyAt)) || segment.includes(REVERT_HINT);
  const gpg = GPG_LINE.test(first);
  // Nothing in the body the package could read as a note or a revert, and a header line it
  // reads as it is: what it reads is the header alone (most messages of a long range).
  if (!hinted && !gpg && first.indexOf("\r") === -1) return readHeaderLine(first);
  // Pre-filter: no header shape and nothing the package could read as a note or a revert is
  // "no type, no note" for certain.
  if (!hinted && !gpg && !HEADER_START.test(first)) return null;
  // A CR in the header line: the package splits on LF and CRLF and trims line breaks at the ends
  // of what it is given, so only the whole segment reads the header exactly as it does.
  return interpret(parser.parse(segment));
}

/**
 * What the package reads from a header line alone (no line break, not `gpg:`, no revert): the
 * groups of breakingHeaderPattern when it matches, else of headerPattern, an empty group read as
 * null, and for a `!` header its description as a note. That is all it does with such a line,
 * through a dozen allocations and five patterns. The two patterns differ only in `!` versus `!?`
 * before the colon, so one match of headerPattern gives both answers (a `!` there can only be
 * the marker: a type and a scope hold none). The differential test holds this to the package.
 */
function readHeaderLine(line: string): Read {
  const match = HEADER_PATTERN.exec(line);
  if (match === null) return NO_HEADER;
  const type = match[1]!;
  const scope = match[2];
  const subject = match[3]!;
  const bang = line.charCodeAt(type.length + (scope === undefined ? 0 : scope.length + 2)) === 33; /* ! */
  return {
    type,
    scope: scope || null,
    subject,
    bang,
    notes: bang ? [{ text: subject.trim(), upper: true }] : NO_NOTES,
    revert: null,
  };
}

function interpret(commit: Commit): Read {
  const type = commit.type ?? null;
  const header = commit.header ?? "";
  const subject = commit.subject ?? "";
  // `!` is not kept by the package once a body note exists; it stands right before ": ".
  let bang = false;
  if (type !== null) {
    let at = type.length;
    if (header.charCodeAt(at) === 40 /* ( */) at = header.indexOf(")", at) + 1;
    bang = header.charCodeAt(at) === 33; /* ! */
  }
  const revert =
    commit.revert === null
      ? null
      : {
          header: (commit.revert.header as string | null) ?? null,
          hash: (commit.revert.hash as string | null) ?? null,
        };
  return { type, scope: commit.scope ?? null, subject, bang, notes: notesOf(commit), revert };
}

function notesOf(commit: Commit): readonly { text: string; upper: boolean }[] {
  if (commit.notes.length === 0) return NO_NOTES;
  return commit.notes.map((note) => ({
    text: note.text.trim(),
    // The spec: BREAKING CHANGE must be upper case; the package matches the keyword in any case.
    upper: note.title === "BREAKING CHANGE" || note.title === "BREAKING-CHANGE",
  }));
}

/** Where the header line starts: past leading line breaks, which the package trims. */
function headerStart(text: string): number {
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 10 || text.charCodeAt(start) === 13)) start++;
  return start;
}

/** Offset just past the header line. */
export function headerEnd(text: string): number {
  const nl = text.indexOf("\n", headerStart(text));
  return nl === -1 ? text.length : nl + 1;
}

function hasNoteHint(text: string, from: number): boolean {
  NOTE_HINT.lastIndex = from;
  return NOTE_HINT.test(text);
}

/** The header line the package would read, or null when the package has nothing to read. */
function firstLine(segment: string): string | null {
  const start = headerStart(segment);
  // \S is what trim() keeps: the same test, without a trimmed copy of the whole message.
  if (start === segment.length || !NOT_BLANK.test(segment)) return null;
  const nl = segment.indexOf("\n", start);
  return nl === -1 ? segment.slice(start) : segment.slice(start, nl);
}

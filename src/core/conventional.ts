/**
 * Commit messages read through conventional-commits-parser, the parser the field uses, configured
 * for Conventional Commits 1.0 (src/core/conventional-reading.ts). This file is the adapter around
 * it: what the package does not do (squash bullets, `Release-As:`, the spec's case rules, git's
 * `Reapply`) is here, and nothing else.
 */
import { headerEnd, NOTE_LINE, REVERT_HINT, type Read, read } from "./conventional-reading.ts";
import type { ConventionalChange, ParsedMessage, SquashBullets } from "./types.ts";

export { PARSER_OPTIONS, quietParser } from "./conventional-reading.ts";

/** A squash bullet: `* ` at the very start of a line, then a conventional header. */
const BULLET_LINE = /^\* ([A-Za-z][\w-]*(?:\([^()\r\n]*\))?!?: +\S.*)$/gm;
const NEXT_BULLET = /^\* [A-Za-z][\w-]*(?:\([^()\r\n]*\))?!?: +\S/m;
const RELEASE_AS = /^release-as:[ \t]*(\S[^\n]*)$/im;
const REFS_FOOTER = /^refs(?::[ \t]*| +(?=#))([^\n]*)$/gim;
const SQUASH_SUFFIX = /\s*\(#(\d{1,9})\)$/;
// Not inside words, URLs (`/#12`) or entities (`&#12;`).
const HASH_REFERENCE = /(?<![\w&/#])#(\d{1,9})(?!\w)/g;
/** A footer line that may name issues: `Refs: #12`, `Closes #12`, `Fixes: owner/repo#3`. */
const REFERENCE_FOOTER = /^[A-Za-z][\w-]*(?::[ \t]| (?=#))[^\n]*#\d[^\n]*/gm;
const REVERTS_COMMIT = /This reverts commit ([0-9a-fA-F]{7,40})(?![0-9a-fA-F])/g;
const SHA = /^[0-9a-fA-F]{7,40}$/;
const GIT_REVERT_SUBJECT = /^(Revert|Reapply) "(.*)"$/;
const MAX_REFERENCES = 50;
const MAX_NOTES = 20;
const NO_CHANGES: readonly ConventionalChange[] = Object.freeze([]);

/**
 * Reads one commit message. Never throws: empty, CRLF, huge and lossy-UTF-8 messages included.
 * With `footerReferences` false, the `#N` of the title's footers (`Refs: #12`) are left out of its
 * change when the message has no squash bullets: they only serve notes, and most changes of a long
 * range make none. addTitleFooterReferences adds them when a note is made.
 */
export function parseMessage(text: string, footerReferences = true): ParsedMessage {
  // Given to the package as it is: it splits lines on LF and CRLF itself.
  const bodyStart = headerEnd(text);
  const subject = displaySubject(text);
  const parsed: ParsedMessage = {
    header: null,
    bullets: [],
    looseNotes: [],
    releaseAs: null,
    revertsShas: [],
    revertsHeader: null,
    subject,
  };

  // The package reads the whole message: header, notes, revert. Squash bullets are ours: each
  // bullet line's header is read by the package like a title, and a note belongs to the bullet
  // above it (to the title above the first bullet).
  const whole = read(text);
  const bulletStarts = bodyStart < text.length ? findBullets(text, bodyStart) : [];
  const titleEnd = bulletStarts.length > 0 ? bulletStarts[0]! : text.length;
  if (whole !== null && whole.type !== null) {
    parsed.header = changeOf(whole, false);
    // Under bullets, the title's footers come before what withoutHeaderRepeats merges in below.
    if (footerReferences || bulletStarts.length > 0)
      collectFooterReferences(text.slice(0, titleEnd), bodyStart, parsed.header.references);
  }
  const segments: (ConventionalChange | null)[] = [parsed.header];
  for (let i = 0; i < bulletStarts.length; i++) {
    const end = i + 1 < bulletStarts.length ? bulletStarts[i + 1]! : text.length;
    const segment = text.slice(bulletStarts[i]! + 2, end); // past "* "
    const lineEnd = headerEnd(segment);
    const line = read(segment.slice(0, lineEnd));
    // A `* gpg: ...` line is dropped by the parser before it reads: no header, its notes are loose.
    const change = line === null || line.type === null ? null : changeOf(line, true);
    if (change !== null) {
      collectFooterReferences(segment, lineEnd, change.references);
      parsed.bullets.push(change);
    }
    segments.push(change);
  }
  if (whole !== null) {
    if (whole.notes.length > 0) assignNotes(text, bodyStart, whole, bulletStarts, segments, parsed);
    if (whole.revert !== null) {
      if (whole.revert.hash !== null) addSha(parsed.revertsShas, whole.revert.hash.toLowerCase());
      if (whole.revert.header !== null) parsed.revertsHeader = whole.revert.header;
    }
  }

  if (bodyStart < text.length) readBodyExtras(text, bodyStart, parsed);
  // Unless the package read `Revert "<header>"` with its `This reverts commit <sha>.`:
  if (parsed.revertsHeader === null) {
    const gitRevert = subject.charCodeAt(0) === 82 /* R */ ? GIT_REVERT_SUBJECT.exec(subject) : null;
    if (gitRevert !== null) {
      // `Reapply "x"` is how git titles the revert of `Revert "x"`.
      parsed.revertsHeader = gitRevert[1] === "Revert" ? gitRevert[2]! : `Revert "${gitRevert[2]!}"`;
    } else if (parsed.header?.type === "revert" && parsed.revertsShas.length === 0) {
      // `revert: feat: x` without a sha: the description names the reverted header.
      parsed.revertsHeader = unquote(parsed.header.description);
    }
  }
  if (parsed.header !== null && parsed.bullets.length > 0)
    parsed.bullets = withoutHeaderRepeats(parsed.header, parsed.bullets);
  return parsed;
}

/**
 * Adds the `#N` of the title's footers to the title change's `references`, as parseMessage(text)
 * reads them; what is there already stays as it is, so a second call adds nothing.
 */
export function addTitleFooterReferences(text: string, references: number[]): void {
  const bodyStart = headerEnd(text);
  if (bodyStart >= text.length) return;
  const bulletStarts = findBullets(text, bodyStart);
  const titleEnd = bulletStarts.length > 0 ? bulletStarts[0]! : text.length;
  collectFooterReferences(text.slice(0, titleEnd), bodyStart, references);
}

/**
 * The changes of a message that count, by the `squash-bullets` setting. `fallback`: a
 * conventional title is the maintainers' decision and its bullets are the branch's working history,
 * so bullets speak only under a title that is not conventional. Breaking-change notes always count
 * (the field reads a note on any body line): a note whose bullet does not count goes to the title.
 */
export function changesOf(parsed: ParsedMessage, mode: SquashBullets): readonly ConventionalChange[] {
  const header = parsed.header;
  // Most messages: a title and nothing else to weigh.
  if (parsed.bullets.length === 0 && parsed.looseNotes.length === 0)
    return header === null ? NO_CHANGES : [header];
  const readBullets = mode === "always" || (mode === "fallback" && header === null);
  const orphanNotes = [...parsed.looseNotes];
  if (!readBullets) for (const bullet of parsed.bullets) orphanNotes.push(...bullet.notes);
  const changes: ConventionalChange[] = [];
  if (header !== null) {
    changes.push(orphanNotes.length === 0 ? header : withNotes(header, orphanNotes));
  } else if (orphanNotes.length > 0) {
    // `v9 (#639)` with a `BREAKING CHANGE:` line: a breaking change without a type.
    changes.push(withNotes(untypedChange(parsed.subject), orphanNotes));
  }
  if (readBullets) changes.push(...parsed.bullets);
  return changes;
}

/**
 * Gives each upper-case note read from the body to the change above it: the bullet whose segment
 * holds the note's line, or the title (the loose notes when the title is not conventional). The
 * note lines are found again with the package's own note pattern; when that count differs from
 * the package's (it skips a note line right after a footer that ended an earlier note), every
 * note goes to the title, which keeps the commit exactly as breaking as the package reads it.
 */
function assignNotes(
  text: string,
  bodyStart: number,
  whole: Read,
  bulletStarts: number[],
  segments: (ConventionalChange | null)[],
  parsed: ParsedMessage,
): void {
  let notes = whole.notes;
  const lines = noteLineOffsets(text, bodyStart);
  // A `!` header without a note in the body: the package adds its description as a note.
  if (whole.bang && notes.length === lines.length + 1) notes = notes.slice(0, -1);
  const located = lines.length === notes.length;
  let kept = 0;
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i]!;
    if (!note.upper || kept >= MAX_NOTES) continue;
    kept++;
    // The package runs a note on into the lines below it; the next bullet is a change, not text.
    const noteText = bulletStarts.length === 0 ? note.text : beforeBullet(note.text);
    let segment = 0;
    if (located) while (segment < bulletStarts.length && bulletStarts[segment]! < lines[i]!) segment++;
    // A bullet the parser read no header on (`* gpg: ...`) gives its notes to the title.
    const owner = segments[segment] ?? parsed.header;
    if (owner !== null) owner.notes.push(noteText);
    else parsed.looseNotes.push(noteText);
  }
  for (const change of segments) if (change !== null) settle(change);
}

function beforeBullet(note: string): string {
  const at = note.search(NEXT_BULLET);
  return at === -1 ? note : note.slice(0, at).trim();
}

/** Offsets of the body lines the package's note pattern matches (the same pattern, every line). */
function noteLineOffsets(text: string, from: number): number[] {
  const offsets: number[] = [];
  NOTE_LINE.lastIndex = from;
  for (let m = NOTE_LINE.exec(text); m !== null; m = NOTE_LINE.exec(text)) offsets.push(m.index);
  return offsets;
}

function changeOf(read: Read, fromSquashBody: boolean): ConventionalChange {
  let description = read.subject.trim();
  const references: number[] = [];
  if (description.indexOf("#") !== -1) {
    // GitHub ends a squash subject with `(#123)`: a reference to link, not words to show.
    const suffix = SQUASH_SUFFIX.exec(description);
    if (suffix !== null && suffix.index > 0) {
      description = description.slice(0, suffix.index);
      collectReferences(description, references);
      addReference(references, Number(suffix[1]));
    } else {
      collectReferences(description, references);
    }
  }
  const scope = read.scope === null ? "" : read.scope.trim().toLowerCase();
  const change: ConventionalChange = {
    type: read.type!.toLowerCase(),
    scope: scope === "" ? null : scope,
    description,
    bang: read.bang,
    notes: [],
    breaking: false,
    breakingNotes: [],
    references,
    fromSquashBody,
  };
  return settle(change);
}

/** breaking and breakingNotes from `!` and the notes: a note's text, or the description. */
function settle(change: ConventionalChange): ConventionalChange {
  change.breaking = change.bang || change.notes.length > 0;
  if (!change.breaking) {
    // Most changes: nothing to copy.
    change.breakingNotes = [];
    return change;
  }
  const texts = change.notes.filter((note) => note !== "");
  change.breakingNotes = texts.length > 0 ? texts : change.breaking ? [change.description] : [];
  return change;
}

function withNotes(change: ConventionalChange, notes: string[]): ConventionalChange {
  const merged = [...change.notes];
  for (const note of notes) if (!merged.includes(note) || note === "") merged.push(note);
  return settle({ ...change, notes: merged });
}

function untypedChange(subject: string): ConventionalChange {
  const references: number[] = [];
  collectReferences(subject, references);
  return {
    type: "",
    scope: null,
    description: subject,
    bang: false,
    notes: [],
    breaking: false,
    breakingNotes: [],
    references,
    fromSquashBody: false,
  };
}

/** Where squash bullets start (offsets of their `*`), after the header line. */
function findBullets(text: string, from: number): number[] {
  if (text.indexOf("\n* ", from - 1) === -1) return [];
  const starts: number[] = [];
  BULLET_LINE.lastIndex = from;
  for (let m = BULLET_LINE.exec(text); m !== null; m = BULLET_LINE.exec(text)) {
    // `* BREAKING-CHANGE: x` is a note (the package reads it so), not a change of type BREAKING-CHANGE.
    if (!/^breaking-change[(!:]/i.test(m[1]!)) starts.push(m.index);
  }
  return starts;
}

/** Release-As, the shas a revert names, and `#N` references in footers. */
function readBodyExtras(text: string, bodyStart: number, parsed: ParsedMessage): void {
  const body = text.slice(bodyStart);
  if (/release-as:/i.test(body)) {
    const match = RELEASE_AS.exec(body);
    if (match !== null) parsed.releaseAs = match[1]!.trim();
  }
  if (body.includes(REVERT_HINT)) {
    REVERTS_COMMIT.lastIndex = 0;
    for (let m = REVERTS_COMMIT.exec(body); m !== null; m = REVERTS_COMMIT.exec(body)) {
      addSha(parsed.revertsShas, m[1]!.toLowerCase());
    }
  }
  if (parsed.header?.type === "revert") {
    REFS_FOOTER.lastIndex = 0;
    for (let m = REFS_FOOTER.exec(body); m !== null; m = REFS_FOOTER.exec(body)) {
      for (const word of m[1]!.split(/[\s,]+/))
        if (SHA.test(word)) addSha(parsed.revertsShas, word.toLowerCase());
    }
  }
}

/** `Refs: #12` and `Closes #3` in a segment's footers link from that segment's change. */
function collectFooterReferences(segment: string, from: number, references: number[]): void {
  if (segment.indexOf("#", from) === -1) return;
  REFERENCE_FOOTER.lastIndex = from;
  for (let m = REFERENCE_FOOTER.exec(segment); m !== null; m = REFERENCE_FOOTER.exec(segment)) {
    collectReferences(m[0], references);
  }
}

/** The first non-blank line, trimmed: what people see as the commit's title. */
function displaySubject(text: string): string {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  const nl = text.indexOf("\n", start);
  return text.slice(start, nl === -1 ? text.length : nl).trim();
}

function collectReferences(text: string, references: number[]): void {
  HASH_REFERENCE.lastIndex = 0;
  for (let m = HASH_REFERENCE.exec(text); m !== null; m = HASH_REFERENCE.exec(text)) {
    addReference(references, Number(m[1]));
  }
}

function addReference(references: number[], n: number): void {
  if (n > 0 && references.length < MAX_REFERENCES && !references.includes(n)) references.push(n);
}

function addSha(shas: string[], sha: string): void {
  if (!shas.includes(sha)) shas.push(sha);
}

/** A squash of a one-commit PR repeats its header as a bullet: one change, not two. */
function withoutHeaderRepeats(
  header: ConventionalChange,
  bullets: ConventionalChange[],
): ConventionalChange[] {
  const kept: ConventionalChange[] = [];
  for (const bullet of bullets) {
    if (
      bullet.type === header.type &&
      bullet.scope === header.scope &&
      bullet.description === header.description
    ) {
      header.bang ||= bullet.bang;
      for (const note of bullet.notes) if (!header.notes.includes(note)) header.notes.push(note);
      for (const reference of bullet.references) addReference(header.references, reference);
      settle(header);
    } else {
      kept.push(bullet);
    }
  }
  return kept;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff;
}

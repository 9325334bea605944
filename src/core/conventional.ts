/**
 * Conventional Commits 1.0 read the way the spec reads (../shared/notes/conventional-commits.md).
 * Not conventional-commits-parser: its defaults drop `feat!:` and match note keywords and types
 * with the opposite case rules. This runs once per commit for up to a million commits, so it walks
 * the body once with sticky regexes instead of splitting it into arrays of lines.
 */
import type { ConventionalChange, ParsedMessage } from "./types.ts";

const HEADER = /^([A-Za-z][A-Za-z0-9_-]*)(?:\(([^()\n]*)\))?(!)?: ([^\n]*)$/;
const BULLET = /\* ([A-Za-z][A-Za-z0-9_-]*)(?:\(([^()\n]*)\))?(!)?: ([^\n]*)/y;
// The spec wants `: ` after the token; a bare colon at the end of the line (text on the next
// lines) is common enough in real histories to accept for the breaking-change token only.
const BREAKING_TOKEN = /BREAKING[ -]CHANGE:(?: +|(?=\n)|$)/y;
const FOOTER_TOKEN = /([A-Za-z][A-Za-z0-9_-]*)(: | (?=#))/y;
const SQUASH_SUFFIX = /\s*\(#(\d{1,9})\)$/;
// Not inside words, URLs (`/#12`) or entities (`&#12;`).
const HASH_REFERENCE = /(?<![\w&/#])#(\d{1,9})(?!\w)/g;
const REVERTS_COMMIT = /This reverts commit ([0-9a-fA-F]{7,40})(?![0-9a-fA-F])/g;
const SHA = /^[0-9a-fA-F]{7,40}$/;
const GIT_REVERT_SUBJECT = /^(Revert|Reapply) "(.*)"$/;
const MAX_REFERENCES = 50;

interface OpenFooter {
  token: string;
  valueStart: number;
  valueEnd: number;
  breaking: boolean;
  /** The change a breaking note or a reference belongs to: the header, or the bullet above. */
  owner: ConventionalChange | null;
}

export function parseMessage(message: string): ParsedMessage {
  const text = message.indexOf("\r") === -1 ? message : message.replace(/\r\n?/g, "\n");
  const length = text.length;
  let start = 0;
  while (start < length && isSpace(text.charCodeAt(start))) start++;
  let lineEnd = text.indexOf("\n", start);
  if (lineEnd === -1) lineEnd = length;
  const subject = text.slice(start, lineEnd).trim();
  const match = HEADER.exec(subject);
  const header = match === null ? null : changeFrom(match, false);

  const parsed: ParsedMessage = {
    header,
    bullets: [],
    footers: [],
    releaseAs: null,
    revertsShas: [],
    revertsHeader: null,
    subject,
  };
  if (lineEnd < length) {
    scanBody(text, lineEnd + 1, parsed);
    if (text.indexOf("This reverts commit ", lineEnd) !== -1)
      collectRevertedShas(text, lineEnd, parsed.revertsShas);
  }

  const gitRevert = subject.charCodeAt(0) === 82 /* R */ ? GIT_REVERT_SUBJECT.exec(subject) : null;
  if (gitRevert !== null) {
    // `Reapply "x"` is how git titles the revert of `Revert "x"`.
    parsed.revertsHeader = gitRevert[1] === "Revert" ? gitRevert[2]! : `Revert "${gitRevert[2]!}"`;
  } else if (header !== null && header.type === "revert" && parsed.revertsShas.length === 0) {
    // `revert: feat: x` without a sha: the description names the reverted header.
    parsed.revertsHeader = unquote(header.description);
  }

  if (header !== null) {
    if (header.breaking && header.breakingNotes.length === 0) header.breakingNotes.push(header.description);
    if (parsed.bullets.length > 0) parsed.bullets = withoutHeaderRepeats(header, parsed.bullets);
  }
  for (const bullet of parsed.bullets) {
    if (bullet.breaking && bullet.breakingNotes.length === 0) bullet.breakingNotes.push(bullet.description);
  }
  return parsed;
}

function changeFrom(match: RegExpExecArray, fromSquashBody: boolean): ConventionalChange | null {
  let description = match[4]!.trim();
  if (description === "") return null;
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
  const scope = match[2] === undefined ? "" : match[2].trim().toLowerCase();
  return {
    type: match[1]!.toLowerCase(),
    scope: scope === "" ? null : scope,
    description,
    breaking: match[3] === "!",
    breakingNotes: [],
    references,
    fromSquashBody,
  };
}

/**
 * One pass over the body. A footer starts at a paragraph's first line (or right after another
 * footer) and its value runs until the next footer token, as the spec says; a `* type: ...` line
 * starts a squash bullet and becomes the owner of the footers below it.
 */
function scanBody(text: string, bodyStart: number, parsed: ParsedMessage): void {
  const length = text.length;
  // The line right after the header counts as a paragraph start: a missing blank line is a
  // formatting slip, not a reason to lose a BREAKING CHANGE.
  let paragraphStart = true;
  let open: OpenFooter | null = null;
  let owner = parsed.header;
  let pos = bodyStart;
  while (pos < length) {
    let end = text.indexOf("\n", pos);
    if (end === -1) end = length;
    if (isBlankLine(text, pos, end)) {
      paragraphStart = true;
    } else {
      let handled = false;
      if (text.charCodeAt(pos) === 42 /* * */ && text.charCodeAt(pos + 1) === 32) {
        BULLET.lastIndex = pos;
        const match = BULLET.exec(text);
        const bullet = match === null ? null : changeFrom(match, true);
        if (bullet !== null) {
          if (open !== null) closeFooter(text, open, parsed);
          open = null;
          parsed.bullets.push(bullet);
          owner = bullet;
          handled = true;
        }
      }
      if (!handled && (paragraphStart || open !== null)) {
        const footer = footerAt(text, pos, end, owner);
        if (footer !== null) {
          if (open !== null) closeFooter(text, open, parsed);
          open = footer;
          handled = true;
        }
      }
      if (!handled && open !== null) open.valueEnd = end;
      paragraphStart = false;
    }
    pos = end + 1;
  }
  if (open !== null) closeFooter(text, open, parsed);
}

function footerAt(
  text: string,
  pos: number,
  end: number,
  owner: ConventionalChange | null,
): OpenFooter | null {
  const first = text.charCodeAt(pos);
  if (first === 66 /* B */) {
    BREAKING_TOKEN.lastIndex = pos;
    if (BREAKING_TOKEN.test(text)) {
      // Both spellings are 15 characters long.
      const token = text.slice(pos, pos + 15);
      return { token, valueStart: BREAKING_TOKEN.lastIndex, valueEnd: end, breaking: true, owner };
    }
  }
  if (!isAsciiLetter(first)) return null;
  FOOTER_TOKEN.lastIndex = pos;
  const match = FOOTER_TOKEN.exec(text);
  if (match === null) return null;
  // `Token #value` keeps its `#` so that `Refs #12` and `Refs: #12` read the same.
  return { token: match[1]!, valueStart: FOOTER_TOKEN.lastIndex, valueEnd: end, breaking: false, owner };
}

function closeFooter(text: string, open: OpenFooter, parsed: ParsedMessage): void {
  const value = text.slice(open.valueStart, Math.max(open.valueStart, open.valueEnd)).trim();
  parsed.footers.push({ token: open.token, value });
  const owner = open.owner;
  if (open.breaking) {
    if (owner !== null) {
      owner.breaking = true;
      owner.breakingNotes.push(value === "" ? owner.description : value);
    }
    return;
  }
  const token = open.token.toLowerCase();
  if (token === "release-as") {
    if (parsed.releaseAs === null && value !== "") parsed.releaseAs = firstLine(value);
  } else if (token === "refs" && parsed.header !== null && parsed.header.type === "revert") {
    for (const word of value.split(/[\s,]+/)) {
      if (SHA.test(word)) addSha(parsed.revertsShas, word.toLowerCase());
    }
  }
  if (owner !== null && value.indexOf("#") !== -1) collectReferences(value, owner.references);
}

function collectRevertedShas(text: string, from: number, shas: string[]): void {
  REVERTS_COMMIT.lastIndex = from;
  for (let match = REVERTS_COMMIT.exec(text); match !== null; match = REVERTS_COMMIT.exec(text)) {
    addSha(shas, match[1]!.toLowerCase());
  }
}

function collectReferences(text: string, references: number[]): void {
  HASH_REFERENCE.lastIndex = 0;
  for (let match = HASH_REFERENCE.exec(text); match !== null; match = HASH_REFERENCE.exec(text)) {
    addReference(references, Number(match[1]));
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
      if (bullet.breaking && !header.breaking) header.breaking = true;
      for (const note of bullet.breakingNotes) {
        if (!header.breakingNotes.includes(note)) header.breakingNotes.push(note);
      }
      for (const reference of bullet.references) addReference(header.references, reference);
    } else {
      kept.push(bullet);
    }
  }
  return kept;
}

function firstLine(value: string): string {
  const nl = value.indexOf("\n");
  return (nl === -1 ? value : value.slice(0, nl)).trim();
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isSpace(text.charCodeAt(i))) return false;
  }
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * CHANGELOG.md: a release's notes go in after the title block (the title and any paragraphs before
 * the first release section) and above the previous release's section; every other byte stays. A
 * release section starts at the first heading of level 2 or deeper, or at the first heading that
 * names a version (some changelogs give minor releases `# [1.2.0]`); an "Unreleased" section stays
 * above. A file that already has a heading for the version is returned unchanged, so running again
 * changes nothing.
 */

export interface ChangelogRelease {
  /** The version, without a tag prefix: `1.2.0`. */
  version: string;
  /** The release notes in markdown, their own heading first (`## 1.2.0 (2026-12-07)`). */
  notes: string;
}

export const CHANGELOG_TITLE = "# Changelog";

interface Heading {
  /** Offset of the heading's first line. */
  start: number;
  level: number;
  text: string;
  /** Offset of the first `#` of an ATX heading; null for a setext one. */
  hashes: number | null;
}

const VERSION_IN_TEXT = /(?<![0-9A-Za-z.])v?\d+\.\d+\.\d+(?![0-9A-Za-z])/;

/**
 * The headings outside fenced code: ATX (`## x`) and setext (`x` over `===` or `---`); and where a
 * fence that is never closed opens (the rest of the file is code to a reader).
 */
function scan(text: string): { headings: Heading[]; unclosedFence: number | null } {
  const out: Heading[] = [];
  let fence: { marker: string; start: number } | null = null;
  let previous: { start: number; line: string } | null = null;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(start, end).replace(/\r?\n$/, "");
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceOpen !== null && fenceOpen[1]!.startsWith(fence.marker) && line.trim() === fenceOpen[1])
        fence = null;
      previous = null;
    } else if (fenceOpen !== null) {
      fence = { marker: fenceOpen[1]!, start };
      previous = null;
    } else {
      const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$/.exec(line);
      const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
      if (atx !== null) {
        out.push({ start, level: atx[1]!.length, text: atx[2] ?? "", hashes: start + line.indexOf("#") });
      } else if (underline !== null && previous !== null) {
        out.push({
          start: previous.start,
          level: underline[1]!.startsWith("=") ? 1 : 2,
          text: previous.line,
          hashes: null,
        });
      }
      const paragraph = atx === null && line.trim() !== "" && !/^ {0,3}([-*+>]|\d+[.)])(\s|$)/.test(line);
      previous = !paragraph
        ? null
        : previous === null
          ? { start, line: line.trim() }
          : { start: previous.start, line: `${previous.line} ${line.trim()}` };
    }
    start = end;
  }
  return { headings: out, unclosedFence: fence?.start ?? null };
}

/** A heading's words, link targets left out (a compare link names the previous version too). */
const words = (heading: Heading): string => heading.text.replace(/\]\([^)]*\)/g, "]");

function namesVersion(heading: Heading, version: string): boolean {
  const escaped = version.replace(/[.+]/g, "\\$&");
  return new RegExp(`(?<![0-9A-Za-z.+-])v?${escaped}(?![0-9A-Za-z.+-]|\\.[0-9])`).test(words(heading));
}

/**
 * The previous release's heading: the first of level 2 or deeper, or that names a version. An
 * "Unreleased" section (Keep a Changelog) is not a release: it stays on top, with its subsections.
 */
function firstRelease(found: readonly Heading[]): Heading | undefined {
  let unreleased: number | null = null;
  for (const heading of found) {
    if (unreleased !== null && heading.level > unreleased) continue;
    unreleased = /^\[?unreleased\]?$/i.test(words(heading).trim()) ? heading.level : null;
    if (unreleased === null && (heading.level >= 2 || VERSION_IN_TEXT.test(words(heading)))) return heading;
  }
  return undefined;
}

/**
 * The notes as they go under the title: a top heading `# x` moves one level down, and notes with
 * no heading that names the version get `## <version>` (the next run finds the section by it).
 */
function fitted(notes: string, version: string): string {
  const found = scan(notes).headings;
  let out = notes;
  if (found.some((h) => h.level === 1)) {
    out = "";
    let at = 0;
    for (const heading of found) {
      if (heading.hashes === null || heading.level === 6) continue;
      out += `${notes.slice(at, heading.hashes)}#`;
      at = heading.hashes;
    }
    out += notes.slice(at);
  }
  return found.some((h) => namesVersion(h, version)) ? out : `## ${version}\n\n${out}`;
}

export function insertRelease(text: string | null, release: ChangelogRelease): string {
  const notes = fitted(release.notes.replace(/\r\n/g, "\n").replace(/\n*$/, "\n"), release.version);
  const bom = text?.startsWith("\uFEFF") ? "\uFEFF" : "";
  const rest = text === null ? "" : text.slice(bom.length);
  if (rest === "") return `${bom}${CHANGELOG_TITLE}\n\n${notes}`;
  const { headings: found, unclosedFence } = scan(rest);
  if (found.some((h) => namesVersion(h, release.version))) return text!;

  // What is inserted ends its lines as the file's first line does.
  const eol = /^[^\n]*\r\n/.test(rest) ? "\r\n" : "\n";
  const section = firstRelease(found);
  // Notes after a fence that never closes would read as code (and not be found on the next run).
  const at = section?.start ?? unclosedFence ?? rest.length;
  const before = rest.slice(0, at);
  // One blank line between the title block and the notes, and between the notes and what follows.
  const lead = before === "" || /\n[ \t]*\r?\n$/.test(before) ? "" : before.endsWith("\n") ? eol : eol + eol;
  const trail = at === rest.length ? "" : eol;
  return `${bom}${before}${lead}${notes.replace(/\n/g, eol)}${trail}${rest.slice(at)}`;
}

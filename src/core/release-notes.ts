/**
 * Release notes in markdown: breaking changes first, then Features, Bug Fixes, Performance
 * Improvements and Reverts, each entry with its scope, short sha and references, linked when the
 * repository's URL is known. Text from commits is neutralised so that it cannot leave the list, and
 * the whole stays under GitHub's release-body limit.
 */
import type { HistoryAnalysis, NoteEntry, NoteSection } from "./types.ts";

export interface NotesContext {
  /** The version being released, without prefix. */
  version: string;
  /** Its tag, for the compare link. */
  tag: string | null;
  previousTag: string | null;
  /** e.g. https://github.com/o/r; null prints shas and issue numbers as plain text. */
  repoUrl: string | null;
  /** The release date; a string is printed as given. */
  date: Date | string;
}

/** GitHub refuses a release body over 125,000 characters. */
export const NOTES_LIMIT = 125_000;
/** Room kept for the "N more entries were left out" line. */
const FOOTER_ROOM = 200;

const TITLES: Record<NoteSection, string> = {
  breaking: "⚠ BREAKING CHANGES",
  feat: "Features",
  fix: "Bug Fixes",
  perf: "Performance Improvements",
  revert: "Reverts",
};
const ORDER: readonly NoteSection[] = ["breaking", "feat", "fix", "perf", "revert"];

export function renderNotes(analysis: HistoryAnalysis, context: NotesContext): string {
  const repoUrl = context.repoUrl === null ? null : context.repoUrl.replace(/\/+$/, "");
  const bySection = new Map<NoteSection, NoteEntry[]>();
  for (const entry of analysis.notes) {
    const list = bySection.get(entry.section);
    if (list === undefined) bySection.set(entry.section, [entry]);
    else list.push(entry);
  }

  const out: string[] = [heading(context, repoUrl)];
  let length = out[0]!.length;
  let leftOut = analysis.notesDropped;
  let full = false;
  for (const section of ORDER) {
    const entries = bySection.get(section);
    if (entries === undefined || entries.length === 0) continue;
    if (full) {
      leftOut += entries.length;
      continue;
    }
    const title = `\n### ${TITLES[section]}\n`;
    let wroteTitle = false;
    for (let i = 0; i < entries.length; i++) {
      const text = renderEntry(entries[i]!, repoUrl);
      const added = text.length + 1 + (wroteTitle ? 0 : title.length + 1);
      if (length + added > NOTES_LIMIT - FOOTER_ROOM) {
        full = true;
        leftOut += entries.length - i;
        break;
      }
      if (!wroteTitle) {
        out.push(title);
        wroteTitle = true;
      }
      out.push(text);
      length += added;
    }
  }
  if (out.length === 1) out.push("", "No notable changes.");
  if (leftOut > 0) out.push("", `${leftOut} more ${leftOut === 1 ? "entry was" : "entries were"} left out.`);
  return `${out.join("\n")}\n`;
}

function heading(context: NotesContext, repoUrl: string | null): string {
  const date = formatDate(context.date);
  const when = date === "" ? "" : ` (${date})`;
  const version = inline(context.version);
  if (repoUrl !== null && context.previousTag !== null && context.tag !== null) {
    const compare = `${repoUrl}/compare/${encodeURIComponent(context.previousTag)}...${encodeURIComponent(context.tag)}`;
    return `## [${version}](${compare})${when}`;
  }
  return `## ${version}${when}`;
}

function formatDate(date: Date | string): string {
  if (typeof date === "string") return inline(date);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** One list item; a breaking entry has one item per note. */
export function renderEntry(entry: NoteEntry, repoUrl: string | null): string {
  const scope = entry.scope === null ? "" : `**${escapeScope(entry.scope)}:** `;
  const link = ` (${commitLink(entry.sha, repoUrl)})`;
  const references =
    entry.references.length === 0
      ? ""
      : `, closes ${entry.references.map((n) => issueLink(n, repoUrl)).join(", ")}`;
  if (entry.section === "breaking") {
    const notes = entry.breakingNotes.length > 0 ? entry.breakingNotes : [entry.description];
    return notes.map((note) => `* ${scope}${block(note, `${link}${references}`)}`).join("\n");
  }
  return `* ${scope}${inline(entry.description)}${link}${references}`;
}

function commitLink(sha: string, repoUrl: string | null): string {
  const short = sha.slice(0, 7);
  return repoUrl === null ? short : `[${short}](${repoUrl}/commit/${sha})`;
}

function issueLink(n: number, repoUrl: string | null): string {
  return repoUrl === null ? `#${n}` : `[#${n}](${repoUrl}/issues/${n})`;
}

/** One line of commit text, safe inside a list item. */
function inline(text: string): string {
  const line = text.indexOf("\n") === -1 ? text : text.replace(/\s*\n\s*/g, " ");
  return neutraliseStart(escapeOutsideCode(line.trim()));
}

/**
 * A multi-line note: the first line goes on the bullet with the suffix, the rest is indented so it
 * stays inside the item. Fenced code is kept verbatim.
 */
function block(text: string, suffix: string): string {
  const lines = text.trim().split("\n");
  let fenced = false;
  const rendered = lines.map((raw, i) => {
    const line = raw.trimEnd();
    const isFence = /^\s*(```|~~~)/.test(line);
    let out: string;
    if (fenced || isFence) out = line;
    else out = neutraliseStart(escapeOutsideCode(i === 0 ? line.trim() : line));
    if (isFence) fenced = !fenced;
    if (i === 0) return `${out}${suffix}`;
    return out === "" ? "" : `  ${out}`;
  });
  if (fenced) rendered.push("  ```");
  return rendered.join("\n");
}

/**
 * `<` could open an HTML block or comment that swallows the rest of the notes; escaped outside
 * code spans, where a backslash would show.
 */
function escapeOutsideCode(text: string): string {
  if (text.indexOf("<") === -1) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const tick = text.indexOf("`", i);
    if (tick === -1) {
      out += text.slice(i).replace(/</g, "\\<");
      break;
    }
    out += text.slice(i, tick).replace(/</g, "\\<");
    let run = tick;
    while (text.charCodeAt(run) === 96) run++;
    const fence = text.slice(tick, run);
    const close = findClosingRun(text, run, fence.length);
    if (close === -1) {
      out += fence;
      i = run;
    } else {
      out += text.slice(tick, close + fence.length);
      i = close + fence.length;
    }
  }
  return out;
}

function findClosingRun(text: string, from: number, size: number): number {
  let i = text.indexOf("`", from);
  while (i !== -1) {
    let end = i;
    while (text.charCodeAt(end) === 96) end++;
    if (end - i === size) return i;
    i = text.indexOf("`", end);
  }
  return -1;
}

/** A line that starts like a heading, quote, list, rule or task box would end the list item. */
function neutraliseStart(line: string): string {
  // Most lines start with a letter, which starts none of those.
  const first = line.charCodeAt(0) | 0x20;
  if (first >= 97 && first <= 122) return line;
  const indent = /^\s*/.exec(line)![0];
  const rest = line.slice(indent.length);
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(rest);
  if (ordered !== null) return `${indent}${ordered[1]}\\${rest.slice(ordered[1]!.length)}`;
  if (/^(?:#|>|[-+*](?:\s|$)|[-*_=]{3,}\s*$|=|\[)/.test(rest)) return `${indent}\\${rest}`;
  return line;
}

function escapeScope(scope: string): string {
  return scope.replace(/[\\`*_<>[\]]/g, "\\$&");
}

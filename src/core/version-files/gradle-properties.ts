/**
 * gradle.properties, read as java.util.Properties reads it: `version=1.2.3`, `version = 1.2.3`,
 * `version:1.2.3` or `version 1.2.3`; `#` and `!` comment lines; a line ending in an odd number of
 * backslashes continues on the next one.
 */
import { exactlyOne, fail, type Locate, type Span, shown, versionFileUpdater } from "./edit.ts";

const EXPECTED = "one version=… property";

interface Property {
  key: string;
  line: number;
  /** The value's source on the logical line (continuations included), from its first character. */
  value: Span;
}

/** The logical lines: [start, end) of each, and its first line number. */
function logicalLines(text: string): { start: number; end: number; line: number }[] {
  const out: { start: number; end: number; line: number }[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  let line = 1;
  let first = 1;
  let match: RegExpExecArray | null;
  for (;;) {
    match = breaks.exec(text);
    const end = match === null ? text.length : match.index;
    const slashes = /\\*$/.exec(text.slice(start, end))![0].length;
    const blank = text.slice(start, end).trim() === "";
    const comment = /^[ \t\f]*[#!]/.test(text.slice(start, end));
    if (match === null || slashes % 2 === 0 || blank || comment) {
      out.push({ start, end, line: first });
      start = match === null ? end : match.index + match[0].length;
      first = line + 1;
    }
    if (match === null) return out;
    line++;
  }
}

function parseLine(text: string, start: number, end: number, line: number): Property | null {
  const source = text.slice(start, end);
  const lead = /^[ \t\f]*/.exec(source)![0].length;
  if (lead === source.length || source[lead] === "#" || source[lead] === "!") return null;
  let i = lead;
  let key = "";
  while (i < source.length && !/[=: \t\f]/.test(source[i]!)) {
    if (source[i] === "\\") {
      key += source[i + 1] ?? "";
      i += 2;
    } else key += source[i++];
  }
  const separator = /^[ \t\f]*[=:]?[ \t\f]*/.exec(source.slice(i))![0].length;
  return { key, line, value: { start: start + i + separator, end } };
}

export const locateGradleProperties: Locate = (text, context) => {
  const properties = logicalLines(text)
    .map(({ start, end, line }) => parseLine(text, start, end, line))
    .filter((p): p is Property => p?.key === "version");
  const property = exactlyOne(properties, (p) => p.line, context, EXPECTED);
  const raw = text.slice(property.value.start, property.value.end);
  const token = raw.trimEnd();
  if (token === "" || /[\s\\]/.test(token)) {
    fail(context, EXPECTED, { kind: "not-a-string", line: property.line, found: shown(raw) });
  }
  return [{ start: property.value.start, end: property.value.start + token.length }];
};

export const updateGradleProperties = versionFileUpdater("gradle.properties", locateGradleProperties);

/**
 * Any other file: each line that carries the marker `x-shipguard-version` has its one SemVer
 * version replaced; the rest of the line and every other line stay. The search is per line only.
 */
import { fail, type Locate, type Span, versionFileUpdater } from "./edit.ts";

export const MARKER = "x-shipguard-version";
const EXPECTED = `a line carrying the marker ${MARKER} and one SemVer version`;
/** A SemVer version not inside a longer number (1.2.3.4) or version. */
const SEMVER_IN_LINE =
  /(?<![0-9.])\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?![0-9]|\.[0-9])/g;

export const locateMarkedLines: Locate = (text, context) => {
  const spans: Span[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const source = text.slice(start, end);
    if (source.includes(MARKER)) {
      const found = [...source.matchAll(SEMVER_IN_LINE)];
      if (found.length === 0) fail(context, EXPECTED, { kind: "unmarked", line });
      if (found.length > 1) fail(context, EXPECTED, { kind: "ambiguous", lines: found.map(() => line) });
      const at = start + found[0]!.index;
      spans.push({ start: at, end: at + found[0]![0].length });
    }
    if (newline === -1) break;
    start = newline + 1;
    line++;
  }
  if (spans.length === 0) fail(context, EXPECTED, { kind: "missing" });
  return spans;
};

export const updateMarkedLines = versionFileUpdater("the file", locateMarkedLines);

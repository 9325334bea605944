/**
 * VERSION and version.txt: the whole file is the version; surrounding blank space (the newline)
 * stays, and so does a `v` in front of it (`v1.2.3` becomes `v1.3.0`).
 */
import { fail, type Locate, lineAt, shown, versionFileUpdater } from "./edit.ts";

const EXPECTED = "the version as the file's only content";

export const locatePlainVersion: Locate = (text, context) => {
  const token = text.trim();
  if (token === "") fail(context, EXPECTED, { kind: "missing" });
  const start = text.indexOf(token);
  if (/\s/.test(token)) {
    const lines = token.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (lines.length > 1) {
      const first = lineAt(text, start);
      fail(context, EXPECTED, { kind: "ambiguous", lines: lines.map((_, i) => first + i) });
    }
    fail(context, EXPECTED, { kind: "not-a-string", line: lineAt(text, start), found: shown(token) });
  }
  const prefix = /^v\d/.test(token) ? 1 : 0;
  return [{ start: start + prefix, end: start + token.length }];
};

export const updatePlainVersion = versionFileUpdater("VERSION", locatePlainVersion);

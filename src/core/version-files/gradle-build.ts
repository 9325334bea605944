/**
 * build.gradle and build.gradle.kts: the top-level `version = "1.2.3"` (Groovy also `version '1.2.3'`).
 * There is no Groovy or Kotlin parser for JavaScript, so a small tokenizer reads the file: it skips
 * comments and strings, tracks braces, and accepts only a statement at the top level, so that the
 * `version` of a plugin, a dependency constraint or an `allprojects { }` block is never touched.
 */
import { exactlyOne, fail, type Locate, lineAt, shown, versionFileUpdater } from "./edit.ts";

const EXPECTED = 'one top-level version assignment (version = "1.2.3", outside every block)';

interface Token {
  kind: "word" | "string" | "punct";
  start: number;
  end: number;
  text: string;
  /** Braces, parentheses and brackets open around the token. */
  depth: number;
  /** First token of its line, or after a `;`. */
  first: boolean;
  /** A string whose source is not its value: `$` templates, escapes, triple quotes. */
  computed?: boolean;
}

const OPERATOR = /[=!<>+\-*%&|^?:~]/;
const WORD = /[\p{L}\p{N}_$]/u;

/** Where a string that opens at `i` ends (after its closing quote, or at the line's end if unclosed). */
function stringEnd(text: string, i: number, quote: string, triple: boolean): number {
  if (triple) {
    const close = text.indexOf(quote.repeat(3), i + 3);
    return close === -1 ? text.length : close + 3;
  }
  let j = i + 1;
  while (j < text.length && text[j] !== quote && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
  return text[j] === quote ? j + 1 : j;
}

function skipBlank(text: string, i: number): { next: number; newLine: boolean } {
  if (text.startsWith("//", i)) {
    const end = text.indexOf("\n", i);
    return { next: end === -1 ? text.length : end, newLine: false };
  }
  if (text.startsWith("/*", i)) {
    const end = text.indexOf("*/", i + 2);
    const next = end === -1 ? text.length : end + 2;
    return { next, newLine: text.slice(i, next).includes("\n") };
  }
  return { next: i + 1, newLine: text[i] === "\n" };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let first = true;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c) || text.startsWith("//", i) || text.startsWith("/*", i)) {
      const { next, newLine } = skipBlank(text, i);
      first ||= newLine;
      i = next;
      continue;
    }
    let end = i + 1;
    let kind: Token["kind"] = "punct";
    let computed = false;
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      end = stringEnd(text, i, c, triple);
      kind = "string";
      computed =
        triple || text.slice(i, end).includes("\\") || (c === '"' && text.slice(i, end).includes("$"));
    } else if (WORD.test(c)) {
      while (end < text.length && WORD.test(text[end]!)) end++;
      kind = "word";
    } else if (OPERATOR.test(c)) {
      while (end < text.length && OPERATOR.test(text[end]!)) end++;
    }
    if (c === "}" || c === ")" || c === "]") depth = Math.max(0, depth - 1);
    tokens.push({ kind, start: i, end, text: text.slice(i, end), depth, first, computed });
    if (c === "{" || c === "(" || c === "[") depth++;
    first = c === ";";
    i = end;
  }
  return tokens;
}

/** `"1.2.3"` or `'1.2.3'`: closed by its own quote, a version-like token between. */
const closedLiteral = (source: string): boolean =>
  source.length > 2 && source.at(-1) === source[0] && /^[^\s'"]+$/.test(source.slice(1, -1));

export const locateGradleBuild: Locate = (text, context) => {
  const tokens = tokenize(text);
  const statements = tokens.flatMap((token, i) => {
    if (token.kind !== "word" || token.text !== "version" || !token.first || token.depth !== 0) return [];
    const assigned = tokens[i + 1]?.text === "=";
    const value = tokens[i + (assigned ? 2 : 1)];
    if (!assigned && value?.kind !== "string") return []; // `version` used otherwise: not an assignment
    const after = tokens[i + (assigned ? 3 : 2)];
    const ends = after === undefined || after.first || after.text === ";";
    return [{ token, value, plain: value?.kind === "string" && value.computed !== true && ends }];
  });
  const found = exactlyOne(statements, (s) => lineAt(text, s.token.start), context, EXPECTED);
  const value = found.value;
  if (!found.plain || value === undefined || !closedLiteral(value.text)) {
    const lineEnd = text.indexOf("\n", found.token.start);
    const source = text.slice(found.token.start, lineEnd === -1 ? text.length : lineEnd);
    fail(context, EXPECTED, {
      kind: "not-a-string",
      line: lineAt(text, found.token.start),
      found: shown(source),
    });
  }
  return [{ start: value.start + 1, end: value.end - 1 }];
};

export const updateGradleBuild = versionFileUpdater("build.gradle", locateGradleBuild);

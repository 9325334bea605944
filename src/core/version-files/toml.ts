/**
 * TOML, read with toml-eslint-parser: every key-value with its full key path (tables, dotted keys,
 * inline tables and array-of-tables indexes resolved), and its value's range in the text.
 */

import type { AST } from "toml-eslint-parser";
import { parseTOML } from "toml-eslint-parser";
import { fail, type Located, literalSpan, type Span, shown } from "./edit.ts";

export type TomlPath = readonly (string | number)[];

export interface TomlEntry {
  path: TomlPath;
  value: AST.TOMLContentNode;
  line: number;
}

function keyNames(key: AST.TOMLKey): string[] {
  return key.keys.map((k) => (k.type === "TOMLBare" ? k.name : k.value));
}

function collect(out: TomlEntry[], prefix: TomlPath, pairs: readonly AST.TOMLKeyValue[]): void {
  for (const pair of pairs) {
    const path = [...prefix, ...keyNames(pair.key)];
    out.push({ path, value: pair.value, line: pair.loc.start.line });
    if (pair.value.type === "TOMLInlineTable") collect(out, path, pair.value.body);
  }
}

export function tomlEntries(text: string, context: Located, expected: string): TomlEntry[] {
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(text);
  } catch (error) {
    const e = error as { message?: string; lineNumber?: number };
    const detail = e.message ?? String(error);
    fail(context, expected, { kind: "unparsable", format: "TOML", detail, line: e.lineNumber ?? 1 });
  }
  const out: TomlEntry[] = [];
  for (const item of ast.body[0]?.body ?? []) {
    if (item.type === "TOMLKeyValue") collect(out, [], [item]);
    else collect(out, item.resolvedKey, item.body);
  }
  return out;
}

/**
 * The entries of a manifest read outside an edit (a name, a workspace's members): a leading BOM is
 * set aside as versionFileUpdater sets it aside for an edit.
 */
export function manifestEntries(text: string, file: string, expected: string): TomlEntry[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return tomlEntries(body, { file, options: {} }, expected);
}

/** The string at `path` (the first, when repeated), or null when there is none. */
export function stringAt(entries: readonly TomlEntry[], path: TomlPath): string | null {
  const value = entriesAt(entries, path)[0]?.value;
  return value?.type === "TOMLValue" && typeof value.value === "string" ? value.value : null;
}

export const samePath = (a: TomlPath, b: TomlPath): boolean =>
  a.length === b.length && a.every((part, i) => part === b[i]);

export function entriesAt(entries: readonly TomlEntry[], path: TomlPath): TomlEntry[] {
  return entries.filter((entry) => samePath(entry.path, path));
}

/** The span of a TOML string's characters (basic or literal, one line or multi-line without escapes). */
export function tomlString(text: string, entry: TomlEntry, context: Located, expected: string): Span {
  const value = entry.value;
  const [start, end] = value.range;
  if (value.type !== "TOMLValue" || value.kind !== "string") {
    fail(context, expected, { kind: "not-a-string", line: entry.line, found: shown(text.slice(start, end)) });
  }
  return literalSpan(
    text,
    { start, end, quote: value.multiline ? 3 : 1, value: value.value },
    context,
    expected,
  );
}

/**
 * The values of the settings file, node by node: keys as text with their lines, unknown keys named
 * with the nearest known one, and each value as the text its option reads.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair, stringify } from "yaml";
import { nearest } from "../core/edit-distance.ts";
import { shipguardError } from "../errors.ts";
import { refusalOf, shapeOf } from "./file-keys.ts";

/** The YAML being read, and where its nodes are. */
export interface FileReader {
  name: string;
  doc: Document;
  lineOf(node: unknown): number;
  /** A SG_SETTINGS_FILE_INVALID error at a line. */
  invalid(line: number, problem: string, fix: string): Error;
}

/** An alias resolved to the node it names. */
export function resolved(reader: FileReader, value: unknown): unknown {
  return isAlias(value) ? value.resolve(reader.doc) : value;
}

/** Null, an empty value: not set. */
export function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** A key of a mapping, as text, with its line; a key that is not plain text is refused. */
export function keyOf(reader: FileReader, pair: Pair): { key: string; line: number } {
  const node = pair.key;
  const line = reader.lineOf(node);
  if (!isScalar(node) || (typeof node.value !== "string" && typeof node.value !== "number")) {
    throw reader.invalid(
      line,
      "a key must be plain text.",
      "Write keys as plain words, such as `tag-prefix:`.",
    );
  }
  return { key: String(node.value), line };
}

/** Refuses a key that is not among `keys`, naming the nearest one. */
export function known(
  reader: FileReader,
  key: string,
  line: number,
  keys: readonly string[],
  within: string | null,
): void {
  if (keys.includes(key) || (within === null && refusalOf(key) !== null)) return;
  const best = nearest(key, keys);
  throw shipguardError("SG_SETTINGS_UNKNOWN", {
    file: reader.name,
    line,
    key,
    within,
    nearest: best?.candidate ?? null,
    close: best !== null && best.distance <= Math.max(2, Math.floor(key.length / 3)),
  });
}

/**
 * A value as the option's text: text, numbers and booleans as written; a list joined as the option
 * reads its list; a mapping as `name=value` pairs where the option takes them; `checks` as YAML.
 * Undefined for an empty value (null): not set, as an empty input.
 */
export function optionText(
  reader: FileReader,
  option: string,
  setting: string,
  value: unknown,
  keyLine: number,
): string | undefined {
  const node = resolved(reader, value);
  if (isEmpty(node)) return undefined;
  const line = reader.lineOf(node) || keyLine;
  const shape = shapeOf(option);
  if (isScalar(node)) return scalarText(node.value, node.source);
  if (shape.yaml) return stringify((node as Node).toJSON());
  const wrong = (what: string, takes: string) =>
    reader.invalid(line, `${setting} is ${what}; it takes ${takes}.`, `Write ${setting} as ${takes}.`);
  /** One entry of a list or mapping: a value, never a list, a mapping or nothing. */
  const entry = (item: unknown, what: string, takes: string): string => {
    const inner = resolved(reader, item);
    if (!isScalar(inner) || inner.value === null) throw wrong(what, takes);
    return scalarText(inner.value, inner.source);
  };
  if (isSeq(node) && shape.separator !== null) {
    const items = node.items.map((item) =>
      entry(item, "a list with an entry that is not a value", "a list of values"),
    );
    return items.join(shape.separator);
  }
  if (isMap(node) && shape.pairs && shape.separator !== null) {
    const pairs = node.items.map(
      (pair) =>
        `${keyOf(reader, pair).key}=${entry(pair.value, "a mapping with an entry that is not a value", "`name: value` entries")}`,
    );
    return pairs.join(shape.separator);
  }
  throw wrong(describe(node), takes(shape));
}

function takes(shape: ReturnType<typeof shapeOf>): string {
  if (shape.pairs) return "a mapping of `name: value`, a list of `name=value`, or text";
  if (shape.separator !== null) return "a list or text";
  return "one value";
}

/** Text as written: `1.10` stays `1.10`, `true` stays `true`. */
function scalarText(value: unknown, source: string | undefined): string {
  if (typeof value === "string") return value;
  return source ?? String(value);
}

export function describe(node: unknown): string {
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) return `the value ${JSON.stringify(node.value)}`;
  return "not a value";
}

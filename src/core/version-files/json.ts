/** JSON, read with jsonc-parser's tree: every node knows its offset, so a value is edited in place. */
import { type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { exactlyOne, fail, type Located, lineAt, literalSpan, type Span, shown } from "./edit.ts";

export function parseJson(text: string, context: Located, expected: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    const offset = first?.offset ?? 0;
    const detail = first === undefined ? "empty" : printParseErrorCode(first.error);
    fail(context, expected, { kind: "unparsable", format: "JSON", detail, line: lineAt(text, offset) });
  }
  return root;
}

/** The values of an object's properties named `key` (a JSON object may repeat a key). */
export function propertyValues(object: Node | undefined, key: string): Node[] {
  if (object?.type !== "object") return [];
  return (object.children ?? []).flatMap((property) => {
    const [name, value] = property.children ?? [];
    return name?.value === key && value !== undefined ? [value] : [];
  });
}

/** The one `version` string of an object, as the span of its characters between the quotes. */
export function versionOf(text: string, object: Node | undefined, context: Located, expected: string): Span {
  const value = exactlyOne(
    propertyValues(object, "version"),
    (n) => lineAt(text, n.offset),
    context,
    expected,
  );
  const token = { start: value.offset, end: value.offset + value.length };
  if (value.type !== "string") {
    const found = shown(text.slice(token.start, token.end));
    fail(context, expected, { kind: "not-a-string", line: lineAt(text, value.offset), found });
  }
  return literalSpan(text, { ...token, quote: 1, value: value.value as string }, context, expected);
}

import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { shipguardError } from "../../errors.ts";

/**
 * The checks YAML as a small tree that keeps each value's line, so that every validation error can
 * point at the line to fix. Aliases are resolved; tags other than the core schema are not special.
 */
export type TreeNode = MapNode | SeqNode | ScalarNode;

export interface MapNode {
  kind: "map";
  line: number;
  entries: MapEntry[];
}

export interface MapEntry {
  key: string;
  line: number;
  value: TreeNode;
}

export interface SeqNode {
  kind: "seq";
  line: number;
  items: TreeNode[];
}

export interface ScalarNode {
  kind: "scalar";
  line: number;
  value: string | number | boolean | null;
}

/** Parses YAML text into a tree; a syntax error names the source and line. */
export function readYamlTree(text: string, source: string): TreeNode {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const line = lines.linePos(firstError.pos[0]).line;
    throw shipguardError("SG_CHECKS_YAML", { source, line, reason: "syntax", detail: firstError.message });
  }
  const lineOf = (node: Node | null | undefined): number => {
    const start = node?.range?.[0];
    return start === undefined ? 0 : lines.linePos(start).line;
  };
  // A bounded alias count keeps a "billion laughs" document from blowing up memory.
  let aliasesSeen = 0;
  const convert = (node: unknown, fallbackLine: number): TreeNode => {
    if (isAlias(node)) {
      aliasesSeen += 1;
      if (aliasesSeen > 100) {
        throw shipguardError("SG_CHECKS_YAML", { source, line: lineOf(node), reason: "aliases" });
      }
      return convert(node.resolve(doc), lineOf(node));
    }
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyLine = isScalar(keyNode) ? lineOf(keyNode) : lineOf(node);
        if (!isScalar(keyNode) || (typeof keyNode.value !== "string" && typeof keyNode.value !== "number")) {
          throw shipguardError("SG_CHECKS_YAML", { source, line: keyLine, reason: "key" });
        }
        entries.push({ key: String(keyNode.value), line: keyLine, value: convert(pair.value, keyLine) });
      }
      return { kind: "map", line: lineOf(node) || fallbackLine, entries };
    }
    if (isSeq(node)) {
      return {
        kind: "seq",
        line: lineOf(node) || fallbackLine,
        items: node.items.map((item) => convert(item, lineOf(node) || fallbackLine)),
      };
    }
    if (isScalar(node)) {
      const value = node.value;
      if (
        value === null ||
        typeof value === "string" ||
        typeof value === "number" ||
        typeof value === "boolean"
      ) {
        return { kind: "scalar", line: lineOf(node) || fallbackLine, value };
      }
      return { kind: "scalar", line: lineOf(node) || fallbackLine, value: String(value) };
    }
    // An empty value (`key:` with nothing after it) has no node at all.
    return { kind: "scalar", line: fallbackLine, value: null };
  };
  return convert(doc.contents, 1);
}

/** The plain JavaScript value of a tree (for free-form values such as expected JSON). */
export function treeToValue(node: TreeNode): unknown {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "seq":
      return node.items.map(treeToValue);
    case "map": {
      const result: Record<string, unknown> = {};
      for (const entry of node.entries) {
        // defineProperty, so that a `__proto__` key stays a plain key instead of a prototype.
        Object.defineProperty(result, entry.key, {
          value: treeToValue(entry.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
  }
}

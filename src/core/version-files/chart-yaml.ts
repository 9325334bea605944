/**
 * Helm's Chart.yaml: the top-level `version`, and `appVersion` when chart-app-version is on; never
 * a dependency's `version`. The scalar keeps its style: plain stays plain, quotes stay quotes.
 */
import { isMap, isScalar, parseDocument, type Scalar } from "yaml";
import {
  exactlyOne,
  fail,
  type Locate,
  type Located,
  lineAt,
  type Span,
  shown,
  versionFileUpdater,
} from "./edit.ts";

const expectedFor = (key: string) => `one top-level ${key} (a plain or quoted scalar)`;

function scalarSpan(text: string, node: Scalar, context: Located, expected: string): Span {
  const [start, end] = node.range!;
  const quote = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
  const span = { start: start + quote, end: end - quote };
  const raw = text.slice(span.start, span.end);
  const literal = quote === 1 ? raw === String(node.value) : node.type === "PLAIN" && raw === node.source;
  if (!literal || raw === "" || /[\s#]/.test(raw)) {
    fail(context, expected, {
      kind: "not-a-string",
      line: lineAt(text, start),
      found: shown(text.slice(start, end)),
    });
  }
  return span;
}

export const locateChartYaml: Locate = (text, context) => {
  const keys = context.options.chartAppVersion === true ? ["version", "appVersion"] : ["version"];
  const doc = parseDocument(text, { uniqueKeys: false, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0].line ?? lineAt(text, error.pos[0]);
    const detail = error.message.split("\n")[0] ?? error.code;
    fail(context, expectedFor(keys[0]!), { kind: "unparsable", format: "YAML", detail, line });
  }
  const pairs = isMap(doc.contents) ? doc.contents.items : [];
  return keys.map((key) => {
    const expected = expectedFor(key);
    const named = pairs.filter((pair) => isScalar(pair.key) && pair.key.value === key);
    const keyLine = (pair: (typeof named)[number]) => lineAt(text, (pair.key as Scalar).range?.[0] ?? 0);
    const pair = exactlyOne(named, keyLine, context, expected);
    const value = pair.value;
    if (!isScalar(value) || !value.range) {
      const range = (value as { range?: number[] } | null)?.range;
      const found = range === undefined ? "no value" : shown(text.slice(range[0], range[1]));
      return fail(context, expected, { kind: "not-a-string", line: keyLine(pair), found });
    }
    return scalarSpan(text, value, context, expected);
  });
};

export const updateChartYaml = versionFileUpdater("Chart.yaml", locateChartYaml);

/**
 * The size rules of issue 10: no file in src/ over 450 lines, no function over 100 lines (data
 * tables, such as an exported const array or object literal, are not functions). The checker in
 * test/helpers/code-shape.ts is tested on small samples below, so that a pass means something.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { functionSpans, lineCount } from "../helpers/code-shape.ts";

const MAX_FILE_LINES = 450;
const MAX_FUNCTION_LINES = 100;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function sourceFiles(): { file: string; source: string }[] {
  return readdirSync(path.join(ROOT, "src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort()
    .map((file) => ({ file, source: readFileSync(path.join(ROOT, file), "utf8") }));
}

/** `count` lines of statements. */
function statements(count: number): string {
  return Array.from({ length: count }, (_, index) => `  total += ${index};`).join("\n");
}

function longest(source: string): { name: string; line: number; lines: number }[] {
  return functionSpans(source).filter((span) => span.lines > MAX_FUNCTION_LINES);
}

describe("code shape of src/", () => {
  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const offenders = sourceFiles()
      .map(({ file, source }) => ({ file, lines: lineCount(source) }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines (limit ${MAX_FILE_LINES})`);
    expect(offenders, "files over the limit").toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const offenders = sourceFiles().flatMap(({ file, source }) =>
      longest(source).map(
        (span) => `${file}:${span.line} ${span.name}: ${span.lines} lines (limit ${MAX_FUNCTION_LINES})`,
      ),
    );
    expect(offenders, "functions over the limit").toEqual([]);
  });

  it("finds the functions of src/, so the check above is not vacuous", () => {
    const spans = sourceFiles().flatMap(({ source }) => functionSpans(source));
    expect(spans.length).toBeGreaterThan(400);
    expect(spans.some((span) => span.name === "runSmoke" && span.lines > 50)).toBe(true);
  });
});

describe("the code-shape checker", () => {
  it("fails a 101-line function and passes a 100-line one, counted from its first line to its closing brace", () => {
    const tooLong = `export function tooLong(): number {\n  let total = 0;\n${statements(97)}\n  return total;\n}\n`;
    expect(longest(tooLong)).toEqual([{ name: "tooLong", line: 1, lines: 101 }]);
    const exact = `\n\nfunction atLimit(\n  a: number,\n): number {\n${statements(96)}\n}\n`;
    expect(functionSpans(exact)).toEqual([{ name: "atLimit", line: 3, lines: 100 }]);
    expect(longest(exact)).toEqual([]);
    const over = `\n\nfunction overLimit(\n  a: number,\n): number {\n${statements(97)}\n}\n`;
    expect(longest(over)).toEqual([{ name: "overLimit", line: 3, lines: 101 }]);
  });

  it("measures methods, arrow functions and function expressions with a block body, not expression bodies", () => {
    const source = [
      "export class Ledger {",
      "  #lock = 0;",
      "  constructor(private readonly file: string) {",
      "    this.#lock = 1;",
      "  }",
      "  async *history(env: string): AsyncGenerator<{ id: string }, void, undefined> {",
      "    yield { id: env };",
      "  }",
      "  get size(): number {",
      "    return 1;",
      "  }",
      "}",
      "const handler = async (request: Request): Promise<{ ok: boolean }> => {",
      "  return { ok: request.ok };",
      "};",
      "const short = (x: number) => ({ x });",
      "const expression = function named() {",
      "  return 1;",
      "};",
      "items.map((item) => {",
      "  return item;",
      "});",
      "export default function <T>(value: T): T {",
      "  if (value) {",
      "    for (const x of [1]) {",
      "    }",
      "  } else {",
      "  }",
      "  return value;",
      "}",
    ].join("\n");
    expect(functionSpans(source)).toEqual([
      { name: "constructor", line: 3, lines: 3 },
      { name: "history", line: 6, lines: 3 },
      { name: "size", line: 9, lines: 3 },
      { name: "handler", line: 13, lines: 3 },
      { name: "named", line: 17, lines: 3 },
      { name: "(arrow function in map(...))", line: 20, lines: 3 },
      { name: "(anonymous function)", line: 23, lines: 8 },
    ]);
  });

  it("is not confused by braces in strings, template literals, regular expressions and comments", () => {
    const tricky = [
      "function tricky(): string {",
      '  const a = "}}}{";',
      "  const b = '{';",
      "  const c = `}${'{'}${`nested ${ { x: '}' }.x } }`}`;",
      "  const d = /[}{]\\/}/g.test(a) ? a / 2 : 0;",
      "  // }",
      "  /* } { */",
      "  return `${a}${b}${c}${d}`;",
      "}",
      "function after() {",
      "  return 1;",
      "}",
    ].join("\n");
    expect(functionSpans(tricky)).toEqual([
      { name: "tricky", line: 1, lines: 9 },
      { name: "after", line: 10, lines: 3 },
    ]);
  });

  it("counts a function in a template literal's code", () => {
    const source = "const text = `a ${items.map((item) => {\n  return item;\n}).join()} b`;\n";
    expect(functionSpans(source)).toEqual([{ name: "(arrow function in map(...))", line: 1, lines: 3 }]);
  });

  it("exempts a data table: an exported const array or object literal is not a function", () => {
    const rows = Array.from({ length: 150 }, (_, index) => `  { name: "option-${index}", kind: "string" },`);
    const table = `export const OPTIONS = [\n${rows.join("\n")}\n] as const;\n`;
    const object = `export const ERRORS = {\n${rows.map((row, index) => `  e${index}: ${row.trim()}`).join("\n")}\n};\n`;
    expect(functionSpans(table)).toEqual([]);
    expect(functionSpans(object)).toEqual([]);
    // A function is still a function inside a table.
    const withFunction = `export const TABLE = {\n  parse(value: string) {\n${statements(99)}\n  },\n};\n`;
    expect(longest(withFunction)).toEqual([{ name: "parse", line: 2, lines: 101 }]);
  });

  it("counts the lines of a file as an editor shows them", () => {
    expect(lineCount("")).toBe(0);
    expect(lineCount("a\nb\n")).toBe(2);
    expect(lineCount("a\nb")).toBe(2);
  });
});

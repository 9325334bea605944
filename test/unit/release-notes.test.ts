import { describe, expect, it } from "vitest";
import { HistoryAnalyzer } from "../../src/core/analysis.ts";
import { NOTES_LIMIT, type NotesContext, renderNotes } from "../../src/core/release-notes.ts";
import type { HistoryAnalysis, NoteEntry } from "../../src/core/types.ts";

const SHA = "abc1234def567890abc1234def567890abc12345";
const URL = "https://github.com/o/r";
const CONTEXT: NotesContext = {
  version: "1.4.0",
  tag: "v1.4.0",
  previousTag: "v1.3.0",
  repoUrl: URL,
  date: new Date("2026-11-21T15:00:00Z"),
};

function analysisOf(messages: string[]): HistoryAnalysis {
  const analyzer = new HistoryAnalyzer([], "fallback");
  messages.forEach((message, i) => {
    analyzer.add({ sha: `${String(i).padStart(7, "0")}${SHA.slice(7)}`, parents: ["p"], message });
  });
  return analyzer.finish();
}

function withNotes(notes: NoteEntry[], notesDropped = 0): HistoryAnalysis {
  return { ...analysisOf([]), notes, notesDropped };
}

function entry(description: string, extra: Partial<NoteEntry> = {}): NoteEntry {
  return { section: "feat", scope: null, description, sha: SHA, references: [], breakingNotes: [], ...extra };
}

describe("renderNotes", () => {
  it("sections in order with scopes, linked shas and references", () => {
    const a = analysisOf([
      `Revert "feat: old idea"\n\nThis reverts commit ${"9".repeat(40)}.`,
      "perf(db): faster query",
      "fix: crash on empty input\n\nFixes #7",
      "feat(api)!: new search (#12)\n\nBREAKING CHANGE: the old index is gone",
      "docs: words",
    ]);
    expect(renderNotes(a, CONTEXT)).toBe(
      [
        `## [1.4.0](${URL}/compare/v1.3.0...v1.4.0) (2026-11-21)`,
        "",
        "### ⚠ BREAKING CHANGES",
        "",
        `* **api:** the old index is gone ([0000003](${URL}/commit/0000003def567890abc1234def567890abc12345)), closes [#12](${URL}/issues/12)`,
        "",
        "### Features",
        "",
        `* **api:** new search ([0000003](${URL}/commit/0000003def567890abc1234def567890abc12345)), closes [#12](${URL}/issues/12)`,
        "",
        "### Bug Fixes",
        "",
        `* crash on empty input ([0000002](${URL}/commit/0000002def567890abc1234def567890abc12345)), closes [#7](${URL}/issues/7)`,
        "",
        "### Performance Improvements",
        "",
        `* **db:** faster query ([0000001](${URL}/commit/0000001def567890abc1234def567890abc12345))`,
        "",
        "### Reverts",
        "",
        `* feat: old idea ([0000000](${URL}/commit/0000000def567890abc1234def567890abc12345))`,
        "",
      ].join("\n"),
    );
  });

  it("plain text shas and references without a repository URL", () => {
    const notes = renderNotes(withNotes([entry("x", { references: [3, 4] })]), { ...CONTEXT, repoUrl: null });
    expect(notes).toBe("## 1.4.0 (2026-11-21)\n\n### Features\n\n* x (abc1234), closes #3, #4\n");
  });

  it("no compare link without a previous tag; a string date is printed as given", () => {
    const notes = renderNotes(withNotes([entry("x")]), { ...CONTEXT, previousTag: null, date: "today" });
    expect(notes.split("\n")[0]).toBe("## 1.4.0 (today)");
  });

  it("tags with slashes are encoded in the compare link; a trailing slash on the URL is dropped", () => {
    const notes = renderNotes(withNotes([entry("x")]), {
      ...CONTEXT,
      repoUrl: `${URL}/`,
      previousTag: "release/v1.0.0",
      tag: "release/v1.1.0",
    });
    expect(notes.split("\n")[0]).toBe(
      `## [1.4.0](${URL}/compare/release%2Fv1.0.0...release%2Fv1.1.0) (2026-11-21)`,
    );
  });

  it("an empty release says so", () => {
    expect(renderNotes(withNotes([]), { ...CONTEXT, repoUrl: null })).toBe(
      "## 1.4.0 (2026-11-21)\n\nNo notable changes.\n",
    );
  });

  it("an invalid date is left out rather than throwing", () => {
    expect(renderNotes(withNotes([]), { ...CONTEXT, repoUrl: null, date: new Date(Number.NaN) })).toMatch(
      /^## 1\.4\.0\n/,
    );
  });

  it.each([
    ["# heading", "\\# heading"],
    ["> quote", "\\> quote"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["* item", "\\* item"],
    ["1. item", "1\\. item"],
    ["2) item", "2\\) item"],
    ["---", "\\---"],
    ["===", "\\==="],
    ["[ ] task", "\\[ ] task"],
    ["<!-- swallow the rest", "\\<!-- swallow the rest"],
    ["a <script> b", "a \\<script> b"],
    ["keep `Array<string>` as code", "keep `Array<string>` as code"],
    ["keep ``a ` <b>`` code, escape <c>", "keep ``a ` <b>`` code, escape \\<c>"],
    ["unclosed ` <x>", "unclosed ` \\<x>"],
    ["*emphasis* stays", "*emphasis* stays"],
    ["1.5x faster", "1.5x faster"],
  ])("neutralises %j", (description, expected) => {
    const notes = renderNotes(withNotes([entry(description)]), { ...CONTEXT, repoUrl: null });
    expect(notes).toContain(`\n* ${expected} (abc1234)\n`);
  });

  it("escapes markdown in scopes", () => {
    const notes = renderNotes(withNotes([entry("x", { scope: "a_b*<c>" })]), { ...CONTEXT, repoUrl: null });
    expect(notes).toContain("* **a\\_b\\*\\<c\\>:** x (abc1234)");
  });

  it("multi-line breaking notes stay inside their list item; fenced code is kept", () => {
    const note =
      "the config moved\n\n# Migration\nrun:\n```sh\n# not a heading\nnpx migrate\n```\n<b>done</b>";
    const notes = renderNotes(
      withNotes([entry("x", { section: "breaking", breakingNotes: [note], scope: "cfg" })]),
      { ...CONTEXT, repoUrl: null },
    );
    expect(notes).toContain(
      [
        "* **cfg:** the config moved (abc1234)",
        "",
        "  \\# Migration",
        "  run:",
        "  ```sh",
        "  # not a heading",
        "  npx migrate",
        "  ```",
        "  \\<b>done\\</b>",
      ].join("\n"),
    );
  });

  it("an unclosed fence in a note is closed inside the item", () => {
    const notes = renderNotes(
      withNotes([entry("x", { section: "breaking", breakingNotes: ["a\n```\ncode"] })]),
      {
        ...CONTEXT,
        repoUrl: null,
      },
    );
    expect(notes).toContain("* a (abc1234)\n  ```\n  code\n  ```\n");
  });

  it("several notes of one breaking change are several items", () => {
    const notes = renderNotes(
      withNotes([entry("x", { section: "breaking", breakingNotes: ["one", "two"] })]),
      {
        ...CONTEXT,
        repoUrl: null,
      },
    );
    expect(notes).toContain("* one (abc1234)\n* two (abc1234)\n");
  });

  it("stays under 125,000 characters and says how many entries were left out", () => {
    const notes: NoteEntry[] = [];
    for (let i = 0; i < 2000; i++)
      notes.push(entry(`feature ${i} ${"x".repeat(100)}`, { references: [i + 1] }));
    for (let i = 0; i < 10; i++) notes.push(entry(`fix ${i}`, { section: "fix" }));
    const text = renderNotes(withNotes(notes, 5), CONTEXT);
    expect(text.length).toBeLessThanOrEqual(NOTES_LIMIT);
    expect(text).not.toContain("### Bug Fixes");
    const shown = text.split("\n").filter((l) => l.startsWith("* ")).length;
    expect(shown).toBeGreaterThan(100);
    const last = text.trimEnd().split("\n").at(-1);
    expect(last).toBe(`${2000 - shown + 10 + 5} more entries were left out.`);
  });

  it("entries the analysis dropped are counted even when the rest fits", () => {
    const text = renderNotes(withNotes([entry("x")], 1), { ...CONTEXT, repoUrl: null });
    expect(text.trimEnd().split("\n").at(-1)).toBe("1 more entry was left out.");
  });

  // A scale test: seconds of CPU on a busy machine, beyond the unit tier's short default timeout.
  it("a million-commit analysis renders within the limit", () => {
    const analyzer = new HistoryAnalyzer([], "fallback");
    for (let i = 0; i < 200_000; i++) {
      analyzer.add({
        sha: `${i.toString(16).padStart(8, "0")}${"e".repeat(32)}`,
        parents: ["p"],
        message: `fix: change ${i}`,
      });
    }
    const text = renderNotes(analyzer.finish(), CONTEXT);
    expect(text.length).toBeLessThanOrEqual(NOTES_LIMIT);
    expect(text).toMatch(/\n\d+ more entries were left out\.\n$/);
  }, 30_000);
});

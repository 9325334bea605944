import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HistoryAnalyzer } from "../../src/core/analysis.ts";
import { insertRelease } from "../../src/core/changelog.ts";
import { renderNotes } from "../../src/core/release-notes.ts";

const NOTES = "## 1.2.0 (2026-12-07)\n\n### Features\n\n* **api:** search (abc1234)\n";
const RELEASE = { version: "1.2.0", notes: NOTES };

/** `text` with `inserted` put in front of `before`, which must occur once. */
function insertedBefore(text: string, before: string, inserted: string): string {
  const at = text.indexOf(before);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(before, at + 1)).toBe(-1);
  return text.slice(0, at) + inserted + text.slice(at);
}

const RELEASE_PLEASE = [
  "# Changelog",
  "",
  "## [1.1.0](https://github.com/acme/app/compare/v1.0.0...v1.1.0) (2026-11-02)",
  "",
  "### Features",
  "",
  "* export ([0f1e2d3](https://github.com/acme/app/commit/0f1e2d3))",
  "",
  "## 1.0.0 (2026-10-01)",
  "",
  "### Features",
  "",
  "* first ([1a2b3c4](https://github.com/acme/app/commit/1a2b3c4))",
  "",
].join("\n");

describe("insertRelease", () => {
  it("a missing or empty file becomes the title and the notes", () => {
    expect(insertRelease(null, RELEASE)).toBe(`# Changelog\n\n${NOTES}`);
    expect(insertRelease("", RELEASE)).toBe(`# Changelog\n\n${NOTES}`);
  });

  it("puts the notes under the title, above the previous release; the rest is byte-identical", () => {
    const result = insertRelease(RELEASE_PLEASE, RELEASE);
    expect(result).toBe(insertedBefore(RELEASE_PLEASE, "## [1.1.0]", `${NOTES}\n`));
  });

  it("keeps the paragraphs of the title block above the notes", () => {
    const keepAChangelog = [
      "# Changelog",
      "All notable changes to this project will be documented in this file.",
      "",
      "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),",
      "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).",
      "",
      "## [1.1.0] - 2026-11-02",
      "### Added",
      "- export",
      "",
    ].join("\n");
    expect(insertRelease(keepAChangelog, RELEASE)).toBe(
      insertedBefore(keepAChangelog, "## [1.1.0]", `${NOTES}\n`),
    );
  });

  it("an Unreleased section (Keep a Changelog) stays on top with its subsections", () => {
    const text = [
      "# Changelog",
      "",
      "## [Unreleased](https://github.com/acme/app/compare/v1.1.0...HEAD)",
      "### Added",
      "- nothing yet",
      "",
      "## [1.1.0] - 2026-11-02",
      "### Added",
      "- export",
      "",
    ].join("\n");
    expect(insertRelease(text, RELEASE)).toBe(insertedBefore(text, "## [1.1.0]", `${NOTES}\n`));
  });

  it("a release section may be a level-1 heading that names a version (conventional-changelog's minors)", () => {
    const text =
      "# Changelog\n\n# [1.1.0](https://github.com/acme/app/compare/v1.0.0...v1.1.0) (2026-11-02)\n\n* x\n";
    expect(insertRelease(text, RELEASE)).toBe(insertedBefore(text, "# [1.1.0]", `${NOTES}\n`));
  });

  it("a title block alone gets the notes at its end, a blank line apart", () => {
    expect(insertRelease("# Changelog\n", RELEASE)).toBe(`# Changelog\n\n${NOTES}`);
    expect(insertRelease("# Changelog", RELEASE)).toBe(`# Changelog\n\n${NOTES}`);
    expect(insertRelease("# Changelog\n\nNotes for users.\n\n", RELEASE)).toBe(
      `# Changelog\n\nNotes for users.\n\n${NOTES}`,
    );
  });

  it("a file without a title gets the notes first; a setext title is a title", () => {
    const untitled = "## 1.1.0\n\n* x\n";
    expect(insertRelease(untitled, RELEASE)).toBe(`${NOTES}\n${untitled}`);
    const setext = "Changelog\n=========\n\nRelease history\n---------------\n\n* x\n";
    expect(insertRelease(setext, RELEASE)).toBe(insertedBefore(setext, "Release history", `${NOTES}\n`));
  });

  it("a heading inside fenced code is not a section", () => {
    const text = "# Changelog\n\n```md\n## 0.0.1\n```\n\n## 1.1.0\n\n* x\n";
    expect(insertRelease(text, RELEASE)).toBe(insertedBefore(text, "## 1.1.0", `${NOTES}\n`));
    const named = "# Changelog\n\n```\n## 1.2.0\n```\n";
    expect(insertRelease(named, RELEASE)).not.toBe(named);
    const unclosed = "# Changelog\n\n```\nnever closed\n";
    const once = insertRelease(unclosed, RELEASE);
    expect(once).toBe(insertedBefore(unclosed, "```", `${NOTES}\n`));
    expect(insertRelease(once, RELEASE)).toBe(once);
  });

  it("keeps CRLF (also in what it inserts) and a BOM", () => {
    const crlf = RELEASE_PLEASE.replace(/\n/g, "\r\n");
    const inserted = `${NOTES}\n`.replace(/\n/g, "\r\n");
    expect(insertRelease(crlf, RELEASE)).toBe(insertedBefore(crlf, "## [1.1.0]", inserted));
    expect(insertRelease(`\uFEFF${crlf}`, RELEASE)).toBe(
      `\uFEFF${insertedBefore(crlf, "## [1.1.0]", inserted)}`,
    );
    expect(insertRelease(crlf, { ...RELEASE, notes: NOTES.replace(/\n/g, "\r\n") })).toBe(
      insertedBefore(crlf, "## [1.1.0]", inserted),
    );
  });

  it("running again for the same version changes nothing", () => {
    const once = insertRelease(RELEASE_PLEASE, RELEASE);
    expect(insertRelease(once, RELEASE)).toBe(once);
    for (const heading of [
      "## v1.2.0",
      "## [1.2.0](https://x/compare/v1.1.0...v1.2.0) (2026-12-07)",
      "# 1.2.0",
      "### 1.2.0 - today",
    ]) {
      const text = `# Changelog\n\n${heading}\n\n* x\n`;
      expect(insertRelease(text, RELEASE), heading).toBe(text);
    }
  });

  it("a prerelease, a longer version or a compare link to the version is not its section", () => {
    for (const heading of [
      "## 1.2.0-rc.1",
      "## 1.2.0.1",
      "## 11.2.0",
      "## [1.3.0](https://x/compare/v1.2.0...v1.3.0)",
    ]) {
      const text = `# Changelog\n\n${heading}\n\n* x\n`;
      expect(insertRelease(text, RELEASE), heading).toBe(insertedBefore(text, heading, `${NOTES}\n`));
    }
  });

  it("notes with a level-1 heading move one level down; notes without a final newline get one", () => {
    const top = "# 1.2.0\n\n## Features\n\n* x\n\n```\n# not a heading\n```\n";
    expect(insertRelease(null, { version: "1.2.0", notes: top })).toBe(
      "# Changelog\n\n## 1.2.0\n\n### Features\n\n* x\n\n```\n# not a heading\n```\n",
    );
    expect(insertRelease(null, { version: "1.2.0", notes: "## 1.2.0\n\n* x" })).toBe(
      "# Changelog\n\n## 1.2.0\n\n* x\n",
    );
  });

  it("notes without a heading for the version get one, so the next run finds them", () => {
    const once = insertRelease("# Changelog\n", { version: "1.2.0", notes: "* x\n" });
    expect(once).toBe("# Changelog\n\n## 1.2.0\n\n* x\n");
    expect(insertRelease(once, { version: "1.2.0", notes: "* x\n" })).toBe(once);
  });

  it("fits shipguard's own release notes under the title, and recognises them on the next run", () => {
    const analyzer = new HistoryAnalyzer([], "fallback");
    analyzer.add({ sha: "a".repeat(40), parents: ["p"], message: "feat: search" });
    const notes = renderNotes(analyzer.finish(), {
      version: "1.2.0",
      tag: "v1.2.0",
      previousTag: "v1.1.0",
      repoUrl: "https://github.com/acme/app",
      date: new Date("2026-12-07T00:00:00Z"),
    });
    const once = insertRelease(RELEASE_PLEASE, { version: "1.2.0", notes });
    expect(
      once.startsWith(`# Changelog\n\n## [1.2.0](https://github.com/acme/app/compare/v1.1.0...v1.2.0)`),
    ).toBe(true);
    expect(insertRelease(once, { version: "1.2.0", notes })).toBe(once);
  });

  it("property: removing the inserted notes gives back the file, whatever its body", () => {
    const line = fc.oneof(
      fc.constantFrom("", "* item", "text", "## 1.1.0", "### Fixes", "```", "# Title", "---", "==="),
      fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, "")),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        const text = `# Changelog${eol}${eol}${lines.join(eol)}`;
        const result = insertRelease(text, RELEASE);
        if (result === text) return; // a line named 1.2.0 already
        const notes = NOTES.replace(/\n/g, eol);
        const at = result.indexOf(notes);
        expect(at).toBeGreaterThan(0);
        const rest = result.slice(0, at) + result.slice(at + notes.length);
        // Only line breaks were added, in one place, around the notes.
        let same = 0;
        while (same < text.length && rest[same] === text[same]) same++;
        const added = rest.length - text.length;
        expect(rest.slice(same, same + added)).toMatch(/^(\r?\n)*$/);
        expect(rest.slice(same + added)).toBe(text.slice(same));
        expect(insertRelease(result, RELEASE)).toBe(result);
      }),
    );
  });
});

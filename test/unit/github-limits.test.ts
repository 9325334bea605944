import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  capOutput,
  capSummary,
  OUTPUT_LIMIT_BYTES,
  SUMMARY_LIMIT_BYTES,
} from "../../src/presenters/github-limits.ts";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
/** What a cut text shows before the blank line and the note that end it: the kept text and its closers. */
const body = (capped: { text: string; note: string | null }) =>
  capped.text.slice(0, capped.text.lastIndexOf(`\n${capped.note}`));

describe("capSummary and capOutput: GitHub's 1 MiB summary and 1 MB outputs", () => {
  it("the limits are GitHub's", () => {
    expect(SUMMARY_LIMIT_BYTES).toBe(1_048_576);
    expect(OUTPUT_LIMIT_BYTES).toBe(1_000_000);
  });

  it.each([
    ["empty", ""],
    ["short", "### ok\n"],
    ["exactly at the limit", "x".repeat(400)],
    ["multi-byte, exactly at the limit", "é".repeat(200)],
  ])("leaves text within the limit as it is (%s)", (_, text) => {
    expect(capSummary(text, 400)).toEqual({ text, cutBytes: 0, note: null });
    expect(capOutput("notes", text, 400)).toEqual({ text, cutBytes: 0, note: null });
  });

  // [case, text, limit, what the kept part is, what closes it]
  it.each([
    ["lines: cut after the last whole line", lines(100, "row"), 500, /^(row \d+\n)+$/, ""],
    ["one long line of 2-byte characters", "é".repeat(1000), 400, /^é+$/, "\n"],
    ["one long line of 3-byte characters", "語".repeat(1000), 400, /^語+$/, "\n"],
    ["one long line of 4-byte characters", "😀".repeat(1000), 400, /^(😀)+$/u, "\n"],
    ["a mixed long line", "aé語😀".repeat(300), 401, /^(aé語😀)*(a|aé|aé語)?$/u, "\n"],
    [
      "an open ``` fence is closed",
      `intro\n\`\`\`text\n${lines(100, "log")}\`\`\`\n`,
      500,
      /^intro\n```text\n(log \d+\n)+$/,
      "```\n",
    ],
    [
      "an open ~~~~ fence is closed as it opened",
      `~~~~\n${lines(100, "log")}~~~~\n`,
      500,
      /^~~~~\n(log \d+\n)+$/,
      "~~~~\n",
    ],
    [
      "a fence closed before the cut stays closed",
      `\`\`\`\ncode\n\`\`\`\n${lines(100, "row")}`,
      500,
      /^```\ncode\n```\n(row \d+\n)+$/,
      "",
    ],
    [
      "``` inside a ~~~ fence does not close it",
      `~~~\n\`\`\`\n${lines(100, "log")}`,
      500,
      /^~~~\n```\n(log \d+\n)+$/,
      "~~~\n",
    ],
    [
      "an open <details> is closed",
      `<details><summary>Notes</summary>\n\n${lines(100, "- note")}</details>\n`,
      500,
      /^<details><summary>Notes<\/summary>\n\n(- note \d+\n)+$/,
      "</details>\n",
    ],
    [
      "<details> inside a fence is code, not a block",
      `\`\`\`\n<details>\n${lines(100, "log")}`,
      500,
      /^```\n<details>\n(log \d+\n)+$/,
      "```\n",
    ],
  ])("%s", (_, text, limit, kept, closing) => {
    const capped = capSummary(text, limit);
    expect(bytes(capped.text)).toBeLessThanOrEqual(limit);
    expect(capped.text).not.toContain("\uFFFD");
    const shown = body(capped);
    expect(shown.endsWith(closing)).toBe(true);
    const keptText = shown.slice(0, shown.length - closing.length);
    expect(keptText).toMatch(kept);
    expect(text.startsWith(keptText)).toBe(true);
    expect(capped.cutBytes).toBe(bytes(text) - bytes(keptText));
    expect(capped.note).toBe(
      `… (shipguard cut ${capped.cutBytes} bytes of the summary: GitHub keeps at most ${limit} bytes per step. The CLI's \`--json\` prints the whole result.)`,
    );
    // A blank line, then the note, ending as the text ended.
    expect(capped.text.endsWith(`\n\n${capped.note}${text.endsWith("\n") ? "\n" : ""}`)).toBe(true);
    // Most of what fits is kept.
    expect(bytes(capped.text)).toBeGreaterThan(limit * 0.6);
  });

  it("names the output, and GitHub's limits by name", () => {
    const output = capOutput("report", `{"checks":[${'"x",'.repeat(300_000)}"x"]}`);
    expect(output.note).toMatch(
      /^… \(shipguard cut \d+ bytes of the output `report`: GitHub keeps at most 1 MB per output\./,
    );
    expect(bytes(output.text)).toBeLessThanOrEqual(1_000_000);
    const summary = capSummary(lines(100_000, "| row | ok |"));
    expect(summary.note).toMatch(/GitHub keeps at most 1 MiB per step/);
    expect(bytes(summary.text)).toBeLessThanOrEqual(1_048_576);
    expect(bytes(summary.text)).toBeGreaterThan(1_040_000);
  });

  it("any text: within the limit, a prefix of the original up to the closers, never a broken character", () => {
    const piece = fc.constantFrom("a", "é", "語", "😀", "\n", "```", "~~~", "<details>", "</details>", " ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 260, max: 700 }), (parts, limit) => {
        const text = parts.join("");
        const capped = capOutput("x", text, limit);
        expect(bytes(capped.text)).toBeLessThanOrEqual(limit);
        if (capped.note === null) {
          expect(capped.text).toBe(text);
          return;
        }
        const kept = Buffer.from(text)
          .subarray(0, bytes(text) - capped.cutBytes)
          .toString();
        expect(kept).not.toContain("\uFFFD");
        expect(capped.text.startsWith(kept)).toBe(true);
      }),
    );
  });
});

function lines(count: number, prefix: string): string {
  let text = "";
  for (let i = 0; i < count; i++) text += `${prefix} ${i}\n`;
  return text;
}

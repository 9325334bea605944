/**
 * The analyzer reads a title's footer references (`Refs: #12`) only when it makes a note of the
 * change (src/core/analysis.ts, completeReferences). Over generated messages, every note it makes
 * carries exactly the references parseMessage reads when it reads them all at once, in the same
 * order, in every squash-bullets mode.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HistoryAnalyzer } from "../../src/core/analysis.ts";
import { changesOf, parseMessage } from "../../src/core/conventional.ts";
import type { SquashBullets } from "../../src/core/types.ts";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const TITLES = [
  "feat(api): add search",
  "fix: handle #12 in titles",
  "fix(ui): keep the cursor (#34)",
  "perf: faster reads (#7)",
  "feat!: drop the old client",
  "chore: tidy up",
  "Update the docs (#99)",
  'Revert "feat(api): add search"',
  "revert: add search",
];
const FOOTERS = [
  "Refs: #3",
  "Closes #4, fixes #5",
  "Refs: #3 #6",
  "Fixes: owner/repo#8",
  "Reviewed-by: A",
  "Refs #12",
];
const BULLETS = ["* feat: bullet one", "* fix(x): bullet two (#21)", "* feat: add search", "* perf: quick"];

/** A title, then (each maybe) a revert line, a body with `#N`, squash bullets with footers, a note, footers. */
const message = fc
  .record({
    title: fc.constantFrom(...TITLES),
    revert: fc.boolean(),
    body: fc.boolean(),
    bullets: fc.array(fc.tuple(fc.constantFrom(...BULLETS), fc.option(fc.constantFrom(...FOOTERS))), {
      maxLength: 3,
    }),
    note: fc.boolean(),
    footers: fc.array(fc.constantFrom(...FOOTERS), { maxLength: 2 }),
  })
  .map(({ title, revert, body, bullets, note, footers }) => {
    const lines = [title];
    if (revert) lines.push("", `This reverts commit ${SHA}.`);
    if (body) lines.push("", "Some words about #77 in the body.");
    for (const [bullet, footer] of bullets) lines.push("", bullet, ...(footer === null ? [] : ["", footer]));
    if (note) lines.push("", "BREAKING CHANGE: a note, see #40");
    if (footers.length > 0) lines.push("", ...footers);
    return `${lines.join("\n")}\n`;
  });

describe("references read only when a note is made", () => {
  it("equal parseMessage's, in order, for every note of generated messages", () => {
    let compared = 0;
    const modes = fc.constantFrom<SquashBullets>("never", "fallback", "always");
    fc.assert(
      fc.property(message, modes, (text, mode) => {
        const analyzer = new HistoryAnalyzer([], mode);
        analyzer.add({ sha: SHA.replace("0", "f"), parents: ["a".repeat(40)], message: text });
        const analysis = analyzer.finish();
        const parsed = parseMessage(text);
        const changes = changesOf(parsed, mode);
        // Within a section, notes come in the order of the changes they were made of.
        const used = new Map<string, number>();
        for (const note of analysis.notes) {
          if (note.section === "revert") {
            expect(note.references, text).toEqual(parsed.header?.references ?? []);
          } else {
            const start = used.get(note.section) ?? 0;
            const at = changes.findIndex(
              (c, k) =>
                k >= start &&
                c.description === note.description &&
                c.scope === note.scope &&
                (note.section === "breaking" ? c.breaking : c.type === note.section),
            );
            expect(at, `${text}: ${note.description}`).toBeGreaterThanOrEqual(0);
            used.set(note.section, at + 1);
            expect(note.references, text).toEqual(changes[at]!.references);
          }
          compared += note.references.length > 0 ? 1 : 0;
        }
      }),
      { numRuns: 3_000, seed: 19 },
    );
    expect(compared).toBeGreaterThan(1_000);
  });
});

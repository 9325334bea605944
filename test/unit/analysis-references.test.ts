/**
 * The analyzer reads a title's footer references (`Refs: #12`) only when it makes a note of the
 * change (src/core/analysis.ts, completeReferences). Over generated messages, every note it makes
 * carries exactly the references parseMessage reads when it reads them all at once, in the same
 * order, in every squash-bullets mode.
 */
import { describe, expect, it } from "vitest";
import { HistoryAnalyzer } from "../../src/core/analysis.ts";
import { changesOf, parseMessage } from "../../src/core/conventional.ts";
import type { SquashBullets } from "../../src/core/types.ts";

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

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

function message(r: ReturnType<typeof prng>): string {
  const lines = [r.pick(TITLES)];
  if (r.chance(0.2)) lines.push("", `This reverts commit ${SHA}.`);
  if (r.chance(0.3)) lines.push("", "Some words about #77 in the body.");
  if (r.chance(0.3))
    for (let i = 0, n = 1 + r.int(3); i < n; i++) {
      lines.push("", r.pick(BULLETS));
      if (r.chance(0.5)) lines.push("", r.pick(FOOTERS));
    }
  if (r.chance(0.3)) lines.push("", "BREAKING CHANGE: a note, see #40");
  if (r.chance(0.7)) lines.push("", ...Array.from({ length: 1 + r.int(2) }, () => r.pick(FOOTERS)));
  return `${lines.join("\n")}\n`;
}

describe("references read only when a note is made", () => {
  it("equal parseMessage's, in order, for every note of generated messages", () => {
    const r = prng(0x19);
    let compared = 0;
    for (let i = 0; i < 3_000; i++) {
      const text = message(r);
      const mode = r.pick<SquashBullets>(["never", "fallback", "always"]);
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
    }
    expect(compared).toBeGreaterThan(1_000);
  });
});

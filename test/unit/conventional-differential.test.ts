/**
 * The adapter against the package: over 100,000+ generated messages (hostile ones included), what
 * parseMessage reads equals what conventional-commits-parser itself reads from the whole message
 * with the same options, wherever the package decides: the header's type, scope and subject,
 * whether the message is breaking, its notes, and git's `Revert "..."`. This is what proves that
 * the header-only fast path and the "no type, no note" pre-filter change no reading.
 *
 * Where the adapter departs on purpose, the departure is named: note keywords count only in upper
 * case (the spec), and a `!` header stays breaking when the package dropped its note because the
 * body had a lower-case one.
 */
import { CommitParser } from "conventional-commits-parser";
import { describe, expect, it } from "vitest";
import { changesOf, PARSER_OPTIONS, parseMessage } from "../../src/core/conventional.ts";

const reference = new CommitParser(PARSER_OPTIONS);
const BREAKING_HEADER = PARSER_OPTIONS.breakingHeaderPattern!;

/** A small seeded PRNG (mulberry32): the same messages on every run. */
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

const TYPES = [
  "feat",
  "fix",
  "perf",
  "docs",
  "chore",
  "Feat",
  "FIX",
  "build",
  "revert",
  "x-y",
  "a_b",
  "BREAKING-CHANGE",
  "1fix",
  "",
];
const SCOPES = ["", "(api)", "(API)", "(a b)", "()", "(a(b)", "(a)(b)", "(a:b)", "(\u00e9)", "( x )"];
const BANGS = ["", "!", "!!"];
const COLONS = [": ", ":  ", ":", " : ", ":\t", ": \u00a0"];
const WORDS = [
  "add",
  "the",
  "search",
  "#12",
  "(#34)",
  "@user",
  "https://x.y/z#5",
  "\u2028",
  "\u00e9t\u00e9",
  "\ufffd",
  '"q"',
  "gpg:",
  "BREAKING CHANGE:",
  "*",
  "",
];
const NOTE_KEYS = [
  "BREAKING CHANGE",
  "BREAKING-CHANGE",
  "breaking change",
  "Breaking-Change",
  "BREAKING  CHANGE",
  "BREAKING_CHANGE",
];
const SHA = "0123456789abcdef0123456789abcdef01234567";

function words(r: ReturnType<typeof prng>, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(r.pick([" ", " ", "  ", "\t"]));
}

function header(r: ReturnType<typeof prng>): string {
  switch (r.int(8)) {
    case 0:
      return `Revert "${r.pick(TYPES)}: ${words(r, 2)}"`;
    case 1:
      return `Merge pull request #${r.int(999)} from o/${words(r, 1)}`;
    case 2:
      return r.pick([
        "gpg: Signature made",
        "  feat: indented",
        "* feat: bullet title",
        "BREAKING CHANGE: as a title",
        "v9 (#639)",
        "Update deps",
      ]);
    case 3:
      return words(r, 1 + r.int(4));
    default:
      return `${r.pick(TYPES)}${r.pick(SCOPES)}${r.pick(BANGS)}${r.pick(COLONS)}${words(r, r.int(5))}`;
  }
}

function bodyLine(r: ReturnType<typeof prng>): string {
  switch (r.int(12)) {
    case 0:
      return `${r.pick(["", "* ", "  ", "*  ", "- "])}${r.pick(NOTE_KEYS)}${r.pick([": ", ":", " ", ":\t", " #"])}${words(r, r.int(4))}`;
    case 1:
      return `* ${r.pick(TYPES)}${r.pick(SCOPES)}${r.pick(BANGS)}${r.pick(COLONS)}${words(r, r.int(4))}`;
    case 2:
      return `This reverts commit ${r.pick([SHA, SHA.slice(0, 7), SHA.slice(0, 6), "zzzzzzz"])}${r.pick([".", "", ", reversing"])}`;
    case 3:
      return r.pick([
        "Refs: #12",
        "Closes #3, fixes #4",
        "Release-As: 2.0.0",
        "Co-authored-by: A <a@b.c>",
        "Signed-off-by: B",
      ]);
    case 4:
      return r.pick(["", "", "   ", "gpg: good signature", "-field-", "---------", "# comment"]);
    default:
      return words(r, r.int(8));
  }
}

function message(r: ReturnType<typeof prng>): string {
  const lines = [header(r)];
  const n = r.chance(0.4) ? 0 : r.int(12);
  for (let i = 0; i < n; i++) lines.push(bodyLine(r));
  const eol = r.chance(0.1) ? "\r\n" : "\n";
  const lead = r.chance(0.05) ? r.pick(["\n", "\n\n", "\r\n", " \n"]) : "";
  return lead + lines.join(eol) + (r.chance(0.5) ? eol : "");
}

function hostile(r: ReturnType<typeof prng>, i: number): string {
  switch (i % 6) {
    case 0:
      return r.pick(["", " ", "\n", "\r\n", "\t \n \r\n", "\u00a0", "\ufeff"]);
    case 1: {
      const bytes = Buffer.from(Array.from({ length: 1 + r.int(80) }, () => r.int(256)));
      return Buffer.concat([Buffer.from(`${r.pick(TYPES)}: `), bytes]).toString("utf8");
    }
    case 2:
      return Buffer.from(Array.from({ length: r.int(120) }, () => r.int(256))).toString("utf8");
    case 3:
      return message(r).replace(/\n/g, "\r\n");
    case 4:
      return `${header(r)}\r${bodyLine(r)}\r${bodyLine(r)}`;
    default:
      return `${header(r)}\n\n${bodyLine(r)}\n${bodyLine(r)}`.replace(
        / /g,
        r.pick(["\u2028", "\u00a0", " "]),
      );
  }
}

const isUpper = (title: string) => title === "BREAKING CHANGE" || title === "BREAKING-CHANGE";
const firstLines = (notes: readonly string[]) =>
  [...new Set(notes.map((n) => n.trim().split("\n")[0]!.trim()).filter((n) => n !== ""))].sort();

/** Compares one message; returns a description of the first disagreement, or null. */
function disagreement(raw: string): string | null {
  const adapter = parseMessage(raw);
  const counted = changesOf(adapter, "never");
  if (raw.trim() === "") {
    // The package refuses blank messages; the adapter reads them as "no type, no note".
    return adapter.header === null && counted.length === 0 ? null : "blank message read as a change";
  }
  const pkg = reference.parse(raw);
  const type = pkg.type ? pkg.type.toLowerCase() : null;
  if ((adapter.header?.type ?? null) !== type) return `type ${adapter.header?.type} vs ${type}`;
  if (adapter.header !== null) {
    const scope = (pkg.scope ?? "").trim().toLowerCase() || null;
    if (adapter.header.scope !== scope) return `scope ${adapter.header.scope} vs ${scope}`;
    // The adapter's one change to the subject: GitHub's trailing `(#123)` becomes a link.
    const subject = (pkg.subject ?? "").trim();
    const suffix = /\s*\(#\d{1,9}\)$/.exec(subject);
    const description = suffix !== null && suffix.index > 0 ? subject.slice(0, suffix.index) : subject;
    if (adapter.header.description !== description)
      return `subject ${adapter.header.description} vs ${subject}`;
  }
  const upper = pkg.notes.filter((n) => isUpper(n.title));
  const lowerOnly = pkg.notes.length > 0 && upper.length === 0;
  const bangKept = lowerOnly && type !== null && BREAKING_HEADER.test(pkg.header ?? "");
  const breaking = upper.length > 0 || bangKept;
  const adapterBreaking = counted.some((c) => c.breaking);
  if (adapterBreaking !== breaking) return `breaking ${adapterBreaking} vs ${breaking}`;
  // Notes: the same first lines. A `!` header without a body note gives the package's note as its
  // description. A squash body is read bullet by bullet, so a note whose keyword line is empty
  // may take its text from the line below in the package and stay empty here (the bullet line
  // below is the next change, not the note's text): such notes are allowed to differ, no others.
  const fromBody = upper.length > 0 && !(counted[0]?.bang && counted[0].notes.length === 0);
  if (fromBody && counted.length > 0) {
    const notes = counted.flatMap((c) => c.notes);
    const ours = firstLines(notes);
    const theirs = firstLines(upper.map((n) => n.text));
    const missing = ours.filter((line) => !theirs.includes(line));
    const cut = notes.filter((n) => n === "").length;
    if (missing.length > 0 || theirs.length - ours.length > cut)
      return `notes ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`;
  }
  if (pkg.revert !== null) {
    const hash = String(pkg.revert.hash ?? "").toLowerCase();
    if (hash !== "" && !adapter.revertsShas.includes(hash)) return `revert sha ${hash} missing`;
    const revertHeader = String(pkg.revert.header ?? "");
    if (revertHeader !== "" && adapter.revertsHeader !== revertHeader)
      return `revert header ${adapter.revertsHeader}`;
  }
  return null;
}

describe("parseMessage reads what conventional-commits-parser reads", () => {
  // A scale test: seconds of CPU on a busy machine, beyond the unit tier's short default timeout.
  it("over 100,000 generated messages, hostile ones included", () => {
    const r = prng(0x5eed);
    let compared = 0;
    const failures: string[] = [];
    const check = (m: string) => {
      compared++;
      const d = disagreement(m);
      if (d !== null && failures.length < 5) failures.push(`${JSON.stringify(m.slice(0, 300))}: ${d}`);
    };
    for (let i = 0; i < 90_000; i++) check(message(r));
    for (let i = 0; i < 12_000; i++) check(hostile(r, i));
    // 1 MB messages: a header, a body, and a note of that size.
    check(`feat: ${"a".repeat(1 << 20)}`);
    check(`fix: x\n\n${"word ".repeat(1 << 18)}\n\nBREAKING CHANGE: ${"y".repeat(1 << 20)}`);
    check(`Update (#1)\n\n${"* fix: y\n".repeat(1 << 17)}BREAKING CHANGE: z`);
    check(`Revert "${"x".repeat(1 << 20)}"\n\nThis reverts commit ${SHA}.`);
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(100_000);
  }, 30_000);

  it("the generator reaches every kind of reading (so the comparison above is not vacuous)", () => {
    const r = prng(0x5eed);
    const seen = {
      typed: 0,
      untyped: 0,
      breakingBang: 0,
      breakingNote: 0,
      lowerNote: 0,
      bullets: 0,
      reverts: 0,
      fastPath: 0,
    };
    for (let i = 0; i < 20_000; i++) {
      const m = message(r);
      const p = parseMessage(m);
      if (p.header !== null) seen.typed++;
      else seen.untyped++;
      if (p.header?.bang) seen.breakingBang++;
      if (p.header !== null && p.header.notes.length > 0) seen.breakingNote++;
      if (/^breaking change:/im.test(m)) seen.lowerNote++;
      if (p.bullets.length > 0) seen.bullets++;
      if (p.revertsHeader !== null) seen.reverts++;
      if (!/BREAKING[ -]CHANGE/i.test(m) && !m.includes("This reverts commit ")) seen.fastPath++;
    }
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(100);
  });
});

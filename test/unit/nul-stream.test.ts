import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NulTripleParser } from "../../src/adapters/git-cli.ts";
import type { RawCommit } from "../../src/core/types.ts";

function encode(commits: RawCommit[]): Buffer {
  return Buffer.concat(commits.map((c) => Buffer.from(`>${c.sha}\0${c.parents.join(" ")}\0${c.message}\0`)));
}

function parseChunks(chunks: Buffer[], boundaries: string[] = []): RawCommit[] {
  const out: RawCommit[] = [];
  const p = new NulTripleParser(
    (c) => out.push(c),
    (sha) => boundaries.push(sha),
  );
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
const commit = fc.record({
  sha,
  parents: fc.array(sha, { maxLength: 3 }),
  message: fc.string({ unit: "grapheme", maxLength: 200 }).map((s) => s.replace(/\0/g, "")),
});

describe("NulTripleParser", () => {
  it("yields the same commits however git's output is split into chunks", () => {
    fc.assert(
      fc.property(
        fc.array(commit, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (commits, cuts) => {
          const bytes = encode(commits);
          const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort(
            (a, b) => a - b,
          );
          const chunks: Buffer[] = [];
          let last = 0;
          for (const p of points) {
            chunks.push(bytes.subarray(last, p));
            last = p;
          }
          chunks.push(bytes.subarray(last));
          expect(parseChunks(chunks)).toEqual(commits);
        },
      ),
    );
  });

  it("replaces invalid UTF-8 instead of throwing", () => {
    const bytes = Buffer.concat([
      Buffer.from(`${"a".repeat(40)}\0\0fix: `),
      Buffer.from([0xff, 0xc3]),
      Buffer.from("\0"),
    ]);
    expect(parseChunks([bytes])[0]?.message).toBe("fix: \ufffd\ufffd");
  });

  it("a stream cut in the middle of a commit is an error", () => {
    expect(() => parseChunks([Buffer.from(`>${"a".repeat(40)}\0\0fix: half`)])).toThrow(/middle of a commit/);
  });

  it("boundary commits (mark -) go to the boundary callback, not into the range", () => {
    const boundaries: string[] = [];
    const a = "a".repeat(40);
    const b = "b".repeat(40);
    const out = parseChunks([Buffer.from(`>${a}\0${b}\0feat: x\n\0\n-${b}\0\0feat: old\n\0`)], boundaries);
    expect(out.map((c) => c.sha)).toEqual([a]);
    expect(boundaries).toEqual([b]);
  });
});

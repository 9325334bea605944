/**
 * The reader of `git log -z --name-only` (adapters/git-changes-parser.ts), on streams written as
 * git 2.39 writes them, split at every byte.
 */
import { describe, expect, it } from "vitest";
import { ChangedCommitParser } from "../../src/adapters/git-changes-parser.ts";
import type { ChangedCommit } from "../../src/core/packages.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);
const D = "d".repeat(64); // a SHA-256 repository

/** One commit as git prints it: the format's fields, NUL-terminated, then a newline and the paths. */
function record(sha: string, parents: string[], message: string | Buffer, files: string[]): Buffer {
  const head = Buffer.concat([
    Buffer.from(`/${sha}\0${parents.join(" ")}\0`),
    Buffer.from(message),
    Buffer.from("\0"),
  ]);
  if (files.length === 0) return head;
  return Buffer.concat([head, Buffer.from(`\n${files.map((f) => `${f}\0`).join("")}`)]);
}

function parse(chunks: Buffer[]): ChangedCommit[] {
  const out: ChangedCommit[] = [];
  const parser = new ChangedCommitParser((c) => out.push(c));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
}

const COMMITS: ChangedCommit[] = [
  { sha: A, parents: [B, C], message: "Merge side\n", files: ["b/z"] },
  { sha: B, parents: [C], message: "chore: empty\n", files: [] },
  {
    sha: C,
    parents: [D],
    message: "fix: two\n\nbody\n",
    files: ["a/x", "b/with space", "é/ü.ts", "d/\nnewline"],
  },
  { sha: D, parents: [], message: "", files: ["first"] },
];
const STREAM = Buffer.concat(COMMITS.map((c) => record(c.sha, c.parents, c.message, c.files)));

describe("the -z --name-only reader", () => {
  it("reads commits, their parents, messages and paths", () => {
    expect(parse([STREAM])).toEqual(COMMITS);
  });

  it("reads the same wherever the stream is split", () => {
    for (let at = 1; at < STREAM.length; at++) {
      expect(parse([STREAM.subarray(0, at), STREAM.subarray(at)]), `split at ${at}`).toEqual(COMMITS);
    }
  });

  it("reads a byte at a time", () => {
    const bytes = [...STREAM].map((b) => Buffer.from([b]));
    expect(parse(bytes)).toEqual(COMMITS);
  });

  it("a commit without files, last in the stream", () => {
    expect(parse([record(A, [], "chore: only\n", [])])).toEqual([
      { sha: A, parents: [], message: "chore: only\n", files: [] },
    ]);
  });

  it("an empty stream has no commits", () => {
    expect(parse([])).toEqual([]);
  });

  it("a message that is not UTF-8 is read with replacement characters", () => {
    const [commit] = parse([record(A, [], Buffer.from([0x66, 0x69, 0x78, 0x3a, 0x20, 0xff, 0x0a]), ["x"])]);
    expect(commit!.message).toBe("fix: \ufffd\n");
  });

  it("tolerates a newline before the next commit", () => {
    const stream = Buffer.concat([record(A, [B], "a\n", []), Buffer.from("\n"), record(B, [], "b\n", ["f"])]);
    expect(parse([stream]).map((c) => [c.sha, c.files])).toEqual([
      [A, []],
      [B, ["f"]],
    ]);
  });

  it("a stream cut inside a commit is an error, not a shorter history", () => {
    const cut = STREAM.subarray(0, STREAM.indexOf(Buffer.from("fix: two")) - 2);
    expect(() => parse([cut])).toThrow(/ended in the middle of a commit/);
  });

  it("text that is not git's format is an error", () => {
    expect(() => parse([Buffer.from("warning: something\0")])).toThrow(/not in the expected format/);
  });
});

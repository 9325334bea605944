/** The reader of `git log -z` output that GitCli streams history through (see GitCli.logStream). */
import type { RawCommit } from "../core/types.ts";

/**
 * Splits git's NUL-delimited stream into commits. Messages are decoded as UTF-8 with invalid
 * bytes replaced (U+FFFD), so a broken encoding can never crash the reader.
 */
export class NulTripleParser {
  private pending: Buffer | null = null;
  /** Which field of the current commit comes next: 0 mark+sha, 1 parents, 2 message. */
  private index = 0;
  private sha = "";
  private boundary = false;
  private parents = "";

  constructor(
    private readonly onCommit: (commit: RawCommit) => void,
    private readonly onBoundary?: (sha: string) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    if (this.pending !== null) {
      // Only the unfinished field is carried over, so the copy is at most one field long.
      const nul = chunk.indexOf(0);
      if (nul === -1) {
        this.pending = Buffer.concat([this.pending, chunk]);
        return;
      }
      const joined = Buffer.concat([this.pending, chunk.subarray(0, nul)]);
      this.pending = null;
      this.field(joined, 0, joined.length);
      start = nul + 1;
    }
    for (;;) {
      const nul = chunk.indexOf(0, start);
      if (nul === -1) break;
      this.field(chunk, start, nul);
      start = nul + 1;
    }
    if (start < chunk.length) this.pending = Buffer.from(chunk.subarray(start));
  }

  /** One field, bytes [start, end) of buf: decoded in place, without a Buffer view per field. */
  private field(buf: Buffer, start: number, end: number): void {
    if (this.index === 0) {
      // Some git versions put "\n" after the -z terminator: skip it, then read the %m mark.
      let at = start;
      while (at < end && (buf[at] === 0x0a || buf[at] === 0x0d)) at++;
      this.boundary = buf[at] === 0x2d; /* - */
      this.sha = buf.toString("latin1", at + 1, end);
      this.index = 1;
      return;
    }
    if (this.index === 1) {
      this.parents = buf.toString("latin1", start, end);
      this.index = 2;
      return;
    }
    this.index = 0;
    if (this.boundary) {
      this.onBoundary?.(this.sha);
      return;
    }
    // toString("utf8") replaces invalid byte sequences with U+FFFD; it never throws.
    this.onCommit({
      sha: this.sha,
      parents: this.parents === "" ? [] : this.parents.split(" "),
      message: buf.toString("utf8", start, end),
    });
  }

  end(): void {
    if (this.pending !== null && this.pending.length > 0) {
      const rest = this.pending.toString("latin1").trim();
      this.pending = null;
      if (rest !== "")
        throw new Error(`git log output ended in the middle of a commit: ${rest.slice(0, 80)}`);
    }
    if (this.index !== 0) throw new Error("git log output ended in the middle of a commit");
  }
}

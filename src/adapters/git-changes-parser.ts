/**
 * The reader of `git log -z --name-only --format=/%H%x00%P%x00%B` (GitCli.streamChanges): each
 * commit is `/sha`, its parents and its message, NUL-terminated, then, when it changes files, a
 * newline and one NUL-terminated path per file. Nothing else marks where a commit ends, so the
 * format starts each commit with `/`: a path in git is relative and never starts with one. A
 * commit is delivered when the next one starts, or at the end of the stream.
 */
import type { ChangedCommit } from "../core/packages.ts";

const SLASH = 0x2f;
const NEWLINE = 0x0a;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** What the next NUL-terminated field is. */
const Next = {
  Sha: 0,
  Parents: 1,
  Message: 2,
  /** The first field after the message: the first path (after a newline), or the next commit. */
  AfterMessage: 3,
  Files: 4,
} as const;
type Next = (typeof Next)[keyof typeof Next];

export class ChangedCommitParser {
  /** The unfinished field of the previous chunk, when a chunk ended inside one. */
  private carry: Buffer | null = null;
  private next: Next = Next.Sha;
  private commit: ChangedCommit | null = null;

  constructor(private readonly onCommit: (commit: ChangedCommit) => void) {}

  push(chunk: Buffer): void {
    let from = 0;
    if (this.carry !== null) {
      const nul = chunk.indexOf(0);
      if (nul === -1) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return;
      }
      const whole = Buffer.concat([this.carry, chunk.subarray(0, nul)]);
      this.carry = null;
      this.read(whole, 0, whole.length);
      from = nul + 1;
    }
    for (let nul = chunk.indexOf(0, from); nul !== -1; nul = chunk.indexOf(0, from)) {
      this.read(chunk, from, nul);
      from = nul + 1;
    }
    if (from < chunk.length) this.carry = Buffer.from(chunk.subarray(from));
  }

  /** The end of the stream: delivers the last commit. */
  end(): void {
    const rest = this.carry === null ? "" : this.carry.toString("latin1").trim();
    this.carry = null;
    if (rest !== "" || this.next === Next.Parents || this.next === Next.Message) {
      throw new Error(`git log output ended in the middle of a commit: ${rest.slice(0, 80)}`);
    }
    this.deliver();
  }

  /** One field: bytes [start, end) of buf. */
  private read(buf: Buffer, start: number, end: number): void {
    const next = this.next;
    if (next === Next.Sha) {
      this.startCommit(buf, start, end);
    } else if (next === Next.Parents) {
      const parents = buf.toString("latin1", start, end);
      this.commit!.parents = parents === "" ? [] : parents.split(" ");
      this.next = Next.Message;
    } else if (next === Next.Message) {
      // Invalid UTF-8 becomes U+FFFD: a broken encoding never stops the read.
      this.commit!.message = buf.toString("utf8", start, end);
      this.next = Next.AfterMessage;
    } else if (start === end) {
      // Nothing between two NULs: not a path, not a commit.
    } else if (buf[start] === SLASH) {
      this.startCommit(buf, start, end);
    } else if (buf[start] === NEWLINE && this.isSha(buf, start + 1, end)) {
      this.startCommit(buf, start + 1, end);
    } else if (next === Next.AfterMessage) {
      // git separates the message from the paths with a newline.
      this.commit!.files.push(buf.toString("utf8", buf[start] === NEWLINE ? start + 1 : start, end));
      this.next = Next.Files;
    } else {
      this.commit!.files.push(buf.toString("utf8", start, end));
    }
  }

  /** `/` and a full commit id. */
  private isSha(buf: Buffer, start: number, end: number): boolean {
    return buf[start] === SLASH && SHA.test(buf.toString("latin1", start + 1, end));
  }

  private startCommit(buf: Buffer, start: number, end: number): void {
    if (buf[start] !== SLASH) {
      throw new Error(
        `git log output is not in the expected format near: ${buf.toString("latin1", start, Math.min(end, start + 80))}`,
      );
    }
    this.deliver();
    this.commit = { sha: buf.toString("latin1", start + 1, end), parents: [], message: "", files: [] };
    this.next = Next.Parents;
  }

  private deliver(): void {
    const commit = this.commit;
    this.commit = null;
    if (commit !== null) this.onCommit(commit);
  }
}

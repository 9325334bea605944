/**
 * Reads `git cat-file --batch` output as it streams: for each request line, either
 * `<oid> <type> <size>\n<size bytes>\n` or `<request> missing\n` (also `ambiguous`). Bytes stay
 * bytes until a whole object is in, so a UTF-8 character split across chunks is never broken.
 */
export type BatchObject = { found: true; type: string; content: Buffer } | { found: false };

export class CatFileBatchParser {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { type: string; size: number } | null = null;

  constructor(private readonly onObject: (object: BatchObject) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.pending === null) {
        const eol = this.buffer.indexOf(10);
        if (eol < 0) return;
        const header = this.buffer.subarray(0, eol).toString("utf8");
        this.buffer = this.buffer.subarray(eol + 1);
        const match = /^[0-9a-f]+ (\S+) (\d+)$/.exec(header);
        if (match === null) {
          if (!/ (missing|ambiguous)$/.test(header)) throw new Error(`unexpected cat-file output: ${header}`);
          this.onObject({ found: false });
          continue;
        }
        this.pending = { type: match[1]!, size: Number(match[2]) };
      }
      const { type, size } = this.pending;
      if (this.buffer.length < size + 1) return;
      this.onObject({ found: true, type, content: Buffer.from(this.buffer.subarray(0, size)) });
      this.buffer = this.buffer.subarray(size + 1);
      this.pending = null;
    }
  }

  end(): void {
    if (this.pending !== null || this.buffer.length > 0) throw new Error("cat-file output ended mid-object");
  }
}

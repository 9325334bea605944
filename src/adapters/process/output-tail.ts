/**
 * The end of a process's output, in bounded memory: a command that prints gigabytes costs at most
 * `size` lines of MAX_LINE_CHARS here, plus MAX_PENDING_CHARS per stream for an unfinished line.
 * Lines are made printable by the one stripper (core/printable.ts) before anyone sees them.
 */
import { StringDecoder } from "node:string_decoder";
import { printable } from "../../core/printable.ts";

/** How many of the last lines a report keeps. */
export const TAIL_LINES = 20;
/** A longer line is cut here and marked with "...". */
export const MAX_LINE_CHARS = 500;
/** An unfinished line longer than this is shown as it is (cut) and the rest of it dropped. */
const MAX_PENDING_CHARS = 8 * 1024;

/** Reads one byte stream into complete, printable lines. */
export interface StreamReader {
  /** The lines completed by this chunk (also kept by the tail). */
  push(chunk: Buffer): string[];
  /** The unfinished last line, if any (also kept by the tail). Idempotent. */
  end(): string[];
}

/** The last lines of one or more streams, interleaved as they arrive. */
export class OutputTail {
  private readonly kept: string[] = [];
  private readonly size: number;

  // No parameter properties: Node's type stripping runs this file as it is (test fixtures do).
  constructor(size: number = TAIL_LINES) {
    this.size = size;
  }

  /** A reader for one stream (stdout or stderr) whose lines land in this tail. */
  reader(): StreamReader {
    const splitter = new LineSplitter();
    return {
      push: (chunk) => this.keep(splitter.push(chunk)),
      end: () => this.keep(splitter.end()),
    };
  }

  /** The kept lines, without trailing empty ones. */
  lines(): string[] {
    const result = [...this.kept];
    while (result.length > 0 && result[result.length - 1] === "") result.pop();
    return result;
  }

  /** The kept lines as one string (for an error message). */
  text(): string {
    return this.lines().join("\n").trim();
  }

  private keep(lines: string[]): string[] {
    for (const line of lines) {
      this.kept.push(line);
      if (this.kept.length > this.size) this.kept.shift();
    }
    return lines;
  }
}

/**
 * Cuts a byte stream into lines. A carriage return redraws the line on a terminal (a progress
 * bar): the last drawing is what a reader saw, so it replaces what came before it on that line.
 */
class LineSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  /** The current line was already shown (cut): the rest of it is dropped until its end. */
  private overflowed = false;
  /** A chunk ended in "\r": whether it starts "\r\n" is known with the next one. */
  private carriageReturn = false;

  push(chunk: Buffer): string[] {
    let text = this.decoder.write(chunk);
    if (this.carriageReturn) text = `\r${text}`;
    this.carriageReturn = text.endsWith("\r");
    if (this.carriageReturn) text = text.slice(0, -1);
    const lines: string[] = [];
    const pieces = text.split("\n");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? "";
      // A "\r" at the very end belongs to a "\r\n": not a redraw.
      const redrawn = piece.length < 2 ? -1 : piece.lastIndexOf("\r", piece.length - 2);
      if (redrawn !== -1) this.restartLine();
      this.append(piece.slice(redrawn + 1).replace(/\r$/, ""), lines);
      if (i < pieces.length - 1) this.completeLine(lines);
    }
    return lines;
  }

  end(): string[] {
    const lines: string[] = [];
    this.append(this.decoder.end(), lines);
    this.carriageReturn = false;
    if (this.pending !== "") this.completeLine(lines);
    this.overflowed = false;
    return lines;
  }

  private append(text: string, lines: string[]): void {
    if (this.overflowed || text === "") return;
    this.pending += text;
    if (this.pending.length > MAX_PENDING_CHARS) {
      // A progress bar that never ends its line still shows up, once.
      lines.push(shown(this.pending));
      this.pending = "";
      this.overflowed = true;
    }
  }

  private completeLine(lines: string[]): void {
    if (!this.overflowed) lines.push(shown(this.pending));
    this.restartLine();
  }

  private restartLine(): void {
    this.pending = "";
    this.overflowed = false;
  }
}

function shown(line: string): string {
  const text = printable(line).trimEnd();
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}...` : text;
}

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  printable
} from "./chunk-TRU3V6GF.js";

// src/adapters/process/output-tail.ts
import { StringDecoder } from "node:string_decoder";
var TAIL_LINES = 20;
var MAX_LINE_CHARS = 500;
var MAX_PENDING_CHARS = 8 * 1024;
var OutputTail = class {
  kept = [];
  size;
  // No parameter properties: Node's type stripping runs this file as it is (test fixtures do).
  constructor(size = TAIL_LINES) {
    this.size = size;
  }
  /** A reader for one stream (stdout or stderr) whose lines land in this tail. */
  reader() {
    const splitter = new LineSplitter();
    return {
      push: (chunk) => this.keep(splitter.push(chunk)),
      end: () => this.keep(splitter.end())
    };
  }
  /** The kept lines, without trailing empty ones. */
  lines() {
    const result = [...this.kept];
    while (result.length > 0 && result[result.length - 1] === "") result.pop();
    return result;
  }
  /** The kept lines as one string (for an error message). */
  text() {
    return this.lines().join("\n").trim();
  }
  keep(lines) {
    for (const line of lines) {
      this.kept.push(line);
      if (this.kept.length > this.size) this.kept.shift();
    }
    return lines;
  }
};
var LineSplitter = class {
  decoder = new StringDecoder("utf8");
  pending = "";
  /** The current line was already shown (cut): the rest of it is dropped until its end. */
  overflowed = false;
  /** A chunk ended in "\r": whether it starts "\r\n" is known with the next one. */
  carriageReturn = false;
  push(chunk) {
    let text = this.decoder.write(chunk);
    if (this.carriageReturn) text = `\r${text}`;
    this.carriageReturn = text.endsWith("\r");
    if (this.carriageReturn) text = text.slice(0, -1);
    const lines = [];
    const pieces = text.split("\n");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? "";
      const redrawn = piece.length < 2 ? -1 : piece.lastIndexOf("\r", piece.length - 2);
      if (redrawn !== -1) this.restartLine();
      this.append(piece.slice(redrawn + 1).replace(/\r$/, ""), lines);
      if (i < pieces.length - 1) this.completeLine(lines);
    }
    return lines;
  }
  end() {
    const lines = [];
    this.append(this.decoder.end(), lines);
    this.carriageReturn = false;
    if (this.pending !== "") this.completeLine(lines);
    this.overflowed = false;
    return lines;
  }
  append(text, lines) {
    if (this.overflowed || text === "") return;
    this.pending += text;
    if (this.pending.length > MAX_PENDING_CHARS) {
      lines.push(shown(this.pending));
      this.pending = "";
      this.overflowed = true;
    }
  }
  completeLine(lines) {
    if (!this.overflowed) lines.push(shown(this.pending));
    this.restartLine();
  }
  restartLine() {
    this.pending = "";
    this.overflowed = false;
  }
};
function shown(line) {
  const text = printable(line).trimEnd();
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}...` : text;
}

export {
  OutputTail
};

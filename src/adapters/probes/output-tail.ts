import { StringDecoder } from "node:string_decoder";

/**
 * Keeps the end of a process's output in bounded memory: a command that prints gigabytes costs at
 * most `maxChars` characters here, and the report shows its last lines.
 */
export class OutputTail {
  private text = "";
  private readonly decoder = new StringDecoder("utf8");
  private readonly maxChars: number;
  private readonly maxLines: number;
  private readonly maxLineChars: number;

  constructor(maxChars = 64 * 1024, maxLines = 20, maxLineChars = 500) {
    this.maxChars = maxChars;
    this.maxLines = maxLines;
    this.maxLineChars = maxLineChars;
  }

  push(chunk: Buffer): void {
    this.text += this.decoder.write(chunk);
    if (this.text.length > this.maxChars * 2) this.text = this.text.slice(-this.maxChars);
  }

  lines(): string[] {
    const text = (this.text + this.decoder.end()).slice(-this.maxChars);
    this.text = text;
    const lines = text
      .replace(/\r\n/g, "\n")
      .split(/[\n\r]/)
      .map((line) => line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "").trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    return lines
      .slice(-this.maxLines)
      .map((line) => (line.length > this.maxLineChars ? `${line.slice(0, this.maxLineChars)}...` : line));
  }
}

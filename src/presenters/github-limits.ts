/**
 * GitHub's limits on what a step hands back: it keeps at most 1 MiB of job summary per step and
 * at most 1 MB per output, and refuses what is larger. Text over a limit is cut at a line boundary
 * (or, within one very long line, at a character boundary, never inside a UTF-8 sequence), an open
 * code fence or `<details>` block is closed so the rest still renders, and a last line says what
 * was cut.
 */

/** The job summary of one step, in bytes (1 MiB). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** One output, in bytes (1 MB). */
export const OUTPUT_LIMIT_BYTES = 1_000_000;

export interface Capped {
  text: string;
  /** Bytes of the original text left out; 0 when it fitted. */
  cutBytes: number;
  /** The line that says what was cut (the text's last line); null when nothing was cut. */
  note: string | null;
}

const WHOLE = "The CLI's `--json` prints the whole result.";

export function capSummary(markdown: string, limit = SUMMARY_LIMIT_BYTES): Capped {
  return capText(
    markdown,
    limit,
    (cut) =>
      `… (shipguard cut ${cut} bytes of the summary: GitHub keeps at most ${sizeName(limit)} per step. ${WHOLE})`,
  );
}

export function capOutput(name: string, value: string, limit = OUTPUT_LIMIT_BYTES): Capped {
  return capText(
    value,
    limit,
    (cut) =>
      `… (shipguard cut ${cut} bytes of the output \`${name}\`: GitHub keeps at most ${sizeName(limit)} per output. ${WHOLE})`,
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Cuts text to `limit` bytes as the summary and outputs are cut, ending with `describe`'s line. */
export function capText(text: string, limit: number, describe: (cutBytes: number) => string): Capped {
  const bytes = encoder.encode(text);
  if (bytes.length <= limit) return { text, cutBytes: 0, note: null };
  // The note goes on a line of its own after a blank one, ending as the text ended.
  const last = text.endsWith("\n") ? "\n" : "";
  // Room for the note and the closing lines; corrected below if the closers need more.
  let budget = limit - encoder.encode(describe(bytes.length)).length - 1 - last.length;
  for (;;) {
    const end = cutPoint(bytes, Math.max(0, budget));
    const kept = decoder.decode(bytes.subarray(0, end));
    const note = describe(bytes.length - end);
    const out = `${kept}${closers(kept)}\n${note}${last}`;
    const size = encoder.encode(out).length;
    if (size <= limit || end === 0) return { text: out, cutBytes: bytes.length - end, note };
    budget -= size - limit;
  }
}

/**
 * Where to cut, at most `budget` bytes in: after the last line break, unless that would drop more
 * than half of what fits (one very long line); then at the last character boundary.
 */
function cutPoint(bytes: Uint8Array, budget: number): number {
  if (budget <= 0) return 0;
  const newline = bytes.lastIndexOf(0x0a, budget - 1);
  if (newline >= 0 && newline + 1 >= budget / 2) return newline + 1;
  let end = budget;
  // A UTF-8 continuation byte (10xxxxxx) belongs to the character before it.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return end;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The lines that close what the kept text left open: a code fence, then `<details>` blocks. */
function closers(kept: string): string {
  let fence: string | null = null;
  let details = 0;
  for (const line of kept.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null) {
      if (marker !== undefined) {
        fence = marker;
        continue;
      }
      details += count(line, /<details\b/gi) - count(line, /<\/details\s*>/gi);
      details = Math.max(0, details);
    } else if (
      marker !== undefined &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      line.trim() === marker
    ) {
      fence = null;
    }
  }
  const lines = kept.endsWith("\n") || kept === "" ? [] : [""];
  if (fence !== null) lines.push(fence);
  for (let i = 0; i < details; i++) lines.push("</details>");
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function count(line: string, pattern: RegExp): number {
  return line.match(pattern)?.length ?? 0;
}

function sizeName(bytes: number): string {
  if (bytes === SUMMARY_LIMIT_BYTES) return "1 MiB";
  if (bytes === OUTPUT_LIMIT_BYTES) return "1 MB";
  return `${bytes} bytes`;
}

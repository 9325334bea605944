import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/presenters/github-limits.ts
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
var OUTPUT_LIMIT_BYTES = 1e6;
var WHOLE = "The CLI's `--json` prints the whole result.";
function capSummary(markdown, limit = SUMMARY_LIMIT_BYTES) {
  return capText(
    markdown,
    limit,
    (cut) => `\u2026 (shipguard cut ${cut} bytes of the summary: GitHub keeps at most ${sizeName(limit)} per step. ${WHOLE})`
  );
}
function capOutput(name, value, limit = OUTPUT_LIMIT_BYTES) {
  return capText(
    value,
    limit,
    (cut) => `\u2026 (shipguard cut ${cut} bytes of the output \`${name}\`: GitHub keeps at most ${sizeName(limit)} per output. ${WHOLE})`
  );
}
var encoder = new TextEncoder();
var decoder = new TextDecoder();
function capText(text, limit, describe) {
  const bytes = encoder.encode(text);
  if (bytes.length <= limit) return { text, cutBytes: 0, note: null };
  const last = text.endsWith("\n") ? "\n" : "";
  let budget = limit - encoder.encode(describe(bytes.length)).length - 1 - last.length;
  for (; ; ) {
    const end = cutPoint(bytes, Math.max(0, budget));
    const kept = decoder.decode(bytes.subarray(0, end));
    const note = describe(bytes.length - end);
    const out = `${kept}${closers(kept)}
${note}${last}`;
    const size = encoder.encode(out).length;
    if (size <= limit || end === 0) return { text: out, cutBytes: bytes.length - end, note };
    budget -= size - limit;
  }
}
function cutPoint(bytes, budget) {
  if (budget <= 0) return 0;
  const newline = bytes.lastIndexOf(10, budget - 1);
  if (newline >= 0 && newline + 1 >= budget / 2) return newline + 1;
  let end = budget;
  while (end > 0 && ((bytes[end] ?? 0) & 192) === 128) end--;
  return end;
}
var FENCE = /^ {0,3}(`{3,}|~{3,})/;
function closers(kept) {
  let fence = null;
  let details = 0;
  for (const line of kept.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null) {
      if (marker !== void 0) {
        fence = marker;
        continue;
      }
      details += count(line, /<details\b/gi) - count(line, /<\/details\s*>/gi);
      details = Math.max(0, details);
    } else if (marker !== void 0 && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      fence = null;
    }
  }
  const lines = kept.endsWith("\n") || kept === "" ? [] : [""];
  if (fence !== null) lines.push(fence);
  for (let i = 0; i < details; i++) lines.push("</details>");
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}
function count(line, pattern) {
  return line.match(pattern)?.length ?? 0;
}
function sizeName(bytes) {
  if (bytes === SUMMARY_LIMIT_BYTES) return "1 MiB";
  if (bytes === OUTPUT_LIMIT_BYTES) return "1 MB";
  return `${bytes} bytes`;
}

export {
  OUTPUT_LIMIT_BYTES,
  capSummary,
  capOutput,
  capText
};

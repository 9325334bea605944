// The stripper lives in core (the process runner uses it too); presenters import it from here.
export { printable } from "../core/printable.ts";

/**
 * Escapes untrusted text for one markdown table cell: no pipes, no new lines, no raw HTML. The
 * backslash goes first: unescaped, `\|` in the text would become `\\|` and split the cell.
 */
export function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/`/g, "\\`");
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

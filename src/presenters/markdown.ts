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

/** Removes terminal control characters (ANSI escapes, bells, carriage returns) from untrusted text. */
export function printable(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, "");
}

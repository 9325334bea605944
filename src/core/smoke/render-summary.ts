import type { CheckReport, SmokeReport } from "../../ports.ts";
import { formatMs } from "./sampling.ts";
import type { Verdict } from "./types.ts";

const MARK: Record<Verdict, string> = { pass: "✅ pass", fail: "❌ fail", inconclusive: "⚠️ inconclusive" };

/** The job summary: a headline, then one Markdown table row per check. */
export function renderSmokeSummary(report: SmokeReport): string {
  const { pass, fail, inconclusive } = report.counts;
  const lines = [
    `### Smoke checks: ${MARK[report.verdict]}`,
    "",
    `${pass} passed, ${fail} failed, ${inconclusive} inconclusive in ${formatMs(report.durationMs)} (deadline ${formatMs(report.deadlineMs)}).`,
    "",
    "| Check | Kind | Verdict | Cause | Attempts | Time | Detail |",
    "| --- | --- | --- | --- | ---: | ---: | --- |",
    ...report.checks.map(row),
  ];
  return `${lines.join("\n")}\n`;
}

function row(check: CheckReport): string {
  const cells = [
    check.name,
    check.kind,
    MARK[check.verdict],
    check.cause ?? "",
    String(check.attempts),
    formatMs(check.timings.elapsedMs),
    check.detail.length > 300 ? `${check.detail.slice(0, 300)}...` : check.detail,
  ];
  return `| ${cells.map(cell).join(" | ")} |`;
}

/** Table cells hold any text: pipes would split the cell, newlines the row, and HTML could render. */
function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n|\r/g, " ")
    .replace(/`/g, "\\`");
}

/** The smoke report as a job summary section: a headline, then one markdown table row per check. */
import { formatMs } from "../core/smoke/sampling.ts";
import type { CheckReport, SmokeReport, Verdict } from "../core/smoke/types.ts";
import { cell } from "./markdown.ts";

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

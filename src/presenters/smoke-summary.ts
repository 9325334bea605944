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
    ...shownChecks(report.checks).map(row),
  ];
  const hidden = report.checks.length - MAX_ROWS;
  if (hidden > 0) {
    lines.push("", `…and ${hidden} more checks, not shown here (every check is in the \`report\` output).`);
  }
  return `${lines.join("\n")}\n`;
}

/** Rows shown in the summary; failures and inconclusive checks come first when there are more. */
const MAX_ROWS = 100;

export function shownChecks(checks: readonly CheckReport[]): readonly CheckReport[] {
  if (checks.length <= MAX_ROWS) return checks;
  const bad = checks.filter((check) => check.verdict !== "pass");
  const good = checks.filter((check) => check.verdict === "pass");
  return [...bad, ...good].slice(0, MAX_ROWS);
}

function row(check: CheckReport): string {
  const cells = [
    check.name.length > 200 ? `${check.name.slice(0, 200)}...` : check.name,
    check.kind,
    MARK[check.verdict],
    check.cause ?? "",
    String(check.attempts),
    formatMs(check.timings.elapsedMs),
    check.detail.length > 300 ? `${check.detail.slice(0, 300)}...` : check.detail,
  ];
  return `| ${cells.map(cell).join(" | ")} |`;
}

/**
 * `--format csv`: one row per deployment of the window with what the metrics made of it (RFC 4180
 * quoting: a field holding a comma, a quote or a line break is quoted; lines end in LF, as the
 * CLI prints every line). Text from the
 * records that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
 */
import type { DeploymentRow } from "../core/metrics/index.ts";
import { median } from "../core/metrics/statistics.ts";

const HEADER = [
  "environment",
  "id",
  "kind",
  "version",
  "sha",
  "created_at",
  "success_at",
  "outcome",
  "failure_at",
  "recovered_by",
  "recovery_seconds",
  "rework",
  "lead_time_commits",
  "lead_time_missing",
  "lead_time_median_seconds",
] as const;

export function metricsCsv(rows: readonly DeploymentRow[]): string {
  const lines = [HEADER.join(",")];
  for (const row of rows) {
    const middle = median(row.leadTimeSeconds);
    lines.push(
      [
        text(row.environment),
        text(row.id),
        row.kind,
        text(row.version),
        text(row.sha),
        instant(row.createdAt),
        instant(row.successAt),
        row.outcome,
        instant(row.failureAt),
        text(row.recoveredBy ?? ""),
        row.recoverySeconds === null ? "" : String(row.recoverySeconds),
        row.rework ? "true" : "false",
        String(row.leadTimeCommits),
        String(row.leadTimeMissing),
        middle === null ? "" : String(Math.round(middle)),
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

function instant(ms: number | null): string {
  return ms === null ? "" : new Date(ms).toISOString();
}

function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

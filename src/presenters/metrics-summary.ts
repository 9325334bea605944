/**
 * The job summary of `metrics`: one table per environment, then Mermaid `xychart-beta` charts
 * (GitHub renders Mermaid code blocks in markdown, job summaries included): deploys per week,
 * median lead time per week, and each failure with its recovery time. Every label that comes from
 * the records is reduced to plain characters, so no name can break out of a chart's quotes.
 */
import type { MetricsResult } from "../commands/metrics.ts";
import type { DeploymentRow } from "../core/metrics/index.ts";
import { median } from "../core/metrics/statistics.ts";
import { cell, table } from "./markdown.ts";
import { metricLines, metricsMessage } from "./metrics.ts";
import { chartUnit, inUnit } from "./metrics-format.ts";

const WEEK_MS = 7 * 86_400_000;
/** The newest failures a chart shows; older ones stay in the table's counts. */
const MAX_FAILURE_BARS = 30;

export function metricsSummary(result: MetricsResult): string {
  const parts = ["## Delivery metrics", "", `${metricsMessage(result)} Records: ${cell(result.ledger)}.`];
  const { json, rows, empty } = result.report;
  for (const [name, m] of Object.entries(json.environments)) {
    parts.push("", `### ${cell(name)}`, "");
    const lines = metricLines(m, result.recoveryTargetSeconds).map(([metric, value, tier]) => [
      metric,
      cell(value),
      tier,
    ]);
    parts.push(table(["Metric", "Value", "DORA 2024 tier"], lines));
    if (m.inProgress.length > 0) {
      parts.push(
        "",
        `In progress (counted nowhere): ${m.inProgress.map((id) => `\`${cell(id)}\``).join(", ")}`,
      );
    }
    const own = rows.filter((r) => r.environment.toLowerCase() === name.toLowerCase());
    parts.push("", ...metricsCharts(name, own, result.window));
  }
  if (empty.length > 0) parts.push("", `No deployments in the window: ${empty.map(cell).join(", ")}.`);
  return `${parts.join("\n")}\n`;
}

/** The Mermaid blocks of one environment, each a fenced `mermaid` code block. */
export function metricsCharts(
  environment: string,
  rows: readonly DeploymentRow[],
  window: { since: Date; until: Date },
): string[] {
  const weeks = weekStarts(window);
  const label = plain(environment);
  const deploys = weeks.map(() => 0);
  const leadTimes: number[][] = weeks.map(() => []);
  for (const row of rows) {
    const week = Math.floor((row.createdAt - window.since.getTime()) / WEEK_MS);
    if (row.kind === "deploy" && row.successAt !== null) deploys[week] = (deploys[week] ?? 0) + 1;
    leadTimes[week]?.push(...row.leadTimeSeconds);
  }
  const charts = [chart(`Deploys per week, ${label}`, weeks.map(day), "Deploys", "bar", deploys)];
  const withLead = weeks.flatMap((start, index) => {
    const middle = median(leadTimes[index] ?? []);
    return middle === null ? [] : [{ start, seconds: middle }];
  });
  if (withLead.length > 0) {
    const unit = chartUnit(Math.max(...withLead.map((w) => w.seconds)));
    charts.push(
      chart(
        `Median lead time per week, ${label}`,
        withLead.map((w) => day(w.start)),
        unit.name,
        "line",
        withLead.map((w) => inUnit(w.seconds, unit)),
      ),
    );
  }
  const failures = rows.filter((r) => r.failureAt !== null && r.kind === "deploy").slice(-MAX_FAILURE_BARS);
  if (failures.length > 0) {
    const seconds = failures.map(
      (f) => f.recoverySeconds ?? (window.until.getTime() - (f.failureAt ?? 0)) / 1000,
    );
    const unit = chartUnit(Math.max(...seconds));
    const names = failures.map((f) => `${plain(f.version)}${f.recoverySeconds === null ? " open" : ""}`);
    charts.push(
      chart(
        `Failures and their recovery time, ${label}`,
        names,
        `${unit.name} to recover`,
        "bar",
        seconds.map((s) => inUnit(s, unit)),
      ),
      "Each bar is a failed deploy of the window and the time to its recovery; an `open` one had not recovered by the window's end, and its bar runs to that end.",
    );
  }
  return charts.flatMap((block, index) => (index === 0 ? [block] : ["", block]));
}

function chart(
  title: string,
  labels: string[],
  axis: string,
  kind: "bar" | "line",
  values: number[],
): string {
  const top = Math.max(1, ...values);
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${plain(title)}"`,
    `    x-axis [${labels.map((l) => `"${plain(l)}"`).join(", ")}]`,
    `    y-axis "${plain(axis)}" 0 --> ${Math.ceil(top)}`,
    `    ${kind} [${values.join(", ")}]`,
    "```",
  ].join("\n");
}

/** The start of each week of the window (the last one may be shorter). */
function weekStarts(window: { since: Date; until: Date }): number[] {
  const starts: number[] = [];
  for (let at = window.since.getTime(); at < window.until.getTime(); at += WEEK_MS) starts.push(at);
  return starts;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Letters, digits, spaces and `.,:+_-` only: nothing that could end a quoted Mermaid string. */
function plain(text: string): string {
  return text.replace(/[^\p{L}\p{N} .,:+_-]/gu, "").slice(0, 60) || "-";
}

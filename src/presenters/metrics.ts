/**
 * `metrics` in every form a host publishes: the `metrics` output and --json (the JSON of schema
 * shipguard.metrics/v1), the CLI's text tables, --format csv, and the job summary (tables and
 * Mermaid charts, metrics-summary.ts).
 */
import type { MetricsResult } from "../commands/metrics.ts";
import type { EnvironmentMetrics, MetricsJson } from "../core/metrics/index.ts";
import { duration, percent, perPeriod, plural, tierText } from "./metrics-format.ts";

/** The action's outputs: `metrics`, the JSON of schema shipguard.metrics/v1. */
export function metricsOutputs(json: MetricsJson): Record<string, string> {
  return { metrics: JSON.stringify(json) };
}

/** The closing sentence: what was reported, or "No deployments" and the window. */
export function metricsMessage(result: MetricsResult): string {
  const names = Object.keys(result.report.json.environments);
  const window = `from ${result.window.since.toISOString()} to ${result.window.until.toISOString()}`;
  if (names.length === 0) {
    const where = result.environment === null ? "" : ` in ${result.environment}`;
    return `No deployments${where} ${window}.`;
  }
  return `Delivery metrics of ${names.join(", ")} ${window}.`;
}

/** The rows of one environment's table: metric, value, DORA 2024 tier. */
export function metricLines(m: EnvironmentMetrics, targetSeconds: number | null): [string, string, string][] {
  const f = m.deploymentFrequency;
  const l = m.leadTime;
  const c = m.changeFailureRate;
  const r = m.recoveryTime;
  const w = m.reworkRate;
  const missing = l.missing > 0 ? ` (${l.missing} missing from the local history)` : "";
  const target =
    targetSeconds === null || r.withinTarget === null
      ? ""
      : `, ${percent(r.withinTarget)} within ${duration(targetSeconds)}`;
  return [
    [
      "Deployment frequency",
      `${plural(f.deploys, "deploy")} on ${plural(f.days, "day")}: ${perPeriod(f.perDay)}/day, ${perPeriod(f.perWeek)}/week`,
      f.tier,
    ],
    [
      "Lead time for changes",
      `${plural(l.commits, "commit")}${missing}: median ${duration(l.medianSeconds)}, p90 ${duration(l.p90Seconds)}`,
      tierText(l.tier),
    ],
    [
      "Change failure rate",
      `${c.failed} of ${plural(c.concluded, "concluded deploy")}: ${percent(c.rate)}`,
      tierText(c.tier),
    ],
    [
      "Recovery time",
      `${plural(r.recoveries, "recovery", "recoveries")}, ${r.unrecovered} unrecovered: median ${duration(r.medianSeconds)}, p90 ${duration(r.p90Seconds)}${target}`,
      tierText(r.tier),
    ],
    [
      "Rework rate",
      `${w.rework} of ${plural(w.deployments, "concluded deployment")}: ${percent(w.rate)}`,
      // DORA's 2024 report gives rework rate no bands.
      "–",
    ],
  ];
}

export function metricsText(result: MetricsResult): string {
  const { json, empty } = result.report;
  const lines = [metricsMessage(result), `Records: ${result.ledger}.`];
  for (const [name, m] of Object.entries(json.environments)) {
    lines.push("", name);
    const rows = metricLines(m, result.recoveryTargetSeconds);
    const width = Math.max(...rows.map(([metric]) => metric.length));
    const valueWidth = Math.max(...rows.map(([, value]) => value.length));
    for (const [metric, value, tier] of rows) {
      lines.push(`  ${metric.padEnd(width)}  ${value.padEnd(valueWidth)}  ${tier}`.trimEnd());
    }
    if (m.inProgress.length > 0) lines.push(`  In progress (counted nowhere): ${m.inProgress.join(", ")}`);
  }
  for (const name of empty) lines.push("", `${name}: no deployments in the window.`);
  return `${lines.join("\n")}\n`;
}

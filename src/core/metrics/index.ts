/**
 * Delivery metrics over deployment records (issue 21's definitions): the pieces a command calls in
 * order. Judge the records, ask git for the lead-time ranges, then build the report. Pure.
 */
import {
  type DeployLeadTimes,
  type LeadTimeRange,
  leadTimeRanges,
  leadTimesOf,
  type RangeReading,
} from "./lead-time.ts";
import { environmentKey, type JudgedDeployment } from "./outcomes.ts";
import { type DeploymentRow, environmentMetrics, METRICS_SCHEMA, type MetricsJson } from "./report.ts";
import type { Window } from "./window.ts";

export type { DatedCommit, LeadTimeRange, RangeReading } from "./lead-time.ts";
export type { JudgedDeployment, RecordWithStatuses } from "./outcomes.ts";
export { environmentKey, judgeDeployments } from "./outcomes.ts";
export type { DeploymentRow, EnvironmentMetrics, MetricsJson } from "./report.ts";
export { METRICS_SCHEMA } from "./report.ts";
export type { Tier } from "./tiers.ts";
export { DEFAULT_SINCE, parseDuration, parseInstant, sinceOf, type Window } from "./window.ts";
export { leadTimeRanges };

export interface MetricsReport {
  json: MetricsJson;
  /** The window's deployments with their computed fields, per environment (oldest first). */
  rows: DeploymentRow[];
  /** Every environment with deployments before `until` (its name as first recorded). */
  known: string[];
  /** Known environments without a deployment in the window. */
  empty: string[];
}

/** The environments the records name, each once (as first recorded), oldest first. */
export function knownEnvironments(judged: readonly JudgedDeployment[]): string[] {
  const names = new Map<string, string>();
  for (const d of judged) if (!names.has(d.key)) names.set(d.key, d.environment);
  return [...names.values()];
}

/**
 * The report over judged records: every environment with a deployment in the window (or only
 * `environment`, compared without case), with the lead times git's readings give.
 */
export function buildMetrics(input: {
  judged: readonly JudgedDeployment[];
  window: Window;
  environment: string | null;
  recoveryTargetSeconds: number | null;
  ranges: readonly LeadTimeRange[];
  readings: ReadonlyMap<string, RangeReading>;
}): MetricsReport {
  const leadTimes: Map<string, DeployLeadTimes> = leadTimesOf(input.ranges, input.readings);
  const known = knownEnvironments(input.judged);
  const wanted = input.environment === null ? null : environmentKey(input.environment);
  const json: MetricsJson = {
    schema: METRICS_SCHEMA,
    since: input.window.since.toISOString(),
    until: input.window.until.toISOString(),
    recoveryTargetSeconds: input.recoveryTargetSeconds,
    environments: {},
  };
  const rows: DeploymentRow[] = [];
  const empty: string[] = [];
  for (const name of known) {
    const key = environmentKey(name);
    if (wanted !== null && key !== wanted) continue;
    const judged = input.judged.filter((d) => d.key === key);
    const result = environmentMetrics({ judged, leadTimes }, input.window, input.recoveryTargetSeconds);
    if (result.rows.length === 0) {
      empty.push(name);
      continue;
    }
    json.environments[name] = result.metrics;
    // Rows carry the name the report uses, whatever case each record was written in.
    rows.push(...result.rows.map((row) => ({ ...row, environment: name })));
  }
  return { json, rows, known, empty };
}

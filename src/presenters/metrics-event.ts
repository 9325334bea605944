/**
 * The weekly digest: the `metrics` event, carrying the whole report (`shipguard.metrics/v1`) and,
 * per environment, the lines of the text tables (metricLines), each with its DORA 2024 tier, for
 * the Slack and Teams bodies to lay out.
 */
import type { MetricsResult } from "../commands/metrics.ts";
import { EVENT_SCHEMA, type NotificationEvent } from "../core/notify/event.ts";
import type { EventContext } from "./events.ts";
import { metricLines } from "./metrics.ts";
import { plural } from "./metrics-format.ts";

export function metricsEvent(result: MetricsResult, c: EventContext): NotificationEvent {
  const { json } = result.report;
  const names = Object.keys(json.environments);
  const deploys = Object.values(json.environments).reduce(
    (sum, env) => sum + env.deploymentFrequency.deploys,
    0,
  );
  const span = `${day(result.window.since)} to ${day(result.window.until)}`;
  const where = names.length === 1 ? `in ${names[0]}` : `in ${names.length} environments`;
  const headline =
    names.length === 0
      ? `${c.repository} delivery metrics, ${span}: no deployments`
      : `${c.repository} delivery metrics, ${span}: ${plural(deploys, "deploy")} ${where}`;
  const environments = Object.entries(json.environments).map(([name, env]) => ({
    name,
    facts: metricLines(env, json.recoveryTargetSeconds).map(([title, value, tier]) => ({
      title,
      value: tier === "–" ? value : `${value} (${tier})`,
    })),
  }));
  return {
    schema: EVENT_SCHEMA,
    event: "metrics",
    repository: c.repository,
    environment: result.environment ?? (names.length === 1 ? (names[0] ?? null) : null),
    version: null,
    previousVersion: null,
    status: names.length === 0 ? "no deployments" : "reported",
    headline,
    failedChecks: [],
    reason: null,
    startedBy: c.actor,
    runUrl: c.runUrl,
    correlationId: null,
    links: [],
    at: c.at,
    metrics: { report: json, environments },
  };
}

/** The window's edges as dates: `until` is excluded, so a window to 2026-12-01 ends the day before. */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

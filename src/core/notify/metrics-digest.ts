/**
 * The weekly digest: the `metrics` event, which carries a whole `shipguard.metrics/v1` report and
 * reads as one short block per environment in a chat. Pure: the facts of each environment are
 * drawn here once; the Slack and Teams bodies lay them out within their limits.
 */
import { oneLine } from "./body-text.ts";
import {
  type DigestEnvironment,
  type DigestMetrics,
  EVENT_SCHEMA,
  type NotificationEvent,
  type Tier,
} from "./event.ts";

export interface DigestContext {
  repository: string;
  runUrl: string | null;
  startedBy: string | null;
  /** ISO 8601, when the event was made. */
  at: string;
}

/** The `metrics` event: a headline for the lock screen, and the report itself in `metrics`. */
export function metricsEvent(metrics: DigestMetrics, c: DigestContext): NotificationEvent {
  const names = Object.keys(metrics.environments);
  const deploys = names.reduce(
    (sum, name) => sum + (metrics.environments[name]?.deploymentFrequency.deploys ?? 0),
    0,
  );
  const where = names.length === 1 ? `in ${names[0]}` : `in ${names.length} environments`;
  const span = `${day(metrics.since)} to ${day(metrics.until)}`;
  const headline =
    names.length === 0
      ? `${c.repository} delivery metrics, ${span}: no deployments`
      : `${c.repository} delivery metrics, ${span}: ${plural(deploys, "deploy")} ${where}`;
  return {
    schema: EVENT_SCHEMA,
    event: "metrics",
    repository: c.repository,
    environment: names.length === 1 ? (names[0] ?? null) : null,
    version: null,
    previousVersion: null,
    status: names.length === 0 ? "no deployments" : "reported",
    headline,
    failedChecks: [],
    reason: null,
    startedBy: c.startedBy,
    runUrl: c.runUrl,
    correlationId: null,
    links: [],
    at: c.at,
    metrics,
  };
}

export interface DigestFact {
  title: string;
  value: string;
}

/** One environment in five lines: each metric's figure, its basis and its DORA tier. */
export function digestFacts(env: DigestEnvironment): DigestFact[] {
  const f = env.deploymentFrequency;
  const lead = env.leadTime;
  const cfr = env.changeFailureRate;
  const rec = env.recoveryTime;
  const rework = env.reworkRate;
  const recovery =
    rec.recoveries === 0
      ? "no recoveries"
      : `median ${duration(rec.medianSeconds)} over ${plural(rec.recoveries, "recovery", "recoveries")}`;
  const withinTarget = rec.withinTarget === null ? "" : `, ${percent(rec.withinTarget)} within target`;
  const unrecovered = rec.unrecovered > 0 ? `, ${rec.unrecovered} unrecovered` : "";
  return [
    { title: "Deploys", value: `${f.deploys} (${round(f.perWeek)} a week)${tier(f.tier)}` },
    {
      title: "Lead time",
      value:
        lead.medianSeconds === null
          ? "no commits counted"
          : `median ${duration(lead.medianSeconds)} over ${plural(lead.commits, "commit")}${tier(lead.tier)}`,
    },
    {
      title: "Change failure rate",
      value:
        cfr.rate === null
          ? "no concluded deploys"
          : `${percent(cfr.rate)} (${cfr.failed} of ${cfr.concluded})${tier(cfr.tier)}`,
    },
    { title: "Recovery time", value: `${recovery}${withinTarget}${unrecovered}${tier(rec.tier)}` },
    {
      title: "Rework rate",
      value:
        rework.rate === null
          ? "no concluded deployments"
          : `${percent(rework.rate)} (${rework.rework} of ${rework.deployments})`,
    },
  ];
}

/** The environments of the digest, in the report's order, each name on one short line. */
export function digestEnvironments(metrics: DigestMetrics): { name: string; facts: DigestFact[] }[] {
  return Object.entries(metrics.environments).map(([name, env]) => ({
    name: oneLine(name, 100),
    facts: digestFacts(env),
  }));
}

function tier(value: Tier | null): string {
  return value === null ? "" : `, ${value}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Whole seconds as a person reads them: 45s, 12m, 3h 20m, 2d 4h. */
export function duration(seconds: number | null): string {
  if (seconds === null) return "n/a";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

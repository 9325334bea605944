/**
 * The `metrics` report (schema `shipguard.metrics/v1`): each environment's DORA keys over the
 * window, from judged deployments and the lead times git gave. The field names of the JSON are a
 * contract (issue 21): more may be added, these keep their names and meaning.
 */
import type { DeployLeadTimes } from "./lead-time.ts";
import type { JudgedDeployment } from "./outcomes.ts";
import { type Recovery, recoveriesOf } from "./recovery.ts";
import { durationStats, rate } from "./statistics.ts";
import { failureRateTier, frequencyTier, leadTimeTier, recoveryTier, type Tier } from "./tiers.ts";
import { inWindow, type Window, windowDays } from "./window.ts";

export const METRICS_SCHEMA = "shipguard.metrics/v1";

export interface EnvironmentMetrics {
  deploymentFrequency: { deploys: number; days: number; perDay: number; perWeek: number; tier: Tier };
  leadTime: {
    commits: number;
    missing: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
    tier: Tier | null;
  };
  changeFailureRate: { failed: number; concluded: number; rate: number | null; tier: Tier | null };
  recoveryTime: {
    recoveries: number;
    unrecovered: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
    withinTarget: number | null;
    tier: Tier | null;
  };
  reworkRate: { rework: number; deployments: number; rate: number | null };
  inProgress: string[];
}

export interface MetricsJson {
  schema: typeof METRICS_SCHEMA;
  since: string;
  until: string;
  /** The recovery target in seconds, when one was set (an addition to the fields). */
  recoveryTargetSeconds: number | null;
  environments: Record<string, EnvironmentMetrics>;
}

/** One deployment of the window with what the metrics made of it (the CSV's rows, the charts). */
export interface DeploymentRow {
  /** The environment as the report names it. */
  environment: string;
  id: string;
  kind: JudgedDeployment["kind"];
  version: string;
  sha: string;
  createdAt: number;
  successAt: number | null;
  outcome: "success" | "failure" | "rolled-back-from" | "in-progress";
  failureAt: number | null;
  /** The deployment that ended this failure, and how long it took (s); null when unrecovered. */
  recoveredBy: string | null;
  recoverySeconds: number | null;
  rework: boolean;
  leadTimeCommits: number;
  leadTimeMissing: number;
  leadTimeSeconds: number[];
}

export interface EnvironmentInput {
  /** All of the environment's deployments before `until`, judged, oldest first. */
  judged: readonly JudgedDeployment[];
  leadTimes: ReadonlyMap<string, DeployLeadTimes>;
}

/** The metrics of one environment, and its window's deployments as rows. */
export function environmentMetrics(
  input: EnvironmentInput,
  window: Window,
  recoveryTargetSeconds: number | null,
): { metrics: EnvironmentMetrics; rows: DeploymentRow[] } {
  const inside = input.judged.filter((d) => inWindow(d.createdAt, window));
  const deploys = inside.filter((d) => d.kind === "deploy");
  const successful = deploys.filter((d) => d.successful);
  const days = new Set(successful.map((d) => new Date(d.createdAt).toISOString().slice(0, 10))).size;
  const perDay = successful.length / windowDays(window);
  const leadSeconds = inside.flatMap((d) => input.leadTimes.get(d.id)?.seconds ?? []);
  const missing = inside.reduce((sum, d) => sum + (input.leadTimes.get(d.id)?.missing ?? 0), 0);
  const lead = durationStats(leadSeconds);
  const failed = deploys.filter((d) => d.failed).length;
  const concludedDeploys = deploys.filter((d) => d.concluded).length;
  const failureRate = rate(failed, concludedDeploys);
  const { byFailure, rework } = recoveriesOf(input.judged);
  const windowRecoveries = deploys.filter((d) => d.failed).map((d) => byFailure.get(d.id) ?? null);
  const recovered = windowRecoveries.filter((r): r is Recovery => r !== null);
  const recoverySeconds = recovered.map((r) => r.seconds);
  const recovery = durationStats(recoverySeconds);
  const concluded = inside.filter((d) => d.concluded);
  const reworked = concluded.filter((d) => rework.has(d.id)).length;
  const metrics: EnvironmentMetrics = {
    deploymentFrequency: {
      deploys: successful.length,
      days,
      perDay,
      perWeek: (successful.length * 7) / windowDays(window),
      tier: frequencyTier(perDay),
    },
    leadTime: {
      commits: leadSeconds.length,
      missing,
      medianSeconds: lead.median,
      p90Seconds: lead.p90,
      tier: leadTimeTier(lead.median),
    },
    changeFailureRate: {
      failed,
      concluded: concludedDeploys,
      rate: failureRate,
      tier: failureRateTier(failureRate),
    },
    recoveryTime: {
      recoveries: recovered.length,
      unrecovered: windowRecoveries.length - recovered.length,
      medianSeconds: recovery.median,
      p90Seconds: recovery.p90,
      withinTarget:
        recoveryTargetSeconds === null
          ? null
          : rate(recoverySeconds.filter((s) => s <= recoveryTargetSeconds).length, recovered.length),
      tier: recoveryTier(recovery.median),
    },
    reworkRate: { rework: reworked, deployments: concluded.length, rate: rate(reworked, concluded.length) },
    inProgress: inside.filter((d) => d.inProgress).map((d) => d.id),
  };
  const rows = inside.map((d) =>
    rowOf(d, byFailure.get(d.id) ?? null, rework.has(d.id), input.leadTimes.get(d.id)),
  );
  return { metrics, rows };
}

function rowOf(
  d: JudgedDeployment,
  recovery: Recovery | null,
  rework: boolean,
  lead: DeployLeadTimes | undefined,
): DeploymentRow {
  return {
    environment: d.environment,
    id: d.id,
    kind: d.kind,
    version: d.version,
    sha: d.sha,
    createdAt: d.createdAt,
    successAt: d.successAt,
    outcome:
      d.failedBy === "rollback"
        ? "rolled-back-from"
        : d.failed
          ? "failure"
          : d.successful
            ? "success"
            : "in-progress",
    failureAt: d.failureAt,
    recoveredBy: recovery?.by ?? null,
    recoverySeconds: recovery?.seconds ?? null,
    rework: rework && d.concluded,
    leadTimeCommits: lead?.seconds.length ?? 0,
    leadTimeMissing: lead?.missing ?? 0,
    leadTimeSeconds: lead?.seconds ?? [],
  };
}

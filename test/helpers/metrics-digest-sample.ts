/**
 * A metrics result for the digest's tests: the fixed scenario's numbers (EXPECTED_METRICS), and as
 * many environments with long, hostile names as asked.
 */
import type { MetricsResult } from "../../src/commands/metrics.ts";
import type { EnvironmentMetrics } from "../../src/core/metrics/index.ts";
import { EXPECTED_IN_PROGRESS, EXPECTED_METRICS, SINCE, UNTIL } from "./metrics-ledger.ts";

export const PRODUCTION = {
  ...EXPECTED_METRICS.production,
  inProgress: EXPECTED_IN_PROGRESS.production,
} as EnvironmentMetrics;
export const STAGING = { ...EXPECTED_METRICS.staging, inProgress: [] } as EnvironmentMetrics;

export function sampleResult(environments: Record<string, EnvironmentMetrics>): MetricsResult {
  return {
    report: {
      json: {
        schema: "shipguard.metrics/v1",
        since: SINCE,
        until: UNTIL,
        recoveryTargetSeconds: 900,
        environments,
      },
      rows: [],
      known: Object.keys(environments),
      empty: [],
    },
    window: { since: new Date(SINCE), until: new Date(UNTIL) },
    environment: null,
    ledger: "the deployments of acme/app on GitHub",
    recoveryTargetSeconds: 900,
  };
}

/** `count` environments with long, hostile names. */
export function manyEnvironments(count: number): Record<string, EnvironmentMetrics> {
  const out: Record<string, EnvironmentMetrics> = {};
  for (let i = 0; i < count; i++)
    out[`env-${i}-<!channel>-[x](https://evil.example)-${"z".repeat(60)}`] = PRODUCTION;
  return out;
}

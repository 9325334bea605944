/** A `shipguard.metrics/v1` report for the digest's tests: known figures, and as many environments as asked. */
import type { DigestEnvironment, DigestMetrics } from "../../src/core/notify/event.ts";

export const PRODUCTION: DigestEnvironment = {
  deploymentFrequency: { deploys: 12, perWeek: 1.714285, tier: "high" },
  leadTime: { commits: 31, medianSeconds: 11_520, tier: "elite" },
  changeFailureRate: { failed: 2, concluded: 13, rate: 2 / 13, tier: "medium" },
  recoveryTime: { recoveries: 2, unrecovered: 1, medianSeconds: 840, withinTarget: 0.5, tier: "elite" },
  reworkRate: { rework: 3, deployments: 15, rate: 0.2 },
  inProgress: ["2400000017"],
};

export const EMPTY: DigestEnvironment = {
  deploymentFrequency: { deploys: 0, perWeek: 0, tier: "low" },
  leadTime: { commits: 0, medianSeconds: null, tier: null },
  changeFailureRate: { failed: 0, concluded: 0, rate: null, tier: null },
  recoveryTime: { recoveries: 0, unrecovered: 0, medianSeconds: null, withinTarget: null, tier: null },
  reworkRate: { rework: 0, deployments: 0, rate: null },
  inProgress: [],
};

export function sampleMetrics(
  environments: Record<string, DigestEnvironment> = { production: PRODUCTION },
): DigestMetrics {
  return {
    schema: "shipguard.metrics/v1",
    since: "2026-11-30T00:00:00.000Z",
    until: "2026-12-07T00:00:00.000Z",
    environments,
  };
}

/** `count` environments with long, hostile names. */
export function manyEnvironments(count: number): Record<string, DigestEnvironment> {
  const out: Record<string, DigestEnvironment> = {};
  for (let i = 0; i < count; i++)
    out[`env-${i}-<!channel>-[x](https://evil.example)-${"z".repeat(60)}`] = PRODUCTION;
  return out;
}

/** Deployment records with statuses, written short, for the pure metrics tests. */
import type { RecordWithStatuses } from "../../src/core/metrics/index.ts";
import type { DeploymentKind, DeploymentState } from "../../src/ports.ts";

export interface RecordSpec {
  env?: string;
  kind?: DeploymentKind;
  version?: string;
  sha?: string;
  /** Minutes after BASE, or an ISO instant. */
  at: number | string;
  /** [state, minutes after BASE or an ISO instant]. */
  statuses?: [DeploymentState, number | string][];
  /** The id a rollback left. */
  from?: string;
}

/** Every minute offset counts from here. */
export const BASE = Date.parse("2026-11-01T00:00:00.000Z");

export function instant(at: number | string): string {
  return typeof at === "string" ? at : new Date(BASE + at * 60_000).toISOString();
}

export function record(id: string, spec: RecordSpec): RecordWithStatuses {
  const version = spec.version ?? "1.0.0";
  return {
    record: {
      id,
      environment: spec.env ?? "production",
      createdAt: instant(spec.at),
      creator: null,
      payload: {
        tool: "shipguard",
        schema: 1,
        kind: spec.kind ?? "deploy",
        version,
        tag: `v${version}`,
        sha: spec.sha ?? `sha-${version}`,
        rolledBackFrom: spec.from === undefined ? null : { id: spec.from, version: "?" },
        reason: null,
        runUrl: null,
        correlationId: `c-${id}`,
      },
    },
    statuses: (spec.statuses ?? []).map(([state, at]) => ({
      state,
      description: state,
      createdAt: instant(at),
      logUrl: null,
      environmentUrl: null,
    })),
  };
}

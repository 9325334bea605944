/**
 * Failed deployment recovery time and the rework it causes. A failure's time is its `failure` or
 * `error` status, or for a deploy rolled back after success the creation of the rollback that
 * names it. Its recovery is the first deployment of the environment, a rollback or a fix, created
 * at or after that time that reached `success`; one recovery can end several failures. Rework:
 * every rollback, and every deploy created between a failure's time and its recovery (the fixing
 * deploy included; until `until` while unrecovered).
 */
import type { JudgedDeployment } from "./outcomes.ts";
import { secondsBetween } from "./statistics.ts";

export interface Recovery {
  /** The deployment that recovered. */
  by: string;
  /** From the failure's time to the recovery's success, whole seconds. */
  seconds: number;
}

/**
 * For each failed deploy of one environment (all of its history before `until`, oldest first):
 * its recovery, when there was one; and the ids of the deployments that are rework.
 */
export function recoveriesOf(judged: readonly JudgedDeployment[]): {
  byFailure: Map<string, Recovery>;
  rework: Set<string>;
} {
  const byFailure = new Map<string, Recovery>();
  const rework = new Set<string>(judged.filter((d) => d.kind === "rollback").map((d) => d.id));
  for (const failure of judged) {
    if (failure.kind !== "deploy" || failure.failureAt === null) continue;
    const from = failure.failureAt;
    const recovery = judged.find((d) => d.id !== failure.id && d.createdAt >= from && d.successAt !== null);
    const end = recovery?.createdAt ?? Number.POSITIVE_INFINITY;
    for (const d of judged) {
      if (d.kind === "deploy" && d.id !== failure.id && d.createdAt >= from && d.createdAt <= end)
        rework.add(d.id);
    }
    if (recovery !== undefined && recovery.successAt !== null) {
      byFailure.set(failure.id, { by: recovery.id, seconds: secondsBetween(from, recovery.successAt) });
    }
  }
  return { byFailure, rework };
}

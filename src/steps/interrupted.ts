/**
 * Attempts whose run ended while they were still in progress (killed with SIGKILL, a lost runner):
 * their record never got a final status. A run that holds the environment (the lock locally, the
 * workflows' concurrency group on GitHub) knows nothing else works on it, so it takes such an
 * attempt over instead of reporting it as done or refusing it as a failed rollback. So with a
 * deploy or rollback cancelled by SIGINT or SIGTERM before it finished: recorded `failure`, it did
 * not fail, and a re-run of it (the same correlation id) finishes it under its record.
 */
import { isUnfinished, wasCancelled, wasCancelledRollback } from "../core/deployments.ts";
import type { DeploymentRecord, DeploymentStatus, Ledger, Logger } from "../ports.ts";
import type { Timeline } from "./timeline.ts";

export interface EarlierAttempt {
  record: DeploymentRecord;
  statuses: DeploymentStatus[];
  /** No final status: the attempt was interrupted, and this run may take it over. */
  interrupted: boolean;
  /** Cancelled by SIGINT or SIGTERM before it finished: not done, a re-run finishes it. */
  cancelled: boolean;
}

/** The earlier attempt of a correlation id (a re-run), or null when there was none. */
export async function earlierAttempt(
  ledger: Ledger,
  environment: string,
  correlationId: string | null,
): Promise<EarlierAttempt | null> {
  if (correlationId === null) return null;
  const record = await ledger.findByCorrelation(environment, correlationId);
  if (record === null) return null;
  const statuses = await ledger.statuses(record);
  return {
    record,
    statuses,
    interrupted: isUnfinished(statuses),
    cancelled: wasCancelled(record, statuses),
  };
}

/** "Deployment #12 of 1.2.0 … was interrupted (still in progress)": how every takeover is said. */
export function interruptedSentence(record: DeploymentRecord, environment: string): string {
  const what = record.payload.kind === "rollback" ? "Rollback" : "Deployment";
  return `${what} #${record.id} of ${environment} to ${record.payload.version} was interrupted (still in progress): its run ended before it finished. This run takes it over.`;
}

/** Why a rollback did not finish (no final status, or cancelled), or null when it did. */
export function unfinishedRollback(
  record: DeploymentRecord,
  statuses: readonly DeploymentStatus[],
): "interrupted" | "cancelled" | null {
  if (record.payload.kind !== "rollback") return null;
  if (isUnfinished(statuses)) return "interrupted";
  return wasCancelledRollback(record, statuses) ? "cancelled" : null;
}

/** How taking over an attempt is said: interruptedSentence, or for a cancelled one its own record's words. */
export function takeoverSentence(
  record: DeploymentRecord,
  statuses: readonly DeploymentStatus[],
  environment: string,
): string {
  if (!wasCancelled(record, statuses)) return interruptedSentence(record, environment);
  const what = record.payload.kind === "rollback" ? "Rollback" : "Deployment";
  return `${what} #${record.id} of ${environment} to ${record.payload.version} was cancelled before it finished (${statuses.at(-1)?.description ?? "no detail"}): it counts as not done. This run takes it over.`;
}

/** The deployment an interrupted rollback was leaving (its rolledBackFrom), else the one before it. */
export async function leftBehind(
  older: AsyncIterator<DeploymentRecord>,
  interrupted: DeploymentRecord,
): Promise<DeploymentRecord | null> {
  const wanted = interrupted.payload.rolledBackFrom?.id;
  let first: DeploymentRecord | null = null;
  for (let next = await older.next(); next.done !== true; next = await older.next()) {
    first ??= next.value;
    if (wanted === undefined || next.value.id === wanted) return next.value;
  }
  return first;
}

/**
 * A deploy killed outright (another correlation id: not a re-run) leaves the environment's newest
 * record in progress. The deploy that holds the environment now closes it with `error`, says so,
 * and goes on. An interrupted rollback is left to the next rollback, which finishes it. `newest` is
 * the record the last-known-good read began with (findLastKnownGood), so nothing is read twice.
 */
export async function closeInterruptedDeploy(
  ports: { ledger: Ledger; logger: Logger },
  environment: string,
  newest: { record: DeploymentRecord; statuses: DeploymentStatus[] | null } | null,
  timeline: Timeline,
  runUrl: string | null,
): Promise<void> {
  if (newest === null || newest.record.payload.kind !== "deploy") return;
  const { record } = newest;
  if (!isUnfinished(newest.statuses ?? (await ports.ledger.statuses(record)))) return;
  ports.logger.warning(interruptedSentence(record, environment));
  await ports.ledger.setStatus(record, {
    state: "error",
    description: "Interrupted (still in progress when its run ended); taken over by a new deploy",
    logUrl: runUrl,
  });
  timeline.mark("close the interrupted deployment", `#${record.id}`);
}

/**
 * What each deployment was, as of `until`: successful (it reached `success`), failed (it ended
 * `failure` or `error`, or it succeeded and a later rollback names it in `rolledBackFrom`),
 * concluded (either), or in progress (no final status). Statuses at or after `until` are not
 * known yet at `until`, so a report of a past window reads the same whenever it is made.
 */
import type { DeploymentKind, DeploymentRecord, DeploymentStatus } from "../deployment-record.ts";

/** A deployment with its statuses, oldest first (the Ledger's `allDeployments` gives these). */
export interface RecordWithStatuses {
  record: DeploymentRecord;
  statuses: DeploymentStatus[];
}

export interface JudgedDeployment {
  id: string;
  /** The environment's key: its name in lower case (names compare without case). */
  key: string;
  environment: string;
  kind: DeploymentKind;
  version: string;
  sha: string;
  /** Creation, in ms since the epoch. */
  createdAt: number;
  /** Its first `success` status (ms), or null. */
  successAt: number | null;
  /**
   * The failure's time (ms): its `failure` or `error` status (or the creation of a rollback that
   * names it, when that came first), or for a success later rolled back from, that rollback's creation.
   */
  failureAt: number | null;
  /** How it failed: by its own status, or by a rollback after it succeeded. */
  failedBy: "status" | "rollback" | null;
  successful: boolean;
  failed: boolean;
  concluded: boolean;
  inProgress: boolean;
}

/** Environment names compare without case: this is the key they are grouped by. */
export function environmentKey(name: string): string {
  return name.toLowerCase();
}

/**
 * Judges every deployment created before `until`, oldest first (creation time, then the order
 * given). Records created at or after `until` are dropped.
 */
export function judgeDeployments(
  deployments: readonly RecordWithStatuses[],
  until: Date,
): JudgedDeployment[] {
  const end = until.getTime();
  const known = deployments
    .map((d, index) => ({ ...d, index, createdAt: Date.parse(d.record.createdAt) }))
    .filter((d) => Number.isFinite(d.createdAt) && d.createdAt < end)
    .sort((a, b) => a.createdAt - b.createdAt || a.index - b.index);
  const rolledBackAt = firstRollbacks(known.map((d) => ({ record: d.record, createdAt: d.createdAt })));
  return known.map(({ record, statuses, createdAt }) => {
    const seen = statuses
      .map((s) => ({ state: s.state, at: Date.parse(s.createdAt) }))
      .filter((s) => Number.isFinite(s.at) && s.at < end);
    const successAt = seen.find((s) => s.state === "success")?.at ?? null;
    const endedFailedAt = failureStatusAt(seen);
    const rollbackAt = rolledBackAt.get(rollbackLink(record.environment, record.id)) ?? null;
    const failedBy =
      endedFailedAt !== null ? "status" : successAt !== null && rollbackAt !== null ? "rollback" : null;
    const failed = failedBy !== null;
    return {
      id: record.id,
      key: environmentKey(record.environment),
      environment: record.environment,
      kind: record.payload.kind,
      version: record.payload.version,
      sha: record.payload.sha,
      createdAt,
      successAt,
      failureAt: failureTime(failedBy, endedFailedAt, rollbackAt),
      failedBy,
      successful: successAt !== null,
      failed,
      concluded: successAt !== null || failed,
      inProgress: successAt === null && !failed,
    };
  });
}

/**
 * The failure's time: its `failure` or `error` status, or, for a deploy rolled back after it
 * succeeded, the creation of the rollback that names it. shipguard's own rollback of a failed
 * deploy starts before the deploy records its failure (the record says where the rollback went),
 * so when a rollback naming it was created before that status, the failure was known then.
 */
function failureTime(
  failedBy: "status" | "rollback" | null,
  statusAt: number | null,
  rollbackAt: number | null,
): number | null {
  if (failedBy === "rollback") return rollbackAt;
  if (failedBy !== "status" || statusAt === null) return null;
  return rollbackAt !== null && rollbackAt < statusAt ? rollbackAt : statusAt;
}

/**
 * When the deployment ended `failure` or `error` (its last final status is one), the time of the
 * first such status after its last `success`; null otherwise.
 */
function failureStatusAt(statuses: readonly { state: string; at: number }[]): number | null {
  let at: number | null = null;
  let last: string | null = null;
  for (const status of statuses) {
    if (status.state === "success") at = null;
    else if ((status.state === "failure" || status.state === "error") && at === null) at = status.at;
    if (status.state === "success" || status.state === "failure" || status.state === "error")
      last = status.state;
  }
  return last === "failure" || last === "error" ? at : null;
}

function rollbackLink(environment: string, id: string): string {
  return `${environmentKey(environment)}\n${id}`;
}

/** For each deployment a rollback names: the creation of the first rollback that names it. */
function firstRollbacks(
  records: readonly { record: DeploymentRecord; createdAt: number }[],
): Map<string, number> {
  const first = new Map<string, number>();
  for (const { record, createdAt } of records) {
    const from = record.payload.rolledBackFrom;
    if (record.payload.kind !== "rollback" || from === null) continue;
    const link = rollbackLink(record.environment, from.id);
    if (!first.has(link)) first.set(link, createdAt);
  }
  return first;
}

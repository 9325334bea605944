/**
 * The record an attempt works under, marked in progress: a new deployment with shipguard's payload,
 * or, when this run takes over an interrupted attempt of the same correlation id (interrupted.ts),
 * that attempt's own record, in progress again. Shared by deploy and rollback.
 */
import { truncateDescription } from "../core/deployments.ts";
import type { DeploymentPayload, DeploymentRecord, DeployTarget, Ledger } from "../ports.ts";

export interface OpenRecord {
  ledger: Ledger;
  target: DeployTarget;
  /** The deployment's own description: "shipguard: deploy 1.2.0". */
  description: string;
  /** What the payload says beyond the target: how it was rolled back from, and why. */
  payload: Pick<DeploymentPayload, "rolledBackFrom" | "reason">;
  /** The in-progress status: "Deploying 1.2.0". */
  doing: string;
  runUrl: string | null;
  environmentUrl: string | null;
  /** The interrupted record this run takes over, or null for a new one. */
  resumed: DeploymentRecord | null;
}

export async function openRecord(o: OpenRecord): Promise<DeploymentRecord> {
  const { target } = o;
  const record =
    o.resumed ??
    (await o.ledger.create({
      environment: target.environment,
      sha: target.sha,
      description: truncateDescription(o.description),
      payload: {
        tool: "shipguard",
        schema: 1,
        kind: target.kind,
        version: target.version,
        tag: target.tag,
        sha: target.sha,
        ...o.payload,
        runUrl: o.runUrl,
        correlationId: target.correlationId,
      },
    }));
  await o.ledger.setStatus(record, {
    state: "in_progress",
    description: truncateDescription(
      o.resumed === null ? o.doing : `${o.doing} again (the attempt before was interrupted)`,
    ),
    logUrl: o.runUrl,
    environmentUrl: o.environmentUrl,
  });
  return record;
}

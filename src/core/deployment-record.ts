/**
 * What shipguard records of each deploy and rollback (a GitHub Deployment or a ledger line): the
 * domain types the rules in deployments.ts judge and both ledgers store.
 */

export type DeploymentKind = "deploy" | "rollback";

/** The typed payload of every deployment shipguard records (GitHub Deployment or ledger line). */
export interface DeploymentPayload {
  tool: "shipguard";
  schema: 1;
  kind: DeploymentKind;
  version: string;
  tag: string | null;
  sha: string;
  /** Rollbacks: the deployment id and version that were rolled back from. */
  rolledBackFrom: { id: string; version: string } | null;
  reason: string | null;
  runUrl: string | null;
  /** Unique per attempt: how a retried create is recognised instead of duplicated. */
  correlationId: string;
}

export type DeploymentState =
  | "queued"
  | "pending"
  | "in_progress"
  | "success"
  | "failure"
  | "error"
  | "inactive";

export interface DeploymentStatus {
  state: DeploymentState;
  description: string;
  createdAt: string;
  logUrl: string | null;
  environmentUrl: string | null;
}

export interface DeploymentRecord {
  id: string;
  environment: string;
  createdAt: string;
  /** Who made it (GitHub login, or the local user). */
  creator: string | null;
  payload: DeploymentPayload;
}

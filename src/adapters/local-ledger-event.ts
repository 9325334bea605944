/**
 * One line of the local ledger (see local-ledger.ts): a deployment, or a status of one, as JSON.
 * A line that is not a well-formed event is null, so the ledger can skip it with a warning.
 */
import { isDeploymentState, payloadFrom } from "../core/deployments.ts";
import type { DeploymentRecord, DeploymentState, DeploymentStatus } from "../ports.ts";

export type LedgerEvent =
  | { type: "deployment"; record: DeploymentRecord; description: string }
  | { type: "status"; id: string; status: DeploymentStatus };

export function parseEvent(text: string): LedgerEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const line = value as Record<string, unknown>;
  if (typeof line.id !== "string" || line.id === "" || typeof line.createdAt !== "string") return null;
  if (line.type === "deployment") {
    const payload = payloadFrom(line.payload);
    if (payload === null || typeof line.environment !== "string") return null;
    if (line.creator !== null && typeof line.creator !== "string") return null;
    return {
      type: "deployment",
      record: {
        id: line.id,
        environment: line.environment,
        createdAt: line.createdAt,
        creator: line.creator,
        payload,
      },
      description: typeof line.description === "string" ? line.description : "",
    };
  }
  if (line.type === "status") {
    if (!isDeploymentState(line.state)) return null;
    if (typeof line.description !== "string") return null;
    const logUrl = line.logUrl ?? null;
    const environmentUrl = line.environmentUrl ?? null;
    if (
      (logUrl !== null && typeof logUrl !== "string") ||
      (environmentUrl !== null && typeof environmentUrl !== "string")
    )
      return null;
    return {
      type: "status",
      id: line.id,
      status: {
        state: line.state as DeploymentState,
        description: line.description,
        createdAt: line.createdAt,
        logUrl,
        environmentUrl,
      },
    };
  }
  return null;
}

/**
 * Deployments put in place as they stand after months of use, with the times they were made: what
 * GitHub holds when a metrics run starts. The API cannot backdate, so tests seed here.
 */
import { newStatus } from "./routes/deployments.ts";
import type { DeploymentRecord, DeploymentState, EmulatorState } from "./state.ts";

export interface SeedStatus {
  state: DeploymentState;
  /** ISO-8601; GitHub keeps whole seconds. */
  createdAt: string;
  description?: string;
  logUrl?: string;
  environmentUrl?: string;
}

export interface SeedDeployment {
  environment: string;
  sha: string;
  /** The deployment's ref (default the sha). */
  ref?: string;
  task?: string;
  /** The payload as it was sent: an object, or JSON text. */
  payload: Record<string, unknown> | string;
  createdAt: string;
  description?: string;
  /** Oldest first. */
  statuses?: SeedStatus[];
}

function seconds(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function seedDeployment(state: EmulatorState, seed: SeedDeployment): DeploymentRecord {
  const createdAt = seconds(seed.createdAt);
  const statuses = (seed.statuses ?? []).map((status) =>
    newStatus(state, seed, { ...status, createdAt: seconds(status.createdAt) }),
  );
  const record: DeploymentRecord = {
    id: state.newId("deployment"),
    sha: seed.sha,
    ref: seed.ref ?? seed.sha,
    task: seed.task ?? "deploy",
    payload: seed.payload,
    environment: seed.environment,
    originalEnvironment: seed.environment,
    description: seed.description ?? null,
    transientEnvironment: false,
    productionEnvironment: seed.environment === "production",
    createdAt,
    updatedAt: statuses.at(-1)?.createdAt ?? createdAt,
    statuses,
  };
  state.deployments.push(record);
  return record;
}

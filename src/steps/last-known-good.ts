/**
 * "Last known good" read from a ledger, newest first, fetching a deployment's statuses only when
 * it could be the answer (one request each on GitHub). Shared by deploy and rollback so both
 * answer the question the same way.
 */
import { LastKnownGoodFinder, type LastKnownGoodOptions } from "../core/deployments.ts";
import type { DeploymentRecord, DeploymentStatus, Ledger } from "../ports.ts";

export interface LastKnownGood {
  record: DeploymentRecord | null;
  /** Whether the environment had any shipguard deployment before (ignoring excluded ids). */
  anyBefore: boolean;
  /** Whether a version was rolled back from in the records read (why it could not be the answer). */
  wasRolledBackFrom(version: string): boolean;
  /** The environment's newest record, with its statuses when they were read (null: not read). */
  newest: { record: DeploymentRecord; statuses: DeploymentStatus[] | null } | null;
}

export async function findLastKnownGood(
  ledger: Ledger,
  environment: string,
  options: LastKnownGoodOptions & { limit?: number } = {},
): Promise<LastKnownGood> {
  const finder = new LastKnownGoodFinder(options);
  const excluded = new Set(options.excludeIds ?? []);
  const limit = options.limit ?? 500;
  let anyBefore = false;
  let read = 0;
  let newest: LastKnownGood["newest"] = null;
  for await (const record of ledger.history(environment)) {
    if (!excluded.has(record.id)) anyBefore = true;
    const statuses = finder.needsStatuses(record) ? await ledger.statuses(record) : null;
    newest ??= { record, statuses };
    if (finder.consider(record, statuses ?? []) !== null) break;
    if (++read >= limit) break;
  }
  return {
    record: finder.answer,
    anyBefore,
    wasRolledBackFrom: (version) => finder.wasRolledBackFrom(version),
    newest,
  };
}

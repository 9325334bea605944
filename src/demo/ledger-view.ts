/** The ledger as the demo's closing table shows it: one row per line, in the order written. */

import { LocalLedger } from "../adapters/local-ledger.ts";
import type { Logger } from "../ports.ts";
import type { LedgerRow } from "./types.ts";

/** Read through the ledger adapter itself, so the table shows what the product reads. */
export async function readLedger(file: string, logger: Logger): Promise<LedgerRow[]> {
  const journal = await new LocalLedger(file, { logger }).journal();
  const deployments = new Map<string, { environment: string; version: string; kind: string }>();
  return journal.map((event) => {
    if (event.type === "deployment") {
      const { record } = event;
      const deployment = {
        environment: record.environment,
        version: record.payload.version,
        kind: record.payload.kind,
      };
      deployments.set(record.id, deployment);
      const at = { time: record.createdAt, id: record.id };
      return { ...at, ...deployment, state: "created", description: event.description };
    }
    const deployment = deployments.get(event.id) ?? { environment: "?", version: "?", kind: "?" };
    const { state, description, createdAt } = event.status;
    return { time: createdAt, ...deployment, state, id: event.id, description };
  });
}

/** "staging deploy 1.0.0 success" for each deployment of the ledger, in the order they were created. */
export function finalStates(rows: LedgerRow[]): string[] {
  const last = new Map<string, LedgerRow>();
  for (const row of rows) if (row.state !== "created" || !last.has(row.id)) last.set(row.id, row);
  return [...last.values()].map((row) => `${row.environment} ${row.kind} ${row.version} ${row.state}`);
}

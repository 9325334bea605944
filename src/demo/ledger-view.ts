/** The ledger as the demo's closing table shows it: one row per line, in the order written. */
import { readFile } from "node:fs/promises";
import type { LedgerRow } from "./types.ts";

export async function readLedger(file: string): Promise<LedgerRow[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  const deployments = new Map<string, { environment: string; version: string; kind: string }>();
  const rows: LedgerRow[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const id = String(event.id ?? "");
    const time = String(event.createdAt ?? "");
    if (event.type === "deployment") {
      const payload = (event.payload ?? {}) as Record<string, unknown>;
      const deployment = {
        environment: String(event.environment ?? ""),
        version: String(payload.version ?? ""),
        kind: String(payload.kind ?? ""),
      };
      deployments.set(id, deployment);
      rows.push({ time, ...deployment, state: "created", id, description: String(event.description ?? "") });
    } else if (event.type === "status") {
      const deployment = deployments.get(id) ?? { environment: "?", version: "?", kind: "?" };
      rows.push({
        time,
        ...deployment,
        state: String(event.state ?? ""),
        id,
        description: String(event.description ?? ""),
      });
    }
  }
  return rows;
}

/** "deploy 1.0.0 success" for each deployment of the ledger, in the order they were created. */
export function finalStates(rows: LedgerRow[]): string[] {
  const last = new Map<string, LedgerRow>();
  for (const row of rows) if (row.state !== "created" || !last.has(row.id)) last.set(row.id, row);
  return [...last.values()].map((row) => `${row.kind} ${row.version} ${row.state}`);
}

/**
 * The fixed metrics scenario of metrics-ledger.ts on the GitHub API emulator: the very records the
 * local ledger file holds (written by writeScenarioLedger, read back line by line, another tool's
 * included), seeded as GitHub would hold them, plus a job's own deployment, which is skipped too.
 * `rolledBackFrom` names the id the emulator gave the deployment left.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DeploymentState } from "../../src/ports.ts";
import type { Emulator, SeedStatus } from "../emulator/index.ts";
import { EXPECTED_IN_PROGRESS, writeScenarioLedger } from "./metrics-ledger.ts";

interface LedgerLine {
  type: "deployment" | "status";
  id: string;
  environment: string;
  createdAt: string;
  sha: string;
  task: string;
  description: string;
  /** shipguard's payload, or another tool's (no tag, no rolledBackFrom). */
  payload: Record<string, unknown> & {
    tag?: string;
    rolledBackFrom?: { id: string; version: string } | null;
  };
  state: DeploymentState;
}

/** Seeds the scenario; returns the emulator's id of each key. */
export function seedScenario(emulator: Emulator, shas: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-scenario-"));
  const file = path.join(dir, "deployments.jsonl");
  writeScenarioLedger(file, shas);
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as LedgerLine);
  rmSync(dir, { recursive: true, force: true });
  const ids: Record<string, string> = {};
  for (const dep of lines.filter((line) => line.type === "deployment")) {
    const statuses: SeedStatus[] = lines
      .filter((line) => line.type === "status" && line.id === dep.id)
      .map((line) => ({ state: line.state, createdAt: line.createdAt, description: line.state }));
    const from = dep.payload.rolledBackFrom ?? null;
    const shipguard = dep.payload.tool === "shipguard";
    const created = emulator.seedDeployment({
      environment: dep.environment,
      sha: dep.sha,
      ref: dep.payload.tag ?? dep.sha,
      task: dep.task,
      createdAt: dep.createdAt,
      description: dep.description,
      payload: shipguard
        ? {
            ...dep.payload,
            rolledBackFrom: from === null ? null : { id: ids[from.id] ?? from.id, version: from.version },
            runUrl: "https://github.com/acme/app/actions/runs/1",
          }
        : dep.payload,
      statuses,
    });
    ids[dep.id] = String(created.id);
    if (dep.id === "prod-5") {
      // A job's `environment:` deployment (empty payload) and a tool's, failed, in the window: never counted.
      for (const payload of [{}, { tool: "other-deployer", version: "9.9.9" }]) {
        emulator.seedDeployment({
          environment: dep.environment,
          sha: dep.sha,
          createdAt: dep.createdAt,
          payload,
          statuses: [{ state: "failure", createdAt: dep.createdAt }],
        });
      }
    }
  }
  return ids;
}

/** EXPECTED_IN_PROGRESS with the emulator's ids. */
export function inProgressIds(ids: Record<string, string>): { production: string[]; staging: string[] } {
  return {
    production: EXPECTED_IN_PROGRESS.production.map((key) => ids[key] ?? key),
    staging: EXPECTED_IN_PROGRESS.staging.map((key) => ids[key] ?? key),
  };
}

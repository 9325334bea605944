/**
 * The fixed metrics scenario of metrics-ledger.ts on the GitHub API emulator: the same deployments
 * and statuses at the same instants, as shipguard would have recorded them on GitHub (payload,
 * task), plus a job's own deployment and another tool's, which are skipped. `rolledBackFrom` names
 * the id the emulator gave the deployment left.
 */
import type { Emulator } from "../emulator/index.ts";
import { EXPECTED_IN_PROGRESS, SCENARIO_DEPLOYMENTS, shaOf } from "./metrics-ledger.ts";

/** Seeds the scenario; returns the emulator's id of each key. */
export function seedScenario(emulator: Emulator, shas: Record<string, string>): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const dep of SCENARIO_DEPLOYMENTS) {
    const sha = shaOf(dep.version, shas);
    const from =
      dep.rolledBackFrom === null ? null : SCENARIO_DEPLOYMENTS.find((x) => x.key === dep.rolledBackFrom);
    const created = emulator.seedDeployment({
      environment: dep.environment,
      sha,
      ref: `v${dep.version}`,
      task: dep.kind === "rollback" ? "deploy:rollback" : "deploy",
      createdAt: dep.createdAt,
      description: `${dep.kind} ${dep.version}`,
      payload: {
        tool: "shipguard",
        schema: 1,
        kind: dep.kind,
        version: dep.version,
        tag: `v${dep.version}`,
        sha,
        rolledBackFrom: from ? { id: ids[from.key], version: from.version } : null,
        reason: dep.kind === "rollback" ? "checks failed after the release" : null,
        runUrl: "https://github.com/octo/app/actions/runs/1",
        correlationId: `corr-${dep.key}`,
      },
      statuses: dep.statuses.map((s) => ({ state: s.state, createdAt: s.at, description: s.state })),
    });
    ids[dep.key] = String(created.id);
    if (dep.key === "prod-5") {
      // A job's `environment:` deployment and another tool's, in the window: never counted.
      for (const payload of [{}, { tool: "other-deployer", version: "9.9.9" }]) {
        emulator.seedDeployment({
          environment: dep.environment,
          sha,
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

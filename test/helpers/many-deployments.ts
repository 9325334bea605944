/**
 * A long deployment history on the emulator, for the request budget of a metrics read (issue 21:
 * 2,000 deployments in at most 30 requests) in the tests and the benchmark: shipguard's deploys
 * and rollbacks in two environments, one status to a few each, and other tools' deployments mixed
 * in (a job's `environment:`, another deploy tool), which a reader must skip.
 */
import type { Emulator, SeedDeployment } from "../emulator/index.ts";

export interface ManyDeployments {
  /** shipguard's deployments seeded, oldest first. */
  shipguard: number;
  /** Other tools' deployments seeded. */
  foreign: number;
}

const START = Date.parse("2026-01-05T08:00:00Z");

/** `count` shipguard deployments (every 50th a rollback, every 10th a failure) plus one foreign per 20. */
export function seedManyDeployments(emulator: Emulator, sha: string, count: number): ManyDeployments {
  let foreign = 0;
  for (let i = 0; i < count; i++) {
    const at = START + i * 3_600_000;
    const environment = i % 3 === 0 ? "staging" : "production";
    const failed = i % 10 === 9;
    const rollback = i % 50 === 49;
    const statuses: SeedDeployment["statuses"] = [
      {
        state: "in_progress",
        createdAt: iso(at + 5_000),
        logUrl: `https://github.com/acme/app/actions/runs/${i}`,
      },
      { state: failed ? "failure" : "success", createdAt: iso(at + 185_000), description: `run ${i}` },
    ];
    if (i % 7 === 0) statuses.push({ state: "inactive", createdAt: iso(at + 3_000_000) });
    emulator.seedDeployment({
      environment,
      sha,
      task: rollback ? "deploy:rollback" : "deploy",
      createdAt: iso(at),
      payload: {
        tool: "shipguard",
        schema: 1,
        kind: rollback ? "rollback" : "deploy",
        version: `1.${Math.floor(i / 100)}.${i % 100}`,
        tag: `v1.${Math.floor(i / 100)}.${i % 100}`,
        sha,
        rolledBackFrom: null,
        reason: rollback ? "smoke checks failed" : null,
        runUrl: `https://github.com/acme/app/actions/runs/${i}`,
        correlationId: `sg-bench-${i}`,
      },
      statuses,
    });
    if (i % 20 === 10) {
      foreign += 1;
      emulator.seedDeployment({
        environment,
        sha,
        createdAt: iso(at + 60_000),
        payload: foreign % 2 === 0 ? {} : { tool: "other-deployer", version: "x" },
        statuses: [{ state: "success", createdAt: iso(at + 70_000) }],
      });
    }
  }
  return { shipguard: count, foreign };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

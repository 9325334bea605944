/**
 * LocalLedger.allDeployments, the read `metrics` makes: every deployment created before `until`,
 * of one environment (named in any case) or all, oldest first, each with its statuses.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalLedger } from "../../src/adapters/local-ledger.ts";
import type { DeploymentPayload, Logger } from "../../src/ports.ts";
import { record } from "../helpers/metrics-records.ts";

const logger: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };

/** A deploy's payload, as the metrics tests write them. */
function payload(version: string): DeploymentPayload {
  return record(version, { version, at: 0 }).record.payload;
}

describe("LocalLedger.allDeployments", () => {
  it("lists the deployments created before `until`, of one environment or all, with their statuses", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "shipguard-all-"));
    try {
      let clock = Date.parse("2026-11-01T00:00:00Z");
      let id = 0;
      const ledger = new LocalLedger(path.join(dir, "deployments.jsonl"), {
        logger,
        now: () => {
          clock += 60_000;
          return new Date(clock);
        },
        newId: () => `d${++id}`,
      });
      const sha = "a".repeat(40);
      const one = await ledger.create({
        environment: "Production",
        sha,
        payload: payload("1.0.0"),
        description: "x",
      });
      await ledger.setStatus(one, { state: "in_progress", description: "deploying" });
      await ledger.setStatus(one, { state: "success", description: "ok" });
      await ledger.create({ environment: "staging", sha, payload: payload("1.1.0"), description: "x" });
      const three = await ledger.create({
        environment: "production",
        sha,
        payload: payload("1.2.0"),
        description: "x",
      });

      const all = await ledger.allDeployments(null, new Date("2027-01-01T00:00:00Z"));
      expect(all.map((d) => [d.record.id, d.record.environment, d.statuses.map((s) => s.state)])).toEqual([
        ["d1", "Production", ["in_progress", "success"]],
        ["d2", "staging", []],
        ["d3", "production", []],
      ]);
      const production = await ledger.allDeployments("PRODUCTION", new Date("2027-01-01T00:00:00Z"));
      expect(production.map((d) => d.record.id)).toEqual(["d1", "d3"]);
      // `until` is excluded: d3 was created exactly then.
      const before = await ledger.allDeployments(null, new Date(three.createdAt));
      expect(before.map((d) => d.record.id)).toEqual(["d1", "d2"]);
      // The statuses handed out are copies: changing them changes nothing in the ledger.
      all[0]?.statuses.pop();
      expect((await ledger.allDeployments("production", new Date("2027-01-01")))[0]?.statuses).toHaveLength(
        2,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

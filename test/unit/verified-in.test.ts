/**
 * The promotion gate's rule (core/verified-in.ts), table first: histories of a gating environment,
 * newest first, and what they say about the version being promoted (issue 18, items 2 and 3).
 */
import { describe, expect, it } from "vitest";
import type {
  DeploymentRecord,
  DeploymentState,
  DeploymentStatus,
} from "../../src/core/deployment-record.ts";
import {
  describeFinding,
  type GateTarget,
  judgeVerifiedIn,
  VerificationReader,
} from "../../src/core/verified-in.ts";

const A = "a".repeat(40);

/** One deployment of the history with its statuses (oldest first). */
interface Entry {
  record: DeploymentRecord;
  statuses: DeploymentStatus[];
}

function deploy(id: string, version: string, states: DeploymentState[], at: Partial<GateTarget> = {}): Entry {
  return {
    record: {
      id,
      environment: "staging",
      createdAt: "2026-01-01T00:00:00Z",
      creator: "dev",
      payload: {
        tool: "shipguard",
        schema: 1,
        kind: "deploy",
        version,
        tag: at.tag === undefined ? `v${version}` : at.tag,
        sha: at.sha ?? A,
        rolledBackFrom: null,
        reason: null,
        runUrl: null,
        correlationId: `c-${id}`,
      },
    },
    statuses: states.map((state) => ({
      state,
      description: "",
      createdAt: "2026-01-01T00:00:00Z",
      logUrl: null,
      environmentUrl: null,
    })),
  };
}

function rollback(id: string, version: string, from: Entry, states: DeploymentState[]): Entry {
  const entry = deploy(id, version, states, { sha: "b".repeat(40) });
  entry.record.payload = {
    ...entry.record.payload,
    kind: "rollback",
    rolledBackFrom: { id: from.record.id, version: from.record.payload.version },
  };
  return entry;
}

const target: GateTarget = { version: "1.1.0", tag: "v1.1.0", sha: A };
const ok: DeploymentState[] = ["in_progress", "success"];
const failed: DeploymentState[] = ["in_progress", "failure"];

describe("the newest deployment of the version decides (item 3)", () => {
  const left = deploy("3", "1.1.0", ok);
  const cases: [string, Entry[], string, string | null][] = [
    ["nothing there", [], "never-deployed", null],
    ["only other versions", [deploy("2", "1.0.0", ok)], "never-deployed", null],
    ["one success", [deploy("2", "1.2.0", failed), deploy("1", "1.1.0", ok)], "verified", "1"],
    ["a success, later inactive", [deploy("1", "1.1.0", [...ok, "inactive"])], "verified", "1"],
    ["one failure", [deploy("1", "1.1.0", failed)], "failed", "1"],
    [
      "a success, then a failing redeploy",
      [deploy("2", "1.1.0", failed), deploy("1", "1.1.0", ok)],
      "failed",
      "2",
    ],
    ["a success, then an error", [deploy("2", "1.1.0", ["error"]), deploy("1", "1.1.0", ok)], "failed", "2"],
    ["a success failed later by a watch", [deploy("1", "1.1.0", [...ok, "failure"])], "failed", "1"],
    [
      "a failure, then a passing redeploy",
      [deploy("2", "1.1.0", ok), deploy("1", "1.1.0", failed)],
      "verified",
      "2",
    ],
    [
      "a success, then a redeploy in progress",
      [deploy("2", "1.1.0", ["in_progress"]), deploy("1", "1.1.0", ok)],
      "not-verified",
      "2",
    ],
    ["a success, then rolled back from", [rollback("4", "1.0.0", left, ok), left], "rolled-back-from", "3"],
    [
      "rolled back from, then deployed and verified again",
      [deploy("5", "1.1.0", ok), rollback("4", "1.0.0", left, ok), left],
      "verified",
      "5",
    ],
  ];
  it.each(cases)("%s: %s", (_name, history, state, id) => {
    expect(judgeVerifiedIn("staging", target, history)).toMatchObject({ state, deploymentId: id });
  });

  it("reads statuses only for the deployment that decides, and stops there", () => {
    const history = [deploy("3", "1.2.0", ok), deploy("2", "1.1.0", failed), deploy("1", "1.1.0", ok)];
    const reader = new VerificationReader("staging", target);
    const asked: string[] = [];
    for (const { record, statuses } of history) {
      if (reader.needsStatuses(record)) asked.push(record.id);
      if (reader.consider(record, statuses) !== null) break;
    }
    expect(asked).toEqual(["2"]);
  });

  it("the refusal says the newest deployment failed", () => {
    const finding = judgeVerifiedIn("staging", target, [
      deploy("2", "1.1.0", failed),
      deploy("1", "1.1.0", ok),
    ]);
    expect(describeFinding(finding)).toBe(
      "staging (its newest deployment there (#2) failed; an older success does not count)",
    );
  });
});

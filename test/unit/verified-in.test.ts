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

describe("only the same commit, under the same tag, counts (item 2)", () => {
  const B = "b".repeat(40);
  const cases: [string, GateTarget, Entry[], string, string | null][] = [
    [
      "the tag moved to another commit since",
      target,
      [deploy("1", "1.1.0", ok, { sha: B })],
      "other-commit",
      "1",
    ],
    [
      "another package's tag of the same version",
      { version: "2.0.0", tag: "web@2.0.0", sha: A },
      [deploy("1", "2.0.0", ok, { tag: "api@2.0.0", sha: B })],
      "other-commit",
      "1",
    ],
    [
      "another package's tag on the same commit",
      { version: "2.0.0", tag: "web@2.0.0", sha: A },
      [deploy("1", "2.0.0", ok, { tag: "api@2.0.0" })],
      "other-commit",
      "1",
    ],
    [
      "the moved tag's commit verified, the old one too: the old one is asked",
      target,
      [deploy("2", "1.1.0", ok, { sha: B }), deploy("1", "1.1.0", ok)],
      "verified",
      "1",
    ],
    [
      "the other commit passed later, this one failed",
      target,
      [deploy("2", "1.1.0", ok, { sha: B }), deploy("1", "1.1.0", failed)],
      "failed",
      "1",
    ],
    [
      "a ref deploy of the same commit",
      { version: A.slice(0, 12), tag: null, sha: A },
      [deploy("1", A.slice(0, 12), ok, { tag: null })],
      "verified",
      "1",
    ],
  ];
  it.each(cases)("%s: %s", (_name, asked, history, state, id) => {
    expect(judgeVerifiedIn("staging", asked, history)).toMatchObject({ state, deploymentId: id });
  });

  it("the refusal names the environment, what was recorded there and what is being deployed", () => {
    const moved = judgeVerifiedIn("staging", target, [deploy("7", "1.1.0", ok, { sha: B })]);
    expect(moved.mismatch).toEqual({
      recorded: { tag: "v1.1.0", sha: B },
      deploying: { tag: "v1.1.0", sha: A },
    });
    expect(describeFinding(moved)).toBe(
      "staging (deployed there as v1.1.0 at bbbbbbbbbbbb (#7), but v1.1.0 points at aaaaaaaaaaaa now (the tag was moved): only the same commit counts)",
    );
    const web = { version: "2.0.0", tag: "web@2.0.0", sha: A };
    const other = judgeVerifiedIn("staging", web, [deploy("3", "2.0.0", ok, { tag: "api@2.0.0", sha: B })]);
    expect(describeFinding(other)).toBe(
      "staging (deployed there as api@2.0.0 at bbbbbbbbbbbb (#3), not as web@2.0.0 at aaaaaaaaaaaa: only the same commit counts)",
    );
  });
});

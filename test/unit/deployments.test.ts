import { describe, expect, it } from "vitest";
import {
  cancelledRollbackDescription,
  DESCRIPTION_LIMIT,
  hasSucceeded,
  isFirstDeploy,
  LastKnownGoodFinder,
  type LastKnownGoodOptions,
  latestState,
  payloadFrom,
  sameEnvironment,
  taskFor,
  truncateDescription,
  wasCancelledRollback,
} from "../../src/core/deployments.ts";
import type {
  DeploymentPayload,
  DeploymentRecord,
  DeploymentState,
  DeploymentStatus,
} from "../../src/ports.ts";

function payload(overrides: Partial<DeploymentPayload> = {}): DeploymentPayload {
  return {
    tool: "shipguard",
    schema: 1,
    kind: "deploy",
    version: "1.0.0",
    tag: "v1.0.0",
    sha: "a".repeat(40),
    rolledBackFrom: null,
    reason: null,
    runUrl: "https://github.com/acme/app/actions/runs/1",
    correlationId: "sg-1",
    ...overrides,
  };
}

/** A history entry: the record and its statuses (oldest first). */
interface Entry {
  record: DeploymentRecord;
  statuses: DeploymentStatus[];
}

function deploy(id: string, version: string, ...states: DeploymentState[]): Entry {
  return {
    record: {
      id,
      environment: "staging",
      createdAt: "2026-01-01T00:00:00Z",
      creator: "octocat",
      payload: payload({ version, tag: `v${version}`, correlationId: `c-${id}` }),
    },
    statuses: states.map(status),
  };
}

function rollback(id: string, version: string, from: Entry, ...states: DeploymentState[]): Entry {
  const entry = deploy(id, version, ...states);
  entry.record.payload = {
    ...entry.record.payload,
    kind: "rollback",
    rolledBackFrom: { id: from.record.id, version: from.record.payload.version },
    reason: "smoke checks failed",
  };
  return entry;
}

function status(state: DeploymentState): DeploymentStatus {
  return { state, description: "", createdAt: "2026-01-01T00:00:00Z", logUrl: null, environmentUrl: null };
}

/** Feeds the history (newest first) the way a command reads it, stopping at the answer. */
function lastKnownGood(history: Entry[], options: LastKnownGoodOptions = {}): string | null {
  const finder = new LastKnownGoodFinder(options);
  for (const { record, statuses } of history) {
    const answer = finder.consider(record, finder.needsStatuses(record) ? statuses : []);
    if (answer !== null) return answer.id;
  }
  return null;
}

describe("payloadFrom", () => {
  it("accepts shipguard's payload and returns only the known fields", () => {
    const valid = payload({ kind: "rollback", rolledBackFrom: { id: "7", version: "1.1.0" }, reason: "x" });
    expect(payloadFrom(valid)).toEqual(valid);
    expect(payloadFrom({ ...valid, extra: "dropped" })).toEqual(valid);
    expect(payloadFrom(JSON.stringify(valid))).toEqual(valid);
  });

  it("reads absent nullable fields as null", () => {
    const { tag: _t, reason: _r, runUrl: _u, rolledBackFrom: _f, ...rest } = payload();
    expect(payloadFrom(rest)).toEqual(
      payload({ tag: null, reason: null, runUrl: null, rolledBackFrom: null }),
    );
  });

  it.each([
    ["GitHub's own deployment of a job's environment", {}],
    ["another tool", { ...payload(), tool: "other" }],
    ["a newer schema", { ...payload(), schema: 2 }],
    ["a schema as text", { ...payload(), schema: "1" }],
    ["an unknown kind", { ...payload(), kind: "canary" }],
    ["no version", { ...payload(), version: "" }],
    ["no sha", { ...payload(), sha: undefined }],
    ["no correlation id", { ...payload(), correlationId: undefined }],
    ["a numeric tag", { ...payload(), tag: 1 }],
    ["a reason object", { ...payload(), reason: { text: "x" } }],
    ["rolledBackFrom without id", { ...payload(), rolledBackFrom: { version: "1.0.0" } }],
    ["rolledBackFrom with a numeric id", { ...payload(), rolledBackFrom: { id: 7, version: "1.0.0" } }],
    ["an array", [payload()]],
    ["null", null],
    ["text that is not JSON", "deploy it"],
    ["an empty string (GitHub's default)", ""],
  ])("skips %s", (_name, raw) => {
    expect(payloadFrom(raw)).toBeNull();
  });
});

describe("last known good", () => {
  const d1 = deploy("1", "1.0.0", "in_progress", "success", "inactive");
  const d2 = deploy("2", "2.0.0", "in_progress", "success");
  const failed3 = deploy("3", "3.0.0", "in_progress", "failure");
  const back4 = rollback("4", "2.0.0", failed3, "in_progress", "success");
  const back2 = rollback("3", "1.0.0", d2, "in_progress", "success");

  it.each<[string, Entry[], LastKnownGoodOptions, string | null]>([
    ["success then inactive is still good", [d1], {}, "1"],
    ["the newest success wins", [d2, d1], {}, "2"],
    ["failure is not good", [failed3, d2, d1], {}, "2"],
    ["error is not good", [deploy("3", "3.0.0", "in_progress", "error"), d1], {}, "1"],
    ["a deploy still in progress is not good", [deploy("3", "3.0.0", "in_progress"), d1], {}, "1"],
    ["a deploy without statuses is not good", [deploy("3", "3.0.0"), d1], {}, "1"],
    ["a successful rollback is good", [back4, failed3, d2, d1], {}, "4"],
    ["what a rollback left is skipped", [back2, d2, d1], { excludeIds: ["3"] }, "1"],
    ["what a failed rollback left is skipped too", [rollback("3", "1.0.0", d2, "failure"), d2, d1], {}, "1"],
    [
      "a redeploy of the version rolled back from is good again",
      [deploy("4", "2.0.0", "in_progress", "success"), back2, d2, d1],
      {},
      "4",
    ],
    [
      "a rollback from a version rules out every older record of it, not only the one it left",
      [rollback("5", "1.0.0", back4, "in_progress", "success"), back4, failed3, d2, d1],
      { excludeIds: ["5"] },
      "1",
    ],
    [
      "after rolling back from the automatic rollback's version, the next rollback goes older (issue 11)",
      [rollback("5", "1.0.0", back4, "in_progress", "success"), back4, failed3, d2, d1],
      { excludeIds: ["5"], excludeVersions: ["1.0.0"] },
      null,
    ],
    [
      "... and finds a version older than the one that runs, when there is one",
      [
        rollback("6", "1.0.0", back4, "in_progress", "success"),
        back4,
        failed3,
        d2,
        deploy("5", "1.0.0", "in_progress", "success"),
        deploy("0", "0.9.0", "in_progress", "success"),
      ],
      { excludeIds: ["6"], excludeVersions: ["1.0.0"] },
      "0",
    ],
    [
      "a failed redeploy of the version rolled back from does not bring it back",
      [
        deploy("6", "2.0.0", "in_progress", "failure"),
        rollback("5", "1.0.0", deploy("4", "2.0.0"), "in_progress", "success"),
        deploy("4", "2.0.0", "in_progress", "success"),
        d2,
        d1,
      ],
      { excludeIds: ["5"] },
      "1",
    ],
    [
      "a to-version that was rolled back from is no target (until deployed and verified again)",
      [rollback("5", "1.0.0", back4, "in_progress", "success"), back4, failed3, d2, d1],
      { excludeIds: ["5"], onlyVersions: ["2.0.0"] },
      null,
    ],
    [
      "a rollback is not ruled out by the version it left itself (a forced rollback to the same version)",
      [rollback("5", "2.0.0", d2, "in_progress", "success"), d2, d1],
      {},
      "5",
    ],
    ["excludeIds skips the failing deployment", [d2, d1], { excludeIds: ["2"] }, "1"],
    ["excludeVersions skips every deployment of that version", [d2, d1], { excludeVersions: ["2.0.0"] }, "1"],
    ["nothing succeeded: no answer", [failed3, deploy("1", "1.0.0", "failure")], {}, null],
    ["first deploy: no answer", [], {}, null],
  ])("%s", (_name, history, options, expected) => {
    expect(lastKnownGood(history, options)).toBe(expected);
  });

  it("keeps its answer once found and counts what it read", () => {
    const finder = new LastKnownGoodFinder();
    expect(finder.consider(failed3.record, failed3.statuses)).toBeNull();
    expect(finder.consider(d2.record, d2.statuses)).toBe(d2.record);
    expect(finder.consider(d1.record, d1.statuses)).toBe(d2.record);
    expect(finder.answer).toBe(d2.record);
    expect(finder.considered).toBe(2);
    expect(finder.needsStatuses(d1.record)).toBe(false);
  });

  it("does not ask for the statuses of records that cannot be the answer", () => {
    const finder = new LastKnownGoodFinder({ excludeIds: ["9"], excludeVersions: ["5.0.0"] });
    expect(finder.needsStatuses(deploy("9", "1.0.0").record)).toBe(false);
    expect(finder.needsStatuses(deploy("8", "5.0.0").record)).toBe(false);
    finder.consider(back2.record, []);
    expect(finder.needsStatuses(d2.record)).toBe(false);
    expect(finder.needsStatuses(d1.record)).toBe(true);
  });
});

describe("isFirstDeploy", () => {
  const one = deploy("1", "1.0.0").record;
  const two = deploy("2", "2.0.0").record;

  it.each<[string, DeploymentRecord[], string | null, boolean]>([
    ["nothing recorded", [], null, true],
    ["only the current deployment", [two], "2", true],
    ["an earlier deployment", [two, one], "2", false],
    ["anything recorded, before creating the current one", [one], null, false],
  ])("%s", (_name, history, current, expected) => {
    expect(isFirstDeploy(history, current)).toBe(expected);
  });

  it("stops reading at the first earlier record", () => {
    let read = 0;
    function* history() {
      for (const record of [two, one, deploy("0", "0.1.0").record]) {
        read++;
        yield record;
      }
    }
    expect(isFirstDeploy(history(), "2")).toBe(false);
    expect(read).toBe(2);
  });
});

describe("statuses", () => {
  it("latestState is the newest state, or null before any", () => {
    expect(latestState([])).toBeNull();
    expect(latestState(["in_progress", "success", "inactive"].map((s) => status(s as DeploymentState)))).toBe(
      "inactive",
    );
  });

  it("hasSucceeded looks at the whole history", () => {
    expect(hasSucceeded([status("success"), status("inactive")])).toBe(true);
    expect(hasSucceeded([status("in_progress"), status("failure")])).toBe(false);
    // A watch window that failed after the first checks passed un-goods it.
    expect(hasSucceeded([status("in_progress"), status("success"), status("failure")])).toBe(false);
    expect(hasSucceeded([status("success"), status("error")])).toBe(false);
    expect(hasSucceeded([status("failure"), status("success"), status("inactive")])).toBe(true);
  });

  it("wasCancelledRollback: a rollback whose last status is the cancel's failure, nothing else", () => {
    const good = deploy("1", "1.0.0", "success");
    const bad = deploy("2", "2.0.0", "failure");
    const ended = (description: string, state: DeploymentState = "failure") => [
      status("in_progress"),
      { ...status(state), description },
    ];
    const cancel = cancelledRollbackDescription("SIGTERM", " during the deploy");
    expect(cancel).toBe("Rollback cancelled by SIGTERM during the deploy");
    const back = rollback("3", "1.0.0", bad).record;
    expect(wasCancelledRollback(back, ended(cancel))).toBe(true);
    // Written before the marker was read: the same words.
    expect(wasCancelledRollback(back, ended("Rollback cancelled by SIGINT during the smoke checks"))).toBe(
      true,
    );
    expect(wasCancelledRollback(back, ended("Rollback failed: exit code 1"))).toBe(false);
    expect(wasCancelledRollback(back, ended(cancel, "error"))).toBe(false);
    expect(wasCancelledRollback(back, [...ended(cancel), status("success")])).toBe(false);
    expect(wasCancelledRollback(good.record, ended(cancel))).toBe(false);
  });

  it("taskFor names rollbacks", () => {
    expect(taskFor("deploy")).toBe("deploy");
    expect(taskFor("rollback")).toBe("deploy:rollback");
  });
});

describe("truncateDescription", () => {
  it("leaves a description that fits", () => {
    const fits = "x".repeat(DESCRIPTION_LIMIT);
    expect(truncateDescription(fits)).toBe(fits);
  });

  it("cuts a long one to the limit with an ellipsis", () => {
    const cut = truncateDescription("word ".repeat(60));
    expect(cut.length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).not.toMatch(/ …$/);
  });

  it("never splits a character made of several code units", () => {
    const emoji = `${"x".repeat(138)}👍🏽 and more`;
    const cut = truncateDescription(emoji);
    expect(cut).toBe(`${"x".repeat(138)}…`);
    const accents = "e\u0301".repeat(100);
    const cutAccents = truncateDescription(accents);
    expect(cutAccents.length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
    expect(cutAccents.slice(0, -1)).toBe("e\u0301".repeat((cutAccents.length - 1) / 2));
  });

  it("takes another limit", () => {
    expect(truncateDescription("abcdef", 4)).toBe("abc…");
  });
});

describe("sameEnvironment", () => {
  it.each([
    ["production", "production", true],
    ["Production", "production", true],
    ["STAGING", "staging", true],
    ["Émission", "émission", true],
    ["production", "production-eu", false],
    ["staging", "stagıng", false],
  ])("%s and %s: %s", (a, b, same) => {
    expect(sameEnvironment(a, b)).toBe(same);
  });
});

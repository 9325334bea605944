import semver from "semver";
import { describe, expect, it } from "vitest";
import {
  checkMaintenanceLine,
  type MaintenanceVerdict,
  maintenanceGlob,
  namedLine,
  type ProposalCause,
} from "../../src/core/maintenance.ts";
import { decideVersion } from "../../src/core/next-version.ts";
import { selectBaseline } from "../../src/core/tags.ts";
import type { Bump, HistoryAnalysis } from "../../src/core/types.ts";
import type { ShipguardError } from "../../src/errors.ts";
import { onMaintenanceLine } from "../../src/steps/maintenance-line.ts";

const SHA = "abcdef0123456789abcdef0123456789abcdef01";
const GLOBS = ["hotfix/*", "release/*", "*.x"];

/** Tags as `name` (reachable from HEAD) or `!name` (on another branch). */
function tagsOf(tags: string[]) {
  return tags.map((t) => ({
    name: t.replace(/^!/, ""),
    version: semver.parse(t.replace(/^!v/, "").replace(/^v/, ""))!.version,
    reachable: !t.startsWith("!"),
  }));
}

function check(
  branch: string | null,
  tags: string[],
  proposed: string | null,
  cause: ProposalCause = { kind: "bump", bump: "patch", sha: SHA },
  globs: string[] = GLOBS,
): MaintenanceVerdict {
  const existing = tagsOf(tags);
  const stable = existing
    .filter((t) => t.reachable && semver.prerelease(t.version) === null)
    .sort((a, b) => semver.rcompare(a.version, b.version));
  return checkMaintenanceLine({
    branch,
    globs,
    base: stable[0] ?? null,
    existing,
    proposed: proposed === null ? null : { version: proposed, cause },
  });
}

const bump = (b: Exclude<Bump, "none">): ProposalCause => ({ kind: "bump", bump: b, sha: SHA });

function refusal(v: MaintenanceVerdict): ShipguardError {
  expect(v.refusal).not.toBeNull();
  return v.refusal as ShipguardError;
}

describe("maintenance-branches globs match whole branch names", () => {
  it.each([
    ["hotfix/*", "hotfix/login", true],
    ["hotfix/*", "hotfix/a/b", false],
    ["hotfix/*", "hotfix", false],
    ["hotfix/*", "my-hotfix/login", false],
    ["release/**", "release/1.2/rc", true],
    ["release/*", "release/1.2", true],
    ["1.x", "1.x", true],
    ["1.x", "11.x", false],
    ["1.x", "1.xy", false],
    ["1.x", "release/1.x", false],
    ["*.x", "1.2.x", true],
    ["1.2.x", "1x2.x", false],
    ["release-?", "release-a", true],
    ["release-?", "release-ab", false],
  ])("%s vs %s", (glob, branch, expected) => {
    expect(maintenanceGlob(branch, [glob]) === glob).toBe(expected);
  });

  it("the first glob that matches is the one named; no branch or no globs match nothing", () => {
    expect(maintenanceGlob("1.2.x", ["main", "*.x", "1.2.x"])).toBe("*.x");
    expect(maintenanceGlob(null, GLOBS)).toBeNull();
    expect(maintenanceGlob("", ["*"])).toBeNull();
    expect(maintenanceGlob("hotfix/a", [])).toBeNull();
  });
});

describe("the line a branch name fixes", () => {
  it.each([
    ["1.x", { major: 1, minor: null }],
    ["1.2.x", { major: 1, minor: 2 }],
    ["v2.x", { major: 2, minor: null }],
    ["0.4.x", { major: 0, minor: 4 }],
    ["release/1.2.x", { major: 1, minor: 2 }],
    ["support/v3.x", { major: 3, minor: null }],
    ["release/1.2", null],
    ["hotfix/login", null],
    ["1.2", null],
    ["01.x", null],
    ["1.2.3.x", null],
    ["x", null],
    ["1.x/fix", null],
  ])("%s", (branch, expected) => {
    expect(namedLine(branch)).toEqual(expected);
  });
});

describe("a branch that is not a maintenance branch", () => {
  it("is decided as everywhere else", () => {
    expect(check("main", ["v1.2.4", "!v1.3.0"], "1.4.0", bump("minor"))).toEqual({
      line: null,
      refusal: null,
    });
    expect(check(null, ["v1.2.4", "!v1.3.0"], "1.4.0", bump("minor"))).toEqual({ line: null, refusal: null });
    expect(check("release/1.2", ["v1.2.4", "!v1.3.0"], "1.4.0", bump("minor"), [])).toEqual({
      line: null,
      refusal: null,
    });
  });
});

describe("Git Flow: release/1.2 with v1.2.4 on it and v1.3.0 on main", () => {
  const tags = ["v1.2.3", "v1.2.4", "!v1.3.0", "!v1.4.0", "!v2.0.0"];

  it("a fix gives 1.2.5, on the line 1.2.x below v1.3.0", () => {
    const v = check("release/1.2", tags, "1.2.5");
    expect(v.refusal).toBeNull();
    expect(v.line).toEqual({
      branch: "release/1.2",
      glob: "release/*",
      named: null,
      limit: { version: "1.3.0", tag: "v1.3.0" },
      label: "1.2.x",
    });
  });

  it("a feat is refused, naming v1.3.0, with a Release-As of 1.2.5 as the remedy", () => {
    // decideVersion moves 1.3.0 past the existing v1.3.0 (and v1.4.0) to 1.5.0: that jump is what is refused.
    const error = refusal(check("release/1.2", tags, "1.5.0", bump("minor")));
    expect(error.code).toBe("SG_MAINTENANCE_LINE");
    expect(error.message).toBe(
      "release/1.2 is a maintenance branch (maintenance-branches: release/*), so its releases stay on the line 1.2.x, below v1.3.0, the next existing tag above v1.2.4 (on a branch HEAD does not reach). " +
        "Commit abcdef0 calls for a minor release, 1.3.0, which v1.3.0 already is: refused rather than released as a higher version.",
    );
    expect(error.remedy).toContain("from the main line");
    expect(error.remedy).toContain('-m "Release-As: 1.2.5"');
  });

  it("a breaking change is refused, naming v1.3.0 and the line", () => {
    const error = refusal(check("release/1.2", tags, "3.0.0", bump("major")));
    expect(error.message).toContain("the line 1.2.x, below v1.3.0");
    expect(error.message).toContain("a major release, 2.0.0, at or past v1.3.0");
    expect(error.remedy).toContain("Release-As: 1.2.5");
  });

  it("nothing to release is no refusal, and the line is still known", () => {
    expect(check("release/1.2", tags, null)).toMatchObject({ refusal: null, line: { label: "1.2.x" } });
  });
});

describe("hotfix/* branches", () => {
  it("a fix from v1.2.4 while main has v1.3.0", () => {
    expect(check("hotfix/login", ["v1.2.4", "!v1.3.0"], "1.2.5").refusal).toBeNull();
  });

  it("another hotfix released 1.2.5 first: the patch is refused, and the remedy merges v1.2.5", () => {
    // decideVersion would pass v1.2.5 and give 1.2.6, a version without 1.2.5's fix.
    const error = refusal(check("hotfix/b", ["v1.2.4", "!v1.2.5", "!v1.3.0"], "1.2.6"));
    expect(error.message).toContain("below v1.2.5, the next existing tag above v1.2.4");
    expect(error.message).toContain(
      "Commit abcdef0 calls for a patch release, 1.2.5, which v1.2.5 already is",
    );
    expect(error.remedy).toMatch(/^Merge v1\.2\.5 into this branch \(`git merge v1\.2\.5`\)/);
    expect(error.remedy).not.toContain("Release-As");
  });

  it("a tag further up the same line: the decided version is named, and no Release-As the rules would ignore", () => {
    const error = refusal(check("hotfix/b", ["v1.2.4", "!v1.2.7"], "1.2.8"));
    expect(error.message).toContain("a patch release, 1.2.8, at or past v1.2.7");
    expect(error.message).toContain("the line >1.2.4 <1.2.7");
    expect(error.remedy).toContain("git merge v1.2.7");
    expect(error.remedy).not.toContain("Release-As");
  });

  it("a hotfix branch that reaches no tag may not land on an existing version", () => {
    const error = refusal(check("hotfix/x", ["!v1.0.0"], "1.0.0", bump("minor")));
    expect(error.message).toContain("below v1.0.0, the next existing tag (on a branch");
    expect(error.message).toContain("a minor release, as a first release 1.0.0");
    expect(error.remedy).toContain("git merge v1.0.0");
    expect(check("hotfix/x", [], "1.0.0", bump("minor"))).toMatchObject({
      refusal: null,
      line: { label: "any version", limit: null },
    });
    expect(check("hotfix/x", ["!v2.0.0"], "1.0.0", bump("minor")).line?.label).toBe("<2.0.0");
  });
});

describe("N.x and N.N.x branches", () => {
  it("1.x allows a minor below an existing 2.0.0", () => {
    const v = check("1.x", ["v1.4.2", "!v2.0.0"], "1.5.0", bump("minor"));
    expect(v.refusal).toBeNull();
    expect(v.line).toMatchObject({
      named: { major: 1, minor: null },
      label: "1.x",
      limit: { tag: "v2.0.0" },
    });
  });

  it("1.x refuses a major, naming v2.0.0", () => {
    expect(refusal(check("1.x", ["v1.4.2", "!v2.0.0"], "3.0.0", bump("major"))).message).toContain(
      "a major release, 2.0.0, which v2.0.0 already is",
    );
  });

  it("1.x without 2.0.0 anywhere still ends at 2.0.0", () => {
    const v = check("1.x", ["v1.4.2"], "2.0.0", bump("major"));
    expect(refusal(v).message).toContain("below 2.0.0, the end of the line 1.x");
    expect(refusal(v).message).toContain("a major release, 2.0.0, outside that line");
    expect(check("1.x", ["v1.4.2"], "1.5.0", bump("minor")).refusal).toBeNull();
  });

  it("1.x stays below a 1.5.0 that main released", () => {
    const v = check("1.x", ["v1.4.2", "!v1.5.0", "!v2.0.0"], "1.6.0", bump("minor"));
    expect(refusal(v).message).toContain("the line 1.4.x, below v1.5.0");
  });

  it("1.2.x refuses a feat, with a patch Release-As as the remedy", () => {
    const error = refusal(check("1.2.x", ["v1.2.4"], "1.3.0", bump("minor")));
    expect(error.message).toContain("the line 1.2.x, below 1.3.0, the end of the line 1.2.x");
    expect(error.message).toContain("a minor release, 1.3.0, outside that line");
    expect(error.remedy).toContain("Release-As: 1.2.5");
    expect(check("1.2.x", ["v1.2.4"], "1.2.5").refusal).toBeNull();
  });

  it("release/1.2.x fixes the line by its last segment", () => {
    expect(refusal(check("release/1.2.x", ["v1.2.4"], "1.3.0", bump("minor"))).code).toBe(
      "SG_MAINTENANCE_LINE",
    );
  });

  it.each([
    ["an older base", ["v1.1.3", "!v1.2.4"], "v1.1.3, which is not on that line", "git merge v1.2.4"],
    ["a newer base", ["v1.2.4", "v1.3.0"], "v1.3.0, which is not on that line", "git switch -C 1.2.x v1.2.4"],
    ["no base", ["!v1.2.4"], "no stable version tag is reachable from HEAD", "Base the branch on v1.2.4"],
    ["a line without tags", ["v1.1.3"], "v1.1.3, which is not on that line", "No tag of 1.2.x exists yet"],
  ])("1.2.x with %s is refused", (_, tags, said, remedy) => {
    const error = refusal(check("1.2.x", tags, "1.2.5"));
    expect(error.message).toContain(said);
    expect(error.message).toContain("of the line 1.2.x");
    expect(error.remedy).toContain(remedy);
    // With nothing to release, there is nothing to refuse.
    expect(check("1.2.x", tags, null).refusal).toBeNull();
  });
});

describe("prereleases on a maintenance line count by major.minor.patch", () => {
  const tags = ["v1.2.4", "!v1.3.0"];

  it("a prerelease of a patch is fine; one of 1.3.0, which exists, is not", () => {
    expect(check("release/1.2", tags, "1.2.5-rc.1").refusal).toBeNull();
    expect(refusal(check("release/1.2", tags, "1.3.0-rc.1", bump("minor"))).message).toContain("v1.3.0");
  });

  it("this line's own prerelease does not stop its stable release", () => {
    expect(check("release/1.2", ["v1.2.4", "v1.2.5-rc.1", "!v1.3.0"], "1.2.5").refusal).toBeNull();
  });

  it("another branch's prerelease limits the line like a stable tag", () => {
    const v = check("hotfix/x", ["v1.2.4", "!v1.3.0-rc.1"], "1.3.0", bump("minor"));
    expect(v.line?.label).toBe("1.2.x");
    expect(refusal(v).message).toContain("at or past v1.3.0-rc.1");
  });
});

describe("Git Flow release branches prepare the next version", () => {
  it("release/1.3 with only v1.2.4 releases 1.3.0: no tag limits it yet", () => {
    const v = check("release/1.3", ["v1.2.4"], "1.3.0", bump("minor"));
    expect(v).toMatchObject({ refusal: null, line: { label: ">1.2.4", limit: null } });
  });
});

describe("Release-As on a maintenance line", () => {
  const asked = (value: string): ProposalCause => ({ kind: "release-as", value, sha: SHA });

  it("a footer inside the line is released; one outside is refused, naming it", () => {
    expect(check("release/1.2", ["v1.2.4", "!v1.3.0"], "1.2.5", asked("1.2.5")).refusal).toBeNull();
    const error = refusal(check("release/1.2", ["v1.2.4", "!v1.3.0"], "1.4.0", asked("v1.4.0")));
    expect(error.message).toContain("Release-As: v1.4.0 in commit abcdef0 asks for 1.4.0, at or past v1.3.0");
    expect(error.remedy).toContain("Release-As: 1.2.5");
  });
});

describe("onMaintenanceLine with the real decision", () => {
  function analysis(b: Bump, releaseAs: string | null = null): HistoryAnalysis {
    return {
      commitsRead: 1,
      commitCount: 1,
      mergeCount: 0,
      countsByType: {},
      bump: b,
      decidingCommit: b === "none" ? null : { sha: SHA, subject: "x", reason: `x calls for a ${b} release` },
      breaking: b === "major",
      releaseAs: releaseAs === null ? null : { value: releaseAs, sha: SHA },
      cancelledCount: 0,
      notes: [],
      notesDropped: 0,
      warnings: [],
    };
  }

  /** `branch` is git's current branch; `given` the run's (context.branch), which wins when set. */
  async function run(
    branch: string | null,
    tags: string[],
    b: Bump,
    options: { globs?: string[]; releaseAs?: string; given?: string } = {},
  ) {
    const list = tags.map((t) => ({ name: t.replace(/^!/, ""), sha: `sha-${t}` }));
    const baseline = selectBaseline(list, new Set(tags.filter((t) => !t.startsWith("!"))), "v", () => {});
    const a = analysis(b, options.releaseAs ?? null);
    const decision = decideVersion({
      analysis: a,
      baseline,
      settings: {
        initialVersion: "1.0.0",
        majorZeroBreaking: "minor",
        prerelease: null,
        buildMetadata: null,
      },
      tagPrefix: "v",
    });
    let asked = 0;
    const git = {
      currentBranch: async () => {
        asked++;
        return branch;
      },
    };
    const result = await onMaintenanceLine(
      { maintenanceBranches: options.globs ?? GLOBS },
      { context: { branch: options.given ?? null }, git },
      { baseline, analysis: a, decision },
    );
    return { ...result, decision, asked };
  }

  it("on release/1.2: the reason names the line, and the unreachable-tag warning is dropped there", async () => {
    const r = await run("release/1.2", ["v1.2.4", "!v1.3.0"], "patch");
    expect(r.decision.version).toBe("1.2.5");
    expect(r.maintenanceLine).toBe("1.2.x");
    expect(r.reason).toBe(
      `${r.decision.reason} release/1.2 is a maintenance branch (maintenance-branches: release/*): its releases stay on the line 1.2.x, below v1.3.0, and are never marked latest.`,
    );
    expect(r.warnings).toEqual([]);
    expect(r.asked).toBe(1);
  });

  it("the same history on main: the warning stays and suggests maintenance-branches", async () => {
    const r = await run("main", ["v1.2.4", "!v1.3.0"], "minor");
    expect(r.maintenanceLine).toBeNull();
    expect(r.decision.version).toBe("1.4.0");
    expect(r.warnings.join("\n")).toContain("maintenance-branches");
  });

  it("a feat on release/1.2 throws SG_MAINTENANCE_LINE naming v1.3.0, not the 1.4.0 the rules moved to", async () => {
    await expect(run("release/1.2", ["v1.2.4", "!v1.3.0"], "minor")).rejects.toMatchObject({
      code: "SG_MAINTENANCE_LINE",
      message: expect.stringContaining("a minor release, 1.3.0, which v1.3.0 already is"),
    });
  });

  it("a Release-As footer is named as the cause", async () => {
    await expect(
      run("release/1.2", ["v1.2.4", "!v1.3.0"], "patch", { releaseAs: "1.4.0" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("Release-As: 1.4.0 in commit abcdef0 asks for 1.4.0"),
    });
    const r = await run("release/1.2", ["v1.2.4", "!v1.3.0"], "minor", { releaseAs: "1.2.5" });
    expect(r.decision.version).toBe("1.2.5");
  });

  it("the run's branch is used as given, without asking git", async () => {
    const r = await run("main", ["v1.2.4"], "patch", { given: "hotfix/x" });
    expect(r).toMatchObject({ version: "1.2.5", maintenanceLine: ">1.2.4", asked: 0 });
    expect(r.reason).toContain(
      "hotfix/x is a maintenance branch (maintenance-branches: hotfix/*): no tag above its last one exists yet, so nothing limits its line (>1.2.4)",
    );
  });

  it("without maintenance-branches the branch is never read", async () => {
    const r = await run("release/1.2", ["v1.2.4", "!v1.3.0"], "minor", { globs: [] });
    expect(r).toMatchObject({ asked: 0, maintenanceLine: null });
    expect(r.reason).toBe(r.decision.reason);
  });
});

/**
 * Maintenance lines on real git repositories: Git Flow's hotfix and release branches with newer
 * tags on main, `1.x` and `1.2.x` branches, and a branch that is not a maintenance branch, through
 * the real git adapter and the real command. The remedies the refusal gives are run as written.
 */
import { afterEach, describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import { runVersion, type VersionResult } from "../../src/commands/version.ts";
import { isShipguardError, type ShipguardError } from "../../src/errors.ts";
import type { Logger } from "../../src/ports.ts";
import { readVersionSettings } from "../../src/settings.ts";
import { gitFlowRepo } from "../helpers/git-flow.ts";
import { TestRepo } from "../helpers/git-repo.ts";

const gitEnv = process.env as Record<string, string>;
const MAINTENANCE = { "maintenance-branches": "hotfix/*, release/*, *.x" };

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const silent: Logger = { debug: () => {}, info: () => {}, warning: () => {}, untrusted: () => {} };

async function version(
  r: TestRepo,
  inputs: Record<string, string> = MAINTENANCE,
  branch: string | null = null,
): Promise<VersionResult> {
  const settings = readVersionSettings((name) => inputs[name]);
  return runVersion(
    settings,
    { git: new GitCli(r.dir, silent, gitEnv), logger: silent },
    { serverUrl: null, repository: null, branch },
  );
}

async function refused(r: TestRepo, inputs: Record<string, string> = MAINTENANCE): Promise<ShipguardError> {
  const error = await version(r, inputs).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isShipguardError(error), String(error)).toBe(true);
  return error as ShipguardError;
}

function gitFlow(): TestRepo {
  const r = gitFlowRepo();
  repos.push(r);
  return r;
}

describe("Git Flow: release/1.2 with v1.2.4 on it and v1.3.0 on main", () => {
  it("a fix gives 1.2.5 on the line 1.2.x, and the reason says so", async () => {
    const r = gitFlow();
    r.commit("fix: backport the parser fix");
    const v = await version(r);
    expect(v).toMatchObject({
      version: "1.2.5",
      previousTag: "v1.2.4",
      maintenanceLine: "1.2.x",
      warnings: [],
    });
    expect(v.reason).toContain(
      "release/1.2 is a maintenance branch (maintenance-branches: release/*): its releases stay on the line 1.2.x, below v1.3.0",
    );
  });

  it("a feat is refused with SG_MAINTENANCE_LINE naming v1.3.0; the Release-As remedy, run as written, releases 1.2.5", async () => {
    const r = gitFlow();
    r.commit("feat: a new option");
    const error = await refused(r);
    expect(error.code).toBe("SG_MAINTENANCE_LINE");
    expect(error.message).toContain("stay on the line 1.2.x, below v1.3.0");
    expect(error.message).toMatch(
      /Commit [0-9a-f]{7} calls for a minor release, 1\.3\.0, which v1\.3\.0 already is/,
    );
    const command = /`git commit --allow-empty -m "chore: release 1\.2\.5" -m "Release-As: 1\.2\.5"`/.exec(
      error.remedy,
    );
    expect(command, error.remedy).not.toBeNull();
    r.git("commit", "-q", "--allow-empty", "-m", "chore: release 1.2.5", "-m", "Release-As: 1.2.5");
    expect(await version(r)).toMatchObject({ version: "1.2.5", maintenanceLine: "1.2.x" });
  });

  it("a breaking change is refused, naming v1.3.0 and the line", async () => {
    const r = gitFlow();
    r.commit("fix!: drop the old flag");
    const error = await refused(r);
    expect(error.code).toBe("SG_MAINTENANCE_LINE");
    expect(error.message).toContain("the line 1.2.x, below v1.3.0");
    expect(error.message).toContain("a major release, 2.0.0, at or past v1.3.0");
    expect(error.describe()).toContain("README.md#sg-maintenance-line");
  });

  it("without maintenance-branches, as before: a fix gives 1.2.5 and a true warning; a feat jumps past v1.3.0", async () => {
    const r = gitFlow();
    r.commit("fix: backport");
    const fix = await version(r, {});
    expect(fix).toMatchObject({ version: "1.2.5", maintenanceLine: null });
    expect(fix.warnings).toHaveLength(1);
    expect(fix.warnings[0]).toContain("Tag v1.3.0 is not reachable from HEAD");
    expect(fix.warnings[0]).toContain("the highest being v1.2.4");
    expect(fix.warnings[0]).toContain("list it in `maintenance-branches`");
    expect(fix.warnings[0]).not.toContain("will stay above every existing tag");
    r.commit("feat: x");
    const feat = await version(r, {});
    expect(feat).toMatchObject({ version: "1.4.0", maintenanceLine: null });
    expect(feat.warnings.join("\n")).toContain("moves past it to 1.4.0");
  });
});

describe("hotfix/* branches", () => {
  it("a hotfix from v1.2.4 while main has v1.3.0 gives 1.2.5", async () => {
    const r = gitFlow();
    r.checkout("v1.2.4");
    r.git("switch", "-q", "-c", "hotfix/login");
    r.commit("fix: login loop");
    expect(await version(r)).toMatchObject({ version: "1.2.5", maintenanceLine: "1.2.x" });
  });

  it("two hotfixes from v1.2.4: the second is refused naming v1.2.5, and merging it as told releases 1.2.6", async () => {
    const r = gitFlow();
    r.git("switch", "-q", "-c", "hotfix/a", "v1.2.4");
    r.commit("fix: a");
    r.tag("v1.2.5");
    r.git("switch", "-q", "-c", "hotfix/b", "v1.2.4");
    r.commit("fix: b");
    const error = await refused(r);
    expect(error.code).toBe("SG_MAINTENANCE_LINE");
    expect(error.message).toContain("hotfix/b is a maintenance branch (maintenance-branches: hotfix/*)");
    expect(error.message).toContain("below v1.2.5, the next existing tag above v1.2.4");
    expect(error.remedy).toContain("`git merge v1.2.5`");
    r.git("merge", "-q", "--no-edit", "v1.2.5");
    expect(await version(r)).toMatchObject({
      version: "1.2.6",
      previousTag: "v1.2.5",
      maintenanceLine: "1.2.x",
    });
  });
});

describe("N.x and N.N.x branches", () => {
  function lines(): TestRepo {
    const r = new TestRepo();
    repos.push(r);
    r.commit("feat: a");
    r.tag("v1.4.2");
    r.branch("1.x");
    r.branch("1.4.x");
    r.commit("feat!: b");
    r.tag("v2.0.0");
    return r;
  }

  it("1.x allows a minor below an existing 2.0.0", async () => {
    const r = lines();
    r.checkout("1.x");
    r.commit("feat: backported option");
    expect(await version(r)).toMatchObject({ version: "1.5.0", maintenanceLine: "1.x", warnings: [] });
  });

  it("1.x refuses a breaking change, naming v2.0.0", async () => {
    const r = lines();
    r.checkout("1.x");
    r.commit("feat!: b2");
    expect((await refused(r)).message).toContain("a major release, 2.0.0, which v2.0.0 already is");
  });

  it("1.4.x allows patches only", async () => {
    const r = lines();
    r.checkout("1.4.x");
    r.commit("fix: a");
    expect(await version(r)).toMatchObject({ version: "1.4.3", maintenanceLine: "1.4.x" });
    r.commit("feat: b");
    const error = await refused(r);
    expect(error.message).toContain("below 1.5.0, the end of the line 1.4.x");
    expect(error.remedy).toContain("Release-As: 1.4.3");
  });

  it("a 1.3.x branch whose last tag is v1.4.2 is refused: its base is not on the line", async () => {
    const r = lines();
    r.git("switch", "-q", "-c", "1.3.x", "v1.4.2");
    r.commit("fix: a");
    const error = await refused(r);
    expect(error.message).toContain(
      "its last stable tag reachable from HEAD is v1.4.2, which is not on that line",
    );
    expect(error.remedy).toContain("No tag of 1.3.x exists yet");
  });

  it("a detached HEAD uses the run's branch", async () => {
    const r = lines();
    r.checkout("1.4.x");
    r.commit("feat: b");
    r.git("checkout", "-q", "--detach", "HEAD");
    expect(await version(r)).toMatchObject({ version: "1.5.0", maintenanceLine: null });
    const error = await version(r, MAINTENANCE, "1.4.x").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SG_MAINTENANCE_LINE" });
  });
});

describe("a branch that is not a maintenance branch", () => {
  it("main with maintenance-branches set is decided as without it", async () => {
    const r = gitFlow();
    r.checkout("main");
    r.commit("feat: d");
    const withLines = await version(r);
    const without = await version(r, {});
    expect(withLines).toMatchObject({ version: "1.4.0", maintenanceLine: null });
    expect({ ...withLines, analysis: null }).toEqual({ ...without, analysis: null });
  });
});

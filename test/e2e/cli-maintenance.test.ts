/** The bundled CLI on a maintenance branch: `node dist/cli.js version` as a maintainer runs it. */
import { afterEach, describe, expect, it } from "vitest";
import { gitFlowRepo } from "../helpers/git-flow.ts";
import type { TestRepo } from "../helpers/git-repo.ts";
import { runCli } from "../helpers/run-cli.ts";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

function gitFlow(): TestRepo {
  const r = gitFlowRepo();
  repos.push(r);
  return r;
}

describe("shipguard version on a maintenance branch", () => {
  it("a feat is refused: exit code 1, the code, the tag and the remedy on stderr, nothing on stdout", async () => {
    const r = gitFlow();
    r.commit("feat: backported option");
    const run = await runCli(r.dir, ["version", "--maintenance-branches", "hotfix/*, release/*"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("SG_MAINTENANCE_LINE: release/1.2 is a maintenance branch");
    expect(run.stderr).toContain("which v1.3.0 already is");
    expect(run.stderr).toContain("Fix: Release this change from the main line instead");
    expect(run.stderr).toContain('"Release-As: 1.2.5"');
    expect(run.stderr).toContain("See: README.md#sg-maintenance-line");
  });

  it("a fix prints the version and the line, in text and --json", async () => {
    const r = gitFlow();
    r.commit("fix: backport");
    const text = await runCli(r.dir, ["version", "--maintenance-branches", "release/*"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Next version: v1.2.5 (patch)");
    expect(text.stdout).toContain("Maintenance line: 1.2.x");
    const json = await runCli(r.dir, ["version", "--json", "--maintenance-branches", "release/*"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      version: "1.2.5",
      maintenanceLine: "1.2.x",
      warnings: [],
    });
  });

  it("without the flag the branch is not a maintenance branch: a feat jumps to 1.4.0 with a warning", async () => {
    const r = gitFlow();
    r.commit("feat: backported option");
    const run = await runCli(r.dir, ["version", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ version: "1.4.0", maintenanceLine: null });
    expect(out.warnings.join("\n")).toContain("`maintenance-branches`");
  });
});

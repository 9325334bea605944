/**
 * Direct mode with version files on GitHub, through the bundled action on the API emulator: the
 * release's files as one tree, one commit and one ref update on the branch, then the tag on that
 * new commit; a protected branch is SG_BRANCH_PROTECTED and nothing is tagged.
 */
import { describe, expect, it, type TestContext } from "vitest";
import type { Emulator } from "../emulator/index.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { githubOrigin } from "../helpers/github-origin.ts";
import { runAction } from "../helpers/run-action.ts";

const TOKEN = "ghs_e2eReleaseFilesTokenThatMustNeverLeak01";
const PACKAGE = '{\n  "name": "app",\n  "version": "1.0.0"\n}\n';
const CHANGELOG = "# Changelog\n\nAll notable changes.\n\n## 1.0.0 (2026-01-01)\n\n* first\n";

const TREE = "POST /repos/{owner}/{repo}/git/trees";
const COMMIT = "POST /repos/{owner}/{repo}/git/commits";
const UPDATE = "PATCH /repos/{owner}/{repo}/git/refs/{ref}";
const TAG_OBJECT = "POST /repos/{owner}/{repo}/git/tags";

async function world(
  ctx: TestContext,
  options: { protectedBranches?: string[] } = {},
  extra: Record<string, string> = {},
) {
  const origin = new TestRepo();
  ctx.onTestFinished(() => origin.remove());
  origin.change("feat: first", { "package.json": PACKAGE, "CHANGELOG.md": CHANGELOG });
  origin.tag("v1.0.0", { annotated: true });
  origin.change("feat: search (#4)", { "src/search.ts": "x\n" });
  const github = await githubOrigin(ctx, origin, TOKEN, options);
  const checkout = github.checkout();
  const run = () =>
    runAction({
      workspace: checkout.dir,
      inputs: {
        command: "release",
        token: TOKEN,
        repository: "acme/app",
        "version-files": "package.json",
        "changelog-file": "CHANGELOG.md",
        ...extra,
      },
      env: {
        GITHUB_API_URL: github.emulator.url,
        GITHUB_REPOSITORY: "acme/app",
        GITHUB_SHA: checkout.head(),
        GITHUB_REF_TYPE: "branch",
        GITHUB_REF_NAME: "main",
      },
    });
  return { origin, emulator: github.emulator, analysed: checkout.head(), run };
}

const count = (emulator: Emulator, match: string) => emulator.calls(match).length;

describe.concurrent("release with version files, on the emulator", () => {
  it("one tree, one commit, one ref update on main, then the tag on the new commit", async (ctx) => {
    const w = await world(ctx);
    const run = await w.run();
    expect(run.stdout).not.toContain("::error::");
    expect(run.code).toBe(0);
    const release = w.origin.git("rev-parse", "main").trim();
    expect(release).not.toBe(w.analysed);
    expect(w.origin.git("rev-parse", "main^").trim()).toBe(w.analysed);
    expect(w.origin.git("log", "-1", "--format=%B", "main")).toBe("chore(release): 1.1.0\n");
    expect(w.emulator.state.signedCommits.has(release)).toBe(true);
    expect([TREE, COMMIT, UPDATE].map((m) => count(w.emulator, m))).toEqual([1, 1, 1]);
    expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(release);
    expect(run.outputs["release-sha"]).toBe(release);
    expect(run.outputs["tag-sha"]).toBe(release);
    expect(run.outputs.released).toBe("true");
    expect(w.origin.git("show", "main:package.json")).toBe(PACKAGE.replace("1.0.0", "1.1.0"));
    const changelog = w.origin.git("show", "main:CHANGELOG.md");
    const release1 = w.emulator.state.releases.find((r) => r.tagName === "v1.1.0");
    expect(changelog).toBe(CHANGELOG.replace("## 1.0.0", `${release1!.body}\n## 1.0.0`));
    expect(w.origin.git("diff", "--name-only", "main^", "main").trim().split("\n")).toEqual([
      "CHANGELOG.md",
      "package.json",
    ]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a re-run of the job after the commit was made but not tagged tags that commit, no second commit", async (ctx) => {
    const w = await world(ctx);
    w.emulator.faults.status(TAG_OBJECT, 422, 1);
    const first = await w.run();
    expect(first.code).not.toBe(0);
    const release = w.origin.git("rev-parse", "main").trim();
    expect(w.origin.git("rev-parse", "main^").trim()).toBe(w.analysed);
    expect(w.origin.git("tag", "-l").trim()).toBe("v1.0.0");

    // The same job again: the checkout is still the analysed commit.
    const again = await w.run();
    expect(again.stdout).not.toContain("::error::");
    expect(again.code).toBe(0);
    expect(count(w.emulator, COMMIT)).toBe(1);
    expect(w.origin.git("rev-parse", "main").trim()).toBe(release);
    expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(release);
    expect(again.outputs["release-sha"]).toBe(release);
  });

  it("dry-run: the diff in the job summary, and no write to GitHub", async (ctx) => {
    const w = await world(ctx, {}, { "dry-run": "true" });
    const run = await w.run();
    expect(run.code).toBe(0);
    expect(w.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(w.origin.git("rev-parse", "main").trim()).toBe(w.analysed);
    expect(run.summary).toContain("Would change `CHANGELOG.md`, `package.json` in `chore(release): 1.1.0`.");
    expect(run.summary).toContain("```diff\n--- a/CHANGELOG.md\n+++ b/CHANGELOG.md\n");
    expect(run.summary).toContain('-  "version": "1.0.0"\n+  "version": "1.1.0"\n');
    expect(run.outputs["release-sha"]).toBe("");
  });

  it("a protected branch: SG_BRANCH_PROTECTED, nothing tagged, main unchanged", async (ctx) => {
    const w = await world(ctx, { protectedBranches: ["main"] });
    const run = await w.run();
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain("SG_BRANCH_PROTECTED");
    expect(run.stdout).toContain("release-mode: pull-request");
    expect(w.origin.git("rev-parse", "main").trim()).toBe(w.analysed);
    expect(w.origin.git("tag", "-l").trim()).toBe("v1.0.0");
    expect(count(w.emulator, TAG_OBJECT)).toBe(0);
    expect(w.emulator.state.releases).toEqual([]);
  });
});

/**
 * The bundled CLI releasing an npm-workspaces monorepo with version files and changelogs (README,
 * "Version files and changelog"): a release of `core` updates `api`'s range and releases `api` as
 * a patch with a Dependencies section; files, changelogs, the one release commit and the tags are
 * checked byte for byte. `--dry-run` writes nothing; a bad version file leaves nothing written; a
 * re-run after a failure part-way finishes without a second commit.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TestRepo } from "../helpers/git-repo.ts";
import { runCli } from "../helpers/run-cli.ts";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const SETTINGS = `version-files: [package.json]
changelog-file: CHANGELOG.md
packages:
  packages/core: {}
  packages/api: {}
`;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const CORE = json({ name: "@acme/core", version: "1.0.0", main: "index.js" });
const API = json({
  name: "@acme/api",
  version: "1.0.0",
  dependencies: { "@acme/core": "^1.0.0", express: "^4.19.2" },
});
const LOCK = json({
  name: "acme",
  lockfileVersion: 3,
  requires: true,
  packages: {
    "": { name: "acme", workspaces: ["packages/*"] },
    "node_modules/@acme/api": { resolved: "packages/api", link: true },
    "node_modules/@acme/core": { resolved: "packages/core", link: true },
    "packages/api": {
      name: "@acme/api",
      version: "1.0.0",
      dependencies: { "@acme/core": "^1.0.0", express: "^4.19.2" },
    },
    "packages/core": { name: "@acme/core", version: "1.0.0" },
  },
});

/** core and api at 1.0.0, then a feature of core. */
function monorepo(extra: Record<string, string> = {}): TestRepo {
  const r = new TestRepo();
  repos.push(r);
  r.git("config", "user.name", "Release Bot");
  r.git("config", "user.email", "release@example.invalid");
  r.change("chore: workspace", {
    ".github/shipguard.yml": SETTINGS,
    "package.json": json({ name: "acme", private: true, workspaces: ["packages/*"] }),
    "package-lock.json": LOCK,
    "packages/core/package.json": CORE,
    "packages/api/package.json": API,
    ...extra,
  });
  r.tag("core-v1.0.0", { annotated: true });
  r.tag("api-v1.0.0", { annotated: true });
  r.change("feat(core): retries", { "packages/core/index.js": "retry()\n" });
  return r;
}

const file = (r: TestRepo, name: string) => readFileSync(path.join(r.dir, name), "utf8");
const state = (r: TestRepo) => ({
  refs: r.git("for-each-ref"),
  status: r.git("status", "--porcelain"),
  head: r.head(),
});

describe("shipguard release with version files in an npm-workspaces monorepo", () => {
  it("version shows api's patch for its dependencies", async () => {
    const r = monorepo();
    const run = await runCli(r.dir, ["version", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.packages["packages/api"]).toMatchObject({
      version: "1.0.1",
      bump: "patch",
      "release-needed": true,
    });
    expect(out.packages["packages/api"].reason).toMatch(/for its dependencies: @acme\/core 1\.1\.0/);
  });

  it("commits core's and api's files, changelogs and the lockfile once, and tags that commit", async () => {
    const r = monorepo();
    const analysed = r.head();
    const run = await runCli(r.dir, ["release", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const release = r.head();
    expect(r.git("rev-parse", "HEAD^").trim()).toBe(analysed);
    expect(r.git("log", "-1", "--format=%B")).toBe("chore(release): core-v1.1.0, api-v1.0.1\n");
    expect(out.releaseSha).toBe(release);
    expect(r.git("rev-parse", "core-v1.1.0^{commit}", "api-v1.0.1^{commit}").trim().split("\n")).toEqual([
      release,
      release,
    ]);
    expect(r.git("show", "--name-only", "--format=", "HEAD").trim().split("\n")).toEqual([
      "package-lock.json",
      "packages/api/CHANGELOG.md",
      "packages/api/package.json",
      "packages/core/CHANGELOG.md",
      "packages/core/package.json",
    ]);
    expect(file(r, "packages/core/package.json")).toBe(CORE.replace('"1.0.0"', '"1.1.0"'));
    expect(file(r, "packages/api/package.json")).toBe(
      API.replace('"version": "1.0.0"', '"version": "1.0.1"').replace('"^1.0.0"', '"^1.1.0"'),
    );
    expect(file(r, "package-lock.json")).toBe(
      LOCK.replace(
        '"name": "@acme/api",\n      "version": "1.0.0"',
        '"name": "@acme/api",\n      "version": "1.0.1"',
      )
        .replace('"@acme/core": "^1.0.0"', '"@acme/core": "^1.1.0"')
        .replace(
          '"name": "@acme/core",\n      "version": "1.0.0"',
          '"name": "@acme/core",\n      "version": "1.1.0"',
        ),
    );
    const apiNotes: string = out.packages["packages/api"].notes;
    expect(apiNotes).toMatch(/^## \[?1\.0\.1/);
    expect(apiNotes).toContain(
      "### Dependencies\n\n* **@acme/core** bumped to 1.1.0 (`^1.0.0` → `^1.1.0`)\n",
    );
    expect(file(r, "packages/api/CHANGELOG.md")).toBe(`# Changelog\n\n${apiNotes}`);
    expect(file(r, "packages/core/CHANGELOG.md")).toBe(
      `# Changelog\n\n${out.packages["packages/core"].notes}`,
    );
    expect(r.git("for-each-ref", "--format=%(contents)", "refs/tags/api-v1.0.1")).toBe(`${apiNotes}\n`);
    expect(r.git("status", "--porcelain")).toBe("");

    // Run again: nothing to release, nothing written.
    const before = state(r);
    const again = await runCli(r.dir, ["release"]);
    expect(again.code).toBe(0);
    expect(state(r)).toEqual(before);
  });

  it("--dry-run prints the diff and writes nothing", async () => {
    const r = monorepo();
    const before = state(r);
    const run = await runCli(r.dir, ["release", "--dry-run"]);
    expect(run.code).toBe(0);
    expect(state(r)).toEqual(before);
    const printed = run.stdout + run.stderr;
    expect(printed).toContain('Would commit 5 files as "chore(release): core-v1.1.0, api-v1.0.1"');
    expect(printed).toContain(
      '--- a/packages/api/package.json\n+++ b/packages/api/package.json\n@@ -1,8 +1,8 @@\n {\n   "name": "@acme/api",\n-  "version": "1.0.0",\n+  "version": "1.0.1",\n',
    );
    expect(printed).toContain("--- /dev/null\n+++ b/packages/core/CHANGELOG.md\n");
  });

  it("a bad version file fails with its code and leaves nothing written", async () => {
    const r = monorepo({ "packages/api/VERSION": "none yet\n" });
    writeFileSync(
      path.join(r.dir, ".github/shipguard.yml"),
      SETTINGS.replace("packages/api: {}", "packages/api: { version-files: [package.json, VERSION] }"),
    );
    r.git("commit", "-qam", "chore: api's VERSION file");
    const before = state(r);
    const run = await runCli(r.dir, ["release"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("SG_VERSION_FILE");
    expect(run.stderr).toContain("packages/api/VERSION");
    expect(state(r)).toEqual(before);
    expect(existsSync(path.join(r.dir, "packages/core/CHANGELOG.md"))).toBe(false);
  });

  it("a re-run after a failure part-way (api's tag refused) tags the release commit, with no second commit", async () => {
    const r = monorepo();
    // git cannot create api's tag while its ref is locked: the run stops after the commit and core's tag.
    const lock = path.join(r.dir, ".git/refs/tags/api-v1.0.1.lock");
    writeFileSync(lock, "");
    const first = await runCli(r.dir, ["release"]);
    expect(first.code).not.toBe(0);
    expect(first.stderr).toContain("SG_PACKAGE_RELEASES_FAILED");
    const release = r.head();
    expect(r.git("log", "-1", "--format=%s").trim()).toBe("chore(release): core-v1.1.0, api-v1.0.1");
    expect(r.git("tag", "-l", "api-v1.0.1").trim()).toBe("");

    rmSync(lock);
    const second = await runCli(r.dir, ["release"]);
    expect(second.stderr).toContain("Found the release commit");
    expect(second.code).toBe(0);
    expect(r.head()).toBe(release);
    expect(r.git("rev-list", "--count", "core-v1.0.0..HEAD").trim()).toBe("2");
    expect(r.git("rev-parse", "api-v1.0.1^{commit}", "core-v1.1.0^{commit}").trim().split("\n")).toEqual([
      release,
      release,
    ]);
    expect(r.git("status", "--porcelain")).toBe("");
  });
});

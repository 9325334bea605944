/**
 * Dependents on real git repositories: manifests read from the analysed commit (not the working
 * tree) in one git process, and every package that depends on a released one released too.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import type { Logger } from "../../src/ports.ts";
import { readVersionSettings } from "../../src/settings.ts";
import { computeVersions } from "../../src/steps/compute-versions.ts";
import type { TestRepo } from "../helpers/git-repo.ts";
import { pkg } from "../helpers/packages.ts";
import { reposPerTest } from "../helpers/repos-per-test.ts";

const gitEnv = process.env as Record<string, string>;
const repo = reposPerTest();
const quiet: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };
const context = { serverUrl: null, repository: { owner: "octo", repo: "mono" }, branch: null };
const now = () => new Date("2026-11-21T00:00:00Z");
const packages = [pkg("packages/core"), pkg("packages/api"), pkg("packages/web"), pkg("packages/cli")];

function manifest(name: string, version: string, deps: Record<string, string> = {}): string {
  return `${JSON.stringify({ name, version, dependencies: deps }, null, 2)}\n`;
}

/** core <- api <- web (dev); cli depends on nothing of ours; each released once at 1.0.0. */
function workspace(r: TestRepo): void {
  r.change("chore: workspace", {
    "package.json": `${JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }, null, 2)}\n`,
    "packages/core/package.json": manifest("@acme/core", "1.0.0"),
    "packages/api/package.json": manifest("@acme/api", "1.0.0", { "@acme/core": "^1.0.0" }),
    "packages/web/package.json": `${JSON.stringify({ name: "@acme/web", version: "1.0.0", devDependencies: { "@acme/api": "workspace:~" } }, null, 2)}\n`,
    "packages/cli/package.json": manifest("@acme/cli", "1.0.0", { leftpad: "^1.0.0" }),
  });
  for (const p of ["core", "api", "web", "cli"]) r.tag(`${p}-v1.0.0`, { annotated: true });
}

async function run(r: TestRepo, inputs: Record<string, string> = {}) {
  const settings = { ...readVersionSettings((n) => inputs[n]), packages };
  const result = await computeVersions(
    settings,
    { git: new GitCli(r.dir, quiet, gitEnv), logger: quiet, now },
    context,
  );
  return Object.fromEntries(result.packages.map((p) => [p.path, p]));
}

describe("dependents", () => {
  it("a feature of core releases api and web as patches with a Dependencies section, cli not", async () => {
    const r = repo();
    workspace(r);
    r.change("feat(core): faster", { "packages/core/index.js": "fast\n" });
    const by = await run(r);
    expect(by["packages/core"]).toMatchObject({ version: "1.1.0", bump: "minor", releaseNeeded: true });
    expect(by["packages/api"]).toMatchObject({ version: "1.0.1", bump: "patch", releaseNeeded: true });
    expect(by["packages/api"]!.reason).toMatch(/for its dependencies: @acme\/core 1\.1\.0/);
    expect(by["packages/api"]!.notes).toContain(
      "### Dependencies\n\n* **@acme/core** bumped to 1.1.0 (`^1.0.0` → `^1.1.0`)\n",
    );
    expect(by["packages/api"]!.notes).not.toContain("No notable changes");
    expect(by["packages/web"]).toMatchObject({ version: "1.0.1", releaseNeeded: true });
    expect(by["packages/web"]!.notes).toContain("* **@acme/api** bumped to 1.0.1\n");
    expect(by["packages/cli"]).toMatchObject({ version: null, releaseNeeded: false });
  });

  it("a package released anyway keeps its own bump and gets the section", async () => {
    const r = repo();
    workspace(r);
    r.change("feat(core): faster", { "packages/core/index.js": "fast\n" });
    r.change("feat(api): new route", { "packages/api/route.js": "r\n" });
    const by = await run(r);
    expect(by["packages/api"]).toMatchObject({ version: "1.1.0", bump: "minor" });
    expect(by["packages/api"]!.notes).toMatch(/### Features[\s\S]*new route[\s\S]*### Dependencies/);
  });

  it("reads manifests from the analysed commit, not the working tree", async () => {
    const r = repo();
    workspace(r);
    r.change("fix(core): guard", { "packages/core/index.js": "guard\n" });
    // An uncommitted edit that would cut the dependency: not what HEAD holds.
    writeFileSync(path.join(r.dir, "packages/api/package.json"), manifest("@acme/api", "1.0.0"));
    const by = await run(r);
    expect(by["packages/api"]).toMatchObject({ version: "1.0.1", releaseNeeded: true });
  });

  it("bump-dependents: false releases core only", async () => {
    const r = repo();
    workspace(r);
    r.change("feat(core): faster", { "packages/core/index.js": "fast\n" });
    const by = await run(r, { "bump-dependents": "false" });
    expect(by["packages/core"]!.version).toBe("1.1.0");
    expect(by["packages/api"]).toMatchObject({ version: null, releaseNeeded: false });
    expect(by["packages/api"]!.notes).toBe("");
  });
});

describe("GitCli.readFiles", () => {
  it("reads many files of a commit in one process, null for a missing one, bytes as committed", async () => {
    const r = repo();
    const bom = '\uFEFF{\r\n  "é": 1\r\n}\r\n';
    const first = r.change("chore: files", { "a.json": bom, "dir/b.txt": "b\n" });
    r.change("chore: later", { "a.json": "changed\n" });
    const git = new GitCli(r.dir, quiet, gitEnv);
    const files = await git.readFiles(first, ["a.json", "dir/b.txt", "missing.txt", "dir"]);
    expect(files.get("a.json")).toBe(bom);
    expect(files.get("dir/b.txt")).toBe("b\n");
    expect(files.get("missing.txt")).toBeNull();
    expect(files.get("dir")).toBeNull();
    const many = Array.from({ length: 300 }, (_, i) => `p${i}.txt`);
    expect((await git.readFiles(first, many)).size).toBe(300);
  });
});

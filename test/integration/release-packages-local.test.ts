/**
 * `release` in a monorepo on the local backend (README, "Monorepos", Releasing): real
 * repositories, a real bare "origin" for --push, the command itself and the bundled CLI.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import { LocalForge } from "../../src/adapters/local-forge.ts";
import { type PackagesReleaseResult, runReleaseCommand } from "../../src/commands/release.ts";
import type { Logger } from "../../src/ports.ts";
import { parseSettingsFile } from "../../src/settings/settings-file.ts";
import { layerSettings, readReleaseSettings } from "../../src/settings.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { runCli } from "../helpers/run-cli.ts";

const gitEnv = process.env as Record<string, string>;
const quiet: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };

const SETTINGS = `packages:
  packages/api: {}
  packages/web: {}
`;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

/** api and web at 1.0.0, then a feature of api and a fix of web; the settings file in the working tree. */
function monorepo(): TestRepo {
  const r = new TestRepo();
  cleanup.push(() => r.remove());
  // Who tags, for the bundled CLI, which runs with a HOME of its own.
  r.git("config", "user.email", "dev@example.invalid");
  r.git("config", "user.name", "Dev");
  r.change("chore: start", { "packages/api/a.ts": "1\n", "packages/web/a.ts": "1\n" });
  r.tag("api-v1.0.0", { annotated: true });
  r.tag("web-v1.0.0", { annotated: true });
  r.change("feat(api): the routes", { "packages/api/routes.ts": "x\n" });
  r.change("fix(web): the crash on load", { "packages/web/load.ts": "x\n" });
  mkdirSync(path.join(r.dir, ".github"));
  writeFileSync(path.join(r.dir, ".github/shipguard.yml"), SETTINGS);
  return r;
}

async function release(
  r: TestRepo,
  inputs: Record<string, string> = {},
  push: string | null = null,
): Promise<PackagesReleaseResult> {
  const file = parseSettingsFile(SETTINGS, ".github/shipguard.yml");
  const settings = readReleaseSettings(layerSettings((n) => inputs[n], file));
  const git = new GitCli(r.dir, quiet, gitEnv);
  const outcome = await runReleaseCommand(
    settings,
    { git, forge: new LocalForge(git, quiet, push), logger: quiet },
    { serverUrl: null, repository: null, branch: null },
  );
  if (outcome.kind !== "packages") throw new Error("expected one release per package");
  return outcome.result;
}

function bareOrigin(r: TestRepo): string {
  const bare = mkdtempSync(path.join(os.tmpdir(), "shipguard-origin-"));
  cleanup.push(() => rmSync(bare, { recursive: true, force: true }));
  execFileSync("git", ["init", "-q", "--bare", bare]);
  r.git("remote", "add", "origin", bare);
  r.git("push", "-q", "origin", "main", "api-v1.0.0", "web-v1.0.0");
  return bare;
}

/** Every tag with the object it names: what a run that adds nothing leaves exactly as it was. */
const tagObjects = (dir: string) =>
  execFileSync("git", ["for-each-ref", "--format=%(refname) %(objectname)", "refs/tags"], {
    cwd: dir,
    encoding: "utf8",
  });

describe("release in a monorepo, local backend", () => {
  it("two packages in one run give two annotated tags on HEAD, each message its own notes; the re-run adds nothing", async () => {
    const r = monorepo();
    const head = r.head();
    const first = await release(r);
    expect(first.releases.map((p) => [p.version.path, p.version.tag, p.released, p.madeNow])).toEqual([
      ["packages/api", "api-v1.1.0", true, true],
      ["packages/web", "web-v1.0.1", true, true],
    ]);
    for (const tag of ["api-v1.1.0", "web-v1.0.1"]) {
      expect(r.git("cat-file", "-t", tag).trim(), tag).toBe("tag");
      expect(r.git("rev-parse", `${tag}^{commit}`).trim(), tag).toBe(head);
    }
    const message = (tag: string) => r.git("tag", "-l", "--format=%(contents)", tag);
    expect(message("api-v1.1.0")).toContain("the routes");
    expect(message("api-v1.1.0")).not.toContain("crash");
    expect(message("web-v1.0.1")).toContain("the crash on load");
    expect(message("web-v1.0.1")).not.toContain("routes");

    const tags = tagObjects(r.dir);
    const again = await release(r);
    expect(tagObjects(r.dir)).toBe(tags);
    expect(again.releases.map((p) => [p.version.tag, p.released, p.madeNow, p.superseded])).toEqual([
      ["api-v1.1.0", true, false, false],
      ["web-v1.0.1", true, false, false],
    ]);
    expect(again.releases[0]?.steps).toEqual([`The tag api-v1.1.0 already points at ${head}: kept.`]);
  });

  it("floating tags per package, from each prefix; a re-run keeps them", async () => {
    const r = monorepo();
    const first = await release(r, { "floating-tags": "major-minor" });
    expect(first.releases.map((p) => p.floatingTags)).toEqual([
      ["api-v1", "api-v1.1"],
      ["web-v1", "web-v1.0"],
    ]);
    for (const tag of ["api-v1", "api-v1.1", "web-v1", "web-v1.0"])
      expect(r.git("rev-parse", tag).trim(), tag).toBe(r.head());
    expect(r.git("tag", "-l", "v1*").trim()).toBe("");
    const again = await release(r, { "floating-tags": "major-minor" });
    expect(again.releases[1]?.steps.at(-1)).toBe(
      `The floating tag web-v1.0 already points at ${r.head()}: kept.`,
    );
  });

  it("--push pushes each package's tag; one that origin has on another commit is superseded, the other pushed", async () => {
    const r = monorepo();
    const bare = bareOrigin(r);
    // Another clone released web first, on another commit, and pushed it.
    const other = new TestRepo(mkdtempSync(path.join(os.tmpdir(), "shipguard-other-")));
    cleanup.push(() => other.remove());
    execFileSync("git", ["clone", "-q", "-b", "main", bare, other.dir]);
    other.git("config", "user.email", "other@example.invalid");
    other.git("config", "user.name", "Other");
    const theirs = other.change("fix(web): theirs", { "packages/web/theirs.ts": "x\n" });
    other.tag("web-v1.0.1", { annotated: true });
    other.git("push", "-q", "origin", "web-v1.0.1");

    const result = await release(r, { "fetch-history": "false" }, "origin");
    const [api, web] = result.releases;
    expect(api).toMatchObject({ released: true, superseded: false, tagSha: r.head() });
    expect(web).toMatchObject({ released: false, superseded: true, tagSha: theirs });
    const remote = (tag: string) =>
      execFileSync("git", ["--git-dir", bare, "rev-parse", `${tag}^{commit}`], { encoding: "utf8" }).trim();
    expect(remote("api-v1.1.0")).toBe(r.head());
    expect(remote("web-v1.0.1")).toBe(theirs);
    // The loser has no stray local tag of web left behind.
    expect(r.git("tag", "-l", "web-v1.0.1").trim()).toBe("");
  });

  it("a re-run with --push pushes each tag an earlier run made without it", async () => {
    const r = monorepo();
    const bare = bareOrigin(r);
    await release(r);
    const again = await release(r, {}, "origin");
    expect(again.releases.map((p) => p.steps.join("\n"))).toEqual([
      expect.stringContaining("Pushed the tag api-v1.1.0 to origin."),
      expect.stringContaining("Pushed the tag web-v1.0.1 to origin."),
    ]);
    expect(execFileSync("git", ["--git-dir", bare, "tag", "-l"], { encoding: "utf8" }).split("\n")).toEqual(
      expect.arrayContaining(["api-v1.1.0", "web-v1.0.1"]),
    );
  });

  it("dry-run writes nothing and says what each package would get", async () => {
    const r = monorepo();
    const result = await release(r, { "dry-run": "true" });
    expect(result.releases.map((p) => p.steps[0])).toEqual([
      `Would create the tag api-v1.1.0 on ${r.head()} in the local repository.`,
      `Would create the tag web-v1.0.1 on ${r.head()} in the local repository.`,
    ]);
    expect(r.git("tag", "-l").trim().split("\n")).toEqual(["api-v1.0.0", "web-v1.0.0"]);
  });
});

describe("shipguard release (CLI) in a monorepo", () => {
  it("tags each package, prints each package's notes under its title on stdout and a line per package on stderr; the re-run adds nothing", async () => {
    const r = monorepo();
    const run = await runCli(r.dir, ["release"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^# api 1\.1\.0\n\n## 1\.1\.0 \(\d{4}-\d\d-\d\d\)\n\n### Features\n\n\* \*\*api:\*\* the routes/,
    );
    expect(run.stdout).toMatch(
      /\n# web 1\.0\.1\n\n## 1\.0\.1 .*\n\n### Bug Fixes\n\n\* \*\*web:\*\* the crash on load/,
    );
    expect(run.stderr).toContain(
      "2 of 2 packages released: packages/api (api-v1.1.0), packages/web (web-v1.0.1).",
    );
    expect(run.stderr).toContain("packages/api  api-v1.1.0 released\n  Created the tag api-v1.1.0 on");
    expect(r.git("tag", "-l").trim().split("\n")).toEqual([
      "api-v1.0.0",
      "api-v1.1.0",
      "web-v1.0.0",
      "web-v1.0.1",
    ]);

    const tags = tagObjects(r.dir);
    const again = await runCli(r.dir, ["release", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(tagObjects(r.dir)).toBe(tags);
    const json = JSON.parse(again.stdout);
    expect(json.releasedPackages).toEqual(["packages/api", "packages/web"]);
    expect(json.packages["packages/web"]).toMatchObject({
      tag: "web-v1.0.1",
      released: true,
      superseded: false,
      "tag-sha": r.head(),
      "release-url": null,
      failure: null,
    });
    // No `.`: the single-package fields are there, and null.
    expect(json).toMatchObject({ tag: null, released: null, tagSha: null });
  });

  it("--push pushes each package's tag to origin; --notes-file takes every package's notes", async () => {
    const r = monorepo();
    const bare = bareOrigin(r);
    const notes = path.join(r.dir, "..", `${path.basename(r.dir)}-notes.md`);
    cleanup.push(() => rmSync(notes, { force: true }));
    const run = await runCli(r.dir, ["release", "--push", "--notes-file", notes]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    const remote = execFileSync(
      "git",
      ["--git-dir", bare, "for-each-ref", "--format=%(refname:short) %(objecttype)"],
      {
        encoding: "utf8",
      },
    );
    expect(remote).toContain("api-v1.1.0 tag");
    expect(remote).toContain("web-v1.0.1 tag");
    const written = readFileSync(notes, "utf8");
    expect(written).toContain("# api 1.1.0\n");
    expect(written).toContain("# web 1.0.1\n");
  });

  it("latest-package that is not a package fails with the configured paths, and writes nothing", async () => {
    const r = monorepo();
    const run = await runCli(r.dir, ["release", "--latest-package", "packages/ap"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'SG_INPUT_INVALID: Invalid latest-package: "packages/ap". Expected the path of a configured package: `packages/api`, `packages/web`.',
    );
    expect(r.git("tag", "-l").trim().split("\n")).toEqual(["api-v1.0.0", "web-v1.0.0"]);
  });
});

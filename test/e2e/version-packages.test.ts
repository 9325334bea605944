/**
 * A monorepo through the bundles (README, "Monorepos"): the action writes `packages` and
 * `released-packages` from `.github/shipguard.yml`, and the CLI's `--package` prints exactly what
 * the same history prints as a single-package repository with that tag prefix.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestRepo } from "../helpers/git-repo.ts";
import { runAction } from "../helpers/run-action.ts";
import { runCli } from "../helpers/run-cli.ts";

const SETTINGS = `packages:
  packages/api:
    extra-paths: [libs/shared/**]
    exclude-paths: [packages/api/test/**]
  packages/web: {}
  packages/cli: {}
`;

let repo: TestRepo;
beforeAll(() => {
  repo = new TestRepo();
  repo.change("chore: start", {
    "packages/api/a.ts": "1\n",
    "packages/web/a.ts": "1\n",
    "packages/cli/a.ts": "1\n",
  });
  repo.tag("api-v1.0.0");
  repo.tag("web-v1.0.0");
  repo.tag("cli-v1.0.0", { annotated: true });
  repo.change("feat: web search (#3)", { "packages/web/search.ts": "x\n" });
  repo.change("fix(shared): dates (#4)", { "libs/shared/date.ts": "x\n", "packages/api/date.ts": "x\n" });
  repo.change("feat(api)!: new routes\n\nBREAKING CHANGE: /v1 is gone\n", {
    "packages/api/routes.ts": "x\n",
  });
  repo.change("feat: a test helper", { "packages/api/test/helper.ts": "x\n", "packages/api/x.ts": "x\n" });
});
afterAll(() => repo.remove());

/** The settings file in the working tree (not committed: a commit of it would be the root's). */
function withSettings(text: string): void {
  const file = path.join(repo.dir, ".github/shipguard.yml");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe("the bundled action in a monorepo", () => {
  it("writes packages and released-packages; the single-package outputs stay empty without `.`", async () => {
    withSettings(SETTINGS);
    const run = await runAction({ workspace: repo.dir, inputs: { command: "version" } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs["released-packages"]!)).toEqual(["packages/api", "packages/web"]);
    const packages = JSON.parse(run.outputs.packages!);
    expect(packages["packages/api"]).toMatchObject({
      component: "api",
      tag: "api-v2.0.0",
      "previous-tag": "api-v1.0.0",
      bump: "major",
      "release-needed": true,
      "commit-count": 3,
      "tag-prefix": "api-v",
    });
    expect(packages["packages/web"]).toMatchObject({ tag: "web-v1.1.0", "commit-count": 1 });
    expect(packages["packages/cli"]).toMatchObject({ tag: null, "release-needed": false, "commit-count": 0 });
    for (const name of ["version", "tag", "bump", "release-needed", "notes"])
      expect(run.outputs[name], name).toBe("");
    expect(run.summary).toContain("| `packages/api` | api | `api-v1.0.0` | `api-v2.0.0` | major | 3 |");
    expect(run.stdout).toContain("packages/cli  no release needed, previous cli-v1.0.0, 0 commits");
  });
});

describe("the bundled CLI in a monorepo", () => {
  it("prints a line per package", async () => {
    withSettings(SETTINGS);
    const run = await runCli(repo.dir, ["version"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        "packages/api  api-v2.0.0 (major), previous api-v1.0.0, 3 commits",
        "packages/web  web-v1.1.0 (minor), previous web-v1.0.0, 1 commit",
        "packages/cli  no release needed, previous cli-v1.0.0, 0 commits",
        "",
      ].join("\n"),
    );
  });

  it("--package prints exactly what the same history prints as a single-package repository (text and --json)", async () => {
    // Every commit since api-v1.0.0 but the web one changes api's files: as a single-package
    // repository read from api-v1.0.0, the history is the same but for that commit, so it moves
    // below the tag for the comparison.
    const single = new TestRepo();
    try {
      single.change("chore: start", { "packages/api/a.ts": "1\n", "packages/web/a.ts": "1\n" });
      single.change("feat: web search (#3)", { "packages/web/search.ts": "x\n" });
      single.tag("api-v1.0.0");
      single.tag("web-v1.0.0");
      single.change("fix(shared): dates (#4)", {
        "libs/shared/date.ts": "x\n",
        "packages/api/date.ts": "x\n",
      });
      single.change("feat(api)!: new routes\n\nBREAKING CHANGE: /v1 is gone\n", {
        "packages/api/routes.ts": "x\n",
      });
      mkdirSync(path.join(single.dir, ".github"));
      writeFileSync(path.join(single.dir, ".github/shipguard.yml"), SETTINGS);
      const text = await runCli(single.dir, ["version", "--package", "packages/api"]);
      const json = await runCli(single.dir, ["version", "--package", "./packages/api/", "--json"]);
      rmSync(path.join(single.dir, ".github/shipguard.yml"));
      const plainText = await runCli(single.dir, ["version", "--tag-prefix", "api-v"]);
      const plainJson = await runCli(single.dir, ["version", "--tag-prefix", "api-v", "--json"]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toBe(plainText.stdout);
      expect(json.stdout).toBe(plainJson.stdout);
      expect(text.stdout).toMatch(
        /^Next version: api-v2\.0\.0 \(major\)\nPrevious: api-v1\.0\.0\nCommits counted: 2\n/,
      );
      expect(JSON.parse(json.stdout)).toMatchObject({ tag: "api-v2.0.0", commitCount: 2 });
    } finally {
      single.remove();
    }
  });

  it("--package with a path that is not a package fails with SG_UNKNOWN_PACKAGE, naming the packages", async () => {
    withSettings(SETTINGS);
    const run = await runCli(repo.dir, ["version", "--package", "packages/ap"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("SG_UNKNOWN_PACKAGE");
    expect(run.stderr).toContain("packages/api, packages/web, packages/cli");
  });
});

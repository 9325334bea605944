/**
 * What `version` shows in a monorepo, through the registered command (settings in, presentation
 * out) on real repositories: the `packages` and `released-packages` outputs, a line per package,
 * a summary row per package, and `--package`, which shows exactly what a single-package
 * repository shows.
 */
import { describe, expect, it } from "vitest";
import type { RunContext } from "../../src/context.ts";
import { NEVER_CANCELLED } from "../../src/context.ts";
import { ShipguardError } from "../../src/errors.ts";
import { versionCommand } from "../../src/registry/commands/version.ts";
import { CompositionRoot } from "../../src/registry/compose.ts";
import { type PackageSettings, readVersionSettings } from "../../src/settings.ts";
import type { TestRepo } from "../helpers/git-repo.ts";
import { pkg } from "../helpers/packages.ts";
import { reposPerTest } from "../helpers/repos-per-test.ts";

const repo = reposPerTest();

function rootFor(dir: string): CompositionRoot {
  const context: RunContext = {
    host: "cli",
    workspace: dir,
    logger: { debug() {}, info() {}, warning() {}, untrusted() {} },
    env: process.env as Record<string, string>,
    github: { token: "", apiUrl: "https://api.github.com", defaultBranch: null },
    serverUrl: "https://github.com",
    repository: { owner: "octo", repo: "mono" },
    branch: null,
    runUrl: null,
    actor: null,
    registerSecret() {},
    redact: (text) => text,
    cancellation: NEVER_CANCELLED,
  };
  return new CompositionRoot(context);
}

/** Runs `version` as the hosts do: settings read from inputs (plus packages), run, presented. */
async function show(dir: string, inputs: Record<string, string>, packages: PackageSettings[] | null) {
  const settings = {
    ...readVersionSettings((n) => inputs[n]),
    package: inputs.package ?? null,
    packages,
  };
  const root = rootFor(dir);
  return versionCommand.present(await versionCommand.run(settings, root), settings, root);
}

function monorepo(): TestRepo {
  const r = repo();
  r.change("chore: start", { "packages/api/a.ts": "1\n", "packages/web/a.ts": "1\n", "README.md": "1\n" });
  r.tag("api-v1.0.0");
  r.tag("web-v1.0.0");
  r.tag("v0.1.0");
  r.change("fix: web only, before api's last release", { "packages/web/b.ts": "x\n" });
  r.change("feat: api search (#4)", { "packages/api/search.ts": "x\n" });
  r.tag("api-v1.1.0");
  r.change("feat(api)!: drop v1 routes\n\nBREAKING CHANGE: /v1 is gone (#7)\n", {
    "packages/api/routes.ts": "x\n",
    "packages/web/routes.ts": "x\n",
  });
  r.change("fix: api retries (#9)", { "packages/api/retry.ts": "x\n" });
  r.change("docs: api readme", { "packages/api/README.md": "x\n" });
  return r;
}

const PACKAGES = [pkg("packages/api"), pkg("packages/web"), pkg("packages/cli")];

describe("version in a monorepo", () => {
  it("--package shows exactly what a single-package repository with that tag prefix shows", async () => {
    const r = monorepo();
    const one = await show(r.dir, { package: "packages/api" }, PACKAGES);
    const single = await show(r.dir, { "tag-prefix": "api-v" }, null);
    expect(one).toEqual(single);
    expect(one.text).toMatch(
      /^Next version: api-v2\.0\.0 \(major\)\nPrevious: api-v1\.1\.0\nCommits counted: 3\n/,
    );
    // And written as a path the settings file would not use.
    expect(await show(r.dir, { package: "./packages/api/" }, PACKAGES)).toEqual(single);
  });

  it("outputs packages and released-packages; the single outputs describe `.` or stay empty", async () => {
    const r = monorepo();
    const shown = await show(r.dir, {}, PACKAGES);
    const packages = JSON.parse(shown.outputs.packages!);
    expect(Object.keys(packages)).toEqual(["packages/api", "packages/web", "packages/cli"]);
    expect(packages["packages/api"]).toMatchObject({
      component: "api",
      version: "2.0.0",
      "previous-version": "1.1.0",
      tag: "api-v2.0.0",
      "previous-tag": "api-v1.1.0",
      bump: "major",
      "release-needed": true,
      "commit-count": 3,
    });
    expect(packages["packages/api"].notes).toMatch(/BREAKING CHANGES[\s\S]*\/v1 is gone/);
    expect(packages["packages/web"]).toMatchObject({
      tag: "web-v2.0.0",
      "commit-count": 2,
      "release-needed": true,
    });
    expect(packages["packages/cli"]).toMatchObject({
      version: null,
      tag: null,
      bump: "none",
      "release-needed": false,
      "commit-count": 0,
      notes: "",
    });
    expect(Object.keys(packages["packages/cli"])).toEqual([
      "component",
      "version",
      "previous-version",
      "tag",
      "previous-tag",
      "bump",
      "release-needed",
      "commit-count",
      "reason",
      "notes",
      "tag-prefix",
    ]);
    expect(JSON.parse(shown.outputs["released-packages"]!)).toEqual(["packages/api", "packages/web"]);
    for (const name of ["version", "tag", "bump", "release-needed", "commit-count", "notes"])
      expect(shown.outputs[name], name).toBe("");

    r.change("fix: the root's own file", { "README.md": "2\n" });
    const withRoot = await show(r.dir, {}, [pkg("."), ...PACKAGES]);
    expect(withRoot.outputs).toMatchObject({
      version: "0.1.1",
      tag: "v0.1.1",
      bump: "patch",
      "commit-count": "1",
    });
    expect(JSON.parse(withRoot.outputs["released-packages"]!)).toEqual([".", "packages/api", "packages/web"]);
    expect(JSON.parse(withRoot.outputs.packages!)["."].component).toBe("mono");
  });

  it("prints a line per package, and --json has the same packages next to the single fields", async () => {
    const r = monorepo();
    const shown = await show(r.dir, {}, PACKAGES);
    expect(shown.text).toBe(
      [
        "packages/api  api-v2.0.0 (major), previous api-v1.1.0, 3 commits",
        "packages/web  web-v2.0.0 (major), previous web-v1.0.0, 2 commits",
        "packages/cli  no release needed, previous none, 0 commits",
        "",
      ].join("\n"),
    );
    const json = shown.json as Record<string, unknown>;
    expect(json.packages).toEqual(JSON.parse(shown.outputs.packages!));
    expect(json.releasedPackages).toEqual(["packages/api", "packages/web"]);
    expect(json).toMatchObject({ version: null, tag: null, sha: r.head() });
    expect(shown.message).toBe(
      "2 of 3 packages need a release: packages/api (api-v2.0.0), packages/web (web-v2.0.0).",
    );
  });

  it("the job summary has a row per package and the notes of each release", async () => {
    const r = monorepo();
    const { summary } = await show(r.dir, {}, PACKAGES);
    expect(summary).toMatch(/^### shipguard version: 2 of 3 packages to release\n/);
    expect(summary).toContain("| `packages/api` | api | `api-v1.1.0` | `api-v2.0.0` | major | 3 |");
    expect(summary).toContain("| `packages/cli` | cli | none | no release | none | 0 |");
    expect(summary).toContain("<details><summary>Release notes: api-v2.0.0</summary>");
    expect(summary).not.toContain("Release notes: cli");
  });

  it("--package with a path that is not a package is an error that lists the packages", async () => {
    const r = monorepo();
    const error = await show(r.dir, { package: "packages/ap" }, PACKAGES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipguardError);
    expect((error as ShipguardError).code).toBe("SG_UNKNOWN_PACKAGE");
    expect((error as Error).message).toContain("packages/api, packages/web, packages/cli");
    const none = await show(r.dir, { package: "packages/api" }, null).catch((e: unknown) => e);
    expect((none as ShipguardError).code).toBe("SG_UNKNOWN_PACKAGE");
    expect((none as Error).message).toMatch(/no packages are configured/);
  });
});

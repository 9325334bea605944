/**
 * Monorepos on real git repositories: which commits count for which package, each package's range
 * from its own last tag, and one read of history for all of them (steps/compute-versions.ts through
 * the real git adapter).
 */
import { describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import type { Logger } from "../../src/ports.ts";
import { type PackageSettings, readVersionSettings } from "../../src/settings.ts";
import { computeVersion } from "../../src/steps/compute-version.ts";
import {
  computeVersions,
  type PackageVersionResult,
  type VersionsOptions,
} from "../../src/steps/compute-versions.ts";
import type { TestRepo } from "../helpers/git-repo.ts";
import { pkg } from "../helpers/packages.ts";
import { reposPerTest } from "../helpers/repos-per-test.ts";

const gitEnv = process.env as Record<string, string>;
const repo = reposPerTest();

function logger(): Logger & { warnings: string[]; debugs: string[] } {
  const warnings: string[] = [];
  const debugs: string[] = [];
  return {
    warnings,
    debugs,
    debug: (m) => debugs.push(m),
    info() {},
    warning: (m) => warnings.push(m),
    untrusted() {},
  };
}

/** Whether the read had to run a second time (from the merge base of the last tags). */
const readTwice = (log: { debugs: string[] }) => log.debugs.some((m) => /reading again/.test(m));

const context = { serverUrl: null, repository: { owner: "octo", repo: "mono" }, branch: null };
const now = () => new Date("2026-11-21T00:00:00Z");

async function versions(
  r: TestRepo,
  packages: PackageSettings[],
  options: VersionsOptions = {},
  inputs: Record<string, string> = {},
) {
  const log = logger();
  const settings = { ...readVersionSettings((n) => inputs[n]), packages };
  const result = await computeVersions(
    settings,
    { git: new GitCli(r.dir, log, gitEnv), logger: log, now },
    context,
    options,
  );
  const by: Record<string, PackageVersionResult> = {};
  for (const p of result.packages) by[p.path] = p;
  return { ...result, by, log };
}

/** A monorepo with packages/api and packages/web released once, on the first commit. */
function released(...paths: string[]): TestRepo {
  const r = repo();
  const files: Record<string, string> = { "README.md": "mono\n" };
  for (const p of paths) files[`${p}/index.ts`] = "1\n";
  r.change("chore: start", files);
  for (const p of paths) r.tag(`${p.split("/").pop()}-v1.0.0`);
  return r;
}

describe("which commits count for which package", () => {
  it("a file in packages/api-client does not count for packages/api (folders, not prefixes)", async () => {
    const r = released("packages/api", "packages/api-client");
    r.change("feat: client retries", { "packages/api-client/retry.ts": "x\n" });
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/api-client")]);
    expect(by["packages/api"]).toMatchObject({ releaseNeeded: false, commitCount: 0, tag: null });
    expect(by["packages/api-client"]).toMatchObject({
      tag: "api-client-v1.1.0",
      bump: "minor",
      commitCount: 1,
    });
  });

  it("the deepest folder claims a file; a nested package takes its folder from the outer one", async () => {
    const r = released("packages/api", "packages/api/plugins/auth");
    r.change("fix: token expiry", { "packages/api/plugins/auth/token.ts": "x\n" });
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/api/plugins/auth")]);
    expect(by["packages/api"]!.releaseNeeded).toBe(false);
    expect(by["packages/api/plugins/auth"]!.tag).toBe("auth-v1.0.1");
  });

  it("shared code counts through extra-paths, for each package that lists it", async () => {
    const r = released("packages/api", "packages/web", "packages/cli");
    r.change("fix(shared): date parsing", { "libs/shared/date.ts": "x\n" });
    const { by } = await versions(r, [
      pkg("packages/api", { extraPaths: ["libs/shared/**"] }),
      pkg("packages/web", { extraPaths: ["libs/shared"] }),
      pkg("packages/cli"),
    ]);
    expect(by["packages/api"]!.tag).toBe("api-v1.0.1");
    expect(by["packages/web"]!.tag).toBe("web-v1.0.1");
    expect(by["packages/cli"]).toMatchObject({ releaseNeeded: false, commitCount: 0 });
  });

  it("shared code outside every package's folder also releases the root, unless the root excludes it", async () => {
    const r = released("packages/api");
    r.tag("v1.0.0");
    r.change("fix(shared): date parsing", { "libs/shared/date.ts": "x\n" });
    const api = pkg("packages/api", { extraPaths: ["libs/shared/**"] });
    const claimed = (await versions(r, [pkg("."), api])).by;
    expect(claimed["packages/api"]!.tag).toBe("api-v1.0.1");
    expect(claimed["."]!.tag).toBe("v1.0.1");
    const excluded = (await versions(r, [pkg(".", { excludePaths: ["libs/shared/**"] }), api])).by;
    expect(excluded["packages/api"]!.tag).toBe("api-v1.0.1");
    expect(excluded["."]).toMatchObject({ releaseNeeded: false, commitCount: 0 });
  });

  it("a root file counts only for `.`, and a package's file not for `.`", async () => {
    const r = released("packages/api");
    r.tag("v1.0.0");
    r.change("fix: readme typo", { "README.md": "mono!\n" });
    r.change("feat: search", { "packages/api/search.ts": "x\n" });
    const { by } = await versions(r, [pkg("."), pkg("packages/api")]);
    expect(by["."]).toMatchObject({ tag: "v1.0.1", commitCount: 1, component: "mono" });
    expect(by["packages/api"]).toMatchObject({ tag: "api-v1.1.0", commitCount: 1 });
  });

  it("`.` with extra-paths `**` gets every commit, as release-please's root does", async () => {
    const r = released("packages/api");
    r.tag("v1.0.0");
    r.change("feat: search", { "packages/api/search.ts": "x\n" });
    const { by } = await versions(r, [pkg(".", { extraPaths: ["**"] }), pkg("packages/api")]);
    expect(by["."]).toMatchObject({ tag: "v1.1.0", commitCount: 1 });
    expect(by["packages/api"]).toMatchObject({ tag: "api-v1.1.0", commitCount: 1 });
  });

  it("an excluded test file releases nothing, for its package or for `.`", async () => {
    const r = released("packages/api");
    r.tag("v1.0.0");
    r.change("feat: a test helper", { "packages/api/test/helper.ts": "x\n" });
    const { by } = await versions(r, [
      pkg("."),
      pkg("packages/api", { excludePaths: ["packages/api/test/**"] }),
    ]);
    expect(by["packages/api"]).toMatchObject({ releaseNeeded: false, commitCount: 0 });
    expect(by["."]).toMatchObject({ releaseNeeded: false, commitCount: 0 });
  });

  it("a commit that changes files of two packages counts for both", async () => {
    const r = released("packages/api", "packages/web");
    r.change("feat!: new wire format", { "packages/api/wire.ts": "x\n", "packages/web/wire.ts": "x\n" });
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(by["packages/api"]!.tag).toBe("api-v2.0.0");
    expect(by["packages/web"]!.tag).toBe("web-v2.0.0");
  });

  it("a rename counts for the folder it leaves and the one it enters", async () => {
    const r = released("packages/api", "packages/web");
    r.git("mv", "packages/api/index.ts", "packages/web/moved.ts");
    r.change("fix: move the handler");
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(by["packages/api"]!.tag).toBe("api-v1.0.1");
    expect(by["packages/web"]!.tag).toBe("web-v1.0.1");
  });

  it("a merge brings in two packages' commits, and its own files are its changes against its first parent", async () => {
    const r = released("packages/api", "packages/web");
    r.branch("topic");
    r.checkout("topic");
    r.change("feat: api search", { "packages/api/search.ts": "x\n" });
    r.change("fix: web layout", { "packages/web/layout.css": "x\n" });
    r.checkout("main");
    r.change("docs: readme", { "README.md": "mono 2\n" });
    r.merge("topic", "feat: search everywhere (#12)");
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/web"), pkg("packages/cli")]);
    // The merge's subject counts too (a squash-like title), for the packages its files belong to.
    expect(by["packages/api"]).toMatchObject({ tag: "api-v1.1.0", commitCount: 1 });
    expect(by["packages/api"]!.analysis.mergeCount).toBe(1);
    expect(by["packages/web"]).toMatchObject({ tag: "web-v1.1.0", commitCount: 1 });
    expect(by["packages/cli"]).toMatchObject({ releaseNeeded: false, commitCount: 0 });
  });

  it("a revert cancels its target only inside the same package's range", async () => {
    const r = released("packages/api", "packages/web");
    const risky = r.change("feat: risky cache", {
      "packages/api/cache.ts": "x\n",
      "packages/web/cache.ts": "x\n",
    });
    r.tag("web-v1.1.0"); // web released the feature; api did not
    r.revert(risky);
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(by["packages/api"]).toMatchObject({ releaseNeeded: false, tag: null });
    expect(by["packages/api"]!.analysis.cancelledCount).toBe(2);
    expect(by["packages/web"]).toMatchObject({ tag: "web-v1.1.1", bump: "patch", previousTag: "web-v1.1.0" });
  });

  it("a package with no tag yet gets initial-version when a commit calls for a release", async () => {
    const r = released("packages/api");
    r.change("feat: new service", { "packages/new/main.ts": "x\n" });
    r.change("chore: tidy", { "packages/quiet/main.ts": "x\n" });
    const { by, commitsRead } = await versions(r, [
      pkg("packages/api"),
      pkg("packages/new", { initialVersion: "0.1.0" }),
      pkg("packages/quiet"),
    ]);
    expect(by["packages/new"]).toMatchObject({ tag: "new-v0.1.0", previousTag: null, commitCount: 1 });
    expect(by["packages/quiet"]).toMatchObject({ releaseNeeded: false, previousTag: null, commitCount: 1 });
    expect(by["packages/api"]).toMatchObject({ releaseNeeded: false, previousTag: "api-v1.0.0" });
    expect(commitsRead).toBe(3); // a package without a tag: the whole history, once
  });

  it("a Release-As on an empty commit applies to the packages its scope names, or to all", async () => {
    const r = released("packages/api", "packages/web");
    r.change("chore(api): pin the major\n\nRelease-As: 2.0.0\n");
    const scoped = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(scoped.by["packages/api"]).toMatchObject({ tag: "api-v2.0.0", commitCount: 1 });
    // The empty commit counts for web too (it changes no file), but its Release-As does not.
    expect(scoped.by["packages/web"]).toMatchObject({ releaseNeeded: false, commitCount: 1 });

    r.change("chore: everything to 3\n\nRelease-As: 3.0.0\n");
    const all = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(all.by["packages/api"]!.tag).toBe("api-v3.0.0");
    expect(all.by["packages/web"]!.tag).toBe("web-v3.0.0");
  });

  it("a scope names a package by path too; a scope that names none applies to none and says so", async () => {
    const r = released("packages/api", "packages/web");
    r.change("chore(packages/web): pin\n\nRelease-As: 4.0.0\n");
    const byPath = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(byPath.by["packages/web"]!.tag).toBe("web-v4.0.0");
    expect(byPath.by["packages/api"]!.releaseNeeded).toBe(false);

    r.change("chore(deps): pin\n\nRelease-As: 5.0.0\n");
    const none = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(none.by["packages/api"]!.releaseNeeded).toBe(false);
    expect(none.warnings.join("\n")).toMatch(/scope "deps" names no package/);
    expect(none.log.warnings.join("\n")).toMatch(/scope "deps" names no package/);
  });

  it("scopes do not assign commits", async () => {
    const r = released("packages/api", "packages/web");
    r.change("feat(api): touches web only", { "packages/web/x.ts": "x\n" });
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(by["packages/api"]!.releaseNeeded).toBe(false);
    expect(by["packages/web"]!.tag).toBe("web-v1.1.0");
  });
});

describe("each package's range, from one read", () => {
  it("starts at the package's own last tag; history is read once, from the oldest last tag", async () => {
    const r = released("packages/api", "packages/web");
    r.change("feat: web before its release", { "packages/web/a.ts": "x\n" });
    r.tag("web-v1.1.0");
    r.change("fix: web after its release", { "packages/web/b.ts": "x\n" });
    r.change("fix: api", { "packages/api/b.ts": "x\n" });
    const { by, commitsRead } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(by["packages/web"]).toMatchObject({
      previousTag: "web-v1.1.0",
      tag: "web-v1.1.1",
      commitCount: 1,
    });
    expect(by["packages/api"]).toMatchObject({
      previousTag: "api-v1.0.0",
      tag: "api-v1.0.1",
      commitCount: 1,
    });
    expect(commitsRead).toBe(3);
  });

  it("a last tag on another branch is not reachable: the highest reachable one is the base, with a warning", async () => {
    const r = released("packages/api", "packages/web");
    r.branch("side");
    r.checkout("side");
    r.change("fix: only on the side", { "packages/web/side.ts": "x\n" });
    r.tag("web-v1.0.1");
    r.checkout("main");
    r.change("feat: web on main", { "packages/web/main.ts": "x\n" });
    r.change("feat: api on main", { "packages/api/main.ts": "x\n" });
    const { by, log } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    // The tag on the side branch is read with the rest and set aside: one read.
    expect(readTwice(log)).toBe(false);
    expect(by["packages/web"]).toMatchObject({
      previousTag: "web-v1.0.0",
      tag: "web-v1.1.0",
      commitCount: 1,
    });
    expect(by["packages/api"]).toMatchObject({
      previousTag: "api-v1.0.0",
      tag: "api-v1.1.0",
      commitCount: 1,
    });
    expect(by["packages/web"]!.warnings.join()).toMatch(/web-v1\.0\.1 is not reachable from HEAD/);
    expect(log.warnings.join()).toMatch(/^packages\/web: Tag web-v1\.0\.1/);
  });

  it("the tag with the oldest date need not be below the others (skewed clocks): the ranges stay exact", async () => {
    const r = repo();
    r.change(
      "chore: start",
      { "packages/api/a.ts": "1\n", "packages/web/a.ts": "1\n" },
      "2030-01-01T00:00:00Z",
    );
    r.tag("api-v1.0.0");
    r.change("feat: api, dated in the past", { "packages/api/b.ts": "x\n" }, "2020-01-01T00:00:00Z");
    r.tag("web-v1.0.0");
    r.change("fix: web", { "packages/web/b.ts": "x\n" }, "2020-01-02T00:00:00Z");
    const { by, log } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    // The read from web's tag (the oldest date) leaves api's range short: it runs again.
    expect(readTwice(log)).toBe(true);
    expect(by["packages/api"]).toMatchObject({ tag: "api-v1.1.0", commitCount: 1 });
    expect(by["packages/web"]).toMatchObject({ tag: "web-v1.0.1", commitCount: 1 });
  });

  it("a higher tag that arrives late (older dates, merged later) is still the last tag: the read runs again", async () => {
    const r = repo();
    r.change(
      "chore: start",
      { "packages/api/a.ts": "1\n", "packages/web/a.ts": "1\n" },
      "2020-01-01T00:00:00Z",
    );
    r.tag("api-v1.0.0");
    r.tag("web-v1.0.0");
    r.branch("two");
    r.checkout("two");
    r.change("feat!: api 2", { "packages/api/two.ts": "x\n" }, "2020-01-02T00:00:00Z");
    r.tag("api-v2.0.0");
    r.checkout("main");
    r.change("feat: api 1.5", { "packages/api/one.ts": "x\n" }, "2020-01-05T00:00:00Z");
    r.tag("api-v1.5.0");
    r.gitAt("2020-01-06T00:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge branch 'two'", "two");
    r.change("fix: api after both", { "packages/api/fix.ts": "x\n" }, "2020-01-07T00:00:00Z");
    const { by, log } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(readTwice(log)).toBe(true);
    // api-v2.0.0 is the highest reachable tag: the 1.5 feature is not below it, so it counts.
    expect(by["packages/api"]).toMatchObject({
      previousTag: "api-v2.0.0",
      tag: "api-v2.1.0",
      commitCount: 2,
    });
    expect(by["packages/web"]).toMatchObject({ previousTag: "web-v1.0.0", releaseNeeded: false });
  });

  it("a branch forked before the oldest tag and merged after it counts for the packages whose range it is in", async () => {
    const r = released("packages/api", "packages/web");
    r.branch("long");
    r.checkout("long");
    r.change("feat: long-lived api work", { "packages/api/long.ts": "x\n" });
    r.checkout("main");
    r.change("fix: web", { "packages/web/fix.ts": "x\n" });
    r.tag("web-v1.0.1");
    r.tag("api-v1.0.1");
    r.merge("long");
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(by["packages/api"]).toMatchObject({
      previousTag: "api-v1.0.1",
      tag: "api-v1.1.0",
      commitCount: 1,
    });
    expect(by["packages/web"]).toMatchObject({ releaseNeeded: false, commitCount: 0 });
  });

  it("ignoreTagsAtHead per package recomputes what an earlier run tagged on HEAD", async () => {
    const r = released("packages/api", "packages/web");
    r.change("feat: both", { "packages/api/x.ts": "x\n", "packages/web/x.ts": "x\n" });
    r.tag("api-v1.1.0");
    const after = await versions(r, [pkg("packages/api"), pkg("packages/web")]);
    expect(after.by["packages/api"]).toMatchObject({ releaseNeeded: false, tagsAtHead: ["api-v1.1.0"] });
    expect(after.by["packages/web"]!.tag).toBe("web-v1.1.0");
    const again = await versions(r, [pkg("packages/api"), pkg("packages/web")], {
      ignoreTagsAtHead: new Set(["packages/api"]),
    });
    expect(again.by["packages/api"]).toMatchObject({ tag: "api-v1.1.0", previousTag: "api-v1.0.0" });
    expect(again.by["packages/web"]!.tag).toBe("web-v1.1.0");
  });

  it("only: decides the named packages, while every package still claims its files", async () => {
    const r = released("packages/api", "packages/api/plugins/auth");
    r.change("fix: auth", { "packages/api/plugins/auth/x.ts": "x\n" });
    const { packages } = await versions(r, [pkg("packages/api"), pkg("packages/api/plugins/auth")], {
      only: ["packages/api"],
    });
    expect(packages.map((p) => p.path)).toEqual(["packages/api"]);
    expect(packages[0]!.releaseNeeded).toBe(false);
  });
});

describe("maintenance lines, per package", () => {
  /** api-v1.2.0 and web-v1.0.0 on the branch point, api-v1.3.0 on main, then the branch release/1.2. */
  function maintained(): TestRepo {
    const r = released("packages/api", "packages/web");
    r.change("fix: api", { "packages/api/b.ts": "x\n" });
    r.tag("api-v1.2.0");
    r.branch("release/1.2");
    r.change("feat: api on main", { "packages/api/c.ts": "x\n" });
    r.tag("api-v1.3.0");
    r.checkout("release/1.2");
    return r;
  }
  const inputs = { "maintenance-branches": "release/*" };

  it("each package stays on the line of its own last tag", async () => {
    const r = maintained();
    r.change("fix: api backport", { "packages/api/d.ts": "x\n" });
    r.change("feat: web on the branch", { "packages/web/d.ts": "x\n" });
    const { by } = await versions(r, [pkg("packages/api"), pkg("packages/web")], {}, inputs);
    expect(by["packages/api"]).toMatchObject({ tag: "api-v1.2.1", maintenanceLine: "1.2.x" });
    // web has no tag above its own: its line is open above web-v1.0.0.
    expect(by["packages/web"]).toMatchObject({ tag: "web-v1.1.0", maintenanceLine: ">1.0.0" });
  });

  it("a package whose bump would reach its newer tag on main is refused with SG_MAINTENANCE_LINE", async () => {
    const r = maintained();
    r.change("feat: api feature on the branch", { "packages/api/d.ts": "x\n" });
    const error = await versions(r, [pkg("packages/api"), pkg("packages/web")], {}, inputs).catch(
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toBe("SG_MAINTENANCE_LINE");
    expect(String(error)).toContain("api-v1.3.0");
  });
});

describe("the root package alone reads exactly as a single-package repository", () => {
  const shapes: Record<string, (r: TestRepo) => void> = {
    "tags, prereleases and a merge": (r) => {
      r.commit("feat: one");
      r.tag("v1.0.0", { annotated: true });
      r.commit("feat: two");
      r.tag("v1.1.0-rc.1");
      r.branch("topic");
      r.checkout("topic");
      r.commit("fix: on topic");
      r.checkout("main");
      r.commit("perf: faster");
      r.merge("topic");
    },
    "a higher tag that is not reachable": (r) => {
      r.commit("feat: one");
      r.tag("v1.0.0");
      r.branch("old");
      r.checkout("old");
      r.commit("fix: old line");
      r.tag("v1.2.0");
      r.checkout("main");
      r.commit("fix: main");
    },
    "reverts and Release-As": (r) => {
      r.commit("feat: one");
      r.tag("v0.1.0");
      const risky = r.commit("feat!: risky");
      r.revert(risky);
      r.commit("chore: pin\n\nRelease-As: 0.5.0\n");
    },
    "no tag at all, skewed clocks": (r) => {
      r.commit("fix: first", "2030-01-01T00:00:00Z");
      r.commit("feat: second", "2020-01-01T00:00:00Z");
      r.commit("docs: third", "2025-01-01T00:00:00Z");
    },
    "a tag on HEAD": (r) => {
      r.commit("feat: one");
      r.tag("v1.0.0");
      r.commit("fix: two");
      r.tag("v1.0.1");
    },
  };
  for (const [name, build] of Object.entries(shapes)) {
    for (const ignoreTagsAtHead of [false, true]) {
      it(`${name}${ignoreTagsAtHead ? ", ignoring the tags on HEAD" : ""}`, async () => {
        const r = repo();
        build(r);
        const inputs = { "prerelease-branches": "main=rc" };
        const single = await computeVersion(
          readVersionSettings((n) => inputs[n as keyof typeof inputs]),
          { git: new GitCli(r.dir, logger(), gitEnv), logger: logger(), now },
          context,
          { ignoreTagsAtHead },
        );
        const mono = await versions(r, [pkg(".")], { ignoreTagsAtHead }, inputs);
        const { path, component, tagPrefix, ...rest } = mono.by["."]!;
        expect({ path, component, tagPrefix }).toEqual({ path: ".", component: "mono", tagPrefix: "v" });
        expect(rest).toEqual(single);
      });
    }
  }
});

/**
 * A release's files on real repositories: the step that turns a release into file changes
 * (steps/release-files.ts) and direct mode on the local backend: one commit `chore(release): ...`
 * on the analysed commit, the tag on it, nothing written when one file is bad, and a re-run after
 * a failure part-way that finishes without a second commit.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import { LocalForge } from "../../src/adapters/local-forge.ts";
import { runRelease } from "../../src/commands/release.ts";
import { isShipguardError } from "../../src/errors.ts";
import type { Forge, Logger } from "../../src/ports.ts";
import { readReleaseSettings, readVersionSettings } from "../../src/settings.ts";
import { computeVersions } from "../../src/steps/compute-versions.ts";
import { releaseFileChanges, releaseFilesRequest, unifiedDiff } from "../../src/steps/release-files.ts";
import type { TestRepo } from "../helpers/git-repo.ts";
import { pkg } from "../helpers/packages.ts";
import { reposPerTest } from "../helpers/repos-per-test.ts";

const gitEnv = process.env as Record<string, string>;
const repo = reposPerTest();
const quiet: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };
const now = () => new Date("2026-12-07T00:00:00Z");
const where = { serverUrl: null, repository: null, branch: null };

function withIdentity(r: TestRepo): TestRepo {
  r.git("config", "user.name", "Release Bot");
  r.git("config", "user.email", "release@example.invalid");
  return r;
}

function ports(r: TestRepo, wrap: (f: Forge) => Forge = (f) => f) {
  const git = new GitCli(r.dir, quiet, gitEnv);
  return { git, forge: wrap(new LocalForge(git, quiet, null)), logger: quiet, now };
}

const read = (r: TestRepo, file: string) => readFileSync(path.join(r.dir, file), "utf8");

const PACKAGE = '{\r\n  "name": "app",\r\n  "version": "1.0.0",\r\n  "private": true\r\n}\r\n';
const LOCK = `${JSON.stringify({ name: "app", version: "1.0.0", lockfileVersion: 3, packages: { "": { name: "app", version: "1.0.0" } } }, null, 2)}\n`;

function app(r: TestRepo): string {
  withIdentity(r);
  r.change("feat: first", { "package.json": PACKAGE, "package-lock.json": LOCK, "src/a.js": "a\n" });
  r.tag("v1.0.0", { annotated: true });
  return r.change("feat(api): add search\n\nCloses #7", { "src/search.js": "s\n" });
}

const inputs = { "version-files": "package.json", "changelog-file": "CHANGELOG.md" };

describe("direct mode with version files, local", () => {
  it("commits the files as chore(release): <version> on the analysed commit and tags that commit", async () => {
    const r = repo();
    const analysed = app(r);
    const result = await runRelease(
      readReleaseSettings((n) => inputs[n as keyof typeof inputs]),
      ports(r),
      where,
    );
    const head = r.head();
    expect(r.git("rev-parse", "HEAD^").trim()).toBe(analysed);
    expect(r.git("log", "-1", "--format=%B").trim()).toBe("chore(release): 1.1.0");
    expect(r.git("show", "--name-only", "--format=", "HEAD").trim().split("\n")).toEqual([
      "CHANGELOG.md",
      "package-lock.json",
      "package.json",
    ]);
    expect(r.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(head);
    expect(result).toMatchObject({ released: true, tagSha: head, files: { sha: head, found: false } });
    expect(read(r, "package.json")).toBe(PACKAGE.replace('"1.0.0"', '"1.1.0"'));
    expect(read(r, "package-lock.json")).toBe(LOCK.replaceAll('"version": "1.0.0"', '"version": "1.1.0"'));
    expect(read(r, "CHANGELOG.md")).toBe(`# Changelog\n\n${result.version.notes}`);
    expect(r.git("status", "--porcelain")).toBe("");
  });

  it("--dry-run gives the diff and writes nothing: files, commits and refs unchanged", async () => {
    const r = repo();
    app(r);
    const refs = r.git("for-each-ref");
    const head = r.head();
    const settings = readReleaseSettings((n) => ({ ...inputs, "dry-run": "true" })[n as "dry-run"]);
    const result = await runRelease(settings, ports(r), where);
    expect(r.head()).toBe(head);
    expect(r.git("for-each-ref")).toBe(refs);
    expect(r.git("status", "--porcelain")).toBe("");
    expect(result.files?.sha).toBeNull();
    expect(result.files?.diff).toContain("--- a/package.json\n+++ b/package.json\n");
    expect(result.files?.diff).toContain('-  "version": "1.0.0",\r\n+  "version": "1.1.0",\r\n');
    expect(result.files?.diff).toContain("--- /dev/null\n+++ b/CHANGELOG.md\n");
  });

  it("one bad version file: a coded error and nothing written", async () => {
    const r = repo();
    app(r);
    r.change("chore: a version file without its version", { VERSION: "\n" });
    const head = r.head();
    const settings = readReleaseSettings(
      (n) =>
        ({ "version-files": "package.json, VERSION", "changelog-file": "CHANGELOG.md" })[
          n as "version-files"
        ],
    );
    const error = await runRelease(settings, ports(r), where).catch((e: unknown) => e);
    expect(isShipguardError(error) && error.code).toBe("SG_VERSION_FILE");
    expect(r.head()).toBe(head);
    expect(r.git("status", "--porcelain")).toBe("");
    expect(existsSync(path.join(r.dir, "CHANGELOG.md"))).toBe(false);
    expect(r.git("tag", "-l").trim()).toBe("v1.0.0");
  });

  it("a version file that is not UTF-8 (a Latin-1 gradle.properties) is SG_FILE_NOT_UTF8: nothing written", async () => {
    const r = repo();
    app(r);
    // java.util.Properties files are ISO-8859-1: "Café" is 43 61 66 E9, not UTF-8.
    const latin1 = Buffer.from(
      "# Build settings\norg.gradle.jvmargs=-Xmx2g\n# Caf\xe9 team\nversion=1.0.0\n",
      "latin1",
    );
    writeFileSync(path.join(r.dir, "gradle.properties"), latin1);
    r.git("add", "gradle.properties");
    r.git("commit", "-q", "-m", "chore: gradle");
    const head = r.head();
    const settings = readReleaseSettings(
      (n) => ({ ...inputs, "version-files": "package.json, gradle.properties" })[n as keyof typeof inputs],
    );
    const error = await runRelease(settings, ports(r), where).catch((e: unknown) => e);
    expect(isShipguardError(error) && error.code).toBe("SG_FILE_NOT_UTF8");
    expect((error as Error).message).toContain("gradle.properties: it is not UTF-8 text (line 3");
    expect(r.head()).toBe(head);
    expect(r.git("status", "--porcelain")).toBe("");
    expect(readFileSync(path.join(r.dir, "gradle.properties")).equals(latin1)).toBe(true);
    expect(existsSync(path.join(r.dir, "CHANGELOG.md"))).toBe(false);
    expect(r.git("tag", "-l").trim()).toBe("v1.0.0");
  });

  it("a version file missing from the commit is SG_VERSION_FILE_NOT_FOUND, naming it", async () => {
    const r = repo();
    app(r);
    const settings = readReleaseSettings((n) => ({ "version-files": "Chart.yaml" })[n as "version-files"]);
    const error = await runRelease(settings, ports(r), where).catch((e: unknown) => e);
    expect(isShipguardError(error) && error.code).toBe("SG_VERSION_FILE_NOT_FOUND");
    expect((error as Error).message).toContain("Chart.yaml");
  });

  it("a re-run after the commit was made but not tagged tags that commit, never commits twice", async () => {
    const r = repo();
    app(r);
    const settings = readReleaseSettings((n) => inputs[n as keyof typeof inputs]);
    const failing = (f: Forge): Forge =>
      Object.assign(Object.create(Object.getPrototypeOf(f)), f, {
        createTag: () => Promise.reject(new Error("lost connection")),
      });
    await expect(runRelease(settings, ports(r, failing), where)).rejects.toThrow("lost connection");
    const releaseCommit = r.head();
    expect(r.git("log", "-1", "--format=%s").trim()).toBe("chore(release): 1.1.0");
    expect(r.git("tag", "-l").trim()).toBe("v1.0.0");

    const again = await runRelease(settings, ports(r), where);
    expect(r.head()).toBe(releaseCommit);
    expect(r.git("rev-list", "--count", "v1.0.0..HEAD").trim()).toBe("2");
    expect(r.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(releaseCommit);
    expect(again).toMatchObject({ released: true, files: { found: true, sha: releaseCommit } });
    expect(again.version.version).toBe("1.1.0");

    // Once complete, another run finds nothing to do and writes nothing.
    const third = await runRelease(settings, ports(r), where);
    expect(r.head()).toBe(releaseCommit);
    expect(third.version.tag).toBe("v1.1.0");
    expect(third.steps.join("\n")).toContain("already points at");
    expect(r.git("tag", "-l").trim().split("\n")).toEqual(["v1.0.0", "v1.1.0"]);
  });

  it("refuses when a file the release writes has uncommitted changes, writing nothing", async () => {
    const r = repo();
    app(r);
    writeFileSync(path.join(r.dir, "package.json"), "{}\n");
    const head = r.head();
    const settings = readReleaseSettings((n) => inputs[n as keyof typeof inputs]);
    const error = await runRelease(settings, ports(r), where).catch((e: unknown) => e);
    expect(isShipguardError(error) && error.code).toBe("SG_WORKTREE_CHANGED");
    expect(r.head()).toBe(head);
    expect(existsSync(path.join(r.dir, "CHANGELOG.md"))).toBe(false);
  });
});

describe("releaseFileChanges", () => {
  it("a Cargo workspace: the member's Cargo.toml, its entry in the root Cargo.lock, a dependent's range", async () => {
    const r = withIdentity(repo());
    const lock = [
      "version = 4",
      "",
      "[[package]]",
      'name = "api"',
      'version = "0.3.0"',
      "",
      "[[package]]",
      'name = "core"',
      'version = "0.2.0"',
      "",
    ].join("\n");
    const analysed = r.change("chore: workspace", {
      "Cargo.toml": '[workspace]\nmembers = ["crates/*"]\n',
      "Cargo.lock": lock,
      "crates/core/Cargo.toml": '[package]\nname = "core"\nversion = "0.2.0"\n',
      "crates/api/Cargo.toml":
        '[package]\nname = "api"\nversion = "0.3.0"\n\n[dependencies]\ncore = { version = "0.2.0", path = "../core" }\n',
    });
    const files = { versionFiles: ["Cargo.toml"], changelogFile: null, chartAppVersion: false };
    const changes = await releaseFileChanges(new GitCli(r.dir, quiet, gitEnv), {
      commit: analysed,
      releases: [
        { path: "crates/core", version: "0.3.0", notes: "", files, setting: "version-files" },
        { path: "crates/api", version: "0.3.1", notes: "", files, setting: "version-files" },
      ],
      dependents: ["crates/core", "crates/api"],
    });
    expect(Object.fromEntries(changes.map((c) => [c.path, c.after]))).toEqual({
      "Cargo.lock": lock.replace('"0.3.0"', '"0.3.1"').replace('"0.2.0"', '"0.3.0"'),
      "crates/api/Cargo.toml":
        '[package]\nname = "api"\nversion = "0.3.1"\n\n[dependencies]\ncore = { version = "0.3.0", path = "../core" }\n',
      "crates/core/Cargo.toml": '[package]\nname = "core"\nversion = "0.3.0"\n',
    });
    expect(unifiedDiff(changes)).toContain(
      '-core = { version = "0.2.0", path = "../core" }\n+core = { version = "0.3.0", path = "../core" }\n',
    );
  });

  it("a virtual workspace's version: the entries of the members that inherit it in Cargo.lock follow", async () => {
    const r = withIdentity(repo());
    const entry = (name: string, version: string, source = "") =>
      `[[package]]\nname = "${name}"\nversion = "${version}"\n${source}`;
    /** The lockfile with the inheriting members' entries at `version`; legacy (excluded) and serde stay. */
    const lock = (version: string) =>
      [
        "version = 4\n",
        entry("a", version),
        entry("b", version, 'dependencies = [\n "a",\n]\n'),
        entry("legacy", "1.0.0"),
        entry("serde", "1.0.0", 'source = "registry+https://github.com/rust-lang/crates.io-index"\n'),
        entry("tool", version),
      ].join("\n");
    const inherits = (name: string) => `[package]\nname = "${name}"\nversion.workspace = true\n`;
    const root =
      '[workspace]\nmembers = ["crates/*", "./tools/tool"]\nexclude = ["crates/legacy"]\n\n[workspace.package]\nversion = "1.0.0"\n';
    const analysed = r.change("chore: workspace", {
      "Cargo.toml": root,
      "Cargo.lock": lock("1.0.0"),
      "crates/a/Cargo.toml": inherits("a"),
      "crates/b/Cargo.toml": '[package]\nname = "b"\nversion = { workspace = true }\n',
      "crates/legacy/Cargo.toml": inherits("legacy"),
      "crates/own/Cargo.toml": '[package]\nname = "own"\nversion = "1.0.0"\n',
      "tools/tool/Cargo.toml": inherits("tool"),
      "examples/demo/Cargo.toml": inherits("demo"),
    });
    const files = { versionFiles: ["Cargo.toml"], changelogFile: null, chartAppVersion: false };
    const changes = await releaseFileChanges(new GitCli(r.dir, quiet, gitEnv), {
      commit: analysed,
      releases: [{ path: ".", version: "1.1.0", notes: "", files, setting: "version-files" }],
      dependents: [],
    });
    expect(Object.fromEntries(changes.map((c) => [c.path, c.after]))).toEqual({
      "Cargo.toml": root.replace('version = "1.0.0"', 'version = "1.1.0"'),
      "Cargo.lock": lock("1.1.0"),
    });
  });

  it("Cargo path and workspace = true dependents are released, and [workspace.dependencies] follows", async () => {
    const r = withIdentity(repo());
    const root = [
      "[workspace]",
      'members = ["crates/*"]',
      "",
      "[workspace.dependencies]",
      'core = { version = "1.0.0", path = "crates/core" }',
      'serde = "1.0.0"',
      "",
    ].join("\n");
    const member = (name: string, deps = "") => `[package]\nname = "${name}"\nversion = "1.0.0"\n${deps}`;
    const b = member("b", "\n[dependencies]\ncore = { workspace = true }\nserde.workspace = true\n");
    const c = member("c", '\n[dependencies]\ncore = { path = "../core" }\n');
    r.change("chore: workspace", {
      "Cargo.toml": root,
      "crates/core/Cargo.toml": member("core"),
      "crates/b/Cargo.toml": b,
      "crates/c/Cargo.toml": c,
    });
    for (const p of ["core", "b", "c"]) r.tag(`${p}-v1.0.0`, { annotated: true });
    r.change("feat(core)!: a new API", { "crates/core/src/lib.rs": "pub fn f() {}\n" });
    const packages = ["crates/core", "crates/b", "crates/c"].map((p) => pkg(p));
    const git = new GitCli(r.dir, quiet, gitEnv);
    const settings = { ...readVersionSettings(() => undefined), packages };
    const versions = await computeVersions(settings, { git, logger: quiet, now }, where);
    const by = Object.fromEntries(versions.packages.map((v) => [v.path, v]));
    expect(by["crates/b"]).toMatchObject({ version: "1.0.1", releaseNeeded: true });
    expect(by["crates/b"]!.notes).toContain("### Dependencies\n\n* **core** bumped to 2.0.0\n");
    expect(by["crates/c"]).toMatchObject({ version: "1.0.1", releaseNeeded: true });
    const own = { versionFiles: ["Cargo.toml"], changelogFile: null, chartAppVersion: false };
    const files = { top: own, packages: new Map(packages.map((p) => [p.path, own])) };
    const changes = await releaseFileChanges(
      git,
      releaseFilesRequest({ ...settings, files }, versions.packages),
    );
    const bumped = (text: string, version: string) =>
      text.replace('version = "1.0.0"', `version = "${version}"`);
    expect(Object.fromEntries(changes.map((ch) => [ch.path, ch.after]))).toEqual({
      "Cargo.toml": root.replace('core = { version = "1.0.0"', 'core = { version = "2.0.0"'),
      "crates/core/Cargo.toml": bumped(member("core"), "2.0.0"),
      "crates/b/Cargo.toml": bumped(b, "1.0.1"),
      "crates/c/Cargo.toml": bumped(c, "1.0.1"),
    });
  });

  it("uv.lock: the project's own entry follows pyproject.toml, also a uv workspace member's at the root", async () => {
    const r = withIdentity(repo());
    const entry = (name: string, version: string, source: string) =>
      `[[package]]\nname = "${name}"\nversion = "${version}"\nsource = ${source}\n`;
    const lock = (app: string, lib: string) =>
      [
        'version = 1\nrevision = 2\nrequires-python = ">=3.12"\n',
        entry("acme-app", app, '{ editable = "." }'),
        entry("acme-lib", lib, '{ editable = "packages/lib" }'),
        entry("idna", "0.4.0", '{ registry = "https://pypi.org/simple" }'),
      ].join("\n");
    const project = (name: string) => `[project]\nname = "${name}"\nversion = "0.4.0"\n`;
    const analysed = r.change("chore: uv workspace", {
      "pyproject.toml": `${project("acme_app")}\n[tool.uv.workspace]\nmembers = ["packages/*"]\n`,
      "uv.lock": lock("0.4.0", "0.4.0"),
      "packages/lib/pyproject.toml": project("acme-lib"),
    });
    const files = { versionFiles: ["pyproject.toml"], changelogFile: null, chartAppVersion: false };
    const release = (path: string, version: string) => ({
      path,
      version,
      notes: "",
      files,
      setting: "version-files",
    });
    const git = new GitCli(r.dir, quiet, gitEnv);
    const single = await releaseFileChanges(git, {
      commit: analysed,
      releases: [release(".", "0.5.0")],
      dependents: [],
    });
    expect(single.map((c) => c.path)).toEqual(["pyproject.toml", "uv.lock"]);
    expect(single[1]!.after).toBe(lock("0.5.0", "0.4.0"));
    const member = await releaseFileChanges(git, {
      commit: analysed,
      releases: [release("packages/lib", "1.0.0")],
      dependents: [],
    });
    expect(Object.fromEntries(member.map((c) => [c.path, c.after]))).toEqual({
      "packages/lib/pyproject.toml": project("acme-lib").replace("0.4.0", "1.0.0"),
      "uv.lock": lock("0.4.0", "1.0.0"),
    });
  });
});

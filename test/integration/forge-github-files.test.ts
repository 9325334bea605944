/**
 * GitHubForge.commitFiles against the API emulator: one tree (contents inline), one commit (signed
 * by GitHub), one ref write, for 1 file or 100; a lost answer to the ref write is read back, not
 * resent; a protected branch and a branch that moved are coded errors. The commits are fetched
 * with real git.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { FileChange } from "../../src/ports.ts";
import { releaseFileChanges } from "../../src/steps/release-files.ts";
import { emulatedGitHub } from "../helpers/emulated-github.ts";

const TREE = "POST /repos/{owner}/{repo}/git/trees";
const COMMIT = "POST /repos/{owner}/{repo}/git/commits";
const UPDATE = "PATCH /repos/{owner}/{repo}/git/refs/{ref}";
const CREATE = "POST /repos/{owner}/{repo}/git/refs";

const PACKAGE = '{\n  "name": "app",\n  "version": "1.0.0"\n}\n';
const files: FileChange[] = [
  { path: "package.json", before: PACKAGE, after: PACKAGE.replace("1.0.0", "1.1.0") },
  { path: "CHANGELOG.md", before: null, after: "# Changelog\n\n## 1.1.0\n\n- feat: a\n" },
];

function writes(emulator: { calls(match: string): unknown[] }) {
  return [TREE, COMMIT, UPDATE, CREATE].map((match) => emulator.calls(match).length);
}

function cloned(dir: string, branch: string): string {
  const clone = mkdtempSync(join(tmpdir(), "shipguard-files-clone-"));
  execFileSync("git", ["clone", "--quiet", "--branch", branch, dir, clone]);
  return clone;
}

describe("GitHubForge.commitFiles", () => {
  it("commits on the branch with one tree, one commit and one ref update; GitHub signs it", async (ctx) => {
    const { emulator, repo, forge } = await emulatedGitHub(ctx, {}, { files: { "package.json": PACKAGE } });
    const parent = repo.head();
    const { sha } = await forge.commitFiles({
      branch: "main",
      parent,
      message: "chore(release): 1.1.0",
      files,
      force: false,
    });
    expect(writes(emulator)).toEqual([1, 1, 1, 0]);
    const tree = emulator.calls(TREE)[0]?.body as { base_tree: string; tree: { content: string }[] };
    expect(tree.base_tree).toBe(repo.git("rev-parse", `${parent}^{tree}`));
    expect(tree.tree.map((entry) => entry.content)).toEqual(files.map((file) => file.after));
    expect(emulator.state.signedCommits.has(sha)).toBe(true);
    expect(emulator.violations).toEqual([]);

    const clone = cloned(repo.dir, "main");
    ctx.onTestFinished(() => rmSync(clone, { recursive: true, force: true }));
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", clone, ...args], { encoding: "utf8" }).trim();
    expect(git("rev-parse", "HEAD")).toBe(sha);
    expect(git("rev-parse", "HEAD^")).toBe(parent);
    expect(git("log", "-1", "--format=%B")).toBe("chore(release): 1.1.0");
    expect(readFileSync(join(clone, "package.json"), "utf8")).toBe(files[0]?.after);
    expect(readFileSync(join(clone, "CHANGELOG.md"), "utf8")).toBe(files[1]?.after);
    expect(git("diff", "--name-only", "HEAD^", "HEAD").split("\n")).toEqual(["CHANGELOG.md", "package.json"]);
  });

  it("writes 100 packages' files with the same three writes", async (ctx) => {
    const { emulator, repo, forge } = await emulatedGitHub(ctx);
    const many = Array.from({ length: 100 }, (_, i) => ({
      path: `packages/p${i}/package.json`,
      before: null,
      after: `{"name":"p${i}","version":"2.0.${i}"}\n`,
    }));
    const { sha } = await forge.commitFiles({
      branch: "main",
      parent: repo.head(),
      message: "chore(release): 100",
      files: many,
      force: false,
    });
    expect(writes(emulator)).toEqual([1, 1, 1, 0]);
    expect(emulator.log).toHaveLength(5); // plus reading the parent commit and the branch
    expect(repo.git("show", `${sha}:packages/p99/package.json`)).toBe('{"name":"p99","version":"2.0.99"}');
  });

  it("creates the release branch when it does not exist, and forces it onto a new base", async (ctx) => {
    const { emulator, repo, forge } = await emulatedGitHub(ctx);
    const branch = "shipguard/release/main";
    const first = await forge.commitFiles({
      branch,
      parent: repo.head(),
      message: "chore(main): release 1.1.0",
      files,
      force: true,
    });
    expect(writes(emulator)).toEqual([1, 1, 0, 1]);
    const moved = emulator.pushCommit({ branch: "main", message: "feat: b", files: { "b.txt": "b\n" } });
    const second = await forge.commitFiles({
      branch,
      parent: moved,
      message: "chore(main): release 1.2.0",
      files,
      force: true,
    });
    expect(writes(emulator)).toEqual([2, 2, 1, 1]);
    expect(repo.git("rev-parse", `refs/heads/${branch}`)).toBe(second.sha);
    // Forced: the old release commit is not in the new one's history.
    expect(repo.git("rev-list", second.sha).split("\n")).not.toContain(first.sha);
    expect(emulator.violations).toEqual([]);
  });

  it("reads the branch back after a lost answer to the ref write, and sends it once", async (ctx) => {
    const { emulator, repo, forge, warnings } = await emulatedGitHub(ctx);
    emulator.faults.lostAnswer(UPDATE);
    const { sha } = await forge.commitFiles({
      branch: "main",
      parent: repo.head(),
      message: "chore(release): 1.1.0",
      files,
      force: false,
    });
    expect(emulator.calls(UPDATE)).toHaveLength(1);
    expect(repo.git("rev-parse", "refs/heads/main")).toBe(sha);
    expect(warnings.join("\n")).toMatch(/Moving main failed \(\d+\); checking whether it moved/);

    emulator.faults.lostAnswer(CREATE);
    const created = await forge.commitFiles({
      branch: "shipguard/release/main",
      parent: sha,
      message: "m",
      files,
      force: true,
    });
    expect(emulator.calls(CREATE)).toHaveLength(1);
    expect(repo.git("rev-parse", "refs/heads/shipguard/release/main")).toBe(created.sha);
  });

  it("reports a protected branch as SG_BRANCH_PROTECTED, whose remedy is the pull-request mode", async (ctx) => {
    const { emulator, repo, forge } = await emulatedGitHub(ctx, { protectedBranches: ["main"] });
    const before = repo.head();
    const error = await forge
      .commitFiles({ branch: "main", parent: before, message: "chore(release): 1.1.0", files, force: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipguardError);
    expect(error).toMatchObject({ code: "SG_BRANCH_PROTECTED" });
    expect((error as ShipguardError).message).toContain("The branch main is protected");
    expect((error as ShipguardError).remedy).toContain("`release-mode: pull-request`");
    expect(repo.git("rev-parse", "refs/heads/main")).toBe(before);
    expect(emulator.calls(UPDATE)).toHaveLength(1);
  });

  it("reports a branch that moved meanwhile as SG_BRANCH_MOVED, without forcing it", async (ctx) => {
    const { emulator, repo, forge } = await emulatedGitHub(ctx);
    const parent = repo.head();
    const moved = emulator.pushCommit({
      branch: "main",
      message: "feat: meanwhile",
      files: { "x.txt": "x\n" },
    });
    const error = await forge
      .commitFiles({ branch: "main", parent, message: "chore(release): 1.1.0", files, force: false })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SG_BRANCH_MOVED" });
    expect(repo.git("rev-parse", "refs/heads/main")).toBe(moved);
  });

  it("keeps a BOM, CRLF line ends and non-ASCII text byte for byte", async (ctx) => {
    const { repo, forge } = await emulatedGitHub(ctx);
    const after = "\uFEFF<project>\r\n  <version>1.1.0</version>\r\n  <name>Café ☕</name>\r\n</project>\r\n";
    const { sha } = await forge.commitFiles({
      branch: "main",
      parent: repo.head(),
      message: "chore(release): 1.1.0",
      files: [{ path: "pom.xml", before: null, after }],
      force: false,
    });
    const bytes = execFileSync("git", ["-C", repo.dir, "cat-file", "blob", `${sha}:pom.xml`]);
    expect(bytes.equals(Buffer.from(after, "utf8"))).toBe(true);
  });

  it("keeps an executable version file executable (100755); a changelog it creates is 100644", async (ctx) => {
    const script =
      '#!/bin/sh\nVERSION="1.0.0" # x-shipguard-version\ncurl -fsSL "https://example.com/app-$VERSION.tgz"\n';
    const { repo, forge } = await emulatedGitHub(ctx);
    repo.commit("chore: installer", { "scripts/install.sh": script });
    repo.git("update-index", "--chmod=+x", "scripts/install.sh");
    repo.git("commit", "--quiet", "-m", "chore: the installer is executable");
    repo.git("reset", "--quiet", "--hard", "HEAD");
    const parent = repo.head();
    const quiet = { debug() {}, info() {}, warning() {}, untrusted() {} };
    const changes = await releaseFileChanges(
      new GitCli(repo.dir, quiet, process.env as Record<string, string>),
      {
        commit: parent,
        releases: [
          {
            path: ".",
            version: "1.1.0",
            notes: "## 1.1.0\n\n- feat: a\n",
            files: {
              versionFiles: ["scripts/install.sh"],
              changelogFile: "CHANGELOG.md",
              chartAppVersion: false,
            },
            setting: "version-files",
          },
        ],
        dependents: [],
      },
    );
    const { sha } = await forge.commitFiles({
      branch: "main",
      parent,
      message: "chore(release): 1.1.0",
      files: changes,
      force: false,
    });
    const modes = repo
      .git("ls-tree", "-r", sha)
      .split("\n")
      .map((line) => line.replace(/ blob [0-9a-f]+/, ""));
    expect(modes).toContain("100755\tscripts/install.sh");
    expect(modes).toContain("100644\tCHANGELOG.md");
    expect(repo.git("show", `${sha}:scripts/install.sh`)).toContain('VERSION="1.1.0" # x-shipguard-version');
  });
});

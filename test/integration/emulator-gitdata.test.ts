import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, launch } from "../emulator/harness.ts";

// The emulator's Git Data API: trees and commits written as real git objects (a clone fetches
// them), GitHub's signature on the commits it makes, fast-forward and protected-branch refusals.

type Json = Record<string, unknown>;

let h: Harness;

afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.dispose();
});

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-C", dir, ...args], { encoding: "utf8" }).trim();
}

async function commitOnMain(h: Harness, files: Json[], message = "chore(release): 1.1.0") {
  const parent = h.repo.head();
  const parentTree = h.repo.git("rev-parse", `${parent}^{tree}`);
  const tree = await h.api("POST", "/git/trees", { base_tree: parentTree, tree: files });
  expect(tree.status).toBe(201);
  const commit = await h.api("POST", "/git/commits", { message, tree: tree.body.sha, parents: [parent] });
  expect(commit.status).toBe(201);
  return { parent, tree, commit };
}

describe("git trees and commits", () => {
  it("writes a tree (nested paths, modes, deletions, reuse by sha) and a signed commit a clone fetches", async () => {
    h = await launch(
      {},
      { files: { "package.json": '{"version":"1.0.0"}\n', "old/gone.txt": "bye\n", "keep.txt": "k\n" } },
    );
    const keepBlob = h.repo.git("rev-parse", "HEAD:keep.txt");
    const { parent, tree, commit } = await commitOnMain(h, [
      { path: "package.json", mode: "100644", type: "blob", content: '{"version":"1.1.0"}\n' },
      { path: "packages/core/CHANGELOG.md", mode: "100644", content: "# Changelog\n\n## 1.1.0\n" },
      { path: "bin/run.sh", mode: "100755", type: "blob", content: "#!/bin/sh\necho ok\n" },
      { path: "old/gone.txt", mode: "100644", sha: null },
      { path: "copy.txt", mode: "100644", type: "blob", sha: keepBlob },
    ]);
    const top = (tree.body.tree as Json[]).map((entry) => `${entry.mode} ${entry.type} ${entry.path}`);
    // git's order (bytes, a folder sorted as if named "name/").
    expect(top).toEqual([
      "100644 blob README.md",
      "040000 tree bin",
      "100644 blob copy.txt",
      "100644 blob keep.txt",
      "100644 blob package.json",
      "040000 tree packages",
    ]);
    expect(commit.body).toMatchObject({
      message: "chore(release): 1.1.0",
      tree: { sha: tree.body.sha },
      parents: [{ sha: parent }],
      author: { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" },
      verification: { verified: true, reason: "valid" },
    });
    const sha = String(commit.body.sha);
    const moved = await h.api("PATCH", "/git/refs/heads/main", { sha });
    expect(moved.status).toBe(200);

    const clone = h.clone();
    expect(git(clone, "rev-parse", "HEAD")).toBe(sha);
    expect(git(clone, "fsck", "--strict", "--no-progress")).toBe("");
    expect(readFileSync(join(clone, "package.json"), "utf8")).toBe('{"version":"1.1.0"}\n');
    expect(readFileSync(join(clone, "packages/core/CHANGELOG.md"), "utf8")).toBe("# Changelog\n\n## 1.1.0\n");
    expect(statSync(join(clone, "bin/run.sh")).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(clone, "copy.txt"), "utf8")).toBe("k\n");
    expect(() => statSync(join(clone, "old/gone.txt"))).toThrow();
    expect(git(clone, "log", "-1", "--format=%an <%ae>%n%B")).toBe(
      "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\nchore(release): 1.1.0",
    );

    const read = await h.api("GET", `/git/commits/${sha}`);
    expect(read.body).toMatchObject({ sha, verification: { verified: true } });
    const viaRepos = await h.api("GET", `/commits/${sha}`);
    expect(viaRepos.body).toMatchObject({ commit: { verification: { verified: true, reason: "valid" } } });
    const ref = await h.api("GET", "/git/ref/heads/main");
    expect(ref.body).toMatchObject({ ref: "refs/heads/main", object: { sha, type: "commit" } });
  });

  it("replaces a folder by a tree sha and deletes a folder", async () => {
    h = await launch({}, { files: { "docs/a.md": "a\n", "docs/b.md": "b\n", "lib/x.ts": "x\n" } });
    const libTree = h.repo.git("rev-parse", "HEAD:lib");
    const { commit } = await commitOnMain(h, [
      { path: "docs", mode: "040000", type: "tree", sha: libTree },
      { path: "lib", mode: "040000", sha: null },
    ]);
    const files = h.repo.git("ls-tree", "-r", "--name-only", String(commit.body.sha)).split("\n");
    expect(files).toEqual(["README.md", "docs/x.ts"]);
  });

  it("signs nothing it is told to write as someone else", async () => {
    h = await launch();
    const tree = h.repo.git("rev-parse", "HEAD^{tree}");
    const answer = await h.api("POST", "/git/commits", {
      message: "chore: by hand",
      tree,
      parents: [h.repo.head()],
      author: { name: "Ada", email: "ada@example.com", date: "2026-01-02T03:04:05Z" },
    });
    expect(answer.body).toMatchObject({
      author: { name: "Ada", email: "ada@example.com", date: "2026-01-02T03:04:05Z" },
      committer: { name: "Ada" },
      verification: { verified: false, reason: "unsigned" },
    });
  });

  it("refuses objects that do not exist, and a tree entry with both sha and content", async () => {
    h = await launch();
    const missing = "1".repeat(40);
    const badBase = await h.api("POST", "/git/trees", { base_tree: missing, tree: [] });
    expect(badBase.status).toBe(422);
    const badEntry = await h.api("POST", "/git/trees", {
      tree: [{ path: "a", mode: "100644", sha: missing }],
    });
    expect([badEntry.status, badEntry.body.message]).toEqual([
      422,
      `tree.sha ${missing} is not a valid blob`,
    ]);
    const both = await h.api("POST", "/git/trees", {
      tree: [{ path: "a", mode: "100644", sha: missing, content: "x" }],
    });
    expect(both.status).toBe(422);
    const badTree = await h.api("POST", "/git/commits", { message: "m", tree: missing });
    expect([badTree.status, badTree.body.message]).toEqual([422, "Tree SHA does not exist"]);
    const tree = h.repo.git("rev-parse", "HEAD^{tree}");
    const badParent = await h.api("POST", "/git/commits", { message: "m", tree, parents: [missing] });
    expect([badParent.status, badParent.body.message]).toEqual([
      422,
      "Parent SHA does not exist or is not a commit object",
    ]);
    expect((await h.api("GET", `/git/commits/${missing}`)).status).toBe(404);
  });

  it("writes 100 files in one tree", async () => {
    h = await launch();
    const files = Array.from({ length: 100 }, (_, i) => ({
      path: `packages/p${i}/VERSION`,
      mode: "100644",
      content: `1.${i}.0\n`,
    }));
    const { commit } = await commitOnMain(h, files);
    const listed = h.repo.git("ls-tree", "-r", "--name-only", String(commit.body.sha)).split("\n");
    expect(listed).toHaveLength(101);
    expect(h.repo.git("show", `${commit.body.sha}:packages/p42/VERSION`)).toBe("1.42.0");
  });
});

describe("branch refs", () => {
  it("moves a branch only forward unless forced", async () => {
    h = await launch();
    const base = h.repo.head();
    const side = await commitOnMain(h, [{ path: "a.txt", mode: "100644", content: "a\n" }]);
    await h.api("POST", "/git/refs", { ref: "refs/heads/release", sha: String(side.commit.body.sha) });
    const tree = h.repo.git("rev-parse", `${base}^{tree}`);
    const other = await h.api("POST", "/git/commits", { message: "other", tree, parents: [base] });
    const refused = await h.api("PATCH", "/git/refs/heads/release", { sha: other.body.sha });
    expect([refused.status, refused.body.message]).toEqual([422, "Update is not a fast forward"]);
    const forced = await h.api("PATCH", "/git/refs/heads/release", { sha: other.body.sha, force: true });
    expect(forced.status).toBe(200);
    expect(h.repo.git("rev-parse", "refs/heads/release")).toBe(other.body.sha);
  });

  it("refuses to move or delete a protected branch through the API, as GitHub does", async () => {
    h = await launch({ protectedBranches: ["main"] });
    const { commit } = await commitOnMain(h, [{ path: "a.txt", mode: "100644", content: "a\n" }]);
    const before = h.repo.head();
    const moved = await h.api("PATCH", "/git/refs/heads/main", { sha: commit.body.sha });
    expect([moved.status, moved.body.message]).toEqual([422, "Changes must be made through a pull request."]);
    const deleted = await h.api("DELETE", "/git/refs/heads/main");
    expect(deleted.status).toBe(422);
    expect(h.repo.git("rev-parse", "refs/heads/main")).toBe(before);
    // Other branches are not protected.
    const created = await h.api("POST", "/git/refs", {
      ref: "refs/heads/shipguard/release/main",
      sha: commit.body.sha,
    });
    expect(created.status).toBe(201);
  });

  it("pushes a commit as a person would, on an existing or a new branch", async () => {
    h = await launch();
    const { commit } = await commitOnMain(h, [{ path: "a.txt", mode: "100644", content: "a\n" }]);
    await h.api("PATCH", "/git/refs/heads/main", { sha: commit.body.sha });
    const pushed = h.emulator.pushCommit({ branch: "main", message: "feat: b", files: { "b.txt": "b\n" } });
    expect(h.repo.git("rev-parse", "refs/heads/main")).toBe(pushed);
    // The API's file is kept: the push builds on the branch, not on the fixture's work tree.
    expect(h.repo.git("ls-tree", "--name-only", pushed).split("\n")).toEqual(["README.md", "a.txt", "b.txt"]);
    const feature = h.emulator.pushCommit({ branch: "feature", message: "fix: c", files: { "a.txt": null } });
    expect(h.repo.git("rev-parse", "feature^")).toBe(pushed);
    expect(h.repo.git("ls-tree", "--name-only", feature).split("\n")).toEqual(["README.md", "b.txt"]);
    expect((await h.api("GET", `/git/commits/${pushed}`)).body).toMatchObject({
      verification: { verified: false },
    });
  });

  it("keeps what the API committed when the fixture commits afterwards", async () => {
    h = await launch();
    const { commit } = await commitOnMain(h, [{ path: "VERSION", mode: "100644", content: "1.1.0\n" }]);
    await h.api("PATCH", "/git/refs/heads/main", { sha: commit.body.sha });
    const next = h.repo.commit("feat: next", { "next.txt": "n\n" });
    expect(h.repo.git("rev-parse", `${next}^`)).toBe(commit.body.sha);
    expect(h.repo.git("show", `${next}:VERSION`)).toBe("1.1.0");
  });
});

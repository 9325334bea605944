/**
 * `release` on the local backend: real repositories, a real bare "origin" for --push, and two
 * clones racing for the same version.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import { LocalForge } from "../../src/adapters/local-forge.ts";
import { runRelease } from "../../src/commands/release.ts";
import type { Logger } from "../../src/ports.ts";
import { readReleaseSettings } from "../../src/settings.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { ROOT } from "../helpers/run-action.ts";

/** The environment git sees in these tests: this process's (a host passes its own). */
const gitEnv = process.env as Record<string, string>;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

const quiet: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };

function repo(): TestRepo {
  const r = new TestRepo();
  cleanup.push(() => r.remove());
  return r;
}

async function release(r: TestRepo, inputs: Record<string, string> = {}, push: string | null = null) {
  const settings = readReleaseSettings((n) => inputs[n]);
  const git = new GitCli(r.dir, quiet, gitEnv);
  return runRelease(
    settings,
    { git, forge: new LocalForge(git, quiet, push), logger: quiet },
    { serverUrl: null, repository: null, branch: null },
  );
}

function bareOrigin(r: TestRepo): string {
  const bare = mkdtempSync(path.join(os.tmpdir(), "shipguard-origin-"));
  cleanup.push(() => rmSync(bare, { recursive: true, force: true }));
  execFileSync("git", ["init", "-q", "--bare", bare]);
  r.git("remote", "add", "origin", bare);
  r.git("push", "-q", "origin", "main");
  return bare;
}

describe("release, local backend", () => {
  it("creates an annotated tag on the analysed commit whose message is the notes", async () => {
    const r = repo();
    r.commit("feat: first");
    r.tag("v1.0.0");
    const head = r.commit("fix(core): # not a comment\n\nCloses #5");
    const result = await release(r);
    expect(result).toMatchObject({ released: true, superseded: false, tagSha: head });
    expect(r.git("cat-file", "-t", "v1.0.1").trim()).toBe("tag");
    expect(r.git("rev-parse", "v1.0.1^{commit}").trim()).toBe(head);
    const message = r.git("tag", "-l", "--format=%(contents)", "v1.0.1");
    expect(message).toContain("not a comment");
    expect(message).toContain("### Bug Fixes");
  });

  it("re-running after the tag exists is a no-op that reports the tag as kept", async () => {
    const r = repo();
    r.commit("feat: first");
    await release(r);
    const again = await release(r);
    expect(again).toMatchObject({ released: true, superseded: false });
    expect(again.steps.join("\n")).toContain("The tag v1.0.0 already points at");
    expect(r.git("tag", "-l").trim()).toBe("v1.0.0");
  });

  it("dry-run writes nothing", async () => {
    const r = repo();
    r.commit("feat: first");
    const result = await release(r, { "dry-run": "true" });
    expect(result.steps.join("\n")).toContain("Would create the tag v1.0.0");
    expect(r.git("tag", "-l").trim()).toBe("");
  });

  it("floating tags move forward only", async () => {
    const r = repo();
    r.commit("feat: first");
    await release(r, { "floating-tags": "major-minor" });
    expect(r.git("rev-parse", "v1^{commit}").trim()).toBe(r.head());
    expect(r.git("rev-parse", "v1.0^{commit}").trim()).toBe(r.head());
    r.commit("feat: second");
    const second = await release(r, { "floating-tags": "major-minor" });
    expect(second.floatingTags).toEqual(["v1", "v1.1"]);
    expect(r.git("rev-parse", "v1^{commit}").trim()).toBe(r.head());
    // A maintenance fix on the 1.0 line moves v1.0 but leaves v1 on 1.1.0.
    const v11 = r.head();
    r.git("checkout", "-q", "-b", "maint", "v1.0.0");
    r.commit("fix: backport");
    const maint = await release(r, { "floating-tags": "major-minor" });
    expect(maint.version.version).toBe("1.0.1");
    expect(maint.floatingTags).toEqual(["v1.0"]);
    expect(r.git("rev-parse", "v1^{commit}").trim()).toBe(v11);
  });

  it("--push: the remote's first writer wins, the other run is superseded and creates nothing", async () => {
    const a = repo();
    a.commit("feat: base");
    a.tag("v1.0.0");
    const bare = bareOrigin(a);
    a.git("push", "-q", "origin", "v1.0.0");
    const b = new TestRepo(mkdtempSync(path.join(os.tmpdir(), "shipguard-b-")));
    cleanup.push(() => b.remove());
    execFileSync("git", ["clone", "-q", bare, b.dir]);
    b.git("config", "user.email", "b@example.invalid");
    b.git("config", "user.name", "B");
    const shaA = a.commit("feat: from a");
    b.commit("feat: from b");
    const first = await release(a, {}, "origin");
    expect(first).toMatchObject({ released: true, tagSha: shaA });
    const second = await release(b, { "fetch-history": "false" }, "origin");
    expect(second).toMatchObject({ released: false, superseded: true, tagSha: shaA });
    // The loser has no stray local tag left behind.
    expect(b.git("tag", "-l", "v1.1.0").trim()).toBe("");
    expect(execFileSync("git", ["ls-remote", "--tags", bare], { encoding: "utf8" })).toContain(
      "refs/tags/v1.1.0",
    );
  });
});

describe("LocalForge.createTag against a remote", () => {
  it("a push rejected because the remote has the tag on another commit reports exists and drops the local tag", async () => {
    const a = repo();
    a.commit("feat: base");
    const bare = bareOrigin(a);
    const b = new TestRepo(mkdtempSync(path.join(os.tmpdir(), "shipguard-b-")));
    cleanup.push(() => b.remove());
    execFileSync("git", ["clone", "-q", bare, b.dir]);
    const shaA = a.commit("feat: a");
    a.tag("v9.0.0");
    a.git("push", "-q", "origin", "v9.0.0");
    const shaB = b.commit("feat: b");
    const git = new GitCli(b.dir, quiet, gitEnv);
    const forge = new LocalForge(git, quiet, "origin");
    // Between the read and the write, the other run won: the push is the lock.
    expect(await forge.createTag("v9.0.0", shaB, "notes")).toBe("exists");
    expect(b.git("tag", "-l", "v9.0.0").trim()).toBe("");
    expect(await forge.tagCommit("v9.0.0")).toBe(shaA);
  });
});

describe("shipguard release (CLI)", () => {
  it("a re-run with --push pushes the tag an earlier run made without --push", async () => {
    const r = repo();
    const head = r.commit("feat: first");
    const bare = bareOrigin(r);
    await release(r);
    const again = await release(r, {}, "origin");
    expect(again).toMatchObject({ released: true, superseded: false, tagSha: head });
    expect(again.steps.join("\n")).toContain("Pushed the tag v1.0.0");
    const remote = execFileSync("git", ["--git-dir", bare, "rev-parse", "v1.0.0^{commit}"], {
      encoding: "utf8",
    });
    expect(remote.trim()).toBe(head);
    // A third run finds it everywhere: nothing to do.
    expect((await release(r, {}, "origin")).steps.join("\n")).not.toContain("Pushed");
  });

  it("a re-run with --push says so when origin has the tag on another commit, and pushes nothing", async () => {
    const a = repo();
    a.commit("feat: base");
    const bare = bareOrigin(a);
    const b = new TestRepo(mkdtempSync(path.join(os.tmpdir(), "shipguard-b-")));
    cleanup.push(() => b.remove());
    execFileSync("git", ["clone", "-q", bare, b.dir]);
    b.git("config", "user.email", "b@example.invalid");
    b.git("config", "user.name", "B");
    const shaA = a.commit("feat: a");
    await release(a);
    a.git("push", "-q", "origin", "v1.0.0");
    const shaB = b.commit("feat: b");
    await release(b, { "fetch-history": "false" });
    const again = await release(b, { "fetch-history": "false" }, "origin");
    expect(again).toMatchObject({ released: false, superseded: true });
    expect(again.steps.join("\n")).toContain(`origin has v1.0.0 on ${shaA}, not on ${shaB}`);
    const remote = execFileSync("git", ["--git-dir", bare, "rev-parse", "v1.0.0^{commit}"], {
      encoding: "utf8",
    });
    expect(remote.trim()).toBe(shaA);
  });

  it("prints the notes to stdout, or writes --notes-file", () => {
    const r = repo();
    r.commit("feat(cli): a flag");
    const out = execFileSync(process.execPath, [path.join(ROOT, "dist/cli.js"), "release", "--cwd", r.dir], {
      encoding: "utf8",
    });
    expect(out).toContain("a flag");
    r.commit("fix: b");
    const notes = path.join(r.dir, "..", `${path.basename(r.dir)}-notes.md`);
    cleanup.push(() => rmSync(notes, { force: true }));
    execFileSync(process.execPath, [
      path.join(ROOT, "dist/cli.js"),
      "release",
      "--cwd",
      r.dir,
      "--notes-file",
      notes,
    ]);
    expect(readFileSync(notes, "utf8")).toContain("### Bug Fixes");
    expect(r.git("tag", "-l").split("\n").filter(Boolean).sort()).toEqual(["v1.0.0", "v1.0.1"]);
  });
});

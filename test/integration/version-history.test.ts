/**
 * The version engine on real git repositories: every history shape the issue names, through the
 * real git adapter and the real command (no bundle; the e2e tests run the bundle).
 */
import { afterEach, describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import { runVersion, type VersionResult } from "../../src/commands/version.ts";
import type { Logger } from "../../src/ports.ts";
import { readVersionSettings } from "../../src/settings.ts";
import { TestRepo } from "../helpers/git-repo.ts";

/** The environment git sees in these tests: this process's (a host passes its own). */
const gitEnv = process.env as Record<string, string>;

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

function repo(): TestRepo {
  const r = new TestRepo();
  repos.push(r);
  return r;
}

interface Captured extends Logger {
  lines: { level: string; text: string }[];
}

function captureLogger(): Captured {
  const lines: { level: string; text: string }[] = [];
  return {
    lines,
    debug: (text) => lines.push({ level: "debug", text }),
    info: (text) => lines.push({ level: "info", text }),
    warning: (text) => lines.push({ level: "warning", text }),
    untrusted: (text) => lines.push({ level: "untrusted", text }),
  };
}

async function version(
  r: TestRepo,
  inputs: Record<string, string> = {},
  context: { branch?: string | null; repoUrl?: boolean } = {},
): Promise<VersionResult & { log: Captured }> {
  const log = captureLogger();
  const settings = readVersionSettings((name) => inputs[name]);
  const result = await runVersion(
    settings,
    { git: new GitCli(r.dir, log, gitEnv), logger: log, now: () => new Date("2026-11-21T00:00:00Z") },
    {
      serverUrl: context.repoUrl ? "https://github.com" : null,
      repository: context.repoUrl ? { owner: "octo", repo: "app" } : null,
      branch: context.branch ?? null,
    },
  );
  return { ...result, log };
}

describe("version on real histories", () => {
  it("a first release: no tags, a feature gives initial-version", async () => {
    const r = repo();
    r.commit("chore: init");
    r.commit("feat: first feature");
    const v = await version(r);
    expect(v).toMatchObject({
      version: "1.0.0",
      tag: "v1.0.0",
      previousTag: null,
      releaseNeeded: true,
      commitCount: 2,
    });
  });

  it("a first release with a custom initial version", async () => {
    const r = repo();
    r.commit("fix: a bug");
    expect((await version(r, { "initial-version": "0.1.0" })).version).toBe("0.1.0");
  });

  it("no release when only chores since the tag", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.2.3");
    r.commit("chore: tidy");
    r.commit("docs: words");
    const v = await version(r);
    expect(v).toMatchObject({
      version: null,
      releaseNeeded: false,
      bump: "none",
      previousTag: "v1.2.3",
      commitCount: 2,
    });
  });

  it("feat, fix and breaking bumps from the last tag, once per release", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.2.3", { annotated: true });
    r.commit("fix: one");
    expect((await version(r)).version).toBe("1.2.4");
    r.commit("feat(api): two");
    r.commit("fix: three");
    expect((await version(r)).version).toBe("1.3.0");
    r.commit("refactor!: drop the old API");
    const v = await version(r);
    expect(v).toMatchObject({ version: "2.0.0", bump: "major", commitCount: 4 });
    expect(v.reason).toContain("refactor!: drop the old API");
  });

  it("BREAKING CHANGE footer, uppercase only", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.0.0");
    r.commit("fix: parser\n\nbreaking change: lowercase is prose, not a footer");
    expect((await version(r)).version).toBe("1.0.1");
    r.commit("fix: parser\n\nBREAKING-CHANGE: the config moved");
    expect((await version(r)).version).toBe("2.0.0");
  });

  it("a GitHub-style merge subject is not conventional; the commits it brings are counted", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.0.0");
    r.branch("topic");
    r.checkout("topic");
    r.commit("feat(ui): a feature on a branch");
    r.checkout("main");
    r.commit("docs: main moves on");
    r.merge(
      "topic",
      "Merge pull request #7 from octo/topic\n\nfix!: this text is a merge message, not a change",
    );
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.1.0", bump: "minor", commitCount: 2 });
    expect(v.analysis.mergeCount).toBe(1);
  });

  it("a revert in the same range cancels the reverted commit", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    r.commit("fix: small");
    const feat = r.commit("feat!: risky change");
    r.revert(feat);
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.0.1", bump: "patch" });
    expect(v.notes).not.toContain("risky change");
  });

  it("a revert of an already released commit is a fix", async () => {
    const r = repo();
    const feat = r.commit("feat: shipped feature");
    r.tag("v1.0.0");
    r.revert(feat);
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.0.1", bump: "patch" });
  });

  it("revert: type with a Refs footer cancels its target", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    const feat = r.commit("feat: shiny");
    r.commit(`revert: shiny\n\nRefs: ${feat.slice(0, 8)}`);
    r.commit("docs: x");
    expect((await version(r)).bump).toBe("none");
  });

  it("squash-merge bodies count their * type: bullets with squash-bullets: fallback", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    r.commit(
      "Update things (#42)\n\n* feat(cli): add --json\n\n* fix: crash on empty input\n\n* docs: readme",
    );
    // By default the title decides, and a title that is not conventional releases nothing.
    expect((await version(r)).bump).toBe("none");
    const v = await version(r, { "squash-bullets": "fallback" }, { repoUrl: true });
    expect(v).toMatchObject({ version: "1.1.0", bump: "minor" });
    expect(v.notes).toContain("add --json");
    expect(v.notes).toContain("crash on empty input");
  });

  it("release-rules override the defaults per type and scope", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    r.commit("docs(readme): explain");
    expect((await version(r, { "release-rules": "docs(readme)=patch" })).version).toBe("1.0.1");
    r.commit("refactor: inner");
    expect((await version(r, { "release-rules": "docs(readme)=patch\nrefactor=minor" })).version).toBe(
      "1.1.0",
    );
    r.commit("fix: a bug");
    expect((await version(r, { "release-rules": "fix=none, docs=none" })).bump).toBe("none");
  });

  it("Release-As sets the version when above the previous one, and is refused otherwise", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.4.0");
    r.commit("chore: prepare\n\nRelease-As: 3.0.0");
    expect((await version(r)).version).toBe("3.0.0");
    r.commit("fix: b\n\nRelease-As: 1.0.0");
    const v = await version(r);
    expect(v.version).toBe("1.4.1");
    expect(v.warnings.join("\n")).toMatch(/Release-As/);
  });

  it("pre-1.0: breaking bumps the minor unless major-zero-breaking is major", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v0.3.1");
    r.commit("feat!: new shape");
    expect((await version(r)).version).toBe("0.4.0");
    expect((await version(r, { "major-zero-breaking": "major" })).version).toBe("1.0.0");
  });

  it("prereleases count up while the stable base is unchanged", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.2.0");
    r.commit("feat: b");
    const first = await version(r, { prerelease: "rc" });
    expect(first).toMatchObject({ version: "1.3.0-rc.1", tag: "v1.3.0-rc.1", prerelease: true });
    r.tag("v1.3.0-rc.1");
    expect((await version(r, { prerelease: "rc" })).releaseNeeded).toBe(false);
    r.commit("fix: c");
    expect((await version(r, { prerelease: "rc" })).version).toBe("1.3.0-rc.2");
    r.tag("v1.3.0-rc.2");
    r.commit("feat!: d");
    expect((await version(r, { prerelease: "rc" })).version).toBe("2.0.0-rc.1");
    // Promoting: a stable run over the same history ignores the prerelease tags.
    expect((await version(r)).version).toBe("2.0.0");
  });

  it("prerelease-branches picks the identifier from the branch", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.0.0");
    r.git("checkout", "-q", "-b", "next");
    r.commit("feat: b");
    const v = await version(r, { "prerelease-branches": "next=rc, beta=beta" });
    expect(v.version).toBe("1.1.0-rc.1");
    const onMain = await version(r, { "prerelease-branches": "next=rc" }, { branch: "main" });
    expect(onMain.version).toBe("1.1.0");
  });

  it("build metadata is appended to version and tag", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.0.0");
    r.commit("fix: b");
    expect(await version(r, { "build-metadata": "build.7" })).toMatchObject({
      version: "1.0.1+build.7",
      tag: "v1.0.1+build.7",
    });
  });

  it("tag prefixes release/v and pkg@ select their own line", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("release/v2.0.0");
    r.tag("pkg@0.4.0");
    r.tag("v9.0.0");
    r.commit("fix: b");
    expect((await version(r, { "tag-prefix": "release/v" })).tag).toBe("release/v2.0.1");
    expect((await version(r, { "tag-prefix": "pkg@" })).tag).toBe("pkg@0.4.1");
  });

  it("non-SemVer tags are skipped with a debug line", async () => {
    const r = repo();
    r.commit("feat: a");
    for (const t of ["latest", "0.640", "v1", "foo-v2.0.0", "v1.2", "vNext"]) r.tag(t);
    r.tag("v1.1.0");
    r.commit("fix: b");
    const v = await version(r);
    expect(v.version).toBe("1.1.1");
    expect(
      v.log.lines
        .filter((l) => l.level === "debug")
        .map((l) => l.text)
        .join("\n"),
    ).toContain("v1.2");
  });

  it("an unreachable higher tag warns, and the version never lands at or below it", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.0.0");
    r.branch("old");
    r.commit("feat: b");
    r.tag("v1.1.0");
    // main is rewritten: v1.1.0 is no longer an ancestor of HEAD.
    r.git("reset", "-q", "--hard", "v1.0.0");
    r.commit("feat: c");
    const v = await version(r);
    expect(v.previousTag).toBe("v1.0.0");
    expect(v.warnings.join("\n")).toContain("v1.1.0");
    expect(v.version).not.toBe("1.1.0");
    expect(Number(v.version?.split(".")[1])).toBeGreaterThan(1);
  });

  it("a detached HEAD computes the same version", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.0.0");
    r.commit("feat: b");
    const attached = await version(r);
    r.git("checkout", "-q", "--detach", "HEAD");
    expect((await version(r)).version).toBe(attached.version);
  });

  it("a shallow, tagless clone is deepened and gives the full clone's version", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v1.0.0");
    for (let i = 0; i < 5; i++) r.commit(`fix: ${i}`);
    r.commit("feat!: big");
    r.commit("chore: last");
    const full = await version(r);
    const clone = r.shallowClone(1, ["--no-tags"]);
    repos.push(clone);
    const v = await version(clone);
    expect(v).toMatchObject({ version: full.version, previousTag: "v1.0.0", commitCount: full.commitCount });
    expect(v.version).toBe("2.0.0");
  });

  it("a shallow clone with fetch-history false fails, naming fetch-depth: 0", async () => {
    const r = repo();
    r.commit("feat: a");
    r.commit("feat: b");
    const clone = r.shallowClone(1);
    repos.push(clone);
    await expect(version(clone, { "fetch-history": "false" })).rejects.toMatchObject({
      code: "SG_SHALLOW_CLONE",
      input: "fetch-history",
    });
  });

  it("empty, CRLF, invalid UTF-8 and huge messages do not crash", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    r.commit("");
    r.commit("   \n\n  ");
    r.commit("feat(win): crlf line\r\n\r\nBREAKING CHANGE: windows newlines\r\n");
    r.commit(Buffer.from([0x66, 0x69, 0x78, 0x3a, 0x20, 0xff, 0xfe, 0x80, 0x0a]));
    r.commit(`docs: big\n\n${"x".repeat(1024 * 1024)}`);
    const v = await version(r);
    expect(v).toMatchObject({ version: "2.0.0", commitCount: 5 });
  });

  it("a feat! deep in thousands of commits still makes a major", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    // fast-import keeps this quick: 3,000 commits with the breaking one as the oldest.
    const lines: string[] = [];
    const msg = (m: string) => `data ${Buffer.byteLength(m)}\n${m}\n`;
    for (let i = 0; i < 3000; i++) {
      const m = i === 0 ? "feat!: early breaking change" : `fix(core): change ${i}`;
      lines.push(
        "commit refs/heads/main",
        `committer T <t@example.invalid> ${1700000000 + i} +0000`,
        msg(m).trimEnd(),
      );
      if (i === 0) lines.push(`from ${r.head()}`);
      lines.push(`M 644 inline f${i % 7}.txt`, msg(`${i}`).trimEnd(), "");
    }
    const { execFileSync } = await import("node:child_process");
    execFileSync("git", ["fast-import", "--quiet", "--force"], { cwd: r.dir, input: lines.join("\n") });
    r.git("reset", "-q", "--hard", "main");
    const v = await version(r);
    expect(v).toMatchObject({ version: "2.0.0", commitCount: 3000 });
  });

  it("a working directory that does not exist is named as such, not as a missing git", async () => {
    const log = captureLogger();
    const settings = readVersionSettings(() => undefined);
    await expect(
      runVersion(
        settings,
        { git: new GitCli("/nonexistent/shipguard-folder", log, gitEnv), logger: log },
        { serverUrl: null, repository: null, branch: null },
      ),
    ).rejects.toMatchObject({ code: "SG_WORKING_DIRECTORY_MISSING" });
  });

  it("not a git repository: a clear error naming working-directory", async () => {
    const { mkdtempSync } = await import("node:fs");
    const os = await import("node:os");
    const dir = mkdtempSync(`${os.tmpdir()}/shipguard-nogit-`);
    const log = captureLogger();
    const settings = readVersionSettings(() => undefined);
    await expect(
      runVersion(
        settings,
        { git: new GitCli(dir, log, gitEnv), logger: log },
        { serverUrl: null, repository: null, branch: null },
      ),
    ).rejects.toMatchObject({ code: "SG_NOT_A_REPOSITORY", input: "working-directory" });
  });
});

describe("reading real histories the way the field reads them", () => {
  /** A feature branch with the given commits, merged back by `git merge --squash` or `--no-ff`. */
  function branchWith(r: TestRepo, name: string, messages: string[]): void {
    r.branch(name);
    r.checkout(name);
    for (const message of messages) r.commit(message);
    r.checkout("main");
  }

  it("a squash merge under a fix: title is a patch: its feat bullets are the branch's history", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    branchWith(r, "edge", ["feat: add pageInfo to the query", "fix: loop until the last page"]);
    r.git("merge", "--squash", "-q", "edge");
    r.commit(
      "fix(edge): fetch PRs past 100 commits (#892)\n\n* feat: add pageInfo to the query\n\n* fix: loop until the last page",
    );
    const v = await version(r, {}, { repoUrl: true });
    expect(v).toMatchObject({ version: "1.0.1", bump: "patch" });
    expect(v.notes).toContain("fetch PRs past 100 commits");
    expect(v.notes).not.toContain("add pageInfo");
    // The same history read with every bullet counted, as some teams want.
    const always = await version(r, { "squash-bullets": "always" }, { repoUrl: true });
    expect(always).toMatchObject({ version: "1.1.0", bump: "minor" });
    expect(always.notes).toContain("add pageInfo to the query");
  });

  it("a `* feat!:` bullet under build(deps): is not a major", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    r.commit("build(deps): update gts (#1435)\n\n* feat!: use Node 12\n\n* chore: lint");
    expect((await version(r)).bump).toBe("none");
  });

  it("a title that is not conventional releases nothing by default; its bullets speak only with fallback", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    r.commit("Add exporter (#12)\n\n* feat: exporter\n\n* fix: typo");
    expect((await version(r)).bump).toBe("none");
    expect((await version(r, { "squash-bullets": "never" })).bump).toBe("none");
    expect(await version(r, { "squash-bullets": "fallback" })).toMatchObject({
      version: "1.1.0",
      bump: "minor",
    });
  });

  it("the issue's evidence: `Add auto responder workflow (#619)` over a feat: line is the patch the project released", async () => {
    const r = repo();
    r.commit("feat: a");
    r.tag("v2.3.0");
    r.commit("fix: keep the cache warm");
    r.commit("Add auto responder workflow (#619)\n\n* feat: add auto responder workflow\n\n* chore: lint");
    expect(await version(r)).toMatchObject({ version: "2.3.1", bump: "patch" });
    expect((await version(r, { "squash-bullets": "fallback" })).bump).toBe("minor");
  });

  it("a --no-ff merge with a conventional subject counts over branch commits that are not", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    branchWith(r, "validation", ["fixed error message format", "wip"]);
    r.merge("validation", "feat: add server validation errors (#91)");
    const v = await version(r, {}, { repoUrl: true });
    expect(v).toMatchObject({ version: "1.1.0", bump: "minor" });
    expect(v.analysis.mergeCount).toBe(1);
    expect(v.notes).toContain("add server validation errors");
  });

  it("`Merge branch` and `Merge pull request` subjects never count; their branch commits do", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    branchWith(r, "topic", ["fix: from the branch"]);
    r.merge("topic");
    branchWith(r, "other", ["docs: words"]);
    r.merge("other", "Merge pull request #5 from octo/other\n\nfeat: the PR title, as GitHub writes it");
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.0.1", bump: "patch" });
    expect(v.analysis.countsByType).toEqual({ fix: 1, docs: 1 });
  });

  it("a BREAKING CHANGE line in the body of a commit that is not conventional is a major", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v8.2.0");
    r.commit("v9 (#639)\n\nBREAKING CHANGE: Node 18 or later is required");
    const v = await version(r, {}, { repoUrl: true });
    expect(v).toMatchObject({ version: "9.0.0", bump: "major" });
    expect(v.notes).toContain("Node 18 or later is required");
  });

  it("a BREAKING CHANGE line right under a squash bullet, with no blank line, is a major", async () => {
    for (const title of ["Release v9 (#640)", "chore: release v9 (#640)"]) {
      const r = repo();
      r.commit("fix: a");
      r.tag("v8.2.0");
      r.commit(
        `${title}\n\n* chore: bump engines\nBREAKING CHANGE: Drop support for NodeJS v18\n\n* docs: x`,
      );
      const v = await version(r, {}, { repoUrl: true });
      expect(v, title).toMatchObject({ version: "9.0.0", bump: "major" });
      expect(v.notes, title).toContain("Drop support for NodeJS v18");
    }
  });

  it("a lower-case `breaking change:` line is prose, as the spec says", async () => {
    const r = repo();
    r.commit("fix: a");
    r.tag("v1.0.0");
    r.commit("fix: parser\n\nbreaking change: not really, we kept the old option");
    expect((await version(r)).version).toBe("1.0.1");
  });

  it("reverts keep their reading: unreleased ones cancel, released ones are a patch, merges or not", async () => {
    const r = repo();
    const released = r.commit("feat: shipped");
    r.tag("v1.0.0");
    branchWith(r, "risky", ["feat!: risky"]);
    r.merge("risky", "Merge pull request #9 from octo/risky");
    const risky = r.git("rev-parse", "risky").trim();
    r.revert(risky);
    expect((await version(r)).bump).toBe("none");
    r.revert(released);
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.0.1", bump: "patch" });
    expect(v.analysis.cancelledCount).toBe(2);
  });
});

describe("the range read as git streams it, checked against git's own range", () => {
  const day = (n: number) => `2020-01-${String(n).padStart(2, "0")}T12:00:00Z`;

  /** The commits git itself puts in `tag..HEAD`. */
  function gitRange(r: TestRepo, tag: string): number {
    return Number(r.git("rev-list", "--count", `${tag}..HEAD`).trim());
  }

  it("a branch forked before the tag and merged after it: its commits count, the fork point does not", async () => {
    const r = repo();
    r.commit("chore: init", day(1));
    const fork = r.commit("fix: before the fork", day(2));
    r.commit("fix: released", day(3));
    r.tag("v1.0.0");
    r.branch("old", fork);
    r.checkout("old");
    r.commit("feat: work that started before the release", day(4));
    r.checkout("main");
    r.commit("docs: after the release", day(5));
    r.merge("old", "Merge branch 'old'", day(6));
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.1.0", bump: "minor" });
    expect(v.analysis.commitsRead).toBe(gitRange(r, "v1.0.0"));
  });

  it("many branches forked before the tag: one count of the range confirms them all", async () => {
    const r = repo();
    const fork = r.commit("chore: init", day(1));
    r.commit("fix: released", day(2));
    r.tag("v1.0.0");
    for (let i = 0; i < 10; i++) {
      r.branch(`b${i}`, fork);
      r.checkout(`b${i}`);
      r.commit(i === 9 ? "feat: the last branch" : `docs: branch ${i}`, day(3 + i));
      r.checkout("main");
      r.merge(`b${i}`, `Merge branch 'b${i}'`, day(15 + i));
    }
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.1.0", bump: "minor" });
    expect(v.analysis.commitsRead).toBe(gitRange(r, "v1.0.0"));
  });

  it("a revert dated before the commit it reverts (clock skew) still cancels it", async () => {
    const r = repo();
    r.commit("chore: init", day(1));
    r.tag("v1.0.0");
    const risky = r.commit("feat!: risky", day(8));
    r.branch("side");
    r.checkout("side");
    r.commit("fix: from the side", day(10));
    r.checkout("main");
    // git log, newest first, shows the risky commit before this older-dated revert of it.
    r.commit(`Revert "feat!: risky"\n\nThis reverts commit ${risky}.\n`, day(5));
    r.merge("side", "Merge branch 'side'", day(12));
    const plain = r.git("log", "--format=%s", "HEAD").split("\n");
    expect(plain.indexOf("feat!: risky")).toBeLessThan(plain.indexOf('Revert "feat!: risky"'));
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.0.1", bump: "patch" });
    expect(v.analysis.cancelledCount).toBe(2);
    expect(v.analysis.commitsRead).toBe(gitRange(r, "v1.0.0"));
  });

  it("a commit of the tag's own history dated after the range is not counted (clock skew)", async () => {
    const r = repo();
    r.commit("chore: init", day(1));
    const old = r.commit("feat: released long ago", "2021-06-01T00:00:00Z");
    r.commit("fix: the release", day(3));
    r.tag("v1.0.0");
    const after = r.commit("fix: after the release", day(4));
    // A merge that names the old commit again: git log shows it (dated 2021) right after HEAD.
    const tree = r.git("rev-parse", `${after}^{tree}`).trim();
    const merge = r
      .gitAt(day(5), "commit-tree", tree, "-p", after, "-p", old, "-m", "Merge the old line")
      .trim();
    r.git("reset", "-q", "--hard", merge);
    expect(r.git("log", "--format=%s", "HEAD").split("\n")[1]).toBe("feat: released long ago");
    const v = await version(r);
    expect(v).toMatchObject({ version: "1.0.1", bump: "patch" });
    expect(v.analysis.commitsRead).toBe(gitRange(r, "v1.0.0"));
  });
});

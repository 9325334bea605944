/**
 * `release-mode: pull-request` end to end: the bundled action (`node dist/index.js`, build it
 * first) on GitHub's API emulator, whose Git Data and Pulls APIs write real git objects into the
 * origin, and fresh runner checkouts of it for every run, as each push's workflow run has.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { proposalBody, readProposal } from "../../src/core/release-pr.ts";
import type { Emulator } from "../emulator/index.ts";
import type { MergeMethod } from "../emulator/pulls.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { githubOrigin } from "../helpers/github-origin.ts";
import { type ActionRun, runAction } from "../helpers/run-action.ts";
import { runCli } from "../helpers/run-cli.ts";

const TOKEN = "ghs_e2eReleasePullRequestTokenNeverLeaks01";
const BRANCH = "shipguard/release/main";
const PERMISSIONS = { contents: "write", "pull-requests": "write" } as const;

/** v1.0.0 on the first commit, then a feature: a minor is release-worthy. */
function single(o: TestRepo): void {
  o.change("chore: start", {
    "README.md": "app\n",
    "CHANGELOG.md": "# Changelog\n\nAll notable changes.\n\n## 1.0.0\n\n- the start\n",
  });
  o.tag("v1.0.0", { annotated: true });
  o.change("feat: export to CSV", { "src/export.ts": "x\n" });
}

interface World {
  origin: TestRepo;
  emulator: Emulator;
  /** A runner's checkout of main as it is now on GitHub; `settings` goes in .github/shipguard.yml. */
  checkout(settings?: string): TestRepo;
  /** The action's `release` on a push to main; `ref` for another ref (a branch, a tag). */
  release(
    checkout: TestRepo,
    inputs?: Record<string, string>,
    ref?: { GITHUB_REF_TYPE: string; GITHUB_REF_NAME: string },
  ): Promise<ActionRun>;
  /** Pushes a commit to main as a person does. */
  push(message: string, files: Record<string, string>): string;
  mainSha(): string;
}

async function world(
  ctx: TestContext,
  setup: (o: TestRepo) => void = single,
  options: Parameters<typeof githubOrigin>[3] = {},
): Promise<World> {
  const origin = new TestRepo();
  ctx.onTestFinished(() => origin.remove());
  setup(origin);
  const github = await githubOrigin(ctx, origin, TOKEN, { permissions: { ...PERMISSIONS }, ...options });
  const { emulator } = github;
  return {
    origin,
    emulator,
    checkout(settings) {
      const checkout = github.checkout();
      if (settings !== undefined) {
        mkdirSync(path.join(checkout.dir, ".github"), { recursive: true });
        writeFileSync(path.join(checkout.dir, ".github/shipguard.yml"), settings);
      }
      return checkout;
    },
    release(checkout, inputs = {}, ref = { GITHUB_REF_TYPE: "branch", GITHUB_REF_NAME: "main" }) {
      return runAction({
        workspace: checkout.dir,
        inputs: { command: "release", "release-mode": "pull-request", ...inputs },
        actionDefaults: { token: TOKEN },
        env: {
          GITHUB_API_URL: emulator.url,
          GITHUB_REPOSITORY: "acme/app",
          GITHUB_SHA: checkout.head(),
          ...ref,
        },
      });
    },
    push: (message, files) => emulator.pushCommit({ branch: "main", message, files }),
    mainSha: () => origin.git("rev-parse", "refs/heads/main").trim(),
  };
}

function ok(run: ActionRun): void {
  expect(run.stdout, run.stderr).not.toContain("::error");
  expect(run.code, run.stdout).toBe(0);
}

const pulls = (e: Emulator) => e.state.pulls;
const labelsOf = (e: Emulator, n: number) => e.state.pulls.find((p) => p.number === n)!.issue.labels;
const commentsOf = (e: Emulator, n: number) =>
  e.state.pulls.find((p) => p.number === n)!.issue.comments.map((c) => c.body);
const tags = (o: TestRepo) => o.git("tag", "--list").trim().split("\n").filter(Boolean).sort();
/** The write requests a run made, by operation, from the log entries after `from`. */
function writesSince(e: Emulator, from: number): string[] {
  return e.log
    .slice(from)
    .filter((x) => x.method !== "GET")
    .map((x) => `${x.method} ${x.operationId ?? x.path}`);
}

/** v1.1.0 released from pull request `pr` on `merged`: label flipped, one comment, the release's outputs. */
function expectReleased(w: World, run: ActionRun, pr: number, merged: string): void {
  expect(labelsOf(w.emulator, pr)).toEqual(["shipguard: released"]);
  expect(commentsOf(w.emulator, pr)).toEqual([expect.stringContaining("v1.1.0")]);
  expect(run.outputs).toMatchObject({
    released: "true",
    version: "1.1.0",
    tag: "v1.1.0",
    "tag-sha": merged,
    "pr-number": String(pr),
  });
}

describe.concurrent("release-mode: pull-request, on the emulator", () => {
  it("opens one pull request: one commit with the changelog on shipguard/release/main on top of main, the proposal in its marker, labelled pending; nothing is tagged; one tree, one commit, one ref", async (ctx) => {
    const w = await world(ctx);
    const head = w.mainSha();
    const from = w.emulator.log.length;
    const run = await w.release(w.checkout());
    ok(run);

    expect(pulls(w.emulator)).toHaveLength(1);
    const pr = pulls(w.emulator)[0]!;
    expect(pr.issue.title).toBe("chore(main): release 1.1.0");
    expect([pr.head, pr.base]).toEqual([BRANCH, "main"]);
    expect(labelsOf(w.emulator, pr.number)).toEqual(["shipguard: pending"]);
    expect(pr.issue.body).toContain("export to CSV");
    expect(readProposal(pr.issue.body ?? "")?.releases).toEqual([
      expect.objectContaining({ path: ".", version: "1.1.0", tag: "v1.1.0", previousTag: "v1.0.0" }),
    ]);
    // The release commit: one, on main's tip, carrying the changelog; signed by GitHub.
    expect(w.origin.git("rev-parse", `${BRANCH}^`).trim()).toBe(head);
    expect(w.origin.git("diff", "--name-only", head, BRANCH).trim()).toBe("CHANGELOG.md");
    const changelog = w.origin.git("show", `${BRANCH}:CHANGELOG.md`);
    // The notes go after the title block and above the previous release; the rest stays byte for byte.
    expect(changelog).toMatch(
      /^# Changelog\n\nAll notable changes\.\n\n## \[1\.1\.0\][\s\S]*export to CSV[\s\S]*\n## 1\.0\.0\n\n- the start\n$/,
    );
    expect(w.origin.git("log", "-1", "--format=%s", BRANCH).trim()).toBe("chore(main): release 1.1.0");
    expect(tags(w.origin)).toEqual(["v1.0.0"]);

    expect(run.outputs).toMatchObject({
      "pr-number": String(pr.number),
      "pr-url": `https://github.com/acme/app/pull/${pr.number}`,
      version: "1.1.0",
      tag: "v1.1.0",
      released: "false",
      "release-needed": "true",
    });
    expect(run.summary).toContain(`Opened the release pull request #${pr.number} proposing v1.1.0.`);
    expect(
      writesSince(w.emulator, from).filter((x) => x.startsWith("POST git/") || x.startsWith("PATCH git/")),
    ).toEqual([
      "POST git/create-tree",
      "POST git/create-commit",
      expect.stringMatching(/^(POST git\/create-ref|PATCH git\/update-ref)$/),
    ]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("updates the same pull request on a new commit: the branch moves to a fresh commit on the new tip, title, body and version follow", async (ctx) => {
    const w = await world(ctx);
    ok(await w.release(w.checkout()));
    const first = pulls(w.emulator)[0]!;
    const fix = w.push("fix: the CSV header", { "src/export.ts": "y\n" });
    let run = await w.release(w.checkout());
    ok(run);
    expect(pulls(w.emulator)).toHaveLength(1);
    expect(w.origin.git("rev-parse", `${BRANCH}^`).trim()).toBe(fix);
    expect(first.issue.body).toContain("the CSV header");
    expect(first.issue.title).toBe("chore(main): release 1.1.0");
    expect(run.summary).toContain(`#${first.number}`);

    const breaking = w.push("feat!: CSV only", { "src/export.ts": "z\n" });
    run = await w.release(w.checkout());
    ok(run);
    expect(pulls(w.emulator)).toHaveLength(1);
    expect(first.issue.title).toBe("chore(main): release 2.0.0");
    expect(readProposal(first.issue.body ?? "")?.releases[0]).toMatchObject({
      version: "2.0.0",
      tag: "v2.0.0",
    });
    expect(w.origin.git("rev-parse", `${BRANCH}^`).trim()).toBe(breaking);
    expect(w.origin.git("rev-list", "--count", `${breaking}..${BRANCH}`).trim()).toBe("1");
    expect(run.outputs).toMatchObject({
      "pr-number": String(first.number),
      version: "2.0.0",
      released: "false",
    });
    expect(run.stdout + run.summary).toContain(`Updated the release pull request #${first.number}`);
    expect(w.emulator.violations).toEqual([]);
  });

  it.for<MergeMethod>(["merge", "squash", "rebase"])(
    "merged by %s: the next run tags the merged commit and publishes the release with the proposed notes, flips the label and comments; a re-run adds nothing",
    async (method, ctx) => {
      const w = await world(ctx);
      ok(await w.release(w.checkout()));
      const pr = pulls(w.emulator)[0]!;
      const merged = w.emulator.mergePullRequest(pr.number, method);
      expect(w.mainSha()).toBe(merged);

      const run = await w.release(w.checkout());
      ok(run);
      expect(tags(w.origin)).toEqual(["v1.0.0", "v1.1.0"]);
      expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(merged);
      const releases = w.emulator.state.releases.filter((r) => r.tagName === "v1.1.0");
      expect(releases).toHaveLength(1);
      expect(releases[0]!.draft).toBe(false);
      expect(releases[0]!.makeLatest).toBe("true");
      expect(releases[0]!.body).toContain("export to CSV");
      expectReleased(w, run, pr.number, merged);
      expect(run.summary).toContain(`Released the merged release pull request #${pr.number}`);
      // No new pull request proposes anything from the release commit.
      expect(pulls(w.emulator)).toHaveLength(1);

      const from = w.emulator.log.length;
      const again = await w.release(w.checkout());
      ok(again);
      expect(again.outputs.released).toBe("true");
      expect(writesSince(w.emulator, from)).toEqual([]);
      expect(w.emulator.state.releases.filter((r) => r.tagName === "v1.1.0")).toHaveLength(1);
      expect(commentsOf(w.emulator, pr.number)).toHaveLength(1);
      expect(w.emulator.violations).toEqual([]);
    },
  );

  it("two runs at once give one pull request, and on its merge one tag, one release and one comment; both runs succeed", async (ctx) => {
    const w = await world(ctx);
    const [a, b] = [w.checkout(), w.checkout()];
    const runs = await Promise.all([w.release(a), w.release(b)]);
    for (const run of runs) ok(run);
    expect(pulls(w.emulator)).toHaveLength(1);
    const pr = pulls(w.emulator)[0]!;
    expect(runs.map((r) => r.outputs["pr-number"])).toEqual([String(pr.number), String(pr.number)]);
    expect(labelsOf(w.emulator, pr.number)).toEqual(["shipguard: pending"]);

    const merged = w.emulator.mergePullRequest(pr.number, "squash");
    const [c, d] = [w.checkout(), w.checkout()];
    const releases = await Promise.all([w.release(c), w.release(d)]);
    for (const run of releases) ok(run);
    expect(tags(w.origin)).toEqual(["v1.0.0", "v1.1.0"]);
    expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(merged);
    expect(w.emulator.state.releases.filter((r) => r.tagName === "v1.1.0" && !r.draft)).toHaveLength(1);
    expect(releases.map((r) => r.outputs.released)).toEqual(["true", "true"]);
    expect(labelsOf(w.emulator, pr.number)).toEqual(["shipguard: released"]);
    expect(commentsOf(w.emulator, pr.number)).toHaveLength(1);
    expect(w.emulator.violations).toEqual([]);
  });

  it("closes the pull request with a comment when nothing release-worthy is left", async (ctx) => {
    const w = await world(ctx);
    ok(await w.release(w.checkout()));
    const pr = pulls(w.emulator)[0]!;
    const feature = w.origin.git("rev-parse", "main~0").trim();
    w.push(`Revert "feat: export to CSV"\n\nThis reverts commit ${feature}.`, { "src/export.ts": "" });
    const run = await w.release(w.checkout());
    ok(run);
    expect(pr.issue.state).toBe("closed");
    expect(pr.merged).toBe(false);
    expect(commentsOf(w.emulator, pr.number)).toEqual([
      expect.stringContaining("nothing on `main` calls for a release"),
    ]);
    expect(run.outputs).toMatchObject({
      "pr-number": String(pr.number),
      released: "false",
      "release-needed": "false",
    });
    expect(run.summary).toContain(`Closed the release pull request #${pr.number}`);
    expect(tags(w.origin)).toEqual(["v1.0.0"]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("with version-files the commit sets them (and the lockfile next to package.json) and writes no changelog; the merged commit carries them", async (ctx) => {
    const pkg = '{\n  "name": "app",\n  "version": "1.0.0"\n}\n';
    const lock =
      '{\n  "name": "app",\n  "version": "1.0.0",\n  "lockfileVersion": 3,\n  "packages": {\n    "": {\n      "name": "app",\n      "version": "1.0.0"\n    }\n  }\n}\n';
    const w = await world(ctx, (o) => {
      o.change("chore: start", { "package.json": pkg, "package-lock.json": lock });
      o.tag("v1.0.0", { annotated: true });
      o.change("feat: export to CSV", { "src/export.ts": "x\n" });
    });
    ok(await w.release(w.checkout(), { "version-files": "package.json" }));
    const changed = w.origin.git("diff", "--name-only", "main", BRANCH).trim().split("\n").sort();
    expect(changed).toEqual(["package-lock.json", "package.json"]);
    expect(w.origin.git("show", `${BRANCH}:package.json`)).toBe(pkg.replace("1.0.0", "1.1.0"));
    const pr = pulls(w.emulator)[0]!;
    const merged = w.emulator.mergePullRequest(pr.number, "rebase");
    ok(await w.release(w.checkout(), { "version-files": "package.json" }));
    expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(merged);
    expect(w.origin.git("show", "v1.1.0:package.json")).toBe(pkg.replace("1.0.0", "1.1.0"));
    expect(w.origin.git("show", "v1.1.0:package-lock.json")).toBe(lock.replaceAll("1.0.0", "1.1.0"));
    expect(w.emulator.violations).toEqual([]);
  });

  it("proposes nothing from a release branch itself (a workflow that runs on every branch)", async (ctx) => {
    const w = await world(ctx);
    ok(await w.release(w.checkout()));
    const checkout = w.checkout();
    checkout.git("checkout", "-q", "-b", BRANCH, `origin/${BRANCH}`);
    const run = await w.release(checkout, {}, { GITHUB_REF_TYPE: "branch", GITHUB_REF_NAME: BRANCH });
    ok(run);
    expect(run.stdout).toContain("is a release pull request's branch: nothing is proposed from it");
    expect(pulls(w.emulator)).toHaveLength(1);
    expect(pulls(w.emulator)[0]!.base).toBe("main");
  });

  it("a push that lands before the merge's run: its run releases the merged pull request on the merge commit, and the merge's own run then changes nothing", async (ctx) => {
    const w = await world(ctx);
    ok(await w.release(w.checkout()));
    const pr = pulls(w.emulator)[0]!;
    const merged = w.emulator.mergePullRequest(pr.number, "merge");
    const early = w.checkout();
    // Another push (a docs change) lands, and its run happens first.
    w.push("docs: the README", { "README.md": "more\n" });
    const later = await w.release(w.checkout());
    ok(later);
    expect(later.stdout).not.toContain("are already on main");
    expect(tags(w.origin)).toEqual(["v1.0.0", "v1.1.0"]);
    expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(merged);
    expect(labelsOf(w.emulator, pr.number)).toEqual(["shipguard: released"]);
    // A docs change is not release-worthy: no new pull request.
    expect(pulls(w.emulator)).toHaveLength(1);
    // The merge's own run, queued behind it, finds everything done.
    const from = w.emulator.log.length;
    const own = await w.release(early);
    ok(own);
    expect(own.outputs).toMatchObject({ released: "true", tag: "v1.1.0", "tag-sha": merged });
    expect(writesSince(w.emulator, from)).toEqual([]);
    expect(commentsOf(w.emulator, pr.number)).toHaveLength(1);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a release proposed on a maintenance branch is never marked latest once merged, as in direct mode", async (ctx) => {
    const w = await world(ctx);
    const inputs = { "maintenance-branches": "main" };
    ok(await w.release(w.checkout(), inputs));
    const pr = pulls(w.emulator)[0]!;
    w.emulator.mergePullRequest(pr.number, "squash");
    ok(await w.release(w.checkout(), inputs));
    const published = w.emulator.state.releases.filter((r) => r.tagName === "v1.1.0");
    expect(published.map((r) => [r.draft, r.makeLatest])).toEqual([[false, "false"]]);
  });

  it("a dry run shows the release commit's diff and the title, and calls nothing on GitHub", async (ctx) => {
    const w = await world(ctx);
    const from = w.emulator.log.length;
    const run = await w.release(w.checkout(), { "dry-run": "true" });
    ok(run);
    expect(w.emulator.log.length).toBe(from);
    expect(pulls(w.emulator)).toHaveLength(0);
    expect(run.outputs).toMatchObject({ version: "1.1.0", released: "false", "pr-number": "", "pr-url": "" });
    expect(run.summary).toContain('titled "chore(main): release 1.1.0"');
    expect(run.summary).toMatch(
      /```diff\n--- a\/CHANGELOG\.md\n\+\+\+ b\/CHANGELOG\.md\n[\s\S]*\+## \[1\.1\.0\]/,
    );
  });

  it("fails with SG_PR_CREATION_FORBIDDEN, naming the setting, when Actions may not create pull requests", async (ctx) => {
    const w = await world(ctx, single, { forbidPullRequestCreation: true });
    const run = await w.release(w.checkout());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("SG_PR_CREATION_FORBIDDEN");
    expect(run.stdout).toMatch(/Allow GitHub Actions to create and approve pull requests/);
    expect(pulls(w.emulator)).toHaveLength(0);
    expect(tags(w.origin)).toEqual(["v1.0.0"]);
  });

  it("a token without pull-requests (release.yml's GITHUB_TOKEN) fails naming the permission, before anything is written", async (ctx) => {
    const w = await world(ctx, single, { permissions: { contents: "write" } });
    const from = w.emulator.log.length;
    const run = await w.release(w.checkout());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/pull-requests: (read|write)/);
    expect(writesSince(w.emulator, from)).toEqual([]);
    expect(w.origin.git("branch", "--list", BRANCH).trim()).toBe("");
  });

  it("a monorepo's pull request lists its packages, each with its own changelog, and releases each on merge", async (ctx) => {
    const settings = "packages:\n  packages/api: {}\n  packages/web: {}\n";
    const w = await world(ctx, (o) => {
      o.change("chore: start", { "packages/api/a.ts": "1\n", "packages/web/a.ts": "1\n" });
      for (const t of ["api-v1.0.0", "web-v1.0.0"]) o.tag(t, { annotated: true });
      o.change("feat(api): the routes", { "packages/api/routes.ts": "x\n" });
      o.change("fix(web): the crash", { "packages/web/load.ts": "x\n" });
      // The settings file is on main, as it is in a repository that uses it.
      o.change("chore: settings", { ".github/shipguard.yml": settings });
    });
    const run = await w.release(w.checkout());
    ok(run);
    const pr = pulls(w.emulator)[0]!;
    expect(pr.issue.title).toBe("chore(main): release");
    expect(pr.issue.body).toContain("- `packages/api`: `api-v1.0.0` → `api-v1.1.0`");
    expect(pr.issue.body).toContain("- `packages/web`: `web-v1.0.0` → `web-v1.0.1`");
    expect(readProposal(pr.issue.body ?? "")?.releases.map((r) => r.tag)).toEqual([
      "api-v1.1.0",
      "web-v1.0.1",
    ]);
    const changed = w.origin.git("diff", "--name-only", "main", BRANCH).trim().split("\n").sort();
    expect(changed).toEqual(["packages/api/CHANGELOG.md", "packages/web/CHANGELOG.md"]);
    expect(JSON.parse(run.outputs["released-packages"] ?? "")).toEqual([]);

    const merged = w.emulator.mergePullRequest(pr.number, "merge");
    ok(await w.release(w.checkout()));
    for (const t of ["api-v1.1.0", "web-v1.0.1"])
      expect(w.origin.git("rev-parse", `${t}^{commit}`).trim(), t).toBe(merged);
    expect(labelsOf(w.emulator, pr.number)).toEqual(["shipguard: released"]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("writes one tree, one commit and one ref for 100 packages, plus the pull request and label calls", async (ctx) => {
    const paths = Array.from({ length: 100 }, (_, i) => `packages/p${String(i).padStart(3, "0")}`);
    const w = await world(ctx, (o) => {
      o.change("chore: start", Object.fromEntries(paths.map((p) => [`${p}/a.ts`, "1\n"])));
      o.change(
        "feat: everywhere",
        Object.fromEntries([
          ...paths.map((p) => [`${p}/a.ts`, "2\n"]),
          [".github/shipguard.yml", `packages:\n${paths.map((p) => `  ${p}: {}\n`).join("")}`],
        ]),
      );
    });
    const from = w.emulator.log.length;
    ok(await w.release(w.checkout()));
    expect(writesSince(w.emulator, from).sort()).toEqual(
      [
        "POST git/create-tree",
        "POST git/create-commit",
        "POST git/create-ref",
        "POST pulls/create",
        "POST issues/add-labels",
      ].sort(),
    );
    const pr = pulls(w.emulator)[0]!;
    expect(readProposal(pr.issue.body ?? "")?.releases).toHaveLength(100);
    expect(w.origin.git("diff", "--name-only", "main", BRANCH).trim().split("\n")).toHaveLength(100);
  });

  it("needs GitHub: the CLI without --repo refuses pull-request mode with a code naming the option, and writes nothing", async (ctx) => {
    const repo = new TestRepo();
    ctx.onTestFinished(() => repo.remove());
    single(repo);
    const run = await runCli(repo.dir, ["release", "--release-mode", "pull-request"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("SG_RELEASE_PR_NEEDS_GITHUB");
    expect(run.stderr).toContain("release-mode");
    expect(run.stderr).toContain("--repo");
    expect(tags(repo)).toEqual(["v1.0.0"]);
    const typo = await runCli(repo.dir, ["release", "--release-mode", "pr"]);
    expect(typo.stderr).toContain("SG_INPUT_INVALID");
    expect(typo.stderr).toMatch(/`direct` or `pull-request`/);
  });

  it("refuses a detached HEAD (no branch to propose to) with SG_RELEASE_PR_NO_BRANCH", async (ctx) => {
    const w = await world(ctx);
    const checkout = w.checkout();
    checkout.git("checkout", "-q", "--detach");
    const run = await w.release(checkout, {}, { GITHUB_REF_TYPE: "tag", GITHUB_REF_NAME: "v1.0.0" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("SG_RELEASE_PR_NO_BRANCH");
    expect(pulls(w.emulator)).toHaveLength(0);
  });
});

/** The run that opens the release pull request, then its merge by `method`. */
async function openedAndMerged(w: World, method: MergeMethod) {
  ok(await w.release(w.checkout()));
  const pr = pulls(w.emulator)[0]!;
  return { pr, merged: w.emulator.mergePullRequest(pr.number, method) };
}

describe.concurrent("release-mode: pull-request, a merged release pull request whose own run never ran", () => {
  it.for<MergeMethod>(["merge", "squash", "rebase"])(
    "merged by %s: the next push's run releases it on its merge commit (not HEAD), flips the label, comments once, then proposes the new commits in a fresh pull request; a re-run changes nothing",
    async (method, ctx) => {
      const w = await world(ctx);
      const { pr, merged } = await openedAndMerged(w, method);
      // The merge's run is cancelled; the next push lands.
      const head = w.push("feat: import from CSV", { "src/import.ts": "x\n" });
      const from = w.emulator.log.length;
      const run = await w.release(w.checkout());
      ok(run);
      expect(run.stdout).toContain(`The release pull request #${pr.number} was merged as ${merged}`);
      expect(tags(w.origin)).toEqual(["v1.0.0", "v1.1.0"]);
      expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(merged);
      expect(merged).not.toBe(head);
      const releases = w.emulator.state.releases.filter((r) => r.tagName === "v1.1.0");
      expect(releases.map((r) => [r.draft, r.makeLatest])).toEqual([[false, "true"]]);
      expect(releases[0]!.body).toContain("export to CSV");
      expect(releases[0]!.body).not.toContain("import from CSV");
      // The outputs are the release's, for a deploy job; the new proposal is in the steps.
      expectReleased(w, run, pr.number, merged);
      expect(commentsOf(w.emulator, pr.number)[0]).toContain(merged);

      // Then HEAD's new commits, after v1.1.0, in a fresh pull request.
      expect(pulls(w.emulator)).toHaveLength(2);
      const fresh = pulls(w.emulator)[1]!;
      expect(fresh.issue.state).toBe("open");
      expect(fresh.issue.title).toBe("chore(main): release 1.2.0");
      expect(labelsOf(w.emulator, fresh.number)).toEqual(["shipguard: pending"]);
      expect(readProposal(fresh.issue.body ?? "")?.releases).toEqual([
        expect.objectContaining({ version: "1.2.0", tag: "v1.2.0", previousTag: "v1.1.0" }),
      ]);
      expect(fresh.issue.body).toContain("import from CSV");
      expect(fresh.issue.body).not.toContain("export to CSV");
      expect(w.origin.git("rev-parse", `${BRANCH}^`).trim()).toBe(head);
      expect(run.summary).toContain(`Opened the release pull request #${fresh.number}`);
      // One list of merged pull requests, one of the commit's pull requests, one of the open one.
      const reads = w.emulator.log.slice(from).filter((x) => x.method === "GET");
      expect(reads.filter((x) => x.operationId === "pulls/list")).toHaveLength(2);

      const again = w.emulator.log.length;
      const rerun = await w.release(w.checkout());
      ok(rerun);
      expect(
        writesSince(w.emulator, again).filter((x) => !x.includes("git/") && !x.includes("pulls/update")),
      ).toEqual([]);
      expect(tags(w.origin)).toEqual(["v1.0.0", "v1.1.0"]);
      expect(w.emulator.state.releases.filter((r) => r.tagName === "v1.1.0")).toHaveLength(1);
      expect(commentsOf(w.emulator, pr.number)).toHaveLength(1);
      expect(pulls(w.emulator)).toHaveLength(2);
      expect(rerun.outputs).toMatchObject({
        released: "false",
        version: "1.2.0",
        "pr-number": String(fresh.number),
      });
      expect(w.emulator.violations).toEqual([]);
    },
  );

  it("the merge's run and the next push's run at once give one tag, one release and one comment, and both succeed", async (ctx) => {
    const w = await world(ctx);
    const { pr, merged } = await openedAndMerged(w, "squash");
    const own = w.checkout();
    w.push("feat: import from CSV", { "src/import.ts": "x\n" });
    const next = w.checkout();
    const runs = await Promise.all([w.release(own), w.release(next)]);
    for (const run of runs) ok(run);
    expect(tags(w.origin)).toEqual(["v1.0.0", "v1.1.0"]);
    expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(merged);
    expect(w.emulator.state.releases.filter((r) => r.tagName === "v1.1.0" && !r.draft)).toHaveLength(1);
    expect(labelsOf(w.emulator, pr.number)).toEqual(["shipguard: released"]);
    expect(commentsOf(w.emulator, pr.number)).toHaveLength(1);
    expect(runs[0]!.outputs).toMatchObject({ released: "true", tag: "v1.1.0" });
    // The next push's run proposes what came after v1.1.0, whichever run released it.
    const open = pulls(w.emulator).filter((p) => p.issue.state === "open");
    expect(open.map((p) => p.issue.title)).toEqual(["chore(main): release 1.2.0"]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a shallow checkout (actions/checkout's default depth) fetches the history to find the merge, and releases it", async (ctx) => {
    const w = await world(ctx);
    const { pr, merged } = await openedAndMerged(w, "merge");
    w.push("docs: the README", { "README.md": "more\n" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-shallow-"));
    ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${w.origin.dir}`, dir]);
    const run = await w.release(new TestRepo(dir));
    ok(run);
    expect(run.stdout).not.toContain("not in the history");
    expect(w.origin.git("rev-parse", "v1.1.0^{commit}").trim()).toBe(merged);
    expect(labelsOf(w.emulator, pr.number)).toEqual(["shipguard: released"]);
  });

  it("a merged one whose merge commit is not in HEAD's history (a force-push) is skipped with a warning naming it", async (ctx) => {
    const w = await world(ctx);
    const before = w.mainSha();
    const { pr, merged } = await openedAndMerged(w, "merge");
    // Someone force-pushes main back to before the merge, then a commit lands.
    w.origin.git("update-ref", "refs/heads/main", before);
    w.push("fix: the CSV header", { "src/export.ts": "y\n" });
    const run = await w.release(w.checkout());
    ok(run);
    expect(run.stdout).toMatch(
      new RegExp(
        `::warning[^\\n]*#${pr.number} \\(https://github.com/acme/app/pull/${pr.number}\\)[^\\n]*${merged}[^\\n]*not in the history`,
      ),
    );
    expect(tags(w.origin)).toEqual(["v1.0.0"]);
    expect(labelsOf(w.emulator, pr.number)).toEqual(["shipguard: pending"]);
    // What main has now is proposed again, in a new pull request.
    const open = pulls(w.emulator).filter((p) => p.issue.state === "open");
    expect(open.map((p) => p.issue.title)).toEqual(["chore(main): release 1.1.0"]);
    expect(w.emulator.violations).toEqual([]);
  });
});

/** A fork's pull request from a branch named like the release branch, labelled pending, proposing v9.9.9. */
function forgedForkPull(w: World) {
  const body = proposalBody({
    base: "main",
    releases: [
      {
        path: ".",
        component: "app",
        version: "9.9.9",
        tag: "v9.9.9",
        previousTag: "v1.0.0",
        prerelease: false,
        notes: "forged notes",
      },
    ],
  });
  return w.emulator.seedForkPullRequest({
    forkOwner: "mallory",
    branch: BRANCH,
    title: "chore(main): release 9.9.9",
    body,
    labels: ["shipguard: pending"],
    message: "chore(main): release 9.9.9",
    files: { VERSION: "9.9.9\n" },
  });
}

/** Write requests that name pull request (or issue) `n`. */
function writesTo(e: Emulator, n: number): string[] {
  const about = new RegExp(`/(pulls|issues)/${n}(/|$)`);
  return e.log.filter((x) => x.method !== "GET" && about.test(x.path)).map((x) => `${x.method} ${x.path}`);
}

describe.concurrent("release-mode: pull-request, a fork's pull request from a branch named shipguard/release/main", () => {
  it.for<MergeMethod>(["merge", "squash"])(
    "merged by %s with the label and a forged marker: neither the merge's run nor a later push's run tags or releases it; the merge's run warns naming it and computes from history as usual",
    async (method, ctx) => {
      const w = await world(ctx);
      const fork = forgedForkPull(w);
      expect(readProposal(fork.issue.body ?? "")?.releases[0]?.tag).toBe("v9.9.9");
      const merged = w.emulator.mergePullRequest(fork.number, method);
      expect(w.mainSha()).toBe(merged);

      const run = await w.release(w.checkout());
      ok(run);
      expect(tags(w.origin)).toEqual(["v1.0.0"]);
      expect(w.emulator.state.releases).toEqual([]);
      expect(run.stdout).toMatch(
        new RegExp(
          `::warning[^\\n]*#${fork.number} \\(https://github.com/acme/app/pull/${fork.number}\\), merged as ${merged}, comes from a fork[^\\n]*nothing was released`,
        ),
      );
      // Computed from the history: the feature proposes v1.1.0 in shipguard's own pull request.
      expect(run.outputs).toMatchObject({ released: "false", version: "1.1.0", tag: "v1.1.0" });
      const ours = pulls(w.emulator).filter((p) => p.fork === null);
      expect(ours.map((p) => [p.issue.title, p.issue.state])).toEqual([
        ["chore(main): release 1.1.0", "open"],
      ]);
      expect(run.outputs["pr-number"]).toBe(String(ours[0]!.number));
      expect(labelsOf(w.emulator, fork.number)).toEqual(["shipguard: pending"]);
      expect(commentsOf(w.emulator, fork.number)).toEqual([]);

      // A later push's run (the merge's run cancelled, or after it): still nothing from the fork.
      w.push("docs: the README", { "README.md": "more\n" });
      const later = await w.release(w.checkout());
      ok(later);
      expect(tags(w.origin)).toEqual(["v1.0.0"]);
      expect(w.emulator.state.releases).toEqual([]);
      expect(later.outputs).toMatchObject({ released: "false", version: "1.1.0" });
      expect(later.stdout + later.summary).not.toContain("9.9.9");
      expect(writesTo(w.emulator, fork.number)).toEqual([]);
      expect(w.emulator.violations).toEqual([]);
    },
  );

  it("open, it is never updated, labelled or closed: shipguard opens its own beside it, and closes only its own when nothing is left", async (ctx) => {
    const w = await world(ctx);
    const fork = forgedForkPull(w);
    const { title, body } = fork.issue;
    const run = await w.release(w.checkout());
    ok(run);
    const ours = pulls(w.emulator).find((p) => p.fork === null)!;
    expect(ours.number).not.toBe(fork.number);
    expect(ours.issue.title).toBe("chore(main): release 1.1.0");
    expect(run.outputs["pr-number"]).toBe(String(ours.number));

    const feature = w.mainSha();
    w.push(`Revert "feat: export to CSV"\n\nThis reverts commit ${feature}.`, { "src/export.ts": "" });
    const revert = await w.release(w.checkout());
    ok(revert);
    expect(ours.issue.state).toBe("closed");
    expect(revert.outputs["pr-number"]).toBe(String(ours.number));
    expect(fork.issue).toMatchObject({ state: "open", title, body, labels: ["shipguard: pending"] });
    expect(commentsOf(w.emulator, fork.number)).toEqual([]);
    expect(writesTo(w.emulator, fork.number)).toEqual([]);
    expect(tags(w.origin)).toEqual(["v1.0.0"]);
    expect(w.emulator.violations).toEqual([]);
  });
});

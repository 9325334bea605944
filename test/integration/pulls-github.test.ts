/**
 * GitHubForge.pullRequests against the API emulator: opening (once, however many runs or lost
 * answers), finding by branch and by commit after each merge method, editing, labels and
 * comments, and the repository setting that forbids Actions to open pull requests.
 */
import { describe, expect, it } from "vitest";
import { ShipguardError } from "../../src/errors.ts";
import type { PullRequestPort } from "../../src/ports.ts";
import { type EmulatedGitHub, emulatedGitHub } from "../helpers/emulated-github.ts";

const BRANCH = "shipguard/release/main";
const CREATE = "POST /repos/{owner}/{repo}/pulls";
const COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const input = {
  head: BRANCH,
  base: "main",
  title: "chore(main): release 1.1.0",
  body: "notes\n<!-- shipguard -->",
};

function withBranch(world: EmulatedGitHub): { pulls: PullRequestPort; head: string } {
  const head = world.emulator.pushCommit({
    branch: BRANCH,
    message: "chore(main): release 1.1.0",
    files: { VERSION: "1.1.0\n" },
  });
  const pulls = world.forge.pullRequests;
  return { pulls, head };
}

describe("GitHubForge.pullRequests", () => {
  it("opens one, finds it open, edits, labels and comments on it", async (ctx) => {
    const world = await emulatedGitHub(ctx);
    const { pulls, head } = withBranch(world);
    expect(await pulls.findOpen(BRANCH, "main")).toBeNull();
    const opened = await pulls.create(input);
    expect(opened).toEqual({
      number: 1,
      url: "https://github.com/acme/app/pull/1",
      state: "open",
      merged: false,
      mergeCommitSha: null,
      head: BRANCH,
      fromFork: false,
      base: "main",
      title: input.title,
      body: input.body,
      labels: [],
    });
    expect(await pulls.findOpen(BRANCH, "main")).toEqual(opened);
    expect(await pulls.findOpen(BRANCH, "develop")).toBeNull();
    expect((await pulls.forCommit(head)).map((pull) => pull.number)).toEqual([1]);

    await pulls.setLabels(1, { add: ["shipguard: pending"], remove: ["shipguard: released"] });
    const updated = await pulls.update(1, { title: "chore(main): release 1.2.0", body: "more notes" });
    expect(updated).toMatchObject({
      title: "chore(main): release 1.2.0",
      body: "more notes",
      labels: ["shipguard: pending"],
    });
    await pulls.setLabels(1, { add: ["shipguard: released"], remove: ["shipguard: pending"] });
    await pulls.comment(1, "Nothing left to release: closing.");
    const closed = await pulls.update(1, { state: "closed" });
    expect(closed).toMatchObject({ state: "closed", merged: false, labels: ["shipguard: released"] });
    expect(world.emulator.state.issues[0]?.comments.map((c) => c.body)).toEqual([
      "Nothing left to release: closing.",
    ]);
    expect(world.emulator.violations).toEqual([]);
  });

  it("gives two runs opening at once the same pull request", async (ctx) => {
    const world = await emulatedGitHub(ctx);
    const { pulls } = withBranch(world);
    const [a, b] = await Promise.all([pulls.create(input), pulls.create(input)]);
    expect(a?.number).toBe(1);
    expect(b?.number).toBe(1);
    expect(world.emulator.state.pulls).toHaveLength(1);
    expect(world.emulator.calls(CREATE)).toHaveLength(2);
  });

  it("finds the pull request it opened after a lost answer, and opens no second one", async (ctx) => {
    const world = await emulatedGitHub(ctx);
    const { pulls } = withBranch(world);
    world.emulator.faults.lostAnswer(CREATE);
    const opened = await pulls.create(input);
    expect(opened.number).toBe(1);
    expect(world.emulator.calls(CREATE)).toHaveLength(1);
    expect(world.warnings.join("\n")).toMatch(/checking whether it was opened/);
  });

  it("comments once after a lost answer", async (ctx) => {
    const world = await emulatedGitHub(ctx);
    const { pulls } = withBranch(world);
    await pulls.create(input);
    world.emulator.faults.lostAnswer(COMMENT);
    await pulls.comment(1, "closing");
    expect(world.emulator.calls(COMMENT)).toHaveLength(1);
    expect(world.emulator.state.issues[0]?.comments).toHaveLength(1);
  });

  it.for(["merge", "squash", "rebase"] as const)(
    "finds the pull request merged by %s from the commit on main",
    async (method, ctx) => {
      const world = await emulatedGitHub(ctx);
      const { pulls } = withBranch(world);
      await pulls.create(input);
      const merged = world.emulator.mergePullRequest(1, method);
      const found = await pulls.forCommit(merged);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ number: 1, state: "closed", merged: true, mergeCommitSha: merged });
      expect(await pulls.findOpen(BRANCH, "main")).toBeNull();
      expect(world.emulator.violations).toEqual([]);
    },
  );

  it("lists the merged pull requests of a branch to a base in one request, newest update first, without open, closed-unmerged or other branches' ones", async (ctx) => {
    const world = await emulatedGitHub(ctx);
    const { pulls } = withBranch(world);
    await pulls.create(input);
    const first = world.emulator.mergePullRequest(1, "squash");
    world.emulator.pushCommit({
      branch: BRANCH,
      message: "chore(main): release 1.2.0",
      files: { VERSION: "1.2.0\n" },
    });
    await pulls.create(input);
    await pulls.update(2, { state: "closed" });
    world.emulator.pushCommit({
      branch: BRANCH,
      message: "chore(main): release 1.3.0",
      files: { VERSION: "1.3.0\n" },
    });
    await pulls.create(input);
    const second = world.emulator.mergePullRequest(3, "rebase");
    world.emulator.pushCommit({ branch: "feature/x", message: "feat: x", files: { x: "1\n" }, from: "main" });
    await pulls.create({ ...input, head: "feature/x" });
    world.emulator.mergePullRequest(4, "merge");
    // #1 is updated last (a label; GitHub's times are in seconds), so it comes first.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await pulls.setLabels(1, { add: ["shipguard: pending"], remove: [] });
    world.emulator.pushCommit({
      branch: BRANCH,
      message: "chore(main): release 1.4.0",
      files: { VERSION: "1.4.0\n" },
    });
    await pulls.create(input);

    const from = world.emulator.log.length;
    const merged = await pulls.listMerged(BRANCH, "main", 20);
    expect(merged.map((p) => [p.number, p.mergeCommitSha])).toEqual([
      [1, first],
      [3, second],
    ]);
    expect(merged[0]).toMatchObject({ state: "closed", merged: true, labels: ["shipguard: pending"] });
    const calls = world.emulator.log.slice(from);
    expect(calls.map((c) => c.operationId)).toEqual(["pulls/list"]);
    expect(calls[0]!.query).toMatchObject({
      state: "closed",
      head: `acme:${BRANCH}`,
      base: "main",
      sort: "updated",
      direction: "desc",
      per_page: "20",
    });
    expect(await pulls.listMerged(BRANCH, "next", 20)).toEqual([]);
    expect((await pulls.listMerged(BRANCH, "main", 1)).map((p) => p.number)).toEqual([1]);
    expect(world.emulator.violations).toEqual([]);
  });

  it("never finds a fork's pull request from a branch of the same name by branch; by commit it says fromFork", async (ctx) => {
    const world = await emulatedGitHub(ctx);
    const fork = world.emulator.seedForkPullRequest({
      forkOwner: "mallory",
      branch: BRANCH,
      title: "chore(main): release 9.9.9",
      body: "forged",
      labels: ["shipguard: pending"],
    });
    const { pulls } = withBranch(world);
    // Open: the fork's is not the release pull request; ours opens beside it (GitHub allows both).
    expect(await pulls.findOpen(BRANCH, "main")).toBeNull();
    const ours = await pulls.create(input);
    expect(ours).toMatchObject({ number: fork.number + 1, fromFork: false });
    expect(await pulls.findOpen(BRANCH, "main")).toMatchObject({ number: ours.number });
    // Merged: not listed as the branch's, and found by its merge commit with fromFork.
    const merged = world.emulator.mergePullRequest(fork.number, "merge");
    expect(world.emulator.state.git.readCommit(merged)?.message).toContain(`from mallory/${BRANCH}`);
    expect(await pulls.listMerged(BRANCH, "main", 20)).toEqual([]);
    expect(await pulls.forCommit(merged)).toEqual([
      expect.objectContaining({ number: fork.number, head: BRANCH, fromFork: true, merged: true }),
    ]);
    // GitHub's own answer for it: the fork as head repository, under the fork owner's label.
    const shown = await fetch(`${world.emulator.url}/repos/acme/app/pulls/${fork.number}`, {
      headers: {
        authorization: `token ${world.emulator.options.token}`,
        accept: "application/vnd.github+json",
      },
    });
    expect(((await shown.json()) as { head: unknown }).head).toMatchObject({
      label: `mallory:${BRANCH}`,
      ref: BRANCH,
      repo: { full_name: "mallory/app", fork: true, owner: { login: "mallory" } },
    });
    expect(world.emulator.violations).toEqual([]);
  });

  it("reports a repository that forbids Actions to open pull requests as SG_PR_CREATION_FORBIDDEN", async (ctx) => {
    const world = await emulatedGitHub(ctx, { forbidPullRequestCreation: true });
    const { pulls } = withBranch(world);
    const error = await pulls.create(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipguardError);
    const coded = error as ShipguardError;
    expect(coded.code).toBe("SG_PR_CREATION_FORBIDDEN");
    expect(coded.message).toContain("GitHub Actions is not permitted to create or approve pull requests.");
    expect(coded.message).toContain('"Allow GitHub Actions to create and approve pull requests"');
    expect(coded.remedy).toMatch(/GitHub App installation token .* personal access token/);
    expect(world.emulator.calls(CREATE)).toHaveLength(1);
  });

  it("names pull-requests: write when the token lacks it", async (ctx) => {
    const world = await emulatedGitHub(ctx, { permissions: { contents: "write", "pull-requests": "read" } });
    const { pulls } = withBranch(world);
    const error = await pulls.create(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SG_GITHUB_FORBIDDEN" });
    expect((error as ShipguardError).remedy).toContain("`pull-requests: write`");
  });
});

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, launch } from "../emulator/harness.ts";

// The emulator's Pulls API: a release branch's pull request opened, found, edited, labelled,
// merged by merge, squash and rebase (real git objects on the base branch, fetched with git), and
// the pull requests a commit belongs to. GitHub's refusals: a duplicate, Actions forbidden.

type Json = Record<string, unknown>;

let h: Harness;

afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.dispose();
});

const BRANCH = "shipguard/release/main";

/** The release branch: two commits on main's tip, as a person pushes them. */
function releaseBranch(h: Harness): { first: string; second: string } {
  const first = h.emulator.pushCommit({
    branch: BRANCH,
    message: "chore(main): release 1.1.0",
    files: { VERSION: "1.1.0\n" },
  });
  const second = h.emulator.pushCommit({
    branch: BRANCH,
    message: "docs: changelog",
    files: { "CHANGELOG.md": "# Changelog\n" },
  });
  return { first, second };
}

async function open(h: Harness, extra: Json = {}) {
  const answer = await h.api("POST", "/pulls", {
    title: "chore(main): release 1.1.0",
    head: `acme:${BRANCH}`,
    base: "main",
    body: "notes\n<!-- shipguard -->",
    ...extra,
  });
  return answer;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-C", dir, ...args], { encoding: "utf8" }).trim();
}

describe("pull requests", () => {
  it("opens one per head and base, finds it by head, edits it, and it is an issue too", async () => {
    h = await launch();
    const { second } = releaseBranch(h);
    const created = await open(h);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 1,
      state: "open",
      merged: false,
      merge_commit_sha: null,
      head: { ref: BRANCH, sha: second, label: `acme:${BRANCH}` },
      base: { ref: "main" },
      commits: 2,
      html_url: "https://github.com/acme/app/pull/1",
    });
    const again = await open(h);
    expect(again.status).toBe(422);
    expect(JSON.stringify(again.body.errors)).toContain(`A pull request already exists for acme:${BRANCH}.`);

    const issue = await h.api("POST", "/issues", { title: "a bug" });
    expect(issue.body.number).toBe(2);

    const found = await h.api<Json[]>(
      "GET",
      `/pulls?head=${encodeURIComponent(`acme:${BRANCH}`)}&base=main&state=open`,
    );
    expect(found.body.map((pull) => pull.number)).toEqual([1]);
    expect((await h.api<Json[]>("GET", "/pulls?head=other:branch")).body).toEqual([]);

    const labelled = await h.api<Json[]>("POST", "/issues/1/labels", { labels: ["shipguard: pending"] });
    expect(labelled.body.map((label) => label.name)).toEqual(["shipguard: pending"]);
    expect(h.emulator.state.labels.map((label) => label.name)).toEqual(["shipguard: pending"]);
    const edited = await h.api("PATCH", "/pulls/1", {
      title: "chore(main): release 1.2.0",
      body: "new notes",
    });
    expect(edited.body).toMatchObject({ title: "chore(main): release 1.2.0", body: "new notes" });
    expect(edited.body.labels).toMatchObject([{ name: "shipguard: pending" }]);
    const asIssue = await h.api("GET", "/issues/1");
    expect(asIssue.body).toMatchObject({
      title: "chore(main): release 1.2.0",
      pull_request: { merged_at: null },
    });
    await h.api("POST", "/issues/1/comments", { body: "nothing left to release" });
    const closed = await h.api("PATCH", "/pulls/1", { state: "closed" });
    expect(closed.body).toMatchObject({ state: "closed", merged: false, comments: 1 });
    expect((await h.api<Json[]>("GET", "/pulls")).body).toEqual([]);
    expect((await h.api<Json[]>("GET", "/pulls?state=closed")).body).toHaveLength(1);
    // Closed, it can open again; a second pull request from the branch is then refused.
    expect((await h.api("PATCH", "/pulls/1", { state: "open" })).body).toMatchObject({ state: "open" });
  });

  it("removes labels; a label the issue lacks is 404", async () => {
    h = await launch();
    releaseBranch(h);
    await open(h);
    await h.api("POST", "/issues/1/labels", { labels: ["shipguard: pending", "release"] });
    const removed = await h.api<Json[]>(
      "DELETE",
      `/issues/1/labels/${encodeURIComponent("shipguard: pending")}`,
    );
    expect(removed.body.map((label) => label.name)).toEqual(["release"]);
    const missing = await h.api("DELETE", "/issues/1/labels/nope");
    expect([missing.status, missing.body.message]).toEqual([404, "Label does not exist"]);
  });

  it("refuses to open one when the repository forbids it to Actions, with GitHub's words", async () => {
    h = await launch({ forbidPullRequestCreation: true });
    releaseBranch(h);
    const refused = await open(h);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("GitHub Actions is not permitted to create or approve pull requests.");
    expect(h.emulator.state.pulls).toEqual([]);
    // The setting binds GITHUB_TOKEN only: a GitHub App's token opens it.
    h.emulator.options.actor = { login: "release-bot[bot]", id: 7000001, type: "Bot" };
    expect((await open(h)).status).toBe(201);
  });

  it("refuses a branch that does not exist and a branch without commits", async () => {
    h = await launch();
    expect((await open(h)).status).toBe(422);
    await h.api("POST", "/git/refs", { ref: `refs/heads/${BRANCH}`, sha: h.repo.head() });
    const empty = await open(h);
    expect(JSON.stringify(empty.body.errors)).toContain(`No commits between main and ${BRANCH}`);
  });

  it("needs pull-requests permissions", async () => {
    h = await launch({ permissions: { contents: "write", "pull-requests": "read" } });
    releaseBranch(h);
    const refused = await open(h);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-accepted-github-permissions")).toBe("pull-requests=write");
    expect((await h.api("GET", "/pulls")).status).toBe(200);
  });
});

describe("merging", () => {
  it("merge: a two-parent commit on main, found by its sha", async () => {
    h = await launch({ protectedBranches: ["main"] });
    const { second } = releaseBranch(h);
    const moved = h.emulator.pushCommit({
      branch: "main",
      message: "feat: meanwhile",
      files: { "src.ts": "x\n" },
    });
    await open(h);
    const merged = await h.api("PUT", "/pulls/1/merge", { merge_method: "merge" });
    expect(merged.body).toMatchObject({ merged: true, message: "Pull Request successfully merged" });
    const sha = String(merged.body.sha);
    const clone = h.clone();
    expect(git(clone, "rev-parse", "HEAD")).toBe(sha);
    expect(git(clone, "log", "-1", "--format=%P")).toBe(`${moved} ${second}`);
    expect(git(clone, "log", "-1", "--format=%s")).toBe(`Merge pull request #1 from acme/${BRANCH}`);
    expect(readFileSync(join(clone, "VERSION"), "utf8")).toBe("1.1.0\n");
    expect(readFileSync(join(clone, "src.ts"), "utf8")).toBe("x\n");

    const pull = await h.api("GET", "/pulls/1");
    expect(pull.body).toMatchObject({
      state: "closed",
      merged: true,
      merge_commit_sha: sha,
      merged_by: { login: "github-actions[bot]" },
    });
    const forMerge = await h.api<Json[]>("GET", `/commits/${sha}/pulls`);
    expect(forMerge.body.map((p) => p.number)).toEqual([1]);
    const forHead = await h.api<Json[]>("GET", `/commits/${second}/pulls`);
    expect(forHead.body.map((p) => p.number)).toEqual([1]);
    expect((await h.api<Json[]>("GET", `/commits/${moved}/pulls`)).body).toEqual([]);
    expect((await h.api("GET", "/issues/1")).body).toMatchObject({
      state: "closed",
      pull_request: { merged_at: expect.any(String) },
    });
    const again = await h.api("PUT", "/pulls/1/merge", {});
    expect([again.status, again.body.message]).toEqual([405, "Pull Request is not mergeable"]);
  });

  it("squash: one commit with the pull request's tree and GitHub's title", async () => {
    h = await launch();
    releaseBranch(h);
    const base = h.repo.git("rev-parse", "refs/heads/main");
    await open(h);
    const merged = await h.api("PUT", "/pulls/1/merge", { merge_method: "squash" });
    const sha = String(merged.body.sha);
    const clone = h.clone();
    expect(git(clone, "log", "-1", "--format=%P%n%s%n%cn")).toBe(
      `${base}\nchore(main): release 1.1.0 (#1)\nGitHub`,
    );
    expect(git(clone, "rev-parse", "HEAD^{tree}")).toBe(git(clone, `rev-parse`, `origin/${BRANCH}^{tree}`));
    expect((await h.api("GET", `/commits/${sha}`)).body).toMatchObject({
      commit: { verification: { verified: true } },
    });
    expect((await h.api<Json[]>("GET", `/commits/${sha}/pulls`)).body.map((p) => p.number)).toEqual([1]);
  });

  it("rebase: each commit replayed on main; every replayed commit belongs to the pull request", async () => {
    h = await launch();
    const { first, second } = releaseBranch(h);
    const moved = h.emulator.pushCommit({
      branch: "main",
      message: "fix: meanwhile",
      files: { "other.txt": "o\n" },
    });
    await open(h);
    const merged = await h.api("PUT", "/pulls/1/merge", { merge_method: "rebase" });
    const sha = String(merged.body.sha);
    const clone = h.clone();
    expect(git(clone, "log", "--format=%s", `${moved}..HEAD`).split("\n")).toEqual([
      "docs: changelog",
      "chore(main): release 1.1.0",
    ]);
    const replayed = git(clone, "rev-list", `${moved}..HEAD`).split("\n");
    expect(replayed).not.toContain(first);
    expect(replayed).not.toContain(second);
    expect(replayed[0]).toBe(sha);
    expect(git(clone, "log", "-1", "--format=%an", replayed[1] ?? "")).toBe("Dev Eloper");
    for (const commit of replayed) {
      expect((await h.api<Json[]>("GET", `/commits/${commit}/pulls`)).body.map((p) => p.number)).toEqual([1]);
    }
    expect((await h.api("GET", "/pulls/1")).body).toMatchObject({ merged: true, merge_commit_sha: sha });
  });

  it("refuses a merge whose head moved, and merges as a person through the helper", async () => {
    h = await launch();
    const { second } = releaseBranch(h);
    await open(h);
    const stale = await h.api("PUT", "/pulls/1/merge", { sha: "0".repeat(40) });
    expect(stale.status).toBe(409);
    const sha = h.emulator.mergePullRequest(1, "squash");
    expect(h.repo.git("rev-parse", "refs/heads/main")).toBe(sha);
    expect(h.emulator.state.pulls[0]).toMatchObject({
      merged: true,
      mergeCommitSha: sha,
      mergedBy: { login: "octocat" },
    });
    // An open pull request's head commits are associated with it too.
    h.emulator.pushCommit({ branch: "next", message: "feat: next", files: { n: "n\n" } });
    const next = await h.api("POST", "/pulls", { title: "next", head: "next", base: "main" });
    const nextHead = String((next.body.head as Json).sha);
    expect((await h.api<Json[]>("GET", `/commits/${nextHead}/pulls`)).body.map((p) => p.number)).toEqual([2]);
    expect(second).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("a fork's pull request", () => {
  const seed = (h: Harness) =>
    h.emulator.seedForkPullRequest({
      forkOwner: "mallory",
      branch: BRANCH,
      title: "chore(main): release 9.9.9",
      body: "forged",
      labels: ["shipguard: pending"],
      files: { VERSION: "9.9.9\n" },
    });

  it("shows the fork as its head, lists under the fork owner's name only, and is no branch here", async () => {
    h = await launch();
    const fork = seed(h);
    const head = h.repo.git("rev-parse", `refs/pull/${fork.number}/head`);
    expect(h.repo.git("branch", "--list", BRANCH)).toBe("");
    const shown = await h.api("GET", `/pulls/${fork.number}`);
    expect(shown.body).toMatchObject({
      user: { login: "mallory" },
      labels: [expect.objectContaining({ name: "shipguard: pending" })],
      head: {
        label: `mallory:${BRANCH}`,
        ref: BRANCH,
        sha: head,
        user: { login: "mallory" },
        repo: { full_name: "mallory/app", fork: true, owner: { login: "mallory" } },
      },
      base: { ref: "main", repo: { full_name: "acme/app", fork: false } },
      commits: 1,
    });
    const listed = async (filter: string) =>
      (await h.api<Json[]>("GET", `/pulls?head=${encodeURIComponent(filter)}`)).body.map((p) => p.number);
    expect(await listed(`acme:${BRANCH}`)).toEqual([]);
    expect(await listed(`MALLORY:${BRANCH}`)).toEqual([fork.number]);
    // Ours from a branch of the same name opens beside it: the fork's is not acme's open one.
    releaseBranch(h);
    expect((await open(h)).status).toBe(201);
    expect(await listed(`acme:${BRANCH}`)).toEqual([fork.number + 1]);
  });

  it.for(["merge", "squash", "rebase"] as const)(
    "merges by %s through the API, and through the helper",
    async (method) => {
      h = await launch();
      const fork = seed(h);
      const head = h.repo.git("rev-parse", `refs/pull/${fork.number}/head`);
      const merged = await h.api("PUT", `/pulls/${fork.number}/merge`, { merge_method: method, sha: head });
      expect(merged.status).toBe(200);
      const sha = String(merged.body.sha);
      expect(h.repo.git("rev-parse", "refs/heads/main")).toBe(sha);
      expect(h.repo.git("show", `${sha}:VERSION`)).toBe("9.9.9");
      if (method === "merge")
        expect(h.repo.git("log", "-1", "--format=%s", sha)).toContain(`from mallory/${BRANCH}`);
      const pulls = await h.api<Json[]>("GET", `/commits/${sha}/pulls`);
      expect(pulls.body.map((p) => [p.number, (p.head as Json).label])).toEqual([
        [fork.number, `mallory:${BRANCH}`],
      ]);
      const again = seed(h);
      const helper = h.emulator.mergePullRequest(again.number, method);
      expect(h.repo.git("rev-parse", "refs/heads/main")).toBe(helper);
    },
  );
});

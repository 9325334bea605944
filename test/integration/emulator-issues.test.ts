import { afterEach, describe, expect, it } from "vitest";
import { type Harness, launch } from "../emulator/harness.ts";

// The emulator's issues: creation (labels made on the fly), the repository list with its filters,
// pull requests among the issues, comments, pagination, GitHub's limits, permissions and 410.

type Json = Record<string, unknown>;

let h: Harness;

afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.dispose();
});

const PERSON = { login: "octocat", id: 583231, type: "User" as const };

function numbers(body: unknown): number[] {
  return (body as Json[]).map((issue) => Number(issue.number));
}

describe("issues", () => {
  it("opens an issue with its labels, making the unknown ones, and reads it back", async () => {
    h = await launch();
    h.emulator.seedIssue({ title: "older", labels: ["Bug"] });
    const created = await h.api("POST", "/issues", {
      title: "Rollback in production: 1.2.0 → 1.1.0",
      body: "report",
      labels: ["shipguard:incident", { name: "bug" }],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`${h.emulator.url}/repos/acme/app/issues/2`);
    expect(created.body).toMatchObject({
      number: 2,
      title: "Rollback in production: 1.2.0 → 1.1.0",
      body: "report",
      state: "open",
      comments: 0,
      html_url: "https://github.com/acme/app/issues/2",
      user: { login: "github-actions[bot]" },
    });
    expect((created.body.labels as Json[]).map((label) => [label.name, label.color])).toEqual([
      ["shipguard:incident", "ededed"],
      ["Bug", "ededed"],
    ]);
    expect(created.body.pull_request).toBeUndefined();
    expect(h.emulator.state.labels.map((label) => label.name)).toEqual(["Bug", "shipguard:incident"]);
    const read = await h.api("GET", "/issues/2");
    expect(read.body).toEqual(created.body);
    expect((await h.api("GET", "/issues/9")).status).toBe(404);
    const issue = h.emulator.state.issues[1];
    expect(issue).toMatchObject({
      number: 2,
      labels: ["shipguard:incident", "Bug"],
      state: "open",
      comments: [],
    });
  });

  it("lists open issues by default, filters by state and every label given, and includes pull requests", async () => {
    h = await launch();
    h.emulator.seedIssue({ title: "a", labels: ["x", "y"] });
    h.emulator.seedIssue({ title: "b", labels: ["x"], state: "closed" });
    h.emulator.seedIssue({ title: "c", labels: ["X", "y"], pullRequest: true, user: PERSON });
    h.emulator.seedIssue({ title: "d" });
    expect(numbers((await h.api("GET", "/issues")).body)).toEqual([4, 3, 1]);
    expect(numbers((await h.api("GET", "/issues?state=closed")).body)).toEqual([2]);
    expect(numbers((await h.api("GET", "/issues?state=all&labels=x")).body)).toEqual([3, 2, 1]);
    expect(numbers((await h.api("GET", "/issues?state=all&labels=x,%20Y")).body)).toEqual([3, 1]);
    expect(numbers((await h.api("GET", "/issues?state=all&direction=asc")).body)).toEqual([1, 2, 3, 4]);
    expect(numbers((await h.api("GET", "/issues?creator=octocat")).body)).toEqual([3]);
    const pull = ((await h.api("GET", "/issues?labels=y")).body as unknown as Json[])[0] as Json;
    expect(pull).toMatchObject({
      number: 3,
      html_url: "https://github.com/acme/app/pull/3",
      pull_request: { url: `${h.emulator.url}/repos/acme/app/pulls/3`, merged_at: null },
    });
    const closed = (await h.api("GET", "/issues/2")).body;
    expect(closed).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(closed.closed_at).toEqual(expect.any(String));
  });

  it("pages the list with GitHub's Link header", async () => {
    h = await launch();
    for (let index = 1; index <= 5; index++) h.emulator.seedIssue({ title: `i${index}`, labels: ["l"] });
    const first = await h.api("GET", "/issues?labels=l&per_page=2");
    expect(numbers(first.body)).toEqual([5, 4]);
    const link = first.headers.get("link") ?? "";
    expect(link).toContain('page=2>; rel="next"');
    expect(link).toContain('page=3>; rel="last"');
    expect(numbers((await h.api("GET", "/issues?labels=l&per_page=2&page=3")).body)).toEqual([1]);
  });

  it("comments on open and closed issues and lists the comments oldest first, paged", async () => {
    h = await launch();
    const closed = h.emulator.seedIssue({ title: "done", state: "closed", comments: ["first"] });
    for (const text of ["second", "third"]) {
      const answer = await h.api("POST", `/issues/${closed.number}/comments`, { body: text });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        body: text,
        user: { login: "github-actions[bot]" },
        issue_url: `${h.emulator.url}/repos/acme/app/issues/1`,
      });
      expect(String(answer.body.html_url)).toMatch(
        /^https:\/\/github\.com\/acme\/app\/issues\/1#issuecomment-\d+$/,
      );
    }
    expect(h.emulator.state.issues[0]?.state).toBe("closed");
    expect(h.emulator.state.issues[0]?.comments.map((comment) => comment.body)).toEqual([
      "first",
      "second",
      "third",
    ]);
    const page = await h.api("GET", "/issues/1/comments?per_page=2&page=2");
    expect((page.body as unknown as Json[]).map((comment) => comment.body)).toEqual(["third"]);
    expect(page.headers.get("link")).toContain('rel="first"');
    expect((await h.api("GET", "/issues/1")).body.comments).toBe(3);
    expect((await h.api("POST", "/issues/7/comments", { body: "x" })).status).toBe(404);
  });

  it("refuses what GitHub refuses: no title, a title over 256 characters, a body over 65,536", async () => {
    h = await launch();
    expect((await h.api("POST", "/issues", { title: " " })).status).toBe(422);
    const longTitle = await h.api("POST", "/issues", { title: "t".repeat(257) });
    expect(longTitle.status).toBe(422);
    expect(longTitle.body.errors).toEqual([
      {
        resource: "Issue",
        code: "custom",
        field: "title",
        message: "title is too long (maximum is 256 characters)",
      },
    ]);
    expect((await h.api("POST", "/issues", { title: "t", body: "b".repeat(65_537) })).status).toBe(422);
    // Characters, not UTF-16 units: 65,536 emoji fit.
    expect((await h.api("POST", "/issues", { title: "t", body: "🚀".repeat(65_536) })).status).toBe(201);
    expect((await h.api("POST", "/issues/1/comments", { body: "c".repeat(65_537) })).status).toBe(422);
    expect((await h.api("POST", "/issues/1/comments", { body: "" })).status).toBe(422);
  });

  it("needs issues: write to write and issues: read to read, answering 403 as GitHub does", async () => {
    h = await launch({ permissions: { contents: "write", issues: "read" } });
    h.emulator.seedIssue({ title: "seen" });
    expect((await h.api("GET", "/issues")).status).toBe(200);
    const refused = await h.api("POST", "/issues", { title: "x" });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("Resource not accessible by integration");
    expect(refused.headers.get("x-accepted-github-permissions")).toBe("issues=write");
    expect((await h.api("POST", "/issues/1/comments", { body: "x" })).status).toBe(403);
    h.emulator.options.permissions = { contents: "write" };
    const unread = await h.api("GET", "/issues");
    expect(unread.status).toBe(403);
    expect(unread.headers.get("x-accepted-github-permissions")).toBe("issues=read");
    expect(h.emulator.state.issues).toHaveLength(1);
  });

  it("with Issues turned off: 404 to a list, 410 to the other issues calls, and the repository says so", async () => {
    h = await launch({ issuesDisabled: true });
    const create = await h.api("POST", "/issues", { title: "x" });
    expect(create.status).toBe(410);
    expect(create.body.message).toBe("Issues are disabled for this repo");
    const list = await h.api("GET", "/issues?state=all");
    expect(list.status).toBe(404);
    expect(list.body.message).toBe("Not Found");
    expect((await h.api("POST", "/issues/1/comments", { body: "x" })).status).toBe(410);
    expect((await h.api("GET", "")).body).toMatchObject({ has_issues: false });
    h.emulator.options.issuesDisabled = false;
    expect((await h.api("GET", "")).body).toMatchObject({ has_issues: true });
  });

  it("drops the labels given to create, silently, when the token's owner lacks push access", async () => {
    h = await launch({ dropIssueLabels: true });
    const created = await h.api("POST", "/issues", { title: "x", labels: ["shipguard:incident"] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, labels: [] });
    expect(h.emulator.state.labels).toEqual([]);
    expect(numbers((await h.api("GET", "/issues?labels=shipguard:incident&state=all")).body)).toEqual([]);
    expect(numbers((await h.api("GET", "/issues?state=all")).body)).toEqual([1]);
  });
});

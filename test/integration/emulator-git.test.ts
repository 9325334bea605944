import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, launch } from "../emulator/harness.ts";

// The emulator's git database and releases: refs as a first-writer-wins lock, annotated tags,
// the draft -> publish life of a release, immutable releases, rulesets and the workflow scope.

type Json = Record<string, unknown>;

let h: Harness;

afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.dispose();
});

describe("git refs", () => {
  beforeEach(async () => {
    h = await launch();
  });

  it("creates a ref once: the second writer gets 422 Reference already exists", async () => {
    const sha = h.repo.head();
    const first = await h.api("POST", "/git/refs", { ref: "refs/tags/v1.0.0", sha });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ref: "refs/tags/v1.0.0", object: { type: "commit", sha } });
    expect(first.headers.get("location")).toBe(`${h.emulator.url}/repos/acme/app/git/refs/tags/v1.0.0`);

    const second = await h.api("POST", "/git/refs", { ref: "refs/tags/v1.0.0", sha });
    expect(second.status).toBe(422);
    expect(second.body.message).toBe("Reference already exists");
    expect(second.body.documentation_url).toBe("https://docs.github.com/rest/git/refs#create-a-reference");
    // The ref really is in GitHub's copy of the repository.
    expect(h.repo.git("rev-parse", "refs/tags/v1.0.0")).toBe(sha);
  });

  it("lets exactly one of two racing writers create a tag, whatever their commits", async () => {
    const a = h.repo.commit("feat: a");
    const b = h.repo.commit("feat: b");
    const answers = await Promise.all(
      [a, b, a, b].map((sha) => h.api("POST", "/git/refs", { ref: "refs/tags/v2.0.0", sha })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 422, 422, 422]);
    const winner = answers.find((answer) => answer.status === 201)?.body as { object: { sha: string } };
    const read = await h.api("GET", "/git/ref/tags/v2.0.0");
    expect((read.body.object as Json).sha).toBe(winner.object.sha);
  });

  it.each([
    ["tags/v1", "Reference name must contain at least three slash-separated components."],
    ["refs/v1", "Reference name must contain at least three slash-separated components."],
    ["refs/tags/v1..2", "refs/tags/v1..2 is not a valid ref name."],
    ["refs/tags/v1 2", "refs/tags/v1 2 is not a valid ref name."],
    ["refs/tags/v1~1", "refs/tags/v1~1 is not a valid ref name."],
    ["refs/tags/v1.lock", "refs/tags/v1.lock is not a valid ref name."],
    ["refs/tags/x\nNEW=evil", "refs/tags/x\nNEW=evil is not a valid ref name."],
  ])("refuses the ref name %j", async (ref, message) => {
    const answer = await h.api("POST", "/git/refs", { ref, sha: h.repo.head() });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe(message);
  });

  it("refuses a sha that is not a commit or tag object of the repository", async () => {
    const missing = await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: "1".repeat(40) });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toBe("Object does not exist");
    const tree = h.repo.git("rev-parse", "HEAD^{tree}");
    const notACommit = await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: tree });
    expect(notACommit.status).toBe(422);
    expect(notACommit.body.message).toBe("Object does not exist");
  });

  it("lists matching refs by prefix, reads one ref, 404s on a missing one", async () => {
    const sha = h.repo.head();
    for (const tag of ["v1.0.0", "v1.1.0", "v10.0.0", "w1"]) {
      await h.api("POST", "/git/refs", { ref: `refs/tags/${tag}`, sha });
    }
    const matching = await h.api<Json[]>("GET", "/git/matching-refs/tags/v1");
    expect(matching.body.map((ref) => ref.ref)).toEqual([
      "refs/tags/v1.0.0",
      "refs/tags/v1.1.0",
      "refs/tags/v10.0.0",
    ]);
    const branch = await h.api("GET", "/git/ref/heads/main");
    expect(branch.body).toMatchObject({ ref: "refs/heads/main", object: { type: "commit", sha } });
    const missing = await h.api("GET", "/git/ref/tags/v9");
    expect(missing.status).toBe(404);
  });

  it("moves a ref forward, refuses a non fast-forward unless forced, deletes it", async () => {
    const first = h.repo.head();
    const second = h.repo.commit("fix: b");
    await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: second });
    const back = await h.api("PATCH", "/git/refs/tags/v1", { sha: first });
    expect(back.status).toBe(422);
    expect(back.body.message).toBe("Update is not a fast forward");
    const forced = await h.api("PATCH", "/git/refs/tags/v1", { sha: first, force: true });
    expect(forced.status).toBe(200);
    expect((forced.body.object as Json).sha).toBe(first);
    expect((await h.api("DELETE", "/git/refs/tags/v1")).status).toBe(204);
    const again = await h.api("DELETE", "/git/refs/tags/v1");
    expect(again.status).toBe(422);
    expect(again.body.message).toBe("Reference does not exist");
  });
});

describe("annotated tags", () => {
  beforeEach(async () => {
    h = await launch();
  });

  it("writes a real tag object; a ref to it reads back as type tag", async () => {
    const commit = h.repo.head();
    const created = await h.api("POST", "/git/tags", {
      tag: "v1.0.0",
      message: "## Features\n\n- first release\n",
      object: commit,
      type: "commit",
      tagger: { name: "Release Bot", email: "bot@example.com", date: "2026-01-02T03:04:05Z" },
    });
    expect(created.status).toBe(201);
    const tagSha = String(created.body.sha);
    expect(h.repo.git("cat-file", "-t", tagSha)).toBe("tag");

    const ref = await h.api("POST", "/git/refs", { ref: "refs/tags/v1.0.0", sha: tagSha });
    expect(ref.body.object).toMatchObject({ type: "tag", sha: tagSha });
    expect(h.repo.git("rev-parse", "v1.0.0^{commit}")).toBe(commit);

    const read = await h.api("GET", `/git/tags/${tagSha}`);
    expect(read.body).toMatchObject({
      tag: "v1.0.0",
      sha: tagSha,
      message: "## Features\n\n- first release\n",
      tagger: { name: "Release Bot", email: "bot@example.com", date: "2026-01-02T03:04:05Z" },
      object: { type: "commit", sha: commit },
      verification: { verified: false, reason: "unsigned" },
    });
  });

  it("defaults the tagger to the token's owner and refuses a missing object", async () => {
    const created = await h.api("POST", "/git/tags", {
      tag: "v1",
      message: "m",
      object: h.repo.head(),
      type: "commit",
    });
    expect(created.body.tagger).toMatchObject({ name: "github-actions[bot]" });
    const missing = await h.api("POST", "/git/tags", {
      tag: "v2",
      message: "m",
      object: "2".repeat(40),
      type: "commit",
    });
    expect(missing.status).toBe(422);
    expect((await h.api("GET", `/git/tags/${"3".repeat(40)}`)).status).toBe(404);
  });

  it("resolves commits by sha, branch and tag; 422 for an unknown one", async () => {
    const sha = h.repo.commit("feat: add app", { "src/app.js": "console.log(1)\n" });
    await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha });
    for (const ref of [sha, sha.slice(0, 12), "main", "v1"]) {
      const answer = await h.api("GET", `/commits/${ref}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ sha, commit: { message: "feat: add app" } });
      expect((answer.body.files as Json[]).map((file) => file.filename)).toEqual(["src/app.js"]);
    }
    const unknown = await h.api("GET", "/commits/nope");
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toBe("No commit found for SHA: nope");
  });
});

describe("releases", () => {
  beforeEach(async () => {
    h = await launch();
  });

  it("keeps a draft untagged, then publishing creates the tag at target_commitish", async () => {
    const target = h.repo.head();
    h.repo.commit("feat: moves main on");
    const draft = await h.api("POST", "/releases", {
      tag_name: "v1.0.0",
      target_commitish: target,
      name: "v1.0.0",
      body: "notes",
      draft: true,
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ draft: true, published_at: null, tarball_url: null });
    expect(String(draft.body.html_url)).toMatch(/\/releases\/tag\/untagged-[0-9a-f]+$/);
    expect((await h.api("GET", "/git/ref/tags/v1.0.0")).status).toBe(404);
    expect((await h.api("GET", "/releases/tags/v1.0.0")).status).toBe(404);

    const published = await h.api("PATCH", `/releases/${draft.body.id}`, { draft: false });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ draft: false, immutable: false, tag_name: "v1.0.0" });
    expect(h.repo.git("rev-parse", "refs/tags/v1.0.0")).toBe(target);
    expect((await h.api("GET", "/releases/tags/v1.0.0")).body.id).toBe(draft.body.id);
  });

  it("allows one published release per tag, drafts may share it", async () => {
    expect((await h.api("POST", "/releases", { tag_name: "v1", draft: true })).status).toBe(201);
    expect((await h.api("POST", "/releases", { tag_name: "v1", draft: true })).status).toBe(201);
    expect((await h.api("POST", "/releases", { tag_name: "v1" })).status).toBe(201);
    const duplicate = await h.api("POST", "/releases", { tag_name: "v1" });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toMatchObject({
      message: "Validation Failed",
      errors: [{ resource: "Release", code: "already_exists", field: "tag_name" }],
    });
    const draftId = h.emulator.state.releases.find((release) => release.draft)?.id;
    expect((await h.api("PATCH", `/releases/${draftId}`, { draft: false })).status).toBe(422);
  });

  it("uses an existing tag as it is and refuses invalid tag names", async () => {
    const old = h.repo.head();
    await h.api("POST", "/git/refs", { ref: "refs/tags/v1", sha: old });
    h.repo.commit("feat: newer");
    await h.api("POST", "/releases", { tag_name: "v1", target_commitish: "main" });
    expect(h.repo.git("rev-parse", "refs/tags/v1")).toBe(old);
    const invalid = await h.api("POST", "/releases", { tag_name: "v1..2" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual([{ resource: "Release", code: "invalid", field: "tag_name" }]);
  });

  it("marks latest only as make_latest says; prereleases never", async () => {
    const v2 = await h.api("POST", "/releases", { tag_name: "v2.0.0" });
    await h.api("POST", "/releases", { tag_name: "v1.9.1", make_latest: "false" });
    await h.api("POST", "/releases", { tag_name: "v3.0.0-rc.1", prerelease: true });
    expect((await h.api("GET", "/releases/latest")).body.id).toBe(v2.body.id);
    // A maintenance release sent without make_latest steals "latest": GitHub's default is "true".
    const stealing = await h.api("POST", "/releases", { tag_name: "v1.9.2" });
    expect((await h.api("GET", "/releases/latest")).body.id).toBe(stealing.body.id);
  });

  it("lists newest first with per_page, page and Link headers", async () => {
    for (let i = 1; i <= 5; i++) await h.api("POST", "/releases", { tag_name: `v1.0.${i}` });
    const first = await h.api<Json[]>("GET", "/releases?per_page=2");
    expect(first.body.map((release) => release.tag_name)).toEqual(["v1.0.5", "v1.0.4"]);
    const link = first.headers.get("link") ?? "";
    expect(link).toContain(`<${h.emulator.url}/repos/acme/app/releases?per_page=2&page=2>; rel="next"`);
    expect(link).toContain('page=3>; rel="last"');
    const last = await h.api<Json[]>("GET", "/releases?per_page=2&page=3");
    expect(last.body.map((release) => release.tag_name)).toEqual(["v1.0.1"]);
    expect(last.headers.get("link")).toContain('rel="prev"');
  });

  it("deletes a release and keeps its tag", async () => {
    const release = await h.api("POST", "/releases", { tag_name: "v1" });
    expect((await h.api("DELETE", `/releases/${release.body.id}`)).status).toBe(204);
    expect((await h.api("GET", `/releases/${release.body.id}`)).status).toBe(404);
    expect((await h.api("GET", "/git/ref/tags/v1")).status).toBe(200);
  });
});

describe("immutable releases", () => {
  beforeEach(async () => {
    h = await launch({ immutableReleases: true });
  });

  it("locks the tag of a published release and burns its name for ever", async () => {
    const draft = await h.api("POST", "/releases", { tag_name: "v1.0.0", draft: true });
    expect(draft.body.immutable).toBe(false);
    // While a draft, the tag does not exist and may be made, moved and deleted freely.
    const published = await h.api("PATCH", `/releases/${draft.body.id}`, { draft: false });
    expect(published.body.immutable).toBe(true);

    const move = await h.api("PATCH", "/git/refs/tags/v1.0.0", {
      sha: h.repo.commit("feat: x"),
      force: true,
    });
    expect(move.status).toBe(422);
    expect(move.body.message).toContain("tag_name was used by an immutable release");
    const remove = await h.api("DELETE", "/git/refs/tags/v1.0.0");
    expect(remove.status).toBe(422);
    expect(remove.body.message).toContain("tag_name was used by an immutable release");
    const retag = await h.api("PATCH", `/releases/${draft.body.id}`, { tag_name: "v1.0.1" });
    expect(retag.status).toBe(422);
    // Notes stay editable.
    expect((await h.api("PATCH", `/releases/${draft.body.id}`, { body: "fixed notes" })).status).toBe(200);

    // Deleting the release frees the tag but not the name.
    expect((await h.api("DELETE", `/releases/${draft.body.id}`)).status).toBe(204);
    expect((await h.api("DELETE", "/git/refs/tags/v1.0.0")).status).toBe(204);
    const again = await h.api("POST", "/releases", { tag_name: "v1.0.0" });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([
      {
        resource: "Release",
        code: "custom",
        field: "tag_name",
        message: "tag_name was used by an immutable release",
      },
    ]);
    const ref = await h.api("POST", "/git/refs", { ref: "refs/tags/v1.0.0", sha: h.repo.head() });
    expect(ref.status).toBe(422);
    expect(ref.body.message).toContain("Cannot create ref due to creations being restricted");
    expect(h.emulator.state.burnedTags.has("v1.0.0")).toBe(true);
  });
});

describe("rulesets and the workflow scope", () => {
  it("answers GH013 to tag creations a ruleset restricts, on refs and on releases", async () => {
    h = await launch({ rulesetBlocksTags: "v*" });
    const ref = await h.api("POST", "/git/refs", { ref: "refs/tags/v1.0.0", sha: h.repo.head() });
    expect(ref.status).toBe(422);
    expect(ref.body.message).toContain("GH013");
    expect(ref.body.message).toContain("Repository rule violations found");
    expect(ref.body.message).toContain("Cannot create ref due to creations being restricted");
    expect((await h.api("POST", "/git/refs", { ref: "refs/tags/other", sha: h.repo.head() })).status).toBe(
      201,
    );
    expect((await h.api("POST", "/releases", { tag_name: "v1.0.0" })).status).toBe(422);
    expect((await h.api("POST", "/releases", { tag_name: "v1.0.0", draft: true })).status).toBe(201);
  });

  it("answers 404 to a release whose new tag's commit changes .github/workflows/ without the workflow scope", async () => {
    h = await launch({ workflowScopeMissing: true });
    h.repo.commit("ci: touch workflow", { ".github/workflows/ci.yml": "on: push\n" });
    const blocked = await h.api("POST", "/releases", { tag_name: "v1.0.0", target_commitish: "main" });
    expect(blocked.status).toBe(404);
    expect(blocked.body.message).toBe("Not Found");
    expect((await h.api("GET", "/git/ref/tags/v1.0.0")).status).toBe(404);
    h.repo.commit("fix: app only", { "src/a.js": "1\n" });
    expect((await h.api("POST", "/releases", { tag_name: "v1.0.0", target_commitish: "main" })).status).toBe(
      201,
    );
  });
});

describe("refs to a commit whose workflows differ, without the workflow scope", () => {
  it("answers 403 with the header every create-ref answer carries: it names contents=write, not the cause", async () => {
    h = await launch({ workflowScopeMissing: true });
    const same = h.repo.head();
    const changed = h.repo.commit("ci: touch workflow", { ".github/workflows/ci.yml": "on: push\n" });
    h.repo.git("checkout", "-q", "-B", "main", same);
    const refused = await h.api("POST", "/git/refs", { ref: "refs/tags/v1.0.0", sha: changed });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("Resource not accessible by integration");
    expect(refused.headers.get("x-accepted-github-permissions")).toBe("contents=write");
    expect((await h.api("GET", "/git/ref/tags/v1.0.0")).status).toBe(404);
    // The same token creates a tag object, and a ref to a commit whose workflows match.
    const object = await h.api("POST", "/git/tags", {
      tag: "v1.0.0",
      message: "notes",
      object: changed,
      type: "commit",
    });
    expect(object.status).toBe(201);
    expect((await h.api("POST", "/git/refs", { ref: "refs/tags/v0.9.0", sha: same })).status).toBe(201);
    const moved = await h.api("PATCH", "/git/refs/tags/v0.9.0", { sha: changed, force: true });
    expect(moved.status).toBe(403);
    expect(moved.headers.get("x-accepted-github-permissions")).toBe("contents=write");
  });
});

describe("release visibility", () => {
  it("hides drafts from a token that cannot push", async () => {
    h = await launch();
    const draft = await h.api("POST", "/releases", { tag_name: "v1", draft: true });
    await h.api("POST", "/releases", { tag_name: "v0" });
    h.emulator.options.permissions = { contents: "read" };
    const listed = await h.api<Json[]>("GET", "/releases");
    expect(listed.body.map((release) => release.tag_name)).toEqual(["v0"]);
    expect((await h.api("GET", `/releases/${draft.body.id}`)).status).toBe(404);
  });
});

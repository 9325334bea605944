/**
 * The Git port finds a tag by its exact name (issue 18, item 10): `refs/tags/<tag>` and nothing
 * else, never a revision expression that happens to start with a tag's name, never a branch that
 * happens to be named like a tag's ref. An annotated tag is peeled to its commit.
 */
import { afterEach, describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import type { Logger } from "../../src/ports.ts";
import { TestRepo } from "../helpers/git-repo.ts";

const quiet: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };
const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

function tagged() {
  const repo = new TestRepo();
  repos.push(repo);
  const first = repo.commit("feat: one");
  repo.tag("v1.1.0");
  const second = repo.commit("feat: two");
  repo.tag("v1.2.0", { annotated: true });
  return { repo, first, second, git: new GitCli(repo.dir, quiet, process.env as Record<string, string>) };
}

describe("GitCli.tagCommit", () => {
  it("peels a lightweight and an annotated tag to its commit", async () => {
    const { git, first, second } = tagged();
    expect(await git.tagCommit("v1.1.0")).toBe(first);
    expect(await git.tagCommit("v1.2.0")).toBe(second);
  });

  it.each(["v1.2.0~1", "v1.2.0^", "v1.2.0^{commit}", "v1.2.0@{0}", "v1.2.0:change-1.txt", "v1.3.0"])(
    "%s is no tag: null",
    async (name) => {
      const { git } = tagged();
      expect(await git.tagCommit(name)).toBeNull();
    },
  );

  it("a branch named refs/tags/<tag> is not the tag", async () => {
    const { git, repo } = tagged();
    repo.git("branch", "refs/tags/v9.0.0");
    expect(await git.tagCommit("v9.0.0")).toBeNull();
  });
});

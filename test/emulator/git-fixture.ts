import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway git repository for tests: GitHub's copy of the repository the emulator serves. */

export interface GitFixtureOptions {
  /** Default branch (default "main"). */
  branch?: string;
  /** Files of the first commit, by path (workflow files go under .github/workflows/). */
  files?: Record<string, string>;
}

export interface GitFixture {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (none: an empty commit) and commits them; returns the new commit's sha. */
  commit(message: string, files?: Record<string, string>): string;
  head(): string;
  remove(): void;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: "Dev Eloper",
  GIT_AUTHOR_EMAIL: "dev@example.com",
  GIT_COMMITTER_NAME: "Dev Eloper",
  GIT_COMMITTER_EMAIL: "dev@example.com",
};

export function makeGitFixture(options: GitFixtureOptions = {}): GitFixture {
  const dir = mkdtempSync(join(tmpdir(), "shipguard-emulator-"));
  const git = (...args: string[]): string =>
    execFileSync("git", ["-C", dir, "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", ...args], {
      encoding: "utf8",
      env: { ...process.env, ...IDENTITY, LC_ALL: "C" },
    }).trim();
  let committed = "";
  const commit = (message: string, files: Record<string, string> = {}): string => {
    // The API may have moved the checked-out branch (a merge, a release commit): start from there,
    // or this commit would put the old files back.
    if (committed !== "" && git("rev-parse", "HEAD") !== committed) git("reset", "--quiet", "--hard", "HEAD");
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
      git("add", "--", path);
    }
    git("commit", "--allow-empty", "--quiet", "-m", message);
    committed = git("rev-parse", "HEAD");
    return committed;
  };
  git("init", "--quiet", `--initial-branch=${options.branch ?? "main"}`);
  commit("chore: initial commit", { "README.md": "# app\n", ...options.files });
  return {
    dir,
    git,
    commit,
    head: () => git("rev-parse", "HEAD"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

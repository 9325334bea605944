/** Real git repositories in temp folders, for integration and end-to-end tests. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.invalid",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.invalid",
  GIT_CONFIG_NOSYSTEM: "1",
  HOME: os.tmpdir(),
};

export class TestRepo {
  readonly dir: string;
  private counter = 0;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(path.join(os.tmpdir(), "shipguard-repo-"));
    if (dir === undefined) {
      this.git("init", "-q", "-b", "main");
      this.git("config", "commit.gpgsign", "false");
      this.git("config", "tag.gpgsign", "false");
    }
  }

  git(...args: string[]): string {
    return this.gitAt(undefined, ...args);
  }

  /** A git command whose commits carry `date` (author and committer), when given. */
  gitAt(date: string | undefined, ...args: string[]): string {
    return execFileSync("git", args, {
      cwd: this.dir,
      env: date === undefined ? GIT_ENV : { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  /**
   * Commits a change with this exact message (bytes as given; may be empty or not UTF-8), at
   * `date` (git's date formats, e.g. "2020-01-01T00:00:00Z") when given: a clock can be skewed.
   */
  commit(message: string | Buffer, date?: string): string {
    this.counter++;
    // One file per commit, so branches never conflict when merged.
    const file = `change-${this.counter}.txt`;
    writeFileSync(path.join(this.dir, file), `change ${this.counter}\n`);
    this.git("add", file);
    execFileSync("git", ["commit", "-q", "--allow-empty-message", "--cleanup=verbatim", "-F", "-"], {
      cwd: this.dir,
      env: date === undefined ? GIT_ENV : { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      input: message,
    });
    return this.head();
  }

  /**
   * Commits exactly these files (path -> content; null deletes the file) with this message; with
   * none, an empty commit. Folders are made as needed.
   */
  change(message: string, files: Record<string, string | null> = {}, date?: string): string {
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(this.dir, file);
      if (content === null) {
        this.git("rm", "-q", "--", file);
        continue;
      }
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
      this.git("add", "--", file);
    }
    execFileSync("git", ["commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", "-"], {
      cwd: this.dir,
      env: date === undefined ? GIT_ENV : { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      input: message,
    });
    return this.head();
  }

  head(): string {
    return this.git("rev-parse", "HEAD").trim();
  }

  tag(name: string, options: { annotated?: boolean; at?: string } = {}): void {
    const at = options.at ?? "HEAD";
    if (options.annotated) this.git("tag", "-a", "-m", `release ${name}`, name, at);
    else this.git("tag", name, at);
  }

  branch(name: string, from = "HEAD"): void {
    this.git("branch", name, from);
  }

  checkout(ref: string): void {
    this.git("checkout", "-q", ref);
  }

  merge(branch: string, message = `Merge branch '${branch}'`, date?: string): string {
    this.gitAt(date, "merge", "-q", "--no-ff", "-m", message, branch);
    return this.head();
  }

  revert(sha: string): string {
    this.git("revert", "--no-edit", sha);
    return this.head();
  }

  /** A `git clone --depth N file://...` of this repository, as actions/checkout makes one. */
  shallowClone(depth = 1, extra: string[] = []): TestRepo {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-clone-"));
    execFileSync("git", ["clone", "-q", `--depth=${depth}`, ...extra, `file://${this.dir}`, dir], {
      env: GIT_ENV,
    });
    return new TestRepo(dir);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

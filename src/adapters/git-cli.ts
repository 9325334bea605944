/**
 * The Git port on the git command line, the one git manager. Git runs through git-process.ts: one
 * runner on `@actions/exec` (as actions/checkout's git command manager does), but the history
 * stream, which keeps a plain spawn (see logStream); arguments always go as argv (never through a
 * shell), and history is streamed NUL-delimited to the parser as it comes, so a million commits
 * never sit in memory at once. git needs no group kill (no shell, nothing in the background).
 */

import type { ChangedCommit } from "../core/packages.ts";
import { RangeWalk } from "../core/range-walk.ts";
import type { RawCommit } from "../core/types.ts";
import type { DatedCommit, DatedTagRef, Git, Logger, StoredFile, TagRef } from "../ports.ts";
import { CatFileBatchParser } from "./git-batch-parser.ts";
import { ChangedCommitParser } from "./git-changes-parser.ts";
import { findMissingCommits, listDatedCommits } from "./git-dated-commits.ts";
import { NulTripleParser } from "./git-log-parser.ts";
import { GitProcess, gitFailed, type RunResult } from "./git-process.ts";

export { NulTripleParser } from "./git-log-parser.ts";

/** Above this many commits at the edge of a range, one count replaces their ancestor checks. */
const MAX_EDGE_CHECKS = 8;

/** sha (with git's boundary mark), parents, raw message. */
const LOG_FORMAT = "--format=%m%H%x00%P%x00%B";

/**
 * History with each commit's files (ChangedCommitParser): children first even with skewed clocks;
 * a merge against its first parent; a rename as both paths; the repository's paths; the root's files.
 */
const CHANGES_ARGS = `-c log.showRoot=true log -z --date-order --no-decorate --name-only --no-renames
  --no-relative --diff-merges=first-parent --format=/%H%x00%P%x00%B`.split(/\s+/);

export class GitCli implements Git {
  constructor(
    cwd: string,
    private readonly logger: Logger,
    /** git's environment: the host's (the adapter never reads process.env). */
    env: Readonly<Record<string, string>>,
  ) {
    this.process = new GitProcess(cwd, env);
  }

  private readonly process: GitProcess;

  private run(args: string[], allowFailure = false, input?: string): Promise<RunResult> {
    return this.process.run(args, allowFailure, input);
  }

  private pipe(
    args: string[],
    parser: { push(chunk: Buffer): void; end(): void },
    input?: string,
    stopped?: () => boolean,
  ): Promise<void> {
    return this.process.pipe(args, parser, input, stopped);
  }
  async inspect(): Promise<{ topLevel: string; head: string | null; shallow: boolean } | null> {
    // One process for three answers: start-up time counts on small histories.
    const r = await this.run(
      ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--verify", "-q", "HEAD^{commit}"],
      true,
    );
    // Outside a work tree git prints nothing and exits 128; without commits, --verify fails (1).
    const [topLevel = "", shallow = "", head = ""] = r.stdout.split("\n");
    if (topLevel === "") return null;
    return { topLevel, shallow: shallow === "true", head: r.code === 0 && head !== "" ? head : null };
  }

  async currentBranch(): Promise<string | null> {
    const r = await this.run(["symbolic-ref", "--short", "-q", "HEAD"], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async hasRemote(name: string): Promise<boolean> {
    const r = await this.run(["remote"], true);
    return r.stdout.split("\n").some((line) => line.trim() === name);
  }

  async fetchHistoryAndTags(remote: string, unshallow: boolean): Promise<void> {
    const args = ["fetch", "--quiet", "--no-recurse-submodules", "--tags", "--force"];
    if (unshallow) args.push("--unshallow");
    args.push(remote);
    this.logger.debug(`git ${args.join(" ")}`);
    await this.run(args);
  }

  listTags(pattern: string): Promise<TagRef[]> {
    return this.forEachTag([pattern], [], false);
  }

  listTagsDated(patterns: string[]): Promise<DatedTagRef[]> {
    return this.forEachTag(patterns, [], true) as Promise<DatedTagRef[]>;
  }

  listReachableTags(commit: string, patterns: string[]): Promise<TagRef[]> {
    return this.forEachTag(patterns, [`--merged=${commit}`], false);
  }

  /** The tags that point at commits, with their commit's date when `dated`. */
  private async forEachTag(patterns: string[], filter: string[], dated: boolean): Promise<TagRef[]> {
    // %(*objectname) is the peeled commit of an annotated tag; empty for a lightweight one.
    const dates = dated ? "%00%(committerdate:unix)%00%(*committerdate:unix)" : "";
    const r = await this.run([
      "for-each-ref",
      ...filter,
      `--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(objecttype)%00%(*objecttype)${dates}`,
      ...patterns.map((p) => `refs/tags/${p}`),
    ]);
    const tags: (TagRef & { date?: number })[] = [];
    for (const line of r.stdout.split("\n")) {
      if (line === "") continue;
      const [name = "", object = "", peeled = "", type = "", peeledType = "", date = "", peeledDate = ""] =
        line.split("\0");
      const targetType = peeledType || type;
      if (targetType !== "commit") {
        this.logger.debug(`Tag ${JSON.stringify(name)} points at a ${targetType}, not a commit: skipped.`);
        continue;
      }
      tags.push(
        dated
          ? { name, sha: peeled || object, date: Number(peeledDate || date) || 0 }
          : { name, sha: peeled || object },
      );
    }
    return tags;
  }

  async resolveCommit(ref: string): Promise<string | null> {
    const r = await this.run(["rev-parse", "-q", "--verify", "--end-of-options", `${ref}^{commit}`], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async changedFiles(from: string, to: string): Promise<string[]> {
    // -z: file names come verbatim (no quoting of unusual characters).
    const r = await this.run(["diff", "--name-only", "-z", "--no-renames", from, to, "--"]);
    return r.stdout.split("\0").filter((f) => f !== "");
  }

  async tagCommit(tag: string): Promise<string | null> {
    // The exact ref only: rev-parse would read `refs/tags/v1.2.0~1` as a revision (the commit
    // before v1.2.0) and fall back to other refs (`refs/heads/refs/tags/<tag>`).
    const ref = await this.run(["show-ref", "--verify", "--hash", `refs/tags/${tag}`], true);
    const object = ref.code === 0 ? ref.stdout.trim() : "";
    if (!/^[0-9a-f]{40,64}$/.test(object)) return null;
    const r = await this.run(["rev-parse", "-q", "--verify", `${object}^{commit}`], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async createAnnotatedTag(tag: string, sha: string, message: string): Promise<"created" | "exists"> {
    // The message is the release notes: verbatim, so markdown `#` headings are not taken for comments.
    const r = await this.run(["tag", "-a", "--cleanup=verbatim", "-F", "-", "--", tag, sha], true, message);
    if (r.code === 0) return "created";
    if (/already exists/.test(r.stderr)) return "exists";
    throw gitFailed(["tag", "-a"], r.stderr);
  }

  async deleteTag(tag: string): Promise<void> {
    await this.run(["tag", "-d", "--", tag]);
  }

  async forceTag(tag: string, sha: string): Promise<void> {
    await this.run(["tag", "-f", "--", tag, sha]);
  }

  async pushTag(remote: string, tag: string, force: boolean): Promise<"pushed" | "rejected"> {
    const spec = `${force ? "+" : ""}refs/tags/${tag}:refs/tags/${tag}`;
    const r = await this.run(["push", "--porcelain", remote, spec], true);
    if (r.code === 0) return "pushed";
    if (/\[rejected\]|already exists|non-fast-forward|\(fetch first\)/.test(r.stdout + r.stderr))
      return "rejected";
    throw gitFailed(["push", remote], r.stderr || r.stdout);
  }

  async remoteTagCommit(remote: string, tag: string): Promise<string | null> {
    const r = await this.run(["ls-remote", "--tags", remote, `refs/tags/${tag}`, `refs/tags/${tag}^{}`]);
    let direct: string | null = null;
    for (const line of r.stdout.split("\n")) {
      const [sha, ref] = line.split("\t");
      if (ref === `refs/tags/${tag}^{}`) return sha ?? null;
      if (ref === `refs/tags/${tag}`) direct = sha ?? null;
    }
    return direct;
  }

  datedCommits(to: string, exclude: readonly string[]): Promise<DatedCommit[]> {
    return listDatedCommits((args, input) => this.run(args, false, input), to, exclude);
  }

  missingCommits(shas: readonly string[]): Promise<string[]> {
    return findMissingCommits((args, input) => this.run(args, false, input), shas);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const r = await this.run(["merge-base", "--is-ancestor", ancestor, descendant], true);
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    throw gitFailed(["merge-base", "--is-ancestor", ancestor, descendant], r.stderr);
  }

  // Not part of the Git port: making a repository and reading files from it, for the demo's
  // fixtures (src/demo), which run git through this adapter like the commands do.

  /** Makes the working directory a repository whose first branch is `branch`. */
  async init(branch: string): Promise<void> {
    await this.run(["init", "--quiet"]);
    // Not `init --initial-branch`: that needs git 2.28.
    await this.run(["symbolic-ref", "HEAD", `refs/heads/${branch}`]);
  }

  /** Commits every change of the work tree, hooks skipped. */
  async commitAll(message: string): Promise<void> {
    await this.run(["add", "--all"]);
    await this.run(["commit", "--quiet", "--no-verify", "--message", message]);
  }

  /**
   * The files under `folder` at `ref` (a tag or a commit), recursively: each with its path relative
   * to `folder`, git's mode ("100644", "100755", "120000" for a symlink, whose content is its
   * target) and its bytes as committed. Submodules are left out.
   */
  async filesAt(ref: string, folder: string): Promise<{ path: string; mode: string; content: Buffer }[]> {
    const prefix = `${folder.replace(/\/+$/, "")}/`;
    // -z: paths come verbatim (no quoting of unusual characters).
    const args = ["ls-tree", "-r", "-z", "--end-of-options", `${ref}^{commit}`, "--", prefix];
    const listing = await this.run(args);
    const files: { path: string; mode: string; content: Buffer }[] = [];
    for (const entry of listing.stdout.split("\0")) {
      // "<mode> blob <sha>\t<path>"
      const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
      if (match === null) continue;
      const [, mode = "", sha = "", file = ""] = match;
      const blob = await this.run(["cat-file", "blob", sha]);
      files.push({ path: file.slice(prefix.length), mode, content: blob.bytes });
    }
    return files;
  }

  /** Commits exactly these paths (relative to the repository's top folder) as they are in the work tree, hooks skipped; the new HEAD. */
  async commitPaths(message: string, paths: readonly string[]): Promise<string> {
    await this.run(["add", "--", ...paths]);
    await this.run(
      ["commit", "--quiet", "--no-verify", "--cleanup=verbatim", "-F", "-", "--only", "--", ...paths],
      false,
      message,
    );
    return (await this.run(["rev-parse", "HEAD"])).stdout.trim();
  }

  async mergeBase(commits: string[]): Promise<string | null> {
    const r = await this.run(["merge-base", "--octopus", "--end-of-options", ...commits], true);
    if (r.code === 0) return r.stdout.trim().split("\n")[0] || null;
    if (r.code === 1) return null;
    throw gitFailed(["merge-base", "--octopus"], r.stderr);
  }

  async readFiles(commit: string, paths: readonly string[]): Promise<Map<string, string | null>> {
    const blobs = await this.readBlobs(commit, paths);
    return new Map([...blobs].map(([path, bytes]) => [path, bytes === null ? null : bytes.toString("utf8")]));
  }

  async readStoredFiles(commit: string, paths: readonly string[]): Promise<Map<string, StoredFile | null>> {
    const modes = paths.length === 0 ? new Map<string, string>() : this.treeModes(commit, paths);
    const [blobs, mode] = await Promise.all([this.readBlobs(commit, paths), modes]);
    return new Map(
      [...blobs].map(([path, bytes]) => [
        path,
        bytes === null
          ? null
          : {
              text: bytes.toString("utf8"),
              notUtf8Line: firstNonUtf8Line(bytes),
              mode: mode.get(path) ?? "100644",
            },
      ]),
    );
  }

  async filesUnder(commit: string, folder: string): Promise<string[]> {
    return [...(await this.treeModes(commit, folder === "." ? [] : [folder], true)).keys()];
  }

  /** Each file's mode in `commit`'s tree, of `paths` (every one when empty; under them with `recursive`). */
  private async treeModes(
    commit: string,
    paths: readonly string[],
    recursive = false,
  ): Promise<Map<string, string>> {
    const args = ["--literal-pathspecs", "ls-tree", "-z", "--full-tree", ...(recursive ? ["-r"] : [])];
    // No `--` without a path: `git ls-tree <commit> --` lists nothing.
    const named = paths.length === 0 ? [] : ["--", ...new Set(paths)];
    const listing = await this.run([...args, "--end-of-options", commit, ...named]);
    const modes = new Map<string, string>();
    for (const entry of listing.stdout.split("\0")) {
      const match = /^(\d+) blob [0-9a-f]+\t(.+)$/s.exec(entry); // "<mode> blob <sha>\t<path>"
      if (match !== null) modes.set(match[2]!, match[1]!);
    }
    return modes;
  }

  /** Each blob's bytes at `commit`, null when absent or not a file; one `git cat-file --batch`. */
  private async readBlobs(commit: string, paths: readonly string[]): Promise<Map<string, Buffer | null>> {
    const files = new Map<string, Buffer | null>();
    // One request per line: a path holding a newline cannot be asked (and no manifest has one).
    const asked = [...new Set(paths)].filter((p) => !/[\n\r]/.test(p));
    if (asked.length === 0) return files;
    let next = 0;
    const parser = new CatFileBatchParser((object) => {
      const path = asked[next++]!;
      files.set(path, object.found && object.type === "blob" ? object.content : null);
    });
    const input = asked.map((p) => `${commit}:${p}\n`).join("");
    await this.pipe(["cat-file", "--batch"], parser, input);
    return files;
  }

  async readCommit(ref: string): Promise<{ sha: string; parents: string[]; message: string } | null> {
    const r = await this.run(
      ["log", "-1", "--no-decorate", "--format=%H%x00%P%x00%B", "--end-of-options", `${ref}^{commit}`, "--"],
      true,
    );
    if (r.code !== 0) return null;
    const [sha = "", parents = "", message = ""] = r.stdout.split("\0");
    return { sha, parents: parents.split(" ").filter((p) => p !== ""), message };
  }

  async streamChanges(tips: readonly string[], exclude: string | null, onCommit: (c: ChangedCommit) => void) {
    // On stdin: a monorepo may have thousands of tags.
    const revisions = `${[...tips, ...(exclude === null ? [] : [`^${exclude}`])].join("\n")}\n`;
    await this.pipe([...CHANGES_ARGS, "--stdin", "--"], new ChangedCommitParser(onCommit), revisions);
  }

  async streamCommits(
    to: string,
    exclude: string | null,
    onCommit: (commit: RawCommit) => void,
    onBoundary?: (sha: string) => void,
    onRestart?: () => void,
  ): Promise<void> {
    if (await this.streamAsItComes(to, exclude, onCommit, onBoundary)) return;
    this.logger.debug(
      "Commit dates are out of order in this history: reading the range again in git's order.",
    );
    onRestart?.();
    // --date-order shows no parent before all its children even when clocks are skewed, so a
    // revert always arrives before the commit it reverts. --boundary adds the excluded commits
    // next to the range, marked "-": the excluded tag is one of them exactly when it is an
    // ancestor of `to`, which answers reachability from this one walk.
    const args = ["log", "-z", "--date-order", "--no-decorate", LOG_FORMAT, to];
    if (exclude !== null) args.push("--boundary", `^${exclude}`);
    args.push("--");
    await this.logStream(
      args,
      (commit) => {
        onCommit(commit);
        return true;
      },
      onBoundary,
    );
  }

  /**
   * `git log <to>` starts printing at once, where `git log <to> ^<exclude>` first walks the whole
   * range: parsing then runs beside git instead of after it. RangeWalk finds the range in the
   * stream, and git confirms it: no commit of the range that has a parent outside it may be an
   * ancestor of `exclude` (clock skew can only make the walk's range too large, and then such a
   * commit exists). False: the order or the range could not be trusted.
   */
  private async streamAsItComes(
    to: string,
    exclude: string | null,
    onCommit: (commit: RawCommit) => void,
    onBoundary?: (sha: string) => void,
  ): Promise<boolean> {
    const walk = new RangeWalk(to, exclude);
    let ordered = true;
    await this.logStream(["log", "-z", "--no-decorate", LOG_FORMAT, to, "--"], (commit) => {
      const step = walk.step(commit.sha, commit.parents);
      if (step === "unordered") {
        ordered = false;
        return false;
      }
      if (step === "in") onCommit(commit);
      return !walk.done;
    });
    // Still pending at the end of the stream: a parent came before one of its children.
    if (!ordered || !walk.done) return false;
    if (exclude === null || !walk.baseSeen) return true;
    if (!(await this.rangeConfirmed(to, exclude, walk))) return false;
    onBoundary?.(exclude);
    return true;
  }

  /** Whether git agrees with the walk's range `exclude..to`. */
  private async rangeConfirmed(to: string, exclude: string, walk: RangeWalk): Promise<boolean> {
    const edges = walk.edges;
    if (edges.length <= MAX_EDGE_CHECKS) {
      const answers = await Promise.all(edges.map((edge) => this.isAncestor(edge, exclude)));
      return !answers.includes(true);
    }
    // Many branches meet the range: one count of the range answers for all of them (it can only
    // be smaller than the walk's when the walk's is too large).
    const r = await this.run(["rev-list", "--count", to, `^${exclude}`, "--"], true);
    return r.code === 0 && Number(r.stdout.trim()) === walk.inRange;
  }

  /**
   * Streams `git log -z` output to `onCommit` until it returns false. The one git call not made
   * through @actions/exec: its runner decodes every chunk to text to split lines for listeners we
   * do not use; at 1,000,000 commits that cost 9% of the run and 8 MB (README, "Design
   * notes"). This stream stays bytes, split on NUL, each message decoded once.
   */
  private logStream(
    args: string[],
    onCommit: (commit: RawCommit) => boolean,
    onBoundary?: (sha: string) => void,
  ): Promise<void> {
    // -z ends each commit with NUL; the format separates fields with NUL. Commit messages cannot
    // hold NUL, so the stream splits into (mark+sha, parents, message) triples without ambiguity.
    let stopped = false;
    const parser = new NulTripleParser((commit) => {
      if (!stopped && !onCommit(commit)) stopped = true;
    }, onBoundary);
    return this.pipe(args, parser, undefined, () => stopped);
  }
}

/**
 * The 1-based line of a file's first bytes that are not UTF-8, or null. Line by line: a UTF-8
 * sequence never holds the byte 0x0A, so each line is valid or not on its own.
 */
function firstNonUtf8Line(bytes: Buffer): number | null {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const eol = bytes.indexOf(10, start);
    const end = eol === -1 ? bytes.length : eol;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return null;
}

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  redactDeep
} from "./chunk-32H4JKIA.js";
import {
  isGiven,
  layerSettings,
  raw
} from "./chunk-CT5YCGQG.js";
import {
  OutputTail
} from "./chunk-QNSM54YF.js";
import {
  printable
} from "./chunk-TRU3V6GF.js";
import {
  exec
} from "./chunk-2DVYPI74.js";
import {
  COMMANDS,
  describeProblem,
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/registry/compose.ts
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

// src/core/range-walk.ts
var OUTSIDE = Object.freeze({ outside: true, namers: null });
var RangeWalk = class {
  constructor(head, base) {
    this.base = base;
    this.pending.set(head, { outside: false, namers: null });
  }
  base;
  /** Commits named as parents but not seen yet, one map for both answers (one lookup a parent). */
  pending = /* @__PURE__ */ new Map();
  pendingInRange = 1;
  count = 0;
  sawBase = false;
  edgeList = [];
  /** Commits of the range delivered so far. */
  get inRange() {
    return this.count;
  }
  /**
   * Whether a commit of the stream named the base as a parent: it is an ancestor of head. Each
   * child of the base is in the range, so this is known by the time the walk is done.
   */
  get baseSeen() {
    return this.sawBase;
  }
  /**
   * Commits of the range with a parent outside it (other than the base: its children cannot be its
   * ancestors), and roots. Complete once the walk is done.
   */
  get edges() {
    return this.edgeList;
  }
  /** No commit of the range is pending: the rest of the stream lies outside it. */
  get done() {
    return this.pendingInRange === 0;
  }
  step(sha, parents) {
    const entry = this.pending.get(sha);
    if (entry === void 0) return "unordered";
    this.pending.delete(sha);
    if (entry.outside) {
      for (const parent of parents) {
        const known = this.pending.get(parent);
        if (known !== void 0 && !known.outside) {
          this.pendingInRange--;
          const namers = known.namers;
          if (typeof namers === "string") this.edgeList.push(namers);
          else if (namers !== null) this.edgeList.push(...namers);
        }
        if (known !== OUTSIDE) this.pending.set(parent, OUTSIDE);
      }
      return "out";
    }
    this.pendingInRange--;
    let edge = parents.length === 0 && this.base !== null;
    for (const parent of parents) {
      if (parent === this.base) {
        this.sawBase = true;
        this.pending.set(parent, OUTSIDE);
        continue;
      }
      const known = this.pending.get(parent);
      if (known === void 0) {
        this.pending.set(parent, { outside: false, namers: sha });
        this.pendingInRange++;
      } else if (known.outside) {
        edge = true;
      } else if (known.namers === null) {
        known.namers = sha;
      } else if (typeof known.namers === "string") {
        known.namers = [known.namers, sha];
      } else {
        known.namers.push(sha);
      }
    }
    if (edge) this.edgeList.push(sha);
    this.count++;
    return "in";
  }
};

// src/adapters/git-batch-parser.ts
var CatFileBatchParser = class {
  constructor(onObject) {
    this.onObject = onObject;
  }
  onObject;
  buffer = Buffer.alloc(0);
  pending = null;
  push(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (; ; ) {
      if (this.pending === null) {
        const eol = this.buffer.indexOf(10);
        if (eol < 0) return;
        const header = this.buffer.subarray(0, eol).toString("utf8");
        this.buffer = this.buffer.subarray(eol + 1);
        const match = /^[0-9a-f]+ (\S+) (\d+)$/.exec(header);
        if (match === null) {
          if (!/ (missing|ambiguous)$/.test(header)) throw new Error(`unexpected cat-file output: ${header}`);
          this.onObject({ found: false });
          continue;
        }
        this.pending = { type: match[1], size: Number(match[2]) };
      }
      const { type, size } = this.pending;
      if (this.buffer.length < size + 1) return;
      this.onObject({ found: true, type, content: Buffer.from(this.buffer.subarray(0, size)) });
      this.buffer = this.buffer.subarray(size + 1);
      this.pending = null;
    }
  }
  end() {
    if (this.pending !== null || this.buffer.length > 0) throw new Error("cat-file output ended mid-object");
  }
};

// src/adapters/git-changes-parser.ts
var SLASH = 47;
var NEWLINE = 10;
var SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
var Next = {
  Sha: 0,
  Parents: 1,
  Message: 2,
  /** The first field after the message: the first path (after a newline), or the next commit. */
  AfterMessage: 3,
  Files: 4
};
var ChangedCommitParser = class {
  constructor(onCommit) {
    this.onCommit = onCommit;
  }
  onCommit;
  /** The unfinished field of the previous chunk, when a chunk ended inside one. */
  carry = null;
  next = Next.Sha;
  commit = null;
  push(chunk) {
    let from = 0;
    if (this.carry !== null) {
      const nul = chunk.indexOf(0);
      if (nul === -1) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return;
      }
      const whole = Buffer.concat([this.carry, chunk.subarray(0, nul)]);
      this.carry = null;
      this.read(whole, 0, whole.length);
      from = nul + 1;
    }
    for (let nul = chunk.indexOf(0, from); nul !== -1; nul = chunk.indexOf(0, from)) {
      this.read(chunk, from, nul);
      from = nul + 1;
    }
    if (from < chunk.length) this.carry = Buffer.from(chunk.subarray(from));
  }
  /** The end of the stream: delivers the last commit. */
  end() {
    const rest = this.carry === null ? "" : this.carry.toString("latin1").trim();
    this.carry = null;
    if (rest !== "" || this.next === Next.Parents || this.next === Next.Message) {
      throw new Error(`git log output ended in the middle of a commit: ${rest.slice(0, 80)}`);
    }
    this.deliver();
  }
  /** One field: bytes [start, end) of buf. */
  read(buf, start, end) {
    const next = this.next;
    if (next === Next.Sha) {
      this.startCommit(buf, start, end);
    } else if (next === Next.Parents) {
      const parents = buf.toString("latin1", start, end);
      this.commit.parents = parents === "" ? [] : parents.split(" ");
      this.next = Next.Message;
    } else if (next === Next.Message) {
      this.commit.message = buf.toString("utf8", start, end);
      this.next = Next.AfterMessage;
    } else if (start === end) {
    } else if (buf[start] === SLASH) {
      this.startCommit(buf, start, end);
    } else if (buf[start] === NEWLINE && this.isSha(buf, start + 1, end)) {
      this.startCommit(buf, start + 1, end);
    } else if (next === Next.AfterMessage) {
      this.commit.files.push(buf.toString("utf8", buf[start] === NEWLINE ? start + 1 : start, end));
      this.next = Next.Files;
    } else {
      this.commit.files.push(buf.toString("utf8", start, end));
    }
  }
  /** `/` and a full commit id. */
  isSha(buf, start, end) {
    return buf[start] === SLASH && SHA.test(buf.toString("latin1", start + 1, end));
  }
  startCommit(buf, start, end) {
    if (buf[start] !== SLASH) {
      throw new Error(
        `git log output is not in the expected format near: ${buf.toString("latin1", start, Math.min(end, start + 80))}`
      );
    }
    this.deliver();
    this.commit = { sha: buf.toString("latin1", start + 1, end), parents: [], message: "", files: [] };
    this.next = Next.Parents;
  }
  deliver() {
    const commit = this.commit;
    this.commit = null;
    if (commit !== null) this.onCommit(commit);
  }
};

// src/adapters/git-dated-commits.ts
async function listDatedCommits(run, to, exclude) {
  const revisions = `${[to, ...exclude.map((sha) => `^${sha}`)].join("\n")}
`;
  const r = await run(["log", "--stdin", "--no-decorate", "--format=%H %ct", "--"], revisions);
  const commits = [];
  for (const line of r.stdout.split("\n")) {
    const [sha = "", seconds = ""] = line.split(" ");
    if (/^[0-9a-f]{40,64}$/.test(sha) && /^-?\d+$/.test(seconds)) {
      commits.push({ sha, committedAt: Number(seconds) });
    }
  }
  return commits;
}
async function findMissingCommits(run, shas) {
  const unique = [...new Set(shas)];
  if (unique.length === 0) return [];
  const asked = unique.filter((sha) => /^[0-9a-f]{4,64}$/i.test(sha));
  const r = await run(["cat-file", "--batch-check=%(objecttype)"], `${asked.join("\n")}
`);
  const answers = r.stdout.split("\n");
  const missing = unique.filter((sha) => !asked.includes(sha));
  asked.forEach((sha, index) => {
    if (answers[index] !== "commit") missing.push(sha);
  });
  return missing;
}

// src/adapters/git-log-parser.ts
var NulTripleParser = class {
  constructor(onCommit, onBoundary) {
    this.onCommit = onCommit;
    this.onBoundary = onBoundary;
  }
  onCommit;
  onBoundary;
  pending = null;
  /** Which field of the current commit comes next: 0 mark+sha, 1 parents, 2 message. */
  index = 0;
  sha = "";
  boundary = false;
  parents = "";
  push(chunk) {
    let start = 0;
    if (this.pending !== null) {
      const nul = chunk.indexOf(0);
      if (nul === -1) {
        this.pending = Buffer.concat([this.pending, chunk]);
        return;
      }
      const joined = Buffer.concat([this.pending, chunk.subarray(0, nul)]);
      this.pending = null;
      this.field(joined, 0, joined.length);
      start = nul + 1;
    }
    for (; ; ) {
      const nul = chunk.indexOf(0, start);
      if (nul === -1) break;
      this.field(chunk, start, nul);
      start = nul + 1;
    }
    if (start < chunk.length) this.pending = Buffer.from(chunk.subarray(start));
  }
  /** One field, bytes [start, end) of buf: decoded in place, without a Buffer view per field. */
  field(buf, start, end) {
    if (this.index === 0) {
      let at = start;
      while (at < end && (buf[at] === 10 || buf[at] === 13)) at++;
      this.boundary = buf[at] === 45;
      this.sha = buf.toString("latin1", at + 1, end);
      this.index = 1;
      return;
    }
    if (this.index === 1) {
      this.parents = buf.toString("latin1", start, end);
      this.index = 2;
      return;
    }
    this.index = 0;
    if (this.boundary) {
      this.onBoundary?.(this.sha);
      return;
    }
    this.onCommit({
      sha: this.sha,
      parents: this.parents === "" ? [] : this.parents.split(" "),
      message: buf.toString("utf8", start, end)
    });
  }
  end() {
    if (this.pending !== null && this.pending.length > 0) {
      const rest = this.pending.toString("latin1").trim();
      this.pending = null;
      if (rest !== "")
        throw new Error(`git log output ended in the middle of a commit: ${rest.slice(0, 80)}`);
    }
    if (this.index !== 0) throw new Error("git log output ended in the middle of a commit");
  }
};

// src/adapters/git-process.ts
import { spawn } from "node:child_process";
var BASE_ARGS = ["-c", "core.quotepath=off", "-c", "log.showSignature=false", "-c", "color.ui=never"];
var GitProcess = class {
  constructor(cwd, env) {
    this.cwd = cwd;
    this.env = env;
  }
  cwd;
  env;
  gitEnv() {
    return { ...this.env, GIT_TERMINAL_PROMPT: "0", GIT_FLUSH: "0", LC_ALL: "C" };
  }
  /**
   * Runs git; `onStdout` sees each chunk as it arrives. Resolves with the exit code (never rejects
   * for a non-zero one); rejects with a ShipguardError when git cannot be started.
   */
  async exec(args, onStdout, stderr, input) {
    try {
      return await exec("git", [...BASE_ARGS, ...args], {
        cwd: this.cwd,
        env: this.gitEnv(),
        silent: true,
        ignoreReturnCode: true,
        ...input === void 0 ? {} : { input: Buffer.from(input, "utf8") },
        listeners: { stdout: onStdout, stderr: (chunk) => void stderr.push(chunk) }
      });
    } catch (error) {
      throw gitSpawnError(error, this.cwd);
    }
  }
  async run(args, allowFailure = false, input) {
    const out = [];
    const err = new OutputTail();
    const stderr = err.reader();
    const code = await this.exec(args, (chunk) => out.push(chunk), stderr, input);
    stderr.end();
    const bytes = Buffer.concat(out);
    const result = { code, bytes, stdout: bytes.toString("utf8"), stderr: err.text() };
    if (result.code !== 0 && !allowFailure) throw gitFailed(args, result.stderr);
    return result;
  }
  /**
   * Runs git (with `input` on stdin) and hands its stdout to `parser` as it comes, bytes as they
   * are; git is ended as soon as the parser fails or `stopped()` says enough was read.
   */
  pipe(args, parser, input, stopped = () => false) {
    return new Promise((resolve, reject) => {
      const child = spawn("git", [...BASE_ARGS, ...args], {
        cwd: this.cwd,
        env: this.gitEnv(),
        stdio: ["pipe", "pipe", "pipe"]
      });
      child.stdin.on("error", () => {
      });
      child.stdin.end(input);
      const err = new OutputTail();
      const stderr = err.reader();
      let failed = null;
      child.stdout.on("data", (chunk) => {
        if (failed !== null || stopped()) return;
        try {
          parser.push(chunk);
        } catch (error) {
          failed = error;
        }
        if (failed !== null || stopped()) child.kill();
      });
      child.stderr.on("data", (chunk) => void stderr.push(chunk));
      child.on("error", (error) => reject(gitSpawnError(error, this.cwd)));
      child.on("close", (code) => {
        if (failed !== null) return reject(failed);
        if (stopped()) return resolve();
        stderr.end();
        if (code !== 0) return reject(gitFailed(args, err.text()));
        try {
          parser.end();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  }
};
function gitSpawnError(error, cwd) {
  const cause = { cause: error };
  if (error.code === "ENOENT" || /Unable to locate executable file/.test(error.message)) {
    return shipguardError("SG_GIT_NOT_FOUND", {}, cause);
  }
  if (/The cwd: .* does not exist/.test(error.message)) {
    return shipguardError("SG_WORKING_DIRECTORY_MISSING", { cwd }, cause);
  }
  return shipguardError("SG_GIT_UNSTARTABLE", { detail: error.message }, cause);
}
function gitFailed(args, stderr) {
  return shipguardError("SG_GIT_FAILED", { command: args.slice(0, 2).join(" "), stderr: printable(stderr) });
}

// src/adapters/git-cli.ts
var MAX_EDGE_CHECKS = 8;
var LOG_FORMAT = "--format=%m%H%x00%P%x00%B";
var CHANGES_ARGS = `-c log.showRoot=true log -z --date-order --no-decorate --name-only --no-renames
  --no-relative --diff-merges=first-parent --format=/%H%x00%P%x00%B`.split(/\s+/);
var GitCli = class {
  constructor(cwd, logger, env) {
    this.logger = logger;
    this.process = new GitProcess(cwd, env);
  }
  logger;
  process;
  run(args, allowFailure = false, input) {
    return this.process.run(args, allowFailure, input);
  }
  pipe(args, parser, input, stopped) {
    return this.process.pipe(args, parser, input, stopped);
  }
  async inspect() {
    const r = await this.run(
      ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--verify", "-q", "HEAD^{commit}"],
      true
    );
    const [topLevel = "", shallow = "", head = ""] = r.stdout.split("\n");
    if (topLevel === "") return null;
    return { topLevel, shallow: shallow === "true", head: r.code === 0 && head !== "" ? head : null };
  }
  async currentBranch() {
    const r = await this.run(["symbolic-ref", "--short", "-q", "HEAD"], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }
  async hasRemote(name) {
    const r = await this.run(["remote"], true);
    return r.stdout.split("\n").some((line) => line.trim() === name);
  }
  async fetchHistoryAndTags(remote, unshallow) {
    const args = ["fetch", "--quiet", "--no-recurse-submodules", "--tags", "--force"];
    if (unshallow) args.push("--unshallow");
    args.push(remote);
    this.logger.debug(`git ${args.join(" ")}`);
    await this.run(args);
  }
  listTags(pattern) {
    return this.forEachTag([pattern], [], false);
  }
  listTagsDated(patterns) {
    return this.forEachTag(patterns, [], true);
  }
  listReachableTags(commit, patterns) {
    return this.forEachTag(patterns, [`--merged=${commit}`], false);
  }
  /** The tags that point at commits, with their commit's date when `dated`. */
  async forEachTag(patterns, filter, dated) {
    const dates = dated ? "%00%(committerdate:unix)%00%(*committerdate:unix)" : "";
    const r = await this.run([
      "for-each-ref",
      ...filter,
      `--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(objecttype)%00%(*objecttype)${dates}`,
      ...patterns.map((p) => `refs/tags/${p}`)
    ]);
    const tags = [];
    for (const line of r.stdout.split("\n")) {
      if (line === "") continue;
      const [name = "", object = "", peeled = "", type = "", peeledType = "", date = "", peeledDate = ""] = line.split("\0");
      const targetType = peeledType || type;
      if (targetType !== "commit") {
        this.logger.debug(`Tag ${JSON.stringify(name)} points at a ${targetType}, not a commit: skipped.`);
        continue;
      }
      tags.push(
        dated ? { name, sha: peeled || object, date: Number(peeledDate || date) || 0 } : { name, sha: peeled || object }
      );
    }
    return tags;
  }
  async resolveCommit(ref) {
    const r = await this.run(["rev-parse", "-q", "--verify", "--end-of-options", `${ref}^{commit}`], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }
  async changedFiles(from, to) {
    const r = await this.run(["diff", "--name-only", "-z", "--no-renames", from, to, "--"]);
    return r.stdout.split("\0").filter((f) => f !== "");
  }
  async tagCommit(tag) {
    const ref = await this.run(["show-ref", "--verify", "--hash", `refs/tags/${tag}`], true);
    const object = ref.code === 0 ? ref.stdout.trim() : "";
    if (!/^[0-9a-f]{40,64}$/.test(object)) return null;
    const r = await this.run(["rev-parse", "-q", "--verify", `${object}^{commit}`], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }
  async createAnnotatedTag(tag, sha, message) {
    const r = await this.run(["tag", "-a", "--cleanup=verbatim", "-F", "-", "--", tag, sha], true, message);
    if (r.code === 0) return "created";
    if (/already exists/.test(r.stderr)) return "exists";
    throw gitFailed(["tag", "-a"], r.stderr);
  }
  async deleteTag(tag) {
    await this.run(["tag", "-d", "--", tag]);
  }
  async forceTag(tag, sha) {
    await this.run(["tag", "-f", "--", tag, sha]);
  }
  async pushTag(remote, tag, force) {
    const spec = `${force ? "+" : ""}refs/tags/${tag}:refs/tags/${tag}`;
    const r = await this.run(["push", "--porcelain", remote, spec], true);
    if (r.code === 0) return "pushed";
    if (/\[rejected\]|already exists|non-fast-forward|\(fetch first\)/.test(r.stdout + r.stderr))
      return "rejected";
    throw gitFailed(["push", remote], r.stderr || r.stdout);
  }
  async remoteTagCommit(remote, tag) {
    const r = await this.run(["ls-remote", "--tags", remote, `refs/tags/${tag}`, `refs/tags/${tag}^{}`]);
    let direct = null;
    for (const line of r.stdout.split("\n")) {
      const [sha, ref] = line.split("	");
      if (ref === `refs/tags/${tag}^{}`) return sha ?? null;
      if (ref === `refs/tags/${tag}`) direct = sha ?? null;
    }
    return direct;
  }
  datedCommits(to, exclude) {
    return listDatedCommits((args, input) => this.run(args, false, input), to, exclude);
  }
  missingCommits(shas) {
    return findMissingCommits((args, input) => this.run(args, false, input), shas);
  }
  async isAncestor(ancestor, descendant) {
    const r = await this.run(["merge-base", "--is-ancestor", ancestor, descendant], true);
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    throw gitFailed(["merge-base", "--is-ancestor", ancestor, descendant], r.stderr);
  }
  // Not part of the Git port: making a repository and reading files from it, for the demo's
  // fixtures (src/demo), which run git through this adapter like the commands do.
  /** Makes the working directory a repository whose first branch is `branch`. */
  async init(branch) {
    await this.run(["init", "--quiet"]);
    await this.run(["symbolic-ref", "HEAD", `refs/heads/${branch}`]);
  }
  /** Commits every change of the work tree, hooks skipped. */
  async commitAll(message) {
    await this.run(["add", "--all"]);
    await this.run(["commit", "--quiet", "--no-verify", "--message", message]);
  }
  /**
   * The files under `folder` at `ref` (a tag or a commit), recursively: each with its path relative
   * to `folder`, git's mode ("100644", "100755", "120000" for a symlink, whose content is its
   * target) and its bytes as committed. Submodules are left out.
   */
  async filesAt(ref, folder) {
    const prefix = `${folder.replace(/\/+$/, "")}/`;
    const args = ["ls-tree", "-r", "-z", "--end-of-options", `${ref}^{commit}`, "--", prefix];
    const listing = await this.run(args);
    const files = [];
    for (const entry of listing.stdout.split("\0")) {
      const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
      if (match === null) continue;
      const [, mode = "", sha = "", file = ""] = match;
      const blob = await this.run(["cat-file", "blob", sha]);
      files.push({ path: file.slice(prefix.length), mode, content: blob.bytes });
    }
    return files;
  }
  /** Commits exactly these paths (relative to the repository's top folder) as they are in the work tree, hooks skipped; the new HEAD. */
  async commitPaths(message, paths) {
    await this.run(["add", "--", ...paths]);
    await this.run(
      ["commit", "--quiet", "--no-verify", "--cleanup=verbatim", "-F", "-", "--only", "--", ...paths],
      false,
      message
    );
    return (await this.run(["rev-parse", "HEAD"])).stdout.trim();
  }
  async mergeBase(commits) {
    const r = await this.run(["merge-base", "--octopus", "--end-of-options", ...commits], true);
    if (r.code === 0) return r.stdout.trim().split("\n")[0] || null;
    if (r.code === 1) return null;
    throw gitFailed(["merge-base", "--octopus"], r.stderr);
  }
  async readFiles(commit, paths) {
    const blobs = await this.readBlobs(commit, paths);
    return new Map([...blobs].map(([path3, bytes]) => [path3, bytes === null ? null : bytes.toString("utf8")]));
  }
  async readStoredFiles(commit, paths) {
    const modes = paths.length === 0 ? /* @__PURE__ */ new Map() : this.treeModes(commit, paths);
    const [blobs, mode] = await Promise.all([this.readBlobs(commit, paths), modes]);
    return new Map(
      [...blobs].map(([path3, bytes]) => [
        path3,
        bytes === null ? null : {
          text: bytes.toString("utf8"),
          notUtf8Line: firstNonUtf8Line(bytes),
          mode: mode.get(path3) ?? "100644"
        }
      ])
    );
  }
  async filesUnder(commit, folder) {
    return [...(await this.treeModes(commit, folder === "." ? [] : [folder], true)).keys()];
  }
  /** Each file's mode in `commit`'s tree, of `paths` (every one when empty; under them with `recursive`). */
  async treeModes(commit, paths, recursive = false) {
    const args = ["--literal-pathspecs", "ls-tree", "-z", "--full-tree", ...recursive ? ["-r"] : []];
    const named = paths.length === 0 ? [] : ["--", ...new Set(paths)];
    const listing = await this.run([...args, "--end-of-options", commit, ...named]);
    const modes = /* @__PURE__ */ new Map();
    for (const entry of listing.stdout.split("\0")) {
      const match = /^(\d+) blob [0-9a-f]+\t(.+)$/s.exec(entry);
      if (match !== null) modes.set(match[2], match[1]);
    }
    return modes;
  }
  /** Each blob's bytes at `commit`, null when absent or not a file; one `git cat-file --batch`. */
  async readBlobs(commit, paths) {
    const files = /* @__PURE__ */ new Map();
    const asked = [...new Set(paths)].filter((p) => !/[\n\r]/.test(p));
    if (asked.length === 0) return files;
    let next = 0;
    const parser = new CatFileBatchParser((object) => {
      const path3 = asked[next++];
      files.set(path3, object.found && object.type === "blob" ? object.content : null);
    });
    const input = asked.map((p) => `${commit}:${p}
`).join("");
    await this.pipe(["cat-file", "--batch"], parser, input);
    return files;
  }
  async readCommit(ref) {
    const r = await this.run(
      ["log", "-1", "--no-decorate", "--format=%H%x00%P%x00%B", "--end-of-options", `${ref}^{commit}`, "--"],
      true
    );
    if (r.code !== 0) return null;
    const [sha = "", parents = "", message = ""] = r.stdout.split("\0");
    return { sha, parents: parents.split(" ").filter((p) => p !== ""), message };
  }
  async streamChanges(tips, exclude, onCommit) {
    const revisions = `${[...tips, ...exclude === null ? [] : [`^${exclude}`]].join("\n")}
`;
    await this.pipe([...CHANGES_ARGS, "--stdin", "--"], new ChangedCommitParser(onCommit), revisions);
  }
  async streamCommits(to, exclude, onCommit, onBoundary, onRestart) {
    if (await this.streamAsItComes(to, exclude, onCommit, onBoundary)) return;
    this.logger.debug(
      "Commit dates are out of order in this history: reading the range again in git's order."
    );
    onRestart?.();
    const args = ["log", "-z", "--date-order", "--no-decorate", LOG_FORMAT, to];
    if (exclude !== null) args.push("--boundary", `^${exclude}`);
    args.push("--");
    await this.logStream(
      args,
      (commit) => {
        onCommit(commit);
        return true;
      },
      onBoundary
    );
  }
  /**
   * `git log <to>` starts printing at once, where `git log <to> ^<exclude>` first walks the whole
   * range: parsing then runs beside git instead of after it. RangeWalk finds the range in the
   * stream, and git confirms it: no commit of the range that has a parent outside it may be an
   * ancestor of `exclude` (clock skew can only make the walk's range too large, and then such a
   * commit exists). False: the order or the range could not be trusted.
   */
  async streamAsItComes(to, exclude, onCommit, onBoundary) {
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
    if (!ordered || !walk.done) return false;
    if (exclude === null || !walk.baseSeen) return true;
    if (!await this.rangeConfirmed(to, exclude, walk)) return false;
    onBoundary?.(exclude);
    return true;
  }
  /** Whether git agrees with the walk's range `exclude..to`. */
  async rangeConfirmed(to, exclude, walk) {
    const edges = walk.edges;
    if (edges.length <= MAX_EDGE_CHECKS) {
      const answers = await Promise.all(edges.map((edge) => this.isAncestor(edge, exclude)));
      return !answers.includes(true);
    }
    const r = await this.run(["rev-list", "--count", to, `^${exclude}`, "--"], true);
    return r.code === 0 && Number(r.stdout.trim()) === walk.inRange;
  }
  /**
   * Streams `git log -z` output to `onCommit` until it returns false. The one git call not made
   * through @actions/exec: its runner decodes every chunk to text to split lines for listeners we
   * do not use; at 1,000,000 commits that cost 9% of the run and 8 MB (README, "Design
   * notes"). This stream stays bytes, split on NUL, each message decoded once.
   */
  logStream(args, onCommit, onBoundary) {
    let stopped = false;
    const parser = new NulTripleParser((commit) => {
      if (!stopped && !onCommit(commit)) stopped = true;
    }, onBoundary);
    return this.pipe(args, parser, void 0, () => stopped);
  }
};
function firstNonUtf8Line(bytes) {
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

// src/registry/compose.ts
var PERMISSIONS = {
  release: "`contents: write` (and `pull-requests: write` with `release-mode: pull-request`)",
  deploy: "`deployments: write` (and `actions: write` for rollbacks)",
  rollback: "`deployments: write`",
  smoke: "`deployments: read` (to read the deployed version when `version` is not set)",
  incident: "`issues: write`",
  metrics: "`deployments: read` and `contents: read`"
};
var LOCK_WAIT_SECONDS = 600;
var CompositionRoot = class _CompositionRoot {
  constructor(context) {
    this.context = context;
  }
  context;
  clients = null;
  /** The environment locks this run holds, shared with the roots with() makes (re-entrancy). */
  held = /* @__PURE__ */ new Set();
  /** The same wiring for a run in another context (the automatic rollback's actor); clients are shared. */
  with(patch) {
    const root = new _CompositionRoot({ ...this.context, ...patch });
    root.clients = this.clients;
    root.held = this.held;
    return root;
  }
  /** The folder of the repository a command works in. */
  repoDir(workingDirectory) {
    return path.resolve(this.context.workspace, workingDirectory);
  }
  git(workingDirectory) {
    return new GitCli(this.repoDir(workingDirectory), this.context.logger, this.context.env);
  }
  /**
   * GitHub, when the settings name a repository (the action's default: the workflow's own); null
   * for the local backend. A missing token is an error here, before anything is written.
   */
  async github(repository, command, tokenOptional = false) {
    if (repository === null) return null;
    const { token, apiUrl, graphqlUrl } = this.context.github;
    if (token === "" && !tokenOptional) {
      throw shipguardError("SG_TOKEN_MISSING", {
        command,
        permissions: PERMISSIONS[command],
        cli: this.context.host === "cli"
      });
    }
    this.clients ??= import("./client-LIUAMWG7.js").then(({ createClient }) => {
      const options = {
        token: token || "dry-run",
        baseUrl: apiUrl,
        graphqlUrl: graphqlUrl ?? void 0,
        logger: this.context.logger
      };
      return { octokit: createClient(options), urgentOctokit: createClient(options) };
    });
    return { repository, ...await this.clients };
  }
  async forge(settings, git) {
    const github = await this.github(settings.repository, "release", settings.dryRun);
    if (github === null) {
      const { LocalForge } = await import("./local-forge-MS7BORIZ.js");
      return new LocalForge(git, this.context.logger, settings.push ? "origin" : null);
    }
    const { GitHubForge } = await import("./forge-J72DYSYQ.js");
    return new GitHubForge(github.octokit, github.repository, this.context.logger);
  }
  /**
   * GitHub Deployments, or the local ledger file. `existing`: a file named by `ledger-file` must be
   * there (a report of a typo'd path would otherwise say "no deployments").
   */
  async ledger(github, repoDir, ledgerFile, options = {}) {
    if (github !== null) {
      const { GitHubLedger } = await import("./ledger-SRICOK3N.js");
      return new GitHubLedger(github.octokit, github.repository, this.context.logger);
    }
    const { LocalLedger } = await import("./local-ledger-JK5EQBQP.js");
    const file = await ledgerPath(repoDir, ledgerFile);
    if (options.existing === true && ledgerFile !== null && !await isFile(file))
      throw shipguardError("SG_LEDGER_FILE_MISSING", { ledgerFile, path: file });
    return new LocalLedger(file, { logger: this.context.logger, creator: this.context.actor });
  }
  /**
   * Runs `work` holding the environment's lock, on the local backend (on GitHub the workflows'
   * concurrency serialises runs). Re-entrant within a run: the automatic rollback of a failed
   * deploy, wired through with(), runs under the lock its deploy holds.
   */
  async exclusive(github, repoDir, target, work) {
    if (github !== null) return work();
    const { acquireEnvironmentLock, environmentLockPath } = await import("./environment-lock-OWISZ4KZ.js");
    const file = environmentLockPath(await ledgerPath(repoDir, target.ledgerFile), target.environment);
    if (this.held.has(file)) return work();
    const seconds = Number(this.context.env.SHIPGUARD_LOCK_WAIT_SECONDS ?? LOCK_WAIT_SECONDS);
    const { cancellation } = this.context;
    const lock = await acquireEnvironmentLock({
      file,
      environment: target.environment,
      command: target.command,
      logger: this.context.logger,
      waitMs: (Number.isFinite(seconds) && seconds >= 0 ? seconds : LOCK_WAIT_SECONDS) * 1e3,
      signal: cancellation.signal
    }).catch((error) => {
      const signal = cancellation.cause();
      if (signal === null) throw error;
      throw shipguardError("SG_CANCELLED", { signal, environment: target.environment });
    });
    this.held.add(file);
    try {
      return await work();
    } finally {
      this.held.delete(file);
      await lock.release();
    }
  }
  async dispatcher(github, urgent = false) {
    const { GitHubDispatcher } = await import("./dispatcher-FBWOLIJR.js");
    const octokit = urgent ? github.urgentOctokit : github.octokit;
    return new GitHubDispatcher(octokit, github.repository, this.context.logger);
  }
  /** The branch dispatched workflows run on: workflow-ref, else the repository's default branch. */
  async workflowRef(github, settings) {
    if (settings.workflowRef !== null) return settings.workflowRef;
    if (this.context.github.defaultBranch !== null) return this.context.github.defaultBranch;
    const repo = await github.octokit.rest.repos.get({ ...github.repository });
    return repo.data.default_branch;
  }
  async deployer(settings, github, repoDir) {
    const { logger, env } = this.context;
    const common = { env, logger, timeoutMs: settings.deployTimeoutMs };
    switch (settings.strategy) {
      case "command": {
        const { CommandDeployer } = await import("./command-T57TXLGR.js");
        return new CommandDeployer({
          ...common,
          command: settings.deployCommand ?? "",
          prepareCommand: settings.prepareCommand,
          cwd: repoDir
        });
      }
      case "symlink": {
        const { SymlinkDeployer } = await import("./symlink-334GABGU.js");
        return new SymlinkDeployer({
          ...common,
          releaseSource: path.resolve(repoDir, settings.releaseSource ?? ""),
          releasesDir: path.resolve(repoDir, settings.releasesDir ?? ""),
          ...settings.currentLink === null ? {} : { currentLink: path.resolve(repoDir, settings.currentLink) },
          keepReleases: settings.keepReleases,
          restartCommand: settings.restartCommand,
          prepareCommand: settings.prepareCommand
        });
      }
      case "workflow": {
        if (github === null) throw shipguardError("SG_WORKFLOW_NEEDS_GITHUB", {});
        const { WorkflowDeployer } = await import("./workflow-Q6HGRWHW.js");
        return new WorkflowDeployer({
          dispatcher: await this.dispatcher(github),
          workflow: settings.deployWorkflow ?? "",
          ref: await this.workflowRef(github, settings),
          inputs: settings.workflowInputs,
          timeoutMs: settings.deployTimeoutMs,
          logger,
          onStatus: (status) => logger.info(`deploy workflow: ${status}`)
        });
      }
    }
  }
  /** The ports deploy and rollback share: git, the environment's ledger, the deployer and the checks. */
  async deployLoop(settings, command) {
    const repoDir = this.repoDir(settings.workingDirectory);
    const github = await this.github(settings.repository, command);
    const ports = {
      git: this.git(settings.workingDirectory),
      ledger: await this.ledger(github, repoDir, settings.ledgerFile),
      deployer: await this.deployer(settings, github, repoDir),
      logger: this.context.logger,
      smoke: await this.smoke(settings.checks, repoDir)
    };
    return { github, repoDir, ports };
  }
  /** Reads and validates the checks up front, so a typo fails before anything is deployed. */
  async smoke(checks, repoDir) {
    let text = checks.inline;
    let source = "the `checks` input";
    if (checks.file !== null) {
      const file = checks.file;
      source = file;
      text = await readFile(path.resolve(repoDir, file), "utf8").catch((error) => {
        throw shipguardError("SG_CHECKS_FILE_UNREADABLE", { file, detail: error.code ?? error.message });
      });
    }
    if (text === null) return null;
    const [{ parseChecks }, { secretValues }, { runSmoke }] = await Promise.all([
      import("./parse-checks-7QVQTIG3.js"),
      import("./expand-suite-LTQJBMSB.js"),
      import("./probes-RWV7DIML.js")
    ]);
    const suite = parseChecks(text, source);
    for (const secret of secretValues(suite, this.context.env)) this.context.registerSecret(secret);
    const { logger, redact } = this.context;
    return {
      suite,
      run: (s, env, signal) => runSmoke(s, {
        env,
        signal,
        redact,
        onAttempt: (event) => {
          if (event.nextDelayMs !== null) {
            logger.debug(
              `check ${event.check}: attempt ${event.attempt} ${event.outcome.verdict}; next in ${event.nextDelayMs} ms`
            );
          }
        }
      })
    };
  }
  /**
   * The webhooks of notify-url (the host masked them, as every `secret` option, before anything
   * ran). Each event is cleared of the run's secrets before any body is made of it.
   */
  async notifier(settings) {
    const { WebhookNotifier } = await import("./webhook-PZQSYDFH.js");
    const notifier = new WebhookNotifier({ urls: settings.urls, format: settings.format });
    const { redact } = this.context;
    return { send: (event, limits) => notifier.send(redactDeep(event, redact), limits) };
  }
  /**
   * Where incidents are recorded: an issue in the repository the settings name (GitHub), else
   * markdown files in `incidents/` next to the local ledger (`.shipguard/incidents/`).
   */
  async incidentLog(where) {
    const log = await this.incidentLogOn(where);
    const { redact } = this.context;
    return { describe: log.describe, record: (incident) => log.record(redactDeep(incident, redact)) };
  }
  async incidentLogOn(where) {
    const github = await this.github(where.repository, "incident");
    if (github !== null) {
      const { GitHubIncidentLog } = await import("./incidents-CWCCFW3C.js");
      return new GitHubIncidentLog(github.octokit, github.repository, this.context.logger);
    }
    const { incidentsFolder, LocalIncidentLog } = await import("./local-incidents-JJWM4VSX.js");
    const ledger = await ledgerPath(this.repoDir(where.workingDirectory), where.ledgerFile);
    return new LocalIncidentLog(incidentsFolder(ledger), this.context.logger);
  }
  /** before-rollback and after-rollback: the user's commands, in the repository, with a bound. */
  async hooks(repoDir) {
    const { runShell } = await import("./process-HELJJWCX.js");
    const { logger } = this.context;
    return {
      async run(label, command, env, signal) {
        const r = await runShell({
          label,
          command,
          cwd: repoDir,
          env,
          signal,
          timeoutMs: 15 * 6e4,
          onOutput: (text) => logger.untrusted(text.replace(/\n$/, ""))
        });
        return { ok: r.failure === null, failure: r.failure, tail: r.tail };
      }
    };
  }
};
async function isFile(file) {
  return stat(file).then(
    (info) => info.isFile(),
    () => false
  );
}
async function ledgerPath(repoDir, ledgerFile) {
  if (ledgerFile !== null) return path.resolve(repoDir, ledgerFile);
  const { defaultLedgerPath } = await import("./local-ledger-JK5EQBQP.js");
  return defaultLedgerPath(repoDir);
}
function childEnvironment(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === void 0 || key.startsWith("INPUT_") || key === "ACTIONS_RUNTIME_TOKEN" || key === "ACTIONS_ID_TOKEN_REQUEST_TOKEN")
      continue;
    out[key] = value;
  }
  return out;
}

// src/registry/settings-file.ts
import { readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";
async function withSettingsFile(source, workspace, logger) {
  const named = isGiven(source("config-file"));
  const name = raw(source, "config-file").trim();
  const file = path2.resolve(workspace, raw(source, "working-directory"), name);
  let bytes;
  try {
    bytes = await readFile2(file);
  } catch (error) {
    const code = error.code;
    const missing = code === "ENOENT" || code === "ENOTDIR";
    if (missing && !named) return source;
    if (missing) throw shipguardError("SG_SETTINGS_FILE_MISSING", { file: name, path: file });
    throw shipguardError("SG_SETTINGS_FILE_UNREADABLE", { file: name, detail: error.message });
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw shipguardError("SG_SETTINGS_FILE_UNREADABLE", { file: name, detail: "it is not UTF-8 text." });
  }
  logger.debug(`Settings file: ${name}`);
  const { parseSettingsFile } = await import("./settings-file-EOIVUXBX.js");
  return layerSettings(source, parseSettingsFile(text, name));
}

// src/registry/index.ts
var COMMAND_REGISTRY = {
  version: {
    summary: "Compute the next version from the Conventional Commits since the last tag, and why.",
    load: async () => (await import("./version-BBXR6OXJ.js")).versionCommand
  },
  release: {
    summary: "Compute the version, then tag the analysed commit; with --version-files or --changelog-file, first one release commit `chore(release): <version>` carrying them, and the tag on it (--dry-run prints its diff). Locally: an annotated tag (--push sends it to origin) and the notes on stdout or --notes-file. With --repo owner/name and GITHUB_TOKEN: the tag and a GitHub Release, as the action does.",
    load: async () => (await import("./release-HPNMC3XM.js")).releaseCommand
  },
  deploy: {
    summary: "Deploy a version to an environment, run the smoke checks, record the result, and roll back when they fail.",
    load: async () => (await import("./deploy-XUIBEBNZ.js")).deployCommand,
    cleansUp: true
  },
  smoke: {
    summary: "Run the smoke checks and print the verdict.",
    load: async () => (await import("./smoke-ONHKKU3R.js")).smokeCommand,
    cleansUp: true
  },
  rollback: {
    summary: "Put the last known good version of an environment back (or --to-version), with guards and a report.",
    load: async () => (await import("./rollback-DHU2LJDZ.js")).rollbackCommand,
    cleansUp: true
  },
  incident: {
    summary: "Record an incident another step reported (its `incident` output): a GitHub issue labelled shipguard:incident, one per correlation id, or a file in .shipguard/incidents.",
    load: async () => (await import("./incident-BF2ISKEN.js")).incidentCommand
  },
  metrics: {
    summary: "Delivery metrics (DORA's keys) per environment from the deployment records: deployment frequency, lead time for changes, change failure rate, recovery time and rework rate, over a window (--since, default 30d). Locally from the ledger file; with --repo owner/name and GITHUB_TOKEN, from GitHub Deployments.",
    load: async () => (await import("./metrics-RQMY5X4D.js")).metricsCommand
  }
};
function isCommandName(name) {
  return COMMANDS.includes(name);
}
async function execute(host, name) {
  const entry = COMMAND_REGISTRY[name];
  const command = await entry.load();
  const source = await withSettingsFile(host.source, host.context.workspace, host.context.logger);
  if (entry.cleansUp) host.context.cancellation.holdExit();
  const shown = await command.execute(source, new CompositionRoot(host.context));
  const result = redactDeep(shown, host.context.redact);
  await host.publish(result);
  if (!result.ok) host.fail(result.problem === null ? result.message : describeProblem(result.problem));
  return result;
}

export {
  GitCli,
  CompositionRoot,
  childEnvironment,
  COMMAND_REGISTRY,
  isCommandName,
  execute
};

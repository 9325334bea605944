// Benchmark repository generator: N conventional commits since the last tag (v1.4.2), written with
// `git fast-import` from a seeded PRNG, so the same size always gives the same repository (same HEAD).
//
//   node test/bench/make-repo.mjs --sizes 10000,100000 [--cache-dir DIR] [--force]
//
// Shape of a repository of size N:
//   - 20 older commits carrying 200 tags: 192 SemVer tags v0.x / v1.x (lightweight and annotated,
//     including prereleases) and 8 non-SemVer tags (latest, v1, v0, v1.4, 0.640, stable, nightly,
//     release-2019-12); the last SemVer tag is v1.4.2 (annotated) on the 20th commit, the base.
//   - exactly N commits in v1.4.2..HEAD: mostly fix/chore/docs/feat with scopes, multi-line bodies with
//     footers (Refs: #123, Closes, Co-authored-by, Signed-off-by), squash-merge bodies ("* fix: ..."),
//     Dependabot bumps, a few non-conventional messages and capitalised types, merge commits with two
//     parents (short topic branches, about 3% of the commits), and a handful of reverts (`Revert "..."`
//     with `This reverts commit <sha>.` and `revert:` with `Refs: <sha>`, the sha being the real one of
//     an earlier fix/chore/docs/refactor/test commit; a few revert a commit older than the tag).
//   - exactly one breaking change, `feat!: ...` (no footer), at commit 5,000 counted from the tag
//     (the middle when N < 10,000), so a correct engine answers bump "major", version "2.0.0".
//   Nothing else is breaking: no other `!`, no BREAKING CHANGE footer, no Release-As.
//
// Repositories are cached outside the project, in `${XDG_CACHE_HOME:-~/.cache}/shipguard-bench/
// <size>-<GENERATOR_VERSION>`, built in a temporary sibling folder and renamed into place once
// complete; `.git/shipguard-bench.json` (written last) marks a complete repository.
// Change GENERATOR_VERSION whenever the output of this file changes.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const GENERATOR_VERSION = "g1";
export const BASE_TAG = "v1.4.2";
export const EXPECTED = { bump: "major", version: "2.0.0", previousVersion: "1.4.2", previousTag: BASE_TAG };
export const MARKER = "shipguard-bench.json";
const OLDER_COMMITS = 20;
const SEMVER_TAGS = 192;
const SEED = 0x5eed2024;

export function defaultCacheRoot() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "shipguard-bench");
}

export function repoPath(size, cacheRoot = defaultCacheRoot()) {
  return path.join(cacheRoot, `${size}-${GENERATOR_VERSION}`);
}

/** Position (1-based, counted from the tag) of the single `feat!:` commit. */
export function breakingPosition(size) {
  return size >= 10_000 ? 5_000 : Math.max(1, Math.ceil(size / 2));
}

/** The marker of a complete cached repository, or null. */
export function readMarker(dir) {
  const marker = readAnyMarker(dir);
  return marker?.generatorVersion === GENERATOR_VERSION ? marker : null;
}

/**
 * Returns the cached repository of `size` commits, generating it when absent or incomplete.
 * @returns {Promise<{dir: string, generated: boolean, marker: object}>}
 */
export function ensureRepo(size, { cacheRoot = defaultCacheRoot(), force = false, log = () => {} } = {}) {
  return ensureCached(repoPath(size, cacheRoot), {
    force,
    log: () => log(`generating ${size.toLocaleString("en-US")} commits in ${repoPath(size, cacheRoot)} ...`),
    valid: (marker) => marker.generatorVersion === GENERATOR_VERSION && marker.size === size,
    generate: (tmp) => generateRepo(size, tmp),
  });
}

/**
 * A generated repository cached in `dir`: built in a temporary sibling folder and renamed into
 * place once complete; `.git/shipguard-bench.json` (the marker, written last) marks it complete.
 * `valid(marker)` says whether a cached one is still the one `generate(tmp)` would write.
 * @returns {Promise<{dir: string, generated: boolean, marker: object}>}
 */
export async function ensureCached(dir, { force = false, log = () => {}, valid, generate }) {
  const current = () => {
    const marker = readAnyMarker(dir);
    return marker && valid(marker) ? marker : null;
  };
  if (!force) {
    const marker = current();
    if (marker) return { dir, generated: false, marker };
  }
  const cacheRoot = path.dirname(dir);
  await mkdir(cacheRoot, { recursive: true });
  // Leftovers of interrupted runs: `<name>.tmp-<pid>` whose process is gone.
  const prefix = `${path.basename(dir)}.tmp-`;
  for (const name of await readdir(cacheRoot)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || !isAlive(pid))
      await rm(path.join(cacheRoot, name), { recursive: true, force: true });
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  log();
  const marker = await generate(tmp);
  const other = force ? null : current();
  if (other) {
    // another run finished the same repository meanwhile: keep that one
    await rm(tmp, { recursive: true, force: true });
    return { dir, generated: true, marker: other };
  }
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return { dir, generated: true, marker };
}

/** The marker of a complete cached repository of any generator, or null. */
function readAnyMarker(dir) {
  const file = path.join(dir, ".git", MARKER);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err?.code === "EPERM";
  }
}

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** pick from [[weight, value], ...] */
  const weighted = (table) => {
    const total = table.reduce((sum, [w]) => sum + w, 0);
    let r = next() * total;
    for (const [w, v] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1][1];
  };
  return { next, int, pick, weighted, chance: (p) => next() < p };
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary

const SCOPES = [
  "api",
  "cli",
  "core",
  "parser",
  "config",
  "deps",
  "release",
  "action",
  "git",
  "notes",
  "tags",
  "semver",
  "rules",
  "deploy",
  "verify",
  "rollback",
  "summary",
  "docs",
  "ci",
  "cache",
];
export const TYPES = [
  [30, "fix"],
  [19, "chore"],
  [12, "docs"],
  [12, "feat"],
  [6, "refactor"],
  [6, "test"],
  [3, "ci"],
  [3, "build"],
  [2, "perf"],
  [2, "style"],
];
const VERBS = [
  "handle",
  "avoid",
  "support",
  "add",
  "remove",
  "update",
  "use",
  "skip",
  "guard against",
  "parse",
  "cache",
  "retry",
  "validate",
  "normalize",
  "document",
  "simplify",
  "rename",
  "report",
  "ignore",
  "split",
  "sort",
  "trim",
  "escape",
  "log",
  "reject",
  "accept",
  "detect",
  "limit",
  "stream",
  "reuse",
];
const ADJECTIVES = [
  "",
  "",
  "",
  "empty",
  "missing",
  "duplicate",
  "stale",
  "nested",
  "unicode",
  "large",
  "slow",
  "annotated",
  "lightweight",
  "shallow",
  "invalid",
  "optional",
  "default",
  "legacy",
  "trailing",
];
const NOUNS = [
  "tag list",
  "commit bodies",
  "CRLF line endings",
  "retry budget",
  "scope names",
  "release notes",
  "footers",
  "merge commits",
  "prefix",
  "output file",
  "job summary",
  "exit code",
  "timeouts",
  "error message",
  "help text",
  "settings schema",
  "token",
  "rate limit",
  "changelog entries",
  "version range",
  "lock file",
  "workflow inputs",
  "path filters",
  "environment variables",
  "cache key",
  "health check",
  "deploy hook",
  "rollback target",
  "prerelease identifiers",
  "build metadata",
];
const SUFFIXES = [
  "",
  "",
  "",
  "",
  "",
  " in the CLI",
  " on Windows",
  " for monorepos",
  " when no tag exists",
  " in dry-run mode",
  " with Node 20",
  " on detached HEAD",
  " after a force push",
  " in the action",
];
export const SENTENCES = [
  "The previous behaviour surprised users who run the tool on large repositories.",
  "This keeps the output stable across runs.",
  "Reported by a user on the discussion board.",
  "The old code path allocated a new buffer for every line.",
  "No change in behaviour for repositories without tags.",
  "Tests cover the empty case and the unicode case.",
  "We now read the value once and pass it down.",
  "This was flagged by the linter after the upgrade.",
  "Measured about a third less time on the benchmark repository.",
  "The message now names the input and the value that failed.",
  "Keeps the defaults of the specification.",
  "Follow-up to the review comments on the previous change.",
  "Näive handling of the input led to a crash on some systems; see the linked issue.",
];
export const AUTHORS = [
  ["Alice Martin", "alice@example.com", "+0100"],
  ["Bob Chen", "bob.chen@example.org", "-0800"],
  ["Chloé Dubois", "chloe@example.fr", "+0200"],
  ["Dmitri Ivanov", "dmitri@example.net", "+0300"],
  ["Emeka Okafor", "emeka@example.com", "+0100"],
  ["Fatima Zahra", "fz@example.com", "+0000"],
  ["Gustavo Lima", "glima@example.com.br", "-0300"],
  ["Hana Sato", "hana@example.jp", "+0900"],
  ["Ingrid Nilsson", "ingrid@example.se", "+0200"],
  ["Jürgen Müller", "juergen@example.de", "+0100"],
  ["Kavya Reddy", "kavya@example.in", "+0530"],
  ["Liam O'Brien", "liam@example.ie", "+0000"],
  ["Mei Wong", "mei@example.hk", "+0800"],
  ["Noah Smith", "noah@example.com", "-0500"],
  ["Olga Petrova", "olga@example.ru", "+0300"],
  ["Pedro Alves", "pedro@example.pt", "+0000"],
];
const DEPENDABOT = ["dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "+0000"];
export const GITHUB = ["GitHub", "noreply@github.com", "+0000"];
const PACKAGES = [
  ["actions/checkout", "3", "4"],
  ["actions/setup-node", "3", "4"],
  ["semver", "7.5.4", "7.6.0"],
  ["yaml", "2.3.4", "2.4.1"],
  ["esbuild", "0.19.11", "0.20.0"],
  ["typescript", "5.3.3", "5.4.2"],
  ["vitest", "1.2.1", "1.3.0"],
  ["@actions/core", "1.10.0", "1.10.1"],
  ["undici", "5.28.2", "5.28.3"],
];

// Files: every commit rewrites one to three tiny files, so trees stay small.
const FILES = {
  src: SCOPES.flatMap((s) =>
    ["index", "types", "util", "errors", "io", "rules"].map((f) => `src/${s}/${f}.ts`),
  ),
  docs: ["README.md", ...Array.from({ length: 9 }, (_, i) => `docs/guide-${i + 1}.md`)],
  test: SCOPES.map((s) => `test/${s}.test.ts`),
  ci: [".github/workflows/ci.yml", ".github/workflows/release.yml", ".github/dependabot.yml"],
  chore: ["package.json", "package-lock.json", "biome.json", "tsconfig.json"],
};
const ALL_FILES = Object.values(FILES).flat();

// ---------------------------------------------------------------------------------------------------
// fast-import stream writer with backpressure and get-mark answers

export class FastImport {
  constructor(cwd, extraArgs = []) {
    this.child = spawn("git", ["fast-import", "--quiet", "--done", ...extraArgs], {
      cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.parts = [];
    this.pending = 0;
    this.waiters = [];
    this.stderr = "";
    this.exit = new Promise((resolve) =>
      this.child.on("close", (code, signal) => {
        // A crash leaves get-mark questions unanswered: fail them instead of hanging.
        for (const waiter of this.waiters.splice(0))
          waiter.reject(new Error(`git fast-import exited (${code ?? signal}):\n${this.stderr}`));
        resolve({ code, signal });
      }),
    );
    this.child.stdin.on("error", () => {}); // reported through the exit code and stderr
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (d) => {
      this.stderr += d;
    });
    let buffered = "";
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (d) => {
      buffered += d;
      let nl = buffered.indexOf("\n");
      while (nl !== -1) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        this.waiters.shift()?.resolve(line);
        nl = buffered.indexOf("\n");
      }
    });
  }

  /** Queues text; flushes (awaiting 'drain' when the pipe is full) every 256 KB. */
  async write(text) {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= 256 * 1024) await this.flush();
  }

  async flush() {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.pending = 0;
    if (!this.child.stdin.write(chunk)) {
      await new Promise((resolve, reject) => {
        const onDrain = () => {
          this.child.removeListener("close", onClose);
          resolve();
        };
        const onClose = () => reject(new Error(`git fast-import exited early:\n${this.stderr}`));
        this.child.stdin.once("drain", onDrain);
        this.child.once("close", onClose);
      });
    }
  }

  /** Asks for the sha of a mark; the answer arrives once fast-import has read that far. */
  getMark(mark) {
    this.parts.push(`get-mark :${mark}\n`);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  async end() {
    await this.write("done\n");
    await this.flush();
    this.child.stdin.end();
    const { code, signal } = await this.exit;
    if (code !== 0) throw new Error(`git fast-import failed (${code ?? signal}):\n${this.stderr}`);
  }
}

export function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

// ---------------------------------------------------------------------------------------------------
// The generator

/** Writes a repository of `size` commits since v1.4.2 into `dir` (created) and returns its marker. */
export async function generateRepo(size, dir) {
  if (!Number.isInteger(size) || size < 10) throw new Error(`size must be an integer >= 10, got ${size}`);
  const started = process.hrtime.bigint();
  await mkdir(dir, { recursive: true });
  git(dir, ["init", "-q", "--initial-branch=main"]);
  // Nothing may repack or rewrite the cached repository behind the benchmark's back.
  git(dir, ["config", "gc.auto", "0"]);
  git(dir, ["config", "maintenance.auto", "false"]);
  git(dir, ["config", "core.logAllRefUpdates", "false"]);

  const rnd = makeRandom(SEED);
  const fi = new FastImport(dir);
  await fi.write("feature done\n");
  let time = 1_577_836_800; // 2020-01-01T00:00:00Z
  let mark = 0;
  const fileRev = new Map();
  const stats = { commits: 0, merges: 0, reverts: 0, revertsOfOlder: 0, squash: 0, multiLine: 0, tags: 0 };

  const ident = ([name, email, tz], t) => `${name} <${email}> ${t} ${tz}`;
  const fileChange = (file) => {
    const rev = (fileRev.get(file) ?? 0) + 1;
    fileRev.set(file, rev);
    const content = file.endsWith(".md")
      ? `# ${path.basename(file, ".md")}\n\nRevision ${rev}.\n`
      : file.endsWith(".ts")
        ? `export const revision = ${rev};\n`
        : `# revision ${rev}\n`;
    return `M 100644 inline ${file}\n${data(content)}`;
  };
  /** Emits one commit and returns its mark. */
  const commit = async ({ message, parents, files, author, committer }) => {
    mark += 1;
    time += rnd.int(5, 200);
    const who = author ?? rnd.pick(AUTHORS);
    let text = `commit refs/heads/main\nmark :${mark}\nauthor ${ident(who, time - rnd.int(0, 3000))}\n`;
    text += `committer ${ident(committer ?? who, time)}\n${data(message)}`;
    if (parents.length > 0) text += `from :${parents[0]}\n`;
    for (const p of parents.slice(1)) text += `merge :${p}\n`;
    for (const f of files) text += fileChange(f);
    await fi.write(`${text}\n`);
    return mark;
  };

  // --- older history: 20 commits, 200 tags -------------------------------------------------------
  const olderMarks = [];
  const olderHeaders = [];
  for (let i = 1; i <= OLDER_COMMITS; i += 1) {
    const header =
      i === 1
        ? "chore: initial commit"
        : i === OLDER_COMMITS
          ? `chore(release): ${BASE_TAG.slice(1)}`
          : `${rnd.pick(["feat", "fix", "fix", "chore"])}(${rnd.pick(SCOPES)}): ${description(rnd)}`;
    const m = await commit({
      message: `${header}\n`,
      parents: olderMarks.length ? [olderMarks[olderMarks.length - 1]] : [],
      files: i === 1 ? ALL_FILES : [rnd.pick(ALL_FILES)],
    });
    olderMarks.push(m);
    olderHeaders.push(header);
  }
  const semver = semverTags(rnd);
  const nonSemver = [
    ["v0", 9],
    ["0.640", 12],
    ["release-2019-12", 14],
    ["nightly", 19],
    ["v1", 20],
    ["v1.4", 20],
    ["latest", 20],
    ["stable", 20],
  ];
  const tags = semver.map((name, j) => [
    name,
    1 + Math.floor((j * (OLDER_COMMITS - 1)) / (semver.length - 1)),
  ]);
  tags.push(...nonSemver);
  for (const [name, commitNo] of tags) {
    const target = olderMarks[commitNo - 1];
    const annotated = name === BASE_TAG || (name !== "latest" && rnd.chance(0.5));
    if (annotated) {
      await fi.write(
        `tag ${name}\nfrom :${target}\ntagger ${ident(rnd.pick(AUTHORS), time)}\n${data(`Release ${name}\n`)}`,
      );
    } else {
      await fi.write(`reset refs/tags/${name}\nfrom :${target}\n\n`);
    }
    stats.tags += 1;
  }
  const olderShas = [];
  for (const m of olderMarks.slice(5, 15)) olderShas.push(fi.getMark(m));
  await fi.flush();
  const olderRevertable = await Promise.all(olderShas);

  // --- the range: exactly `size` commits after v1.4.2 --------------------------------------------
  const breakAt = breakingPosition(size);
  const revertTarget = Math.max(5, Math.round(size / 5000));
  const revertRate = revertTarget / size;
  const scheduled = []; // { at, sha: Promise<string>, header, older? }, sorted by `at`
  // A few reverts of commits older than the tag: they must cancel nothing.
  for (let k = 0; k < Math.max(1, Math.round(revertTarget * 0.15)); k += 1) {
    const i = rnd.int(0, olderRevertable.length - 1);
    let at = rnd.int(Math.min(51, size), size);
    while (at === breakAt || scheduled.some((x) => x.at === at)) at = at === size ? 1 : at + 1;
    scheduled.push({
      at,
      sha: Promise.resolve(olderRevertable[i]),
      header: olderHeaders[5 + i],
      older: true,
    });
  }
  scheduled.sort((a, b) => a.at - b.at);
  let count = 0;
  let mainTip = olderMarks[olderMarks.length - 1];

  const plain = async (parent, message) => {
    const files = messageFiles(rnd, message);
    return commit({ message, parents: [parent], files });
  };

  /** A regular commit message; may schedule a revert of this commit. */
  const regular = () => {
    const kind = rnd.weighted([
      [86, "conventional"],
      [4, "squash"],
      [3, "dependabot"],
      [2, "plain"],
      [1, "capital"],
    ]);
    if (kind === "dependabot") return { message: dependabotMessage(rnd), author: DEPENDABOT };
    if (kind === "plain") return { message: `${rnd.pick(PLAIN_MESSAGES)}\n` };
    const type = rnd.weighted(TYPES);
    const scope = rnd.chance(0.7) ? rnd.pick(SCOPES) : "";
    let header = `${type}${scope ? `(${scope})` : ""}: ${description(rnd)}`;
    if (kind === "capital") header = header[0].toUpperCase() + header.slice(1);
    if (kind === "squash") {
      stats.squash += 1;
      header = `${type === "feat" ? "feat" : "fix"}${scope ? `(${scope})` : ""}: ${description(rnd)} (#${rnd.int(100, 9999)})`;
      const items = Array.from({ length: rnd.int(2, 6) }, () => {
        return `* ${rnd.weighted(TYPES.slice(0, 6))}${rnd.chance(0.5) ? `(${rnd.pick(SCOPES)})` : ""}: ${description(rnd)}`;
      });
      const coauthor = rnd.pick(AUTHORS);
      const body = `${items.join("\n\n")}\n\n---------\n\nCo-authored-by: ${coauthor[0]} <${coauthor[1]}>`;
      return { message: `${header}\n\n${body}\n`, header, type, committer: GITHUB };
    }
    if (rnd.chance(0.3)) {
      stats.multiLine += 1;
      return { message: `${header}\n\n${body(rnd)}\n`, header, type };
    }
    return { message: `${header}\n`, header, type };
  };

  while (count < size) {
    const position = count + 1;
    // the one breaking change
    if (position === breakAt) {
      mainTip = await commit({
        message:
          "feat!: require Node.js 20 or later\n\nThe action now runs on node24 and the CLI refuses to start on older\nruntimes. Refs: #4096\n",
        parents: [mainTip],
        files: ["package.json", ".github/workflows/ci.yml"],
      });
      count += 1;
      continue;
    }
    // a due revert
    const due = scheduled.length > 0 && scheduled[0].at <= position ? scheduled.shift() : null;
    if (due) {
      await fi.flush();
      const sha = await due.sha;
      const style = due.older
        ? "git"
        : rnd.weighted([
            [65, "git"],
            [25, "refs"],
          ]);
      const message =
        style === "git"
          ? `Revert "${due.header}"\n\nThis reverts commit ${sha}.\n`
          : `revert: ${due.header.replace(/^[a-z]+(\([^)]*\))?: /i, "")}\n\nRefs: ${rnd.chance(0.25) ? sha.slice(0, 7) : sha}\n`;
      mainTip = await plain(mainTip, message);
      stats.reverts += 1;
      if (due.older) stats.revertsOfOlder += 1;
      count += 1;
      continue;
    }
    // a short topic branch merged with a merge commit
    const side = rnd.int(1, 3);
    const ahead = rnd.weighted([
      [3, 0],
      [2, 1],
      [1, 2],
    ]);
    const block = side + ahead + 1;
    const breakInBlock = breakAt >= position && breakAt < position + block;
    if (
      rnd.chance(0.035) &&
      count + block <= size &&
      !breakInBlock &&
      !scheduledWithin(scheduled, position, block)
    ) {
      let sideTip = mainTip;
      let firstHeader = "";
      for (let k = 0; k < side; k += 1) {
        const msg = regular();
        firstHeader ||= msg.header ?? msg.message.split("\n")[0];
        sideTip = await commit({ ...msg, parents: [sideTip], files: messageFiles(rnd, msg.message) });
      }
      for (let k = 0; k < ahead; k += 1) {
        const msg = regular();
        mainTip = await commit({ ...msg, parents: [mainTip], files: messageFiles(rnd, msg.message) });
      }
      const branch = `${rnd.pick(["fix", "feat", "chore", "topic"])}/${rnd.pick(SCOPES)}-${rnd.int(1, 999)}`;
      const message = rnd.chance(0.6)
        ? `Merge pull request #${rnd.int(100, 9999)} from ${rnd.pick(AUTHORS)[0].split(" ")[0].toLowerCase()}/${branch}\n\n${firstHeader}\n`
        : `Merge branch '${branch}'\n`;
      mainTip = await commit({ message, parents: [mainTip, sideTip], files: [], committer: GITHUB });
      count += block;
      stats.merges += 1;
      continue;
    }
    // a regular commit
    const msg = regular();
    mainTip = await commit({ ...msg, parents: [mainTip], files: messageFiles(rnd, msg.message) });
    count += 1;
    if (
      msg.type &&
      ["fix", "chore", "docs", "refactor", "test"].includes(msg.type) &&
      rnd.chance(revertRate * 1.3) &&
      position + 400 < size
    ) {
      scheduled.push({ at: position + rnd.int(1, 300), sha: fi.getMark(mark), header: msg.header });
      scheduled.sort((a, b) => a.at - b.at);
    }
  }
  // Reverts scheduled past the end are dropped; their get-mark answers are simply not awaited.
  const headMarkSha = fi.getMark(mark);
  await fi.flush();
  const head = await headMarkSha;
  await fi.end();
  stats.commits = count;

  git(dir, ["pack-refs", "--all"]);
  git(dir, ["reset", "-q", "--hard", "main"]);
  const counted = Number(git(dir, ["rev-list", "--count", `${BASE_TAG}..HEAD`]).trim());
  if (counted !== size)
    throw new Error(`generator bug: ${counted} commits in ${BASE_TAG}..HEAD, expected ${size}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const marker = {
    generatorVersion: GENERATOR_VERSION,
    size,
    head,
    baseTag: BASE_TAG,
    breakingPosition: breakAt,
    expected: EXPECTED,
    stats,
    generateSeconds: Math.round(seconds * 10) / 10,
    diskBytes: await diskUsage(dir),
    git: git(dir, ["--version"]).trim(),
  };
  await writeFile(path.join(dir, ".git", MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

function scheduledWithin(scheduled, position, block) {
  return scheduled.some((s) => s.at >= position && s.at < position + block);
}

const PLAIN_MESSAGES = [
  "Update README.md",
  "wip",
  "typo",
  "Merge remote-tracking branch 'origin/main'",
  "address review comments",
  "Initial import of the deploy scripts",
  "bump version",
];

export function description(rnd) {
  const adj = rnd.pick(ADJECTIVES);
  return `${rnd.pick(VERBS)} ${adj ? `${adj} ` : ""}${rnd.pick(NOUNS)}${rnd.pick(SUFFIXES)}`;
}

export function body(rnd) {
  const paragraphs = Array.from({ length: rnd.int(1, 3) }, () =>
    Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(SENTENCES)).join("\n"),
  );
  const footers = [];
  if (rnd.chance(0.5)) footers.push(`Refs: #${rnd.int(1, 4000)}`);
  if (rnd.chance(0.2)) footers.push(`Closes #${rnd.int(1, 4000)}`);
  if (rnd.chance(0.15)) {
    const a = rnd.pick(AUTHORS);
    footers.push(`Co-authored-by: ${a[0]} <${a[1]}>`);
  }
  if (rnd.chance(0.15)) {
    const a = rnd.pick(AUTHORS);
    footers.push(`Reviewed-by: ${a[0]} <${a[1]}>`);
  }
  if (rnd.chance(0.2)) {
    const a = rnd.pick(AUTHORS);
    footers.push(`Signed-off-by: ${a[0]} <${a[1]}>`);
  }
  return footers.length ? `${paragraphs.join("\n\n")}\n\n${footers.join("\n")}` : paragraphs.join("\n\n");
}

function dependabotMessage(rnd) {
  const [name, from, to] = rnd.pick(PACKAGES);
  const major = from.split(".")[0] !== to.split(".")[0];
  return (
    `chore(deps): bump ${name} from ${from} to ${to}\n\n` +
    `Bumps [${name}](https://github.com/${name.replace(/^@/, "")}) from ${from} to ${to}.\n` +
    `- [Release notes](https://github.com/${name.replace(/^@/, "")}/releases)\n` +
    `- [Commits](https://github.com/${name.replace(/^@/, "")}/compare/v${from}...v${to})\n\n` +
    `---\nupdated-dependencies:\n- dependency-name: ${name}\n  dependency-type: direct:production\n` +
    `  update-type: version-update:semver-${major ? "major" : "minor"}\n...\n\n` +
    `Signed-off-by: dependabot[bot] <support@github.com>\n`
  );
}

/** One to three files matching the commit's type. */
function messageFiles(rnd, message) {
  const type = /^([a-z]+)/i.exec(message)?.[1]?.toLowerCase() ?? "";
  const pool =
    type === "docs"
      ? FILES.docs
      : type === "test"
        ? FILES.test
        : type === "ci"
          ? FILES.ci
          : type === "chore" || type === "build"
            ? FILES.chore
            : FILES.src;
  const n = rnd.weighted([
    [80, 1],
    [15, 2],
    [5, 3],
  ]);
  const files = new Set();
  for (let i = 0; i < n; i += 1) files.add(rnd.pick(pool));
  return [...files];
}

/** 192 ascending SemVer tags ending at v1.4.2: v0.1.0 ... then v1.0.0-alpha.1 ... v1.4.2-rc.1, v1.4.2. */
function semverTags(rnd) {
  const one = ["1.0.0-alpha.1", "1.0.0-beta.1", "1.0.0-rc.1", "1.0.0-rc.2"];
  const patches = { 0: 9, 1: 6, 2: 11, 3: 8 };
  for (let minor = 0; minor <= 3; minor += 1) {
    if (minor === 1 || minor === 3) one.push(`1.${minor}.0-rc.1`);
    for (let p = 0; p <= patches[minor]; p += 1) one.push(`1.${minor}.${p}`);
  }
  one.push("1.4.0", "1.4.1", "1.4.2-rc.1", "1.4.2");
  const zero = [];
  for (let minor = 1; zero.length < SEMVER_TAGS - one.length; minor += 1) {
    const n = rnd.int(2, 11);
    for (let p = 0; p < n && zero.length < SEMVER_TAGS - one.length; p += 1) zero.push(`0.${minor}.${p}`);
  }
  return [...zero, ...one].map((v) => `v${v}`);
}

export function git(cwd, args) {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${cwd}:\n${r.stderr}`);
  return r.stdout;
}

/** Bytes on disk (allocated blocks) under `dir`. */
export async function diskUsage(dir) {
  let total = 0;
  const walk = async (d) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile()) {
        const s = await stat(p);
        total += s.blocks ? s.blocks * 512 : s.size;
      }
    }
  };
  await walk(dir);
  return total;
}

// ---------------------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  const opts = { sizes: [10_000, 100_000, 1_000_000], cacheRoot: defaultCacheRoot(), force: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === "--sizes" || a === "--size") opts.sizes = parseSizes(argv[++i]);
    else if (a === "--cache-dir") opts.cacheRoot = path.resolve(argv[++i]);
    else if (a === "--force") opts.force = true;
    else if (a === "--help" || a === "-h") {
      console.log(
        "usage: node test/bench/make-repo.mjs [--sizes 10000,100000,1000000] [--cache-dir DIR] [--force]",
      );
      return;
    } else throw new Error(`unknown argument: ${a}`);
  }
  for (const size of opts.sizes) {
    const t0 = process.hrtime.bigint();
    const { dir, generated, marker } = await ensureRepo(size, {
      cacheRoot: opts.cacheRoot,
      force: opts.force,
      log: (m) => console.log(m),
    });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(
      `${size}: ${generated ? `generated in ${s.toFixed(1)} s` : "cached"}, ${(marker.diskBytes / 2 ** 20).toFixed(1)} MB on disk, HEAD ${marker.head}, ${dir}`,
    );
    console.log(`  ${JSON.stringify(marker.stats)}`);
  }
}

export function parseSizes(text) {
  if (!text) throw new Error("--sizes needs a comma-separated list, e.g. 10000,100000");
  return text.split(",").map((s) => {
    const n = Number(s.replace(/[_']/g, "").trim());
    if (!Number.isInteger(n) || n < 10) throw new Error(`invalid size: ${s}`);
    return n;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

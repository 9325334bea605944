// Monorepo benchmark repository (issue 19, "Speed"): N commits over 50 packages, shared code and
// root files, with per-package tags and a `.github/shipguard.yml` naming the packages, written with
// `git fast-import` from a seeded PRNG (same size, same repository), cached like make-repo.mjs's.
//
//   node test/bench/make-monorepo.mjs [--size 100000] [--cache-dir DIR] [--force]
//
// Layout: packages/pkg-00 .. packages/pkg-49 (src/, test/, README.md, package.json each), shared/lib,
// shared/ui and shared/config (claimed through `extra-paths` by pkg-00, pkg-10, pkg-20, pkg-30 and
// pkg-35), root files (README.md, docs/, .github/) for the root package `.`. pkg-07 and pkg-21
// exclude their test/ folders. Tags `pkg-NN-v1.2.3` (and `v1.2.3` for `.`), lightweight and
// annotated, several per package; each package's last tag sits at its own depth: pkg-00's at 1% of
// the history, so `version` reads about 99% of it, others up to 40 commits before HEAD. A tag
// `pkg-02-v99.0.0` on a branch that was never merged must be ignored (not reachable from HEAD).
//
// The commits are conventional (fix, feat, docs, chore, ...), a few merges of short topic branches
// (titled `Merge pull request ...`, some with a conventional title), empty commits, and planned
// cases with a known answer: breaking changes (`!` and a BREAKING CHANGE footer) in three
// packages; a feature reverted inside one package's range; a feature on shared code reverted after
// one claimant's tag and before another's (a patch for the first, nothing for the second); a
// feature only in an excluded test folder; a feature on shared/ui that only pkg-10 claims; a
// `feat(pkg-45): ...` that touches pkg-46 only (scopes do not assign commits); an empty `fix:` that
// counts for every package whose range holds it. Outside their planned cases, the packages that
// should release nothing (or only a patch) get no commit that calls for more after their last tag.
//
// The generator computes the answer itself from what it wrote (which files each commit changes,
// which packages claim them, each package's range, reverts cancelling inside a range): `expected`
// in the marker, keyed by package path, as `version --json` reports it in `packages`.

import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  AUTHORS,
  body,
  defaultCacheRoot,
  description,
  diskUsage,
  ensureCached,
  FastImport,
  GITHUB,
  git,
  MARKER,
  makeRandom,
  TYPES,
} from "./make-repo.mjs";

export const MONOREPO_GENERATOR_VERSION = "m1";
export const MONOREPO_SIZE = 100_000;
const SEED = 0x5eed0019;
const PACKAGES = 50;
const MIN_SIZE = 2_000;

const BUMPS = ["none", "patch", "minor", "major"];
const rank = (bump) => BUMPS.indexOf(bump);
const BUMP_OF = { feat: "minor", fix: "patch", perf: "patch" };

export function monorepoPath(size, cacheRoot = defaultCacheRoot()) {
  return path.join(cacheRoot, `monorepo-${size}-${MONOREPO_GENERATOR_VERSION}`);
}

/**
 * The cached monorepo of `size` commits, generated when absent or incomplete.
 * @returns {Promise<{dir: string, generated: boolean, marker: object}>}
 */
export function ensureMonorepo(size, { cacheRoot = defaultCacheRoot(), force = false, log = () => {} } = {}) {
  const dir = monorepoPath(size, cacheRoot);
  return ensureCached(dir, {
    force,
    log: () => log(`generating a monorepo of ${size.toLocaleString("en-US")} commits in ${dir} ...`),
    valid: (marker) => marker.generatorVersion === MONOREPO_GENERATOR_VERSION && marker.size === size,
    generate: (tmp) => generateMonorepo(size, tmp),
  });
}

// ---------------------------------------------------------------------------------------------------
// The packages, what they claim, and what each should release

const name = (i) => `pkg-${String(i).padStart(2, "0")}`;
const folder = (i) => `packages/${name(i)}`;
const PACKAGE_FILES = [
  "src/index.ts",
  "src/util.ts",
  "src/io.ts",
  "test/index.test.ts",
  "README.md",
  "package.json",
];
const SHARED = {
  lib: ["shared/lib/log.ts", "shared/lib/retry.ts", "shared/lib/paths.ts"],
  ui: ["shared/ui/button.ts", "shared/ui/theme.ts"],
  config: ["shared/config/base.json", "shared/config/lint.json"],
};
const ROOT_FILES = [
  "README.md",
  "package.json",
  "tsconfig.json",
  ".github/workflows/ci.yml",
  "docs/guide.md",
];

/**
 * Per package: its last tag's depth (a fraction of the history) and what may come after it
 * (`cap`: the highest bump an unplanned commit that counts for it may call for).
 */
function packagePlan(i, rnd) {
  const planned = {
    0: { at: 0.01, cap: "minor", extra: ["shared/**"] },
    3: { at: 0.3, cap: "minor" },
    5: { at: 0.4, cap: "patch" },
    7: { at: 0.45, cap: "none", exclude: [`${folder(7)}/test/**`] },
    8: { at: 0.5, cap: "none" },
    10: { at: 0.7, cap: "none", extra: ["shared/ui/**"] },
    12: { at: 0.75, cap: "patch" },
    14: { at: 0.55, cap: "none" },
    17: { at: 0.85, cap: "minor" },
    20: { at: 0.5, cap: "none", extra: ["shared/lib/**"] },
    21: { at: 0.8, cap: "none", exclude: [`${folder(21)}/test/**`] },
    22: { at: 0.92, cap: "patch" },
    26: { at: 0.88, cap: "none" },
    30: { at: 0.3, cap: "none", extra: ["shared/lib/**"] },
    31: { at: 0.97, cap: "minor" },
    35: { at: 0.25, cap: "minor", extra: ["shared/config/**"] },
    36: { at: 0.995, cap: "patch" },
    41: { at: 0.97, cap: "none" },
    44: { at: 0.6, cap: "patch" },
    45: { at: 0.65, cap: "none" },
    49: { at: 0.9996, cap: "none" },
  }[i];
  // The others: features allowed, last tag anywhere from 5% to 99% deep.
  const plan = planned ?? { at: 0.05 + rnd.next() * 0.94, cap: "minor" };
  return {
    path: folder(i),
    name: name(i),
    prefix: `${name(i)}-v`,
    extra: plan.extra ?? [],
    exclude: plan.exclude ?? [],
    at: plan.at,
    cap: plan.cap,
  };
}

const ROOT_PLAN = { path: ".", name: ".", prefix: "v", extra: [], exclude: [], at: 0.1, cap: "minor" };

/** Globs here are `dir/**` only: everything below dir. */
const globMatches = (glob, file) => file.startsWith(`${glob.slice(0, -"**".length)}`);

/** The packages a file counts for: the longest folder that holds it, and every extra-paths match. */
function claimants(file, packages) {
  const byPath = packages.find((p) => p.path !== "." && file.startsWith(`${p.path}/`)) ?? packages[0];
  const out = [];
  for (const p of packages) {
    const claims = p === byPath || p.extra.some((g) => globMatches(g, file));
    if (claims && !p.exclude.some((g) => globMatches(g, file))) out.push(p);
  }
  return out;
}

/** The packages a commit counts for: those its files count for; every package when it has none. */
function countsFor(files, packages) {
  if (files.length === 0) return packages;
  const set = new Set();
  for (const f of files) for (const p of claimants(f, packages)) set.add(p);
  return [...set];
}

/** The answer: per package, the highest bump of its range, a revert cancelling inside the range. */
export function expectedAnswer(commits, packages) {
  const packagesOut = {};
  const released = [];
  for (const p of packages) {
    const inRange = commits.filter((c) => c.position > p.lastTag.position && c.counts.includes(p.path));
    const positions = new Set(inRange.map((c) => c.position));
    const cancelled = new Set();
    for (const c of inRange)
      if (c.revertOf !== null && positions.has(c.revertOf)) cancelled.add(c.position).add(c.revertOf);
    let bump = "none";
    for (const c of inRange) {
      if (cancelled.has(c.position)) continue;
      const b = c.revertOf !== null ? "patch" : c.bump;
      if (rank(b) > rank(bump)) bump = b;
    }
    const version = bump === "none" ? null : increment(p.lastTag.version, bump);
    packagesOut[p.path] = {
      version,
      "previous-version": p.lastTag.version,
      tag: version === null ? null : `${p.prefix}${version}`,
      "previous-tag": p.lastTag.name,
      bump,
      "release-needed": bump !== "none",
      "commit-count": inRange.filter((c) => !c.merge).length,
    };
    if (bump !== "none") released.push(p.path);
  }
  return { packages: packagesOut, releasedPackages: released };
}

function increment(version, bump) {
  const [major, minor, patch] = version.split(".").map(Number);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** `.github/shipguard.yml`: every package, with its extra-paths and exclude-paths. */
function settingsFile(packages) {
  const lines = ["# Generated by test/bench/make-monorepo.mjs", "packages:"];
  for (const p of packages) {
    const settings = [];
    if (p.extra.length)
      settings.push(`    extra-paths: [${p.extra.map((g) => JSON.stringify(g)).join(", ")}]`);
    if (p.exclude.length)
      settings.push(`    exclude-paths: [${p.exclude.map((g) => JSON.stringify(g)).join(", ")}]`);
    lines.push(`  ${JSON.stringify(p.path)}:${settings.length ? "" : " {}"}`, ...settings);
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------
// The planned commits: position (a fraction of the history) -> what it is

function plannedCommits() {
  const shared = "shared/lib/retry.ts";
  return [
    { at: 0.2, header: "fix: rebuild the lock file", files: [] },
    { at: 0.4, id: "T", header: "feat(shared): add jitter to retries", files: [shared] },
    { at: 0.6, revertOf: "T", files: [shared] },
    { at: 0.6005, header: `feat(${name(3)})!: drop the v1 client`, files: [`${folder(3)}/src/index.ts`] },
    { at: 0.65, header: `feat(${name(7)}): add test fixtures`, files: [`${folder(7)}/test/index.test.ts`] },
    { at: 0.7, id: "F14", header: `feat(${name(14)}): stream results`, files: [`${folder(14)}/src/io.ts`] },
    { at: 0.8, revertOf: "F14", files: [`${folder(14)}/src/io.ts`] },
    { at: 0.8005, header: `feat(${name(45)}): add a cache`, files: [`${folder(46)}/src/util.ts`] },
    { at: 0.85, header: "feat(ui): add a dark theme", files: ["shared/ui/theme.ts"] },
    {
      at: 0.9,
      header: `refactor(${name(17)}): rename the options\n\nBREAKING CHANGE: \`retries\` is now \`maxRetries\`.`,
      files: [`${folder(17)}/src/index.ts`],
    },
    {
      at: 0.9005,
      header: `feat(${name(21)}): test the edge cases`,
      files: [`${folder(21)}/test/index.test.ts`],
    },
    { at: 0.98, header: `fix(${name(31)})!: reject empty ids`, files: [`${folder(31)}/src/util.ts`] },
    { at: 0.997, header: `fix(${name(36)}): close the file handle`, files: [`${folder(36)}/src/io.ts`] },
    { at: 0.95, header: "feat: document the release flow", files: ["docs/guide.md"] },
  ];
}

// ---------------------------------------------------------------------------------------------------
// The generator

/** Writes the monorepo into `dir` (created) and returns its marker. */
export async function generateMonorepo(size, dir) {
  if (!Number.isInteger(size) || size < MIN_SIZE) throw new Error(`size must be an integer >= ${MIN_SIZE}`);
  const started = process.hrtime.bigint();
  await mkdir(dir, { recursive: true });
  git(dir, ["init", "-q", "--initial-branch=main"]);
  for (const [k, v] of [
    ["gc.auto", "0"],
    ["maintenance.auto", "false"],
    ["core.logAllRefUpdates", "false"],
  ])
    git(dir, ["config", k, v]);

  const rnd = makeRandom(SEED);
  const packages = [ROOT_PLAN, ...Array.from({ length: PACKAGES }, (_, i) => packagePlan(i, rnd))];
  const marks = path.join(dir, ".git", "bench-marks");
  const writer = new HistoryWriter(new FastImport(dir, [`--export-marks=${marks}`]), rnd, packages, size);
  await writer.write();
  await writer.end();

  git(dir, ["pack-refs", "--all"]);
  git(dir, ["reset", "-q", "--hard", "main"]);
  const counted = Number(git(dir, ["rev-list", "--count", "HEAD"]).trim());
  if (counted !== size)
    throw new Error(`generator bug: ${counted} commits reachable from HEAD, expected ${size}`);
  const oldest = packages.reduce((a, b) => (a.lastTag.position <= b.lastTag.position ? a : b));
  checkWithGit(dir, writer.commits, packages, await readFile(marks, "utf8"), oldest.lastTag.name);
  await rm(marks);
  const inRange = Number(git(dir, ["rev-list", "--count", `${oldest.lastTag.name}..HEAD`]).trim());
  const marker = {
    generatorVersion: MONOREPO_GENERATOR_VERSION,
    size,
    head: writer.headSha,
    oldestLastTag: oldest.lastTag.name,
    commitsSinceOldestLastTag: inRange,
    packageCount: packages.length,
    expected: expectedAnswer(writer.commits, packages),
    stats: writer.stats,
    generateSeconds: Math.round((Number(process.hrtime.bigint() - started) / 1e9) * 10) / 10,
    diskBytes: await diskUsage(dir),
    git: git(dir, ["--version"]).trim(),
  };
  await writeFile(path.join(dir, ".git", MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

/**
 * The answer is computed from the generator's own record of the history; git must agree with that
 * record where the answer depends on it: each package's range (the commits not reachable from its
 * last tag) and the files of every commit in the longest range (a merge's against its first parent).
 */
function checkWithGit(dir, commits, packages, marksText, oldestTag) {
  const shaOf = new Map();
  for (const line of marksText.split("\n")) {
    const [mark, sha] = line.split(" ");
    if (sha) shaOf.set(Number(mark.slice(1)), sha);
  }
  const bySha = new Map(commits.map((c) => [shaOf.get(c.mark), c]));
  const log = git(dir, [
    "log",
    "-z",
    "--diff-merges=first-parent",
    "--name-only",
    "--format=%x01%H",
    `${oldestTag}..HEAD`,
  ]);
  let seen = 0;
  for (const entry of log.split("\x01").slice(1)) {
    const [sha, ...rest] = entry.split(/[\0\n]/);
    const files = rest.filter((f) => f !== "").sort();
    const c = bySha.get(sha);
    if (c === undefined || files.join("\n") !== [...c.files].sort().join("\n"))
      throw new Error(
        `generator bug: git shows files ${JSON.stringify(files)} for ${sha}, the record ${JSON.stringify(c?.files)}`,
      );
    seen += 1;
  }
  for (const p of packages) {
    const n = Number(git(dir, ["rev-list", "--count", `${p.lastTag.name}..HEAD`]).trim());
    const expected = commits.filter((c) => c.position > p.lastTag.position).length;
    if (n !== expected)
      throw new Error(`generator bug: ${n} commits in ${p.lastTag.name}..HEAD, the record ${expected}`);
    if (p.lastTag.name === oldestTag && seen !== n)
      throw new Error(`generator bug: git log listed ${seen} commits of ${n}`);
  }
}

class HistoryWriter {
  constructor(fi, rnd, packages, size) {
    this.fi = fi;
    this.rnd = rnd;
    this.packages = packages;
    this.size = size;
    this.byPath = new Map(packages.map((p) => [p.path, p]));
    this.time = 1_600_000_000;
    this.mark = 0;
    this.fileRev = new Map();
    /** One entry per commit reachable from HEAD, in the order written (position 1 is the root). */
    this.commits = [];
    this.markOfPosition = [];
    this.stats = { commits: 0, merges: 0, conventionalMerges: 0, empty: 0, reverts: 0, tags: 0 };
    this.tagsAt = new Map(); // position -> [{ name, version, annotated }]
    this.planned = new Map(); // position -> planned commit
    this.reserved = new Set();
    this.position = 0;
    this.tip = null;
    this.headSha = null;
  }

  /** Tag positions (last and earlier releases) and planned commits; both stay off topic branches. */
  schedule() {
    const at = (fraction) => Math.min(this.size - 1, Math.max(2, Math.round(fraction * this.size)));
    for (const p of this.packages) {
      const last = at(p.at);
      const earlier = this.rnd.int(1, 5);
      const positions = Array.from({ length: earlier }, () => this.rnd.int(2, Math.max(2, last - 1)));
      positions.sort((a, b) => a - b);
      let version = [1, 0, 0];
      const tags = [...positions, last].map((position) => {
        const tag = { name: `${p.prefix}${version.join(".")}`, version: version.join("."), position };
        const step = this.rnd.weighted([
          [6, 2],
          [3, 1],
          [1, 0],
        ]);
        version =
          step === 0 ? [version[0] + 1, 0, 0] : step === 1 ? [version[0], version[1] + 1, 0] : [...version];
        if (step === 2) version[2] += 1;
        return tag;
      });
      p.lastTag = tags[tags.length - 1];
      for (const tag of tags) {
        const list = this.tagsAt.get(tag.position) ?? [];
        list.push({ ...tag, annotated: this.rnd.chance(0.5) });
        this.tagsAt.set(tag.position, list);
        this.reserved.add(tag.position);
      }
    }
    for (const c of plannedCommits()) {
      let position = at(c.at);
      while (this.reserved.has(position) || this.planned.has(position)) position += 1;
      this.planned.set(position, c);
      this.reserved.add(position);
    }
  }

  async write() {
    this.schedule();
    await this.fi.write("feature done\n");
    const initial = [
      ...ROOT_FILES,
      ".github/shipguard.yml",
      ...Object.values(SHARED).flat(),
      ...Array.from({ length: PACKAGES }, (_, i) => PACKAGE_FILES.map((f) => `${folder(i)}/${f}`)).flat(),
    ];
    await this.commit({
      message: "chore: initial commit\n",
      files: initial,
      contents: { ".github/shipguard.yml": settingsFile(this.packages) },
      type: "chore",
    });
    const ids = new Map();
    while (this.position < this.size) {
      const next = this.position + 1;
      const plan = this.planned.get(next);
      if (plan) {
        await this.plannedCommit(plan, ids);
        continue;
      }
      if (this.rnd.chance(0.03) && (await this.topicBranch())) continue;
      await this.commit(this.randomCommit());
    }
    await this.abandonedBranch();
  }

  async plannedCommit(plan, ids) {
    let message;
    let type = null;
    let breaking = false;
    let revertOf = null;
    if (plan.revertOf) {
      const target = ids.get(plan.revertOf);
      const sha = await this.sha(target.mark);
      message = `Revert "${target.header}"\n\nThis reverts commit ${sha}.\n`;
      revertOf = target.position;
      this.stats.reverts += 1;
    } else {
      message = `${plan.header}\n`;
      const m = /^([a-z]+)(?:\([^)]*\))?(!?):/.exec(plan.header);
      type = m[1];
      breaking = m[2] === "!" || plan.header.includes("\nBREAKING CHANGE:");
    }
    if (plan.files.length === 0) this.stats.empty += 1;
    await this.commit({ message, files: plan.files, type, breaking, revertOf });
    if (plan.id) ids.set(plan.id, { mark: this.mark, position: this.position, header: plan.header });
  }

  /** The highest bump a commit changing `files` may call for here (see packagePlan's `cap`). */
  capOf(files, position) {
    let cap = "major";
    for (const p of countsFor(files, this.packages)) {
      const limit = position > p.lastTag.position ? p.cap : "minor";
      if (rank(limit) < rank(cap)) cap = limit;
    }
    return cap;
  }

  pickType(cap) {
    for (;;) {
      const type = this.rnd.weighted(TYPES);
      if (rank(BUMP_OF[type] ?? "none") <= rank(cap)) return type;
    }
  }

  randomFiles() {
    const rnd = this.rnd;
    const kind = rnd.weighted([
      [84, "package"],
      [5, "two"],
      [5, "shared"],
      [5, "root"],
      [1, "empty"],
    ]);
    const inPackage = (i) => `${folder(i)}/${rnd.pick(PACKAGE_FILES)}`;
    if (kind === "package") {
      const i = rnd.int(0, PACKAGES - 1);
      return {
        files: [...new Set([inPackage(i), ...(rnd.chance(0.3) ? [inPackage(i)] : [])])],
        scope: name(i),
      };
    }
    if (kind === "two") {
      const a = rnd.int(0, PACKAGES - 1);
      const b = (a + rnd.int(1, PACKAGES - 1)) % PACKAGES;
      return { files: [inPackage(a), inPackage(b)], scope: null };
    }
    if (kind === "shared") {
      const area = rnd.pick(Object.keys(SHARED));
      return { files: [rnd.pick(SHARED[area])], scope: area };
    }
    if (kind === "root") return { files: [rnd.pick(ROOT_FILES)], scope: rnd.pick(["ci", "docs", null]) };
    return { files: [], scope: null };
  }

  randomCommit(position = this.position + 1) {
    const { files, scope } = this.randomFiles();
    const type = files.length === 0 ? "chore" : this.pickType(this.capOf(files, position));
    // Now and then a scope that names another package: scopes do not assign commits.
    const shown = this.rnd.chance(0.03) ? name(this.rnd.int(0, PACKAGES - 1)) : scope;
    const header = `${type}${shown ? `(${shown})` : ""}: ${description(this.rnd)}`;
    const message = this.rnd.chance(0.3) ? `${header}\n\n${body(this.rnd)}\n` : `${header}\n`;
    if (files.length === 0) this.stats.empty += 1;
    return { message, files, type };
  }

  /** A short topic branch and its merge; false when a tag or a planned commit would fall inside. */
  async topicBranch() {
    const rnd = this.rnd;
    const side = rnd.int(1, 3);
    const ahead = rnd.int(0, 2);
    const first = this.position + 1;
    const block = side + ahead + 1;
    if (this.position + block > this.size) return false;
    for (let k = first; k < first + block; k += 1) if (this.reserved.has(k)) return false;
    const base = this.tip;
    const sideFiles = new Map();
    let sideTip = base;
    let firstHeader = null;
    for (let k = 0; k < side; k += 1) {
      const c = this.randomCommit();
      firstHeader ??= c.message.split("\n")[0];
      sideTip = await this.commit({ ...c, parent: sideTip, onSide: true });
      for (const f of c.files) sideFiles.set(f, this.fileRev.get(f));
    }
    for (let k = 0; k < ahead; k += 1) await this.commit(this.randomCommit());
    // The merge brings the side's files: its changes against its first parent are those files.
    const files = [...sideFiles.keys()];
    let message = `Merge pull request #${rnd.int(100, 9999)} from ${rnd.pick(AUTHORS)[0].split(" ")[0].toLowerCase()}/topic-${rnd.int(1, 999)}\n\n${firstHeader}\n`;
    let type = null;
    if (rnd.chance(0.15)) {
      type = this.pickType(this.capOf(files, this.position + 1));
      message = `${type}: ${description(rnd)} (#${rnd.int(100, 9999)})\n`;
      this.stats.conventionalMerges += 1;
    }
    await this.commit({ message, files, type, merge: sideTip, committer: GITHUB, revisions: sideFiles });
    this.stats.merges += 1;
    return true;
  }

  /** A commit; returns its mark. Side-branch commits are recorded in order like the others. */
  async commit({ message, files, type = null, breaking = false, revertOf = null, merge = null, ...o }) {
    this.mark += 1;
    this.position += 1;
    this.time += this.rnd.int(5, 120);
    const who = this.rnd.pick(AUTHORS);
    const ident = ([n, e, tz]) => `${n} <${e}> ${this.time} ${tz}`;
    const parent = o.onSide ? o.parent : this.tip;
    let text = `commit refs/heads/${o.onSide ? "topic" : "main"}\nmark :${this.mark}\n`;
    text += `author ${ident(who)}\ncommitter ${ident(o.committer ?? who)}\n`;
    text += `data ${Buffer.byteLength(message)}\n${message}\n`;
    if (parent !== null) text += `from :${parent}\n`;
    if (merge !== null) text += `merge :${merge}\n`;
    for (const f of files) {
      const rev = o.revisions?.get(f) ?? (this.fileRev.get(f) ?? 0) + 1;
      this.fileRev.set(f, Math.max(rev, this.fileRev.get(f) ?? 0));
      const content = o.contents?.[f] ?? `// ${f}\nexport const revision = ${rev};\n`;
      text += `M 100644 inline ${f}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    }
    await this.fi.write(`${text}\n`);
    if (!o.onSide) this.tip = this.mark;
    const conventional = type !== null;
    this.commits.push({
      position: this.position,
      mark: this.mark,
      files,
      bump: !conventional ? "none" : breaking ? "major" : (BUMP_OF[type] ?? "none"),
      revertOf,
      merge: merge !== null,
      counts: countsFor(files, this.packages).map((p) => p.path),
    });
    this.markOfPosition[this.position] = this.mark;
    for (const tag of this.tagsAt.get(this.position) ?? []) await this.tag(tag, this.mark);
    this.stats.commits += 1;
    return this.mark;
  }

  async tag(tag, mark) {
    if (tag.annotated) {
      const msg = `Release ${tag.name}\n`;
      await this.fi.write(
        `tag ${tag.name}\nfrom :${mark}\ntagger GitHub <noreply@github.com> ${this.time} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n`,
      );
    } else {
      await this.fi.write(`reset refs/tags/${tag.name}\nfrom :${mark}\n\n`);
    }
    this.stats.tags += 1;
  }

  /** A branch never merged, with a tag above every real one of pkg-02: not reachable, so ignored. */
  async abandonedBranch() {
    const base = this.markOfPosition[Math.round(this.size / 2)];
    this.mark += 1;
    const msg = `feat(${name(2)}): an experiment\n`;
    let text = `commit refs/heads/abandoned\nmark :${this.mark}\nauthor ${AUTHORS[0][0]} <${AUTHORS[0][1]}> ${this.time} +0000\n`;
    text += `committer ${AUTHORS[0][0]} <${AUTHORS[0][1]}> ${this.time} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\nfrom :${base}\n`;
    text += `M 100644 inline ${folder(2)}/src/index.ts\ndata 12\nexperiment;\n\n`;
    await this.fi.write(text);
    await this.tag({ name: `${name(2)}-v99.0.0`, annotated: true }, this.mark);
  }

  async sha(mark) {
    const answer = this.fi.getMark(mark);
    await this.fi.flush();
    return answer;
  }

  async end() {
    this.headSha = await this.sha(this.tip);
    await this.fi.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  let size = MONOREPO_SIZE;
  let cacheRoot = defaultCacheRoot();
  let force = false;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === "--size") size = Number(argv[++i]);
    else if (a === "--cache-dir") cacheRoot = path.resolve(argv[++i]);
    else if (a === "--force") force = true;
    else if (a === "--help" || a === "-h") {
      console.log("usage: node test/bench/make-monorepo.mjs [--size 100000] [--cache-dir DIR] [--force]");
      return;
    } else throw new Error(`unknown argument: ${a}`);
  }
  const { dir, generated, marker } = await ensureMonorepo(size, { cacheRoot, force, log: console.log });
  console.log(
    `${size}: ${generated ? `generated in ${marker.generateSeconds} s` : "cached"}, ` +
      `${(marker.diskBytes / 2 ** 20).toFixed(1)} MB on disk, HEAD ${marker.head}, ${dir}`,
  );
  console.log(`  oldest last tag ${marker.oldestLastTag}: ${marker.commitsSinceOldestLastTag} commits since`);
  console.log(`  ${JSON.stringify(marker.stats)}`);
  const bumps = {};
  for (const p of Object.values(marker.expected.packages)) bumps[p.bump] = (bumps[p.bump] ?? 0) + 1;
  console.log(
    `  expected: ${marker.expected.releasedPackages.length} packages release (${JSON.stringify(bumps)})`,
  );
}

if (existsSync(process.argv[1] ?? "") && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

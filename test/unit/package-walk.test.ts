/**
 * One walk for every package (core/package-walk.ts): checked against the definition on random
 * histories. A package's commits are those reachable from HEAD, not its last tag or an ancestor of
 * it, that change a file it claims (or no file at all), whatever children-first order they come in.
 */
import { describe, expect, it } from "vitest";
import { AncestorSets, PackageRouter, packageBit } from "../../src/core/package-walk.ts";
import { type ChangedCommit, PackageClaims } from "../../src/core/packages.ts";
import type { RawCommit } from "../../src/core/types.ts";

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const PACKAGES = [
  { path: ".", component: "mono", extraPaths: [], excludePaths: [] },
  { path: "a", component: "a", extraPaths: ["shared"], excludePaths: ["a/test"] },
  { path: "b", component: "b", extraPaths: [], excludePaths: [] },
  { path: "a/sub", component: "sub", extraPaths: ["shared"], excludePaths: [] },
];
const FILES = ["a/x", "a/test/t", "b/x", "a/sub/x", "shared/x", "README"];

interface History {
  commits: ChangedCommit[];
  head: string;
  /** Per package: its last tag's commit, or null. */
  tags: (string | null)[];
}

function history(seed: number): History {
  const rnd = random(seed);
  const n = 5 + rnd.int(30);
  const commits: ChangedCommit[] = [];
  for (let i = 0; i < n; i++) {
    const parents: string[] = [];
    if (i > 0) parents.push(commits[rnd.next() < 0.7 ? i - 1 : rnd.int(i)]!.sha);
    if (i > 1 && rnd.next() < 0.25) {
      const other = commits[rnd.int(i)]!.sha;
      if (!parents.includes(other)) parents.push(other);
    }
    const files = rnd.next() < 0.15 ? [] : FILES.filter(() => rnd.next() < 0.3);
    commits.push({ sha: `c${i}`, parents, message: `fix: ${i}`, files });
  }
  const head = commits[n - 1]!.sha;
  const reachable = [...ancestors(commits, head)];
  const tags = PACKAGES.map(() => (rnd.next() < 0.2 ? null : reachable[rnd.int(reachable.length)]!));
  return { commits, head, tags };
}

/** The commit and all its ancestors. */
function ancestors(commits: readonly ChangedCommit[], sha: string): Set<string> {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const seen = new Set<string>();
  const stack = [sha];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    stack.push(...bySha.get(s)!.parents);
  }
  return seen;
}

/** The commits of `from` and not of `exclude`, in a random order where every child comes before its parents. */
function childrenFirst(h: History, rnd: ReturnType<typeof random>, exclude: Set<string>): ChangedCommit[] {
  const inWalk = ancestors(h.commits, h.head);
  const walk = h.commits.filter((c) => inWalk.has(c.sha) && !exclude.has(c.sha));
  const waiting = new Map(walk.map((c) => [c.sha, 0]));
  for (const c of walk) for (const p of c.parents) if (waiting.has(p)) waiting.set(p, waiting.get(p)! + 1);
  const ready = walk.filter((c) => waiting.get(c.sha) === 0);
  const bySha = new Map(walk.map((c) => [c.sha, c]));
  const out: ChangedCommit[] = [];
  while (ready.length > 0) {
    const [c] = ready.splice(rnd.int(ready.length), 1);
    out.push(c!);
    for (const p of c!.parents) {
      if (!waiting.has(p)) continue;
      waiting.set(p, waiting.get(p)! - 1);
      if (waiting.get(p) === 0) ready.push(bySha.get(p)!);
    }
  }
  return out;
}

function expected(h: History): string[][] {
  const claims = new PackageClaims(PACKAGES);
  const fromHead = ancestors(h.commits, h.head);
  return PACKAGES.map((_, p) => {
    const tag = h.tags[p] ?? null;
    const below = tag === null ? new Set<string>() : ancestors(h.commits, tag);
    return h.commits
      .filter((c) => fromHead.has(c.sha) && !below.has(c.sha) && claims.claim(c.files).includes(p))
      .map((c) => c.sha)
      .sort();
  });
}

function lastTags(h: History): Map<string, bigint> {
  const map = new Map<string, bigint>();
  h.tags.forEach((sha, p) => {
    if (sha !== null) map.set(sha, (map.get(sha) ?? 0n) | packageBit(p));
  });
  return map;
}

function route(h: History, order: readonly ChangedCommit[]): string[][] {
  const got: string[][] = PACKAGES.map(() => []);
  const router = new PackageRouter(
    PACKAGES,
    lastTags(h),
    (p, c: RawCommit) => got[p]!.push(c.sha),
    () => {},
  );
  for (const c of order) router.add(c);
  return got.map((list) => list.sort());
}

describe("one walk for every package, on random histories", () => {
  for (let seed = 1; seed <= 300; seed++) {
    it(`history ${seed}: each package gets exactly the commits of its range that it claims`, () => {
      const h = history(seed);
      const rnd = random(seed * 7919);
      expect(route(h, childrenFirst(h, rnd, new Set()))).toEqual(expected(h));
    });
  }

  it("a walk from a common ancestor of every last tag sees every range, and proves it is below them", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const h = history(seed);
      if (h.tags.some((t) => t === null)) continue;
      const common = [...ancestors(h.commits, h.tags[0]!)].filter((s) =>
        h.tags.every((t) => ancestors(h.commits, t!).has(s)),
      );
      const start = common[0]!;
      const excluded = ancestors(h.commits, start);
      const got: string[][] = PACKAGES.map(() => []);
      const router = new PackageRouter(
        PACKAGES,
        lastTags(h),
        (p, c) => got[p]!.push(c.sha),
        () => {},
      );
      for (const c of childrenFirst(h, random(seed), excluded)) router.add(c);
      expect(
        got.map((l) => l.sort()),
        `history ${seed}`,
      ).toEqual(expected(h));
      const all = PACKAGES.reduce((a, _, i) => a | packageBit(i), 0n);
      const below = start === h.head ? all : router.handedTo(start);
      expect(below, `history ${seed}`).toBe(all);
    }
  });
});

describe("the sets of last tags", () => {
  it("hand a tag's bit to every ancestor, and nothing to the commits above it", () => {
    // d -> c -> b -> a, and d -> x -> a (a merge); package 0 tagged at b, package 1 at x.
    const sets = new AncestorSets(
      new Map([
        ["b", 1n],
        ["x", 2n],
      ]),
    );
    expect(sets.visit("d", ["c", "x"])).toBe(0n);
    expect(sets.visit("c", ["b"])).toBe(0n);
    expect(sets.visit("x", ["a"])).toBe(2n);
    expect(sets.visit("b", ["a"])).toBe(1n);
    expect(sets.handedTo("a")).toBe(3n);
    expect(sets.visit("a", [])).toBe(3n);
    expect(sets.handedTo("nowhere")).toBeNull();
  });
});

describe("a Release-As on a commit that changes no file", () => {
  const packages = [
    { path: "packages/api", component: "api", extraPaths: [], excludePaths: [] },
    { path: "packages/web", component: "web", extraPaths: [], excludePaths: [] },
  ];
  function deliveries(message: string) {
    const got: [number, string][] = [];
    const warnings: string[] = [];
    const router = new PackageRouter(
      packages,
      new Map(),
      (p, c) => got.push([p, c.message]),
      (w) => warnings.push(w),
    );
    router.add({ sha: "a".repeat(40), parents: [], message, files: [] });
    return { got, warnings };
  }

  it("keeps it for the package its scope names; the others read the commit without it", () => {
    expect(deliveries("chore(api): pin\n\nRelease-As: 2.0.0\n").got).toEqual([
      [0, "chore(api): pin\n\nRelease-As: 2.0.0\n"],
      [1, "chore(api): pin\n\n"],
    ]);
  });

  it("keeps it for every package without a scope", () => {
    const { got } = deliveries("chore: pin\n\nRelease-As: 2.0.0\n");
    expect(got.map(([, m]) => m)).toEqual([
      "chore: pin\n\nRelease-As: 2.0.0\n",
      "chore: pin\n\nRelease-As: 2.0.0\n",
    ]);
  });

  it("says so when the scope names no package", () => {
    const { got, warnings } = deliveries("chore(deps): pin\n\nRelease-As: 2.0.0\n");
    expect(got.map(([, m]) => m)).toEqual(["chore(deps): pin\n\n", "chore(deps): pin\n\n"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /Release-As: 2\.0\.0 in commit aaaaaaa .*scope "deps" names no package \(api, web\)/,
    );
  });

  it("a scoped commit that changes files is its files' packages' only, Release-As and all", () => {
    const got: number[] = [];
    const router = new PackageRouter(
      packages,
      new Map(),
      (p) => got.push(p),
      () => {},
    );
    router.add({
      sha: "b".repeat(40),
      parents: [],
      message: "chore(api): x\n\nRelease-As: 2.0.0",
      files: ["packages/web/x"],
    });
    expect(got).toEqual([1]);
  });
});

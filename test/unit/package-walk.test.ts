/**
 * One walk for every package (core/package-walk.ts): checked against the definition on random
 * histories. A package's commits are those reachable from HEAD, not its last tag or an ancestor of
 * it, that change a file it claims (or no file at all), whatever children-first order they come in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AncestorSets, PackageRouter, packageBit } from "../../src/core/package-walk.ts";
import { type ChangedCommit, PackageClaims } from "../../src/core/packages.ts";

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
  /** Per package: its last tag's commit (reachable from head), or null. */
  tags: (string | null)[];
  /** Picks among the commits ready to come next: one children-first order of many. */
  picks: number[];
}

/** Commits c0..cN-1, each with 0-2 parents among older ones and some files (or none); head is the last. */
const histories: fc.Arbitrary<History> = fc
  .record({
    shape: fc.array(
      fc.record({
        first: fc.nat(),
        second: fc.option(fc.nat(), { nil: null }),
        files: fc.oneof(fc.constant([]), fc.subarray(FILES)),
      }),
      { minLength: 1, maxLength: 30 },
    ),
    tags: fc.array(fc.option(fc.nat(), { nil: null }), {
      minLength: PACKAGES.length,
      maxLength: PACKAGES.length,
    }),
    picks: fc.array(fc.nat(), { maxLength: 40 }),
  })
  .map(({ shape, tags, picks }) => {
    const commits = shape.map(({ first, second, files }, i): ChangedCommit => {
      const parents = i === 0 ? [] : [`c${first % i}`];
      if (i > 0 && second !== null && second % i !== first % i) parents.push(`c${second % i}`);
      return { sha: `c${i}`, parents, message: `fix: ${i}`, files: [...files] };
    });
    const head = `c${commits.length - 1}`;
    const reachable = [...ancestors(commits, head)];
    return {
      commits,
      head,
      picks,
      tags: tags.map((t) => (t === null ? null : reachable[t % reachable.length]!)),
    };
  });

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

/** The commits of head and not of `exclude`, every child before its parents, in the order `picks` chooses. */
function childrenFirst(h: History, exclude: ReadonlySet<string>): ChangedCommit[] {
  const fromHead = ancestors(h.commits, h.head);
  const walk = h.commits.filter((c) => fromHead.has(c.sha) && !exclude.has(c.sha));
  const children = new Map(walk.map((c) => [c.sha, 0]));
  for (const c of walk) for (const p of c.parents) if (children.has(p)) children.set(p, children.get(p)! + 1);
  const ready = walk.filter((c) => children.get(c.sha) === 0);
  const bySha = new Map(walk.map((c) => [c.sha, c]));
  const out: ChangedCommit[] = [];
  while (ready.length > 0) {
    const [c] = ready.splice((h.picks[out.length] ?? 0) % ready.length, 1);
    out.push(c!);
    for (const p of c!.parents) {
      if (!children.has(p)) continue;
      children.set(p, children.get(p)! - 1);
      if (children.get(p) === 0) ready.push(bySha.get(p)!);
    }
  }
  return out;
}

/** The definition: reachable from head, not the tag or below it, and claimed. */
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

/** What the router delivers to each package, from a walk that leaves out `exclude`. */
function route(h: History, exclude: ReadonlySet<string> = new Set()) {
  const got: string[][] = PACKAGES.map(() => []);
  const router = new PackageRouter(
    PACKAGES,
    lastTags(h),
    (p, c) => got[p]!.push(c.sha),
    () => {},
  );
  for (const c of childrenFirst(h, exclude)) router.add(c);
  return { got: got.map((list) => list.sort()), router };
}

describe("one walk for every package, on random histories", () => {
  it("each package gets exactly the commits of its range that it claims, in any children-first order", () => {
    fc.assert(
      fc.property(histories, (h) => {
        expect(route(h).got).toEqual(expected(h));
      }),
      { numRuns: 500 },
    );
  });

  it("a walk from a common ancestor of every last tag sees every range, and proves it is below them", () => {
    const tagged = histories.filter((h) => h.tags.every((t) => t !== null));
    fc.assert(
      fc.property(tagged, (h) => {
        const [first, ...rest] = h.tags.map((t) => ancestors(h.commits, t!));
        const start = [...first!].find((s) => rest.every((a) => a.has(s)));
        fc.pre(start !== undefined);
        const { got, router } = route(h, ancestors(h.commits, start!));
        expect(got).toEqual(expected(h));
        const all = PACKAGES.reduce((a, _, i) => a | packageBit(i), 0n);
        expect(start === h.head ? all : router.handedTo(start!)).toBe(all);
      }),
      { numRuns: 500 },
    );
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

/**
 * One walk for every package (core/package-walk.ts): checked against the definition on random
 * histories. A package's last tag is its highest ranked tag that HEAD reaches; its commits are
 * those HEAD reaches, that are not that tag's commit or below it, and that change a file it claims
 * (or no file at all). The walk reads HEAD and every tag at once, in any children-first order; when
 * its guess about a higher tag was wrong it says so, and the reading is not used.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PackageRouter, type RankedTag, TagRanks } from "../../src/core/package-walk.ts";
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
  /** Per package: the commits of its tags, lowest rank first (reachable from head or not). */
  tags: string[][];
  /** Picks among the commits ready to come next: one children-first order of many. */
  picks: number[];
}

/** Commits c0..cN-1, each with 0-2 parents among older ones and some files (or none); head is any. */
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
    head: fc.nat(),
    tags: fc.array(fc.array(fc.nat(), { maxLength: 3 }), {
      minLength: PACKAGES.length,
      maxLength: PACKAGES.length,
    }),
    picks: fc.array(fc.nat(), { maxLength: 40 }),
  })
  .map(({ shape, head, tags, picks }) => {
    const commits = shape.map(({ first, second, files }, i): ChangedCommit => {
      const parents = i === 0 ? [] : [`c${first % i}`];
      if (i > 0 && second !== null && second % i !== first % i) parents.push(`c${second % i}`);
      return { sha: `c${i}`, parents, message: `fix: ${i}`, files: [...files] };
    });
    // Mostly the newest commit, so that most tags are reachable; sometimes an older one.
    const at = head % 3 === 0 ? head % commits.length : commits.length - 1;
    // Versions mostly grow with history (higher ranks on newer commits); the root package's do not.
    const placed = tags.map((list, p) => {
      const at = list.map((t) => t % commits.length);
      return (p === 0 ? at : at.sort((x, y) => x - y)).map((t) => `c${t}`);
    });
    return { commits, head: `c${at}`, picks, tags: placed };
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

/** The commits of the tips and not of `exclude`, every child before its parents, in the order `picks` chooses. */
function childrenFirst(h: History, tips: readonly string[], exclude: ReadonlySet<string>): ChangedCommit[] {
  const inWalk = new Set(tips.flatMap((t) => [...ancestors(h.commits, t)]));
  const walk = h.commits.filter((c) => inWalk.has(c.sha) && !exclude.has(c.sha));
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

/** Each package's last tag (rank and commit; -1: none) by the definition. */
function lastTags(h: History): { rank: number; sha: string | null }[] {
  const fromHead = ancestors(h.commits, h.head);
  return h.tags.map((list) => {
    for (let r = list.length - 1; r >= 0; r--) if (fromHead.has(list[r]!)) return { rank: r, sha: list[r]! };
    return { rank: -1, sha: null };
  });
}

/** The definition: reachable from head, not the last tag or below it, and claimed. */
function expected(h: History): string[][] {
  const claims = new PackageClaims(PACKAGES);
  const fromHead = ancestors(h.commits, h.head);
  return lastTags(h).map(({ sha }, p) => {
    const below = sha === null ? new Set<string>() : ancestors(h.commits, sha);
    return h.commits
      .filter((c) => fromHead.has(c.sha) && !below.has(c.sha) && claims.claim(c.files).includes(p))
      .map((c) => c.sha)
      .sort();
  });
}

function ranked(h: History): Map<string, RankedTag[]> {
  const map = new Map<string, RankedTag[]>();
  h.tags.forEach((list, index) => {
    list.forEach((sha, rank) => {
      map.set(sha, [...(map.get(sha) ?? []), { index, rank }]);
    });
  });
  return map;
}

/** What the router delivers to each package, from a walk of head and every tag that leaves out `exclude`. */
function route(h: History, exclude: ReadonlySet<string> = new Set()) {
  const got: string[][] = PACKAGES.map(() => []);
  const router = new PackageRouter(
    PACKAGES,
    { tags: ranked(h), head: h.head },
    (p, c) => got[p]!.push(c.sha),
    () => {},
  );
  for (const c of childrenFirst(h, [h.head, ...h.tags.flat()], exclude)) router.add(c);
  return { got: got.map((list) => list.sort()), router };
}

describe("one walk for every package, on random histories", () => {
  it("each package gets exactly the commits of its range, or the walk says its guess was wrong", () => {
    let held = 0;
    fc.assert(
      fc.property(histories, (h) => {
        const { got, router } = route(h);
        const last = lastTags(h);
        const wrong = last.some(({ rank }, p) => router.guessedBelow(p) < rank);
        if (!wrong) {
          held++;
          expect(got).toEqual(expected(h));
          for (const [p, { rank }] of last.entries()) expect(router.highestMet(p)).toBe(rank);
        }
      }),
      { numRuns: 1000 },
    );
    // The guess is right far more often than not: most readings hold.
    expect(held).toBeGreaterThan(800);
  });

  it("a walk from a common ancestor of every last tag sees every range, and proves it is below them", () => {
    fc.assert(
      fc.property(histories, (h) => {
        const last = lastTags(h);
        fc.pre(last.every((l) => l.sha !== null));
        const [first, ...rest] = last.map((l) => ancestors(h.commits, l.sha!));
        const start = [...first!].find((s) => rest.every((a) => a.has(s)));
        fc.pre(start !== undefined);
        const { got, router } = route(h, ancestors(h.commits, start!));
        fc.pre(last.every(({ rank }, p) => router.guessedBelow(p) >= rank));
        expect(got).toEqual(expected(h));
        if (start === h.head) return;
        const handed = router.handedTo(start!);
        expect(handed?.reachable).toBe(true);
        for (const [p, { rank, sha }] of last.entries())
          if (sha !== start) expect(handed!.below[p]).toBe(rank);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the standing of commits", () => {
  it("a reachable tag is handed to every ancestor; a tag HEAD does not reach is not", () => {
    // d (HEAD) -> c -> b -> a, and d -> x -> a (a merge); package 0 tagged at b (rank 0) and at y
    // (rank 1), on a branch y -> a that HEAD does not reach.
    const walk = new TagRanks(
      1,
      new Map([
        ["b", [{ index: 0, rank: 0 }]],
        ["y", [{ index: 0, rank: 1 }]],
      ]),
      "d",
    );
    const standing = (s: { reachable: boolean; below: Int32Array }) => [s.reachable, s.below[0]];
    expect(standing(walk.visit("d", ["c", "x"]))).toEqual([true, -1]);
    expect(standing(walk.visit("y", ["a"]))).toEqual([false, -1]);
    expect(standing(walk.visit("c", ["b"]))).toEqual([true, -1]);
    expect(standing(walk.visit("x", ["a"]))).toEqual([true, -1]);
    expect(standing(walk.visit("b", ["a"]))).toEqual([true, 0]);
    expect(walk.highestMet(0)).toBe(0);
    expect(standing(walk.handedTo("a")!)).toEqual([true, 0]);
    expect(walk.handedTo("nowhere")).toBeNull();
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
      { tags: new Map(), head: "a".repeat(40) },
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
      { tags: new Map(), head: "b".repeat(40) },
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

/**
 * RangeWalk finds `base..head` in a newest-first stream. The property that matters: whenever the
 * caller trusts the walk (ordered, done, and no edge commit an ancestor of the base, as git
 * answers), the commits it delivered are exactly the range, children before parents. Checked over
 * random histories with random (skewed, tied) dates, streamed in git's own default order and in
 * arbitrary orders.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RangeWalk } from "../../src/core/range-walk.ts";

interface Dag {
  parents: Map<string, string[]>;
  dates: Map<string, number>;
  head: string;
}

/** Commits c0..cN-1, each with 0-2 parents among older ones; c{N-1} is head. */
function dag(spec: { parentPicks: [number, number | null][]; dates: number[] }): Dag {
  const parents = new Map<string, string[]>();
  const dates = new Map<string, number>();
  spec.parentPicks.forEach(([a, b], i) => {
    const sha = `c${i}`;
    const ps: string[] = [];
    if (i > 0) {
      ps.push(`c${a % i}`);
      if (b !== null && b % i !== a % i) ps.push(`c${b % i}`);
    }
    parents.set(sha, ps);
    dates.set(sha, spec.dates[i] ?? i);
  });
  return { parents, dates, head: `c${spec.parentPicks.length - 1}` };
}

function reachable(d: Dag, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (seen.has(c)) continue;
    seen.add(c);
    stack.push(...d.parents.get(c)!);
  }
  return seen;
}

/** git log's default order: a queue by commit date, newest first, equal dates first come first. */
function gitOrder(d: Dag): string[] {
  const out: string[] = [];
  const seen = new Set([d.head]);
  let queue: string[] = [d.head];
  while (queue.length > 0) {
    const c = queue.shift()!;
    out.push(c);
    for (const p of d.parents.get(c)!) {
      if (seen.has(p)) continue;
      seen.add(p);
      let at = queue.findIndex((q) => d.dates.get(q)! < d.dates.get(p)!);
      if (at === -1) at = queue.length;
      queue = [...queue.slice(0, at), p, ...queue.slice(at)];
    }
  }
  return out;
}

/** What the adapter does with a stream: the delivered commits, or null when it reads again. */
function walkStream(d: Dag, stream: string[], base: string | null): string[] | null {
  const walk = new RangeWalk(d.head, base);
  const delivered: string[] = [];
  for (const sha of stream) {
    const step = walk.step(sha, d.parents.get(sha)!);
    if (step === "unordered") return null;
    if (step === "in") delivered.push(sha);
    if (walk.done) break;
  }
  if (!walk.done) return null;
  if (base !== null && !walk.baseSeen) {
    // The caller treats this as "the base is not an ancestor" and asks git per tag instead.
    expect(reachable(d, d.head).has(base)).toBe(false);
    return null;
  }
  if (base !== null) {
    const ofBase = reachable(d, base);
    if (walk.edges.some((edge) => ofBase.has(edge))) return null;
    expect(walk.inRange).toBe(delivered.length);
  }
  return delivered;
}

function expectExact(d: Dag, base: string | null, delivered: string[]): void {
  const range = reachable(d, d.head);
  if (base !== null) for (const c of reachable(d, base)) range.delete(c);
  expect([...delivered].sort()).toEqual([...range].sort());
  const position = new Map(delivered.map((c, i) => [c, i]));
  for (const c of delivered) {
    for (const p of d.parents.get(c)!) {
      if (position.has(p))
        expect(position.get(p)!, `${p} after its child ${c}`).toBeGreaterThan(position.get(c)!);
    }
  }
}

const history = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.record({
      parentPicks: fc.array(fc.tuple(fc.nat(), fc.option(fc.nat(), { freq: 3 })), {
        minLength: n,
        maxLength: n,
      }),
      dates: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
      skew: fc.boolean(),
      base: fc.nat(),
      noBase: fc.boolean(),
    }),
  )
  .map((s) => {
    // Without skew, dates grow with the commit index (children newer); ties still happen.
    const dates = s.skew ? s.dates : s.dates.map((_, i) => Math.floor(i / 2));
    const d = dag({ parentPicks: s.parentPicks, dates });
    const base = s.noBase ? null : `c${s.base % s.parentPicks.length}`;
    return { d, base: base === d.head ? null : base };
  });

describe("RangeWalk", () => {
  it("a linear history: the commits after the base, then done", () => {
    const d = dag({
      parentPicks: [
        [0, null],
        [0, null],
        [1, null],
        [2, null],
      ],
      dates: [0, 1, 2, 3],
    });
    const delivered = walkStream(d, gitOrder(d), "c1");
    expect(delivered).toEqual(["c3", "c2"]);
  });

  it("a branch forked before the base and merged after it is in the range; the fork point is not", () => {
    // c0 <- c1 (base) <- c3 ; c0 <- c2 (branch) ; c4 = merge(c3, c2)
    const d: Dag = {
      parents: new Map([
        ["c0", []],
        ["c1", ["c0"]],
        ["c2", ["c0"]],
        ["c3", ["c1"]],
        ["c4", ["c3", "c2"]],
      ]),
      dates: new Map([
        ["c0", 0],
        ["c1", 1],
        ["c2", 2],
        ["c3", 3],
        ["c4", 4],
      ]),
      head: "c4",
    };
    const walk = new RangeWalk("c4", "c1");
    const steps = gitOrder(d).map((c) => [c, walk.step(c, d.parents.get(c)!), walk.done] as const);
    expect(steps).toEqual([
      ["c4", "in", false],
      ["c3", "in", false],
      ["c2", "in", false],
      // The base's parent c0 was pending in the range (named by c2): now it is outside.
      ["c1", "out", true],
      ["c0", "out", true],
    ]);
    expect(walk.baseSeen).toBe(true);
    expect(walk.edges).toEqual(["c2"]);
  });

  it("a commit that comes before any child names it is reported", () => {
    const walk = new RangeWalk("c2", null);
    expect(walk.step("c2", ["c1"])).toBe("in");
    expect(walk.step("c0", [])).toBe("unordered");
  });

  it("a parent that comes before its second child leaves the walk unfinished", () => {
    // c3 = merge(c2, c1); c2 -> c1; stream c3, c1, c2: c1 came before its child c2.
    const walk = new RangeWalk("c3", null);
    walk.step("c3", ["c2", "c1"]);
    walk.step("c1", ["c0"]);
    walk.step("c2", ["c1"]);
    walk.step("c0", []);
    expect(walk.done).toBe(false);
  });

  it("skew that puts a commit of the base's history first makes that commit an edge", () => {
    // base c2 -> c1 -> c0; head c4 = merge(c3 -> c2, c1). Stream: c4, c1 (skewed new), c3, c2, c0.
    const d: Dag = {
      parents: new Map([
        ["c0", []],
        ["c1", ["c0"]],
        ["c2", ["c1"]],
        ["c3", ["c2"]],
        ["c4", ["c3", "c1"]],
      ]),
      dates: new Map(),
      head: "c4",
    };
    expect(walkStream(d, ["c4", "c1", "c3", "c2", "c0"], "c2")).toBeNull();
  });

  it("the base not an ancestor of head: the whole history, and no boundary", () => {
    const d = dag({
      parentPicks: [
        [0, null],
        [0, null],
        [1, null],
      ],
      dates: [0, 1, 2],
    });
    const walk = new RangeWalk(d.head, "elsewhere");
    for (const c of gitOrder(d)) walk.step(c, d.parents.get(c)!);
    expect(walk.done).toBe(true);
    expect(walk.baseSeen).toBe(false);
    expect(walk.inRange).toBe(3);
  });

  it("trusted walks are exact and in order, in git's order, with skew and ties (property)", () => {
    let trusted = 0;
    fc.assert(
      fc.property(history, ({ d, base }) => {
        const delivered = walkStream(d, gitOrder(d), base);
        if (delivered === null) return;
        trusted++;
        expectExact(d, base, delivered);
      }),
      { numRuns: 3000 },
    );
    expect(trusted).toBeGreaterThan(1000);
  });

  it("trusted walks are exact and in order, whatever order the stream comes in (property)", () => {
    fc.assert(
      fc.property(
        history.chain(({ d, base }) =>
          fc.shuffledSubarray(gitOrder(d).slice(1), { minLength: gitOrder(d).length - 1 }).map((rest) => ({
            d,
            base,
            stream: [d.head, ...rest],
          })),
        ),
        ({ d, base, stream }) => {
          const delivered = walkStream(d, stream, base);
          if (delivered !== null) expectExact(d, base, delivered);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

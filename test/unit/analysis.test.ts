import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HistoryAnalyzer } from "../../src/core/analysis.ts";
import { changesOf, parseMessage } from "../../src/core/conventional.ts";
import { bumpFor, maxBump, parseReleaseRules } from "../../src/core/rules.ts";
import type { Bump, HistoryAnalysis, RawCommit, ReleaseRule, SquashBullets } from "../../src/core/types.ts";

/** A history written oldest first, analysed newest first as git log delivers it. */
class History {
  readonly commits: RawCommit[] = [];
  private n = 0;

  commit(message: string): string {
    const sha = createHash("sha1")
      .update(`commit ${this.n++}`)
      .digest("hex");
    const parent = this.commits.at(-1)?.sha;
    this.commits.push({ sha, parents: parent === undefined ? [] : [parent], message });
    return sha;
  }

  merge(message: string): string {
    const sha = this.commit(message);
    const merge = this.commits.at(-1)!;
    merge.parents = [merge.parents[0] ?? "e".repeat(40), "f".repeat(40)];
    return sha;
  }

  revert(target: string): string {
    const original = this.commits.find((c) => c.sha === target)!;
    const subject = original.message.split("\n")[0]!;
    return this.commit(`Revert "${subject}"\n\nThis reverts commit ${target}.\n`);
  }

  /** `fallback` unless a test says otherwise: most tables here are about reading squash bodies. */
  analyze(rules: ReleaseRule[] = [], squashBullets: SquashBullets = "fallback"): HistoryAnalysis {
    const analyzer = new HistoryAnalyzer(rules, squashBullets);
    for (let i = this.commits.length - 1; i >= 0; i--) analyzer.add(this.commits[i]!);
    return analyzer.finish();
  }
}

const descriptions = (a: HistoryAnalysis, section?: string) =>
  a.notes.filter((n) => section === undefined || n.section === section).map((n) => n.description);

describe("HistoryAnalyzer: counting and the bump", () => {
  it("an empty range", () => {
    const a = new History().analyze();
    expect(a).toMatchObject({
      commitsRead: 0,
      commitCount: 0,
      mergeCount: 0,
      bump: "none",
      decidingCommit: null,
      breaking: false,
      releaseAs: null,
      cancelledCount: 0,
      notes: [],
      notesDropped: 0,
      warnings: [],
      countsByType: {},
    });
  });

  it("one bump, the highest; the newest commit of that bump decides", () => {
    const h = new History();
    h.commit("feat: a");
    h.commit("fix: b");
    const newestFeat = h.commit("feat(api): c");
    h.commit("docs: d");
    h.commit("perf: e");
    const a = h.analyze();
    expect(a.bump).toBe("minor");
    expect(a.decidingCommit).toEqual({
      sha: newestFeat,
      subject: "feat(api): c",
      reason: "feat(api): c calls for a minor release",
    });
    expect(a.countsByType).toEqual({ perf: 1, docs: 1, feat: 2, fix: 1 });
    expect(a.commitCount).toBe(5);
  });

  it("a breaking change decides with a short reason", () => {
    const h = new History();
    h.commit("feat: a");
    const breaking = h.commit("feat!: drop node 18");
    h.commit("fix: b");
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "major", breaking: true });
    expect(a.decidingCommit).toMatchObject({
      sha: breaking,
      reason: "feat!: drop node 18 is a breaking change",
    });
  });

  it("merges are skipped for the bump and the notes but counted as read", () => {
    const h = new History();
    h.commit("feat(ui): a feature on a branch");
    h.commit("docs: main moves on");
    h.merge("Merge pull request #7 from octo/topic\n\nfix!: this text is a merge message, not a change");
    const a = h.analyze();
    expect(a).toMatchObject({
      commitsRead: 3,
      commitCount: 2,
      mergeCount: 1,
      bump: "minor",
      breaking: false,
    });
    expect(descriptions(a)).not.toContain("this text is a merge message, not a change");
  });

  it("non-conventional messages count as other", () => {
    const h = new History();
    h.commit("Update README");
    h.commit("");
    h.commit("wip");
    expect(h.analyze()).toMatchObject({ bump: "none", countsByType: { other: 3 }, commitCount: 3 });
  });

  it("squash bullets are changes of their own", () => {
    const h = new History();
    h.commit(
      "Update things (#42)\n\n* feat(cli): add --json\n\n* fix: crash on empty input\n\n* docs: readme",
    );
    const a = h.analyze();
    expect(a.bump).toBe("minor");
    expect(a.countsByType).toEqual({ feat: 1, fix: 1, docs: 1 });
    expect(a.decidingCommit?.reason).toBe(
      'feat(cli): add --json (squashed into "Update things (#42)") calls for a minor release',
    );
    expect(descriptions(a)).toEqual(["add --json", "crash on empty input"]);
  });

  it("user rules apply", () => {
    const h = new History();
    h.commit("docs(readme): explain");
    h.commit("fix: a bug");
    expect(h.analyze(parseReleaseRules("docs(readme)=minor, fix=none")).bump).toBe("minor");
    expect(h.analyze(parseReleaseRules("docs=none, fix=none")).bump).toBe("none");
  });

  it("the bump is the highest single bump of the counted changes, merges' titles included (no reverts)", () => {
    const messages = [
      "feat: a",
      "fix: b",
      "perf(x): c",
      "docs: d",
      "chore!: e",
      "Feat(API): f",
      "refactor: g\n\nBREAKING CHANGE: h",
      "Squash\n\n* fix: i\n\n* feat: j",
      "nonsense",
      "",
      "style: k\n\nbreaking change: not really",
      "fix: l (#892)\n\n* feat!: m",
      "v9 (#639)\n\nBREAKING CHANGE: Node 18 or later is required",
      "Merge pull request #5 from o/b\n\nfeat: n",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ message: fc.constantFrom(...messages), merge: fc.boolean() }), {
          maxLength: 30,
        }),
        fc.constantFrom("", "fix=none", "docs=minor, feat=patch", "style=major"),
        (commits, ruleText) => {
          const rules = parseReleaseRules(ruleText);
          const h = new History();
          let expected: Bump = "none";
          for (const c of commits) {
            if (c.merge) h.merge(c.message);
            else h.commit(c.message);
            for (const change of changesOf(parseMessage(c.message), c.merge ? "never" : "fallback")) {
              expected = maxBump(expected, bumpFor(change, rules));
            }
          }
          const a = h.analyze(rules);
          expect(a.bump).toBe(expected);
          expect(a.commitsRead).toBe(commits.length);
          expect(a.commitCount).toBe(commits.filter((c) => !c.merge).length);
          expect(a.decidingCommit === null).toBe(expected === "none");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("HistoryAnalyzer: reverts", () => {
  it("a revert in the same range cancels its target, and both contribute nothing", () => {
    const h = new History();
    h.commit("fix: small");
    const risky = h.commit("feat!: risky change");
    h.revert(risky);
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "patch", breaking: false, cancelledCount: 2, commitCount: 3 });
    expect(a.countsByType).toEqual({ fix: 1 });
    expect(JSON.stringify(a.notes)).not.toContain("risky");
  });

  it("a revert of an already released commit is a patch-level change in Reverts", () => {
    const h = new History();
    h.commit("docs: x");
    h.commit(`Revert "feat: shipped feature"\n\nThis reverts commit ${"1234567".padEnd(40, "0")}.`);
    const a = h.analyze();
    expect(a.bump).toBe("patch");
    expect(a.countsByType).toEqual({ docs: 1, revert: 1 });
    expect(a.notes).toMatchObject([{ section: "revert", description: "feat: shipped feature" }]);
    expect(a.decidingCommit?.reason).toContain(
      'Revert "feat: shipped feature" reverts a commit released earlier',
    );
    expect(a.cancelledCount).toBe(0);
  });

  it("the newest revert decides among patch-level changes", () => {
    const h = new History();
    h.commit("fix: older");
    const revert = h.commit(`Revert "feat: x"\n\nThis reverts commit ${"a".repeat(40)}.`);
    expect(h.analyze().decidingCommit?.sha).toBe(revert);
    const h2 = new History();
    h2.commit(`Revert "feat: x"\n\nThis reverts commit ${"a".repeat(40)}.`);
    const fix = h2.commit("fix: newer");
    expect(h2.analyze().decidingCommit?.sha).toBe(fix);
  });

  it("a revert of a revert leaves the original change standing", () => {
    const h = new History();
    const feat = h.commit("feat: x");
    const revert = h.revert(feat);
    h.revert(revert);
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "minor", cancelledCount: 2 });
    expect(descriptions(a)).toEqual(["x"]);
  });

  it("a revert of a revert of a released commit: nothing changed", () => {
    const h = new History();
    const revert = h.commit(`Revert "feat: x"\n\nThis reverts commit ${"b".repeat(40)}.`);
    h.commit(`Revert "Revert "feat: x""\n\nThis reverts commit ${revert}.`);
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "none", cancelledCount: 2, notes: [] });
  });

  it("three reverts deep: revert, reapply, revert again", () => {
    const h = new History();
    const feat = h.commit("feat: x");
    const r1 = h.revert(feat);
    const r2 = h.revert(r1);
    h.revert(r2);
    const a = h.analyze();
    // r3 cancels r2; r1 still cancels feat: the feature is gone, nothing to release.
    expect(a).toMatchObject({ bump: "none", cancelledCount: 4 });
  });

  it("revert: type with a Refs footer (abbreviated sha)", () => {
    const h = new History();
    h.commit("fix: a");
    const feat = h.commit("feat: shiny");
    h.commit(`revert: shiny\n\nRefs: ${feat.slice(0, 8)}`);
    h.commit("docs: x");
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "patch", cancelledCount: 2 });
    expect(a.decidingCommit?.subject).toBe("fix: a");
  });

  it("a revert that names only the header cancels the newest commit with that header", () => {
    const h = new History();
    h.commit("fix: typo");
    h.commit("feat: shiny");
    h.commit("fix: typo");
    h.commit('Revert "fix: typo"');
    h.commit('Revert "feat: shiny"');
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "patch", cancelledCount: 4, countsByType: { fix: 1 } });
  });

  it("a revert: type naming the header in its description", () => {
    const h = new History();
    h.commit("feat(api): shiny");
    h.commit("revert: feat(api): shiny");
    expect(h.analyze()).toMatchObject({ bump: "none", cancelledCount: 2 });
  });

  it("a revert of an unknown target with no sha or header is still a patch", () => {
    const h = new History();
    h.commit("revert: let us never again speak of the noodle incident");
    expect(h.analyze()).toMatchObject({ bump: "patch", countsByType: { revert: 1 } });
  });

  it("release-rules can set what an unmatched revert bumps", () => {
    const h = new History();
    h.commit(`Revert "feat: x"\n\nThis reverts commit ${"c".repeat(40)}.`);
    expect(h.analyze(parseReleaseRules("revert=none")).bump).toBe("none");
    expect(h.analyze(parseReleaseRules("revert=minor")).bump).toBe("minor");
  });

  it("a git revert inside a squash body cancels its target without cancelling the squash", () => {
    const h = new History();
    const feat = h.commit("feat!: risky");
    h.commit(`Big PR (#3)\n\n* fix: a\n\n* Revert "feat!: risky"\n\nThis reverts commit ${feat}.`);
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "patch", cancelledCount: 1, countsByType: { fix: 1 } });
  });

  it("a revert naming two commits is cancelled only when both are in the range", () => {
    const h = new History();
    const a1 = h.commit("feat: a");
    const b1 = "d".repeat(40);
    h.commit(`revert: a and b\n\nRefs: ${a1.slice(0, 7)}, ${b1.slice(0, 7)}`);
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "patch", cancelledCount: 1, countsByType: { revert: 1 } });
  });

  it("a sha sharing the first 7 characters of a target is not the target", () => {
    const h = new History();
    const feat = h.commit("feat: x");
    const lookalike =
      `${feat.slice(0, 7)}${"0".repeat(33)}` === feat
        ? `${feat.slice(0, 7)}${"1".repeat(33)}`
        : `${feat.slice(0, 7)}${"0".repeat(33)}`;
    h.commit(`Revert "feat: y"\n\nThis reverts commit ${lookalike}.`);
    const a = h.analyze();
    expect(a).toMatchObject({ bump: "minor", cancelledCount: 0, countsByType: { feat: 1, revert: 1 } });
  });
});

describe("HistoryAnalyzer: Release-As", () => {
  it("keeps the newest valid one, without a v", () => {
    const h = new History();
    h.commit("chore: prepare\n\nRelease-As: 3.0.0");
    const newest = h.commit("fix: b\n\nRelease-As: v1.0.0");
    expect(h.analyze().releaseAs).toEqual({ value: "1.0.0", sha: newest });
  });

  it("a malformed value warns and the next valid one is used", () => {
    const h = new History();
    const valid = h.commit("chore: a\n\nRelease-As: 2.0.0");
    const bad = h.commit("chore: b\n\nRelease-As: soon");
    const a = h.analyze();
    expect(a.releaseAs).toEqual({ value: "2.0.0", sha: valid });
    expect(a.warnings).toEqual([
      `Release-As: soon in commit ${bad.slice(0, 7)} is not a SemVer version (x.y.z); it was ignored.`,
    ]);
  });

  it("a reverted commit's Release-As does not count", () => {
    const h = new History();
    const release = h.commit("chore: release\n\nRelease-As: 5.0.0");
    h.revert(release);
    expect(h.analyze().releaseAs).toBeNull();
  });

  it("warnings are capped", () => {
    const h = new History();
    for (let i = 0; i < 30; i++) h.commit("chore: a\n\nRelease-As: x");
    const a = h.analyze();
    expect(a.warnings).toHaveLength(21);
    expect(a.warnings[20]).toBe("10 more warnings about commit messages were left out.");
  });
});

describe("HistoryAnalyzer: notes", () => {
  it("breaking entries carry their notes, and the change also appears in its section", () => {
    const h = new History();
    const sha = h.commit(
      "feat(api)!: new search (#12)\n\nBREAKING CHANGE: the old index is gone\n\nCloses #13",
    );
    h.commit("chore!: drop node 18");
    h.commit("perf: faster");
    h.commit("style: whitespace");
    const a = h.analyze();
    // Newest first within a section, as the commits arrive.
    expect(a.notes.map((n) => [n.section, n.description])).toEqual([
      ["breaking", "drop node 18"],
      ["breaking", "new search"],
      ["feat", "new search"],
      ["perf", "faster"],
    ]);
    expect(a.notes[1]).toEqual({
      section: "breaking",
      scope: "api",
      description: "new search",
      sha,
      references: [12, 13],
      breakingNotes: ["the old index is gone"],
    });
    expect(a.notes[2]?.breakingNotes).toEqual([]);
  });

  it("a section stops keeping entries past 125,000 characters and counts the rest", () => {
    const h = new History();
    const long = "x".repeat(900);
    for (let i = 0; i < 400; i++) h.commit(`feat: ${i} ${long}`);
    h.commit("fix: one fix");
    const a = h.analyze();
    const feats = a.notes.filter((n) => n.section === "feat");
    expect(feats.length).toBeGreaterThan(100);
    expect(feats.length).toBeLessThan(400);
    expect(a.notesDropped).toBe(400 - feats.length);
    expect(descriptions(a, "fix")).toEqual(["one fix"]);
    expect(a.countsByType.feat).toBe(400);
  });

  it("descriptions are clipped so that one huge message cannot fill the notes", () => {
    const h = new History();
    h.commit(`feat: ${"y".repeat(1024 * 1024)}`);
    const a = h.analyze();
    expect(a.notes[0]!.description.length).toBeLessThanOrEqual(1000);
    expect(a.decidingCommit!.subject.length).toBeLessThanOrEqual(200);
  });

  it("the table of types stays bounded", () => {
    const h = new History();
    for (let i = 0; i < 500; i++) h.commit(`type${i}: x`);
    const a = h.analyze();
    expect(Object.keys(a.countsByType).length).toBeLessThanOrEqual(201);
    expect(Object.values(a.countsByType).reduce((s, n) => s + n, 0)).toBe(500);
  });
});

describe("HistoryAnalyzer: lifecycle and scale", () => {
  it("finish() is stable and add() after it is a bug", () => {
    const analyzer = new HistoryAnalyzer([], "fallback");
    analyzer.add({ sha: "a".repeat(40), parents: [], message: "fix: a" });
    const first = analyzer.finish();
    expect(analyzer.finish()).toBe(first);
    expect(() => analyzer.add({ sha: "b".repeat(40), parents: [], message: "feat: b" })).toThrow(
      /after finish/,
    );
  });

  // A scale test: seconds of CPU on a busy machine, beyond the unit tier's short default timeout.
  it("a million commits stream through with bounded notes", () => {
    const analyzer = new HistoryAnalyzer([], "fallback");
    const messages = [
      "fix(core): change",
      "feat: thing (#12)\n\nbody text\n\nRefs: #3",
      "chore: x",
      "Merge-ish words",
    ];
    for (let i = 0; i < 1_000_000; i++) {
      const sha = `${i.toString(16).padStart(8, "0")}${"e".repeat(32)}`;
      analyzer.add({ sha, parents: i % 50 === 0 ? ["p1", "p2"] : ["p"], message: messages[i % 4]! });
    }
    const a = analyzer.finish();
    expect(a).toMatchObject({ commitsRead: 1_000_000, mergeCount: 20_000, bump: "minor" });
    expect(a.notes.length).toBeLessThan(10_000);
    expect(a.notes.length + a.notesDropped).toBe(a.countsByType.feat! + a.countsByType.fix!);
  }, 30_000);
});

/**
 * The replay of real monorepos (test/e2e/replay-monorepos.test.ts) rests on three pure pieces:
 * reading the facts, planning the release points and commits, and judging which releases their
 * listed commits explain. Each is checked here on small hand-made facts.
 */
import { describe, expect, it } from "vitest";
import { parseFacts } from "../helpers/replay/facts.ts";
import {
  commitMessage,
  countVerdicts,
  type PlannedRelease,
  planReplay,
  releasePleaseVersion,
  shipguardSettings,
} from "../helpers/replay/plan.ts";

const HEAD = "project demo\nsource owner/demo\n";

function plan(body: string, options = "") {
  return planReplay(parseFacts(`${HEAD}${options}${body}`));
}

function releases(body: string, options = ""): PlannedRelease[] {
  return plan(body, options).points.flatMap((point) => point.releases);
}

function verdicts(body: string, options = ""): string[] {
  return releases(body, options).map(({ fact, verdict }) => {
    const what = verdict.kind === "compare" ? `compare by ${verdict.by}` : verdict.reason;
    return `${fact.path} ${fact.version}: ${what}`;
  });
}

describe("reading replay facts", () => {
  it("reads options, packages and releases with every kind of item", () => {
    const facts = parseFacts(
      `${HEAD}option bump-minor-pre-major true\npackage packages/a a-v exclude=packages/a/test/**,docs/**\n` +
        "# a comment\n1.0.0 -\n1.1.0 2024-01-02 +deps from=1.0.5 feat:aaaaaaa fix!:bbbbbbb chore:ccccccc/as\n",
    );
    expect(facts.name).toBe("demo");
    expect(facts.source).toBe("owner/demo");
    expect(facts.options).toEqual({ bumpMinorPreMajor: true, bumpPatchForMinorPreMajor: false });
    const [pkg] = facts.packages;
    expect(pkg).toMatchObject({
      path: "packages/a",
      tagPrefix: "a-v",
      excludePaths: ["packages/a/test/**", "docs/**"],
    });
    expect(pkg!.releases[0]).toMatchObject({
      version: "1.0.0",
      date: null,
      commits: [],
      deps: false,
      from: null,
    });
    expect(pkg!.releases[1]).toMatchObject({
      version: "1.1.0",
      date: "2024-01-02",
      deps: true,
      from: "1.0.5",
    });
    expect(pkg!.releases[1]!.commits).toEqual([
      { type: "feat", breaking: false, sha: "aaaaaaa", releaseAs: false },
      { type: "fix", breaking: true, sha: "bbbbbbb", releaseAs: false },
      { type: "chore", breaking: false, sha: "ccccccc", releaseAs: true },
    ]);
  });

  it.each([
    ["1.0.0 2024-01-01", "a release before any `package` line"],
    ["package a a-v\n1.0.0 yesterday", '"yesterday" is not a date or -'],
    ["package a a-v\n1.0.0 - feat:abc", 'cannot read "feat:abc"'],
    ["package a a-v\n1.0.0 - Feat:aaaaaaa", 'cannot read "Feat:aaaaaaa"'],
    ["option bump-minor-pre-major yes", "expected `option"],
    ["package a", "expected `package <path> <tag prefix>"],
    ["released 1.0.0", 'cannot read "released 1.0.0"'],
  ])("refuses %j, naming the line", (body, message) => {
    expect(() => parseFacts(`${HEAD}${body}\n`, "x.txt")).toThrow(message);
    expect(() => parseFacts(`${HEAD}${body}\n`, "x.txt")).toThrow(/^x\.txt:\d+: /);
  });

  it("refuses facts without a project", () => {
    expect(() => parseFacts("package a a-v\n", "x.txt")).toThrow("x.txt: no `project` line");
  });
});

describe("planning the release points", () => {
  it("orders points by date, undated first, and keeps a package's same-day releases in file order", () => {
    const points = plan(
      "package a a-v\n1.0.0 -\n1.0.1 2024-03-01 fix:aaaaaaa\n1.0.2 2024-03-01 fix:bbbbbbb\n" +
        "package b b-v\n2.0.0 2024-02-01\n2.1.0 2024-03-01 feat:ccccccc\n",
    ).points;
    expect(
      points.map((point) => [point.date, point.releases.map((r) => `${r.fact.path}@${r.fact.version}`)]),
    ).toEqual([
      [null, ["a@1.0.0"]],
      ["2024-02-01", ["b@2.0.0"]],
      ["2024-03-01", ["a@1.0.1", "b@2.1.0"]],
      ["2024-03-01", ["a@1.0.2"]],
    ]);
  });

  it("places each listed commit once, before the first release that lists it, in every package that lists it", () => {
    const points = plan(
      "package a a-v\n1.0.0 2024-01-01\n1.0.1 2024-01-05 fix:aaaaaaa fix:bbbbbbb\n" +
        "package b b-v\n1.0.0 2024-01-01\n1.0.1 2024-01-09 fix:aaaaaaa\n",
    ).points;
    expect(points.map((point) => point.commits.map((c) => `${c.sha}:${c.paths.join("+")}`))).toEqual([
      [],
      ["aaaaaaa:a+b", "bbbbbbb:a"],
      [],
    ]);
  });

  it("tags a release unless its version is not above the package's last tag", () => {
    const tags = releases(
      "package v v\n0.1.0 2024-01-01\n0.2.0 2024-01-02 feat:aaaaaaa\n0.1.0 2024-01-03\n",
    ).map((release) => release.tag);
    expect(tags).toEqual(["v0.1.0", "v0.2.0", null]);
  });

  it("takes any type (the translated rules release every type), and refuses what is not a type", () => {
    expect(() => plan("package a a-v\n1.0.0 - wip:aaaaaaa\n")).not.toThrow();
    expect(() => plan("package a a-v\n1.0.0 - Wip.x:aaaaaaa\n")).toThrow("cannot read");
  });
});

describe("judging which releases the listed commits explain", () => {
  it("compares releases the commits explain, and names the reason for every other", () => {
    expect(
      verdicts(
        "package a a-v\n1.0.0 2024-01-01\n1.0.1 2024-01-02 docs:aaaaaaa\n1.1.0 2024-01-03 fix:bbbbbbb feat:ccccccc\n" +
          "2.0.0 2024-01-04 chore!:ddddddd\n2.0.0 2024-01-05 fix:eeeeeee\n2.0.1 2024-01-06 +deps\n2.0.2 2024-01-07\n" +
          "2.0.3 2024-01-08 chore!:ddddddd\n2.0.5 2024-01-09 fix:fffffff\n2.0.9 2024-01-10 from=2.0.8 fix:1111111\n" +
          "3.0.0 2024-01-11 chore:2222222/as\n",
      ),
    ).toEqual([
      "a 1.0.0: baseline",
      "a 1.0.1: compare by commits",
      "a 1.1.0: compare by commits",
      "a 2.0.0: compare by commits",
      "a 2.0.0: notAbove",
      "a 2.0.1: depsOnly",
      "a 2.0.2: noCommits",
      "a 2.0.3: relisted",
      "a 2.0.5: jump",
      "a 2.0.9: missing",
      "a 3.0.0: compare by release-as",
    ]);
  });

  it("skips a range the linear replay cannot keep: a shared commit placed before a release that does not list it", () => {
    expect(
      verdicts(
        "package a a-v\n1.0.0 2024-01-01\n1.0.1 2024-01-05 fix:aaaaaaa\n" +
          "package b b-v\n1.0.0 2024-01-01\n1.1.0 2024-01-05 feat:bbbbbbb\n1.1.1 2024-01-09 fix:aaaaaaa\n",
      ),
    ).toEqual([
      "a 1.0.0: baseline",
      "b 1.0.0: baseline",
      "a 1.0.1: compare by commits",
      "b 1.1.0: order",
      "b 1.1.1: order",
    ]);
  });

  it("skips a commit two packages list with different kinds", () => {
    expect(
      verdicts(
        "package a a-v\n1.0.0 -\n1.1.0 2024-01-05 feat:aaaaaaa\npackage b b-v\n1.0.0 -\n1.0.1 2024-01-05 fix:aaaaaaa\n",
      ),
    ).toEqual(["a 1.0.0: baseline", "b 1.0.0: baseline", "a 1.1.0: kindConflict", "b 1.0.1: kindConflict"]);
  });

  it("skips what only bump-patch-for-minor-pre-major explains, and compares what it does not change", () => {
    const body = "package a a-v\n0.1.0 -\n0.1.1 2024-01-02 feat:aaaaaaa\n0.2.0 2024-01-03 feat!:bbbbbbb\n";
    const options = "option bump-minor-pre-major true\noption bump-patch-for-minor-pre-major true\n";
    expect(verdicts(body, options)).toEqual([
      "a 0.1.0: baseline",
      "a 0.1.1: patchForMinor",
      "a 0.2.0: compare by commits",
    ]);
  });

  it("counts the verdicts", () => {
    const counts = countVerdicts(
      plan("package a a-v\n1.0.0 -\n1.0.1 2024-01-02 fix:aaaaaaa\n1.0.2 2024-01-03 +deps\n"),
    );
    expect(counts).toEqual({
      releases: 3,
      compared: 1,
      byReleaseAs: 0,
      skipped: { baseline: 1, depsOnly: 1 },
    });
  });
});

describe("release-please's versioning rule", () => {
  const none = { bumpMinorPreMajor: false, bumpPatchForMinorPreMajor: false };
  const both = { bumpMinorPreMajor: true, bumpPatchForMinorPreMajor: true };
  it.each([
    ["1.2.3", [{ type: "docs", breaking: false }], none, "1.2.4"],
    [
      "1.2.3",
      [
        { type: "fix", breaking: false },
        { type: "feat", breaking: false },
      ],
      none,
      "1.3.0",
    ],
    ["1.2.3", [{ type: "chore", breaking: true }], both, "2.0.0"],
    ["0.2.3", [{ type: "chore", breaking: true }], none, "1.0.0"],
    ["0.2.3", [{ type: "chore", breaking: true }], both, "0.3.0"],
    ["0.2.3", [{ type: "feat", breaking: false }], none, "0.3.0"],
    ["0.2.3", [{ type: "feat", breaking: false }], both, "0.2.4"],
  ])("%s with %j (%j) gives %s", (previous, commits, options, expected) => {
    expect(releasePleaseVersion(previous, commits, options)).toBe(expected);
  });
});

describe("the synthetic commits and the translated settings", () => {
  it("writes a commit's kind, SHA and Release-As into its message", () => {
    const base = { sha: "abcdef0", type: "feat", breaking: true, releaseAs: null, paths: ["a"] };
    expect(commitMessage(base)).toBe("feat!: change abcdef0\n");
    expect(commitMessage({ ...base, breaking: false, type: "chore", releaseAs: "0.3.0" })).toBe(
      "chore: change abcdef0\n\nRelease-As: 0.3.0\n",
    );
  });

  it("translates tag prefixes, exclude-paths, the pre-major option and every type to at least a patch", () => {
    const facts = parseFacts(
      `${HEAD}option bump-minor-pre-major true\npackage auth auth/v\npackage packages/x x-v exclude=packages/x/test/**\n`,
    );
    expect(shipguardSettings(facts)).toBe(
      [
        "# release-please's settings of owner/demo, translated for the replay.",
        "fetch-history: false",
        "major-zero-breaking: minor",
        'release-rules: "*=patch"',
        "packages:",
        '  "auth":',
        '    tag-prefix: "auth/v"',
        '  "packages/x":',
        '    tag-prefix: "x-v"',
        "    exclude-paths:",
        '      - "packages/x/test/**"',
        "",
      ].join("\n"),
    );
    expect(
      shipguardSettings({ ...facts, options: { ...facts.options, bumpMinorPreMajor: false } }),
    ).toContain("major-zero-breaking: major");
  });
});

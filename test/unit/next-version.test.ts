import fc from "fast-check";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { type DecideSettings, decideVersion, parseBranchMap } from "../../src/core/next-version.ts";
import { selectBaseline } from "../../src/core/tags.ts";
import type { Baseline, Bump, HistoryAnalysis } from "../../src/core/types.ts";
import { isShipguardError } from "../../src/errors.ts";

const SHA = "abcdef0123456789abcdef0123456789abcdef01";

function analysis(bump: Bump, extra: Partial<HistoryAnalysis> = {}): HistoryAnalysis {
  const reason =
    bump === "major" ? "feat!: drop node 18 is a breaking change" : `feat: x calls for a ${bump} release`;
  return {
    commitsRead: 3,
    commitCount: 3,
    mergeCount: 0,
    countsByType: {},
    bump,
    decidingCommit: bump === "none" ? null : { sha: SHA, subject: "feat: x", reason },
    breaking: bump === "major",
    releaseAs: null,
    cancelledCount: 0,
    notes: [],
    notesDropped: 0,
    warnings: [],
    ...extra,
  };
}

/** Tags as `name` (reachable) or `!name` (not reachable from HEAD). */
function baseline(tags: string[], prefix = "v"): Baseline {
  const list = tags.map((t) => ({ name: t.replace(/^!/, ""), sha: `sha-${t}` }));
  const reachable = new Set(tags.filter((t) => !t.startsWith("!")));
  return selectBaseline(list, reachable, prefix, () => {});
}

const STABLE: DecideSettings = {
  initialVersion: "1.0.0",
  majorZeroBreaking: "minor",
  prerelease: null,
  buildMetadata: null,
};

function decide(
  bump: Bump,
  tags: string[],
  settings: Partial<DecideSettings> = {},
  extra: Partial<HistoryAnalysis> = {},
) {
  return decideVersion({
    analysis: analysis(bump, extra),
    baseline: baseline(tags),
    settings: { ...STABLE, ...settings },
    tagPrefix: "v",
  });
}

describe("decideVersion: one bump from the last stable tag", () => {
  it.each<[Bump, string]>([
    ["patch", "1.2.4"],
    ["minor", "1.3.0"],
    ["major", "2.0.0"],
  ])("%s after 1.2.3 is %s", (bump, version) => {
    expect(decide(bump, ["v1.2.3", "v1.0.0"])).toMatchObject({
      version,
      tag: `v${version}`,
      previousVersion: "1.2.3",
      previousTag: "v1.2.3",
      bump,
      releaseNeeded: true,
      prerelease: false,
      warnings: [],
    });
  });

  it("no change that calls for a release", () => {
    const d = decide("none", ["v1.2.3"]);
    expect(d).toMatchObject({
      version: null,
      tag: null,
      bump: "none",
      releaseNeeded: false,
      previousTag: "v1.2.3",
    });
    expect(d.reason).toBe(
      "No commit since v1.2.3 calls for a release under the rules in use (3 commits read).",
    );
  });

  it("the reason names the deciding commit", () => {
    const d = decide("major", ["v1.4.2"]);
    expect(d.reason).toBe(
      "feat!: drop node 18 is a breaking change (commit abcdef0), so the version after 1.4.2 is 2.0.0.",
    );
  });

  it("the prefix is put on the tag only", () => {
    const d = decideVersion({
      analysis: analysis("patch"),
      baseline: baseline(["release/v2.0.0", "v9.0.0"], "release/v"),
      settings: STABLE,
      tagPrefix: "release/v",
    });
    expect(d).toMatchObject({ version: "2.0.1", tag: "release/v2.0.1", previousTag: "release/v2.0.0" });
  });
});

describe("decideVersion: pre-1.0", () => {
  it.each<[Bump, "minor" | "major", string]>([
    ["major", "minor", "0.4.0"],
    ["major", "major", "1.0.0"],
    ["minor", "minor", "0.4.0"],
    ["minor", "major", "0.4.0"],
    ["patch", "minor", "0.3.2"],
  ])("%s with major-zero-breaking %s after 0.3.1 is %s", (bump, majorZeroBreaking, version) => {
    const d = decide(bump, ["v0.3.1"], { majorZeroBreaking });
    expect(d.version).toBe(version);
  });

  it("the reason says why a breaking change bumped the minor", () => {
    const d = decide("major", ["v0.3.1"]);
    expect(d.bump).toBe("minor");
    expect(d.reason).toContain("while the major version is 0 that bumps the minor");
  });

  it("from 1.0.0 on, breaking is major again", () => {
    expect(decide("major", ["v1.0.0", "v0.9.0"]).version).toBe("2.0.0");
  });
});

describe("decideVersion: the first release", () => {
  it.each<[Bump, string, string]>([
    ["patch", "1.0.0", "1.0.0"],
    ["minor", "1.0.0", "1.0.0"],
    ["major", "1.0.0", "1.0.0"],
    ["minor", "0.1.0", "0.1.0"],
    ["major", "0.1.0", "0.1.0"],
  ])("%s with initial-version %s is %s", (bump, initialVersion, version) => {
    const d = decide(bump, [], { initialVersion });
    expect(d).toMatchObject({ version, previousVersion: null, previousTag: null, releaseNeeded: true });
    expect(d.reason).toContain("first version is");
  });

  it("no release when nothing calls for one", () => {
    expect(decide("none", [])).toMatchObject({ version: null, releaseNeeded: false });
    expect(decide("none", []).reason).toContain("in the history");
  });

  it.each(["one", "v1.0.0", "1.0", "1.0.0+build", " ", "01.0.0"])(
    "initial-version %j is refused",
    (initialVersion) => {
      let error: unknown;
      try {
        decide("minor", [], { initialVersion });
      } catch (e) {
        error = e;
      }
      expect(isShipguardError(error) && error.input).toBe("initial-version");
    },
  );

  it("an initial version that already exists as an unreachable tag moves past it", () => {
    const d = decide("minor", ["!v1.0.0"]);
    expect(d.version).toBe("1.1.0");
    expect(d.warnings.join("\n")).toContain("v1.0.0");
  });
});

describe("decideVersion: Release-As", () => {
  const releaseAs = (value: string) => ({ releaseAs: { value, sha: SHA } });

  it("sets the version outright when above the previous one", () => {
    const d = decide("none", ["v1.4.0"], {}, releaseAs("3.0.0"));
    expect(d).toMatchObject({ version: "3.0.0", bump: "major", releaseNeeded: true, warnings: [] });
    expect(d.reason).toContain("Release-As: 3.0.0");
    expect(d.reason).toContain("abcdef0");
  });

  it("accepts a v", () => {
    expect(decide("patch", ["v1.4.0"], {}, releaseAs("v1.6.0")).version).toBe("1.6.0");
  });

  it.each(["1.0.0", "1.4.0"])(
    "Release-As %s at or below the previous is refused with a warning naming the commit",
    (value) => {
      const d = decide("patch", ["v1.4.0"], {}, releaseAs(value));
      expect(d.version).toBe("1.4.1");
      expect(d.warnings).toHaveLength(1);
      expect(d.warnings[0]).toContain(`Release-As: ${value}`);
      expect(d.warnings[0]).toContain("abcdef0");
    },
  );

  it("refused when an existing tag of the line is not below it", () => {
    const d = decide("patch", ["v1.4.0", "!v1.5.2"], {}, releaseAs("1.5.0"));
    expect(d.version).toBe("1.4.1");
    expect(d.warnings.join("\n")).toMatch(/Release-As: 1\.5\.0.*v1\.5\.2/);
  });

  it("allowed above the previous version when only another line has higher tags", () => {
    expect(decide("patch", ["v1.4.0", "!v1.6.0"], {}, releaseAs("1.5.0")).version).toBe("1.5.0");
  });

  it("a refused Release-As with nothing else to release gives no release", () => {
    expect(decide("none", ["v1.4.0"], {}, releaseAs("1.0.0"))).toMatchObject({
      version: null,
      releaseNeeded: false,
    });
  });

  it("a value above 2^53 is called too large, not 'not SemVer'", () => {
    const d = decide("none", ["v1.4.0"], {}, releaseAs("9007199254740993.0.0"));
    expect(d.version).toBeNull();
    expect(d.warnings[0]).toContain("is too large");
    expect(d.warnings[0]).not.toContain("not a SemVer version");
  });

  it("build metadata on Release-As is kept, and build-metadata wins with a word when both are set", () => {
    expect(decide("none", ["v1.4.0"], {}, releaseAs("3.0.0+build.7"))).toMatchObject({
      version: "3.0.0+build.7",
      tag: "v3.0.0+build.7",
      warnings: [],
    });
    const both = decide("none", ["v1.4.0"], { buildMetadata: "ci.1" }, releaseAs("3.0.0+build.7"));
    expect(both.version).toBe("3.0.0+ci.1");
    expect(both.warnings.join("\n")).toContain("+build.7");
  });

  it("a malformed value is refused", () => {
    const d = decide("none", ["v1.4.0"], {}, releaseAs("2.0"));
    expect(d.version).toBeNull();
    expect(d.warnings[0]).toContain("not a SemVer version");
  });

  it("sets the first version too", () => {
    expect(decide("none", [], {}, releaseAs("0.5.0"))).toMatchObject({ version: "0.5.0", bump: "minor" });
  });

  it("with a prerelease identifier it becomes the prerelease base", () => {
    expect(decide("patch", ["v1.4.0", "v2.0.0-rc.1"], { prerelease: "rc" }, releaseAs("2.0.0")).version).toBe(
      "2.0.0-rc.2",
    );
    expect(decide("patch", ["v1.4.0"], { prerelease: "rc" }, releaseAs("2.0.0-beta.3")).version).toBe(
      "2.0.0-beta.3",
    );
  });
});

describe("decideVersion: prereleases", () => {
  const rc = { prerelease: "rc" };

  it("the first prerelease of a base", () => {
    expect(decide("minor", ["v1.2.0"], rc)).toMatchObject({
      version: "1.3.0-rc.1",
      tag: "v1.3.0-rc.1",
      prerelease: true,
      previousVersion: "1.2.0",
    });
  });

  it("counts up while the base is unchanged", () => {
    const d = decide("minor", ["v1.2.0", "v1.3.0-rc.1"], rc);
    expect(d).toMatchObject({ version: "1.3.0-rc.2", previousTag: "v1.3.0-rc.1", warnings: [] });
    expect(decide("minor", ["v1.2.0", "v1.3.0-rc.1", "v1.3.0-rc.2"], rc).version).toBe("1.3.0-rc.3");
  });

  it("counts unreachable prerelease tags too", () => {
    expect(decide("minor", ["v1.2.0", "!v1.3.0-rc.4"], rc).version).toBe("1.3.0-rc.5");
  });

  it("a breaking change moves the base", () => {
    expect(decide("major", ["v1.2.0", "v1.3.0-rc.1", "v1.3.0-rc.2"], rc).version).toBe("2.0.0-rc.1");
  });

  it("a fix after a minor prerelease continues its line when the analysis covers only the commits since it", () => {
    const d = decide("patch", ["v1.2.0", "v1.3.0-rc.2"], rc);
    expect(d).toMatchObject({ version: "1.3.0-rc.3", warnings: [] });
  });

  it("other identifiers do not count", () => {
    expect(decide("minor", ["v1.2.0", "!v1.3.0-beta.7", "!v1.3.0-alpha.x", "!v1.3.0-rc"], rc).version).toBe(
      "1.3.0-rc.1",
    );
  });

  it("no stable tag: the initial version is the base", () => {
    expect(decide("minor", [], rc).version).toBe("1.0.0-rc.1");
    expect(decide("minor", ["v1.0.0-rc.1"], rc)).toMatchObject({
      version: "1.0.0-rc.2",
      previousTag: "v1.0.0-rc.1",
    });
  });

  it("a stable release after prereleases: the previous version is the last stable one", () => {
    expect(decide("minor", ["v1.2.0", "v1.3.0-rc.1", "v1.3.0-rc.2"])).toMatchObject({
      version: "1.3.0",
      previousVersion: "1.2.0",
      prerelease: false,
    });
  });

  it("switching to an identifier that sorts lower still goes above the previous prerelease", () => {
    const d = decide("minor", ["v1.2.0", "v1.3.0-rc.2"], { prerelease: "beta" });
    expect(semver.gt(d.version!, "1.3.0-rc.2")).toBe(true);
    expect(d.version).toMatch(/-beta\.1$/);
  });

  it.each(["r c", "1", "", "rc.1", "rc+1"])("prerelease %j is refused", (prerelease) => {
    expect(() => decide("minor", [], { prerelease })).toThrow(/Invalid prerelease/);
    expect(() => decide("minor", [], { prerelease })).toThrow(
      expect.objectContaining({ code: "SG_INPUT_INVALID", input: "prerelease" }),
    );
  });
});

describe("decideVersion: build metadata", () => {
  it("is appended to version and tag", () => {
    expect(decide("patch", ["v1.0.0"], { buildMetadata: "build.7" })).toMatchObject({
      version: "1.0.1+build.7",
      tag: "v1.0.1+build.7",
    });
    expect(decide("minor", ["v1.0.0"], { prerelease: "rc", buildMetadata: "sha.abc1234" }).version).toBe(
      "1.1.0-rc.1+sha.abc1234",
    );
  });

  it.each(["a..b", "a b", "+x", "ü"])("%j is refused", (buildMetadata) => {
    expect(() => decide("patch", ["v1.0.0"], { buildMetadata })).toThrow(/Invalid build-metadata/);
    expect(() => decide("patch", ["v1.0.0"], { buildMetadata })).toThrow(
      expect.objectContaining({ code: "SG_INPUT_INVALID", input: "build-metadata" }),
    );
  });

  it("a tag that differs only in build metadata is the same version", () => {
    const d = decide("patch", ["v1.0.0", "!v1.0.1+old"], { buildMetadata: "new" });
    expect(d.version).toBe("1.0.2+new");
  });
});

describe("decideVersion: never at or below an existing tag of the line", () => {
  it("a computed version that exists moves past it, keeping the kind of bump", () => {
    const d = decide("minor", ["v1.0.0", "!v1.1.0"]);
    expect(d.version).toBe("1.2.0");
    expect(d.warnings).toEqual([
      "1.1.0 would not be above the existing tag v1.1.0 (not reachable from HEAD), so the version moves past it to 1.2.0.",
    ]);
  });

  it("below the top of the line", () => {
    expect(decide("patch", ["v1.0.0", "!v1.0.1"]).version).toBe("1.0.2");
    expect(decide("minor", ["v1.0.0", "!v1.1.0", "!v1.1.3"]).version).toBe("1.2.0");
  });

  it("a maintenance line is free to release below a newer line's tags", () => {
    const d = decide("patch", ["v1.4.2", "!v1.5.0"]);
    expect(d).toMatchObject({ version: "1.4.3", warnings: [] });
  });

  it("tags of other major lines do not matter", () => {
    const d = decide("minor", ["v1.0.0", "!v2.0.0", "!v3.1.0"]);
    expect(d).toMatchObject({ version: "1.1.0", warnings: [] });
  });

  it("a major bump onto an existing major moves past it", () => {
    expect(decide("major", ["v1.0.0", "!v2.0.0", "!v3.0.0"]).version).toBe("4.0.0");
  });

  it("a reachable prerelease above the stable result is passed too", () => {
    expect(decide("patch", ["v1.2.0", "v1.3.0-rc.2"]).version).toBe("1.3.0");
  });

  it("a prerelease base below an unreachable stable tag moves past it", () => {
    const d = decide("minor", ["v1.2.0", "!v1.3.0"], { prerelease: "rc" });
    expect(d.version).toBe("1.4.0-rc.1");
    expect(d.warnings[0]).toContain("v1.3.0");
  });
});

describe("decideVersion: properties", () => {
  const version = fc
    .tuple(
      fc.nat({ max: 3 }),
      fc.nat({ max: 3 }),
      fc.nat({ max: 3 }),
      fc.option(fc.tuple(fc.constantFrom("alpha", "beta", "rc"), fc.integer({ min: 1, max: 3 })), {
        nil: null,
      }),
    )
    .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre === null ? "" : `-${pre[0]}.${pre[1]}`}`);
  const tags = fc.uniqueArray(fc.tuple(version, fc.boolean()), { maxLength: 12, selector: ([v]) => v });
  const bump = fc.constantFrom<Bump>("none", "patch", "minor", "major");
  const settings = fc.record({
    initialVersion: fc.constantFrom("1.0.0", "0.1.0", "0.0.1", "2.0.0"),
    majorZeroBreaking: fc.constantFrom<"minor" | "major">("minor", "major"),
    prerelease: fc.constantFrom(null, "rc", "beta", "alpha"),
    buildMetadata: fc.constantFrom(null, "b.1"),
  });
  const releaseAs = fc.option(version, { nil: null });

  interface Input {
    tags: [string, boolean][];
    bump: Bump;
    settings: DecideSettings;
    releaseAs: string | null;
  }
  const input: fc.Arbitrary<Input> = fc.record({ tags, bump, settings, releaseAs });
  const build = ({ tags, bump, settings, releaseAs }: Input) => ({
    analysis: analysis(bump, { releaseAs: releaseAs === null ? null : { value: releaseAs, sha: SHA } }),
    baseline: baseline(tags.map(([v, reachable]) => `${reachable ? "" : "!"}v${v}`)),
    settings,
    tagPrefix: "v",
  });

  it("is deterministic, whatever order git lists the tags in", () => {
    fc.assert(
      fc.property(input, (i) => {
        const first = decideVersion(build(i));
        expect(decideVersion(build(i))).toEqual(first);
        expect(decideVersion(build({ ...i, tags: [...i.tags].reverse() }))).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  it("a release is strictly above the previous version, every reachable tag, and every tag of its line", () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decideVersion(build(i));
        expect(d.releaseNeeded).toBe(d.version !== null);
        if (i.bump !== "none") expect(d.releaseNeeded).toBe(true);
        if (d.version === null) return;
        const plain = d.version.replace(/\+.*$/, "");
        expect(semver.valid(plain)).toBe(plain);
        expect(d.tag).toBe(`v${d.version}`);
        expect(d.prerelease).toBe(semver.prerelease(plain) !== null);
        if (d.previousVersion !== null) expect(semver.gt(plain, d.previousVersion)).toBe(true);
        for (const [existing, reachable] of i.tags) {
          expect(semver.eq(plain, existing)).toBe(false);
          const sameLine =
            semver.major(existing) === semver.major(plain) && semver.minor(existing) === semver.minor(plain);
          if (sameLine || reachable) expect(semver.gt(plain, existing)).toBe(true);
        }
        if (i.settings.prerelease !== null && d.prerelease && i.releaseAs === null) {
          expect(plain).toMatch(new RegExp(`-${i.settings.prerelease}\\.\\d+$`));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parseBranchMap", () => {
  it("reads branch=identifier entries", () => {
    expect(parseBranchMap("next=rc, beta=beta")).toEqual(
      new Map([
        ["next", "rc"],
        ["beta", "beta"],
      ]),
    );
    expect(parseBranchMap("")).toEqual(new Map());
    expect(parseBranchMap("# comment\nrelease/2.x = rc\r\n\n")).toEqual(new Map([["release/2.x", "rc"]]));
  });

  it.each([
    ["next", 1, "next"],
    ["=rc", 1, "=rc"],
    ["next=", 2, "a=b\nnext="],
    ["next=r c", 1, "next=r c"],
    ["next=1", 1, "next=1"],
    ["my branch=rc", 1, "my branch=rc"],
    ["next=beta", 1, "next=rc, next=beta"],
  ])("rejects %j naming the input and line %i", (entry, line, text) => {
    let error: unknown;
    try {
      parseBranchMap(text);
    } catch (e) {
      error = e;
    }
    expect(isShipguardError(error)).toBe(true);
    if (!isShipguardError(error)) return;
    expect(error.code).toBe("SG_INPUT_INVALID");
    expect(error.input).toBe("prerelease-branches");
    expect(error.value).toBe(entry);
    expect(error.message).toContain(`line ${line}`);
  });
});

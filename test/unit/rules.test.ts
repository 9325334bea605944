import { describe, expect, it } from "vitest";
import { bumpFor, defaultRules, maxBump, parseReleaseRules, ruleFor } from "../../src/core/rules.ts";
import type { Bump, ConventionalChange } from "../../src/core/types.ts";
import { isShipguardError, type ShipguardError } from "../../src/errors.ts";

function change(type: string, scope: string | null = null, breaking = false): ConventionalChange {
  return {
    type,
    scope,
    description: "d",
    bang: breaking,
    notes: [],
    breaking,
    breakingNotes: breaking ? ["d"] : [],
    references: [],
    fromSquashBody: false,
  };
}

function thrown(fn: () => unknown): ShipguardError {
  try {
    fn();
  } catch (error) {
    if (isShipguardError(error)) return error;
    throw error;
  }
  throw new Error("expected a ShipguardError");
}

describe("parseReleaseRules", () => {
  it("empty and blank input give no rules", () => {
    expect(parseReleaseRules("")).toEqual([]);
    expect(parseReleaseRules("  \n\n ,  ,")).toEqual([]);
  });

  it("entries by newline or comma, with or without a scope", () => {
    expect(parseReleaseRules("docs(readme)=patch\nrefactor=minor, chore=none")).toEqual([
      { type: "docs", scope: "readme", bump: "patch" },
      { type: "refactor", scope: null, bump: "minor" },
      { type: "chore", scope: null, bump: "none" },
    ]);
  });

  it("comments, CRLF, spaces and case", () => {
    const text = "# overrides\r\n  Docs( README ) = PATCH   # the readme is shipped\r\n\r\nbuild=major\r\n";
    expect(parseReleaseRules(text)).toEqual([
      { type: "docs", scope: "readme", bump: "patch" },
      { type: "build", scope: null, bump: "major" },
    ]);
  });

  it.each([
    ["fix patch", 2, "feat=minor\nfix patch"],
    ["feat=huge", 1, "feat=huge"],
    ["feat=", 1, "feat="],
    ["=minor", 3, "a=none\n\n=minor"],
    ["feat()=minor", 1, "feat()=minor"],
    ["feat!=major", 1, "feat!=major"],
    ["feat(api=minor", 2, "x=none\nfeat(api=minor"],
    ["feat=minor=patch", 1, "feat=minor=patch"],
    ["fix: patch", 1, "fix: patch"],
  ])("rejects %j naming line %i", (entry, line, text) => {
    const error = thrown(() => parseReleaseRules(text));
    expect(error.code).toBe("SG_INPUT_INVALID");
    expect(error.input).toBe("release-rules");
    expect(error.value).toBe(entry);
    expect(error.message).toContain(JSON.stringify(entry));
    expect(error.message).toContain(`line ${line}`);
    expect(error.describe()).toContain("Fix:");
  });
});

describe("defaultRules", () => {
  it("feat = minor, fix and perf = patch", () => {
    expect(defaultRules()).toEqual([
      { type: "feat", scope: null, bump: "minor" },
      { type: "fix", scope: null, bump: "patch" },
      { type: "perf", scope: null, bump: "patch" },
    ]);
  });

  it("returns a fresh copy each time", () => {
    const rules = defaultRules();
    rules[0]!.bump = "none";
    expect(defaultRules()[0]!.bump).toBe("minor");
  });
});

describe("bumpFor", () => {
  it.each<[string, string | null, boolean, Bump]>([
    ["feat", null, false, "minor"],
    ["feat", "api", false, "minor"],
    ["fix", null, false, "patch"],
    ["perf", null, false, "patch"],
    ["docs", null, false, "none"],
    ["chore", null, false, "none"],
    ["refactor", null, false, "none"],
    ["revert", null, false, "none"],
    ["style", null, false, "none"],
    ["anything", null, false, "none"],
    ["chore", null, true, "major"],
    ["docs", "x", true, "major"],
    ["feat", null, true, "major"],
  ])("defaults: %s(%s) breaking=%s -> %s", (type, scope, breaking, bump) => {
    expect(bumpFor(change(type, scope, breaking), [])).toBe(bump);
  });

  it("user rules beat the defaults", () => {
    const rules = parseReleaseRules("fix=none, refactor=minor");
    expect(bumpFor(change("fix"), rules)).toBe("none");
    expect(bumpFor(change("refactor"), rules)).toBe("minor");
    expect(bumpFor(change("feat"), rules)).toBe("minor");
  });

  it("a scope rule beats a type rule, whatever their order", () => {
    const rules = parseReleaseRules("docs(readme)=patch\ndocs=none");
    expect(bumpFor(change("docs", "readme"), rules)).toBe("patch");
    expect(bumpFor(change("docs", "api"), rules)).toBe("none");
    expect(bumpFor(change("docs"), rules)).toBe("none");
    const reversed = parseReleaseRules("docs=none\ndocs(readme)=patch");
    expect(bumpFor(change("docs", "readme"), reversed)).toBe("patch");
  });

  it("a scope rule alone leaves other scopes to the defaults", () => {
    const rules = parseReleaseRules("feat(internal)=patch");
    expect(bumpFor(change("feat", "internal"), rules)).toBe("patch");
    expect(bumpFor(change("feat", "api"), rules)).toBe("minor");
  });

  it("the last of two rules for the same key wins", () => {
    expect(bumpFor(change("chore"), parseReleaseRules("chore=patch, chore=minor"))).toBe("minor");
  });

  it("breaking is major even when a rule says none", () => {
    expect(bumpFor(change("feat", null, true), parseReleaseRules("feat=none"))).toBe("major");
  });

  it("`*` gives every type no other rule names its bump; named types, scopes and the defaults win", () => {
    const rules = parseReleaseRules("*=patch, chore=none, docs(readme)=minor");
    expect(bumpFor(change("chore"), rules)).toBe("none");
    expect(bumpFor(change("docs", "readme"), rules)).toBe("minor");
    expect(bumpFor(change("docs", "api"), rules)).toBe("patch");
    expect(bumpFor(change("build"), rules)).toBe("patch");
    expect(bumpFor(change("anything"), rules)).toBe("patch");
    expect(bumpFor(change("feat"), rules)).toBe("minor");
    expect(bumpFor(change("fix"), rules)).toBe("patch");
    expect(bumpFor(change("style"), [])).toBe("none");
    expect(bumpFor(change("style"), parseReleaseRules("*=patch\n*=none"))).toBe("none");
  });

  it("`*` takes no scope", () => {
    expect(() => parseReleaseRules("*(api)=patch")).toThrow(/takes no scope/);
  });

  it("ruleFor says whether any rule speaks of a type", () => {
    expect(ruleFor("revert", null, [])).toBeNull();
    expect(ruleFor("revert", null, parseReleaseRules("revert=none"))).toBe("none");
    expect(ruleFor("feat", "x", [])).toBe("minor");
  });
});

describe("maxBump", () => {
  const order: Bump[] = ["none", "patch", "minor", "major"];
  it.each(order.flatMap((a, i) => order.map((b, j) => [a, b, order[Math.max(i, j)]!] as const)))(
    "max(%s, %s) = %s",
    (a, b, expected) => {
      expect(maxBump(a, b)).toBe(expected);
    },
  );
});

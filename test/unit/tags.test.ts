import { describe, expect, it } from "vitest";
import { parseVersionTag, selectBaseline, validateRefComponent } from "../../src/core/tags.ts";
import { isShipguardError } from "../../src/errors.ts";

describe("validateRefComponent", () => {
  it.each([
    "v",
    "",
    "release/v",
    "pkg@",
    "@scope/pkg@",
    "v.",
    "release/",
    "a.lock.b/v",
    "my-app-v",
    "ünïcode-v",
  ])("accepts the prefix %j", (prefix) => {
    expect(() => validateRefComponent(prefix, "tag-prefix")).not.toThrow();
  });

  it.each([
    ["v..x", '".."'],
    ["my v", "a space"],
    ["v~", '"~"'],
    ["v^", '"^"'],
    ["v:", '":"'],
    ["v?", '"?"'],
    ["v*", '"*"'],
    ["v[", '"["'],
    ["v\\", '"\\"'],
    ["v\x01", "a control character"],
    ["v\x7f", "a control character"],
    ["v\t", "a control character"],
    ["v@{", '"@{"'],
    ["a//v", '"//"'],
    ["/v", 'starts with "/"'],
    [".v", 'starts with "."'],
    ["x/.v", 'starts with "."'],
    ["x.lock/v", '".lock"'],
    ["@", '"@" alone'],
    ["-v", 'starts with "-"'],
  ])("rejects the prefix %j (%s), naming the input and the value", (prefix, why) => {
    let error: unknown;
    try {
      validateRefComponent(prefix, "tag-prefix");
    } catch (e) {
      error = e;
    }
    expect(isShipguardError(error)).toBe(true);
    if (!isShipguardError(error)) return;
    expect(error.code).toBe("SG_INPUT_INVALID");
    expect(error.input).toBe("tag-prefix");
    expect(error.value).toBe(prefix);
    expect(error.message).toContain("tag-prefix");
    expect(error.message).toContain(JSON.stringify(prefix));
    expect(error.message).toContain(why);
  });

  it.each(["v1.2.3", "release/v1.2.3", "pkg@1.0.0", "v1.0.0+build.7", "x.lock1.0.0"])(
    "accepts the tag %j",
    (name) => {
      expect(() => validateRefComponent(name, "tag", "name")).not.toThrow();
    },
  );

  it.each(["", "v1/", "v1.", "v1.lock", "a/b.lock", "v 1"])("rejects the tag %j", (name) => {
    expect(() => validateRefComponent(name, "tag", "name")).toThrow(/Invalid tag/);
    expect(() => validateRefComponent(name, "tag", "name")).toThrow(
      expect.objectContaining({ code: "SG_INPUT_INVALID", input: "tag" }),
    );
  });

  it("the kind defaults to name for other inputs", () => {
    expect(() => validateRefComponent("release/", "tag")).toThrow(/ends with "\/"/);
    expect(() => validateRefComponent("release/", "tag")).toThrow(
      expect.objectContaining({ code: "SG_INPUT_INVALID", input: "tag" }),
    );
    expect(() => validateRefComponent("release/", "tag-prefix")).not.toThrow();
  });
});

describe("parseVersionTag", () => {
  it.each([
    ["v1.2.3", "v", "1.2.3", false],
    ["v0.0.0", "v", "0.0.0", false],
    ["v1.3.0-rc.1", "v", "1.3.0-rc.1", true],
    ["v1.0.0+build.7", "v", "1.0.0", false],
    ["1.2.3", "", "1.2.3", false],
    ["release/v2.0.0", "release/v", "2.0.0", false],
    ["pkg@0.4.0", "pkg@", "0.4.0", false],
    ["@scope/pkg@1.0.0-beta.2", "@scope/pkg@", "1.0.0-beta.2", true],
  ])("%s with prefix %j is %s", (name, prefix, version, prerelease) => {
    expect(parseVersionTag(name, prefix)).toEqual({ version, prerelease });
  });

  it.each([
    ["v1", "v"],
    ["latest", "v"],
    ["0.640", ""],
    ["0.640", "v"],
    ["foo-v2.0.0", "v"],
    ["v1.2", "v"],
    ["vNext", "v"],
    ["vv1.2.3", "v"],
    ["v=1.2.3", "v"],
    ["v01.2.3", "v"],
    ["v1.2.3.4", "v"],
    ["v 1.2.3", "v"],
    ["v1.2.3 ", "v"],
    ["v1.2.3", ""],
    ["v1.2.3", "release/v"],
    ["release/v2.0.0", "v"],
    ["pkg@1.0.0", "other@"],
  ])("%s with prefix %j is not a version", (name, prefix) => {
    expect(parseVersionTag(name, prefix)).toBeNull();
  });
});

describe("selectBaseline", () => {
  const tag = (name: string) => ({ name, sha: `sha-${name}` });

  it("sorts versions and picks the reachable ones", () => {
    const tags = ["v1.0.0", "v1.10.0", "v1.2.0", "v1.3.0-rc.1", "v1.3.0-rc.2", "latest", "v1"].map(tag);
    const debug: string[] = [];
    const b = selectBaseline(tags, new Set(["v1.0.0", "v1.2.0", "v1.3.0-rc.1"]), "v", (m) => debug.push(m));
    expect(b.versions.map((t) => t.name)).toEqual([
      "v1.10.0",
      "v1.3.0-rc.2",
      "v1.3.0-rc.1",
      "v1.2.0",
      "v1.0.0",
    ]);
    expect(b.lastStable?.name).toBe("v1.2.0");
    expect(b.lastAny?.name).toBe("v1.3.0-rc.1");
    expect(b.highestExisting?.name).toBe("v1.10.0");
    expect(b.lastStable).toMatchObject({
      sha: "sha-v1.2.0",
      version: "1.2.0",
      prerelease: false,
      reachable: true,
    });
    expect(debug.join("\n")).toContain("latest");
    expect(debug.join("\n")).toContain("Skipping tag v1:");
    expect(b.warnings).toHaveLength(1);
    expect(b.warnings[0]).toContain("v1.10.0");
    expect(b.warnings[0]).toContain("Tag v1.3.0-rc.2 (and 1 more up to v1.10.0) is not reachable from HEAD");
    expect(b.warnings[0]).toContain("the highest being v1.3.0-rc.1");
  });

  it("the warning says what is true: computed from the reachable tag, the lowest tag above named, maintenance-branches suggested", () => {
    const b = selectBaseline(["v1.2.4", "v1.3.0", "v2.0.0"].map(tag), new Set(["v1.2.4"]), "v", () => {});
    expect(b.warnings).toEqual([
      "Tag v1.3.0 (and 1 more up to v2.0.0) is not reachable from HEAD (it is on another branch, or history was rewritten). " +
        "The next version is computed from the tags HEAD reaches, the highest being v1.2.4; a version that already exists is not reused but passed, so a release here can land above v1.3.0 without its changes. " +
        "If this branch maintains an older line (a hotfix or release branch), list it in `maintenance-branches` (such as `hotfix/*, release/*`): there a release that would reach an existing version is refused instead.",
    ]);
    expect(b.warnings[0]).not.toContain("will stay above");
  });

  it("with no reachable tag, the warning does not suggest a maintenance line", () => {
    const b = selectBaseline([tag("v1.0.0"), tag("v2.0.0")], new Set(), "v", () => {});
    expect(b.warnings[0]).toContain(
      "Tag v1.0.0 (and 1 more up to v2.0.0) is not reachable from HEAD, and no version tag is",
    );
    expect(b.warnings[0]).toContain("fetch-depth: 0");
    expect(b.warnings[0]).not.toContain("maintenance-branches");
  });

  it("reachability may be given by commit sha", () => {
    const b = selectBaseline([tag("v1.0.0")], new Set(["sha-v1.0.0"]), "v", () => {});
    expect(b.lastStable?.name).toBe("v1.0.0");
    expect(b.warnings).toEqual([]);
  });

  it("no tags, or none of the prefix", () => {
    const b = selectBaseline([tag("release/v1.0.0")], new Set(["release/v1.0.0"]), "v", () => {});
    expect(b).toEqual({ versions: [], lastStable: null, lastAny: null, highestExisting: null, warnings: [] });
  });

  it("a higher unreachable tag warns even when nothing is reachable", () => {
    const b = selectBaseline([tag("v2.0.0")], new Set(), "v", () => {});
    expect(b.lastAny).toBeNull();
    expect(b.highestExisting?.name).toBe("v2.0.0");
    expect(b.warnings[0]).toContain("v2.0.0");
  });

  it("a lower unreachable tag does not warn", () => {
    const b = selectBaseline([tag("v1.0.0"), tag("v2.0.0")], new Set(["v2.0.0"]), "v", () => {});
    expect(b.warnings).toEqual([]);
  });

  it("the order of equal versions does not depend on git's listing order", () => {
    const a = selectBaseline([tag("v1.0.0+b"), tag("v1.0.0")], new Set(), "v", () => {});
    const b = selectBaseline([tag("v1.0.0"), tag("v1.0.0+b")], new Set(), "v", () => {});
    expect(a.versions.map((t) => t.name)).toEqual(b.versions.map((t) => t.name));
  });

  it("prefixes release/v and pkg@ select their own line", () => {
    const tags = ["release/v2.0.0", "pkg@0.4.0", "v9.0.0"].map(tag);
    const all = new Set(tags.map((t) => t.name));
    expect(selectBaseline(tags, all, "release/v", () => {}).lastStable?.name).toBe("release/v2.0.0");
    expect(selectBaseline(tags, all, "pkg@", () => {}).lastStable?.name).toBe("pkg@0.4.0");
    expect(selectBaseline(tags, all, "v", () => {}).lastStable?.name).toBe("v9.0.0");
  });
});

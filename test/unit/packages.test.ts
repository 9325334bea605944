/** Which packages claim a file, a commit and a Release-As (core/packages.ts), table first. */
import { describe, expect, it } from "vitest";
import {
  compileGlobs,
  normalizePath,
  PackageClaims,
  releaseAsTargets,
  withoutReleaseAs,
} from "../../src/core/packages.ts";

const PACKAGES = [
  { path: ".", extraPaths: [], excludePaths: ["**/*.tmp"] },
  { path: "packages/api", extraPaths: [], excludePaths: ["packages/api/test/**"] },
  { path: "packages/api-client", extraPaths: [], excludePaths: [] },
  { path: "packages/api/plugins/auth", extraPaths: [], excludePaths: [] },
  { path: "packages/web", extraPaths: ["libs/shared/**", "docs/web"], excludePaths: ["docs/web/draft.md"] },
  { path: "packages/cli", extraPaths: ["libs/shared/**"], excludePaths: [] },
];
const names = PACKAGES.map((p) => p.path);
const claims = new PackageClaims(PACKAGES);
const claimed = (files: string[]) => claims.claim(files).map((i) => names[i]);

describe("which packages claim a file", () => {
  const table: [string, string[], string][] = [
    ["packages/api/src/x.ts", ["packages/api"], "its own folder"],
    ["packages/api-client/x.ts", ["packages/api-client"], "folders, not string prefixes"],
    ["packages/api/plugins/auth/x.ts", ["packages/api/plugins/auth"], "the deepest folder only"],
    ["packages/api/plugins/authz/x.ts", ["packages/api"], "a sibling of a nested package"],
    ["packages/api", ["."], "a file named like a package folder is not in it"],
    ["packages/api/test/x.test.ts", [], "excluded: neither the package nor the root"],
    ["packages/api/test", ["packages/api"], "the exclude glob covers what is inside test/"],
    ["libs/shared/date.ts", [".", "packages/web", "packages/cli"], "extra-paths, and the root (no folder)"],
    ["docs/web/index.md", [".", "packages/web"], "a glob that names a folder covers what is in it"],
    ["docs/web/draft.md", ["."], "excluded from web, still the root's"],
    ["docs/webby/x.md", ["."], "folder globs are folders too"],
    ["README.md", ["."], "a root file"],
    ["notes.tmp", [], "the root's own exclude"],
    ["packages/cli/x.ts", ["packages/cli"], "extra-paths do not take the folder away"],
  ];
  for (const [file, expected, why] of table) {
    it(`${file}: ${expected.join(", ") || "none"} (${why})`, () => {
      expect(claimed([file])).toEqual(expected);
    });
  }

  it("a commit: every package that claims one of its files, once, ascending", () => {
    expect(claimed(["packages/web/a.ts", "packages/api/a.ts", "packages/api/b.ts", "README.md"])).toEqual([
      ".",
      "packages/api",
      "packages/web",
    ]);
  });

  it("a commit that changes no file belongs to every package", () => {
    expect(claimed([])).toEqual(names);
  });

  it("a commit whose files nobody claims belongs to no package", () => {
    const noRoot = new PackageClaims(PACKAGES.slice(1));
    expect(noRoot.claim(["README.md", "packages/api/test/x.ts"])).toEqual([]);
  });

  it("answers the same for a file seen again (remembered claims)", () => {
    const fresh = new PackageClaims(PACKAGES);
    const first = [...fresh.claim(["libs/shared/x.ts", "packages/api/x.ts"])];
    expect([...fresh.claim(["packages/api/x.ts", "libs/shared/x.ts"])]).toEqual(first);
  });
});

describe("globs of extra-paths and exclude-paths", () => {
  const table: [string[], string, boolean][] = [
    [["*.md"], "README.md", true],
    [["*.md"], "docs/a.md", false],
    [["**/*.md"], "docs/a.md", true],
    [["**/*.md"], "a.md", true],
    [["libs/**"], "libs/a/b/c.ts", true],
    [["libs/**"], "libsx/a.ts", false],
    [["libs"], "libs/a/b.ts", true],
    [["libs/"], "libs/a.ts", true],
    [["libs"], "libs", true],
    [["libs"], "libs-old/a.ts", false],
    [["packages/*/test"], "packages/api/test/a.ts", true],
    [["packages/*/test"], "packages/api/src/test.ts", false],
    [["a.ts", "b/**"], "b/c.ts", true],
    [["?.ts"], "ab.ts", false],
  ];
  for (const [globs, file, match] of table) {
    it(`${globs.join(", ")} ${match ? "matches" : "does not match"} ${file}`, () => {
      expect(compileGlobs(globs)!.test(file)).toBe(match);
    });
  }
  it("no globs: nothing to match", () => {
    expect(compileGlobs([])).toBeNull();
  });
});

describe("which packages a Release-As on a commit without files applies to", () => {
  const packages = [
    { path: ".", component: "mono" },
    { path: "packages/api", component: "api" },
    { path: "packages/web", component: "web" },
  ];
  const table: [string | null, number[]][] = [
    [null, [0, 1, 2]],
    ["", [0, 1, 2]],
    ["api", [1]],
    ["API", [1]],
    ["packages/web", [2]],
    ["./packages/web/", [2]],
    ["api, web", [1, 2]],
    ["mono", [0]],
    ["deps", []],
    ["api-client", []],
  ];
  for (const [scope, expected] of table) {
    it(`scope ${JSON.stringify(scope)}: ${expected.map((i) => packages[i]!.path).join(", ") || "none"}`, () => {
      expect(releaseAsTargets(scope, packages)).toEqual(expected);
    });
  }
});

describe("a message without its Release-As", () => {
  const table: [string, string][] = [
    ["chore: pin\n\nRelease-As: 2.0.0\n", "chore: pin\n\n"],
    ["chore: pin\r\n\r\nrelease-as: 2.0.0\r\nRefs: #1\r\n", "chore: pin\r\n\r\nRefs: #1\r\n"],
    ["chore: pin\n\nRelease-As: 2.0.0", "chore: pin\n"],
    ["Release-As: 2.0.0", "Release-As: 2.0.0"],
    ["chore: x\n\nNot a Release-As: 1.0.0 footer\n", "chore: x\n\nNot a Release-As: 1.0.0 footer\n"],
  ];
  for (const [message, expected] of table) {
    it(JSON.stringify(message), () => {
      expect(withoutReleaseAs(message)).toBe(expected);
    });
  }
});

describe("package paths", () => {
  const table: [string, string][] = [
    ["packages/api", "packages/api"],
    ["./packages/api/", "packages/api"],
    ["./", "."],
    [".", "."],
    ["", "."],
  ];
  for (const [given, expected] of table) {
    it(`${JSON.stringify(given)} -> ${expected}`, () => expect(normalizePath(given)).toBe(expected));
  }
});

/**
 * `packages` in the settings file (issue 19, item 2): paths normalized, keys known, each package's
 * values read by the top level's readers, and the top level's where a package sets none.
 */
import { describe, expect, it } from "vitest";
import { PACKAGE_KEYS } from "../../src/settings/file-keys.ts";
import { parseSettingsFile } from "../../src/settings/settings-file.ts";
import { layerSettings, type PackageSettings, readLocated, readVersionSettings } from "../../src/settings.ts";
import { thrown } from "../helpers/failure.ts";

const FILE = ".github/shipguard.yml";

/** The packages of a file's text under the given inputs, read as a run reads them. */
function packages(text: string, given: Record<string, string> = {}): PackageSettings[] | null {
  const source = layerSettings((name) => given[name], parseSettingsFile(text, FILE));
  return readLocated(readVersionSettings, source).packages;
}

function byPath(list: PackageSettings[] | null): Record<string, PackageSettings> {
  return Object.fromEntries((list ?? []).map((p) => [p.path, p]));
}

describe("packages: paths", () => {
  it("normalizes `./` and a trailing `/`, and reads `.` and `./` as the root package", () => {
    const list = packages("packages:\n  ./packages/api/:\n  packages//web/./:\n  ./:\n");
    expect(list?.map((p) => p.path)).toEqual(["packages/api", "packages/web", "."]);
    expect(list?.map((p) => p.component)).toEqual(["api", "web", null]);
  });

  it.each([
    ["an absolute path", "/srv/api", "is absolute"],
    ["a Windows path", "C:/api", "is absolute"],
    ["`..`", "packages/../../api", "leaves the repository (`..`)"],
    ["an empty path", '""', "is empty"],
    ["a glob", "packages/*", "is a glob"],
    ["a backslash", "packages\\api", "holds `\\`"],
  ])("refuses %s, naming the package and its line", (_name, key, problem) => {
    const error = thrown(() => packages(`tag-prefix: v\npackages:\n  web:\n  ${key}:\n`));
    expect(error.code).toBe("SG_SETTINGS_FILE_INVALID");
    expect(error.message).toContain(`${FILE} line 4: packages.`);
    expect(error.message).toContain(`: the path ${problem}`);
  });

  it("refuses two entries for one folder, naming both", () => {
    const error = thrown(() => packages("packages:\n  packages/api:\n  ./packages/api/:\n"));
    expect(error.message).toBe(
      `${FILE} line 3: packages."./packages/api/" is the same package as packages."packages/api" on line 2 (both are \`packages/api\`).`,
    );
  });

  it("refuses packages that are not a mapping, and a package that is neither a mapping nor empty", () => {
    expect(thrown(() => packages("packages: [packages/api]\n")).message).toContain(
      `${FILE} line 1: packages is a list; it maps each package's path to its settings`,
    );
    expect(thrown(() => packages("packages:\n  packages/api: api-v\n")).message).toContain(
      `${FILE} line 2: packages."packages/api" is the value "api-v"; it takes the package's settings`,
    );
  });

  it("reads no packages as null: none configured", () => {
    expect(packages("tag-prefix: v\n")).toBeNull();
    expect(packages("packages:\n")).toBeNull();
    expect(packages("packages: {}\n")).toBeNull();
  });
});

describe("packages: keys and values", () => {
  it("names an unknown package key with the package, the file, the line and the nearest key", () => {
    const error = thrown(() => packages("packages:\n  packages/api:\n    tag-prefx: api@\n"));
    expect(error.code).toBe("SG_SETTINGS_UNKNOWN");
    expect(error.message).toBe(
      `Unknown setting "tag-prefx" of packages."packages/api" in ${FILE} line 3: did you mean "tag-prefix"?`,
    );
  });

  it("says in its remedy every key a package takes", () => {
    const error = thrown(() => packages("packages:\n  packages/api:\n    changelog-files: x\n"));
    for (const key of PACKAGE_KEYS) expect(error.remedy).toContain(`\`${key}\``);
  });

  it("refuses a top-level option a package cannot set", () => {
    const error = thrown(() => packages("packages:\n  packages/api:\n    floating-tags: major\n"));
    expect(error.code).toBe("SG_SETTINGS_UNKNOWN");
    expect(error.message).toContain('Unknown setting "floating-tags" of packages."packages/api"');
  });

  it.each([
    ["initial-version", "one", "Expected a SemVer version"],
    ["squash-bullets", "sometimes", "Expected `never`, `fallback` or `always`."],
    ["major-zero-breaking", "patch", "Expected `minor` or `major`."],
    ["prerelease", "1", "Expected an identifier"],
    ["build-metadata", "a..b", "Expected dot-separated identifiers"],
    ["release-rules", "feat=huge", "is not a bump"],
    ["tag-prefix", "api..v", 'It contains ".."'],
    ["release-rules", "'*(api)=patch'", "`*` takes no scope"],
  ])("checks a package's %s as the input's, naming it with the file and the line", (key, value, expected) => {
    const error = thrown(() =>
      packages(`initial-version: 1.0.0\npackages:\n  packages/api:\n    ${key}: ${value}\n`),
    );
    expect(error.code).toBe("SG_INPUT_INVALID");
    expect(error.input).toBe(`packages."packages/api".${key}`);
    expect(error.message).toMatch(new RegExp(`^Invalid packages\\."packages/api"\\.${key}: `));
    expect(error.message).toContain(expected);
    expect(error.message).toMatch(/\(set in \.github\/shipguard\.yml line 4\)$/);
  });

  it("reads extra-paths and exclude-paths as lists or comma-separated globs, relative to the root", () => {
    const list = byPath(
      packages(
        "packages:\n  packages/api:\n    extra-paths: [shared/**, ./proto/*.proto]\n    exclude-paths: 'packages/api/test/**, packages/api/docs/**'\n  packages/web:\n",
      ),
    );
    expect(list["packages/api"]).toMatchObject({
      extraPaths: ["shared/**", "proto/*.proto"],
      excludePaths: ["packages/api/test/**", "packages/api/docs/**"],
    });
    expect(list["packages/web"]).toMatchObject({ extraPaths: [], excludePaths: [] });
  });

  it("refuses a glob that leaves the repository or is absolute", () => {
    expect(thrown(() => packages("packages:\n  api:\n    extra-paths: [../shared/**]\n")).message).toContain(
      `${FILE} line 3: packages."api".extra-paths: the glob "../shared/**" leaves the repository`,
    );
    expect(thrown(() => packages("packages:\n  api:\n    exclude-paths: /etc/**\n")).message).toContain(
      'packages."api".exclude-paths: the glob "/etc/**" is absolute',
    );
  });
});

describe("packages: what each inherits", () => {
  const text = [
    "tag-prefix: release/v",
    "initial-version: 0.1.0",
    "squash-bullets: fallback",
    "release-rules: [refactor=minor]",
    "build-metadata: ci.1",
    "packages:",
    "  .:",
    "  packages/api:",
    "    initial-version: 2.0.0",
    "    prerelease: beta",
    "  packages/web:",
    "    tag-prefix: web@",
    "    release-rules: [docs=patch]",
    "    major-zero-breaking: major",
    "",
  ].join("\n");

  it("gives each package the top level's value where it sets none, its own where it does", () => {
    const list = byPath(packages(text));
    expect(list["."]).toEqual({
      path: ".",
      component: null,
      tagPrefix: "release/v",
      extraPaths: [],
      excludePaths: [],
      releaseRules: [{ type: "refactor", scope: null, bump: "minor" }],
      squashBullets: "fallback",
      initialVersion: "0.1.0",
      majorZeroBreaking: "minor",
      prerelease: null,
      buildMetadata: "ci.1",
    });
    expect(list["packages/api"]).toMatchObject({
      component: "api",
      tagPrefix: "api-v",
      initialVersion: "2.0.0",
      prerelease: "beta",
      squashBullets: "fallback",
    });
    expect(list["packages/web"]).toMatchObject({
      tagPrefix: "web@",
      releaseRules: [{ type: "docs", scope: null, bump: "patch" }],
      majorZeroBreaking: "major",
      initialVersion: "0.1.0",
    });
  });

  it("inherits the effective top-level value: an input given over the file", () => {
    const list = byPath(packages(text, { "initial-version": "3.0.0", "tag-prefix": "v" }));
    expect(list["."]).toMatchObject({ tagPrefix: "v", initialVersion: "3.0.0" });
    expect(list["packages/web"]?.initialVersion).toBe("3.0.0");
    expect(list["packages/api"]?.initialVersion).toBe("2.0.0");
  });

  it("refuses two packages with one tag prefix, naming both", () => {
    const error = thrown(() => packages("tag-prefix: api-v\npackages:\n  .:\n  services/api:\n"));
    expect(error.code).toBe("SG_SETTINGS_FILE_INVALID");
    expect(error.message).toBe(
      `${FILE} line 4: packages."services/api" tags with the prefix \`api-v\`, as packages."." on line 3 does: their tags could not be told apart.`,
    );
    expect(thrown(() => packages("packages:\n  a/api:\n  b/api:\n")).message).toContain(
      'packages."b/api" tags with the prefix `api-v`, as packages."a/api" on line 2 does',
    );
  });

  it("refuses a folder whose name makes no tag prefix, at the package's line", () => {
    const error = thrown(() => packages("packages:\n  tools/.hidden:\n"));
    expect(error.input).toBe('packages."tools/.hidden".tag-prefix');
    expect(error.message).toContain("(set in .github/shipguard.yml line 2)");
  });
});

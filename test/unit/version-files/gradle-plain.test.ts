import { describe, expect, it } from "vitest";
import { KNOWN_VERSION_FILES, updaterFor } from "../../../src/core/version-files/index.ts";
import { thrown } from "../../helpers/failure.ts";
import { expectOnly, sample, versionFileFailure } from "./samples.ts";

const groovy = updaterFor("build.gradle");
const kts = updaterFor("app/build.gradle.kts");
const properties = updaterFor("gradle.properties");
const plain = updaterFor("VERSION");
const marked = updaterFor("deploy/deployment.yaml");

describe("build.gradle and build.gradle.kts", () => {
  it("Groovy: the top-level version, not a plugin's, a block's, a comment's or a string's", () => {
    expectOnly(
      groovy,
      sample("build.gradle"),
      [{ anchor: "\nversion = '0.0.1-SNAPSHOT'", old: "0.0.1-SNAPSHOT" }],
      "0.1.0",
    );
  });

  it("Kotlin: the top-level version, not a plugin's, a constraint's or a subprojects block's", () => {
    expectOnly(kts, sample("build.gradle.kts"), [{ anchor: 'version = "1.3.0"', old: "1.3.0" }], "1.4.0");
  });

  it("takes Groovy's `version '1.0.0'` and a statement after a semicolon", () => {
    expect(groovy("group = 'g'\nversion '1.0.0'\n", "1.1.0")).toBe("group = 'g'\nversion '1.1.0'\n");
    expect(groovy("group = 'g'; version = \"1.0.0\"\n", "1.1.0")).toBe("group = 'g'; version = \"1.1.0\"\n");
  });

  it("refuses a version only inside a block, two top-level ones, and a computed one", () => {
    const inBlock = versionFileFailure(
      () => groovy("allprojects {\n  version = '1.0.0'\n}\n", "1.1.0"),
      "build.gradle",
    );
    expect(inBlock.message).toContain("found none");
    const two = versionFileFailure(
      () => kts('version = "1.0.0"\n\nversion = "1.0.1"\n', "1.1.0"),
      "app/build.gradle.kts",
    );
    expect(two.message).toContain("found 2, on lines 1 and 3");
    const computed = [
      'version = "$major.0.0"\n',
      "version = project.property('v')\n",
      'version = "1.0.0" + suffix\n',
      'version = """1.0.0"""\n',
    ];
    for (const text of computed) {
      expect(versionFileFailure(() => kts(text, "1.1.0"), "app/build.gradle.kts").message, text).toContain(
        "not a plain version string",
      );
    }
  });
});

describe("gradle.properties", () => {
  it("the version property, not a comment or a continued line", () => {
    expectOnly(
      properties,
      sample("gradle.properties"),
      [{ anchor: "\nversion=1.3.0", old: "1.3.0" }],
      "1.4.0",
    );
  });

  it("reads every separator the properties format allows and keeps trailing blanks", () => {
    for (const line of [
      "version = 1.0.0",
      "version:1.0.0",
      "  version 1.0.0",
      "version\t=\t1.0.0  ",
      "version : 1.0.0",
    ]) {
      const text = `a=b\n${line}\nc=d\n`;
      expect(properties(text, "2.0.0"), line).toBe(text.replace("1.0.0", "2.0.0"));
    }
  });

  it("refuses none, two and an empty or escaped value", () => {
    expect(versionFileFailure(() => properties("a=b\n", "1.0.0"), "gradle.properties").message).toContain(
      "found none",
    );
    expect(
      versionFileFailure(() => properties("version=1\nversion=2\n", "1.0.0"), "gradle.properties").message,
    ).toContain("found 2, on lines 1 and 2");
    expect(
      versionFileFailure(() => properties("version=\n", "1.0.0"), "gradle.properties").message,
    ).toContain("line 1");
    expect(
      versionFileFailure(() => properties("version=1.0\\\n.0\n", "1.0.0"), "gradle.properties").message,
    ).toContain("not a plain");
  });
});

describe("VERSION and version.txt", () => {
  it("replace the whole content, keeping the newline, CRLF and BOM", () => {
    const edits = [{ anchor: "2.14.0", old: "2.14.0" }];
    expectOnly(plain, sample("VERSION"), edits, "2.15.0");
    expectOnly(updaterFor("version.txt"), sample("VERSION"), edits, "2.15.0");
  });

  it("keeps a v in front of the version", () => {
    expect(plain("v2.14.0\n", "2.15.0")).toBe("v2.15.0\n");
  });

  it("refuses an empty file and two lines", () => {
    expect(versionFileFailure(() => plain("\n", "1.0.0"), "VERSION").message).toContain("found none");
    expect(versionFileFailure(() => plain("1.0.0\n1.0.1\n", "1.1.0"), "VERSION").message).toContain(
      "found 2",
    );
  });
});

describe("any other file: lines marked x-shipguard-version", () => {
  it("changes the SemVer of each marked line only", () => {
    expectOnly(
      marked,
      sample("deployment.yaml"),
      [
        { anchor: '"1.2.3" # x-shipguard', old: "1.2.3" },
        { anchor: "web:1.2.3 # x-shipguard", old: "1.2.3" },
      ],
      "1.3.0",
    );
  });

  it("takes a prerelease and build, and leaves longer numbers alone", () => {
    const text = "const V = 'v1.0.0-rc.1+build.5'; // x-shipguard-version\nconst IP = '10.0.0.1'; // 1.0.0\n";
    expect(marked(text, "1.0.0")).toBe(text.replace("1.0.0-rc.1+build.5", "1.0.0"));
  });

  it("refuses a marked line without a version, with two, and a file without a marked line", () => {
    const bare = versionFileFailure(
      () => marked("a\nimage: latest # x-shipguard-version\n", "1.0.0"),
      "deploy/deployment.yaml",
    );
    expect(bare.message).toContain(
      "line 2 carries the marker x-shipguard-version but holds no SemVer version",
    );
    const ip = versionFileFailure(
      () => marked("ip: 10.0.0.1 # x-shipguard-version\n", "1.0.0"),
      "deploy/deployment.yaml",
    );
    expect(ip.message).toContain("line 1 carries the marker");
    const two = versionFileFailure(
      () => marked("from 1.0.0 to 1.1.0 # x-shipguard-version\n", "1.2.0"),
      "deploy/deployment.yaml",
    );
    expect(two.message).toContain("found 2, on line 1");
    expect(
      versionFileFailure(() => marked("version: 1.0.0\n", "1.2.0"), "deploy/deployment.yaml").message,
    ).toContain("found none");
  });
});

describe("updaterFor", () => {
  it("picks by the last path segment and falls back to the marker", () => {
    expect(KNOWN_VERSION_FILES).toContain("Cargo.lock");
    expect(updaterFor("a/b/VERSION")("0.1.0\n", "0.2.0")).toBe("0.2.0\n");
    // A name the table does not know (also `constructor`, which every object has) is a marked file.
    expect(updaterFor("constructor")("x = 0.1.0 # x-shipguard-version\n", "0.2.0")).toBe(
      "x = 0.2.0 # x-shipguard-version\n",
    );
    expect(updaterFor("Chart.yml")("version: 0.1.0 # x-shipguard-version\n", "0.2.0")).toBe(
      "version: 0.2.0 # x-shipguard-version\n",
    );
  });

  it("refuses a new version that is not SemVer, since it goes into files unquoted", () => {
    expect(thrown(() => updaterFor("VERSION")("1.0.0\n", "1.1.0\nrm -rf")).code).toBe("SG_INTERNAL");
    expect(thrown(() => updaterFor("package.json")('{"version":"1.0.0"}', '1.1.0"')).code).toBe(
      "SG_INTERNAL",
    );
  });

  it("lets the options name the file for messages", () => {
    const error = versionFileFailure(
      () => updaterFor("VERSION")("", "1.0.0", { file: "packages/x/VERSION" }),
      "packages/x/VERSION",
    );
    expect(error.message).toContain("Cannot set the version in packages/x/VERSION");
  });
});

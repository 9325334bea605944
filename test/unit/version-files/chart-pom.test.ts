import { describe, expect, it } from "vitest";
import { updaterFor } from "../../../src/core/version-files/index.ts";
import { expectOnly, sample, versionFileFailure } from "./samples.ts";

const chart = updaterFor("charts/redis/Chart.yaml");
const pom = updaterFor("pom.xml");

describe("Chart.yaml", () => {
  const bitnami = sample("Chart.bitnami.yaml");
  const quoted = sample("Chart.quoted.yaml");

  it("bitnami-like: the chart's version only, not a dependency's or an image tag", () => {
    expectOnly(chart, bitnami, [{ anchor: "\nversion: 20.2.1", old: "20.2.1" }], "20.3.0");
  });

  it("appVersion too when chartAppVersion is on", () => {
    expectOnly(
      chart,
      bitnami,
      [
        { anchor: "appVersion: 7.4.1", old: "7.4.1" },
        { anchor: "\nversion: 20.2.1", old: "20.2.1" },
      ],
      "21.0.0",
      { chartAppVersion: true },
    );
  });

  it("keeps double and single quotes", () => {
    expectOnly(
      chart,
      quoted,
      [
        { anchor: 'version: "6.7.1"', old: "6.7.1" },
        { anchor: "appVersion: '6.7.1'", old: "6.7.1" },
      ],
      "6.8.0",
      { chartAppVersion: true },
    );
  });

  it("leaves a comment after the value alone", () => {
    expect(chart("version: 1.0.0 # the chart\n", "1.1.0")).toBe("version: 1.1.0 # the chart\n");
  });

  it("a plain appVersion YAML reads as a number is replaced as written", () => {
    expect(chart("version: 0.1.0\nappVersion: 1.16\n", "0.2.0", { chartAppVersion: true })).toBe(
      "version: 0.2.0\nappVersion: 0.2.0\n",
    );
  });

  it("refuses a missing appVersion, a repeated version, a block scalar and a second document", () => {
    const noApp = versionFileFailure(
      () => chart("version: 1.0.0\n", "1.1.0", { chartAppVersion: true }),
      "charts/redis/Chart.yaml",
    );
    expect(noApp.message).toContain("expected one top-level appVersion");
    const twice = versionFileFailure(
      () => chart("version: 1.0.0\nname: x\nversion: 1.0.1\n", "1.1.0"),
      "charts/redis/Chart.yaml",
    );
    expect(twice.message).toContain("found 2, on lines 1 and 3");
    const block = versionFileFailure(
      () => chart("version: |\n  1.0.0\n", "1.1.0"),
      "charts/redis/Chart.yaml",
    );
    expect(block.message).toContain("not a plain version string");
    const alias = versionFileFailure(
      () => chart("v: &v 1.0.0\nversion: *v\n", "1.1.0"),
      "charts/redis/Chart.yaml",
    );
    expect(alias.message).toContain("found `*v` on line 2");
    const empty = versionFileFailure(() => chart("name: x\nversion:\n", "1.1.0"), "charts/redis/Chart.yaml");
    expect(empty.message).toContain("line 2");
    const docs = versionFileFailure(
      () => chart("version: 1.0.0\n---\nversion: 2.0.0\n", "1.1.0"),
      "charts/redis/Chart.yaml",
    );
    expect(docs.message).toContain("is not valid YAML");
  });
});

describe("pom.xml", () => {
  const petclinic = sample("pom.petclinic.xml");

  it("spring-petclinic-like: the project's own <version>, not the parent's, a dependency's or a plugin's", () => {
    expectOnly(
      pom,
      petclinic,
      [{ anchor: "<version>3.4.0-SNAPSHOT</version>", old: "3.4.0-SNAPSHOT" }],
      "3.5.0",
    );
  });

  it("keeps the whitespace around the value and finds it after non-ASCII text", () => {
    const text = "<project><description>Ünïcode 😀</description><version>\n  1.0.0\n</version></project>";
    expect(pom(text, "1.1.0")).toBe(text.replace("1.0.0", "1.1.0"));
  });

  it("a module without its own <version> inherits its parent's: the error says so", () => {
    const error = versionFileFailure(
      () => updaterFor("web/pom.xml")(sample("pom.module.xml"), "2.2.0"),
      "web/pom.xml",
    );
    expect(error.message).toContain("line 7 says it comes from the <parent>");
    expect(error.remedy).toBe(
      "List the parent's pom.xml in version-files, and remove web/pom.xml from version-files; or keep the version in web/pom.xml itself.",
    );
  });

  it("refuses a property reference, an empty version, two versions, none, and broken XML", () => {
    const revision = versionFileFailure(
      () => pom("<project>\n<version>${revision}</version>\n</project>", "1.0.0"),
      "pom.xml",
    );
    expect(revision.message).toContain("found `<version>${revision}</version>` on line 2");
    const comment = versionFileFailure(
      () => pom("<project><version><!-- c -->1.0</version></project>", "1.1.0"),
      "pom.xml",
    );
    expect(comment.message).toContain("found `<version><!-- c -->1.0</version>` on line 1");
    const empty = versionFileFailure(() => pom("<project><version/></project>", "1.0.0"), "pom.xml");
    expect(empty.message).toContain("an empty <version/>");
    const two = versionFileFailure(
      () => pom("<project>\n<version>1</version>\n<version>2</version>\n</project>", "1.0.0"),
      "pom.xml",
    );
    expect(two.message).toContain("found 2, on lines 2 and 3");
    expect(
      versionFileFailure(() => pom("<project><name>x</name></project>", "1.0.0"), "pom.xml").message,
    ).toContain("found none");
    const broken = versionFileFailure(() => pom("<project><version>1.0.0</project>", "1.0.0"), "pom.xml");
    expect(broken.message).toContain("is not valid XML");
  });
});

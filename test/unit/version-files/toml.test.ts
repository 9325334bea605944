import { describe, expect, it } from "vitest";
import { cargoPackageName, pyprojectName, updaterFor } from "../../../src/core/version-files/index.ts";
import { thrown } from "../../helpers/failure.ts";
import { expectOnly, sample, spliced, versionFileFailure } from "./samples.ts";

const pyproject = updaterFor("pyproject.toml");
const cargoToml = updaterFor("Cargo.toml");
const cargoLock = updaterFor("Cargo.lock");

describe("pyproject.toml", () => {
  it("poetry: [tool.poetry].version, not a dependency's inline version", () => {
    expectOnly(
      pyproject,
      sample("pyproject.poetry.toml"),
      [{ anchor: 'version = "3.2.4"', old: "3.2.4" }],
      "3.3.0",
    );
  });

  it("PEP 621 (hatch): [project].version wins over [tool.poetry].version", () => {
    expectOnly(
      pyproject,
      sample("pyproject.hatch.toml"),
      [{ anchor: 'version = "1.8.0"', old: "1.8.0" }],
      "1.9.0",
    );
  });

  it("a literal string keeps its single quotes; dotted keys and inline tables are found", () => {
    expect(pyproject("[project]\nname = 'x'\nversion = '0.1.0'\n", "0.2.0")).toBe(
      "[project]\nname = 'x'\nversion = '0.2.0'\n",
    );
    expect(pyproject('project.name = "x"\nproject.version = "0.1.0"\n', "0.2.0")).toBe(
      'project.name = "x"\nproject.version = "0.2.0"\n',
    );
    expect(pyproject('tool = { poetry = { version = "0.1.0" } }\n', "0.2.0")).toBe(
      'tool = { poetry = { version = "0.2.0" } }\n',
    );
  });

  it('dynamic = ["version"] says the version comes from elsewhere (setuptools-scm reads the tag)', () => {
    const error = versionFileFailure(
      () => pyproject(sample("pyproject.scm.toml"), "1.0.0"),
      "pyproject.toml",
    );
    expect(error.message).toContain("line 7 says it comes from the build backend");
    expect(error.message).toContain("setuptools-scm");
    expect(error.remedy).toContain("remove pyproject.toml from version-files");
  });

  it("poetry 2 with a dynamic [project] version keeps it in [tool.poetry]: that one changes", () => {
    const text = '[project]\nname = "x"\ndynamic = ["version"]\n\n[tool.poetry]\nversion = "2.0.0"\n';
    expect(pyproject(text, "2.1.0")).toBe(text.replace('"2.0.0"', '"2.1.0"'));
  });

  it("refuses no version, a number, a multi-line string and bad TOML", () => {
    expect(
      versionFileFailure(() => pyproject('[project]\nname = "x"\n', "1.0.0"), "pyproject.toml").message,
    ).toContain("found none");
    expect(
      versionFileFailure(() => pyproject("[project]\nversion = 1\n", "1.0.0"), "pyproject.toml").message,
    ).toContain("found `1` on line 2");
    const multi = '[project]\nversion = """\n1.0.0"""\n';
    expect(versionFileFailure(() => pyproject(multi, "1.1.0"), "pyproject.toml").message).toContain(
      "not a plain",
    );
    const bad = versionFileFailure(
      () => pyproject('[project]\nversion = "1.0.0"\nversion = "1.0.1"\n', "1.1.0"),
      "pyproject.toml",
    );
    expect(bad.message).toContain("is not valid TOML (line 3");
  });
});

describe("Cargo.toml", () => {
  it("ripgrep-like: [package].version, not the dependencies' (inline, dotted table or plain)", () => {
    expectOnly(
      cargoToml,
      sample("Cargo.ripgrep.toml"),
      [{ anchor: 'version = "14.1.1"  #:version', old: "14.1.1" }],
      "14.2.0",
    );
  });

  it("a virtual workspace: [workspace.package].version, not the same value in [workspace.dependencies]", () => {
    expectOnly(
      cargoToml,
      sample("Cargo.workspace.toml"),
      [{ anchor: '[workspace.package]\nversion = "0.7.2"', old: "0.7.2" }],
      "0.8.0",
    );
  });

  it("a root package inheriting the workspace's version: the workspace's changes", () => {
    const text =
      '[package]\nname = "root"\nversion = { workspace = true }\n\n[workspace.package]\nversion = "3.0.0"\n';
    expect(cargoToml(text, "3.1.0")).toBe(text.replace('"3.0.0"', '"3.1.0"'));
  });

  it("a member with version.workspace = true says where its version lives", () => {
    const error = versionFileFailure(
      () => updaterFor("crates/acme-core/Cargo.toml")(sample("Cargo.member.toml"), "1.0.0"),
      "crates/acme-core/Cargo.toml",
    );
    expect(error.message).toContain("line 3 says it comes from the workspace");
    expect(error.remedy).toContain("List the workspace root's Cargo.toml in version-files");
  });

  it("refuses two candidates and none", () => {
    const both = '[package]\nversion = "1.0.0"\n\n[workspace.package]\nversion = "2.0.0"\n';
    expect(versionFileFailure(() => cargoToml(both, "1.1.0"), "Cargo.toml").message).toContain(
      "found 2, on lines 2 and 5",
    );
    const none =
      '[workspace]\nmembers = ["a"]\n\n[workspace.dependencies]\na = { version = "1.0.0", path = "a" }\n';
    expect(versionFileFailure(() => cargoToml(none, "1.1.0"), "Cargo.toml").message).toContain("found none");
  });
});

describe("Cargo.lock", () => {
  const lock = sample("Cargo.lock");

  it("changes the named [[package]] entries, not the others or the lockfile's own version", () => {
    expectOnly(
      cargoLock,
      lock,
      [{ anchor: 'name = "ripgrep"\nversion = "14.1.1"', old: "14.1.1" }],
      "14.2.0",
      { entries: ["ripgrep"] },
    );
    const both = spliced(
      lock,
      [
        { anchor: 'name = "grep"\nversion = "0.3.2"', old: "0.3.2" },
        { anchor: 'name = "ripgrep"\nversion = "14.1.1"', old: "14.1.1" },
      ],
      "15.0.0",
    );
    expect(cargoLock(lock, "15.0.0", { entries: ["grep", "ripgrep"] })).toBe(both);
  });

  it("takes its entry's name from the Cargo.toml: cargoPackageName", () => {
    expect(cargoPackageName(`\uFEFF${sample("Cargo.ripgrep.toml")}`)).toBe("ripgrep");
    expect(cargoPackageName(sample("Cargo.member.toml"))).toBe("acme-core");
    expect(cargoPackageName(sample("Cargo.workspace.toml"))).toBeNull();
    const name = cargoPackageName(sample("Cargo.ripgrep.toml"))!;
    expect(cargoLock(lock, "14.2.0", { entries: [name] })).toBe(
      spliced(lock, [{ anchor: 'name = "ripgrep"\nversion = "14.1.1"', old: "14.1.1" }], "14.2.0"),
    );
  });

  it("refuses a name that is absent or there twice, and a call without a name", () => {
    expect(
      versionFileFailure(() => cargoLock(lock, "1.0.0", { entries: ["rg"] }), "Cargo.lock").message,
    ).toContain('one [[package]] entry named "rg"');
    const twice = `${lock}\n[[package]]\nname = "memchr"\nversion = "2.6.0"\n`;
    expect(
      versionFileFailure(() => cargoLock(twice, "1.0.0", { entries: ["memchr"] }), "Cargo.lock").message,
    ).toContain("found 2");
    expect(thrown(() => cargoLock(lock, "1.0.0")).code).toBe("SG_INTERNAL");
  });
});

describe("uv.lock", () => {
  const uvLock = updaterFor("uv.lock");
  const lock = sample("uv.lock");

  it("changes the project's own entry (source editable), not a registry package at the same version", () => {
    expectOnly(uvLock, lock, [{ anchor: 'name = "my-app"\nversion = "0.4.0"', old: "0.4.0" }], "0.5.0", {
      entries: ["my-app"],
    });
    // pyproject.toml's name as written: compared normalized, like uv writes it
    expect(uvLock(lock, "0.5.0", { entries: ["My_App"] })).toBe(
      uvLock(lock, "0.5.0", { entries: ["my-app"] }),
    );
    const virtual = '[[package]]\nname = "tools"\nversion = "1.0.0"\nsource = { virtual = "." }\n';
    expect(uvLock(virtual, "1.1.0", { entries: ["tools"] })).toBe(virtual.replace('"1.0.0"', '"1.1.0"'));
  });

  it("refuses a name that is only a registry package's: the project's entry is missing", () => {
    expect(
      versionFileFailure(() => uvLock(lock, "1.0.0", { entries: ["my-app-plugins"] }), "uv.lock").message,
    ).toContain('one [[package]] entry named "my-app-plugins" with source = { editable');
  });

  it("takes its entry's name from pyproject.toml's [project].name: pyprojectName", () => {
    expect(pyprojectName(`\uFEFF${sample("pyproject.hatch.toml")}`)).toBe(
      /\[project\]\nname = "([^"]+)"/.exec(sample("pyproject.hatch.toml"))![1],
    );
    expect(pyprojectName('[tool.poetry]\nname = "x"\nversion = "1.0.0"\n')).toBeNull();
  });
});

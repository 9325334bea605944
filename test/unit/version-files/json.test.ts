import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { updaterFor } from "../../../src/core/version-files/index.ts";
import { expectOnly, sample, spliced, versionFileFailure } from "./samples.ts";

const packageJson = updaterFor("package.json");
const lockfile = updaterFor("package-lock.json");

describe("package.json", () => {
  const express = sample("package.json");

  it("changes only the top-level version (not the `version` script) in every line ending and BOM", () => {
    expectOnly(packageJson, express, [{ anchor: '"version": "5.1.0"', old: "5.1.0" }], "5.2.0");
  });

  it("keeps tabs, a compact layout and no final newline", () => {
    const text = '{"name":"x","version":"0.1.0-beta.1","dependencies":{"y":"0.1.0-beta.1"}}';
    expect(packageJson(text, "0.1.0")).toBe(
      '{"name":"x","version":"0.1.0","dependencies":{"y":"0.1.0-beta.1"}}',
    );
    const tabs = '{\n\t"version" :\t"1.0.0" ,\n\t"private": true\n}\n';
    expect(packageJson(tabs, "1.0.1")).toBe('{\n\t"version" :\t"1.0.1" ,\n\t"private": true\n}\n');
  });

  it("refuses a missing, repeated, non-string or nested-only version, naming the file", () => {
    const missing = versionFileFailure(() => packageJson('{"name":"x"}', "1.0.0"), "package.json");
    expect(missing.message).toContain("found none");
    const nested = '{"name":"x","config":{"version":"1.0.0"}}';
    expect(versionFileFailure(() => packageJson(nested, "1.0.0"), "package.json").message).toContain(
      "found none",
    );
    const twice = '{\n"version":"1.0.0",\n"version":"1.0.1"\n}';
    expect(versionFileFailure(() => packageJson(twice, "1.1.0"), "package.json").message).toContain(
      "found 2, on lines 2 and 3",
    );
    const number = '{"version": 1}';
    expect(versionFileFailure(() => packageJson(number, "1.1.0"), "package.json").message).toContain(
      "found `1` on line 1, not a plain version string",
    );
    const escaped = '{"version": "1.0.\\u0030"}';
    expect(versionFileFailure(() => packageJson(escaped, "1.1.0"), "package.json").message).toContain(
      "not a plain",
    );
  });

  it("refuses a file that is not JSON, with the line", () => {
    const error = versionFileFailure(
      () => packageJson('{\n  "version": "1.0.0",\n}\n', "1.1.0"),
      "package.json",
    );
    expect(error.message).toContain("is not valid JSON (line 3");
  });

  it("names the path it was given", () => {
    const error = versionFileFailure(
      () => updaterFor("packages/core/package.json")("{}", "1.0.0"),
      "packages/core/package.json",
    );
    expect(error.remedy).toContain("remove packages/core/package.json from version-files");
  });

  it("property: any JSON object, any layout, keeps every byte but the version's", () => {
    const key = fc.string({ maxLength: 8 }).filter((k) => k !== "version");
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        fc.nat(6),
        fc.constantFrom(0, 1, 2, 4, "\t"),
        fc.boolean(),
        fc.boolean(),
        (others, position, indent, crlf, bom) => {
          const entries = Object.entries(others);
          entries.splice(Math.min(position, entries.length), 0, ["version", "0.0.0-old.7"]);
          let text = JSON.stringify(Object.fromEntries(entries), null, indent);
          if (crlf) text = text.replace(/\n/g, "\r\n");
          if (bom) text = `\uFEFF${text}`;
          const at =
            text.indexOf('"version":') + text.slice(text.indexOf('"version":')).indexOf("0.0.0-old.7");
          const result = packageJson(text, "1.2.3");
          expect(result).toBe(`${text.slice(0, at)}1.2.3${text.slice(at + "0.0.0-old.7".length)}`);
          const before = JSON.parse(text.replace(/^\uFEFF/, ""));
          expect(JSON.parse(result.replace(/^\uFEFF/, ""))).toEqual({ ...before, version: "1.2.3" });
        },
      ),
    );
  });
});

describe("package-lock.json and npm-shrinkwrap.json", () => {
  const lock = sample("package-lock.json");
  const root = [
    { anchor: '"name": "acme-monorepo",\n  "version": "1.4.0"', old: "1.4.0" },
    { anchor: '"name": "acme-monorepo",\n      "version": "1.4.0"', old: "1.4.0" },
  ];
  const core = { anchor: '"name": "@acme/core",\n      "version": "2.3.1"', old: "2.3.1" };

  it('changes the root\'s version and packages[""].version by default', () => {
    expectOnly(lockfile, lock, root, "1.5.0");
    expectOnly(updaterFor("npm-shrinkwrap.json"), lock, root, "1.5.0");
  });

  it("changes a workspace's entry only, never its node_modules link or a dependent's range", () => {
    expectOnly(lockfile, lock, [core], "2.4.0", { entries: ["packages/core"] });
    expect(lockfile(lock, "2.4.0", { entries: ["", "packages/core"] })).toBe(
      spliced(lock, [...root, core], "2.4.0"),
    );
  });

  it("handles a v1 lockfile (no packages) for the root", () => {
    const v1 =
      '{\n  "name": "old",\n  "version": "0.3.0",\n  "lockfileVersion": 1,\n  "dependencies": {\n    "a": { "version": "0.3.0" }\n  }\n}\n';
    expect(lockfile(v1, "0.4.0")).toBe(
      spliced(v1, [{ anchor: '"version": "0.3.0",\n  "lockfile', old: "0.3.0" }], "0.4.0"),
    );
  });

  it("refuses a workspace entry that is absent, and a root without a version", () => {
    const absent = versionFileFailure(
      () => lockfile(lock, "1.0.0", { entries: ["packages/web"] }),
      "package-lock.json",
    );
    expect(absent.message).toContain('packages["packages/web"]');
    const link = versionFileFailure(
      () => lockfile(lock, "1.0.0", { entries: ["node_modules/@acme/core"] }),
      "package-lock.json",
    );
    expect(link.message).toContain("found none");
    const noVersion =
      '{\n  "name": "private-root",\n  "lockfileVersion": 3,\n  "packages": { "": { "name": "private-root" } }\n}\n';
    expect(versionFileFailure(() => lockfile(noVersion, "1.0.0"), "package-lock.json").message).toContain(
      "top-level",
    );
  });
});

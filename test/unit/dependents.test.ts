import { describe, expect, it } from "vitest";
import {
  dependenciesSection,
  type Manifest,
  packageNames,
  planDependents,
  readManifest,
  rewriteRanges,
  updatedRange,
} from "../../src/core/dependents.ts";

function npm(path: string, name: string, deps: Record<string, Record<string, string>> = {}): Manifest {
  const text = `${JSON.stringify({ name, version: "1.0.0", ...deps }, null, 2)}\n`;
  return readManifest({ packagePath: path, file: `${path}/package.json`, kind: "npm", text });
}

describe("updatedRange", () => {
  it.each([
    ["^1.0.0", "1.1.0", "^1.1.0"],
    ["~1.0.0", "1.1.0", "~1.1.0"],
    ["1.0.0", "1.1.0", "1.1.0"],
    ["=1.0.0", "1.1.0", "=1.1.0"],
    ["^1.0", "2.0.0", "^2.0.0"],
    ["^1.0.0", "1.1.0+build.7", "^1.1.0"],
    ["^1.0.0-rc.1", "1.0.0-rc.2", "^1.0.0-rc.2"],
  ])("%s to %s gives %s", (range, version, expected) => {
    expect(updatedRange(range, version)).toBe(expected);
  });

  it.each([
    ["workspace:^"],
    ["workspace:*"],
    ["workspace:^1.0.0"],
    [">=1.0.0 <2"],
    ["*"],
    ["file:../core"],
    ["latest"],
  ])("keeps %s as it is", (range) => {
    expect(updatedRange(range, "1.1.0")).toBeNull();
  });
});

describe("planDependents", () => {
  const core = npm("packages/core", "@acme/core");
  const api = npm("packages/api", "@acme/api", { dependencies: { "@acme/core": "^1.0.0" } });
  const web = npm("packages/web", "@acme/web", { devDependencies: { "@acme/api": "~1.0.0" } });
  const docs = npm("packages/docs", "@acme/docs", { peerDependencies: { "@acme/core": "workspace:^" } });
  const lone = npm("packages/lone", "@acme/lone", { dependencies: { leftpad: "^1.0.0" } });
  const all = [core, api, web, docs, lone];
  const patch = (p: string) => `${p.split("/").pop()}-patch`;

  it("releases every dependent transitively, each once, and names each update", () => {
    const plan = planDependents(all, new Map([["packages/core", "1.1.0"]]), patch);
    expect(plan.added).toEqual(["packages/api", "packages/docs", "packages/web"]);
    expect(plan.updates.get("packages/api")).toEqual([
      {
        name: "@acme/core",
        packagePath: "packages/core",
        version: "1.1.0",
        ranges: [
          { file: "packages/api/package.json", section: "dependencies", from: "^1.0.0", to: "^1.1.0" },
        ],
      },
    ]);
    expect(plan.updates.get("packages/web")?.[0]?.ranges[0]).toMatchObject({
      from: "~1.0.0",
      to: "~api-patch",
    });
    // workspace: stays, but the dependent is still released
    expect(plan.updates.get("packages/docs")?.[0]?.ranges[0]?.to).toBeNull();
    expect(plan.updates.has("packages/lone")).toBe(false);
  });

  it("does not bump a package that is released anyway, and gives it its updates", () => {
    const plan = planDependents(
      all,
      new Map([
        ["packages/core", "1.1.0"],
        ["packages/api", "2.0.0"],
      ]),
      patch,
    );
    expect(plan.added).toEqual(["packages/docs", "packages/web"]);
    expect(plan.updates.get("packages/api")?.[0]?.version).toBe("1.1.0");
    expect(plan.updates.get("packages/web")?.[0]?.version).toBe("2.0.0");
  });

  it("bumps each package once even in a cycle", () => {
    const a = npm("a", "a", { dependencies: { b: "^1.0.0" } });
    const b = npm("b", "b", { dependencies: { a: "^1.0.0" } });
    let asked = 0;
    const plan = planDependents([a, b], new Map([["a", "1.1.0"]]), () => {
      asked++;
      return "1.0.1";
    });
    expect(plan.added).toEqual(["b"]);
    expect(asked).toBe(1);
    expect(plan.updates.get("a")?.[0]).toMatchObject({ name: "b", version: "1.0.1" });
  });

  it("releases nothing when nothing depends on the released package", () => {
    const plan = planDependents(all, new Map([["packages/lone", "1.0.1"]]), patch);
    expect(plan.added).toEqual([]);
    expect(plan.updates.size).toBe(0);
  });
});

describe("rewriteRanges", () => {
  it("changes only the range tokens of released packages, every other byte kept", () => {
    const text =
      '\uFEFF{\r\n  "name": "@acme/api",\r\n  "dependencies": { "@acme/core": "^1.0.0", "leftpad": "^1.0.0" },\r\n  "devDependencies": {"@acme/core":"~1.0.0"},\r\n  "peerDependencies": { "@acme/core": "workspace:^" }\r\n}\r\n';
    const api = readManifest({ packagePath: "api", file: "api/package.json", kind: "npm", text });
    const core = npm("core", "@acme/core");
    const out = rewriteRanges(api, new Map([["core", "1.2.0"]]), packageNames([api, core]));
    expect(out).toBe(
      text.replace('"^1.0.0", "leftpad"', '"^1.2.0", "leftpad"').replace('"~1.0.0"', '"~1.2.0"'),
    );
  });

  it("reads Cargo dependencies in every form, and renamed ones by their package", () => {
    const text = [
      "[package]",
      'name = "api"',
      'version = "0.3.0"',
      "",
      "[dependencies]",
      'core = { version = "0.2.0", path = "../core" }',
      'serde = "1"',
      "",
      "[dev-dependencies]",
      'core = "=0.2.0"',
      "",
      "[target.'cfg(unix)'.dependencies]",
      'kore = { package = "core", version = "~0.2.0", path = "../core" }',
      "",
      "[build-dependencies.core]",
      'version = "0.2"',
      'path = "../core"',
      "",
    ].join("\n");
    const api = readManifest({ packagePath: "api", file: "api/Cargo.toml", kind: "cargo", text });
    expect(api.name).toBe("api");
    expect(api.dependencies.map((d) => [d.name, d.section, d.range])).toEqual([
      ["core", "dependencies", "0.2.0"],
      ["serde", "dependencies", "1"],
      ["core", "dev-dependencies", "=0.2.0"],
      ["core", "target.'cfg(unix)'.dependencies", "~0.2.0"],
      ["core", "build-dependencies", "0.2"],
    ]);
    const core = readManifest({
      packagePath: "core",
      file: "core/Cargo.toml",
      kind: "cargo",
      text: '[package]\nname = "core"\nversion = "0.2.0"\n',
    });
    const out = rewriteRanges(api, new Map([["core", "0.3.0"]]), packageNames([api, core]));
    expect(out).toBe(
      text
        .replace('version = "0.2.0", path', 'version = "0.3.0", path')
        .replace('"=0.2.0"', '"=0.3.0"')
        .replace('"~0.2.0"', '"~0.3.0"')
        .replace('version = "0.2"\n', 'version = "0.3.0"\n'),
    );
  });
});

describe("Cargo dependencies without a version (path, workspace = true)", () => {
  const cargo = (path: string, text: string): Manifest =>
    readManifest({ packagePath: path, file: `${path}/Cargo.toml`, kind: "cargo", text });
  const core = cargo("crates/core", '[package]\nname = "core"\nversion.workspace = true\n');
  const texts = {
    "crates/a": '[package]\nname = "a"\n\n[dependencies]\ncore = { path = "../core" }\n',
    "crates/b": '[package]\nname = "b"\n\n[dependencies]\ncore = { workspace = true }\n',
    "crates/c": '[package]\nname = "c"\n\n[dev-dependencies]\ncore.workspace = true\n',
    "crates/d": '[package]\nname = "d"\n\n[build-dependencies.core]\nworkspace = true\nfeatures = ["x"]\n',
    "crates/e": '[package]\nname = "e"\n\n[dependencies]\nkore = { package = "core", path = "../core" }\n',
    "crates/f": '[package]\nname = "f"\n\n[dependencies]\nserde = { workspace = true }\n',
  };
  const dependents = Object.entries(texts).map(([path, text]) => cargo(path, text));

  it("are dependencies whose range stays as it is: the dependents are released, their text kept", () => {
    expect(dependents.map((m) => m.dependencies.map((d) => [d.name, d.section, d.range]))).toEqual([
      [["core", "dependencies", 'path = "../core"']],
      [["core", "dependencies", "workspace = true"]],
      [["core", "dev-dependencies", "workspace = true"]],
      [["core", "build-dependencies", "workspace = true"]],
      [["core", "dependencies", 'path = "../core"']],
      [["serde", "dependencies", "workspace = true"]],
    ]);
    const all = [core, ...dependents];
    const plan = planDependents(all, new Map([["crates/core", "2.0.0"]]), () => "1.0.1");
    expect(plan.added).toEqual(["crates/a", "crates/b", "crates/c", "crates/d", "crates/e"]);
    expect(plan.updates.get("crates/b")?.[0]).toMatchObject({ name: "core", version: "2.0.0" });
    expect(plan.updates.get("crates/b")?.[0]?.ranges.map((r) => r.to)).toEqual([null]);
    expect(dependenciesSection(plan.updates.get("crates/a")!)).toBe(
      "### Dependencies\n\n* **core** bumped to 2.0.0\n",
    );
    const names = packageNames(all);
    for (const m of dependents)
      expect(rewriteRanges(m, new Map([["crates/core", "2.0.0"]]), names)).toBe(m.text);
  });
});

describe("dependenciesSection", () => {
  it("names each update and its ranges", () => {
    expect(
      dependenciesSection([
        {
          name: "@acme/core",
          packagePath: "core",
          version: "1.1.0",
          ranges: [{ file: "api/package.json", section: "dependencies", from: "^1.0.0", to: "^1.1.0" }],
        },
        {
          name: "@acme/util",
          packagePath: "util",
          version: "2.0.0",
          ranges: [{ file: "x", section: "d", from: "workspace:*", to: null }],
        },
      ]),
    ).toBe(
      "### Dependencies\n\n* **@acme/core** bumped to 1.1.0 (`^1.0.0` → `^1.1.0`)\n* **@acme/util** bumped to 2.0.0\n",
    );
  });
});

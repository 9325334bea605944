import { describe, expect, it } from "vitest";
import { type LockRange, WORKSPACE_LOCKS } from "../../src/core/workspace-locks.ts";

const edit = (file: string) => WORKSPACE_LOCKS.find(([name]) => name === file)![1];
const range: LockRange = {
  key: "packages/api",
  section: "dependencies",
  name: "@acme/core",
  from: "^1.0.0",
  to: "^1.1.0",
};

describe("workspace lockfiles", () => {
  it("pnpm-lock.yaml: the importer's specifier, quoted or plain, and nothing else", () => {
    const text = [
      "lockfileVersion: '9.0'",
      "",
      "importers:",
      "",
      "  .: {}",
      "",
      "  packages/api:",
      "    dependencies:",
      "      '@acme/core':",
      "        specifier: ^1.0.0",
      "        version: link:../core",
      "      leftpad:",
      "        specifier: ^1.0.0",
      "        version: 1.3.0",
      "    devDependencies:",
      "      '@acme/core':",
      "        specifier: '^1.0.0'",
      "        version: link:../core",
      "",
      "  packages/web:",
      "    dependencies:",
      "      '@acme/core':",
      "        specifier: ^1.0.0",
      "        version: link:../core",
      "",
    ].join("\r\n");
    const out = edit("pnpm-lock.yaml")(text, [range, { ...range, section: "devDependencies" }]);
    expect(out).toBe(
      text
        .replace(
          "      '@acme/core':\r\n        specifier: ^1.0.0",
          "      '@acme/core':\r\n        specifier: ^1.1.0",
        )
        .replace("specifier: '^1.0.0'", "specifier: '^1.1.0'"),
    );
    // packages/web was not named: its range stays.
    expect(out).toContain(
      "  packages/web:\r\n    dependencies:\r\n      '@acme/core':\r\n        specifier: ^1.0.0",
    );
  });

  it("package-lock.json: the workspace's entry, only where it lists the old range", () => {
    const lock = `${JSON.stringify(
      {
        packages: {
          "packages/api": { version: "1.0.0", dependencies: { "@acme/core": "^1.0.0", leftpad: "^1.0.0" } },
          "node_modules/leftpad": { version: "1.3.0" },
        },
      },
      null,
      2,
    )}\n`;
    expect(edit("package-lock.json")(lock, [range])).toBe(
      lock.replace('"@acme/core": "^1.0.0"', '"@acme/core": "^1.1.0"'),
    );
    expect(edit("package-lock.json")(lock, [{ ...range, from: "~1.0.0" }])).toBe(lock);
  });
});

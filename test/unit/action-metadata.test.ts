/**
 * action.yml, the settings schema, the outputs list and the README must agree: action.yml is
 * generated from the schema, every output a presenter writes is declared, and the README
 * documents every input and output.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { OUTPUTS } from "../../src/outputs.ts";
import { OPTIONS } from "../../src/settings.ts";

const root = path.resolve(import.meta.dirname, "../..");
const action = YAML.parse(readFileSync(path.join(root, "action.yml"), "utf8"));
const readme = readFileSync(path.join(root, "README.md"), "utf8");

describe("action.yml", () => {
  it("runs the bundle on node24", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });

  it("is what scripts/gen-action.mjs writes from the schema", () => {
    const r = spawnSync(process.execPath, [path.join(root, "scripts/gen-action.mjs"), "--check"], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("declares exactly the schema's action inputs, with the same defaults", () => {
    const schema = OPTIONS.filter((o) => !o.cliOnly);
    expect(Object.keys(action.inputs).sort()).toEqual(schema.map((o) => o.name).sort());
    for (const o of schema) {
      const declared = action.inputs[o.name].default;
      expect(declared === undefined ? undefined : String(declared), o.name).toBe(
        o.actionDefault ?? o.default,
      );
    }
  });

  it("every output a command writes is declared", async () => {
    const declared = new Set(OUTPUTS.map((o) => o.name));
    const written = [
      "version previous-version tag previous-tag bump release-needed prerelease commit-count notes",
      "released release-id release-url tag-sha superseded",
      "deployment-id status smoke-verdict smoke-report previous-good-version rollback-url",
      "verdict report rolled-back-to rolled-back-from",
    ]
      .join(" ")
      .split(" ");
    for (const name of written) expect(declared.has(name), name).toBe(true);
    expect(declared.size).toBe(written.length);
  });

  it("every input and output is in the README", () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme, name).toContain(`| \`${name}\` |`);
    }
  });
});

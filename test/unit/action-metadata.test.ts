/**
 * action.yml, the settings schema and the README must agree: every input the schema reads is
 * declared with the same default, every output the presenters write is declared, and the README
 * documents each of them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { OPTIONS } from "../../src/settings.ts";

const root = path.resolve(import.meta.dirname, "../..");
const action = YAML.parse(readFileSync(path.join(root, "action.yml"), "utf8"));
const readme = readFileSync(path.join(root, "README.md"), "utf8");

describe("action.yml", () => {
  it("runs the bundle on node24", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
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

  it("every input and output is in the README", () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme, name).toContain(`| \`${name}\` |`);
    }
  });
});

/** The README's monorepo settings file is read as its comments say (README, "Monorepos"). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSettingsFile } from "../../src/settings/settings-file.ts";
import { layerSettings, readVersionSettings } from "../../src/settings.ts";

describe("the README's monorepo settings file", () => {
  const lines = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8").split("\n");
  const start = lines.indexOf("# .github/shipguard.yml of a monorepo");
  const text = lines.slice(start, lines.indexOf("```", start)).join("\n");

  it("gives the packages, tag prefixes and globs its comments name", () => {
    expect(lines[start - 1]).toBe("```yaml");
    const file = parseSettingsFile(text, ".github/shipguard.yml");
    const settings = readVersionSettings(layerSettings(() => undefined, file));
    expect(
      settings.packages?.map((p) => [p.path, p.tagPrefix, p.extraPaths, p.excludePaths, p.initialVersion]),
    ).toEqual([
      [
        "packages/api",
        "api-v",
        ["libs/shared/**", "proto/api.proto"],
        ["packages/api/test/**", "packages/api/**/*.md"],
        "1.0.0",
      ],
      ["packages/web", "web@", ["libs/shared/**"], [], "1.0.0"],
      ["go/client", "go/client/v", [], [], "0.1.0"],
      [".", "v", [], ["docs/**"], "1.0.0"],
    ]);
  });
});

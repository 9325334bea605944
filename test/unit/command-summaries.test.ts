import { describe, expect, it } from "vitest";
import { COMMAND_REGISTRY } from "../../src/registry/index.ts";
import { optionsFor } from "../../src/settings/options.ts";

const GLOBAL = ["json", "verbose", "help", "version"];

describe("the CLI's command list (shipguard --help)", () => {
  it.each(Object.entries(COMMAND_REGISTRY))(
    "%s: every --flag its summary names is one of its flags",
    (name, entry) => {
      const flags = new Set([
        ...GLOBAL,
        ...optionsFor(name as never).flatMap((o) => [o.name, o.alias ?? o.name]),
      ]);
      const named = [...entry.summary.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!);
      expect(named.filter((f) => !flags.has(f))).toEqual([]);
    },
  );

  it("release says it writes the version files and the changelog as one release commit, then tags it", () => {
    const summary = COMMAND_REGISTRY.release.summary;
    expect(summary).toContain("--version-files");
    expect(summary).toContain("--changelog-file");
    expect(summary).toContain("release commit `chore(release): <version>`");
  });
});

/**
 * `latest-package` (README, "Monorepos", Releasing): a configured package's path, written as under
 * `packages`, from an input or the settings file; anything else is refused with the paths.
 */
import { describe, expect, it } from "vitest";
import { parseSettingsFile } from "../../src/settings/settings-file.ts";
import { layerSettings, readLocated, readReleaseSettings } from "../../src/settings.ts";
import { thrown } from "../helpers/failure.ts";

const FILE = ".github/shipguard.yml";
const PACKAGES = "packages:\n  packages/api:\n  packages/web:\n  .:\n";

function latest(text: string, given: Record<string, string> = {}): string | null {
  const source = layerSettings((name) => given[name], parseSettingsFile(text, FILE));
  return readLocated(readReleaseSettings, source).latestPackage;
}

describe("latest-package", () => {
  it("is null (the root package) when not given, and a configured path, normalized, when given", () => {
    expect(latest(PACKAGES)).toBeNull();
    expect(latest(PACKAGES, { "latest-package": "./packages/web/" })).toBe("packages/web");
    expect(latest(PACKAGES, { "latest-package": "./" })).toBe(".");
    expect(latest(`${PACKAGES}latest-package: packages/api\n`)).toBe("packages/api");
    // An input wins over the file, as every input does.
    expect(latest(`${PACKAGES}latest-package: packages/api\n`, { "latest-package": "packages/web" })).toBe(
      "packages/web",
    );
  });

  it("refuses a path that is not a configured package, naming the configured ones", () => {
    const error = thrown(() => latest(PACKAGES, { "latest-package": "packages/api-client" }));
    expect(error.code).toBe("SG_INPUT_INVALID");
    expect(error.message).toBe(
      'Invalid latest-package: "packages/api-client". Expected the path of a configured package: `packages/api`, `packages/web`, `.`.',
    );
  });

  it("refuses a value when no packages are configured, saying so", () => {
    const error = thrown(() => latest("tag-prefix: v\n", { "latest-package": "packages/api" }));
    expect(error.code).toBe("SG_INPUT_INVALID");
    expect(error.message).toContain("no packages are configured");
    expect(error.remedy).toContain("Drop latest-package");
  });
});

/**
 * The packages of a monorepo, from `packages` in the settings file: each package's values read by
 * the same functions as the top level's, and the top level's where the package sets none.
 */
import type { ReleaseRule, SquashBullets } from "../core/types.ts";
import { shipguardError } from "../errors.ts";
import type { FilePackage } from "./file-layer.ts";
import type { RawSource } from "./values.ts";
import {
  buildMetadataOf,
  initialVersionOf,
  majorZeroBreakingOf,
  prereleaseOf,
  releaseRulesOf,
  squashBulletsOf,
  tagPrefixOf,
} from "./version-values.ts";

/**
 * One package of a monorepo, from `packages` in the settings file: every version option has the
 * top-level value unless the package sets its own.
 */
export interface PackageSettings {
  /** Relative to the repository root, `/`-separated, no leading `./` or trailing `/`; `.` is the root package. */
  path: string;
  /** Its name in titles and outputs: the path's last segment (`api`); null for `.` (the repository's name). */
  component: string | null;
  tagPrefix: string;
  /** Globs relative to the repository root, outside the folder, that belong to the package too. */
  extraPaths: string[];
  /** Globs relative to the repository root, inside the folder, that do not count. */
  excludePaths: string[];
  releaseRules: ReleaseRule[];
  squashBullets: SquashBullets;
  initialVersion: string;
  majorZeroBreaking: "minor" | "major";
  /** The package's own prerelease identifier; null: the top-level one (or prerelease-branches). */
  prerelease: string | null;
  buildMetadata: string | null;
}

/** The top-level values a package inherits. */
export type InheritedSettings = Pick<
  PackageSettings,
  "tagPrefix" | "releaseRules" | "squashBullets" | "initialVersion" | "majorZeroBreaking" | "buildMetadata"
>;

/** The configured packages, or null when the settings file has none. */
export function packagesOf(source: RawSource, top: InheritedSettings): PackageSettings[] | null {
  const file = source.file;
  if (file?.packages == null) return null;
  const packages = file.packages.map((p) => packageOf(p, top));
  packages.forEach((p, i) => {
    const first = packages.findIndex((other) => other.tagPrefix === p.tagPrefix);
    if (first === i) return;
    const [one, two] = [file.packages![first]!, file.packages![i]!];
    throw shipguardError("SG_SETTINGS_FILE_INVALID", {
      file: file.name,
      line: two.line,
      problem: `${two.name} tags with the prefix \`${p.tagPrefix}\`, as ${one.name} on line ${one.line} does: their tags could not be told apart.`,
      fix: "Give one of them its own `tag-prefix` (the default is the folder's name and `-v`, such as `api-v`; `.` uses the top-level tag-prefix).",
    });
  });
  return packages;
}

function packageOf(p: FilePackage, top: InheritedSettings): PackageSettings {
  /** The package's own value, read as the top level's is, or the top level's. */
  function own<T>(key: string, read: (value: string, input: string) => T, inherited: T): T {
    const value = p.values.get(key);
    return value === undefined ? inherited : read(value, `${p.name}.${key}`);
  }
  const component = p.path === "." ? null : (p.path.split("/").at(-1) ?? p.path);
  const tagPrefix = p.values.get("tag-prefix") ?? (component === null ? top.tagPrefix : `${component}-v`);
  return {
    path: p.path,
    component,
    tagPrefix: tagPrefixOf(tagPrefix, `${p.name}.tag-prefix`),
    extraPaths: p.extraPaths ?? [],
    excludePaths: p.excludePaths ?? [],
    releaseRules: own("release-rules", releaseRulesOf, top.releaseRules),
    squashBullets: own("squash-bullets", squashBulletsOf, top.squashBullets),
    initialVersion: own("initial-version", initialVersionOf, top.initialVersion),
    majorZeroBreaking: own("major-zero-breaking", majorZeroBreakingOf, top.majorZeroBreaking),
    prerelease: own("prerelease", prereleaseOf, null),
    buildMetadata: own("build-metadata", buildMetadataOf, top.buildMetadata),
  };
}

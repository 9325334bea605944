/** Packages of a monorepo as the settings file gives them, for tests that build settings in code. */
import { type PackageSettings, readVersionSettings } from "../../src/settings.ts";

const defaults = readVersionSettings(() => undefined);

/** A package with the defaults: `<last segment>-v` tags (`.`: the top-level prefix), no globs. */
export function pkg(path: string, own: Partial<PackageSettings> = {}): PackageSettings {
  const last = path.split("/").pop()!;
  return {
    path,
    component: path === "." ? null : last,
    tagPrefix: path === "." ? defaults.tagPrefix : `${last}-v`,
    extraPaths: [],
    excludePaths: [],
    releaseRules: defaults.releaseRules,
    squashBullets: defaults.squashBullets,
    initialVersion: defaults.initialVersion,
    majorZeroBreaking: defaults.majorZeroBreaking,
    prerelease: null,
    buildMetadata: null,
    ...own,
  };
}

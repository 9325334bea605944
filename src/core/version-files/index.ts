/**
 * Version files: the updater for a file, picked by its name (package.json, Cargo.toml, …); any
 * other name gets the marker updater (lines carrying `x-shipguard-version`). Every updater is pure
 * (text and version in, text out) and throws SG_VERSION_FILE when the version is not there exactly
 * once, so a caller can compute every file's new text before writing any.
 */
import { updateCargoLock } from "./cargo-lock.ts";
import { updateCargoToml } from "./cargo-toml.ts";
import { updateChartYaml } from "./chart-yaml.ts";
import type { VersionFileUpdater } from "./edit.ts";
import { updateGradleBuild } from "./gradle-build.ts";
import { updateGradleProperties } from "./gradle-properties.ts";
import { updateMarkedLines } from "./marker.ts";
import { updatePackageJson } from "./package-json.ts";
import { updatePackageLock } from "./package-lock.ts";
import { updatePlainVersion } from "./plain-version.ts";
import { updatePomXml } from "./pom-xml.ts";
import { updatePyproject } from "./pyproject-toml.ts";
import { updateUvLock } from "./uv-lock.ts";

export {
  cargoPackageName,
  cargoWorkspaceMembers,
  inheritsWorkspaceVersion,
  matchCargoMembers,
} from "./cargo-toml.ts";
export type { UpdateOptions, VersionFileUpdater } from "./edit.ts";
export { MARKER } from "./marker.ts";
export { pyprojectName } from "./pyproject-toml.ts";
export { normalizedPythonName } from "./uv-lock.ts";

const BY_NAME = new Map<string, VersionFileUpdater>([
  ["package.json", updatePackageJson],
  ["package-lock.json", updatePackageLock],
  ["npm-shrinkwrap.json", updatePackageLock],
  ["pyproject.toml", updatePyproject],
  ["Cargo.toml", updateCargoToml],
  ["Cargo.lock", updateCargoLock],
  ["uv.lock", updateUvLock],
  ["Chart.yaml", updateChartYaml],
  ["pom.xml", updatePomXml],
  ["build.gradle", updateGradleBuild],
  ["build.gradle.kts", updateGradleBuild],
  ["gradle.properties", updateGradleProperties],
  ["VERSION", updatePlainVersion],
  ["version.txt", updatePlainVersion],
]);

/** The file names with an updater of their own; any other file uses the marker. */
export const KNOWN_VERSION_FILES: readonly string[] = [...BY_NAME.keys()];

/**
 * The updater for `fileName` (a path; its last segment picks the format). Errors name `fileName`
 * unless the options give another `file`.
 */
export function updaterFor(fileName: string): VersionFileUpdater {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  const update = BY_NAME.get(base) ?? updateMarkedLines;
  return (text, version, options = {}) =>
    update(text, version, { ...options, file: options.file ?? fileName });
}

/**
 * The files a release writes: `version-files`, `changelog-file` and `chart-app-version`, at the top
 * level and per package (a package's paths are relative to its folder). Paths are checked here,
 * once: relative, `/`-separated, inside the repository (or the package).
 */
import { invalidInput } from "../errors.ts";
import type { PackageSettings } from "./read-packages.ts";
import { parseBoolean, type RawSource, raw } from "./values.ts";

export interface ReleaseFiles {
  /** Relative to the repository root (one package) or to the package's folder (a monorepo). */
  versionFiles: string[];
  changelogFile: string | null;
  chartAppVersion: boolean;
}

/** The repository's files (one package), and each package's (a monorepo: relative to its folder). */
export interface ReleaseFileSettings {
  top: ReleaseFiles;
  /** By package path; a package that sets none has the top level's. */
  packages: ReadonlyMap<string, ReleaseFiles>;
}

/** The release-file settings: the top level's, and each package's own or else the top level's. */
export function releaseFilesOf(
  source: RawSource,
  packages: readonly PackageSettings[] | null,
): ReleaseFileSettings {
  const top: ReleaseFiles = {
    versionFiles: versionFilesOf(raw(source, "version-files"), "version-files"),
    changelogFile: changelogFileOf(raw(source, "changelog-file"), "changelog-file"),
    chartAppVersion: chartAppVersionOf(raw(source, "chart-app-version"), "chart-app-version"),
  };
  const byPath = new Map<string, ReleaseFiles>();
  for (const p of packages ?? []) {
    const own = source.file?.packages?.find((f) => f.path === p.path);
    const value = <T>(key: string, read: (v: string, input: string) => T, inherited: T): T => {
      const text = own?.values.get(key);
      return text === undefined ? inherited : read(text, `${own!.name}.${key}`);
    };
    byPath.set(p.path, {
      versionFiles: value("version-files", versionFilesOf, top.versionFiles),
      changelogFile: value("changelog-file", changelogFileOf, top.changelogFile),
      chartAppVersion: value("chart-app-version", chartAppVersionOf, top.chartAppVersion),
    });
  }
  return { top, packages: byPath };
}

export const NO_RELEASE_FILES: ReleaseFiles = {
  versionFiles: [],
  changelogFile: null,
  chartAppVersion: false,
};

/** Whether a release with these settings writes files (and so makes a release commit). */
export function writesFiles(files: ReleaseFiles): boolean {
  return files.versionFiles.length > 0 || files.changelogFile !== null;
}

/** `version-files`: paths separated by commas or lines, each checked. `input` names it in messages. */
export function versionFilesOf(value: string, input: string): string[] {
  const paths = value
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => filePathOf(p, input));
  return [...new Set(paths)];
}

/** `changelog-file`: one path, or null when not set. */
export function changelogFileOf(value: string, input: string): string | null {
  const text = value.trim();
  return text === "" ? null : filePathOf(text, input);
}

export function chartAppVersionOf(value: string, input: string): boolean {
  return parseBoolean(input, value);
}

/** A file path relative to its base folder: `./` and `.` segments dropped, never absolute or `..`. */
function filePathOf(written: string, input: string): string {
  const remedy =
    "Name the file relative to the repository root (in a monorepo: to the package's folder), such as `package.json` or `docs/CHANGELOG.md`.";
  if (written.startsWith("/") || /^[A-Za-z]:/.test(written))
    throw invalidInput(input, written, "Expected a relative path; this one is absolute.", remedy);
  if (written.includes("\\"))
    throw invalidInput(input, written, "Expected `/` between folders, not `\\`.", remedy);
  if (/[\u0000-\u001f\u007f]/.test(written))
    throw invalidInput(input, written, "Expected a path without control characters.", remedy);
  const parts = written.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..") || parts.length === 0)
    throw invalidInput(input, written, "Expected a file inside the repository (no `..`).", remedy);
  return parts.join("/");
}

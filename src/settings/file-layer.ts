/**
 * What the settings file adds to a run's settings, besides the values it layers under the inputs:
 * where each value sits (for messages), and the packages of a monorepo. Types only; the file is
 * read in settings-file.ts.
 */

/** One entry of `packages` as the file writes it: its path checked and normalized, its values still text. */
export interface FilePackage {
  /** Relative to the repository root, `/`-separated, no `./` or trailing `/`; `.` is the root package. */
  path: string;
  /** How messages name it: `packages."packages/api"` (the key as written). */
  name: string;
  line: number;
  /** `tag-prefix` and the version options the package sets, as option text (lists joined as the option reads them). */
  values: ReadonlyMap<string, string>;
  /** `extra-paths` and `exclude-paths`, when the package sets them: globs relative to the repository root. */
  extraPaths: string[] | null;
  excludePaths: string[] | null;
}

export interface FileLayer {
  /** The file as the run named it (`.github/shipguard.yml`), for messages. */
  name: string;
  /**
   * The line of a setting whose value the run takes from the file: a top-level option that no
   * input or flag gave, or a package's key (`packages."packages/api".initial-version`).
   */
  lineOf(setting: string): number | undefined;
  /** `packages`, or null when the file has none. */
  packages: readonly FilePackage[] | null;
}

/** Cargo.lock: the `version` of the `[[package]]` entry with the given name (each name exactly once). */
import { shipguardError } from "../../errors.ts";
import { exactlyOne, type Locate, versionFileUpdater } from "./edit.ts";
import { entriesAt, type TomlEntry, tomlEntries, tomlString } from "./toml.ts";

/**
 * The locator of a lockfile of `[[package]]` entries (Cargo.lock, uv.lock): for each name of the
 * `entries` option, the `version` of the one entry whose `name` is it (by `sameName`) and that
 * `counts` (uv.lock: a project of the repository, not a registry package of the same name).
 */
export function packageEntriesLocator(
  expectedFor: (name: string) => string,
  sameName: (found: string, name: string) => boolean = (found, name) => found === name,
  counts: (entries: readonly TomlEntry[], index: number) => boolean = () => true,
): Locate {
  return (text, context) => {
    const names = context.options.entries ?? [];
    if (names.length === 0) {
      throw shipguardError("SG_INTERNAL", { detail: `${context.file} was updated without a package name` });
    }
    const entries = tomlEntries(text, context, expectedFor(names[0]!));
    const packageIndex = (e: TomlEntry) => (e.path[0] === "package" ? e.path[1] : undefined);
    return names.map((name) => {
      const expected = expectedFor(name);
      const named = entries.filter((e) => {
        const index = packageIndex(e);
        return (
          typeof index === "number" &&
          e.path.length === 3 &&
          e.path[2] === "name" &&
          e.value.type === "TOMLValue" &&
          typeof e.value.value === "string" &&
          sameName(e.value.value, name) &&
          counts(entries, index)
        );
      });
      const index = packageIndex(exactlyOne(named, (e) => e.line, context, expected));
      const version = exactlyOne(
        entriesAt(entries, ["package", index!, "version"]),
        (e) => e.line,
        context,
        expected,
      );
      return tomlString(text, version, context, expected);
    });
  };
}

export const locateCargoLock: Locate = packageEntriesLocator(
  (name) => `one [[package]] entry named ${JSON.stringify(name)} with a version`,
);

export const updateCargoLock = versionFileUpdater("Cargo.lock", locateCargoLock);

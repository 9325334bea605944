/** Cargo.lock: the `version` of the `[[package]]` entry with the given name (each name exactly once). */
import { shipguardError } from "../../errors.ts";
import { exactlyOne, type Locate, versionFileUpdater } from "./edit.ts";
import { entriesAt, type TomlEntry, tomlEntries, tomlString } from "./toml.ts";

const expectedFor = (name: string) => `one [[package]] entry named ${JSON.stringify(name)} with a version`;

export const locateCargoLock: Locate = (text, context) => {
  const names = context.options.entries ?? [];
  if (names.length === 0) {
    throw shipguardError("SG_INTERNAL", { detail: `${context.file} was updated without a package name` });
  }
  const entries = tomlEntries(text, context, expectedFor(names[0]!));
  const packageIndex = (e: TomlEntry) => (e.path[0] === "package" ? e.path[1] : undefined);
  return names.map((name) => {
    const expected = expectedFor(name);
    const named = entries.filter(
      (e) =>
        typeof packageIndex(e) === "number" &&
        e.path.length === 3 &&
        e.path[2] === "name" &&
        e.value.type === "TOMLValue" &&
        e.value.value === name,
    );
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

export const updateCargoLock = versionFileUpdater("Cargo.lock", locateCargoLock);

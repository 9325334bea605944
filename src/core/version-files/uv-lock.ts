/**
 * uv.lock: the `version` of the project's own `[[package]]` entry, the one named like
 * pyproject.toml's `[project].name` (names compared normalized, as PEP 503 does) whose `source` is
 * the repository's (`{ editable = "." }`, `{ virtual = "." }`, a workspace member's folder).
 */
import { packageEntriesLocator } from "./cargo-lock.ts";
import type { Locate } from "./edit.ts";
import { versionFileUpdater } from "./edit.ts";
import { entriesAt } from "./toml.ts";

/** A Python package name as PEP 503 compares it: `My_Pkg.x` is `my-pkg-x`. */
export const normalizedPythonName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, "-");

export const locateUvLock: Locate = packageEntriesLocator(
  (name) =>
    `one [[package]] entry named ${JSON.stringify(normalizedPythonName(name))} with source = { editable = ... } or { virtual = ... }, and a version`,
  (found, name) => normalizedPythonName(found) === normalizedPythonName(name),
  (entries, index) =>
    ["editable", "virtual"].some((kind) => entriesAt(entries, ["package", index, "source", kind]).length > 0),
);

export const updateUvLock = versionFileUpdater("uv.lock", locateUvLock);

/**
 * pyproject.toml: `[project].version` (PEP 621), else `[tool.poetry].version`. A version declared
 * dynamic and kept in neither is set by the build backend (setuptools-scm, hatch-vcs and the like
 * read the tag): there is nothing to write, and saying so beats a silent no-op.
 */
import { exactlyOne, fail, type Locate, versionFileUpdater } from "./edit.ts";
import { entriesAt, manifestEntries, stringAt, tomlEntries, tomlString } from "./toml.ts";

const EXPECTED = "a [project].version or a [tool.poetry].version string";

export const locatePyproject: Locate = (text, context) => {
  const entries = tomlEntries(text, context, EXPECTED);
  for (const path of [
    ["project", "version"],
    ["tool", "poetry", "version"],
  ]) {
    const found = entriesAt(entries, path);
    if (found.length > 0) {
      const entry = exactlyOne(found, (e) => e.line, context, EXPECTED);
      return [tomlString(text, entry, context, EXPECTED)];
    }
  }
  const dynamic = entriesAt(entries, ["project", "dynamic"]).find(
    (e) =>
      e.value.type === "TOMLArray" &&
      e.value.elements.some((v) => v.type === "TOMLValue" && v.value === "version"),
  );
  if (dynamic !== undefined) {
    fail(context, EXPECTED, {
      kind: "elsewhere",
      line: dynamic.line,
      source:
        'the build backend ([project] dynamic = ["version"]: setuptools-scm, hatch-vcs and the like read it from the tag)',
      instead: "let the backend read the version from the tag shipguard creates",
    });
  }
  return fail(context, EXPECTED, { kind: "missing" });
};

export const updatePyproject = versionFileUpdater("pyproject.toml", locatePyproject);

/** pyproject.toml's `[project].name`: the name of its entry in uv.lock; null when it has none. */
export function pyprojectName(text: string, file = "pyproject.toml"): string | null {
  return stringAt(manifestEntries(text, file, "a [project].name string"), ["project", "name"]);
}

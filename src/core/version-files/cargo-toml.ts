/**
 * Cargo.toml: `[package].version` or, in a workspace root, `[workspace.package].version`; never a
 * dependency's `version`. A member with `version.workspace = true` inherits the root's version.
 */
import { exactlyOne, fail, type Locate, versionFileUpdater } from "./edit.ts";
import { entriesAt, tomlEntries, tomlString } from "./toml.ts";

const EXPECTED = "a [package].version or a [workspace.package].version string";

export const locateCargoToml: Locate = (text, context) => {
  const entries = tomlEntries(text, context, EXPECTED);
  const own = entriesAt(entries, ["package", "version"]).filter((e) => e.value.type !== "TOMLInlineTable");
  const shared = entriesAt(entries, ["workspace", "package", "version"]);
  const candidates = [...own, ...shared];
  if (candidates.length > 0) {
    return [
      tomlString(
        text,
        exactlyOne(candidates, (e) => e.line, context, EXPECTED),
        context,
        EXPECTED,
      ),
    ];
  }
  const inherited = entriesAt(entries, ["package", "version", "workspace"]).find(
    (e) => e.value.type === "TOMLValue" && e.value.value === true,
  );
  if (inherited !== undefined) {
    fail(context, EXPECTED, {
      kind: "elsewhere",
      line: inherited.line,
      source: "the workspace (version.workspace = true: the root Cargo.toml's [workspace.package].version)",
      instead: "list the workspace root's Cargo.toml in version-files",
    });
  }
  return fail(context, EXPECTED, { kind: "missing" });
};

export const updateCargoToml = versionFileUpdater("Cargo.toml", locateCargoToml);

/**
 * The `[package].name` of a Cargo.toml: the name of its entry in Cargo.lock (the `entries` the
 * Cargo.lock updater takes). Null for a virtual workspace, which has no package of its own.
 */
export function cargoPackageName(text: string, file = "Cargo.toml"): string | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const context = { file, options: {} };
  const names = entriesAt(tomlEntries(body, context, "a [package].name string"), ["package", "name"]);
  const value = names[0]?.value;
  return value?.type === "TOMLValue" && typeof value.value === "string" ? value.value : null;
}

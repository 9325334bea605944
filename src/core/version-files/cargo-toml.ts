/**
 * Cargo.toml: `[package].version` or, in a workspace root, `[workspace.package].version`; never a
 * dependency's `version`. A member with `version.workspace = true` inherits the root's version.
 */
import { exactlyOne, fail, type Locate, versionFileUpdater } from "./edit.ts";
import { entriesAt, manifestEntries, stringAt, tomlEntries, tomlString } from "./toml.ts";

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
  return stringAt(manifestEntries(text, file, "a [package].name string"), ["package", "name"]);
}

/**
 * A workspace root's `[workspace].members` and `exclude` (paths or globs relative to its folder),
 * when it holds a `[workspace.package].version` its members may inherit; null otherwise.
 */
export function cargoWorkspaceMembers(
  text: string,
  file = "Cargo.toml",
): { members: string[]; exclude: string[] } | null {
  const entries = manifestEntries(text, file, EXPECTED);
  if (entriesAt(entries, ["workspace", "package", "version"]).length === 0) return null;
  const strings = (key: string) =>
    entriesAt(entries, ["workspace", key]).flatMap((e) =>
      e.value.type === "TOMLArray"
        ? e.value.elements.flatMap((v) =>
            v.type === "TOMLValue" && typeof v.value === "string" ? [v.value] : [],
          )
        : [],
    );
  return { members: strings("members"), exclude: strings("exclude") };
}

/** Whether a member's Cargo.toml takes its version from the workspace (`version.workspace = true`). */
export function inheritsWorkspaceVersion(text: string, file = "Cargo.toml"): boolean {
  const entries = manifestEntries(text, file, "a Cargo.toml");
  return entriesAt(entries, ["package", "version", "workspace"]).some(
    (e) => e.value.type === "TOMLValue" && e.value.value === true,
  );
}

/**
 * The member folders (from the workspace's folder) that `members` names among `files` (paths from
 * the same folder): a path, or a glob whose `*` and `?` match within one segment.
 */
export function matchCargoMembers(
  workspace: { members: readonly string[]; exclude: readonly string[] },
  files: readonly string[],
): string[] {
  const pattern = (glob: string) =>
    new RegExp(
      `^${glob
        .replace(/^\.\//, "")
        .replace(/\/+$/, "")
        .split("")
        .map((c) => (c === "*" ? "[^/]*" : c === "?" ? "[^/]" : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
        .join("")}$`,
    );
  const members = workspace.members.map(pattern);
  const excluded = workspace.exclude.map(pattern);
  const folders = files.flatMap((f) =>
    f.endsWith("/Cargo.toml") ? [f.slice(0, -"/Cargo.toml".length)] : [],
  );
  return folders.filter((d) => members.some((m) => m.test(d)) && !excluded.some((x) => x.test(d)));
}

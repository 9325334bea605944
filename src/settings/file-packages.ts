/**
 * `packages` in the settings file: each package's path checked and normalized (`./packages/api/`
 * is `packages/api`, `.` the root package), its keys known, its values as option text and its
 * globs as lists. What the values mean is read-packages.ts's business, once the top level is known.
 */
import { isMap, isScalar, isSeq } from "yaml";
import { hasControlCharacter } from "../core/printable.ts";
import { PACKAGE_KEYS } from "./file-keys.ts";
import type { FilePackage } from "./file-layer.ts";
import { describe, type FileReader, isEmpty, keyOf, known, optionText, resolved } from "./file-values.ts";

/** `packages`: a mapping from a path to that package's settings (empty: all defaults). */
export function readPackages(
  reader: FileReader,
  value: unknown,
  line: number,
  lines: Map<string, number>,
): FilePackage[] | null {
  const node = resolved(reader, value);
  if (isEmpty(node)) return null;
  if (!isMap(node)) {
    throw reader.invalid(
      reader.lineOf(node) || line,
      `packages is ${describe(node)}; it maps each package's path to its settings, such as \`packages/api: { tag-prefix: api-v }\`.`,
      "Write one `<path>:` line per package under `packages:`, relative to the repository root.",
    );
  }
  const packages: FilePackage[] = [];
  for (const pair of node.items) {
    const { key, line: at } = keyOf(reader, pair);
    const name = `packages.${JSON.stringify(key)}`;
    const path = normalizePackagePath(key);
    if ("problem" in path) {
      throw reader.invalid(
        at,
        `${name}: the path ${path.problem}.`,
        "Name each package by its folder, relative to the repository root (`packages/api`, or `.` for the root package).",
      );
    }
    const twin = packages.find((p) => p.path === path.path);
    if (twin !== undefined) {
      throw reader.invalid(
        at,
        `${name} is the same package as ${twin.name} on line ${twin.line} (both are \`${path.path}\`).`,
        "Keep one entry per package folder.",
      );
    }
    lines.set(name, at);
    packages.push(readPackage(reader, { path: path.path, name, line: at }, pair.value, lines));
    // A tag prefix made from the folder's name is refused at the package's line, where one would be set.
    if (!lines.has(`${name}.tag-prefix`)) lines.set(`${name}.tag-prefix`, at);
  }
  return packages.length === 0 ? null : packages;
}

function readPackage(
  reader: FileReader,
  where: { path: string; name: string; line: number },
  value: unknown,
  lines: Map<string, number>,
): FilePackage {
  const found: FilePackage = { ...where, values: new Map(), extraPaths: null, excludePaths: null };
  const node = resolved(reader, value);
  if (isEmpty(node)) return found;
  if (!isMap(node)) {
    throw reader.invalid(
      reader.lineOf(node) || where.line,
      `${where.name} is ${describe(node)}; it takes the package's settings (\`tag-prefix: api-v\`), or nothing for the defaults.`,
      "Write the package's settings under its path, or leave it empty.",
    );
  }
  const values = new Map<string, string>();
  for (const pair of node.items) {
    const { key, line } = keyOf(reader, pair);
    known(reader, key, line, PACKAGE_KEYS, where.name);
    const setting = `${where.name}.${key}`;
    lines.set(setting, line);
    if (key === "extra-paths") found.extraPaths = globsOf(reader, setting, pair.value, line);
    else if (key === "exclude-paths") found.excludePaths = globsOf(reader, setting, pair.value, line);
    else {
      const text = optionText(reader, key, setting, pair.value, line);
      if (text !== undefined) values.set(key, text);
    }
  }
  return { ...found, values };
}

/**
 * A package's path, relative to the repository root, `/`-separated, without `./`, `.` segments or
 * a trailing `/`; `.` for the root. A problem for a path that is empty, absolute, leaves the
 * repository or is a glob.
 */
export function normalizePackagePath(written: string): { path: string } | { problem: string } {
  const text = written.trim();
  const problem = pathProblem(text);
  if (problem !== null) return { problem };
  if (/[*?[\]{}!]/.test(text))
    return { problem: "is a glob; a package is one folder (globs go in extra-paths)" };
  const parts = text.split("/").filter((part) => part !== "" && part !== ".");
  return { path: parts.length === 0 ? "." : parts.join("/") };
}

/** What is wrong with a path or glob relative to the repository root, or null. */
function pathProblem(text: string): string | null {
  if (text === "") return "is empty";
  if (text.startsWith("/") || /^[A-Za-z]:/.test(text))
    return "is absolute; it is relative to the repository root";
  if (text.includes("\\")) return "holds `\\`; separate folders with `/`";
  if (hasControlCharacter(text)) return "holds a control character";
  if (text.split("/").includes("..")) return "leaves the repository (`..`)";
  return null;
}

/** `extra-paths` or `exclude-paths`: a list, or text separated by commas or lines; each relative to the root. */
function globsOf(reader: FileReader, setting: string, value: unknown, keyLine: number): string[] {
  const node = resolved(reader, value);
  if (isEmpty(node)) return [];
  const line = reader.lineOf(node) || keyLine;
  let entries: string[];
  if (isScalar(node)) entries = String(node.value).split(/[,\n]/);
  else if (isSeq(node)) {
    entries = node.items.map((item) => {
      const inner = resolved(reader, item);
      if (!isScalar(inner) || isEmpty(inner))
        throw reader.invalid(line, `${setting} has an entry that is not a glob.`, "List one glob per entry.");
      return String(inner.value);
    });
  } else {
    throw reader.invalid(
      line,
      `${setting} is ${describe(node)}; it takes globs, as a list or separated by commas.`,
      'Write `["shared/**", "tools/gen/**"]`, or one glob per line of a list.',
    );
  }
  const globs = entries.map((glob) => glob.trim().replace(/^(\.\/)+/, "")).filter((glob) => glob !== "");
  for (const glob of globs) {
    const problem = pathProblem(glob);
    if (problem !== null) {
      throw reader.invalid(
        line,
        `${setting}: the glob ${JSON.stringify(glob)} ${problem}.`,
        "Write globs relative to the repository root, such as `packages/api/test/**`.",
      );
    }
  }
  return globs;
}

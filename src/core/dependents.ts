/**
 * Dependents in a monorepo of npm, pnpm or yarn workspaces or a Cargo workspace: when a package is
 * released, every configured package whose manifest depends on it gets its range updated (keeping
 * `^`, `~` or an exact version; `workspace:` ranges and Cargo `path`-only or `workspace = true`
 * dependencies stay as they are) and at least a patch release whose notes name the update.
 * Transitively, each package once. Pure: manifests' text in, the plan and the edited texts out.
 * Each range is found by a real parser (jsonc-parser, the TOML AST) and only its span is replaced.
 */
import { findNodeAtLocation, type Node, parseTree } from "jsonc-parser";
import { type AST, parseTOML } from "toml-eslint-parser";

type TOMLContentNode = AST.TOMLContentNode;
type TOMLKeyValue = AST.TOMLKeyValue;
type TOMLTable = AST.TOMLTable;

export type ManifestKind = "npm" | "cargo";

/** A package's manifest as read from the analysed commit. */
export interface ManifestText {
  /** The configured package it belongs to. */
  packagePath: string;
  /** Its path from the repository root (`packages/api/package.json`). */
  file: string;
  kind: ManifestKind;
  text: string;
}

/** One dependency on another package, with the span of its range in the manifest's text. */
export interface DependencyRange {
  name: string;
  /** `dependencies`, `devDependencies`, `dev-dependencies`, `target.'cfg(unix)'.dependencies`... */
  section: string;
  range: string;
  start: number;
  end: number;
}

export interface Manifest extends ManifestText {
  /** The package's name in its ecosystem; null when the manifest names none. */
  name: string | null;
  dependencies: DependencyRange[];
}

const NPM_SECTIONS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
const CARGO_SECTIONS = ["dependencies", "dev-dependencies", "build-dependencies"];

/**
 * Reads a manifest's name and dependency ranges; a manifest that does not parse names none. With
 * `workspaceDependencies`, a Cargo workspace root's `[workspace.dependencies]` are read too (to
 * rewrite their ranges: they are no dependencies of the root's own package).
 */
export function readManifest(
  manifest: ManifestText,
  options: { workspaceDependencies?: boolean } = {},
): Manifest {
  const read =
    manifest.kind === "npm"
      ? readNpm(manifest.text)
      : readCargo(manifest.text, options.workspaceDependencies);
  return { ...manifest, ...read };
}

function readNpm(text: string): Pick<Manifest, "name" | "dependencies"> {
  const tree = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  if (tree === undefined || tree.type !== "object") return { name: null, dependencies: [] };
  const nameNode = findNodeAtLocation(tree, ["name"]);
  const name = typeof nameNode?.value === "string" ? nameNode.value : null;
  const dependencies: DependencyRange[] = [];
  for (const section of NPM_SECTIONS) {
    const block = findNodeAtLocation(tree, [section]);
    if (block?.type !== "object") continue;
    for (const property of block.children ?? []) {
      const [key, value] = property.children ?? [];
      const found = key === undefined || value === undefined ? null : jsonRange(text, key, value);
      if (found !== null) dependencies.push({ ...found, section });
    }
  }
  return { name, dependencies };
}

/** A string value whose text between the quotes is the value itself (no escapes), with its span. */
function jsonRange(text: string, key: Node, value: Node): Omit<DependencyRange, "section"> | null {
  if (value.type !== "string" || typeof key.value !== "string") return null;
  const start = value.offset + 1;
  const end = value.offset + value.length - 1;
  if (text.slice(start, end) !== value.value) return null;
  return { name: key.value, range: value.value, start, end };
}

function readCargo(text: string, workspace = false): Pick<Manifest, "name" | "dependencies"> {
  let program: ReturnType<typeof parseTOML>;
  try {
    program = parseTOML(text);
  } catch {
    return { name: null, dependencies: [] };
  }
  let name: string | null = null;
  const dependencies: DependencyRange[] = [];
  for (const top of program.body) {
    for (const item of top.body) {
      if (item.type === "TOMLTable") {
        if (item.kind !== "standard") continue;
        const key = item.resolvedKey.map(String);
        if (key.length === 1 && key[0] === "package") name = stringOf(valueAt(item.body, "name")) ?? name;
        cargoTable(text, key, item, dependencies, workspace);
      }
    }
  }
  return { name, dependencies };
}

/** The dependencies a table holds: `[dependencies]` (one per key) or `[dependencies.core]` (one). */
function cargoTable(
  text: string,
  key: string[],
  table: TOMLTable,
  out: DependencyRange[],
  workspace: boolean,
): void {
  const sectionOrWorkspace = (k: string[]) =>
    workspace && k.join(".") === "workspace.dependencies" ? "workspace.dependencies" : sectionOf(k);
  const section = sectionOrWorkspace(key.slice(0, -1));
  const whole = sectionOrWorkspace(key);
  if (whole !== null) {
    for (const entry of table.body) {
      const dep =
        entry.key.keys.length === 1 ? cargoDependency(text, keyName(entry), entry.value) : dottedLocal(entry);
      if (dep !== null) out.push({ ...dep, section: whole });
    }
  } else if (section !== null) {
    const dep = cargoDependency(text, key.at(-1)!, tableAsValue(table));
    if (dep !== null) out.push({ ...dep, section });
  }
}

/** `dependencies`, `dev-dependencies`, `build-dependencies`, or `target.<cfg>.<one of them>`. */
function sectionOf(key: string[]): string | null {
  if (key.length === 1 && CARGO_SECTIONS.includes(key[0]!)) return key[0]!;
  if (key.length === 3 && key[0] === "target" && CARGO_SECTIONS.includes(key[2]!))
    return `target.'${key[1]}'.${key[2]}`;
  return null;
}

type Entries = readonly TOMLKeyValue[];

function tableAsValue(table: TOMLTable): { entries: Entries } {
  return { entries: table.body };
}

/**
 * `core = "1.2"` or `core = { version = "1.2", path = "../core" }` (`package = "real-name"` renames
 * it). Without a version, `core = { path = "../core" }` and `core = { workspace = true }` are
 * dependencies too, whose range stays as it is (like npm's `workspace:`): their `range` is that
 * text (`path = "../core"`, `workspace = true`), which updatedRange never rewrites.
 */
function cargoDependency(
  text: string,
  key: string,
  value: TOMLContentNode | { entries: Entries },
): Omit<DependencyRange, "section"> | null {
  let entries: Entries | null = null;
  if ("entries" in value) entries = value.entries;
  else if (value.type === "TOMLInlineTable") entries = value.body;
  const versionNode = entries === null ? (value as TOMLContentNode) : valueAt(entries, "version");
  const name = (entries === null ? null : stringOf(valueAt(entries, "package"))) ?? key;
  if (versionNode === undefined || versionNode.type !== "TOMLValue" || versionNode.kind !== "string") {
    const local = entries === null ? null : localRange(entries);
    return local === null ? null : { name, range: local, start: 0, end: 0 };
  }
  if (versionNode.multiline) return null;
  const [from, to] = versionNode.range;
  const start = from + 1;
  const end = to - 1;
  if (text.slice(start, end) !== versionNode.value) return null;
  return { name, range: versionNode.value, start, end };
}

/** `path = "../core"` or `workspace = true` among a dependency's keys: how it names a local package. */
function localRange(entries: Entries): string | null {
  const workspace = valueAt(entries, "workspace");
  if (workspace?.type === "TOMLValue" && workspace.value === true) return "workspace = true";
  const path = stringOf(valueAt(entries, "path"));
  return path === null ? null : `path = ${JSON.stringify(path)}`;
}

/** `core.workspace = true` or `core.path = "../core"` (dotted keys) in a dependencies table. */
function dottedLocal(entry: TOMLKeyValue): Omit<DependencyRange, "section"> | null {
  const [name, key] = entry.key.keys.map((k) => (k.type === "TOMLBare" ? k.name : k.value));
  if (entry.key.keys.length !== 2 || (key !== "workspace" && key !== "path")) return null;
  const range = localRange([{ ...entry, key: { ...entry.key, keys: entry.key.keys.slice(1) } }]);
  return range === null ? null : { name: name!, range, start: 0, end: 0 };
}

function keyName(entry: TOMLKeyValue): string {
  const k = entry.key.keys[0]!;
  return k.type === "TOMLBare" ? k.name : k.value;
}

function valueAt(entries: Entries, name: string): TOMLContentNode | undefined {
  return entries.find((e) => e.key.keys.length === 1 && keyName(e) === name)?.value;
}

function stringOf(node: TOMLContentNode | undefined): string | null {
  return node?.type === "TOMLValue" && node.kind === "string" ? node.value : null;
}

/* ------------------------------------------------------------------ ranges ----------- */

const PLAIN_RANGE = /^(\^|~|=|)\s*v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * The range that points at `version` the way `range` pointed at the old one: `^1.0.0` gives
 * `^1.1.0`, `~1.0.0` `~1.1.0`, `1.0.0` `1.1.0`, `=1.0.0` `=1.1.0`. A `workspace:` range stays as it
 * is, and so does any other form shipguard cannot rewrite faithfully (`>=1 <2`, `*`, `file:`): null.
 */
export function updatedRange(range: string, version: string): string | null {
  const text = range.trim();
  if (text.startsWith("workspace:")) return null;
  const match = PLAIN_RANGE.exec(text);
  if (match === null) return null;
  const plain = version.replace(/\+.*$/, "");
  return `${match[1]}${plain}`;
}

/* ------------------------------------------------------------------ the plan --------- */

/** One dependency of a dependent moved to a released package's new version. */
export interface DependencyUpdate {
  /** The dependency's name (`core`) and the configured package it is. */
  name: string;
  packagePath: string;
  version: string;
  /** Where its range was written, and how; `to` null when the range stays as it is (`workspace:`). */
  ranges: { file: string; section: string; from: string; to: string | null }[];
}

export interface DependentsPlan {
  /** By package path, the dependency updates of each package that depends on a released one. */
  updates: Map<string, DependencyUpdate[]>;
  /** The packages released only because of their dependencies, in the order they were reached. */
  added: string[];
}

/**
 * Which packages depend on the released ones, transitively. `released` maps each released
 * package's path to its new version; `patchVersion(path)` gives the version a package not
 * released yet gets with a patch release (null: it cannot be released, and its dependents are not
 * reached through it). Every package is bumped at most once: a package released anyway only gets
 * its dependency updates.
 */
export function planDependents(
  manifests: readonly Manifest[],
  released: ReadonlyMap<string, string>,
  patchVersion: (packagePath: string) => string | null,
): DependentsPlan {
  const versions = new Map(released);
  const byName = packageNames(manifests);
  const updates = new Map<string, DependencyUpdate[]>();
  const added: string[] = [];
  const queue = [...released.keys()];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const version = versions.get(path)!;
    for (const m of manifests) {
      if (m.packagePath === path) continue;
      const own = manifests.find((o) => o.packagePath === path && o.kind === m.kind && o.name !== null);
      if (own === undefined || byName.get(`${m.kind}:${own.name}`) !== path) continue;
      const deps = m.dependencies.filter((d) => d.name === own.name);
      if (deps.length === 0) continue;
      const update = updateFor(updates, m.packagePath, own.name!, path, version);
      for (const d of deps)
        update.ranges.push({
          file: m.file,
          section: d.section,
          from: d.range,
          to: updatedRange(d.range, version),
        });
      if (versions.has(m.packagePath)) continue;
      const next = patchVersion(m.packagePath);
      if (next === null) continue;
      versions.set(m.packagePath, next);
      added.push(m.packagePath);
      queue.push(m.packagePath);
    }
  }
  return { updates, added };
}

function updateFor(
  updates: Map<string, DependencyUpdate[]>,
  dependent: string,
  name: string,
  packagePath: string,
  version: string,
): DependencyUpdate {
  const list = updates.get(dependent) ?? [];
  updates.set(dependent, list);
  let update = list.find((u) => u.packagePath === packagePath);
  if (update === undefined) {
    update = { name, packagePath, version, ranges: [] };
    list.push(update);
  }
  return update;
}

/** A manifest's text with each of its ranges on a released package rewritten (spans from the end). */
export function rewriteRanges(
  manifest: Manifest,
  versions: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): string {
  const edits = manifest.dependencies
    .map((d) => {
      const path = names.get(`${manifest.kind}:${d.name}`);
      const version = path === undefined || path === manifest.packagePath ? undefined : versions.get(path);
      const to = version === undefined ? null : updatedRange(d.range, version);
      return to === null || to === d.range ? null : { start: d.start, end: d.end, to };
    })
    .filter((e): e is { start: number; end: number; to: string } => e !== null)
    .sort((a, b) => b.start - a.start);
  let text = manifest.text;
  for (const e of edits) text = `${text.slice(0, e.start)}${e.to}${text.slice(e.end)}`;
  return text;
}

/** Each manifest's package by `<kind>:<name>`, for rewriteRanges. */
export function packageNames(manifests: readonly Manifest[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of manifests) if (m.name !== null) names.set(`${m.kind}:${m.name}`, m.packagePath);
  return names;
}

/** The notes' section naming a package's dependency updates. */
export function dependenciesSection(updates: readonly DependencyUpdate[]): string {
  const lines = updates.map((u) => {
    const moved = [
      ...new Set(u.ranges.filter((r) => r.to !== null).map((r) => `\`${r.from}\` → \`${r.to}\``)),
    ];
    return `* **${u.name}** bumped to ${u.version}${moved.length > 0 ? ` (${moved.join(", ")})` : ""}`;
  });
  return `### Dependencies\n\n${lines.join("\n")}\n`;
}

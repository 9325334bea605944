/**
 * A workspace's lockfile at the repository root, kept in step with the dependents' manifests: each
 * workspace's rewritten range is written where the lockfile lists the same old range, and only
 * that span changes. npm's package-lock.json (`packages["packages/api"].dependencies[name]`) and
 * pnpm's pnpm-lock.yaml (`importers["packages/api"].dependencies[name].specifier`): both refuse an
 * install (`npm ci`, `pnpm install --frozen-lockfile`) whose manifests and lockfile disagree.
 */
import { findNodeAtLocation, parseTree } from "jsonc-parser";
import { isMap, isScalar, parseDocument } from "yaml";
import type { Manifest } from "./dependents.ts";

/** A workspace's range, rewritten: where it is (`packages/api`, `dependencies`, `@acme/core`), from, to. */
export interface LockRange {
  key: string;
  section: string;
  name: string;
  from: string;
  to: string;
}

export function npmRangesOf(before: Manifest, after: Manifest): LockRange[] {
  const key = before.packagePath;
  return after.dependencies.flatMap((d, i) => {
    const old = before.dependencies[i];
    return old === undefined || old.range === d.range
      ? []
      : [{ key, section: d.section, name: d.name, from: old.range, to: d.range }];
  });
}

/** The root lockfile with each workspace's rewritten range, where it lists the same old range. */
function withLockRanges(text: string, ranges: readonly LockRange[]): string {
  const tree = parseTree(text);
  if (tree === undefined) return text;
  const edits = ranges.flatMap((r) => {
    const node = findNodeAtLocation(tree, ["packages", r.key, r.section, r.name]);
    if (node?.type !== "string" || node.value !== r.from) return [];
    const start = node.offset + 1;
    const end = node.offset + node.length - 1;
    return text.slice(start, end) === r.from ? [{ start, end, to: r.to }] : [];
  });
  return spliced(text, edits);
}

/** pnpm-lock.yaml's importers: `importers[key][section][name].specifier`. */
function withPnpmRanges(text: string, ranges: readonly LockRange[]): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return text;
  const edits = ranges.flatMap((r) => {
    const node = doc.getIn(["importers", r.key, r.section, r.name], true);
    const specifier = isMap(node) ? node.get("specifier", true) : undefined;
    if (!isScalar(specifier) || specifier.value !== r.from || specifier.range == null) return [];
    const [start, end] = specifier.range;
    const source = text.slice(start, end);
    const inner = source === r.from ? 0 : source === `'${r.from}'` || source === `"${r.from}"` ? 1 : -1;
    return inner < 0 ? [] : [{ start: start + inner, end: end - inner, to: r.to }];
  });
  return spliced(text, edits);
}

function spliced(text: string, edits: { start: number; end: number; to: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = `${out.slice(0, e.start)}${e.to}${out.slice(e.end)}`;
  return out;
}

/** The root lockfiles that list each workspace's ranges, and how each is edited. */
export const WORKSPACE_LOCKS: readonly (readonly [
  string,
  (text: string, ranges: readonly LockRange[]) => string,
])[] = [
  ["package-lock.json", withLockRanges],
  ["pnpm-lock.yaml", withPnpmRanges],
];

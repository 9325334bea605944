/**
 * Dependents, applied where `version` and `release` get their versions (computeVersions): the
 * packages' manifests are read from the analysed commit in one git process, core/dependents.ts
 * plans which packages depend on the released ones (transitively, each once), and each package
 * reached gets at least a patch release, decided as its own line would be (prerelease, build
 * metadata, maintenance line and all), with a Dependencies section in its notes.
 */
import {
  type DependencyUpdate,
  dependenciesSection,
  type Manifest,
  type ManifestKind,
  planDependents,
  readManifest,
} from "../core/dependents.ts";
import { maxBump } from "../core/rules.ts";
import type { Git } from "../ports.ts";
import type { LineInput, VersionResult } from "./compute-version.ts";
import { versionOfLine } from "./compute-version.ts";

/** The manifests shipguard reads dependencies from, in each package's folder. */
export const MANIFESTS: readonly { file: string; kind: ManifestKind }[] = [
  { file: "package.json", kind: "npm" },
  { file: "Cargo.toml", kind: "cargo" },
];

/** A file's path from the repository root, for a path relative to a package's folder. */
export function inPackage(packagePath: string, file: string): string {
  return packagePath === "." ? file : `${packagePath}/${file}`;
}

/** Every package's manifests at `commit` that exist, read in one git process. */
export async function readManifests(
  git: Pick<Git, "readFiles">,
  commit: string,
  packagePaths: readonly string[],
): Promise<Manifest[]> {
  const wanted = packagePaths.flatMap((p) =>
    MANIFESTS.map((m) => ({ packagePath: p, file: inPackage(p, m.file), kind: m.kind })),
  );
  const texts = await git.readFiles(
    commit,
    wanted.map((w) => w.file),
  );
  return wanted.flatMap((w) => {
    const text = texts.get(w.file);
    return text == null ? [] : [readManifest({ ...w, text })];
  });
}

/** One package's decision and the line it was decided from, so it can be decided again. */
export interface DecidedLine<R extends VersionResult> {
  path: string;
  result: R;
  input: LineInput;
}

/**
 * Gives every package that depends on a released one its Dependencies section and, when it was
 * not released, a patch release. Returns the results in the same order, changed where needed.
 */
export async function applyDependents<R extends VersionResult>(
  lines: readonly DecidedLine<R>[],
  /** Read only when some package is released: a run that releases nothing starts no git process. */
  readAll: () => Promise<readonly Manifest[]>,
): Promise<R[]> {
  const released = new Map<string, string>();
  for (const l of lines)
    if (l.result.releaseNeeded && l.result.version !== null) released.set(l.path, l.result.version);
  if (released.size === 0) return lines.map((l) => l.result);
  const manifests = await readAll();
  if (manifests.length === 0) return lines.map((l) => l.result);

  // The plan asks for patch versions synchronously: decide the ones it asks for, then plan again.
  const patches = new Map<string, R | null>();
  for (;;) {
    const asked = new Set<string>();
    const plan = planDependents(manifests, released, (path) => {
      if (!patches.has(path)) asked.add(path);
      return patches.get(path)?.version ?? null;
    });
    if (asked.size === 0) return lines.map((l) => withDependencies(l, plan.updates.get(l.path), patches));
    for (const path of asked) {
      const line = lines.find((l) => l.path === path);
      patches.set(path, line === undefined ? null : await patchOf(line));
    }
  }
}

/** The line decided again with at least a patch: null when it still releases nothing. */
async function patchOf<R extends VersionResult>(line: DecidedLine<R>): Promise<R | null> {
  const analysis = { ...line.input.analysis, bump: maxBump(line.input.analysis.bump, "patch") };
  const result = await versionOfLine({ ...line.input, analysis, warn: () => {} });
  if (!result.releaseNeeded || result.version === null) return null;
  return { ...line.result, ...result };
}

function withDependencies<R extends VersionResult>(
  line: DecidedLine<R>,
  updates: DependencyUpdate[] | undefined,
  patches: ReadonlyMap<string, R | null>,
): R {
  if (updates === undefined || updates.length === 0) return line.result;
  const patched = line.result.releaseNeeded ? null : (patches.get(line.path) ?? null);
  const base = patched ?? line.result;
  if (base.version === null) return line.result;
  const names = updates.map((u) => `${u.name} ${u.version}`).join(", ");
  const reason =
    patched === null
      ? `${base.reason} Its dependencies are updated too: ${names}.`
      : `Releases ${base.version} (patch) for its dependencies: ${names} ${updates.length === 1 ? "is" : "are"} released, and it depends on ${updates.length === 1 ? "it" : "them"}.`;
  return { ...base, reason, notes: notesWith(base.notes, dependenciesSection(updates)) };
}

/** The notes with the Dependencies section at the end (in place of "No notable changes."). */
function notesWith(notes: string, section: string): string {
  const body = notes.endsWith("\nNo notable changes.\n")
    ? notes.slice(0, -"No notable changes.\n".length)
    : notes;
  return `${body}${body.endsWith("\n\n") ? "" : "\n"}${section}`;
}

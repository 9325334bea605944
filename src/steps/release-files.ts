/**
 * The step that turns a release into file changes: each released package's (or the single
 * release's) version files and the lockfile entries next to them, its changelog, the dependents'
 * manifest ranges and their lockfile entries. Every file is read from the analysed commit (one git
 * process; a Cargo workspace root's members in one more) and every new text computed before the
 * caller writes anything: one file whose version cannot be set is a coded error, and nothing is
 * written. Used by direct mode (one release commit)
 * and by the release pull request (its one tree).
 */
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { findNodeAtLocation, parseTree } from "jsonc-parser";
import { insertRelease } from "../core/changelog.ts";
import {
  type Manifest,
  type ManifestText,
  packageNames,
  readManifest,
  rewriteRanges,
} from "../core/dependents.ts";
import {
  cargoPackageName,
  cargoWorkspaceMembers,
  inheritsWorkspaceVersion,
  matchCargoMembers,
  normalizedPythonName,
  pyprojectName,
  updaterFor,
} from "../core/version-files/index.ts";
import { type LockRange, npmRangesOf, WORKSPACE_LOCKS } from "../core/workspace-locks.ts";
import { shipguardError } from "../errors.ts";
import type { FileChange, Git, StoredFile } from "../ports.ts";
import { type ReleaseFiles, type ReleaseSettings, writesFiles } from "../settings.ts";
import type { VersionResult } from "./compute-version.ts";
import type { PackageVersionResult } from "./compute-versions.ts";
import { inPackage, MANIFESTS } from "./dependents.ts";

/** One release whose files are written: a package of a monorepo, or the repository's (`.`). */
export interface ReleasedFiles {
  /** The package's folder from the repository root; `.` for the root or a single-package repository. */
  path: string;
  version: string;
  /** The release's notes, their heading first: what the changelog gets. */
  notes: string;
  /** Its settings: paths relative to the package's folder. */
  files: ReleaseFiles;
  /** How messages name its settings: `version-files`, `packages."packages/api".version-files`. */
  setting: string;
}

export interface ReleaseFilesRequest {
  /** The analysed commit: every file is read as it is there. */
  commit: string;
  releases: readonly ReleasedFiles[];
  /**
   * Every configured package's path, when the dependents' ranges are to be updated (a monorepo
   * with bump-dependents); empty otherwise.
   */
  dependents: readonly string[];
}

/**
 * What a release's files are, from its settings and decisions: the single release (`versions` is
 * its VersionResult) or every released package of a monorepo. The monorepo's dependents'
 * manifests are part of it when bump-dependents is on. Versions that release nothing are left out.
 */
export function releaseFilesRequest(
  settings: Pick<ReleaseSettings, "files" | "packages" | "bumpDependents">,
  versions: VersionResult | readonly PackageVersionResult[],
): ReleaseFilesRequest {
  const monorepo = Array.isArray(versions);
  const list: readonly VersionResult[] = monorepo ? versions : [versions as VersionResult];
  const releases = list.flatMap((v): ReleasedFiles[] => {
    if (!v.releaseNeeded || v.version === null) return [];
    const packagePath = monorepo ? (v as PackageVersionResult).path : ".";
    const own = monorepo ? settings.files.packages.get(packagePath) : settings.files.top;
    if (own === undefined || !writesFiles(own)) return [];
    const setting = monorepo ? `packages.${JSON.stringify(packagePath)}` : "";
    return [
      {
        path: packagePath,
        version: v.version,
        notes: v.notes,
        files: own,
        setting: `${setting}${setting ? "." : ""}version-files`,
      },
    ];
  });
  const dependents =
    monorepo && settings.bumpDependents && releases.length > 0
      ? (settings.packages ?? []).map((p) => p.path)
      : [];
  return { commit: list[0]?.sha ?? "", releases, dependents };
}

/** Whether any release of these settings writes files: then a release is a commit, then tags. */
export function releaseWritesFiles(settings: Pick<ReleaseSettings, "files" | "packages">): boolean {
  if (settings.packages === null) return writesFiles(settings.files.top);
  return [...settings.files.packages.values()].some(writesFiles);
}

/**
 * The file changes of the releases, in path order; empty when no release writes files. Throws
 * SG_VERSION_FILE, SG_VERSION_FILE_NOT_FOUND or SG_FILE_NOT_UTF8 before anything could be written.
 */
export async function releaseFileChanges(
  git: Pick<Git, "readStoredFiles" | "filesUnder">,
  request: ReleaseFilesRequest,
): Promise<FileChange[]> {
  const { commit, releases } = request;
  const wanted = new Set<string>();
  for (const r of releases) for (const f of filesOf(r)) wanted.add(f);
  for (const p of request.dependents) for (const m of MANIFESTS) wanted.add(inPackage(p, m.file));
  if (request.dependents.length > 0)
    for (const lock of [...WORKSPACE_LOCKS.map(([l]) => l), ROOT_CARGO]) wanted.add(lock);
  if (wanted.size === 0) return [];
  const stored = await git.readStoredFiles(commit, [...wanted]);
  const before = new Map([...stored].map(([file, s]) => [file, s?.text ?? null]));
  const after = new Map<string, string>();
  /** A file's text to edit: a file that is not UTF-8 is refused before its text is used. */
  const text = (file: string): string | null => {
    utf8Only(file, stored, commit);
    return after.get(file) ?? before.get(file) ?? null;
  };

  // 1. The dependents' ranges, first: their spans are the committed text's.
  const versions = new Map(releases.map((r) => [r.path, r.version]));
  const manifests = request.dependents.flatMap((p) =>
    MANIFESTS.flatMap((m) => {
      const file = inPackage(p, m.file);
      const t = before.get(file);
      return t == null ? [] : [readManifest({ packagePath: p, file, kind: m.kind, text: t })];
    }),
  );
  const names = packageNames(manifests);
  const lockRanges: LockRange[] = [];
  for (const m of withWorkspaceDependencies(manifests, before.get(ROOT_CARGO) ?? null)) {
    const rewritten = rewriteRanges(m, versions, names);
    if (rewritten !== m.text) {
      utf8Only(m.file, stored, commit);
      after.set(m.file, rewritten);
      if (m.kind === "npm") lockRanges.push(...npmRangesOf(m, readManifest({ ...m, text: rewritten })));
    }
  }

  // 2. Each release's version files and the lockfile entries they carry; 3. its changelog.
  const members = await inheritingMembers(git, commit, releases, text);
  for (const r of releases) {
    for (const relative of r.files.versionFiles) {
      const file = inPackage(r.path, relative);
      const current = text(file);
      if (current === null)
        throw shipguardError("SG_VERSION_FILE_NOT_FOUND", { file, setting: r.setting, commit });
      after.set(file, updaterFor(file)(current, r.version, { chartAppVersion: r.files.chartAppVersion }));
      for (const lock of locksOf(file, current, members.get(file) ?? [])) {
        const lockText = text(lock.file);
        if (lockText !== null && lock.applies(lockText))
          after.set(lock.file, updaterFor(lock.file)(lockText, r.version, { entries: [lock.entry] }));
      }
    }
    if (r.files.changelogFile !== null) {
      const file = inPackage(r.path, r.files.changelogFile);
      after.set(file, insertRelease(text(file), { version: r.version, notes: r.notes }));
    }
  }
  // 4. The workspace's lockfile: each rewritten range where it lists the same old one.
  for (const [lock, edit] of WORKSPACE_LOCKS) {
    const current = text(lock);
    if (lockRanges.length > 0 && current !== null) after.set(lock, edit(current, lockRanges));
  }

  return [...after]
    .filter(([file, t]) => t !== (before.get(file) ?? null))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, t]) => ({
      path: file,
      before: before.get(file) ?? null,
      after: t,
      mode: stored.get(file)?.mode === "100755" ? "100755" : "100644",
    }));
}

const ROOT_CARGO = "Cargo.toml";

/**
 * The manifests whose ranges are rewritten: the root Cargo.toml's read with its
 * `[workspace.dependencies]` (`core = { version = "1.0.0", path = "crates/core" }`), and added
 * with those alone when the root is no configured package.
 */
function withWorkspaceDependencies(manifests: readonly Manifest[], root: string | null): Manifest[] {
  const read = (m: ManifestText) => readManifest(m, { workspaceDependencies: true });
  const list = manifests.map((m) => (m.file === ROOT_CARGO ? read(m) : m));
  if (root === null || list.some((m) => m.file === ROOT_CARGO)) return list;
  const own = read({ packagePath: ".", file: ROOT_CARGO, kind: "cargo", text: root });
  const shared = own.dependencies.filter((d) => d.section === "workspace.dependencies");
  return shared.length === 0 ? list : [...list, { ...own, dependencies: shared }];
}

/**
 * For each released Cargo.toml holding a `[workspace.package].version`: the package names of the
 * members (`[workspace].members`, globs matched against the commit's tree) that inherit it with
 * `version.workspace = true`, read from the same commit. Their Cargo.lock entries follow it.
 */
async function inheritingMembers(
  git: Pick<Git, "readStoredFiles" | "filesUnder">,
  commit: string,
  releases: readonly ReleasedFiles[],
  text: (file: string) => string | null,
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of releases.flatMap((r) => r.files.versionFiles.map((f) => inPackage(r.path, f)))) {
    const current = path.posix.basename(file) === "Cargo.toml" ? text(file) : null;
    const workspace = current === null ? null : cargoWorkspaceMembers(current, file);
    if (workspace === null || found.has(file)) continue;
    const dir = path.posix.dirname(file);
    const listed = (await git.filesUnder(commit, dir)).map((f) =>
      dir === "." ? f : f.slice(dir.length + 1),
    );
    const manifests = matchCargoMembers(workspace, listed).map((m) => inPackage(dir, `${m}/Cargo.toml`));
    const stored = await git.readStoredFiles(commit, manifests);
    const names = manifests.flatMap((m) => {
      const t = stored.get(m)?.text;
      const name = t == null || !inheritsWorkspaceVersion(t, m) ? null : cargoPackageName(t, m);
      return name === null ? [] : [name];
    });
    found.set(file, names);
  }
  return found;
}

/** Throws SG_FILE_NOT_UTF8 for a file whose bytes are not UTF-8: its edit could not keep them. */
function utf8Only(file: string, stored: ReadonlyMap<string, StoredFile | null>, commit: string): void {
  const line = stored.get(file)?.notUtf8Line ?? null;
  if (line !== null) throw shipguardError("SG_FILE_NOT_UTF8", { file, line, commit });
}

/** Every file a release may touch, for the one read: its files and the lockfiles they may carry. */
function filesOf(r: ReleasedFiles): string[] {
  const files = r.files.versionFiles.map((f) => inPackage(r.path, f));
  const locks = files.flatMap((f) => {
    const dir = path.posix.dirname(f);
    const at = (name: string) => (dir === "." ? name : `${dir}/${name}`);
    const base = path.posix.basename(f);
    if (base === "package.json")
      return [at("package-lock.json"), at("npm-shrinkwrap.json"), "package-lock.json"];
    if (base === "Cargo.toml") return [at("Cargo.lock"), "Cargo.lock", f];
    if (base === "pyproject.toml") return [at("uv.lock"), "uv.lock"];
    return [];
  });
  return [
    ...files,
    ...locks,
    ...(r.files.changelogFile === null ? [] : [inPackage(r.path, r.files.changelogFile)]),
  ];
}

interface LockEntry {
  file: string;
  entry: string;
  /** Whether the lockfile has the entry at all (a root lockfile may not list the package). */
  applies: (text: string) => boolean;
}

/**
 * The lockfile entries a version file carries: package.json's lockfile next to it (its root entry)
 * and an npm workspace's root package-lock.json (`packages["packages/core"]`); Cargo.toml's entry
 * (by its package name) in the Cargo.lock next to it, else the workspace's at the root, and those
 * of the `members` that inherit a workspace root's version; pyproject.toml's own entry (by its
 * `[project].name`) in the uv.lock next to it, else the uv workspace's at the root.
 */
function locksOf(file: string, text: string, members: readonly string[]): LockEntry[] {
  const dir = path.posix.dirname(file);
  const at = (name: string) => (dir === "." ? name : `${dir}/${name}`);
  const base = path.posix.basename(file);
  const always = () => true;
  if (base === "package.json") {
    const locks: LockEntry[] = [
      { file: at("package-lock.json"), entry: "", applies: always },
      { file: at("npm-shrinkwrap.json"), entry: "", applies: always },
    ];
    if (dir !== ".")
      locks.push({ file: "package-lock.json", entry: dir, applies: (t) => hasLockEntry(t, dir) });
    return locks;
  }
  if (base === "Cargo.toml") {
    const own = readManifest({ packagePath: dir, file, kind: "cargo", text }).name;
    const lockFiles = dir === "." ? ["Cargo.lock"] : [at("Cargo.lock"), "Cargo.lock"];
    return [...new Set([...(own === null ? [] : [own]), ...members])].flatMap((name) =>
      lockFiles.map((lock) => ({
        file: lock,
        entry: name,
        applies: (t: string) => t.includes(`name = "${name}"`),
      })),
    );
  }
  if (base === "pyproject.toml") {
    const name = pyprojectName(text, file);
    if (name === null) return [];
    const named = (t: string) => t.includes(`name = "${normalizedPythonName(name)}"`);
    return (dir === "." ? ["uv.lock"] : [at("uv.lock"), "uv.lock"]).map((lock) => ({
      file: lock,
      entry: name,
      applies: named,
    }));
  }
  return [];
}

function hasLockEntry(text: string, key: string): boolean {
  const tree = parseTree(text);
  return tree !== undefined && findNodeAtLocation(tree, ["packages", key, "version"]) !== undefined;
}

/** The changes as one unified diff (`git diff` style), for a dry run. */
export function unifiedDiff(changes: readonly FileChange[]): string {
  return changes
    .map((c) =>
      createTwoFilesPatch(
        c.before === null ? "/dev/null" : `a/${c.path}`,
        `b/${c.path}`,
        c.before ?? "",
        c.after,
        undefined,
        undefined,
        { context: 3 },
      ).replace(/^=+\n/, ""),
    )
    .join("");
}

/** The release commit's message: `chore(release): 1.2.0`, or a monorepo's tags. */
export function releaseCommitMessage(
  released: readonly { version: string; tag: string }[],
  monorepo: boolean,
): string {
  const what = monorepo ? released.map((r) => r.tag).join(", ") : (released[0]?.version ?? "");
  return `chore(release): ${what}`;
}

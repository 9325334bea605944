/**
 * Which packages of a monorepo a commit belongs to, from the files it changes (README,
 * "Monorepos"). A file is claimed by the package whose folder is the deepest one containing it
 * (folders, not string prefixes: `packages/api` does not contain `packages/api-client/x`), and by
 * every package whose `extra-paths` match it. The root package `.` claims a file only when no other
 * package's folder contains it. `exclude-paths` take a file away from that package. A commit that
 * changes no file belongs to every package. Scopes never assign a commit.
 */
import { globToRegExp } from "./globs.ts";
import type { RawCommit } from "./types.ts";

/** A commit with the files it changes (a merge: against its first parent). */
export interface ChangedCommit extends RawCommit {
  files: string[];
}

export interface ClaimRules {
  /** Relative to the repository root, `/`-separated; `.` is the root package. */
  path: string;
  extraPaths: readonly string[];
  excludePaths: readonly string[];
}

export const ROOT_PATH = ".";

/** Distinct files remembered with their claims; a history with more starts the memory afresh. */
const MAX_REMEMBERED = 100_000;
const NONE: readonly number[] = Object.freeze([]);

/**
 * Globs as one regular expression. A glob that matches a folder matches everything in it too, so
 * `libs/shared` and `libs/shared/**` mean the same.
 */
export function compileGlobs(globs: readonly string[]): RegExp | null {
  if (globs.length === 0) return null;
  const inner = globs.map((glob) => globToRegExp(glob.replace(/\/+$/, "")).source.slice(1, -1));
  return new RegExp(`^(?:${inner.join("|")})(?:/.*)?$`);
}

/** The claim rules of every package, compiled once; answers which packages claim a commit. */
export class PackageClaims {
  private readonly byFolder = new Map<string, number>();
  private readonly root: number;
  private readonly extra: { index: number; match: RegExp }[] = [];
  private readonly exclude: (RegExp | null)[];
  private readonly remembered = new Map<string, readonly number[]>();
  /** Which commit last claimed each package: dedupes a commit's claims without a set per commit. */
  private readonly stamp: Uint32Array;
  private round = 0;
  private readonly claimed: number[] = [];
  private readonly all: readonly number[];

  constructor(packages: readonly ClaimRules[]) {
    this.root = packages.findIndex((p) => p.path === ROOT_PATH);
    packages.forEach((p, index) => {
      if (p.path !== ROOT_PATH) this.byFolder.set(p.path, index);
      const match = compileGlobs(p.extraPaths);
      if (match !== null) this.extra.push({ index, match });
    });
    this.exclude = packages.map((p) => compileGlobs(p.excludePaths));
    this.stamp = new Uint32Array(packages.length);
    this.all = Object.freeze(packages.map((_, i) => i));
  }

  /**
   * The packages (indices, ascending) that claim at least one of the files; every package for a
   * commit that changes none. The array is reused by the next call: copy it to keep it.
   */
  claim(files: readonly string[]): readonly number[] {
    if (files.length === 0) return this.all;
    if (files.length === 1) return this.claimFile(files[0]!);
    this.round++;
    const out = this.claimed;
    out.length = 0;
    for (const file of files) {
      for (const index of this.claimFile(file)) {
        if (this.stamp[index] === this.round) continue;
        this.stamp[index] = this.round;
        out.push(index);
      }
    }
    if (out.length > 1) out.sort((a, b) => a - b);
    return out;
  }

  /** The packages that claim one file, ascending. */
  claimFile(file: string): readonly number[] {
    const known = this.remembered.get(file);
    if (known !== undefined) return known;
    const claims = this.decide(file);
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(file, claims);
    return claims;
  }

  private decide(file: string): readonly number[] {
    const owner = this.folderOf(file);
    const out: number[] = [];
    const byPath = owner === -1 ? this.root : owner;
    if (byPath !== -1 && !this.excluded(byPath, file)) out.push(byPath);
    for (const { index, match } of this.extra) {
      if (index !== byPath && match.test(file) && !this.excluded(index, file)) out.push(index);
    }
    if (out.length === 0) return NONE;
    if (out.length > 1) out.sort((a, b) => a - b);
    return Object.freeze(out);
  }

  /** The package whose folder is the deepest one containing the file; -1 when none does. */
  private folderOf(file: string): number {
    for (let slash = file.lastIndexOf("/"); slash > 0; slash = file.lastIndexOf("/", slash - 1)) {
      const index = this.byFolder.get(file.slice(0, slash));
      if (index !== undefined) return index;
    }
    return -1;
  }

  private excluded(index: number, file: string): boolean {
    const match = this.exclude[index];
    return match?.test(file) === true;
  }
}

/**
 * The packages a `Release-As:` on a commit that changes no file applies to: those its scope names
 * (by component or path; `chore(api, web): pin` names two), or every package when it has no scope.
 * Indices ascending; empty when the scope names no package.
 */
export function releaseAsTargets(
  scope: string | null,
  packages: readonly { path: string; component: string }[],
): number[] {
  if (scope === null || scope.trim() === "") return packages.map((_, i) => i);
  const names = new Set(
    scope
      .split(",")
      .map((s) => normalizePath(s.trim()).toLowerCase())
      .filter((s) => s !== ""),
  );
  const out: number[] = [];
  packages.forEach((p, i) => {
    if (names.has(p.component.toLowerCase()) || names.has(p.path.toLowerCase())) out.push(i);
  });
  return out;
}

/** The message without its `Release-As:` lines (the title stays: a title is never a footer). */
export function withoutReleaseAs(message: string): string {
  const firstBreak = message.indexOf("\n");
  if (firstBreak === -1) return message;
  const body = message.slice(firstBreak).replace(/\n[ \t]*release-as:[^\n]*(?=\n|$)/gi, "");
  return message.slice(0, firstBreak) + body;
}

/** `./packages/api/` -> `packages/api`; `./` and `` -> `.`. */
export function normalizePath(path: string): string {
  const trimmed = path.replace(/^(?:\.\/)+/, "").replace(/\/+$/, "");
  return trimmed === "" || trimmed === "." ? ROOT_PATH : trimmed;
}

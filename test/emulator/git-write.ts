import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitPerson } from "./git-objects.ts";

/**
 * Writes real git objects into GitHub's copy of the repository: trees (Git Data API), commits, and
 * what a pull request's merge makes (a merge commit, a squash commit, replayed commits). Every
 * object is written with git itself, so a client fetching it gets exactly what it was told.
 * Synchronous, like GitRepository: a request is handled without yielding.
 */

export interface TreeEntryInput {
  path: string;
  mode: "100644" | "100755" | "040000" | "160000" | "120000";
  type?: "blob" | "tree" | "commit";
  /** An existing object; null deletes the path. */
  sha?: string | null;
  /** Inline content of a blob (UTF-8). */
  content?: string;
}

/** Why git could not do what was asked: the route turns it into GitHub's answer. */
export class GitWriteError extends Error {}

function git(dir: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  return execFileSync("git", ["-C", dir, ...args], {
    input: options.input,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

function tryGit(dir: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  try {
    return { ok: true as const, stdout: git(dir, args, options) };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false as const, stdout: failure.stdout ?? "", stderr: failure.stderr ?? String(error) };
  }
}

/**
 * Builds a tree from `base` (a tree sha, or none) and the entries, as POST git/trees does: paths
 * may be nested (folders are made), `content` makes a blob, `sha: null` deletes a file or folder.
 */
export function writeTree(dir: string, base: string | undefined, entries: TreeEntryInput[]): string {
  const scratch = mkdtempSync(join(tmpdir(), "shipguard-tree-"));
  const env = { GIT_INDEX_FILE: join(scratch, "index") };
  try {
    if (base) git(dir, ["read-tree", base], { env });
    else git(dir, ["read-tree", "--empty"], { env });
    const inline = entries.filter((entry) => entry.content !== undefined);
    const blobs = hashContents(dir, scratch, inline);
    const lines: string[] = [];
    for (const entry of entries) {
      const path = entry.path.replace(/^\/+|\/+$/g, "");
      if (entry.content !== undefined) {
        lines.push(`${entry.mode} ${blobs.get(entry) ?? ""}\t${path}`);
        continue;
      }
      if (entry.mode === "040000" || entry.sha === null) removePath(dir, env, path);
      if (entry.sha === null || entry.sha === undefined) continue;
      if (entry.mode === "040000") {
        git(dir, ["read-tree", `--prefix=${path}/`, entry.sha], { env });
      } else {
        lines.push(`${entry.mode} ${entry.sha}\t${path}`);
      }
    }
    if (lines.length > 0) {
      const result = tryGit(dir, ["update-index", "--add", "--index-info"], {
        env,
        input: `${lines.join("\n")}\n`,
      });
      if (!result.ok) throw new GitWriteError(result.stderr.trim());
    }
    return git(dir, ["write-tree"], { env }).trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One `hash-object` for every inline content, however many files. */
function hashContents(dir: string, scratch: string, entries: TreeEntryInput[]): Map<TreeEntryInput, string> {
  const blobs = new Map<TreeEntryInput, string>();
  if (entries.length === 0) return blobs;
  const files = entries.map((entry, index) => {
    const file = join(scratch, `blob-${index}`);
    writeFileSync(file, entry.content ?? "");
    return file;
  });
  const shas = git(dir, ["hash-object", "-w", "--stdin-paths"], { input: `${files.join("\n")}\n` })
    .trim()
    .split("\n");
  for (const [index, entry] of entries.entries()) blobs.set(entry, shas[index] ?? "");
  return blobs;
}

function removePath(dir: string, env: Record<string, string>, path: string): void {
  const listed = git(dir, ["ls-files", "-z", "--", path], { env })
    .split("\0")
    .filter((name) => name === path || name.startsWith(`${path}/`));
  if (listed.length === 0) return;
  git(dir, ["update-index", "--force-remove", "-z", "--stdin"], { env, input: `${listed.join("\0")}\0` });
}

function personLine(role: "author" | "committer", person: GitPerson): string {
  const seconds = Math.floor(Date.parse(person.date) / 1000);
  const match = person.date.match(/([+-])(\d{2}):?(\d{2})$/);
  const offset = match ? `${match[1]}${match[2]}${match[3]}` : "+0000";
  return `${role} ${person.name} <${person.email}> ${seconds} ${offset}`;
}

/** Writes a commit object exactly as given (the message byte for byte) and returns its sha. */
export function writeCommit(
  dir: string,
  input: { tree: string; parents: string[]; author: GitPerson; committer: GitPerson; message: string },
): string {
  const text =
    `tree ${input.tree}\n${input.parents.map((parent) => `parent ${parent}\n`).join("")}` +
    `${personLine("author", input.author)}\n${personLine("committer", input.committer)}\n\n${input.message}`;
  return git(dir, ["hash-object", "-t", "commit", "-w", "--stdin"], { input: text }).trim();
}

/**
 * The tree of merging `theirs` into `ours` (git merge-tree --write-tree, content merges included);
 * with `base`, a three-way merge of trees on that base (a cherry-pick passes the picked commit's
 * parent; git 2.39 has no `merge-tree --merge-base`), which resolves whole files only. A conflict
 * is a GitWriteError.
 */
export function mergeTrees(dir: string, ours: string, theirs: string, base?: string): string {
  if (base === undefined) {
    const result = tryGit(dir, ["merge-tree", "--write-tree", "--no-messages", ours, theirs]);
    if (!result.ok) throw new GitWriteError(`merge conflict between ${ours} and ${theirs}`);
    return result.stdout.trim().split("\n")[0] ?? "";
  }
  const scratch = mkdtempSync(join(tmpdir(), "shipguard-merge-"));
  const env = { GIT_INDEX_FILE: join(scratch, "index") };
  try {
    git(dir, ["read-tree", "-m", "-i", "--aggressive", base, ours, theirs], { env });
    const tree = tryGit(dir, ["write-tree"], { env });
    if (!tree.ok) throw new GitWriteError(`merge conflict between ${ours} and ${theirs}`);
    return tree.stdout.trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The commits of `head` that `base` lacks, oldest first. */
export function commitsBetween(dir: string, base: string, head: string): string[] {
  const out = tryGit(dir, ["rev-list", "--reverse", "--topo-order", `${base}..${head}`]);
  return out.ok ? out.stdout.split("\n").filter((line) => line.length > 0) : [];
}

export interface TreeListing {
  path: string;
  mode: string;
  type: string;
  sha: string;
  size?: number;
}

/** The entries of one tree (not recursive), as `git ls-tree -l` lists them. */
export function listTree(dir: string, tree: string): TreeListing[] {
  return git(dir, ["ls-tree", "-l", "-z", tree])
    .split("\0")
    .filter((line) => line.length > 0)
    .map((line) => {
      const [meta = "", path = ""] = line.split("\t");
      const [mode = "", type = "", sha = "", size = "-"] = meta.split(/\s+/);
      return { path, mode, type, sha, ...(size === "-" ? {} : { size: Number(size) }) };
    });
}

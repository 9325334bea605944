import { execFileSync } from "node:child_process";

/** The kind of a git object, as `git cat-file -t` names it. */
export type ObjectType = "commit" | "tag" | "tree" | "blob";

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601, as GitHub shows it. */
  date: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
}

export interface TagInfo {
  sha: string;
  tag: string;
  object: string;
  type: ObjectType;
  tagger: GitPerson;
  message: string;
}

export interface ChangedFile {
  filename: string;
  previousFilename?: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed";
  additions: number;
  deletions: number;
  /** Blob of the file after the commit (before it, for a removal). */
  blob: string;
}

export interface RefEntry {
  ref: string;
  sha: string;
  type: ObjectType;
}

interface RunResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

const STATUS_NAMES: Record<string, ChangedFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

/**
 * GitHub's copy of the repository: a real git repository on disk. Refs and annotated tags written
 * through the API are written here, so a clone of it sees what "GitHub" has. Calls are synchronous on
 * purpose: a request is handled start to finish without yielding, which makes every write atomic the
 * way GitHub's per-ref locking is.
 */
export class GitRepository {
  readonly dir: string;
  // Objects never change, so what was read about one can be kept.
  private readonly commits = new Map<string, CommitInfo>();
  private readonly changes = new Map<string, ChangedFile[]>();

  constructor(dir: string) {
    this.dir = dir;
  }

  private run(args: string[], input?: string): RunResult {
    try {
      const stdout = execFileSync("git", ["-C", this.dir, ...args], {
        input,
        encoding: "utf8",
        stdio: ["pipe", "pipe", "pipe"],
        env: { ...process.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0" },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { ok: true, stdout, stderr: "" };
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      return { ok: false, stdout: failure.stdout ?? "", stderr: failure.stderr ?? String(error) };
    }
  }

  private must(args: string[], input?: string): string {
    const result = this.run(args, input);
    if (!result.ok) throw new Error(`git ${args.join(" ")} failed: ${result.stderr.trim()}`);
    return result.stdout;
  }

  objectType(sha: string): ObjectType | undefined {
    if (!/^[0-9a-f]{4,40}$/i.test(sha)) return undefined;
    const result = this.run(["cat-file", "-t", sha]);
    return result.ok ? (result.stdout.trim() as ObjectType) : undefined;
  }

  /** Full object name of an abbreviated or full sha, if such an object exists. */
  expandSha(sha: string): string | undefined {
    if (!/^[0-9a-f]{4,40}$/i.test(sha)) return undefined;
    const result = this.run(["rev-parse", "--verify", "--quiet", `${sha}^{object}`]);
    return result.ok ? result.stdout.trim() : undefined;
  }

  /** The commit an object (commit or tag, peeled) stands for. */
  peelToCommit(sha: string): string | undefined {
    const result = this.run(["rev-parse", "--verify", "--quiet", `${sha}^{commit}`]);
    return result.ok ? result.stdout.trim() : undefined;
  }

  /** The object a full ref name points at, without peeling. */
  readRef(ref: string): string | undefined {
    const result = this.run(["show-ref", "--verify", "--hash", "--", ref]);
    return result.ok ? result.stdout.trim() : undefined;
  }

  listRefs(): RefEntry[] {
    const out = this.must(["for-each-ref", "--format=%(refname)%00%(objectname)%00%(objecttype)", "refs/"]);
    return out
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => {
        const [ref = "", sha = "", type = ""] = line.split("\0");
        return { ref, sha, type: type as ObjectType };
      });
  }

  /** Like `git check-ref-format`: is this a well-formed full ref name? */
  isValidRefName(ref: string): boolean {
    // Always a full name ("refs/..."), so it cannot be mistaken for an option.
    if (!ref.startsWith("refs/") || ref.includes("\0")) return false;
    return this.run(["check-ref-format", ref]).ok;
  }

  /** Creates a ref that must not exist yet; false when git refuses (exists, or a D/F conflict). */
  createRef(ref: string, sha: string): boolean {
    return this.run(["update-ref", "--no-deref", ref, sha, "0".repeat(40)]).ok;
  }

  updateRef(ref: string, sha: string): boolean {
    return this.run(["update-ref", "--no-deref", ref, sha]).ok;
  }

  deleteRef(ref: string): boolean {
    return this.run(["update-ref", "--no-deref", "-d", ref]).ok;
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    return this.run(["merge-base", "--is-ancestor", ancestor, descendant]).ok;
  }

  /** Writes an annotated tag object, the way `git mktag` would, and returns its sha. */
  writeTag(input: {
    tag: string;
    object: string;
    type: ObjectType;
    message: string;
    tagger: GitPerson;
  }): string {
    const seconds = Math.floor(Date.parse(input.tagger.date) / 1000);
    const offset = timezoneOffset(input.tagger.date);
    const text =
      `object ${input.object}\ntype ${input.type}\ntag ${input.tag}\n` +
      `tagger ${input.tagger.name} <${input.tagger.email}> ${seconds} ${offset}\n\n${input.message}`;
    return this.must(["hash-object", "-t", "tag", "-w", "--stdin"], text).trim();
  }

  readTag(sha: string): TagInfo | undefined {
    if (this.objectType(sha) !== "tag") return undefined;
    const text = this.must(["cat-file", "tag", sha]);
    const split = text.indexOf("\n\n");
    const header = split === -1 ? text : text.slice(0, split);
    const message = split === -1 ? "" : text.slice(split + 2);
    const fields = new Map<string, string>();
    for (const line of header.split("\n")) {
      const space = line.indexOf(" ");
      if (space > 0) fields.set(line.slice(0, space), line.slice(space + 1));
    }
    return {
      sha: this.must(["rev-parse", sha]).trim(),
      tag: fields.get("tag") ?? "",
      object: fields.get("object") ?? "",
      type: (fields.get("type") ?? "commit") as ObjectType,
      tagger: parsePerson(fields.get("tagger") ?? ""),
      message,
    };
  }

  readCommit(sha: string): CommitInfo | undefined {
    const known = this.commits.get(sha);
    if (known) return known;
    const commit = this.peelToCommit(sha);
    if (!commit) return undefined;
    return this.commits.get(commit) ?? this.loadCommit(commit);
  }

  private loadCommit(commit: string): CommitInfo {
    const out = this.must([
      "show",
      "-s",
      "--format=%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B",
      commit,
    ]);
    const [
      full = "",
      tree = "",
      parents = "",
      an = "",
      ae = "",
      ad = "",
      cn = "",
      ce = "",
      cd = "",
      ...rest
    ] = out.split("\0");
    const info: CommitInfo = {
      sha: full,
      tree,
      parents: parents.split(" ").filter((parent) => parent.length > 0),
      author: { name: an, email: ae, date: toUtc(ad) },
      committer: { name: cn, email: ce, date: toUtc(cd) },
      message: rest.join("\0").replace(/\n+$/, ""),
    };
    this.commits.set(full, info);
    return info;
  }

  /** Files a commit changes against its first parent (everything, for a root commit). */
  changedFiles(commit: string): ChangedFile[] {
    const info = this.readCommit(commit);
    if (!info) return [];
    const known = this.changes.get(info.sha);
    if (known) return known;
    const range = info.parents[0] ? [info.parents[0], info.sha] : ["--root", info.sha];
    const raw = this.must(["diff-tree", "-r", "-M", "--no-commit-id", "--raw", "-z", ...range]).split("\0");
    const numstat = this.must(["diff-tree", "-r", "-M", "--no-commit-id", "--numstat", "-z", ...range]).split(
      "\0",
    );
    const files: ChangedFile[] = [];
    for (let i = 0; i < raw.length; ) {
      const meta = raw[i++] ?? "";
      if (!meta.startsWith(":")) continue;
      const [, , oldBlob = "", newBlob = "", code = ""] = meta.slice(1).split(" ");
      const letter = code.charAt(0);
      const twoPaths = letter === "R" || letter === "C";
      const first = raw[i++] ?? "";
      const second = twoPaths ? (raw[i++] ?? "") : undefined;
      files.push({
        filename: second ?? first,
        previousFilename: twoPaths ? first : undefined,
        status: STATUS_NAMES[letter] ?? "changed",
        additions: 0,
        deletions: 0,
        blob: letter === "D" ? oldBlob : newBlob,
      });
    }
    // numstat: "added\tdeleted\tpath" or, for a rename, "added\tdeleted\t" followed by two paths.
    let index = 0;
    for (let i = 0; i < numstat.length && index < files.length; ) {
      const entry = numstat[i++] ?? "";
      if (entry.length === 0) continue;
      const [added = "0", deleted = "0", path = ""] = entry.split("\t");
      if (path === "") i += 2;
      const file = files[index++];
      if (!file) break;
      file.additions = Number.parseInt(added, 10) || 0;
      file.deletions = Number.parseInt(deleted, 10) || 0;
    }
    this.changes.set(info.sha, files);
    return files;
  }

  /** A file's content at a revision, if it exists there. */
  readFile(rev: string, path: string): string | undefined {
    const result = this.run(["cat-file", "-p", `${rev}:${path}`]);
    return result.ok ? result.stdout : undefined;
  }

  /** The object id of a path at a revision (a tree for a folder), if the path exists there. */
  pathSha(rev: string, path: string): string | undefined {
    const result = this.run(["rev-parse", "--verify", "--quiet", `${rev}:${path}`]);
    return result.ok ? result.stdout.trim() : undefined;
  }

  /** The branch HEAD names (the default branch of a fresh clone). */
  headBranch(): string | undefined {
    const result = this.run(["symbolic-ref", "--quiet", "--short", "HEAD"]);
    return result.ok ? result.stdout.trim() : undefined;
  }
}

function toUtc(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function timezoneOffset(iso: string): string {
  const match = iso.match(/([+-])(\d{2}):?(\d{2})$/);
  return match ? `${match[1]}${match[2]}${match[3]}` : "+0000";
}

/** Parses "Name <email> 1700000000 +0200" into a person with an ISO date (UTC). */
function parsePerson(text: string): GitPerson {
  const match = text.match(/^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/);
  if (!match) return { name: text, email: "", date: new Date(0).toISOString().replace(/\.\d{3}Z$/, "Z") };
  const seconds = Number(match[3]);
  return {
    name: match[1] ?? "",
    email: match[2] ?? "",
    date: new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

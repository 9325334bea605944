/**
 * Builds a replay plan as a real git repository in one `git fast-import` run: one commit per
 * synthetic commit, in plan order, each changing `<package>/replay.txt` in every package it
 * belongs to. Then `goTo(i)` makes release point i the HEAD of `main` and creates the tags of
 * every earlier point (never of a later one, so no future tag is visible), in one
 * `git update-ref --stdin`.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { commitMessage, type ReplayPlan, type SyntheticCommit } from "./plan.ts";

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: os.tmpdir() };
const IDENTITY = "Replay <replay@example.invalid>";
const DAY = 86_400;

/** The file a package's synthetic commits change. */
export function replayFile(packagePath: string): string {
  return packagePath === "." ? "replay.txt" : `${packagePath}/replay.txt`;
}

export class ReplayRepo {
  readonly dir: string;
  readonly plan: ReplayPlan;
  /** HEAD's commit at each release point. */
  readonly heads: string[];
  /** The commit of each synthetic commit, by its short SHA in the facts. */
  readonly commitOf: Map<string, string>;
  private tagged = 0;

  private constructor(dir: string, plan: ReplayPlan, heads: string[], commitOf: Map<string, string>) {
    this.dir = dir;
    this.plan = plan;
    this.heads = heads;
    this.commitOf = commitOf;
  }

  static build(dir: string, plan: ReplayPlan): ReplayRepo {
    git(dir, ["init", "-q", "-b", "main"]);
    const marks = path.join(dir, ".git", "replay-marks");
    const { stream, markAt, markOf } = fastImportStream(plan);
    git(dir, ["fast-import", "--quiet", "--done", `--export-marks=${marks}`], stream);
    const shaOf = new Map<number, string>();
    for (const line of readFileSync(marks, "utf8").split("\n")) {
      const [mark, sha] = line.split(" ");
      if (mark !== undefined && sha !== undefined) shaOf.set(Number(mark.slice(1)), sha);
    }
    const commitOf = new Map([...markOf].map(([short, mark]) => [short, shaOf.get(mark)!]));
    const repo = new ReplayRepo(
      dir,
      plan,
      markAt.map((mark) => shaOf.get(mark)!),
      commitOf,
    );
    git(dir, ["update-ref", "refs/heads/main", repo.heads[0]!]);
    return repo;
  }

  /** The tags made at release point `index`. */
  tagsAt(index: number): string[] {
    return this.plan.points[index]!.releases.flatMap((release) =>
      release.tag === null ? [] : [release.tag],
    );
  }

  /** Moves `main` to release point `index` (forward only) with the tags of every earlier point. */
  goTo(index: number): void {
    if (index < this.tagged)
      throw new Error(`the replay moves forward only (at ${this.tagged}, asked ${index})`);
    const lines: string[] = [];
    for (; this.tagged < index; this.tagged++) {
      for (const tag of this.tagsAt(this.tagged))
        lines.push(`create refs/tags/${tag} ${this.heads[this.tagged]}`);
    }
    if (index < this.heads.length) lines.push(`update refs/heads/main ${this.heads[index]}`);
    git(this.dir, ["update-ref", "--stdin"], `${lines.join("\n")}\n`);
  }
}

function git(dir: string, args: string[], input?: string): string {
  return execFileSync("git", args, { cwd: dir, env: GIT_ENV, input, encoding: "utf8", maxBuffer: 64 << 20 });
}

function fastImportStream(plan: ReplayPlan): {
  stream: string;
  markAt: number[];
  markOf: Map<string, number>;
} {
  const out: string[] = [];
  const markOf = new Map<string, number>();
  const firstDay = plan.points.find((point) => point.date !== null)?.date ?? "2000-01-01";
  let clock = dayStart(firstDay) - 10 * DAY;
  let mark = 1;
  out.push(commitBlock(mark, clock, "Start the replay\n", [["replay-start.txt", "start\n"]]));
  const markAt = plan.points.map((point) => {
    for (const commit of point.commits) {
      clock = Math.max(clock + 60, point.date === null ? 0 : dayStart(point.date));
      mark++;
      markOf.set(commit.sha, mark);
      out.push(commitBlock(mark, clock, commitMessage(commit), files(commit)));
    }
    return mark;
  });
  out.push("done\n");
  return { stream: out.join(""), markAt, markOf };
}

function files(commit: SyntheticCommit): [string, string][] {
  return commit.paths.map((packagePath) => [replayFile(packagePath), `${commit.sha}\n`]);
}

function commitBlock(mark: number, time: number, message: string, changes: [string, string][]): string {
  const parts = [
    "commit refs/heads/main",
    `mark :${mark}`,
    `author ${IDENTITY} ${time} +0000`,
    `committer ${IDENTITY} ${time} +0000`,
    data(message),
  ];
  for (const [file, content] of changes) parts.push(`M 100644 inline ${file}`, data(content));
  return `${parts.join("\n")}\n`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}`;
}

function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

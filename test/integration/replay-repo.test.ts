/**
 * The replay builder (test/helpers/replay/repo.ts), checked with plain git: the commits in plan
 * order with increasing dates on or after their release day, each changing the files of the
 * packages that list it, and `goTo` showing exactly the tags of the earlier release points.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFacts } from "../helpers/replay/facts.ts";
import { planReplay, type ReplayPlan } from "../helpers/replay/plan.ts";
import { ReplayRepo, replayFile } from "../helpers/replay/repo.ts";

const FACTS = `project demo
source owner/demo
package packages/api api-v
1.0.0 -
1.0.1 2024-03-01 fix:aaaaaaa fix:bbbbbbb
1.1.0 2024-03-01 feat:ccccccc
package packages/api/client client-v
0.1.0 2024-02-01
0.2.0 2024-03-05 fix:aaaaaaa chore:ddddddd/as
package . v
3.0.0 2024-01-01
`;

let dir: string;
let plan: ReplayPlan;
let repo: ReplayRepo;

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
}

/** `<tag> <commit>` for every tag, sorted. */
function tags(): string[] {
  const out = git("for-each-ref", "--format=%(refname:short) %(objectname)", "refs/tags");
  return out === "" ? [] : out.split("\n").sort();
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-replay-repo-"));
  plan = planReplay(parseFacts(FACTS));
  repo = ReplayRepo.build(dir, plan);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the replay repository", () => {
  it("has one commit per listed commit, in plan order, after a start commit, with increasing dates", () => {
    const log = git("log", "--reverse", "--format=%s|%ct|%cI", "refs/heads/main", ...repo.heads.slice(-1))
      .split("\n")
      .map((line) => line.split("|"));
    expect(log.map(([subject]) => subject)).toEqual([
      "Start the replay",
      "fix: change aaaaaaa",
      "fix: change bbbbbbb",
      "feat: change ccccccc",
      "chore: change ddddddd",
    ]);
    const times = log.map(([, time]) => Number(time));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
    expect(log.slice(1, 4).every(([, , iso]) => iso!.startsWith("2024-03-01"))).toBe(true);
    expect(log[4]![2]!.startsWith("2024-03-05")).toBe(true);
  });

  it("changes the file of every package that lists a commit, and only those", () => {
    const changed = (short: string) =>
      git("show", "--name-only", "--format=", repo.commitOf.get(short)!).split("\n").sort();
    expect(changed("aaaaaaa")).toEqual(["packages/api/client/replay.txt", "packages/api/replay.txt"]);
    expect(changed("ccccccc")).toEqual(["packages/api/replay.txt"]);
    expect(replayFile(".")).toBe("replay.txt");
  });

  it("carries Release-As in the body of a commit that asked for a version", () => {
    expect(git("log", "-1", "--format=%B", repo.commitOf.get("ddddddd")!)).toBe(
      "chore: change ddddddd\n\nRelease-As: 0.2.0",
    );
  });

  it("moves main forward point by point, with exactly the tags of the earlier points", () => {
    expect(plan.points.map((point) => point.releases.map((r) => r.tag))).toEqual([
      ["api-v1.0.0"],
      ["v3.0.0"],
      ["client-v0.1.0"],
      ["api-v1.0.1"],
      ["api-v1.1.0"],
      ["client-v0.2.0"],
    ]);
    expect(git("rev-parse", "HEAD")).toBe(repo.heads[0]);
    expect(tags()).toEqual([]);

    repo.goTo(3);
    expect(git("rev-parse", "HEAD")).toBe(repo.heads[3]);
    expect(git("symbolic-ref", "HEAD")).toBe("refs/heads/main");
    expect(git("log", "-1", "--format=%s")).toBe("fix: change bbbbbbb");
    const start = repo.heads[0]!;
    expect(tags()).toEqual([`api-v1.0.0 ${start}`, `client-v0.1.0 ${start}`, `v3.0.0 ${start}`]);

    repo.goTo(5);
    expect(git("log", "-1", "--format=%s")).toBe("chore: change ddddddd");
    expect(tags()).toContain(`api-v1.0.1 ${repo.heads[3]}`);
    expect(tags()).toContain(`api-v1.1.0 ${repo.heads[4]}`);
    expect(tags()).not.toContain(`client-v0.2.0 ${repo.heads[5]}`);
    expect(git("tag", "--merged", "HEAD").split("\n")).toHaveLength(5);

    expect(() => repo.goTo(4)).toThrow("forward only");
    repo.goTo(plan.points.length);
    expect(tags()).toContain(`client-v0.2.0 ${repo.heads[5]}`);
  });
});

/** The bundled CLI, run as a user runs it: `node dist/cli.js ...`. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestRepo } from "../helpers/git-repo.ts";
import { ROOT } from "../helpers/run-action.ts";

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "dist/cli.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let repo: TestRepo;
beforeAll(() => {
  repo = new TestRepo();
  repo.commit("feat: first");
  repo.tag("v2.0.0");
  repo.commit("perf(db): faster query");
});
afterAll(() => repo.remove());

describe("shipguard CLI", () => {
  it("--version prints the package version", () => {
    const r = cli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("every flag of every command's help is one line, and none says the wrong command's purpose", () => {
    for (const command of ["version", "release", "deploy", "smoke", "rollback", "demo"]) {
      const help = cli([command, "--help"]).stdout;
      const flags = help.slice(help.indexOf("\nFlags:\n")).split("\n").slice(2);
      // Each flag line starts with two spaces and `--`: a raw newline in a default would not.
      for (const line of flags.filter((l) => l.trim() !== "")) expect(line, command).toMatch(/^ {2}--/);
    }
    expect(cli(["rollback", "--help"]).stdout).toContain(
      "(default: migrations/**, db/migrate/**, **/migrations/**)",
    );
    expect(cli(["deploy", "--help"]).stdout).not.toContain("repository to release in");
  });

  it("--help and <command> --help list commands and flags", () => {
    expect(cli(["--help"]).stdout).toContain("version");
    const help = cli(["version", "--help"]);
    expect(help.code).toBe(0);
    for (const flag of [
      "--tag-prefix",
      "--release-rules",
      "--initial-version",
      "--prerelease",
      "--cwd",
      "--json",
    ]) {
      expect(help.stdout).toContain(flag);
    }
  });

  it("version --json prints one object with the documented fields", () => {
    const r = cli(["version", "--cwd", repo.dir, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      version: "2.0.1",
      previousVersion: "2.0.0",
      tag: "v2.0.1",
      previousTag: "v2.0.0",
      bump: "patch",
      releaseNeeded: true,
      commitCount: 1,
    });
    expect(json.notes).toContain("faster query");
  });

  it("version prints a short summary without --json, and works from inside the repository", () => {
    const r = cli(["version"], repo.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Next version: v2.0.1 (patch)");
  });

  it("no release needed is still exit 0 with version null", () => {
    const r2 = new TestRepo();
    try {
      r2.commit("chore: nothing");
      const r = cli(["version", "--cwd", r2.dir, "--json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ version: null, releaseNeeded: false, bump: "none" });
    } finally {
      r2.remove();
    }
  });

  it("bad input exits non-zero with the input, the value and the remedy", () => {
    const r = cli(["version", "--cwd", repo.dir, "--release-rules", "feat=minor\nfix patch"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("release-rules");
    expect(r.stderr).toContain("fix patch");
    expect(r.stderr).toContain("line 2");
    expect(r.stderr).toContain("Fix:");
  });

  it("an unknown flag or command is named", () => {
    expect(cli(["version", "--tagprefix", "v"]).stderr).toContain("--tagprefix");
    expect(cli(["versoin"]).stderr).toContain("versoin");
  });

  it("outside a git repository: non-zero exit and a clear message", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sg-cli-nogit-"));
    const r = cli(["version", "--cwd", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not inside a git repository");
  });
});

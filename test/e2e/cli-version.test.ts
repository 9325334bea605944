/** The bundled CLI, run as a user runs it: `node dist/cli.js ...`. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
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
      const block = help.slice(help.indexOf("\nFlags:\n") + "\nFlags:\n".length);
      const flags = block
        .slice(0, block.indexOf("\n\n") === -1 ? undefined : block.indexOf("\n\n"))
        .split("\n");
      expect(flags.length, command).toBeGreaterThan(2);
      // Each flag line starts with two spaces and `--`: a raw newline in a default would not.
      for (const line of flags.filter((l) => l !== "")) expect(line, command).toMatch(/^ {2}--/);
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

  it("says each warning once (issue 18, item 28): in the log, not again in the text", () => {
    const r2 = new TestRepo();
    try {
      r2.commit("feat: first");
      r2.tag("v1.0.0");
      // v1.1.0 on a branch HEAD never sees: fix: on main would give 1.0.1, below nothing, but
      // feat: gives 1.1.0, which exists, so the version moves past it with a warning.
      r2.git("checkout", "-q", "-b", "side");
      r2.commit("feat: elsewhere");
      r2.tag("v1.1.0");
      r2.git("checkout", "-q", "-");
      r2.commit("feat: second");
      const r = cli(["version", "--cwd", r2.dir]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Next version: v1.2.0");
      const said = `${r.stdout}${r.stderr}`.split("would not be above the existing tag v1.1.0").length - 1;
      expect(said, `${r.stdout}${r.stderr}`).toBe(1);
    } finally {
      r2.remove();
    }
  });

  it("takes --json before the command, and --json=false (issue 18, item 29)", () => {
    const before = cli(["--json", "version", "--cwd", repo.dir]);
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ tag: "v2.0.1" });
    const off = cli(["version", "--cwd", repo.dir, "--json=false"]);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toContain("Next version: v2.0.1 (patch)");
    const bad = cli(["version", "--cwd", repo.dir, "--json=maybe"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Invalid --json: "maybe"');
  });

  it("deploy --help lists every SHIPGUARD_* variable its commands get; incident and rollback say what is theirs", () => {
    const source = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? source(path.join(dir, e.name)) : [readFileSync(path.join(dir, e.name), "utf8")],
      );
    // Every SHIPGUARD_* name in the sources but the one shipguard itself reads.
    const given = new Set(
      source(path.join(ROOT, "src")).flatMap((text) => text.match(/SHIPGUARD_[A-Z_]+/g) ?? []),
    );
    given.delete("SHIPGUARD_LOCK_WAIT_SECONDS");
    const deploy = cli(["deploy", "--help"]).stdout;
    const rollback = cli(["rollback", "--help"]).stdout;
    for (const name of given) expect(`${deploy}${rollback}`, name).toContain(`  ${name} `);
    for (const name of ["SHIPGUARD_TRAFFIC_PERCENT", "SHIPGUARD_VERSION", "SHIPGUARD_RELEASE_DIR"])
      expect(deploy).toContain(`  ${name} `);
    expect(rollback).toContain("  SHIPGUARD_ROLLBACK_REASON ");
    expect(cli(["incident", "--help"]).stdout).toContain(".shipguard/incidents/<incident id>.md");
    const force = rollback.split("\n").find((line) => line.startsWith("  --force"));
    expect(force).toContain("rollback that did not succeed");
    expect(force).not.toContain("require-verified-in");
  });

  it("outside a git repository: non-zero exit and a clear message", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sg-cli-nogit-"));
    const r = cli(["version", "--cwd", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not inside a git repository");
  });
});

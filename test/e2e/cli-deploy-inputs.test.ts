/**
 * The inputs of `deploy` and `rollback` on the built CLI, with the local ledger (issue 18): the
 * tag prefix finds a version's tag on both commands; a version is SemVer and its tag exists as
 * written, or nothing happens; environment names are case-insensitive and have no comma; what a
 * command prints reaches the terminal without bidirectional controls.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { TestRepo } from "../helpers/git-repo.ts";
import { runCli } from "../helpers/run-cli.ts";

const LOG_DEPLOY = 'echo "$SHIPGUARD_ENVIRONMENT $SHIPGUARD_TAG $SHIPGUARD_SHA" >> deploys.log';

/** A repository with one commit per version, each tagged `<prefix><version>`. */
function project(ctx: TestContext, prefix: string, versions: string[]) {
  const repo = new TestRepo();
  ctx.onTestFinished(() => repo.remove());
  const shas: Record<string, string> = {};
  for (const v of versions) {
    shas[v] = repo.commit(`feat: ${v}`);
    repo.tag(`${prefix}${v}`);
  }
  const log = path.join(repo.dir, "deploys.log");
  const deployed = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
  const ledger = path.join(repo.dir, ".shipguard", "deployments.jsonl");
  const run = (args: string[]) => runCli(repo.dir, [...args, "--deploy-command", LOG_DEPLOY, "--json"]);
  /** Runs a command that must be refused, saying each of `says`, with nothing deployed or recorded. */
  const refused = async (args: string[], ...says: string[]) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    for (const text of says) expect(r.stderr).toContain(text);
    expect(deployed()).toEqual([]);
    expect(existsSync(ledger)).toBe(false);
  };
  return { repo, shas, deployed, ledger, run, refused };
}

describe.concurrent("--tag-prefix on deploy and rollback", () => {
  it("deploy finds <prefix><version>; rollback reads to-version with the prefix and finds its tag", async (ctx) => {
    const p = project(ctx, "rel-", ["1.0.0", "1.1.0", "1.2.0"]);
    /** A command on staging with the tag prefix `rel-`, which must succeed: its --json. */
    const ok = async (command: string, ...args: string[]) => {
      const r = await p.run([command, "--environment", "staging", "--tag-prefix", "rel-", ...args]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as unknown;
    };
    expect(await ok("deploy", "--version", "1.0.0")).toMatchObject({
      version: "1.0.0",
      tag: "rel-1.0.0",
      sha: p.shas["1.0.0"],
    });
    expect(await ok("deploy", "--version", "rel-1.1.0")).toMatchObject({
      version: "1.1.0",
      tag: "rel-1.1.0",
    });
    expect(await ok("rollback", "--reason", "bad", "--to-version", "rel-1.0.0")).toMatchObject({
      status: "success",
      rolledBackTo: { version: "1.0.0" },
    });
    // A forced rollback to a version never deployed there looks its tag up with the prefix.
    expect(await ok("rollback", "--reason", "try 1.2.0", "--to-version", "1.2.0", "--force")).toMatchObject({
      rolledBackTo: { version: "1.2.0", tag: "rel-1.2.0", sha: p.shas["1.2.0"] },
    });
    expect(p.deployed()).toEqual([
      `staging rel-1.0.0 ${p.shas["1.0.0"]}`,
      `staging rel-1.1.0 ${p.shas["1.1.0"]}`,
      `staging rel-1.0.0 ${p.shas["1.0.0"]}`,
      `staging rel-1.2.0 ${p.shas["1.2.0"]}`,
    ]);
  });

  it("deploy --help and rollback --help list --tag-prefix", async (ctx) => {
    const p = project(ctx, "v", ["1.0.0"]);
    for (const command of ["deploy", "rollback"]) {
      const help = await runCli(p.repo.dir, [command, "--help"]);
      expect(help.stdout).toMatch(/--tag-prefix +What stands before the version/);
    }
  });
});

describe.concurrent("deploy --version is SemVer, and its tag exists as written", () => {
  it("1.2.0~1 (a revision, not a version) is refused naming the input, the value and `ref`: nothing deployed or recorded", async (ctx) => {
    const p = project(ctx, "v", ["1.1.0", "1.2.0"]);
    await p.refused(
      ["deploy", "--environment", "staging", "--version", "1.2.0~1"],
      'SG_INPUT_INVALID: Invalid version: "1.2.0~1". Expected a SemVer version',
      "set `ref` instead",
    );
  });

  it("a version whose tag is missing is refused with SG_TAG_MISSING, nothing deployed or recorded", async (ctx) => {
    const p = project(ctx, "v", ["1.1.0"]);
    await p.refused(
      ["deploy", "--environment", "staging", "--version", "1.3.0"],
      "SG_TAG_MISSING: The tag v1.3.0 of version 1.3.0 does not exist",
    );
  });
});

describe.concurrent("environment-url is an absolute http(s) URL", () => {
  it("a bare host is refused naming the input, the value and the remedy, before anything is deployed or recorded", async (ctx) => {
    const p = project(ctx, "v", ["1.0.0"]);
    const args = ["deploy", "--environment", "staging", "--version", "1.0.0"];
    await p.refused(
      [...args, "--environment-url", "app.example.com"],
      'SG_INPUT_INVALID: Invalid environment-url: "app.example.com". Expected an absolute http(s) URL, such as `https://app.example.com`.',
      "Fix: Write the URL of the deployed environment with its scheme and host",
    );
  });
});

describe.concurrent("environment names are case-insensitive locally, as on GitHub; a deploy refuses a comma", () => {
  it("deploy --environment 'eu,west' is refused naming the input and the remedy, before anything is written", async (ctx) => {
    const p = project(ctx, "v", ["1.0.0"]);
    await p.refused(
      ["deploy", "--environment", "eu,west", "--version", "1.0.0"],
      'SG_INPUT_INVALID: Invalid environment: "eu,west". A deploy refuses an environment name with a comma',
      "Fix: Name the environment without a comma",
    );
  });

  it("a rollback of PRODUCTION leaves what production runs and goes back to what Production verified", async (ctx) => {
    const p = project(ctx, "v", ["1.0.0", "1.1.0"]);
    expect((await p.run(["deploy", "--environment", "Production", "--version", "1.0.0"])).code).toBe(0);
    const second = await p.run(["deploy", "--environment", "production", "--version", "1.1.0"]);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ previousGoodVersion: "1.0.0", firstDeploy: false });
    const back = await p.run(["rollback", "--environment", "PRODUCTION", "--reason", "1.1.0 is slow"]);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({
      status: "success",
      rolledBackFrom: { version: "1.1.0" },
      rolledBackTo: { version: "1.0.0" },
    });
  });
});

describe.concurrent("environment names with `/`, as GitHub allows them (promote.yml passes them on)", () => {
  it("prod/eu deploys, is gated on, and rolls back; a backslash is refused", async (ctx) => {
    const p = project(ctx, "v", ["1.0.0", "1.1.0"]);
    for (const [environment, version] of [
      ["staging/eu", "1.0.0"],
      ["prod/eu", "1.0.0"],
      ["staging/eu", "1.1.0"],
    ] as const) {
      const r = await p.run(["deploy", "--environment", environment, "--version", version]);
      expect(r.code, r.stderr).toBe(0);
    }
    const promoted = await p.run([
      "deploy",
      "--environment",
      "prod/eu",
      "--version",
      "1.1.0",
      "--require-verified-in",
      "staging/eu",
    ]);
    expect(promoted.code, promoted.stderr).toBe(0);
    const back = await p.run(["rollback", "--environment", "prod/eu", "--reason", "slow"]);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ status: "success", rolledBackTo: { version: "1.0.0" } });
    expect(p.deployed().map((line) => line.split(" ")[0])).toEqual([
      "staging/eu",
      "prod/eu",
      "staging/eu",
      "prod/eu",
      "prod/eu",
    ]);
    const refused = await p.run(["deploy", "--environment", "prod\\eu", "--version", "1.0.0"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Invalid environment: "prod\\\\eu"');
  });
});

describe.concurrent("bidirectional controls are stripped from what the CLI prints", () => {
  it("a deploy command's output line loses U+202E and U+2066 as it loses control characters", async (ctx) => {
    const p = project(ctx, "v", ["1.0.0"]);
    const run = await runCli(p.repo.dir, [
      "deploy",
      "--environment",
      "staging",
      "--version",
      "1.0.0",
      "--deploy-command",
      "printf 'ok \\342\\200\\256 \\342\\201\\246gnirts\\007\\n'",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("ok  gnirts\n");
    expect(run.stderr).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0007]/);
  });
});

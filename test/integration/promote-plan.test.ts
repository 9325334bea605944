/**
 * The `plan` step of promote.yml, run with bash as the runner runs it: it splits `environments`,
 * refuses what cannot be promoted through with one `::error::` line naming the input, the value
 * and the remedy, and writes env-1 ... env-4 and count for the stages.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import YAML from "yaml";
import { tempDir } from "../helpers/deploy-world.ts";
import { ROOT } from "../helpers/run-action.ts";

const workflow = YAML.parse(readFileSync(path.join(ROOT, ".github/workflows/promote.yml"), "utf8"));
const step = workflow.jobs.plan.steps[0];

function plan(ctx: TestContext, environments: string) {
  const dir = tempDir(ctx, "promote-plan");
  const script = path.join(dir, "plan.sh");
  const output = path.join(dir, "output");
  writeFileSync(script, step.run);
  writeFileSync(output, "");
  // `shell: bash` on a runner is `bash --noprofile --norc -eo pipefail {0}`.
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    env: { PATH: process.env.PATH, ENVIRONMENTS: environments, GITHUB_OUTPUT: output },
    encoding: "utf8",
  });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  return { status: r.status, stdout: r.stdout, outputs };
}

describe("promote.yml plan", () => {
  it("runs in bash and reads the input through env:", () => {
    expect(step.shell).toBe("bash");
    expect(step.env).toEqual({ ENVIRONMENTS: "${{ inputs.environments }}" });
  });

  it.for<[string, string[]]>([
    ["staging, production", ["staging", "production"]],
    ["staging,production", ["staging", "production"]],
    ["  qa \n staging\tproduction , ", ["qa", "staging", "production"]],
    ["dev, qa, staging, production", ["dev", "qa", "staging", "production"]],
    ["prod-eu", ["prod-eu"]],
    ["Prod EU", ["Prod", "EU"]],
    // GitHub's environment names may hold `/`.
    ["staging, prod/eu, prod/us", ["staging", "prod/eu", "prod/us"]],
  ])("splits %j on commas and whitespace", ([input, names], ctx) => {
    const r = plan(ctx, input);
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs).toEqual({
      "env-1": names[0] ?? "",
      "env-2": names[1] ?? "",
      "env-3": names[2] ?? "",
      "env-4": names[3] ?? "",
      count: String(names.length),
    });
  });

  it.for<[string, RegExp]>([
    ["", /names no environment\. Name one to four/],
    [" , ,\n", /names no environment/],
    ["a, b, c, d, e", /names 5 environments; promote\.yml takes at most 4/],
    ["staging, prod\\eu", /`prod\\eu` holds `\\`, which an environment name cannot/],
    ["staging, prod\reu", /`prod%0Deu` holds a control character/],
    ["staging, prod\u0007", /holds a control character/],
    ["staging, production, Staging", /`Staging` is named twice/],
    ["prod/eu, Prod/EU", /`Prod\/EU` is named twice/],
    [`staging, ${"x".repeat(256)}`, /is longer than 255 characters/],
  ])("refuses %j before anything is deployed", ([input, problem], ctx) => {
    const r = plan(ctx, input);
    expect(r.status).toBe(1);
    expect(r.outputs).toEqual({});
    const lines = r.stdout.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error title=shipguard promote::The `environments` input \(/);
    expect(lines[0]).toMatch(problem);
  });

  it("keeps a value that tries to end the error line early on that one line", (ctx) => {
    const r = plan(ctx, "a\\b\n::warning::injected");
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split("\n")).toEqual([expect.stringMatching(/%0A::warning::injected/)]);
  });

  it("takes exactly 255 characters", (ctx) => {
    const r = plan(ctx, "x".repeat(255));
    expect(r.status).toBe(0);
    expect(r.outputs["env-1"]).toHaveLength(255);
  });
});

/**
 * scripts/validate-github.mjs runs GitHub's own validator (@actions/languageservice) over the
 * workflows and action.yml: it must find real problems (so its clean verdict on ours means
 * something), including the two actionlint cannot judge.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/deploy-world.ts";
import { ROOT } from "../helpers/run-action.ts";

function validate(...files: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "scripts/validate-github.mjs"), ...files], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

describe("GitHub's validator, as CI runs it", () => {
  it("passes this repository's workflows and action.yml", () => {
    const r = validate();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/file\(s\): GitHub's validator .* clean/);
  });

  it("reports a misspelt key, a literal expression in an action.yml description, and accepts queue and job.workflow_sha", (ctx) => {
    const dir = tempDir(ctx, "validator");
    mkdirSync(path.join(dir, ".github/workflows"), { recursive: true });
    const bad = path.join(dir, ".github/workflows/bad.yml");
    writeFileSync(
      bad,
      "on: push\njobs:\n  x:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo hi\n",
    );
    const good = path.join(dir, ".github/workflows/good.yml");
    writeFileSync(
      good,
      [
        "on: workflow_call",
        "concurrency: { group: shipguard-deploy-x, cancel-in-progress: false, queue: max }",
        "jobs:",
        "  x:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - env:",
        "          SHA: ${{ job.workflow_sha }}",
        "          REPOSITORY: ${{ job.workflow_repository }}",
        '        run: echo "$SHA $REPOSITORY"',
        "",
      ].join("\n"),
    );
    const action = path.join(dir, "action.yml");
    writeFileSync(
      action,
      'name: x\ndescription: y\ninputs:\n  token:\n    description: "default ${{ github.token }}"\nruns:\n  using: node24\n  main: index.js\n',
    );
    const r = validate(bad, good, action);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("bad.yml:4:5: Unexpected value 'runs-onn'");
    expect(r.stderr).toContain("action.yml:5:");
    expect(r.stderr).not.toContain("good.yml");
  });

  it("reads a reusable workflow called by a local path, and shipguard's own by its remote name, without the network", (ctx) => {
    const dir = tempDir(ctx, "validator-calls");
    const workflows = path.join(dir, ".github/workflows");
    mkdirSync(workflows, { recursive: true });
    writeFileSync(
      path.join(workflows, "called.yml"),
      [
        "on:",
        "  workflow_call:",
        "    inputs: { name: { type: string, required: true } }",
        "    outputs: { said: { value: '${{ jobs.say.outputs.said }}' } }",
        "permissions: {}",
        "jobs:",
        "  say:",
        "    runs-on: ubuntu-latest",
        "    outputs: { said: '${{ steps.s.outputs.said }}' }",
        "    steps:",
        "      - id: s",
        '        run: echo "said=hi" >> "$GITHUB_OUTPUT"',
        "",
      ].join("\n"),
    );
    const caller = (uses: string, withs: string, output: string) =>
      [
        "on: push",
        "permissions: {}",
        "jobs:",
        "  call:",
        `    uses: ${uses}`,
        `    with: { ${withs} }`,
        "  after:",
        "    needs: call",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - env:",
        `          SAID: \${{ needs.call.outputs.${output} }}`,
        '        run: echo "$SAID"',
        "",
      ].join("\n");
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const files = {
      "good.yml": caller("./.github/workflows/called.yml", "name: x", "said"),
      "bad-input.yml": caller("./.github/workflows/called.yml", "nam: x", "said"),
      "self.yml": caller("$/.github/workflows/called.yml", "name: x", "said"),
      "self-bad-input.yml": caller("$/.github/workflows/called.yml", "nam: x", "said"),
      "self-ref.yml": caller("$/.github/workflows/called.yml@main", "name: x", "said"),
      "bad-output.yml": caller("./.github/workflows/called.yml", "name: x", "sad"),
      "shipguard.yml": caller(
        `shipguard/shipguard/.github/workflows/incident.yml@${sha}`,
        "incident: '{}'",
        "incident-url",
      ),
      "shipguard-bad.yml": caller(
        `shipguard/shipguard/.github/workflows/incident.yml@${sha}`,
        "incidents: '{}'",
        "incident-url",
      ),
      "elsewhere.yml": caller(`someone/else/.github/workflows/x.yml@${sha}`, "a: b", "c"),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(workflows, name), text);
    const r = validate(...Object.keys(files).map((name) => path.join(workflows, name)));
    expect(r.status).toBe(1);
    const lines = (name: string) =>
      r.stderr.split("\n").filter((line) => line.includes(`/.github/workflows/${name}:`));
    expect(lines("good.yml")).toEqual([]);
    expect(lines("self.yml")).toEqual([]);
    expect(lines("self-bad-input.yml").join("\n")).toMatch(/Invalid input, nam is not defined/);
    expect(lines("self-ref.yml").join("\n")).toMatch(
      /cannot specify version when calling self repository workflows/,
    );
    expect(lines("shipguard.yml")).toEqual([]);
    expect(lines("bad-input.yml").join("\n")).toMatch(/Input name is required/);
    expect(lines("bad-input.yml").join("\n")).toMatch(/Invalid input, nam is not defined/);
    expect(lines("bad-output.yml").join("\n")).toMatch(/Context access might be invalid: sad/);
    expect(lines("shipguard-bad.yml").join("\n")).toMatch(/Invalid input, incidents is not defined/);
    expect(lines("elsewhere.yml").join("\n")).toMatch(/Unable to find reusable workflow/);
  });

  it("checks promote.yml's `$/` calls against deploy.yml: a misspelt input to a stage fails", (ctx) => {
    const dir = tempDir(ctx, "validator-promote");
    const workflows = path.join(dir, ".github/workflows");
    mkdirSync(workflows, { recursive: true });
    const source = path.join(ROOT, ".github/workflows");
    writeFileSync(path.join(workflows, "deploy.yml"), readFileSync(path.join(source, "deploy.yml"), "utf8"));
    const promote = readFileSync(path.join(source, "promote.yml"), "utf8");
    expect(promote).toContain("uses: $/.github/workflows/deploy.yml");
    const misspelt = promote.replace(
      "      checks-file: ${{ inputs.checks-file }}",
      "      checks-files: ${{ inputs.checks-file }}",
    );
    expect(misspelt).not.toBe(promote);
    const file = path.join(workflows, "promote.yml");
    writeFileSync(file, misspelt);
    const r = validate(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /promote\.yml:\d+:\d+: Invalid input, checks-files is not defined in the referenced workflow/,
    );
  });
});

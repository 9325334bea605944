/**
 * scripts/validate-github.mjs runs GitHub's own validator (@actions/languageservice) over the
 * workflows and action.yml: it must find real problems (so its clean verdict on ours means
 * something), including the two actionlint cannot judge.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
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
});

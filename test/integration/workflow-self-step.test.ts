/**
 * The "find the shipguard commit" step of the reusable workflows, run under bash as the runner
 * runs it: with the `job.workflow_*` context missing it fails naming every runner that lacks it
 * and the fallback; with it present it writes the repository and commit.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";

interface Step {
  id?: string;
  run?: string;
}
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function selfStep(file: string): string {
  const doc = YAML.parse(readFileSync(`.github/workflows/${file}`, "utf8")) as {
    jobs: Record<string, { steps?: Step[] }>;
  };
  const step = Object.values(doc.jobs)
    .flatMap((job) => job.steps ?? [])
    .find((s) => s.id === "self");
  if (!step?.run) throw new Error(`${file} has no \`self\` step`);
  return step.run;
}

function run(file: string, env: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-self-"));
  dirs.push(dir);
  const output = path.join(dir, "output");
  writeFileSync(output, "");
  const r = spawnSync("bash", ["-e", "-c", selfStep(file)], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, ...env },
  });
  return { status: r.status, stdout: r.stdout, output: readFileSync(output, "utf8") };
}

describe.each(["release.yml", "deploy.yml", "rollback.yml"])("%s: find the shipguard commit", (file) => {
  it("without job.workflow_* names GHES, runners before v2.324 and v2.324-v2.333, and the fallback", () => {
    const r = run(file, { WORKFLOW_REPOSITORY: "", WORKFLOW_SHA: "" });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^::error title=shipguard::This runner does not report job\.workflow_repository/,
    );
    expect(r.stdout).toContain("GitHub Enterprise Server");
    expect(r.stdout).toContain("older than v2.324");
    expect(r.stdout).toContain("v2.324 to v2.333");
    expect(r.stdout).toContain("use the shipguard action directly in your own job");
    expect(r.output).toBe("");
  });

  it("with them, writes the repository and commit", () => {
    const sha = "a".repeat(40);
    const r = run(file, { WORKFLOW_REPOSITORY: "shipguard/shipguard", WORKFLOW_SHA: sha });
    expect(r.status).toBe(0);
    expect(r.output).toBe(`repository=shipguard/shipguard\nsha=${sha}\n`);
  });
});

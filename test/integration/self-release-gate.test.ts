/**
 * self-release.yml's gate: the release job runs only when the pushed commit's .github/workflows/
 * match the default branch's (GitHub refuses GITHUB_TOKEN a tag elsewhere) or a RELEASE_TOKEN is
 * set. The gate step's own script runs under bash with a stand-in `gh` that answers the contents API.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  steps?: Step[];
  outputs?: Record<string, string>;
  secrets?: Record<string, string>;
}

const workflow = YAML.parse(readFileSync(".github/workflows/self-release.yml", "utf8")) as {
  jobs: Record<string, Job>;
};
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function gate(trees: Record<string, string>, hasReleaseToken: boolean): { output: string; stdout: string } {
  const step = workflow.jobs["workflows-gate"]?.steps?.find((s) => s.id === "gate");
  if (!step?.run) throw new Error("self-release.yml has no workflows-gate job with a `gate` step");
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-gate-"));
  dirs.push(dir);
  // `gh api repos/<repo>/contents/.github?ref=<ref> --jq ...`: the tree id GitHub would return.
  const answers = Object.entries(trees)
    .map(([ref, sha]) => `  *"?ref=${ref}") echo "${sha}" ;;`)
    .join("\n");
  writeFileSync(
    path.join(dir, "gh"),
    `#!/usr/bin/env bash\ncase "$2" in\n${answers}\n  *) exit 1 ;;\nesac\n`,
  );
  chmodSync(path.join(dir, "gh"), 0o755);
  const output = path.join(dir, "output");
  writeFileSync(output, "");
  const stdout = execFileSync("bash", ["-e", "-c", step.run], {
    encoding: "utf8",
    env: {
      PATH: `${dir}:${process.env.PATH}`,
      GITHUB_OUTPUT: output,
      REPOSITORY: "shipguard/shipguard",
      SHA: "c0ffee",
      DEFAULT_BRANCH: "main",
      HAS_RELEASE_TOKEN: String(hasReleaseToken),
    },
  });
  return { output: readFileSync(output, "utf8"), stdout };
}

describe("self-release.yml: never tags a commit GitHub refuses to GITHUB_TOKEN", () => {
  it("the release job waits for the gate and runs only on its yes, with the optional RELEASE_TOKEN", () => {
    const release = workflow.jobs.release;
    expect(release?.needs).toBe("workflows-gate");
    expect(release?.if).toBe("needs.workflows-gate.outputs.release == 'true'");
    expect(release?.secrets?.token).toBe("${{ secrets.RELEASE_TOKEN }}");
    expect(workflow.jobs["workflows-gate"]?.steps?.[0]?.env?.SHA).toBe("${{ github.sha }}");
  });

  it("releases a commit whose workflows match the default branch", () => {
    expect(gate({ c0ffee: "tree1", main: "tree1" }, false).output).toBe("release=true\n");
  });

  it("skips, with a notice naming the cause and the way out, when they differ", () => {
    const run = gate({ c0ffee: "tree1", main: "tree2" }, false);
    expect(run.output).toBe("release=false\n");
    expect(run.stdout).toMatch(
      /::notice title=self-release::Not released: .*differ from main's.*RELEASE_TOKEN/,
    );
  });

  it("releases anyway with a RELEASE_TOKEN (it may write workflows), without asking GitHub", () => {
    expect(gate({}, true).output).toBe("release=true\n");
  });
});

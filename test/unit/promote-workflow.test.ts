/**
 * The shape of .github/workflows/promote.yml: four deploy.yml stages chained by `needs:`, each
 * gated on the previous environment, with exactly deploy.yml's permissions, and the deploy
 * settings passed through under the same names, types and defaults as deploy.yml's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { policyProblems } from "../../scripts/workflow-policy.mjs";

interface Input {
  type: string;
  default?: unknown;
  required?: boolean;
}
interface Job {
  needs?: string | string[];
  if?: string;
  uses?: string;
  permissions?: Record<string, string>;
  with?: Record<string, unknown>;
  secrets?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: { run?: string; env?: Record<string, string> }[];
}
interface Workflow {
  on: {
    workflow_call: {
      inputs: Record<string, Input>;
      secrets: Record<string, unknown>;
      outputs: Record<string, { value: string }>;
    };
  };
  permissions: unknown;
  jobs: Record<string, Job>;
}

const read = (name: string): { text: string; doc: Workflow } => {
  const text = readFileSync(`.github/workflows/${name}`, "utf8");
  return { text, doc: YAML.parse(text) };
};
const promote = read("promote.yml");
const deploy = read("deploy.yml");
const call = promote.doc.on.workflow_call;
const STAGES = [1, 2, 3, 4] as const;
const stage = (n: number) => promote.doc.jobs[`stage-${n}`] as Job;
const DEPLOY_PERMISSIONS = { contents: "read", deployments: "write", actions: "write" };
const passThrough = Object.keys(call.inputs).filter((name) => !["version", "environments"].includes(name));

describe("promote.yml", () => {
  it("follows the workflow policy, with no permissions at the top", () => {
    expect(policyProblems(promote.text, "promote.yml")).toEqual([]);
    expect(promote.doc.permissions).toEqual({});
  });

  it("has a plan and four stages, nothing else", () => {
    expect(Object.keys(promote.doc.jobs)).toEqual(["plan", "stage-1", "stage-2", "stage-3", "stage-4"]);
  });

  it("plans with no permissions, reading the environments through env:, never inside run:", () => {
    const plan = promote.doc.jobs.plan as Job;
    expect(plan.permissions).toEqual({});
    const step = plan.steps?.[0];
    expect(step?.env).toEqual({ ENVIRONMENTS: "${{ inputs.environments }}" });
    expect(step?.run).toContain("$ENVIRONMENTS");
    expect(Object.keys(plan.outputs ?? {})).toEqual(["env-1", "env-2", "env-3", "env-4", "count"]);
  });

  it("has no ${{ }} expression inside any run:", () => {
    for (const job of Object.values(promote.doc.jobs))
      for (const step of job.steps ?? []) expect(step.run ?? "").not.toContain("${{");
  });

  it.each(STAGES)("stage-%i calls deploy.yml after the previous stage, for its environment", (n) => {
    const job = stage(n);
    // `$/`: shipguard's own deploy.yml at the commit promote.yml runs at, whoever calls it (a
    // `./` path inside a reusable workflow may resolve in the caller's repository).
    expect(job.uses).toBe("$/.github/workflows/deploy.yml");
    expect(job.needs).toEqual(n === 1 ? "plan" : ["plan", `stage-${n - 1}`]);
    expect(job.if).toContain(`needs.plan.outputs.env-${n} != ''`);
    if (n > 1) expect(job.if).toContain(`needs.stage-${n - 1}.result == 'success'`);
    expect(job.with?.environment).toBe(`\${{ needs.plan.outputs.env-${n} }}`);
    expect(job.with?.version).toBe("${{ inputs.version }}");
  });

  it.each(STAGES)("stage-%i asks for exactly what deploy.yml's jobs declare together", (n) => {
    expect(stage(n).permissions).toEqual(DEPLOY_PERMISSIONS);
    // GitHub checks every job's permissions when it loads the called workflow: the caller grants
    // the union (the approval job asks for none, the deploy job for the three).
    const union: Record<string, string> = {};
    for (const job of Object.values(deploy.doc.jobs))
      for (const [scope, level] of Object.entries(job.permissions ?? {}))
        if (union[scope] !== "write") union[scope] = level;
    expect(union).toEqual(DEPLOY_PERMISSIONS);
  });

  it.each(STAGES)("stage-%i is gated on the environment before it (none for the first)", (n) => {
    const gate = stage(n).with?.["require-verified-in"];
    if (n === 1) expect(gate).toBeUndefined();
    else expect(gate).toBe(`\${{ needs.plan.outputs.env-${n - 1} }}`);
    // Promotion never forces its way past the gate.
    expect(stage(n).with?.force).toBeUndefined();
  });

  it("passes every deploy setting through, under deploy.yml's name, type and default", () => {
    const deployInputs = deploy.doc.on.workflow_call.inputs;
    expect(passThrough.length).toBeGreaterThan(10);
    // An environment with a custom deployment protection rule needs GitHub's deployment object.
    expect(passThrough).toContain("github-deployment");
    for (const name of passThrough) {
      const mine = call.inputs[name] as Input;
      const theirs = deployInputs[name];
      expect(theirs, name).toBeDefined();
      expect({ name, type: mine.type, default: mine.default }).toEqual({
        name,
        type: theirs?.type,
        default: theirs?.default,
      });
      for (const n of STAGES)
        expect(stage(n).with?.[name], `stage-${n} ${name}`).toBe(`\${{ inputs.${name} }}`);
    }
    for (const n of STAGES) {
      const given = Object.keys(stage(n).with ?? {}).sort();
      const expected = ["environment", "version", ...passThrough, ...(n > 1 ? ["require-verified-in"] : [])];
      expect(given).toEqual(expected.sort());
    }
  });

  it("requires the version and the environments", () => {
    expect(call.inputs.version).toMatchObject({ type: "string", required: true });
    expect(call.inputs.environments).toMatchObject({ type: "string", required: true });
  });

  it("passes deploy.yml's secrets by name", () => {
    const names = Object.keys(deploy.doc.on.workflow_call.secrets);
    expect(Object.keys(call.secrets)).toEqual(names);
    for (const n of STAGES)
      expect(stage(n).secrets).toEqual(Object.fromEntries(names.map((s) => [s, `\${{ secrets.${s} }}`])));
  });

  it("reports each stage's status and the last one that ran", () => {
    for (const n of STAGES)
      expect(call.outputs[`status-${n}`]?.value).toBe(`\${{ jobs.stage-${n}.outputs.status }}`);
    expect(call.outputs.status?.value).toBe(
      "${{ jobs.stage-4.outputs.status || jobs.stage-3.outputs.status || jobs.stage-2.outputs.status || jobs.stage-1.outputs.status }}",
    );
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { isKnownActionlintGap, policyProblems } from "../../scripts/workflow-policy.mjs";

const good = `
on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: { contents: read }
    steps:
      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd
        with: { persist-credentials: false }
      - run: echo "$X"
        env: { X: "\${{ github.head_ref }}" }
`;

describe("workflow policy", () => {
  it("accepts a pinned, least-privilege workflow", () => {
    expect(policyProblems(good, "good.yml")).toEqual([]);
  });

  it.each([
    ["an unpinned action", good.replace("@de0fac2e4500dabe0009e67214ff5f5447ce83dd", "@v6"), /not pinned/],
    ["no top-level permissions", good.replace("permissions: {}\n", ""), /top-level/],
    [
      "a checkout that keeps credentials",
      good.replace("with: { persist-credentials: false }", "with: {}"),
      /persist-credentials/,
    ],
    ["pull_request_target", good.replace("on: push", "on: pull_request_target"), /pull_request_target/],
    ["workflow_run", good.replace("on: push", "on: { workflow_run: { workflows: [x] } }"), /workflow_run/],
    ["an expression inside run:", good.replace('echo "$X"', 'echo "${{ github.head_ref }}"'), /inside run/],
  ])("flags %s", (_name, text, problem) => {
    expect(policyProblems(text, "bad.yml").join("\n")).toMatch(problem);
  });

  const deployJob = (concurrency: string) => `${good}  deploy:
    runs-on: ubuntu-latest
    permissions: {}
    concurrency: ${concurrency}
    steps:
      - run: ./deploy.sh
`;

  it("accepts a deploy group that queues every run and cancels none", () => {
    const text = deployJob("{ group: shipguard-deploy-prod, cancel-in-progress: false, queue: max }");
    expect(policyProblems(text, "ok.yml")).toEqual([]);
  });

  it.each([
    [
      "the default queue of one pending run",
      "{ group: shipguard-deploy-prod, cancel-in-progress: false }",
      /queue: max/,
    ],
    [
      "queue: single",
      "{ group: shipguard-deploy-prod, cancel-in-progress: false, queue: single }",
      /queue: max/,
    ],
    [
      "cancel-in-progress",
      "{ group: shipguard-deploy-prod, cancel-in-progress: true, queue: max }",
      /cancel-in-progress: false/,
    ],
    ["a queue GitHub does not know", "{ group: other, queue: all }", /not `single` or `max`/],
  ])("flags a deploy group with %s", (_name, concurrency, problem) => {
    expect(policyProblems(deployJob(concurrency), "bad.yml").join("\n")).toMatch(problem);
  });

  it("deploy.yml and rollback.yml share one group that queues every run and cancels none", () => {
    for (const file of ["deploy.yml", "rollback.yml"]) {
      const text = readFileSync(`.github/workflows/${file}`, "utf8");
      expect(policyProblems(text, file)).toEqual([]);
      expect(text).toContain("group: shipguard-deploy-${{ inputs.environment }}");
      expect(text).toMatch(/cancel-in-progress: false\n\s+queue: max\n/);
    }
  });

  it("lets only actionlint's unknown `queue` key through, nothing else", () => {
    const queue = {
      kind: "syntax-check",
      message:
        'unexpected key "queue" for "concurrency" section. expected one of "cancel-in-progress", "group"',
    };
    expect(isKnownActionlintGap(queue)).toBe(true);
    expect(
      isKnownActionlintGap({ ...queue, message: 'unexpected key "queues" for "concurrency" section' }),
    ).toBe(false);
    expect(
      isKnownActionlintGap({ kind: "expression", message: 'property "workflow_sha" is not defined' }),
    ).toBe(false);
  });

  const reusable = (uses: string) => `
on: { workflow_call: {} }
permissions: {}
jobs:
  call:
    uses: ${uses}
`;

  it("accepts a reusable workflow that calls its sibling by `$/`, unpinned", () => {
    expect(policyProblems(reusable("$/.github/workflows/deploy.yml"), "ok.yml")).toEqual([]);
  });

  it.each([
    [
      "a `./` job call inside a reusable workflow",
      reusable("./.github/workflows/deploy.yml"),
      /job call: `\.\/\.github\/workflows\/deploy\.yml` inside a reusable workflow.*use `\$\/\.github\/workflows\/deploy\.yml`/,
    ],
    ["a `$/` call with a ref", reusable("$/.github/workflows/deploy.yml@main"), /`\$\/` takes no `@ref`/],
  ])("flags %s", (_name, text, problem) => {
    expect(policyProblems(text, "bad.yml").join("\n")).toMatch(problem);
  });

  it("keeps `./` for a job call of a workflow that is not reusable (it runs in its own repository)", () => {
    const text = reusable("./.github/workflows/release.yml").replace("{ workflow_call: {} }", "push");
    expect(policyProblems(text, "ok.yml")).toEqual([]);
  });

  it("lets only actionlint's refusal of a `$/` job call of .github/workflows/ through, nothing else", () => {
    const self = {
      kind: "workflow-call",
      message:
        'reusable workflow call "$/.github/workflows/deploy.yml" at "uses" is not following the format "owner/repo/path/to/workflow.yml@ref" nor "./path/to/workflow.yml". see https://docs.github.com/en/actions/learn-github-actions/reusing-workflows for more details',
    };
    expect(isKnownActionlintGap(self)).toBe(true);
    for (const uses of [
      "$/.github/workflows/deploy.yml@main",
      "$/.github/workflows/sub/deploy.yml",
      "$/deploy.yml",
      "$/",
      "./.github/workflows/deploy.yml",
      "owner/repo/.github/workflows/deploy.yml",
    ])
      expect(
        isKnownActionlintGap({
          ...self,
          message: self.message.replace("$/.github/workflows/deploy.yml", uses),
        }),
        uses,
      ).toBe(false);
    expect(isKnownActionlintGap({ ...self, kind: "syntax-check" })).toBe(false);
  });

  it("no reusable workflow of this repository calls another by `./`", () => {
    for (const file of ["release.yml", "deploy.yml", "rollback.yml", "incident.yml", "promote.yml"]) {
      const text = readFileSync(`.github/workflows/${file}`, "utf8");
      expect(policyProblems(text, file), file).toEqual([]);
    }
  });

  const withSecret = (name: string) => `
on:
  workflow_call:
    secrets:
      ${name}: { required: false }
permissions: {}
jobs: {}
`;

  it.each(["DEPLOY_TOKEN", "token", "_X", "a1_B2"])("accepts the workflow_call secret name %s", (name) => {
    expect(policyProblems(withSecret(name), "ok.yml")).toEqual([]);
  });

  it.each([
    ["deploy-token", /secret `deploy-token`.*letters, digits and `_`/],
    ["notify.url", /secret `notify\.url`.*letters, digits and `_`/],
    ["1TOKEN", /secret `1TOKEN`.*not start with a digit/],
    ["GITHUB_TOKEN", /secret `GITHUB_TOKEN`.*`GITHUB_`/],
    ["github_x", /secret `github_x`.*`GITHUB_`/],
  ])("flags the workflow_call secret name %s, which no GitHub secret can have", (name, problem) => {
    expect(policyProblems(withSecret(name), "bad.yml").join("\n")).toMatch(problem);
  });

  it("names every workflow_call secret of this repository as a GitHub secret can be named", () => {
    for (const file of ["release.yml", "deploy.yml", "rollback.yml", "incident.yml", "promote.yml"]) {
      const doc = YAML.parse(readFileSync(`.github/workflows/${file}`, "utf8"));
      for (const name of Object.keys(doc.on.workflow_call.secrets ?? {}))
        expect(name, `${file}: ${name}`).toMatch(/^(?!GITHUB_)[A-Za-z_][A-Za-z0-9_]*$/i);
    }
  });

  it("lets only actionlint's unknown `deployment` key of `environment` through, nothing else", () => {
    const deployment = {
      kind: "syntax-check",
      message: 'unexpected key "deployment" for "environment" section. expected one of "name", "url"',
    };
    expect(isKnownActionlintGap(deployment)).toBe(true);
    expect(
      isKnownActionlintGap({
        ...deployment,
        message: 'unexpected key "deployments" for "environment" section',
      }),
    ).toBe(false);
    expect(
      isKnownActionlintGap({
        ...deployment,
        message: 'unexpected key "deployment" for "concurrency" section',
      }),
    ).toBe(false);
    expect(isKnownActionlintGap({ ...deployment, kind: "expression" })).toBe(false);
  });

  it("flags a job that holds a shipguard-deploy-* group and is bound to an environment", () => {
    const bound = deployJob(
      "{ group: shipguard-deploy-prod, cancel-in-progress: false, queue: max }",
    ).replace("    concurrency:", "    environment: { name: prod, deployment: false }\n    concurrency:");
    expect(policyProblems(bound, "bad.yml").join("\n")).toMatch(
      /job deploy: bound to an environment while it holds the shipguard-deploy-\* group.*reviewer or a wait timer/,
    );
    // Bound to an environment outside any group (an approval job) is fine.
    const approval = `${good}  approval:
    runs-on: ubuntu-latest
    permissions: {}
    environment: { name: prod, deployment: false }
    steps:
      - run: echo approved
`;
    expect(policyProblems(approval, "ok.yml")).toEqual([]);
  });

  describe("deploy.yml takes the environment's approval before it joins the deploy group", () => {
    type Job = {
      needs?: string | string[];
      environment?: unknown;
      concurrency?: unknown;
      permissions?: unknown;
      steps?: { run?: string; env?: Record<string, string>; uses?: string; with?: unknown }[];
    };
    const deploy = YAML.parse(readFileSync(".github/workflows/deploy.yml", "utf8")) as {
      jobs: Record<string, Job>;
    };
    const rollback = YAML.parse(readFileSync(".github/workflows/rollback.yml", "utf8")) as {
      jobs: Record<string, Job>;
    };

    it("has an approval job, then the deploy job", () => {
      expect(Object.keys(deploy.jobs)).toEqual(["approval", "deploy"]);
      expect(deploy.jobs.deploy?.needs).toBe("approval");
    });

    it("binds the environment in the approval job only, outside any concurrency group", () => {
      const approval = deploy.jobs.approval as Job;
      expect(approval.environment).toMatchObject({ name: "${{ inputs.environment }}" });
      expect(approval.concurrency).toBeUndefined();
      expect(deploy.jobs.deploy?.environment).toBeUndefined();
      expect(deploy.jobs.deploy?.concurrency).toMatchObject({
        group: "shipguard-deploy-${{ inputs.environment }}",
      });
    });

    it("creates no GitHub deployment unless `github-deployment` asks for one (custom protection rules need it)", () => {
      const call = (
        YAML.parse(readFileSync(".github/workflows/deploy.yml", "utf8")) as {
          on: { workflow_call: { inputs: Record<string, unknown> } };
        }
      ).on.workflow_call.inputs;
      expect(call["github-deployment"]).toMatchObject({ type: "boolean", default: false });
      expect(deploy.jobs.approval?.environment).toEqual({
        name: "${{ inputs.environment }}",
        deployment: "${{ inputs.github-deployment }}",
      });
    });

    it("gives the approval job nothing: no permissions, no secret, no checkout, no action", () => {
      const approval = deploy.jobs.approval as Job;
      expect(approval.permissions).toEqual({});
      const text = JSON.stringify(approval);
      expect(text).not.toContain("secrets.");
      expect(approval.steps?.every((step) => step.uses === undefined)).toBe(true);
    });

    it("rollback.yml binds no environment: a rollback never waits for a reviewer or a wait timer", () => {
      for (const job of Object.values(rollback.jobs)) expect(job.environment).toBeUndefined();
    });
  });
});

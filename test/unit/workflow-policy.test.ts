import { describe, expect, it } from "vitest";
import { policyProblems } from "../../scripts/workflow-policy.mjs";

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
});

/**
 * The bundled action run as the runner runs it (`node dist/index.js`, INPUT_* variables, real
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), on the runner's Node 24 and on the system Node.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestRepo } from "../helpers/git-repo.ts";
import { nodeBinaries, runAction } from "../helpers/run-action.ts";

const OUTPUT_KEYS = [
  "bump",
  "commit-count",
  "notes",
  "prerelease",
  "previous-tag",
  "previous-version",
  "release-needed",
  "tag",
  "version",
];

let repo: TestRepo;
beforeAll(() => {
  repo = new TestRepo();
  repo.commit("feat: first");
  repo.tag("v1.4.2");
  repo.commit("fix(parser): handle CRLF (#12)");
  repo.commit("feat(api): add search\n\nCloses #34");
});
afterAll(() => repo.remove());

describe.each(nodeBinaries())("action `version` on $name", ({ path: node }) => {
  it("masks the Basic authorization value a notify-url's user:password@ or user name is sent as", async () => {
    const urls = [
      "https://bot:pa55-w0rd@hooks.example.com/hook",
      "https://tok3n-only@hooks.example.com/hook",
    ];
    const run = await runAction({
      node,
      workspace: repo.dir,
      inputs: { command: "version", "notify-url": urls.join("\n") },
    });
    expect(run.code).toBe(0);
    for (const pair of ["bot:pa55-w0rd", "tok3n-only:"]) {
      expect(run.stdout).toContain(`::add-mask::${Buffer.from(pair).toString("base64")}`);
    }
  });

  it("writes every output and a job summary", async () => {
    const run = await runAction({ node, workspace: repo.dir, inputs: { command: "version" } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual(OUTPUT_KEYS);
    expect(run.outputs).toMatchObject({
      version: "1.5.0",
      tag: "v1.5.0",
      "previous-version": "1.4.2",
      "previous-tag": "v1.4.2",
      bump: "minor",
      "release-needed": "true",
      prerelease: "false",
      "commit-count": "2",
    });
    expect(run.outputs.notes).toContain("add search");
    expect(run.outputs.notes).toContain("https://github.com/octo/app/commit/");
    expect(run.summary).toContain("feat(api): add search");
    expect(run.summary).toContain("| `feat` | 1 |");
  });

  it("fails the step on bad input, naming the input and the value", async () => {
    const run = await runAction({ node, workspace: repo.dir, inputs: { "release-rules": "feat=huge" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*release-rules.*feat=huge/);
  });
});

describe("bad input to the bundled action", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ["initial-version", { "initial-version": "one" }, /initial-version.*one/],
    ["tag-prefix with ..", { "tag-prefix": "v..x" }, /tag-prefix.*v\.\.x/],
    ["tag-prefix with a space", { "tag-prefix": "my v" }, /tag-prefix.*my v/],
    ["an unknown command", { command: "explode" }, /command.*explode/],
  ];
  it.each(cases)("%s", async (_name, inputs, message) => {
    const run = await runAction({ workspace: repo.dir, inputs });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(message);
    expect(run.outputFile).toBe("");
  });

  it("not a git repository", async () => {
    const { mkdtempSync } = await import("node:fs");
    const os = await import("node:os");
    const run = await runAction({ workspace: mkdtempSync(`${os.tmpdir()}/sg-nogit-`), inputs: {} });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*not inside a git repository/);
  });
});

describe("untrusted commit text", () => {
  it("cannot add outputs, masks or workflow commands", async () => {
    const r = new TestRepo();
    try {
      r.commit("feat: base");
      r.tag("v1.0.0");
      const evil = [
        "feat: x\n\n::set-output name=version::9.9.9",
        'fix: y"; curl x|sh #',
        "fix: $(id) `id` ${{ secrets.X }}",
        "fix: z\n\nversion<<ghadelimiter_1234\n9.9.9\nghadelimiter_1234\n::add-mask::1.1.0\n::stop-commands::x",
        "feat!: ::error::smuggled\n\nBREAKING CHANGE: x\nNEW=evil",
      ];
      for (const m of evil) r.commit(m);
      const run = await runAction({ workspace: r.dir, inputs: {} });
      expect(run.code).toBe(0);
      expect(Object.keys(run.outputs).sort()).toEqual(OUTPUT_KEYS);
      expect(run.outputs.version).toBe("2.0.0");
      // Every line the commit text put on stdout sits inside a stop-commands block.
      const lines = run.stdout.split("\n");
      let stopped: string | null = null;
      for (const line of lines) {
        if (stopped !== null) {
          if (line === `::${stopped}::`) stopped = null;
          continue;
        }
        const stop = /^::stop-commands::(.+)$/.exec(line);
        if (stop) {
          stopped = stop[1] ?? null;
          continue;
        }
        expect(line).not.toMatch(/^::(set-output|add-mask|error|stop-commands)/);
      }
    } finally {
      r.remove();
    }
  });
});

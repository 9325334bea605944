/**
 * The bundled action run as the runner runs it (`node dist/index.js`, INPUT_* variables, real
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), on the runner's Node 24 and on the system Node.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
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

describe("action `version` with release notes over GitHub's 1 MiB of summary a step", () => {
  it("cuts the job summary at 1 MiB with a last line saying so, closes the open block, and warns", async () => {
    // 12 packages, 300 fixes of ~440 characters each: each package's notes reach their 125,000
    // characters, about 1.5 MB of summary in all; the history is written in one `git fast-import`.
    const big = new TestRepo();
    try {
      const names = Array.from({ length: 12 }, (_, p) => `p${p}`);
      big.change("chore: start", Object.fromEntries(names.map((n) => [`packages/${n}/a.txt`, "0\n"])));
      for (const n of names) big.tag(`${n}-v1.0.0`);
      const commits = Array.from({ length: 3600 }, (_, i) => {
        const message = `fix: handle case ${i} ${"of a very long subject line ".repeat(15)}\n`;
        const file = `packages/${names[i % names.length]}/a.txt`;
        const from = i === 0 ? `from ${big.head()}\n` : "";
        return [
          "commit refs/heads/main",
          `committer Dev <dev@example.com> ${1_700_000_000 + i} +0000`,
          `data ${Buffer.byteLength(message)}`,
          `${message}${from}M 100644 inline ${file}`,
          `data ${String(i).length + 1}`,
          `${i}\n`,
        ].join("\n");
      });
      execFileSync("git", ["fast-import", "--quiet"], { cwd: big.dir, input: `${commits.join("")}done\n` });
      big.git("reset", "-q", "--hard", "main");
      mkdirSync(path.join(big.dir, ".github"));
      const settings = `packages:\n${names.map((n) => `  packages/${n}: {}\n`).join("")}`;
      writeFileSync(path.join(big.dir, ".github/shipguard.yml"), settings);
      const run = await runAction({ workspace: big.dir, inputs: { command: "version" } });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(JSON.parse(run.outputs["released-packages"] ?? "[]")).toHaveLength(12);
      const summary = Buffer.byteLength(run.summary);
      expect(summary).toBeLessThanOrEqual(1024 * 1024);
      expect(summary).toBeGreaterThan(1024 * 1024 - 1000);
      const note =
        /\n… \(shipguard cut (\d+) bytes of the summary: GitHub keeps at most 1 MiB per step\. The CLI's `--json` prints the whole result\.\)\n$/;
      expect(run.summary).toMatch(note);
      expect(Number(note.exec(run.summary)?.[1])).toBeGreaterThan(100_000);
      // The cut closes the notes' open <details> block, so what follows on the page still renders.
      const opened = run.summary.split("<details>").length;
      expect(run.summary.split("</details>").length).toBe(opened);
      expect(run.stdout).toMatch(/::warning::… \(shipguard cut \d+ bytes of the summary/);
    } finally {
      big.remove();
    }
  }, 120_000);
});

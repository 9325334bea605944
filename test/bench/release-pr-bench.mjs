// The release pull request's requests (issue 20, "Speed"): a monorepo of --packages packages (100 by
// default), each released by one feature, proposed by the bundled action (`node dist/index.js`,
// `release-mode: pull-request`) on the GitHub API emulator. Target: one tree (every file inline),
// one commit and one ref update, whatever the number of packages and files, plus the pull request
// and label calls; never one write per file: any other write fails it (release-pr-verdict.mjs). Then the pull request is merged and the next run
// releases every package: its requests are printed too (per package, what direct mode makes).
//
//   node test/bench/release-pr-bench.mjs [--packages N] [--merge] [--json-out FILE]
//
// `--merge` also measures the merge's run: four writes per package, spaced one second apart by the
// client's throttling as GitHub asks (about 7 minutes for 100 packages), so it is not on by default.
//
// Needs `npm run build` first (dist/index.js). The emulator is TypeScript: on a Node without type
// stripping this re-runs itself with the runner's Node 24 (node_modules/node). Only 127.0.0.1 is
// contacted. Exits 1 when the target is missed (or a run goes wrong), 0 otherwise.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { releasePrWritesVerdict } from "./release-pr-verdict.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SELF = fileURLToPath(import.meta.url);
const NODE24 = path.join(ROOT, "node_modules", "node", "bin", "node");
const TOKEN = "ghs_releasePrBenchTokenThatNeverLeaks0123";

if (!process.features?.typescript) {
  if (!existsSync(NODE24)) {
    console.error(
      `release-pr-bench: Node ${process.version} cannot load the TypeScript emulator, and ${NODE24} is missing`,
    );
    process.exit(2);
  }
  const r = spawnSync(NODE24, [SELF, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

function parseArgs(argv) {
  const o = { packages: 100, jsonOut: null, merge: false };
  for (let i = 0; i < argv.length; i += 1) {
    switch (argv[i]) {
      case "--packages":
        o.packages = Number(argv[++i]);
        if (!Number.isInteger(o.packages) || o.packages < 1)
          throw new Error("--packages must be a positive integer");
        break;
      case "--merge":
        o.merge = true;
        break;
      case "--json-out":
        o.jsonOut = path.resolve(argv[++i] ?? "");
        break;
      case "--help":
      case "-h":
        console.log(
          "usage: node test/bench/release-pr-bench.mjs [--packages N (default 100)] [--merge] [--json-out FILE]",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  return o;
}

/** Requests by operation, `POST git/create-tree: 1`, in the order first seen. */
function byOperation(entries) {
  const counts = new Map();
  for (const e of entries) {
    const key = `${e.method} ${e.operationId ?? e.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries(counts);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(ROOT, "dist", "index.js")))
    throw new Error("dist/index.js does not exist: run `npm run build` first");
  const load = (file) => import(pathToFileURL(path.join(ROOT, file)).href);
  const { startEmulator } = await load("test/emulator/index.ts");
  const { TestRepo } = await load("test/helpers/git-repo.ts");
  const { runAction } = await load("test/helpers/run-action.ts");

  const origin = new TestRepo();
  const cleanup = [() => origin.remove()];
  try {
    const paths = Array.from({ length: o.packages }, (_, i) => `packages/p${String(i).padStart(3, "0")}`);
    origin.change("chore: start", Object.fromEntries(paths.map((p) => [`${p}/index.ts`, "1\n"])));
    for (const p of paths) origin.tag(`${path.basename(p)}-v1.0.0`, { annotated: true });
    origin.change("feat: everywhere", {
      ...Object.fromEntries(paths.map((p) => [`${p}/index.ts`, "2\n"])),
      ".github/shipguard.yml": `packages:\n${paths.map((p) => `  ${p}: {}\n`).join("")}`,
    });
    const emulator = await startEmulator({
      gitDir: origin.dir,
      owner: "acme",
      repo: "app",
      token: TOKEN,
      permissions: { contents: "write", "pull-requests": "write" },
    });
    cleanup.push(() => emulator.close());
    const run = async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-release-pr-bench-"));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      spawnSync("git", ["clone", "-q", `file://${origin.dir}`, dir], { stdio: "inherit" });
      const checkout = new TestRepo(dir);
      const from = emulator.log.length;
      const started = process.hrtime.bigint();
      const result = await runAction({
        node: process.execPath,
        workspace: checkout.dir,
        inputs: { command: "release", "release-mode": "pull-request" },
        actionDefaults: { token: TOKEN },
        env: {
          GITHUB_API_URL: emulator.url,
          GITHUB_REPOSITORY: "acme/app",
          GITHUB_REF_TYPE: "branch",
          GITHUB_REF_NAME: "main",
        },
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.code !== 0) throw new Error(`the run failed:\n${result.stdout}`);
      const entries = emulator.log.slice(from);
      return {
        ms,
        requests: entries.length,
        writes: byOperation(entries.filter((e) => e.method !== "GET")),
        all: byOperation(entries),
      };
    };

    const propose = await run();
    const pr = emulator.state.pulls[0];
    if (pr === undefined) throw new Error("no pull request was opened");
    const files = spawnSync(
      "git",
      ["-C", origin.dir, "diff", "--name-only", "main", "shipguard/release/main"],
      {
        encoding: "utf8",
      },
    )
      .stdout.trim()
      .split("\n").length;
    const w = propose.writes;
    const gitWrites =
      (w["POST git/create-tree"] ?? 0) +
      (w["POST git/create-commit"] ?? 0) +
      (w["POST git/create-ref"] ?? 0) +
      (w["PATCH git/update-ref"] ?? 0);
    const verdict = releasePrWritesVerdict(w);
    const pass = verdict.pass;
    const why = pass
      ? ""
      : ` (not expected: ${verdict.unexpected.join(", ") || "none"}; not once: ${verdict.wrong.join(", ") || "none"})`;
    console.log(
      `release pull request, ${o.packages} packages, ${files} files: ${propose.requests} requests (${gitWrites} Git Data writes: ${JSON.stringify(w)}) in ${propose.ms.toFixed(0)} ms ${pass ? "PASS" : "FAIL"}${why} (target: exactly 1 tree, 1 commit, 1 ref, 1 pull request, 1 label call; no other write)`,
    );
    let release = null;
    if (o.merge) {
      emulator.mergePullRequest(pr.number, "squash");
      release = await run();
      console.log(
        `its merge, ${o.packages} releases: ${release.requests} requests (${JSON.stringify(release.writes)}) in ${release.ms.toFixed(0)} ms`,
      );
    }
    if (emulator.violations.length > 0)
      throw new Error(`emulator violations: ${JSON.stringify(emulator.violations)}`);
    if (o.jsonOut)
      writeFileSync(
        o.jsonOut,
        `${JSON.stringify({ packages: o.packages, files, propose, release, pass }, null, 2)}\n`,
      );
    return pass ? 0 : 1;
  } finally {
    for (const f of cleanup.reverse()) await f();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`release-pr-bench: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  },
);

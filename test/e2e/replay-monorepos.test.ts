/**
 * Issue 19, "How it is checked", first bullet: real monorepo histories that release-please
 * released, replayed with their settings translated into `.github/shipguard.yml`; the bundled
 * CLI's reading must give what those projects released, wherever the commits explain it.
 *
 * The facts (test/fixtures/replay/*.txt) list each package's releases and the commits each
 * release's changelog lists. Each project becomes one git repository built in a single
 * `git fast-import` (test/helpers/replay/repo.ts); `main` then moves from release point to release
 * point in date order, with the tags of the earlier points only, and `shipguard version --json`
 * runs once per point where a release is compared. A release is compared when its listed commits
 * explain its version by release-please's rule; the others (the first release of each package,
 * dependency-only releases, version jumps, ...) are counted by reason and printed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ProjectFacts, parseFacts } from "../helpers/replay/facts.ts";
import {
  countVerdicts,
  type PlannedRelease,
  planReplay,
  type ReplayCounts,
  type ReplayPlan,
  SKIPS,
  shipguardSettings,
} from "../helpers/replay/plan.ts";
import { ReplayRepo } from "../helpers/replay/repo.ts";
import { ROOT } from "../helpers/run-action.ts";
import { runCli } from "../helpers/run-cli.ts";

/** Each project, and the least number of its releases that must be compared (the explained share). */
const PROJECTS: { name: string; floor: number }[] = [
  { name: "google-cloud-go", floor: 88 },
  { name: "opentelemetry-js-contrib", floor: 95 },
  { name: "gax-nodejs", floor: 28 },
];

interface Outcome {
  release: PlannedRelease;
  got: string | null;
  reason: string;
}

function facts(name: string): ProjectFacts {
  const file = path.join(ROOT, "test/fixtures/replay", `${name}.txt`);
  return parseFacts(readFileSync(file, "utf8"), file);
}

/** The per-package entries of `version --json` (an object, or the JSON text of one). */
function packagesOf(stdout: string): Record<string, { version?: string | null; reason?: string }> {
  const packages = (JSON.parse(stdout) as { packages?: unknown }).packages;
  if (typeof packages === "string") return JSON.parse(packages);
  if (packages === null || typeof packages !== "object")
    throw new Error(`no packages in: ${stdout.slice(0, 300)}`);
  return packages as Record<string, { version?: string | null; reason?: string }>;
}

async function replay(plan: ReplayPlan): Promise<Outcome[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-replay-"));
  try {
    const repo = ReplayRepo.build(dir, plan);
    mkdirSync(path.join(dir, ".github"));
    writeFileSync(path.join(dir, ".github", "shipguard.yml"), shipguardSettings(plan.project));
    const outcomes: Outcome[] = [];
    for (const [index, point] of plan.points.entries()) {
      const compared = point.releases.filter((release) => release.verdict.kind === "compare");
      if (compared.length === 0) continue;
      repo.goTo(index);
      const run = await runCli(dir, ["version", "--json"]);
      if (run.code !== 0)
        throw new Error(`shipguard version failed at ${point.date}:\n${run.stderr}${run.stdout}`);
      const packages = packagesOf(run.stdout);
      for (const release of compared) {
        const entry = packages[release.fact.path];
        outcomes.push({
          release,
          got: entry?.version || null,
          reason: entry?.reason ?? "(not in the output)",
        });
      }
    }
    return outcomes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(name: string, counts: ReplayCounts, mismatches: Outcome[]): string {
  const skipped = Object.entries(counts.skipped).map(
    ([key, n]) => `    ${n} ${SKIPS[key as keyof typeof SKIPS]}`,
  );
  const lines = [
    `${name}: ${counts.releases} releases, ${counts.compared} compared (${counts.byReleaseAs} by Release-As), ` +
      `${counts.releases - counts.compared} skipped:`,
    ...skipped,
    ...mismatches.map(
      ({ release, got, reason }) =>
        `  MISMATCH ${release.fact.path} ${release.fact.date}: released ${release.fact.version} after ` +
        `${release.previous}, shipguard ${got ?? "no release"} (${reason})`,
    ),
  ];
  return lines.join("\n");
}

describe("replaying monorepos that release-please released", () => {
  for (const { name, floor } of PROJECTS) {
    it.concurrent(`${name}: every release its commits explain gets the released version`, async () => {
      const plan = planReplay(facts(name));
      const counts = countVerdicts(plan);
      const outcomes = await replay(plan);
      const mismatches = outcomes.filter(({ release, got }) => got !== release.fact.version);
      console.log(report(name, counts, mismatches));

      expect(outcomes).toHaveLength(counts.compared);
      expect(counts.compared).toBeGreaterThanOrEqual(floor);
      expect(
        mismatches.map(({ release, got }) => `${release.fact.path} ${release.fact.version}: got ${got}`),
      ).toEqual([]);
    }, 180_000);
  }
});

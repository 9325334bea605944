/**
 * `metrics` on the local ledger and a real repository (commits at set dates, real tags): the fixed
 * scenario of test/helpers/metrics-ledger.ts gives exactly the numbers worked out there, and the
 * Git port's two reads answer from the real history.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitCli } from "../../src/adapters/git-cli.ts";
import { defaultLedgerPath, LocalLedger } from "../../src/adapters/local-ledger.ts";
import { runMetricsCommand } from "../../src/commands/metrics.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { Logger } from "../../src/ports.ts";
import { metricsSummary } from "../../src/presenters/metrics-summary.ts";
import { readMetricsSettings } from "../../src/settings.ts";
import type { TestRepo } from "../helpers/git-repo.ts";
import {
  ABSENT_SHA,
  EXPECTED_IN_PROGRESS,
  EXPECTED_METRICS,
  RECOVERY_TARGET,
  SINCE,
  scenarioRepository,
  UNTIL,
  writeScenarioLedger,
} from "../helpers/metrics-ledger.ts";
import { ROOT } from "../helpers/run-action.ts";

let repo: TestRepo;
let shas: Record<string, string>;
const warnings: string[] = [];
const logger: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} };

beforeAll(() => {
  ({ repo, shas } = scenarioRepository());
  writeScenarioLedger(defaultLedgerPath(repo.dir), shas);
});
afterAll(() => repo.remove());

function settings(flags: Record<string, string>) {
  return readMetricsSettings((name) => flags[name]);
}

async function metrics(flags: Record<string, string>) {
  const ports = {
    ledger: new LocalLedger(defaultLedgerPath(repo.dir), { logger }),
    git: new GitCli(repo.dir, logger, { PATH: process.env.PATH ?? "/usr/bin:/bin" }),
    logger,
  };
  return runMetricsCommand(settings(flags), ports, new Date("2027-01-01T00:00:00Z"));
}

describe("metrics on the local ledger", () => {
  it("gives every metric of the scenario exactly, per environment", async () => {
    warnings.length = 0;
    const result = await metrics({ until: "2026-12-01", "recovery-target": RECOVERY_TARGET });
    const json = result.report.json;
    expect(json.schema).toBe("shipguard.metrics/v1");
    // `since` defaults to 30 days before `until`.
    expect([json.since, json.until]).toEqual([SINCE, UNTIL]);
    expect(json.recoveryTargetSeconds).toBe(900);
    expect(json.environments).toEqual({
      production: { ...EXPECTED_METRICS.production, inProgress: EXPECTED_IN_PROGRESS.production },
      staging: { ...EXPECTED_METRICS.staging, inProgress: EXPECTED_IN_PROGRESS.staging },
    });
    // The commit the history lacks is said, never guessed.
    expect(warnings.join("\n")).toContain(ABSENT_SHA);
  });

  it("gives the same numbers for one environment named in another case", async () => {
    const result = await metrics({
      until: "2026-12-01",
      since: SINCE,
      environment: "PRODUCTION",
      "recovery-target": "15m",
    });
    expect(Object.keys(result.report.json.environments)).toEqual(["production"]);
    expect(result.report.json.environments.production).toMatchObject(EXPECTED_METRICS.production);
  });

  it("a window a millisecond later leaves out the deployment exactly at `since`", async () => {
    const result = await metrics({ until: "2026-12-01T00:00:00.001Z", since: "2026-11-01T00:00:00.001Z" });
    const production = result.report.json.environments.production;
    // prod-3 is gone: its two commits with it, and its failure (it was rolled back from).
    expect(production?.deploymentFrequency.deploys).toBe(2);
    expect(production?.leadTime.commits).toBe(3);
    expect(production?.changeFailureRate).toMatchObject({ failed: 3, concluded: 5 });
  });

  it("a window without deployments reports none; an unknown environment is an error naming the known ones", async () => {
    const quiet = await metrics({ since: "2026-12-10", until: "2026-12-20" });
    expect(quiet.report.json.environments).toEqual({});
    expect(quiet.report.empty).toEqual(["production", "staging"]);
    // Before the first deployment, no environment is known yet.
    const before = await metrics({ since: "2026-01-01", until: "2026-02-01" });
    expect([before.report.json.environments, before.report.known]).toEqual([{}, []]);
    const error = await metrics({ until: "2026-12-01", environment: "prod" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipguardError);
    expect((error as ShipguardError).code).toBe("SG_METRICS_ENVIRONMENT_UNKNOWN");
    expect((error as ShipguardError).message).toContain('Known environments: "production", "staging".');
  });

  it("refuses a window that ends before it starts", async () => {
    const error = await metrics({ since: "2026-12-02", until: "2026-12-01" }).catch((e: unknown) => e);
    expect((error as ShipguardError).code).toBe("SG_INPUT_INVALID");
    expect((error as ShipguardError).message).toContain("since");
  });

  it("refuses a `since` beyond the calendar or more than ten years back, naming the input", async () => {
    for (const since of ["999999999w", "523w"]) {
      const error = await metrics({ since, until: "2026-12-01" }).catch((e: unknown) => e);
      expect(error, since).toBeInstanceOf(ShipguardError);
      expect((error as ShipguardError).code).toBe("SG_INPUT_INVALID");
      expect((error as ShipguardError).message).toContain(`Invalid since: "${since}"`);
    }
    // Ten years is the limit, and is accepted.
    const decade = await metrics({ since: "2016-12-01", until: "2026-12-01" });
    expect(decade.window.since.toISOString()).toBe("2016-12-01T00:00:00.000Z");
  });
});

describe("the README's sample summary", () => {
  it("is exactly what the summary of the scenario says", async () => {
    const result = await metrics({ until: "2026-12-01", "recovery-target": RECOVERY_TARGET });
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const start = "<!-- metrics-sample:start -->\n";
    const sample = readme.slice(
      readme.indexOf(start) + start.length,
      readme.indexOf("<!-- metrics-sample:end -->"),
    );
    // The README shows it two heading levels down, inside its own section.
    const summary = metricsSummary({ ...result, ledger: "the GitHub deployments of octo/app" });
    expect(sample.trim()).toBe(demoteHeadings(summary).trim());
  });

  it("and its JSON example is the scenario's, production only", async () => {
    const { json } = (await metrics({ until: "2026-12-01", "recovery-target": RECOVERY_TARGET })).report;
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const from = readme.indexOf("```json\n", readme.indexOf("### The `metrics` JSON (version 1)")) + 8;
    const example = JSON.parse(readme.slice(from, readme.indexOf("```", from)));
    expect(example).toEqual({ ...json, environments: { production: json.environments.production } });
  });
});

describe("the Git port's reads for lead time", () => {
  it("lists a range's commits with their committer dates, in one read", async () => {
    const git = new GitCli(repo.dir, logger, { PATH: process.env.PATH ?? "" });
    const commits = await git.datedCommits(shas.c8 as string, [shas.c5 as string, shas.c1 as string]);
    expect(commits).toEqual([
      { sha: shas.c8, committedAt: Date.parse("2026-11-13T12:00:00Z") / 1000 },
      { sha: shas.c7, committedAt: Date.parse("2026-11-10T00:00:00Z") / 1000 },
      { sha: shas.c6, committedAt: Date.parse("2026-11-05T00:00:00Z") / 1000 },
    ]);
    expect(await git.datedCommits(shas.c5 as string, [shas.c5 as string])).toEqual([]);
  });

  it("says which commits the history lacks: unknown SHAs and names that are no SHA", async () => {
    const git = new GitCli(repo.dir, logger, { PATH: process.env.PATH ?? "" });
    const tree = repo.git("rev-parse", `${shas.c1}^{tree}`).trim();
    expect(
      await git.missingCommits([shas.c1 as string, ABSENT_SHA, "HEAD~1", tree, shas.c1 as string]),
    ).toEqual(["HEAD~1", ABSENT_SHA, tree]);
    expect(await git.missingCommits([])).toEqual([]);
    expect(path.isAbsolute(repo.dir)).toBe(true);
  });
});

/** Headings two levels down, outside code blocks: how the README nests the sample. */
function demoteHeadings(markdown: string): string {
  let fenced = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (line.startsWith("```")) fenced = !fenced;
      return !fenced && /^#{1,4} /.test(line) ? `##${line}` : line;
    })
    .join("\n");
}

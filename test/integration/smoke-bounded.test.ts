import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCommandProbe } from "../../src/adapters/probes/command-probe.ts";
import { runSmoke } from "../../src/adapters/probes/run-smoke.ts";
import { runSmokeCommand } from "../../src/commands/smoke.ts";
import { NEVER_CANCELLED } from "../../src/context.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import { smokeText } from "../../src/presenters/deploy.ts";
import { renderSmokeSummary } from "../../src/presenters/smoke-summary.ts";
import { describeVerdict } from "../../src/steps/put-in-place.ts";

const dir = mkdtempSync(join(tmpdir(), "shipguard-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COUNT = 2_000;
const CAP = 6;
const DEADLINE_MS = 4_000;

/**
 * Each command marks itself live in a folder, writes how many are live, and fails with a long
 * line of output: the cap shows in the counts, the deadline in the wall time, and the bounds in
 * the lengths of every message built from 2,000 failures.
 */
const command = [
  'touch "$D/live/$$"',
  'ls "$D/live" | wc -l >> "$D/counts"',
  "sleep 0.05",
  'rm "$D/live/$$"',
  "printf '%04000d\\n' 0",
  "exit 1",
].join("; ");

describe("a suite of 2,000 command checks", () => {
  it("keeps the cap, holds the deadline and bounds every message", async () => {
    mkdirSync(join(dir, "live"));
    const checks = Array.from(
      { length: COUNT },
      (_, i) => `  - { name: c${i}, command: ${JSON.stringify(command)} }`,
    );
    const yaml = `settings: { deadline-ms: ${DEADLINE_MS}, max-concurrency: ${CAP} }\nchecks:\n${checks.join("\n")}\n`;
    const suite = parseChecks(yaml, "checks");
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", D: dir };
    const started = Date.now();
    const result = await runSmokeCommand(
      {
        workingDirectory: dir,
        environment: null,
        version: null,
        checks: { inline: yaml, file: null },
        repository: null,
        ledgerFile: null,
      },
      {
        smoke: {
          suite,
          run: (s, e) =>
            runSmoke(s, { env: e, probes: { command: createCommandProbe({ killGraceMs: 200 }) } }),
        },
      },
      { env, cancellation: NEVER_CANCELLED } as never,
    );
    const wallMs = Date.now() - started;

    const counts = readFileSync(join(dir, "counts"), "utf8").trim().split("\n").map(Number);
    expect(counts.length).toBeGreaterThan(CAP);
    expect(Math.max(...counts)).toBeLessThanOrEqual(CAP);
    expect(Math.max(...counts)).toBeGreaterThan(1);

    expect(wallMs).toBeLessThan(DEADLINE_MS + 2_500);
    expect(result.report.checks).toHaveLength(COUNT);
    expect(result.verdict).toBe("fail");
    expect(result.report.checks.some((c) => c.cause === "deadline")).toBe(true);

    expect(result.message.length).toBeLessThan(3_000);
    expect(result.message).toMatch(/and \d+ more$/);
    expect(describeVerdict(result.report).length).toBeLessThan(500);
    for (const check of result.report.checks) expect(check.detail.length).toBeLessThan(1_100);
    expect(renderSmokeSummary(result.report).length).toBeLessThan(200_000);
    expect(renderSmokeSummary(result.report)).toContain("more checks, not shown here");
    expect(smokeText(result.report).split("\n").length).toBeLessThan(110);
  }, 30_000);
});

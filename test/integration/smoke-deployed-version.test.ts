// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR}` templates are the data under test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalLedger } from "../../src/adapters/local-ledger.ts";
import { runSmoke } from "../../src/adapters/probes/run-smoke.ts";
import { runSmokeCommand } from "../../src/commands/smoke.ts";
import { NEVER_CANCELLED, type RunContext } from "../../src/context.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { Logger } from "../../src/ports.ts";
import type { SmokeSettings } from "../../src/settings.ts";

const dir = mkdtempSync(path.join(tmpdir(), "shipguard-deployed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logger: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };
const context = {
  env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
  cancellation: NEVER_CANCELLED,
} as unknown as RunContext;
const SHA = "a".repeat(40);

async function ledgerWith(versions: [string, string][]): Promise<LocalLedger> {
  const ledger = new LocalLedger(path.join(dir, `${Math.random()}.jsonl`), { logger, creator: "dev" });
  for (const [environment, version] of versions) {
    await ledger.create({
      environment,
      sha: SHA,
      description: `Deploy ${version}`,
      payload: {
        tool: "shipguard",
        schema: 1,
        kind: "deploy",
        version,
        tag: `v${version}`,
        sha: SHA,
        rolledBackFrom: null,
        reason: null,
        runUrl: null,
        correlationId: `c-${environment}-${version}`,
      },
    });
  }
  return ledger;
}

const settings = (environment: string | null): SmokeSettings => ({
  workingDirectory: dir,
  environment,
  version: null,
  checks: { inline: "", file: null },
  repository: null,
  ledgerFile: null,
});

const run = (yaml: string, environment: string | null, ledger: LocalLedger | null) =>
  runSmokeCommand(
    settings(environment),
    { smoke: { suite: parseChecks(yaml, "checks"), run: (s, env) => runSmoke(s, { env }) }, ledger },
    context,
  );

describe("smoke without a version", () => {
  const expectsVersion = `- name: deployed\n  command: 'test "$SHIPGUARD_VERSION" = 1.4.2'\n`;
  const templated = `- name: deployed\n  prometheus: http://127.0.0.1:1\n  query: 'up{version="\${SHIPGUARD_VERSION}"}'\n  max: 1\n`;

  it("checks the version last deployed to the environment (the newest record)", async () => {
    const ledger = await ledgerWith([
      ["production", "1.4.1"],
      ["staging", "1.5.0"],
      ["production", "1.4.2"],
    ]);
    const result = await run(expectsVersion, "production", ledger);
    expect(result.verdict).toBe("pass");
    expect(result.message).toBe("Smoke checks passed (1) against deployed 1.4.2.");
  });

  it("without an environment, fails clearly when the checks need the version", async () => {
    const error = await run(templated, null, null).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SG_SMOKE_VERSION_UNKNOWN", input: "version" });
    expect(String(error)).toContain("no `version` and no `environment`");
  });

  it("without any record of the environment, fails clearly naming it", async () => {
    const ledger = await ledgerWith([["staging", "1.5.0"]]);
    const error = await run(templated, "production", ledger).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SG_SMOKE_VERSION_UNKNOWN" });
    expect((error as Error).message).toContain('records no deployment to `environment` "production"');
  });

  it("keeps today's behaviour for checks that do not use the version", async () => {
    const result = await run(`- { name: plain, command: 'true' }\n`, null, null);
    expect(result.verdict).toBe("pass");
  });
});

/**
 * `shipguard metrics --notify-url` as a user runs it (`node dist/cli.js`) on the fixed scenario's
 * local ledger: the digest reaches a real receiver on 127.0.0.1, and the URL is never printed.
 */
import { describe, expect, it } from "vitest";
import { defaultLedgerPath } from "../../src/adapters/local-ledger.ts";
import { scenarioRepository, writeScenarioLedger } from "../helpers/metrics-ledger.ts";
import { runCli } from "../helpers/run-cli.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";

describe("shipguard metrics --notify-url", () => {
  it("sends the metrics event with the report, and says it did", async (ctx) => {
    const { repo, shas } = scenarioRepository();
    ctx.onTestFinished(() => repo.remove());
    writeScenarioLedger(defaultLedgerPath(repo.dir), shas);
    const receiver = await webhookReceiver(ctx, { path: "/hook/s3cret" });
    const r = await runCli(repo.dir, [
      "metrics",
      "--until",
      "2026-12-01",
      "--json",
      "--notify-url",
      receiver.url,
    ]);
    expect(r.code, r.stderr).toBe(0);
    // --json is the report, and (as for every command that tells) what was told.
    const { notifications, incident, ...report } = JSON.parse(r.stdout);
    expect(incident).toBeNull();
    expect(notifications).toEqual([
      expect.objectContaining({
        event: "metrics",
        ok: true,
        status: 200,
        receiver: expect.stringMatching(/^notify-url 1 /),
      }),
    ]);
    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.bodies[0]).toMatchObject({ event: "metrics", status: "reported", runUrl: null });
    expect(receiver.bodies[0]?.metrics).toEqual(report);
    expect(`${r.stdout}${r.stderr}`).not.toContain("s3cret");
  });
});

/**
 * The bundled action (`node dist/index.js`, run as the runner runs it) with `command: metrics`,
 * given exactly what metrics.yml's step passes for a caller, on the emulator seeded with the fixed
 * scenario of test/helpers/metrics-ledger.ts: the `metrics` output holds the local ledger's exact
 * numbers, read in one GraphQL request at GITHUB_GRAPHQL_URL, and the webhook (a real receiver on
 * 127.0.0.1) gets the weekly digest in the format asked.
 */
import { describe, expect, it, type TestContext } from "vitest";
import { type Emulator, startEmulator } from "../emulator/index.ts";
import { adaptiveCardProblems } from "../fixtures/notify/adaptive-card.ts";
import type { SlackBody, TeamsBody } from "../fixtures/notify/sample-event.ts";
import { inProgressIds, seedScenario } from "../helpers/metrics-emulator.ts";
import {
  EXPECTED_METRICS,
  RECOVERY_TARGET,
  SINCE,
  scenarioRepository,
  UNTIL,
} from "../helpers/metrics-ledger.ts";
import { runAction } from "../helpers/run-action.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";
import { shipguardStepInputs } from "../helpers/workflow-step.ts";

const TOKEN = "ghs_metricsActionToken0000000000000000000";

interface World {
  emulator: Emulator;
  dir: string;
  ids: Record<string, string>;
}

async function world(ctx: TestContext): Promise<World> {
  const { repo, shas } = scenarioRepository();
  ctx.onTestFinished(() => repo.remove());
  const emulator = await startEmulator({
    gitDir: repo.dir,
    token: TOKEN,
    permissions: { contents: "read", deployments: "read" },
  });
  ctx.onTestFinished(() => emulator.close());
  return { emulator, dir: repo.dir, ids: seedScenario(emulator, shas) };
}

function metricsWorkflow(w: World, inputs: Record<string, string>, notifyUrl: string) {
  return runAction({
    workspace: w.dir,
    inputs: shipguardStepInputs("metrics.yml", { inputs, secrets: { NOTIFY_URL: notifyUrl }, token: TOKEN }),
    actionDefaults: { token: TOKEN },
    env: {
      GITHUB_API_URL: `${w.emulator.url}/api/v3`,
      GITHUB_GRAPHQL_URL: `${w.emulator.url}/graphql`,
      GITHUB_REPOSITORY: "acme/app",
      GITHUB_RUN_ID: "77",
      GITHUB_ACTOR: "octocat",
    },
  });
}

const WINDOW = { until: "2026-12-01", "recovery-target": RECOVERY_TARGET };

describe("action: command metrics through metrics.yml", () => {
  it("outputs the scenario's exact numbers from GitHub Deployments and sends the json digest", async (ctx) => {
    const w = await world(ctx);
    const receiver = await webhookReceiver(ctx);
    const run = await metricsWorkflow(w, WINDOW, receiver.url);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const metrics = JSON.parse(run.outputs.metrics ?? "{}");
    const inProgress = inProgressIds(w.ids);
    expect(metrics).toMatchObject({ schema: "shipguard.metrics/v1", since: SINCE, until: UNTIL });
    expect(metrics.environments).toEqual({
      production: { ...EXPECTED_METRICS.production, inProgress: inProgress.production },
      staging: { ...EXPECTED_METRICS.staging, inProgress: inProgress.staging },
    });
    // One GraphQL request, at GITHUB_GRAPHQL_URL; the REST base URL (a GHES-like /api/v3) unused.
    expect(w.emulator.log.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /graphql"]);
    expect(w.emulator.violations).toEqual([]);
    expect(run.summary).toContain("```mermaid");

    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.bodies[0]).toMatchObject({
      schema: "shipguard.event/v1",
      event: "metrics",
      repository: "acme/app",
      status: "reported",
      headline: "acme/app delivery metrics, 2026-11-01 to 2026-12-01: 6 deploys in 2 environments",
      startedBy: "octocat",
      runUrl: expect.stringContaining("/acme/app/actions/runs/77"),
    });
    expect(receiver.bodies[0]?.metrics).toEqual(metrics);
    // The webhook is a secret: never printed.
    expect(run.stdout + run.stderr + run.summary).not.toContain(receiver.url);
  });

  it("sends the digest as Slack blocks and as a Teams card", async (ctx) => {
    const w = await world(ctx);
    const slack = await webhookReceiver(ctx, { path: "/services/T0/B0/secret" });
    const slackRun = await metricsWorkflow(w, { ...WINDOW, "notify-format": "slack" }, slack.url);
    expect(slackRun.code, slackRun.stderr).toBe(0);
    const body = slack.bodies[0] as unknown as SlackBody;
    expect(body.blocks.map((b) => b.text?.text)).toEqual([
      expect.stringContaining(
        "*acme/app delivery metrics, 2026-11-01 to 2026-12-01: 6 deploys in 2 environments*",
      ),
      "*production*",
      "*staging*",
    ]);
    expect(body.blocks[1]?.fields?.map((f) => f.text)).toEqual([
      "*Deployment frequency*\n3 deploys on 3 days: 0.1/day, 0.7/week (medium)",
      "*Lead time for changes*\n5 commits: median 1d 13h, p90 10d 1h (high)",
      "*Change failure rate*\n4 of 6 concluded deploys: 66.7% (low)",
      "*Recovery time*\n3 recoveries, 1 unrecovered: median 4d 19h, p90 9d 1h, 33.3% within 15m (low)",
      "*Rework rate*\n3 of 7 concluded deployments: 42.9%",
    ]);

    const teams = await webhookReceiver(ctx, { answer: { status: 202 } });
    const teamsRun = await metricsWorkflow(w, { ...WINDOW, "notify-format": "teams" }, teams.url);
    expect(teamsRun.code, teamsRun.stderr).toBe(0);
    const card = (teams.bodies[0] as unknown as TeamsBody).attachments[0]?.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card?.body.filter((e) => e.type === "FactSet").map((e) => e.facts?.[2]?.value)).toEqual([
      "4 of 6 concluded deploys: 66.7% (low)",
      "0 of 3 concluded deploys: 0% (elite)",
    ]);
    expect(w.emulator.violations).toEqual([]);
  });
});

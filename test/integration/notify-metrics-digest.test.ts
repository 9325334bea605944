/**
 * The weekly digest delivered: the `metrics` event posted by the WebhookNotifier to a real HTTP
 * receiver on 127.0.0.1 in each of the three formats, as a receiver gets it.
 */
import { describe, expect, it } from "vitest";
import { WebhookNotifier } from "../../src/adapters/notify/webhook.ts";
import { metricsEvent } from "../../src/presenters/metrics-event.ts";
import { adaptiveCardProblems } from "../fixtures/notify/adaptive-card.ts";
import type { SlackBody, TeamsBody } from "../fixtures/notify/sample-event.ts";
import { PRODUCTION, STAGING, sampleResult } from "../helpers/metrics-digest-sample.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";

const result = sampleResult({ production: PRODUCTION, staging: STAGING });
const metrics = result.report.json;
const event = metricsEvent(result, {
  repository: "acme/app",
  runUrl: "https://github.com/acme/app/actions/runs/7",
  actor: "octocat",
  at: "2026-12-01T06:00:00.000Z",
  environmentUrl: null,
});

describe("the metrics digest over HTTP", () => {
  it("posts the json format with the whole report", async (ctx) => {
    const receiver = await webhookReceiver(ctx);
    const deliveries = await new WebhookNotifier({ urls: [receiver.url], format: "json" }).send(event);
    expect(deliveries).toEqual([
      expect.objectContaining({ ok: true, event: "metrics", attempts: 1, status: 200 }),
    ]);
    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.bodies[0]).toMatchObject({
      schema: "shipguard.event/v1",
      event: "metrics",
      status: "reported",
    });
    expect(receiver.bodies[0]?.metrics).toEqual(metrics);
  });

  it("posts Slack's blocks and a Teams card, each as the receiver parses it", async (ctx) => {
    const slack = await webhookReceiver(ctx, { path: "/services/T0/B0/x" });
    const teams = await webhookReceiver(ctx, { answer: { status: 202 }, path: "/workflows/1" });
    const [toSlack, toTeams] = await Promise.all([
      new WebhookNotifier({ urls: [slack.url], format: "slack" }).send(event),
      new WebhookNotifier({ urls: [teams.url], format: "teams" }).send(event),
    ]);
    expect(toSlack?.[0]).toMatchObject({ ok: true, status: 200 });
    expect(toTeams?.[0]).toMatchObject({ ok: true, status: 202 });
    const slackBody = slack.bodies[0] as unknown as SlackBody;
    expect(slackBody.text).toBe(
      "acme/app delivery metrics, 2026-11-01 to 2026-12-01: 6 deploys in 2 environments",
    );
    expect(slackBody.blocks.map((b) => b.text?.text)).toEqual([
      expect.stringContaining("<https://github.com/acme/app/actions/runs/7|Workflow run>"),
      "*production*",
      "*staging*",
    ]);
    expect(slackBody.blocks[2]?.fields?.[2]?.text).toBe(
      "*Change failure rate*\n0 of 3 concluded deploys: 0% (elite)",
    );
    const card = (teams.bodies[0] as unknown as TeamsBody).attachments[0]?.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card?.body.filter((e) => e.type === "FactSet")).toHaveLength(2);
    expect(card?.body[3]?.text).toBe("staging");
  });
});

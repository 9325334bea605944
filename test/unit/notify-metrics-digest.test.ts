import { describe, expect, it } from "vitest";
import { MAX_SLACK_BLOCKS } from "../../src/core/notify/digest-bodies.ts";
import { renderBody } from "../../src/core/notify/formats.ts";
import { MAX_TEAMS_BODY_BYTES } from "../../src/core/notify/teams-card.ts";
import { metricsEvent } from "../../src/presenters/metrics-event.ts";
import { adaptiveCardProblems } from "../fixtures/notify/adaptive-card.ts";
import type { SlackBody, TeamsBody } from "../fixtures/notify/sample-event.ts";
import { manyEnvironments, PRODUCTION, STAGING, sampleResult } from "../helpers/metrics-digest-sample.ts";

const context = {
  repository: "acme/app",
  runUrl: "https://github.com/acme/app/actions/runs/7",
  actor: "octocat",
  at: "2026-12-01T06:00:00.000Z",
  environmentUrl: null,
};

const PRODUCTION_LINES = [
  "*Deployment frequency*\n3 deploys on 3 days: 0.1/day, 0.7/week (medium)",
  "*Lead time for changes*\n5 commits: median 1d 13h, p90 10d 1h (high)",
  "*Change failure rate*\n4 of 6 concluded deploys: 66.7% (low)",
  "*Recovery time*\n3 recoveries, 1 unrecovered: median 4d 19h, p90 9d 1h, 33.3% within 15m (low)",
  "*Rework rate*\n3 of 7 concluded deployments: 42.9%",
];

describe("the metrics event", () => {
  it("says the window, the deploys and where, and carries the report whole in the json format", () => {
    const result = sampleResult({ production: PRODUCTION, staging: STAGING });
    const event = metricsEvent(result, context);
    expect(event).toMatchObject({
      event: "metrics",
      environment: null,
      status: "reported",
      startedBy: "octocat",
      headline: "acme/app delivery metrics, 2026-11-01 to 2026-12-01: 6 deploys in 2 environments",
    });
    const json = renderBody("json", event) as Record<string, unknown>;
    expect(json.metrics).toEqual(result.report.json);
    expect(Object.keys(json)).toContain("runUrl");
    expect(metricsEvent(sampleResult({}), context)).toMatchObject({
      status: "no deployments",
      headline: "acme/app delivery metrics, 2026-11-01 to 2026-12-01: no deployments",
    });
    expect(metricsEvent(sampleResult({ production: PRODUCTION }), context).environment).toBe("production");
  });
});

describe("the digest in Slack and Teams", () => {
  it("gives Slack the headline with the run, then one section per environment with the text's lines", () => {
    const body = renderBody(
      "slack",
      metricsEvent(sampleResult({ production: PRODUCTION }), context),
    ) as SlackBody;
    expect(body.text).toBe("acme/app delivery metrics, 2026-11-01 to 2026-12-01: 3 deploys in production");
    expect(body.blocks[0]?.text?.text).toBe(
      "*acme/app delivery metrics, 2026-11-01 to 2026-12-01: 3 deploys in production*\n<https://github.com/acme/app/actions/runs/7|Workflow run>",
    );
    expect(body.blocks[1]?.text?.text).toBe("*production*");
    expect(body.blocks[1]?.fields?.map((f) => f.text)).toEqual(PRODUCTION_LINES);
  });

  it("keeps Slack within 50 blocks, its text limits and escaped, however many environments", () => {
    const body = renderBody("slack", metricsEvent(sampleResult(manyEnvironments(80)), context)) as SlackBody;
    expect(body.blocks).toHaveLength(MAX_SLACK_BLOCKS);
    expect(body.blocks.at(-1)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "and 32 more environments", verbatim: true }],
    });
    const texts = body.blocks.flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)]);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(text).not.toMatch(/<!channel>/);
    }
    for (const block of body.blocks) expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
    expect(body.blocks[1]?.text?.text).toContain("&lt;!channel&gt;");
  });

  it("gives Teams a valid card within its size, and cuts environments with a count", () => {
    const one = renderBody(
      "teams",
      metricsEvent(sampleResult({ production: PRODUCTION }), context),
    ) as TeamsBody;
    const card = one.attachments[0]?.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card?.body.map((e) => e.type)).toEqual(["TextBlock", "TextBlock", "FactSet"]);
    expect(card?.body[2]?.facts?.[2]).toEqual({
      title: "Change failure rate",
      value: "4 of 6 concluded deploys: 66.7% (low)",
    });
    expect(card?.actions).toEqual([
      { type: "Action.OpenUrl", title: "Workflow run", url: "https://github.com/acme/app/actions/runs/7" },
    ]);

    const many = renderBody("teams", metricsEvent(sampleResult(manyEnvironments(200)), context)) as TeamsBody;
    expect(new TextEncoder().encode(JSON.stringify(many)).length).toBeLessThanOrEqual(MAX_TEAMS_BODY_BYTES);
    const big = many.attachments[0]?.content;
    expect(adaptiveCardProblems(big)).toEqual([]);
    const shown = big?.body.filter((e) => e.type === "FactSet").length ?? 0;
    expect(big?.body.at(-1)?.text).toBe(`and ${200 - shown} more environments`);
    expect(shown).toBeGreaterThan(10);
    // A markdown link in a name is shown, never made a link.
    expect(big?.body[1]?.text).toContain("]\u200b(https://evil.example)");
  });
});

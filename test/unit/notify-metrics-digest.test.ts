import { describe, expect, it } from "vitest";
import { MAX_SLACK_BLOCKS } from "../../src/core/notify/digest-bodies.ts";
import { renderBody } from "../../src/core/notify/formats.ts";
import { digestFacts, duration, metricsEvent } from "../../src/core/notify/metrics-digest.ts";
import { MAX_TEAMS_BODY_BYTES } from "../../src/core/notify/teams-card.ts";
import { adaptiveCardProblems } from "../fixtures/notify/adaptive-card.ts";
import type { SlackBody, TeamsBody } from "../fixtures/notify/sample-event.ts";
import { EMPTY, manyEnvironments, PRODUCTION, sampleMetrics } from "../helpers/metrics-digest-sample.ts";

const context = {
  repository: "acme/app",
  runUrl: "https://github.com/acme/app/actions/runs/7",
  startedBy: "schedule",
  at: "2026-12-07T06:00:00.000Z",
};

describe("the metrics event", () => {
  it("says the window, the deploys and where, and carries the report whole", () => {
    const metrics = sampleMetrics({ production: PRODUCTION, staging: EMPTY });
    const event = metricsEvent(metrics, context);
    expect(event).toMatchObject({
      event: "metrics",
      environment: null,
      status: "reported",
      headline: "acme/app delivery metrics, 2026-11-30 to 2026-12-07: 12 deploys in 2 environments",
    });
    expect(renderBody("json", event)).toEqual({ ...event, metrics });
    expect(metricsEvent(sampleMetrics({}), context)).toMatchObject({
      status: "no deployments",
      headline: "acme/app delivery metrics, 2026-11-30 to 2026-12-07: no deployments",
    });
    expect(metricsEvent(sampleMetrics(), context).environment).toBe("production");
  });

  it("reads each metric in one line with its basis and tier", () => {
    expect(digestFacts(PRODUCTION)).toEqual([
      { title: "Deploys", value: "12 (1.7 a week), high" },
      { title: "Lead time", value: "median 3h 12m over 31 commits, elite" },
      { title: "Change failure rate", value: "15.4% (2 of 13), medium" },
      {
        title: "Recovery time",
        value: "median 14m over 2 recoveries, 50% within target, 1 unrecovered, elite",
      },
      { title: "Rework rate", value: "20% (3 of 15)" },
    ]);
    expect(digestFacts(EMPTY).map((f) => f.value)).toEqual([
      "0 (0 a week), low",
      "no commits counted",
      "no concluded deploys",
      "no recoveries",
      "no concluded deployments",
    ]);
    expect([0, 59, 60, 3600, 7260, 172_800, 180_000].map(duration)).toEqual([
      "0s",
      "59s",
      "1m",
      "1h",
      "2h 1m",
      "2d",
      "2d 2h",
    ]);
  });
});

describe("the digest in Slack and Teams", () => {
  it("gives Slack the headline with the run, then one section of five fields per environment", () => {
    const body = renderBody("slack", metricsEvent(sampleMetrics(), context)) as SlackBody;
    expect(body.text).toBe("acme/app delivery metrics, 2026-11-30 to 2026-12-07: 12 deploys in production");
    expect(body.blocks[0]?.text?.text).toBe(
      "*acme/app delivery metrics, 2026-11-30 to 2026-12-07: 12 deploys in production*\n<https://github.com/acme/app/actions/runs/7|Workflow run>",
    );
    expect(body.blocks[1]?.text?.text).toBe("*production*");
    expect(body.blocks[1]?.fields?.map((f) => f.text)).toEqual([
      "*Deploys*\n12 (1.7 a week), high",
      "*Lead time*\nmedian 3h 12m over 31 commits, elite",
      "*Change failure rate*\n15.4% (2 of 13), medium",
      "*Recovery time*\nmedian 14m over 2 recoveries, 50% within target, 1 unrecovered, elite",
      "*Rework rate*\n20% (3 of 15)",
    ]);
  });

  it("keeps Slack within 50 blocks, its text limits and escaped, however many environments", () => {
    const body = renderBody("slack", metricsEvent(sampleMetrics(manyEnvironments(80)), context)) as SlackBody;
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
    const one = renderBody("teams", metricsEvent(sampleMetrics(), context)) as TeamsBody;
    const card = one.attachments[0]?.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card?.body.map((e) => e.type)).toEqual(["TextBlock", "TextBlock", "FactSet"]);
    expect(card?.body[2]?.facts?.[2]).toEqual({
      title: "Change failure rate",
      value: "15.4% (2 of 13), medium",
    });
    expect(card?.actions).toEqual([
      { type: "Action.OpenUrl", title: "Workflow run", url: "https://github.com/acme/app/actions/runs/7" },
    ]);

    const many = renderBody(
      "teams",
      metricsEvent(sampleMetrics(manyEnvironments(200)), context),
    ) as TeamsBody;
    const bytes = new TextEncoder().encode(JSON.stringify(many)).length;
    expect(bytes).toBeLessThanOrEqual(MAX_TEAMS_BODY_BYTES);
    const big = many.attachments[0]?.content;
    expect(adaptiveCardProblems(big)).toEqual([]);
    const last = big?.body.at(-1)?.text ?? "";
    const shown = big?.body.filter((e) => e.type === "FactSet").length ?? 0;
    expect(last).toBe(`and ${200 - shown} more environments`);
    expect(shown).toBeGreaterThan(10);
    // A markdown link in a name is shown, never made a link.
    expect(big?.body[1]?.text).toContain("]\u200b(https://evil.example)");
  });
});

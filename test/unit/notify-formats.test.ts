import { describe, expect, it } from "vitest";
import { EVENT_SCHEMA, type NotificationEvent } from "../../src/core/notify/event.ts";
import { renderBody } from "../../src/core/notify/formats.ts";
import { adaptiveCardProblems } from "../fixtures/notify/adaptive-card.ts";
import { manyChecks, type SlackBody, sampleEvent, type TeamsBody } from "../fixtures/notify/sample-event.ts";

const EVIL_CAUSE = "answered <!channel> see <http://evil.example|x> & <@U123>";

function slack(event: NotificationEvent): SlackBody {
  return renderBody("slack", event) as SlackBody;
}

function card(event: NotificationEvent): TeamsBody["attachments"][number]["content"] {
  const content = (renderBody("teams", event) as TeamsBody).attachments[0]?.content;
  if (content === undefined) throw new Error("no card");
  return content;
}

function fieldTexts(body: SlackBody, index: number): string[] {
  return (body.blocks[index]?.fields ?? []).map((field) => field.text);
}

/** Every string in a JSON value, for checks that something appears nowhere. */
function allText(value: unknown): string {
  return JSON.stringify(value);
}

describe("json format", () => {
  it("is the event, field for field, under its versioned schema", () => {
    const event = sampleEvent();
    const body = renderBody("json", event);
    expect(body).toEqual(event);
    expect((body as NotificationEvent).schema).toBe(EVENT_SCHEMA);
  });

  it("sends no field the event type does not have, at most 10 checks, causes on one short line", () => {
    const event = { ...sampleEvent({ failedChecks: manyChecks(14) }), token: "hidden" } as NotificationEvent;
    event.failedChecks[0] = { name: "multi", cause: `first line\nsecond line ${"y".repeat(400)}` };
    const body = renderBody("json", event) as NotificationEvent;
    expect(Object.keys(body).sort()).toEqual(Object.keys(sampleEvent()).sort());
    expect(body.failedChecks).toHaveLength(10);
    expect(body.failedChecks[0]?.cause).toMatch(/^first line second line y+…$/);
    expect(body.failedChecks[0]?.cause.length).toBeLessThanOrEqual(200);
  });
});

describe("slack format", () => {
  it("has the headline as text, then the headline and the links, run first, in the first block", () => {
    const body = slack(sampleEvent());
    expect(body.text).toBe("Rolled back production: 2.0.0 → 1.9.3 after 2 failed checks");
    const first = body.blocks[0]?.text?.text ?? "";
    const [headline, links] = first.split("\n");
    expect(headline).toBe(`*${body.text}*`);
    expect(links).toBe(
      "<https://github.com/acme/shop/actions/runs/42|Workflow run> · " +
        "<https://github.com/acme/shop/releases/tag/v2.0.0|Release 2.0.0> · " +
        "<https://github.com/acme/shop/issues/7|Incident>",
    );
  });

  it("shows the facts as fields: environment, version from previous, status, started by, correlation id", () => {
    expect(fieldTexts(slack(sampleEvent()), 1)).toEqual([
      "*Repository*\nacme/shop",
      "*Environment*\nproduction",
      "*Version*\n1.9.3 ← 2.0.0",
      "*Status*\nfailure",
      "*Started by*\noctocat",
      "*Correlation id*\ndeploy-production-42-1",
    ]);
  });

  it("lists five failed checks, then how many more, then the reason", () => {
    const body = slack(sampleEvent({ failedChecks: manyChecks(8) }));
    const checks = body.blocks[2]?.text?.text as string;
    expect(checks.split("\n")).toEqual([
      "*Failed checks (8)*",
      "• *check-1*: cause 1",
      "• *check-2*: cause 2",
      "• *check-3*: cause 3",
      "• *check-4*: cause 4",
      "• *check-5*: cause 5",
      "and 3 more",
    ]);
    expect(body.blocks[3]?.text?.text).toBe("*Reason*\nsmoke checks failed after deploy");
  });

  it("escapes untrusted text so that it makes no link or mention", () => {
    const body = slack(
      sampleEvent({
        headline: "Deploy <!here> failed",
        failedChecks: [{ name: "<@U999>", cause: EVIL_CAUSE }],
        reason: "because <http://evil.example|click>",
        startedBy: "<!everyone>",
      }),
    );
    const text = allText(body);
    expect(text).not.toMatch(/<!|<@|<http:\/\/evil/);
    expect(body.blocks[2]?.text?.text).toContain(
      "answered &lt;!channel&gt; see &lt;http://evil.example|x&gt; &amp; &lt;@U123&gt;",
    );
    expect(body.text).toBe("Deploy &lt;!here&gt; failed");
  });

  it("leaves out missing fields and non-web links, and has no checks block when none failed", () => {
    const body = slack(
      sampleEvent({
        event: "released",
        environment: null,
        previousVersion: null,
        failedChecks: [],
        reason: null,
        runUrl: null,
        startedBy: null,
        correlationId: null,
        links: [{ label: "bad", url: "javascript:alert(1)" }],
      }),
    );
    expect(body.blocks).toHaveLength(2);
    expect(body.blocks[0]?.text?.text).not.toContain("\n");
    expect(fieldTexts(body, 1)).toEqual(["*Repository*\nacme/shop", "*Version*\n1.9.3", "*Status*\nfailure"]);
  });

  it("marks every mrkdwn text object verbatim, so Slack links and mentions nothing on its own", () => {
    const body = slack(
      sampleEvent({ failedChecks: manyChecks(3), reason: "see https://evil.example #general" }),
    );
    const objects = body.blocks.flatMap((block) => [
      ...(block.text ? [block.text] : []),
      ...(block.fields ?? []),
    ]);
    expect(objects.length).toBe(9);
    for (const object of objects) expect(object).toMatchObject({ type: "mrkdwn", verbatim: true });
  });

  it("stays within Slack's limits however long the text", () => {
    const huge = "&".repeat(5000);
    const body = slack(
      sampleEvent({
        headline: huge,
        reason: huge,
        failedChecks: Array.from({ length: 50 }, () => ({ name: huge, cause: huge })),
        links: Array.from({ length: 40 }, (_, index) => ({
          label: huge,
          url: `https://e.example/${index}?${huge}`,
        })),
      }),
    );
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    for (const block of body.blocks) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
    }
    expect(body.blocks[2]?.text?.text).toMatch(/\nand \d+ more$/);
    expect(allText(body)).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });
});

describe("teams format", () => {
  it("is a workflow message carrying one Adaptive Card 1.4", () => {
    const body = renderBody("teams", sampleEvent()) as TeamsBody;
    expect(body.type).toBe("message");
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]).toMatchObject({
      contentType: "application/vnd.microsoft.card.adaptive",
      contentUrl: null,
    });
    const content = body.attachments[0]?.content;
    expect(content).toMatchObject({
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      type: "AdaptiveCard",
      version: "1.4",
    });
    expect(adaptiveCardProblems(content)).toEqual([]);
  });

  it("has the headline, the facts, the failed checks and the reason, and the links as actions", () => {
    const content = card(sampleEvent({ failedChecks: manyChecks(7) }));
    expect(content.body[0]).toMatchObject({ type: "TextBlock", weight: "Bolder", wrap: true });
    expect(content.body[0]?.text).toBe("Rolled back production: 2.0.0 → 1.9.3 after 2 failed checks");
    expect(content.body[1]?.facts).toContainEqual({ title: "Version", value: "1.9.3 ← 2.0.0" });
    const texts = content.body.slice(2).map((element) => element.text);
    expect(texts).toEqual([
      "Failed checks (7)",
      "check-1: cause 1",
      "check-2: cause 2",
      "check-3: cause 3",
      "check-4: cause 4",
      "check-5: cause 5",
      "and 2 more",
      "Reason: smoke checks failed after deploy",
    ]);
    expect(content.actions.map((action) => [action.type, action.title, action.url])).toEqual([
      ["Action.OpenUrl", "Workflow run", "https://github.com/acme/shop/actions/runs/42"],
      ["Action.OpenUrl", "Release 2.0.0", "https://github.com/acme/shop/releases/tag/v2.0.0"],
      ["Action.OpenUrl", "Incident", "https://github.com/acme/shop/issues/7"],
    ]);
  });

  it("makes no markdown link of untrusted text, and stays a valid card without optional parts", () => {
    const content = card(
      sampleEvent({
        failedChecks: [{ name: "x", cause: "see [here](https://evil.example)" }],
        environment: null,
        reason: null,
        runUrl: null,
        links: [],
      }),
    );
    expect(allText(content)).not.toContain("](");
    expect(content.actions).toEqual([]);
    expect(adaptiveCardProblems(content)).toEqual([]);
  });
});

describe("the validator of the tests", () => {
  it("finds missing required properties at any depth", () => {
    const broken = {
      type: "AdaptiveCard",
      body: [
        { type: "TextBlock" },
        { type: "FactSet", facts: [{ title: "a" }] },
        { type: "Container", items: [{}] },
      ],
      actions: [
        { type: "Action.OpenUrl" },
        { type: "Action.ShowCard", card: { type: "AdaptiveCard", body: [{ type: "Bogus" }] } },
      ],
    };
    expect(adaptiveCardProblems(broken)).toEqual([
      "card.version: required",
      "card.body[0].text: required",
      "card.body[1].facts[0].value: required",
      "card.body[2].items[0].type: unknown element undefined",
      "card.actions[0].url: required, a URL",
      'card.actions[1].card.body[0].type: unknown element "Bogus"',
    ]);
  });

  describe("stays under 27,000 bytes of UTF-8 however big the event", () => {
    const bytes = (event: NotificationEvent) => Buffer.byteLength(JSON.stringify(renderBody("teams", event)));
    /** Three bytes a character in UTF-8, `"` escaped in JSON: as heavy as text gets per character. */
    const heavy = (n: number) => '語"'.repeat(n);
    const links = (n: number, length: number) =>
      Array.from({ length: n }, (_, i) => ({
        label: `link ${i}`,
        url: `https://e.example/${i}/${"x".repeat(length)}`,
      }));

    it("shortens the check causes and the reason first, and keeps every check listed", () => {
      const event = sampleEvent({
        headline: heavy(300),
        failedChecks: Array.from({ length: 5 }, (_, i) => ({ name: `check-${i}`, cause: heavy(200) })),
        reason: heavy(1000),
        // With these, the whole card would be some 28 KB.
        links: links(5, 4_300),
      });
      const content = card(event);
      expect(bytes(event)).toBeLessThanOrEqual(27_000);
      const texts = content.body.map((element) => element.text ?? "");
      for (let i = 0; i < 5; i++) expect(texts.some((text) => text.startsWith(`check-${i}`))).toBe(true);
      expect(texts.find((text) => text.startsWith("check-0"))?.length).toBeLessThan(200);
      expect(content.actions).toHaveLength(6);
      expect(adaptiveCardProblems(content)).toEqual([]);
    });

    it("then lists fewer checks, saying how many more, then drops buttons, the run's last", () => {
      const event = sampleEvent({
        headline: heavy(300),
        failedChecks: Array.from({ length: 9 }, (_, i) => ({ name: heavy(100) + i, cause: heavy(200) })),
        reason: heavy(1000),
        startedBy: heavy(200),
        correlationId: heavy(200),
        links: links(8, 6_000),
      });
      expect(bytes(event)).toBeLessThanOrEqual(27_000);
      const content = card(event);
      const texts = content.body.map((element) => element.text ?? "");
      expect(texts).toContain("Failed checks (9)");
      expect(texts.some((text) => /^and [5-9] more$/.test(text))).toBe(true);
      expect(content.actions.length).toBeLessThan(6);
      expect(content.actions[0]?.title).toBe("Workflow run");
      expect(adaptiveCardProblems(content)).toEqual([]);
    });

    it("with nothing left to cut but the headline and the facts", () => {
      const event = sampleEvent({
        headline: heavy(300),
        failedChecks: manyChecks(40),
        reason: heavy(1000),
        runUrl: `https://github.com/acme/shop/actions/runs/${"9".repeat(30_000)}`,
        links: links(8, 30_000),
      });
      expect(bytes(event)).toBeLessThanOrEqual(27_000);
      expect(card(event).actions).toEqual([]);
      expect(adaptiveCardProblems(card(event))).toEqual([]);
    });
  });
});

/**
 * A Microsoft Teams workflow webhook body: the message envelope that Power Automate's "when a
 * webhook request is received" trigger posts to a channel, carrying one Adaptive Card 1.4 (the
 * newest version Teams renders everywhere). Only schema elements with their required properties:
 * TextBlock (text), FactSet (facts of title and value), Action.OpenUrl (url). The body stays under
 * MAX_TEAMS_BODY_BYTES whatever the event.
 */
import {
  CHECKS_LISTED_IN_CHAT,
  eventFacts,
  eventLinks,
  listedChecks,
  MAX_CAUSE_CHARS,
  MAX_HEADLINE_CHARS,
  MAX_REASON_CHARS,
  oneLine,
} from "./body-text.ts";
import type { NotificationEvent } from "./event.ts";

/** Teams shows no more buttons than this on a card; the run comes first, so it is never the one cut. */
const MAX_ACTIONS = 6;

type Element = Record<string, unknown>;

/**
 * TextBlock and Fact text is a small markdown dialect whose `[label](url)` makes a link. A zero-width
 * space between `]` and `(` keeps untrusted text looking the same while making no link of it.
 */
export function cardText(text: string): string {
  return text.replace(/\]\s*\(/g, "]\u200b(");
}

/**
 * Teams posts a workflow message of about 28 KB at most, and a bigger card fails after the webhook
 * has answered 202, without a word. The serialized body is kept to this many bytes of UTF-8.
 */
export const MAX_TEAMS_BODY_BYTES = 27_000;

/** How much of the event a card shows; `cutDown` lowers it step by step. */
interface Detail {
  /** Characters of each check's cause (0: the name alone). */
  cause: number;
  reason: number;
  /** Failed checks listed before "and N more". */
  checks: number;
  /** Link buttons, the run's first. */
  actions: number;
}

export function renderTeams(event: NotificationEvent): unknown {
  let body: unknown = null;
  for (const detail of cutDown(event)) {
    body = teamsBody(event, detail);
    if (utf8Bytes(JSON.stringify(body)) <= MAX_TEAMS_BODY_BYTES) return body;
  }
  // The last step is the headline, the facts and a count: each bounded, together far below the limit.
  return body;
}

/**
 * The whole card first; then shorter causes and reason; then causes dropped; then fewer checks
 * listed, down to a count; then fewer buttons, the run's the last to go (a cut URL would be a
 * broken link, so links go whole).
 */
function* cutDown(event: NotificationEvent): Generator<Detail> {
  const checks = Math.min(CHECKS_LISTED_IN_CHAT, event.failedChecks.length);
  const actions = Math.min(MAX_ACTIONS, eventLinks(event).length);
  yield { cause: MAX_CAUSE_CHARS, reason: MAX_REASON_CHARS, checks, actions };
  yield { cause: 80, reason: 300, checks, actions };
  for (let listed = checks; listed >= 0; listed--) yield { cause: 0, reason: 100, checks: listed, actions };
  for (let shown = actions - 1; shown >= 0; shown--)
    yield { cause: 0, reason: 100, checks: 0, actions: shown };
}

function teamsBody(event: NotificationEvent, detail: Detail): unknown {
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body: cardBody(event, detail),
    actions: eventLinks(event)
      .slice(0, detail.actions)
      .map((link) => ({ type: "Action.OpenUrl", title: link.label, url: link.url })),
  };
  return {
    type: "message",
    attachments: [
      { contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card },
    ],
  };
}

function cardBody(event: NotificationEvent, detail: Detail): Element[] {
  const headline = cardText(oneLine(event.headline, MAX_HEADLINE_CHARS));
  const facts = eventFacts(event).map((fact) => ({ title: fact.title, value: cardText(fact.value) }));
  const body: Element[] = [
    { type: "TextBlock", text: headline, weight: "Bolder", size: "Medium", wrap: true },
    { type: "FactSet", facts },
  ];
  if (event.failedChecks.length > 0) {
    const { listed, more } = listedChecks(event, detail.checks);
    body.push(
      textBlock(`Failed checks (${event.failedChecks.length})`, { weight: "Bolder", spacing: "Medium" }),
    );
    for (const check of listed) {
      const cause = detail.cause > 0 ? `: ${cardText(oneLine(check.cause, detail.cause))}` : "";
      body.push(textBlock(`${cardText(check.name)}${cause}`));
    }
    if (more > 0) body.push(textBlock(`and ${more} more`, { isSubtle: true }));
  }
  if (event.reason !== null && event.reason.trim() !== "") {
    body.push(textBlock(`Reason: ${cardText(oneLine(event.reason, detail.reason))}`));
  }
  return body;
}

function textBlock(text: string, style: Record<string, unknown> = {}): Element {
  return { type: "TextBlock", text, wrap: true, spacing: "Small", ...style };
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

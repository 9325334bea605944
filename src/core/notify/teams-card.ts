/**
 * A Microsoft Teams workflow webhook body: the message envelope that Power Automate's "when a
 * webhook request is received" trigger posts to a channel, carrying one Adaptive Card 1.4 (the
 * newest version Teams renders everywhere). Only schema elements with their required properties:
 * TextBlock (text), FactSet (facts of title and value), Action.OpenUrl (url).
 */
import {
  CHECKS_LISTED_IN_CHAT,
  eventFacts,
  eventLinks,
  listedChecks,
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

export function renderTeams(event: NotificationEvent): unknown {
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body: cardBody(event),
    actions: eventLinks(event)
      .slice(0, MAX_ACTIONS)
      .map((link) => ({ type: "Action.OpenUrl", title: link.label, url: link.url })),
  };
  return {
    type: "message",
    attachments: [
      { contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card },
    ],
  };
}

function cardBody(event: NotificationEvent): Element[] {
  const headline = cardText(oneLine(event.headline, MAX_HEADLINE_CHARS));
  const facts = eventFacts(event).map((fact) => ({ title: fact.title, value: cardText(fact.value) }));
  const body: Element[] = [
    { type: "TextBlock", text: headline, weight: "Bolder", size: "Medium", wrap: true },
    { type: "FactSet", facts },
  ];
  if (event.failedChecks.length > 0) {
    const { listed, more } = listedChecks(event, CHECKS_LISTED_IN_CHAT);
    body.push(
      textBlock(`Failed checks (${event.failedChecks.length})`, { weight: "Bolder", spacing: "Medium" }),
    );
    for (const check of listed) body.push(textBlock(`${cardText(check.name)}: ${cardText(check.cause)}`));
    if (more > 0) body.push(textBlock(`and ${more} more`, { isSubtle: true }));
  }
  if (event.reason !== null && event.reason.trim() !== "") {
    body.push(textBlock(`Reason: ${cardText(oneLine(event.reason, MAX_REASON_CHARS))}`));
  }
  return body;
}

function textBlock(text: string, style: Record<string, unknown> = {}): Element {
  return { type: "TextBlock", text, wrap: true, spacing: "Small", ...style };
}

/**
 * The `metrics` event in Slack's and Teams' bodies: the headline and the run's link, then one
 * block per environment with its five facts. Environment names come from the ledger, so they are
 * escaped as any untrusted text; past the limits (Slack's 50 blocks, Teams' 28 KB) the rest of the
 * environments become "and N more environments", never a refused message.
 */
import { eventLinks, MAX_HEADLINE_CHARS, oneLine } from "./body-text.ts";
import type { MetricsDigest, NotificationEvent } from "./event.ts";
import { escapeSlack } from "./slack-body.ts";
import { cardText, MAX_TEAMS_BODY_BYTES } from "./teams-card.ts";

/** Slack's own cap on blocks in a message. */
export const MAX_SLACK_BLOCKS = 50;

type Block = Record<string, unknown>;

const mrkdwn = (text: string): Block => ({ type: "mrkdwn", text, verbatim: true });

export function renderSlackDigest(
  event: NotificationEvent,
  metrics: MetricsDigest,
): { text: string; blocks: Block[] } {
  const headline = escapeSlack(oneLine(event.headline, MAX_HEADLINE_CHARS));
  const links = eventLinks(event).map(
    (link) => `<${escapeSlack(link.url).replace(/\|/g, "%7C")}|${escapeSlack(link.label)}>`,
  );
  const blocks: Block[] = [{ type: "section", text: mrkdwn([`*${headline}*`, ...links].join("\n")) }];
  const environments = metrics.environments.map((env) => ({ ...env, name: oneLine(env.name, 100) }));
  // One block is kept for the "and N more" line.
  const room = environments.length + 1 > MAX_SLACK_BLOCKS ? MAX_SLACK_BLOCKS - 2 : environments.length;
  for (const env of environments.slice(0, room)) {
    blocks.push({
      type: "section",
      text: mrkdwn(`*${escapeSlack(env.name)}*`),
      fields: env.facts.map((fact) => mrkdwn(`*${fact.title}*\n${escapeSlack(fact.value)}`)),
    });
  }
  const more = environments.length - room;
  if (more > 0) blocks.push({ type: "context", elements: [mrkdwn(`and ${more} more environments`)] });
  return { text: headline, blocks };
}

export function renderTeamsDigest(event: NotificationEvent, metrics: MetricsDigest): unknown {
  const environments = metrics.environments.map((env) => ({ ...env, name: oneLine(env.name, 100) }));
  const actions = eventLinks(event)
    .slice(0, 1)
    .map((link) => ({ type: "Action.OpenUrl", title: link.label, url: link.url }));
  const head = [
    {
      type: "TextBlock",
      text: cardText(oneLine(event.headline, MAX_HEADLINE_CHARS)),
      weight: "Bolder",
      size: "Medium",
      wrap: true,
    },
  ];
  const blocks = environments.map((env) => [
    { type: "TextBlock", text: cardText(env.name), weight: "Bolder", spacing: "Medium", wrap: true },
    { type: "FactSet", facts: env.facts.map((fact) => ({ title: fact.title, value: cardText(fact.value) })) },
  ]);
  // The most environments that fit, with room for the "and N more" line.
  for (let shown = blocks.length; shown >= 0; shown--) {
    const more = blocks.length - shown;
    const tail =
      more > 0
        ? [{ type: "TextBlock", text: `and ${more} more environments`, isSubtle: true, wrap: true }]
        : [];
    const body = teamsMessage([...head, ...blocks.slice(0, shown).flat(), ...tail], actions);
    if (new TextEncoder().encode(JSON.stringify(body)).length <= MAX_TEAMS_BODY_BYTES || shown === 0)
      return body;
  }
  return teamsMessage(head, actions);
}

function teamsMessage(body: unknown[], actions: unknown[]): unknown {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions,
        },
      },
    ],
  };
}

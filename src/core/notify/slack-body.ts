/**
 * A Slack incoming-webhook body (Mattermost and Rocket.Chat take the same `text`): the headline as
 * the notification's text, and blocks that read top-down on a phone. What happened and where to go
 * come first, the details after. Untrusted text is escaped so that a check's output or a reason
 * cannot make a link or a mention (`<!channel>`), and every block stays within Slack's limits.
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

/** Slack refuses a section whose text is longer (and a field longer than 2000). */
const MAX_SECTION_CHARS = 3000;
const MAX_FIELD_CHARS = 2000;

type Block = Record<string, unknown>;

/** Slack's three control characters, as its formatting guide asks; the rest is shown as written. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function renderSlack(event: NotificationEvent): { text: string; blocks: Block[] } {
  const headline = oneLine(event.headline, MAX_HEADLINE_CHARS);
  const blocks: Block[] = [section(headlineAndLinks(event, headline)), factsBlock(event)];
  const checks = checksText(event);
  if (checks !== null) blocks.push(section(checks));
  if (event.reason !== null && event.reason.trim() !== "") {
    const reason = oneLine(event.reason, MAX_REASON_CHARS);
    blocks.push(section(`*Reason*\n${escapeWithin(reason, MAX_SECTION_CHARS - 20)}`));
  }
  // At most 4 blocks, far below Slack's 50.
  return { text: escapeSlack(headline), blocks };
}

function section(text: string): Block {
  return { type: "section", text: mrkdwn(text) };
}

/**
 * Every text object here carries untrusted text (commit, check and environment text, a reason).
 * `verbatim` stops Slack from turning bare URLs and #channel names in it into links and parsing
 * mentions on its own; the links written here as `<url|label>` still work.
 */
function mrkdwn(text: string): Block {
  return { type: "mrkdwn", text, verbatim: true };
}

/** First line what happened, second line where to look: the run first. Links that do not fit are left out. */
function headlineAndLinks(event: NotificationEvent, headline: string): string {
  const first = `*${escapeWithin(headline, MAX_HEADLINE_CHARS * 2)}*`;
  const links = eventLinks(event).map((link) => `<${slackUrl(link.url)}|${escapeSlack(link.label)}>`);
  let text = first;
  let separator = "\n";
  for (const link of links) {
    if (text.length + separator.length + link.length > MAX_SECTION_CHARS) break;
    text += separator + link;
    separator = " · ";
  }
  return text;
}

/** A URL inside `<…|…>`: escaped like text, and a `|` encoded so it cannot end the URL early. */
function slackUrl(url: string): string {
  return escapeSlack(url).replace(/\|/g, "%7C");
}

function factsBlock(event: NotificationEvent): Block {
  const fields = eventFacts(event).map((fact) =>
    mrkdwn(`*${fact.title}*\n${escapeWithin(fact.value, MAX_FIELD_CHARS - fact.title.length - 4)}`),
  );
  return { type: "section", fields };
}

/** The failed checks, one line each, then "and N more" for those not listed or not fitting. */
function checksText(event: NotificationEvent): string | null {
  if (event.failedChecks.length === 0) return null;
  const { listed, more } = listedChecks(event, CHECKS_LISTED_IN_CHAT);
  const total = event.failedChecks.length;
  let text = `*Failed checks (${total})*`;
  let shown = 0;
  // Room kept for the "and N more" line, so adding it never breaks the limit.
  const budget = MAX_SECTION_CHARS - 40;
  for (const check of listed) {
    const line = `\n• *${escapeSlack(check.name)}*: ${escapeSlack(check.cause)}`;
    if (text.length + line.length > budget) break;
    text += line;
    shown += 1;
  }
  const left = more + (listed.length - shown);
  return left > 0 ? `${text}\nand ${left} more` : text;
}

/** Escapes `text` and cuts it, with an ellipsis, so the escaped form is at most `budget` characters. */
function escapeWithin(text: string, budget: number): string {
  const escaped = escapeSlack(text);
  if (escaped.length <= budget) return escaped;
  let out = "";
  for (const char of text) {
    const piece = escapeSlack(char);
    if (out.length + piece.length > budget - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/**
 * What every webhook body draws from an event, bounded the same way for all formats: causes on
 * one short line, never more than ten failed checks, the run link first. The text is untrusted
 * (check output, a reason typed by a person); each format escapes it for its own markup.
 */
import { printable } from "../printable.ts";
import type { EventLink, FailedCheck, NotificationEvent } from "./event.ts";

/** A cause is a line in a chat message, not a log: longer output belongs in the run. */
export const MAX_CAUSE_CHARS = 200;
/** No body carries more failed checks than this, however many failed. */
export const MAX_CHECKS_IN_BODY = 10;
/** What a chat message lists before "and N more": five lines still fit a phone's screen. */
export const CHECKS_LISTED_IN_CHAT = 5;
export const MAX_NAME_CHARS = 100;
export const MAX_HEADLINE_CHARS = 300;
export const MAX_REASON_CHARS = 1000;

/** One line without control characters, cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const flat = printable(text).replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export function shortCheck(check: FailedCheck): FailedCheck {
  return { name: oneLine(check.name, MAX_NAME_CHARS), cause: oneLine(check.cause, MAX_CAUSE_CHARS) };
}

/** The first `limit` failed checks, shortened, and how many were left out. */
export function listedChecks(
  event: NotificationEvent,
  limit: number,
): { listed: FailedCheck[]; more: number } {
  const cap = Math.min(limit, MAX_CHECKS_IN_BODY);
  const listed = event.failedChecks.slice(0, cap).map(shortCheck);
  return { listed, more: event.failedChecks.length - listed.length };
}

export interface Fact {
  title: string;
  value: string;
}

/** The facts a person scans after the headline; a null field is left out rather than shown empty. */
export function eventFacts(event: NotificationEvent): Fact[] {
  const facts: Fact[] = [{ title: "Repository", value: event.repository }];
  if (event.environment !== null) facts.push({ title: "Environment", value: event.environment });
  const version = versionText(event);
  if (version !== null) facts.push({ title: "Version", value: version });
  facts.push({ title: "Status", value: event.status });
  if (event.startedBy !== null) facts.push({ title: "Started by", value: event.startedBy });
  if (event.correlationId !== null) facts.push({ title: "Correlation id", value: event.correlationId });
  return facts.map((fact) => ({ title: fact.title, value: oneLine(fact.value, MAX_NAME_CHARS * 2) }));
}

/** `2.0.0 ← 1.9.3`: where it is now, and where it came from. */
function versionText(event: NotificationEvent): string | null {
  if (event.version === null && event.previousVersion === null) return null;
  const now = event.version ?? "none";
  return event.previousVersion === null ? now : `${now} ← ${event.previousVersion}`;
}

/**
 * The links to show, the run first: it is where a person goes to act. Only http(s) links: a
 * `javascript:` or malformed one would be a trap in a chat client. Duplicates are dropped.
 */
export function eventLinks(event: NotificationEvent): EventLink[] {
  const all =
    event.runUrl === null ? event.links : [{ label: "Workflow run", url: event.runUrl }, ...event.links];
  const seen = new Set<string>();
  const links: EventLink[] = [];
  for (const link of all) {
    if (!isWebLink(link.url) || seen.has(link.url)) continue;
    seen.add(link.url);
    links.push({ label: oneLine(link.label, MAX_NAME_CHARS) || link.url, url: link.url });
  }
  return links;
}

function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * The JSON a webhook receives for an event, in the format its `notify-format` names. Pure: the
 * adapter only posts what this returns.
 */
import { listedChecks, MAX_CHECKS_IN_BODY, MAX_HEADLINE_CHARS, oneLine } from "./body-text.ts";
import { renderSlackDigest, renderTeamsDigest } from "./digest-bodies.ts";
import { EVENT_SCHEMA, type NotificationEvent, type NotifyFormat } from "./event.ts";
import { renderSlack } from "./slack-body.ts";
import { renderTeams } from "./teams-card.ts";

export function renderBody(format: NotifyFormat, event: NotificationEvent): unknown {
  if (event.metrics !== undefined && format !== "json") {
    return format === "slack"
      ? renderSlackDigest(event, event.metrics)
      : renderTeamsDigest(event, event.metrics);
  }
  switch (format) {
    case "json":
      return renderJson(event);
    case "slack":
      return renderSlack(event);
    case "teams":
      return renderTeams(event);
  }
}

/**
 * shipguard's own format: exactly the fields of NotificationEvent, named one by one so that
 * nothing else an object might carry is ever sent, under `schema: shipguard.event/v1`. The same
 * bounds as the chat formats: at most ten failed checks, each cause on one short line.
 */
export function renderJson(
  event: NotificationEvent,
): Omit<NotificationEvent, "metrics"> & { metrics?: object } {
  return {
    schema: EVENT_SCHEMA,
    event: event.event,
    repository: event.repository,
    environment: event.environment,
    version: event.version,
    previousVersion: event.previousVersion,
    status: event.status,
    headline: oneLine(event.headline, MAX_HEADLINE_CHARS),
    failedChecks: listedChecks(event, MAX_CHECKS_IN_BODY).listed,
    reason: event.reason,
    startedBy: event.startedBy,
    runUrl: event.runUrl,
    correlationId: event.correlationId,
    links: event.links.map((link) => ({ label: link.label, url: link.url })),
    at: event.at,
    // The digest's report, whole: a receiver of the JSON format gets every figure.
    ...(event.metrics === undefined ? {} : { metrics: event.metrics.report }),
  };
}

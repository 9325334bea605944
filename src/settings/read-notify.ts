/**
 * Who is told what: the webhooks (`notify-url`, secrets), their body (`notify-format`), the events
 * they hear about (`notify-on`), and whether a rollback incident gets its GitHub issue
 * (`incident-issue`). Shared by release, deploy and rollback.
 */
import {
  DEFAULT_NOTIFY_ON,
  NOTIFY_EVENTS,
  NOTIFY_FORMATS,
  type NotifyEventName,
  type NotifyFormat,
} from "../core/notify/event.ts";
import { checkWebhookUrl } from "../core/notify/webhook-url.ts";
import { invalidInput } from "../errors.ts";
import { parseBoolean, type RawSource, raw } from "./values.ts";

export interface NotifySettings {
  /** Checked URLs: https, or http on loopback. Secrets: never printed. */
  urls: string[];
  format: NotifyFormat;
  on: readonly NotifyEventName[];
  /** Record rollback incidents (GitHub issue, or a local file). Always false for `release`. */
  incidentIssue: boolean;
}

export function notifyOf(source: RawSource, withIncidents: boolean): NotifySettings {
  return {
    urls: webhookUrlsOf(source),
    format: formatOf(source),
    on: eventsOf(source),
    incidentIssue: withIncidents && parseBoolean("incident-issue", raw(source, "incident-issue")),
  };
}

/** The lines of `notify-url`. A refused one is named by its line and a redacted form, never in full. */
export function webhookUrlsOf(source: RawSource): string[] {
  const lines = raw(source, "notify-url")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  return lines.map((line, i) => {
    const checked = checkWebhookUrl(line, i);
    if (!checked.ok) {
      throw invalidInput(
        "notify-url",
        `line ${i + 1}: ${checked.shown}`,
        `${checked.problem.charAt(0).toUpperCase()}${checked.problem.slice(1)}.`.replace(/\.\.$/, "."),
        "Give each webhook as an `https://` URL on its own line (plain `http://` only for a receiver on loopback), from a secret.",
      );
    }
    return checked.url;
  });
}

function formatOf(source: RawSource): NotifyFormat {
  const value = raw(source, "notify-format").trim().toLowerCase();
  if (!(NOTIFY_FORMATS as readonly string[]).includes(value)) {
    throw invalidInput(
      "notify-format",
      value,
      `Expected one of: ${NOTIFY_FORMATS.join(", ")}.`,
      "Use `slack` for Slack, Mattermost or Rocket.Chat incoming webhooks, `teams` for a Teams workflow webhook, `json` for anything else.",
    );
  }
  return value as NotifyFormat;
}

function eventsOf(source: RawSource): readonly NotifyEventName[] {
  const names = raw(source, "notify-on")
    .split(/[\s,]+/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  if (names.length === 0) return DEFAULT_NOTIFY_ON;
  // Checked before `all` is honoured: `all, deployd` is a typo to say, not one to hide.
  const unknown = names.filter(
    (name) => name !== "all" && !(NOTIFY_EVENTS as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    throw invalidInput(
      "notify-on",
      unknown.join(", "),
      `Expected events from: ${NOTIFY_EVENTS.join(", ")} (or \`all\`), comma-separated.`,
    );
  }
  if (names.includes("all")) return NOTIFY_EVENTS;
  return NOTIFY_EVENTS.filter((event) => names.includes(event));
}

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
import { invalidInput, isShipguardError } from "../errors.ts";
import { parseBoolean, type RawSource, raw } from "./values.ts";

export interface NotifySettings {
  /**
   * The webhooks, one per line of `notify-url`: checked (https, or http on loopback), except on a
   * rollback, where a refused line stays in its place for the notifier to refuse (so the others
   * keep their numbers). Secrets: never printed.
   */
  urls: string[];
  format: NotifyFormat;
  on: readonly NotifyEventName[];
  /** Record rollback incidents (GitHub issue, or a local file). Always false for `release`. */
  incidentIssue: boolean;
  /** What a rollback did not use of these settings, and what it does instead: one sentence each. */
  warnings: string[];
}

/**
 * What a bad value does: `refuse` stops the command before it starts (release and deploy, whose
 * user wants to know before anything moves); `warn` becomes a warning and the rest goes ahead
 * (rollback: a notification never changes an outcome, and a rollback never waits for a fix).
 */
export type NotifyProblems = "refuse" | "warn";

/** `defaults`: the events when notify-on is not set (release's differ from deploy's and rollback's). */
export function notifyOf(
  source: RawSource,
  withIncidents: boolean,
  problems: NotifyProblems = "refuse",
  defaults: readonly NotifyEventName[] = DEFAULT_NOTIFY_ON,
): NotifySettings {
  const warnings: string[] = [];
  const settle = <T>(read: () => T, instead: string, fallback: T): T => {
    if (problems === "refuse") return read();
    try {
      return read();
    } catch (error) {
      if (!isShipguardError(error)) throw error;
      warnings.push(`${error.message} The rollback goes ahead: ${instead} Fix: ${error.remedy}`);
      return fallback;
    }
  };
  return {
    urls: webhookLines(source).map((line, i) =>
      settle(() => checkedWebhookUrl(line, i), "that webhook is not called.", line),
    ),
    format: settle(() => formatOf(source), "the webhooks get the `json` body.", "json"),
    on: settle(
      () => eventsOf(source, defaults),
      `the webhooks hear the default events (${defaults.join(", ")}).`,
      defaults,
    ),
    incidentIssue: withIncidents && parseBoolean("incident-issue", raw(source, "incident-issue")),
    warnings,
  };
}

/** The lines of `notify-url`, without blanks and `#` comments. */
function webhookLines(source: RawSource): string[] {
  return raw(source, "notify-url")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** One line's URL. A refused one is named by its line and a redacted form, never in full. */
function checkedWebhookUrl(line: string, i: number): string {
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

function eventsOf(source: RawSource, defaults: readonly NotifyEventName[]): readonly NotifyEventName[] {
  const names = raw(source, "notify-on")
    .split(/[\s,]+/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  if (names.length === 0) return defaults;
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

/**
 * What shipguard tells people: one event per outcome of a release, deploy or rollback, in a
 * documented, versioned shape (`schema`), from which every webhook format is drawn. Pure data.
 */

/** The events a run can announce, in the order a release loop meets them. */
export const NOTIFY_EVENTS = [
  "released",
  "deployed",
  "verify-failed",
  "rolled-back",
  "rollback-failed",
  "blocked",
  "cancelled",
] as const;
/**
 * `metrics` (the weekly digest) is sent by the metrics command alone, whenever it has a webhook:
 * not one of the outcomes `notify-on` picks from.
 */
export type NotifyEventName = (typeof NOTIFY_EVENTS)[number] | "metrics";

/** `notify-on`'s default for deploy and rollback: what needs a person. Successes are opt-in. */
export const DEFAULT_NOTIFY_ON: readonly NotifyEventName[] = [
  "verify-failed",
  "rolled-back",
  "rollback-failed",
  "blocked",
  "cancelled",
];

/**
 * `notify-on`'s default for release, whose only event is its success: a webhook given to a release
 * is there to hear of releases (what release.yml always gave its callers).
 */
export const RELEASE_NOTIFY_ON: readonly NotifyEventName[] = ["released"];

/** The bodies a webhook can receive: shipguard's own JSON event, Slack's, or a Teams Adaptive Card. */
export const NOTIFY_FORMATS = ["json", "slack", "teams"] as const;
export type NotifyFormat = (typeof NOTIFY_FORMATS)[number];

/** The `schema` of the `json` format: bumped when a field changes meaning or goes away. */
export const EVENT_SCHEMA = "shipguard.event/v1";

export interface FailedCheck {
  name: string;
  /** Why it failed, shortened to one line. */
  cause: string;
}

export interface EventLink {
  label: string;
  url: string;
}

export interface NotificationEvent {
  schema: typeof EVENT_SCHEMA;
  event: NotifyEventName;
  /** `owner/name` on GitHub; the local repository's folder name on the CLI. */
  repository: string;
  /** Null for `released` (a release is not in an environment). */
  environment: string | null;
  version: string | null;
  previousVersion: string | null;
  /** The command's own status word: success, failure, blocked. */
  status: string;
  /** One line of what happened, for a phone's lock screen. */
  headline: string;
  failedChecks: FailedCheck[];
  /** The rollback's or the failure's reason, when there is one. */
  reason: string | null;
  /** Who or what started it: a GitHub actor, a local user, `shipguard (automatic)`. */
  startedBy: string | null;
  /** The workflow run (GitHub); null on the CLI. */
  runUrl: string | null;
  /** The incident's id: the deploy's correlation id, shared by the rollback it started. */
  correlationId: string | null;
  /** Other places worth a click: the release, the rollback run, the environment, the incident issue. */
  links: EventLink[];
  /** ISO 8601, when the event was made. */
  at: string;
  /** The `metrics` event's report and lines; absent from every other event. */
  metrics?: MetricsDigest;
}

/**
 * The `metrics` event's content: the report whole (what the `json` format carries), and the lines a
 * chat shows for each environment, drawn by the presenters as the text and the summary are.
 */
export interface MetricsDigest {
  /** The `metrics` JSON, schema `shipguard.metrics/v1`. */
  report: object;
  environments: DigestSection[];
}

export interface DigestSection {
  name: string;
  facts: { title: string; value: string }[];
}

/** One receiver's delivery of one event: never thrown, always reported. */
export interface Delivery {
  /** How the receiver is named in logs: its position and host, never its URL (a secret). */
  receiver: string;
  event: NotifyEventName;
  ok: boolean;
  /** Tries made (1 to 3). */
  attempts: number;
  /** The last HTTP status, or null when no answer came (timeout, connection error, refused URL). */
  status: number | null;
  /** What went wrong, in one line without the URL; when ok "delivered", or "accepted (202): ..." for a 202. */
  detail: string;
  /** Wall time from the first try to the last answer. */
  ms: number;
}

/** An incident: what an issue (GitHub) or a file (local) records, one per incident id. */
export interface Incident {
  /** The deploy's correlation id (a dispatched rollback's id without its `-rollback` suffix). */
  id: string;
  event: NotifyEventName;
  /** `Rollback in <environment>: <from> → <to>`. */
  title: string;
  /** The incident report in markdown: the job summary of the run that saw the event. */
  report: string;
}

/** What recording an incident did: opened it, added to it, or found this event already there. */
export interface IncidentRecord {
  action: "opened" | "commented" | "unchanged";
  /** The web URL, or the file's path locally. */
  where: string;
}

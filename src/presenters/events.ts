/**
 * What each outcome tells people: the notification events of a release, a deploy or a rollback,
 * and the incident a rollback opens. Drawn from the same results the summaries are.
 */
import type { DeployResult } from "../commands/deploy.ts";
import type { ReleaseResult } from "../commands/release.ts";
import type { RollbackResult } from "../commands/rollback.ts";
import { MAX_CAUSE_CHARS, oneLine as shortLine } from "../core/notify/body-text.ts";
import {
  EVENT_SCHEMA,
  type EventLink,
  type FailedCheck,
  type Incident,
  type NotificationEvent,
  type NotifyEventName,
} from "../core/notify/event.ts";
import { cleanTitle } from "../core/notify/incident-text.ts";
import type { SmokeReport } from "../core/smoke/types.ts";
import { failedStepPhrase } from "../steps/traffic-steps.ts";

/** Where and by whom, the same for every event of one run. */
export interface EventContext {
  repository: string;
  runUrl: string | null;
  actor: string | null;
  at: string;
  environmentUrl: string | null;
}

/** An incident before its report (the presentation's summary) is attached. */
export type IncidentHead = Omit<Incident, "report">;

export function releaseEvents(r: ReleaseResult, c: EventContext): NotificationEvent[] {
  // A re-run that found the tag and the published release made nothing: it was announced then.
  if (!r.released || !r.madeNow || r.dryRun || r.superseded || r.version.version === null) return [];
  const shown = r.version.tag ?? r.version.version;
  const links = r.release === null ? [] : [{ label: "Release notes", url: r.release.url }];
  return [
    event(c, {
      event: "released",
      environment: null,
      version: r.version.version,
      previousVersion: r.version.previousVersion,
      status: "success",
      headline: `${c.repository} ${shown} released`,
      reason: r.version.reason,
      links,
    }),
  ];
}

export function deployEvents(r: DeployResult, c: EventContext): NotificationEvent[] {
  if (r.duplicate) return [];
  const shown = r.tag ?? r.version;
  const env = r.environment;
  if (r.status === "blocked") {
    return [
      event(c, {
        event: "blocked",
        environment: env,
        version: r.version,
        previousVersion: null,
        correlationId: r.correlationId,
        status: "blocked",
        headline: `${env}: ${shown} blocked by require-verified-in`,
        reason: r.message,
      }),
    ];
  }
  const base = {
    environment: env,
    version: r.version,
    previousVersion: r.previousGoodVersion,
    correlationId: r.correlationId,
  };
  if (r.cancelled !== null) {
    return [
      event(c, {
        ...base,
        event: "cancelled",
        status: "failure",
        headline: `${env}: deploy of ${shown} ${r.failure ?? `cancelled by ${r.cancelled}`}`,
        failedChecks: [],
        reason: r.message,
        links: environmentLink(c),
      }),
    ];
  }
  if (r.status === "success") {
    const was = r.previousGoodVersion === null ? "" : ` (was ${r.previousGoodVersion})`;
    return [
      event(c, {
        ...base,
        event: "deployed",
        status: "success",
        headline: `${env}: ${shown} deployed and verified${was}`,
        failedChecks: [],
        links: environmentLink(c),
      }),
    ];
  }
  // A canary says where it stopped: "failed its checks at 10% (step 1 of 3)".
  const what = `${r.smoke?.verdict === "fail" ? failedChecksPhrase(r.smoke) : "failed to deploy"}${failedStepPhrase(r)}`;
  const events = [
    event(c, {
      ...base,
      event: "verify-failed",
      status: "failure",
      headline: `${env}: ${shown} ${what}; ${rollbackPhrase(r)}`,
      failedChecks: failedChecks(r.smoke),
      reason: r.failure,
      links: r.rollback?.url ? [{ label: "Rollback run", url: r.rollback.url }] : [],
    }),
  ];
  const rollback = r.rollback;
  if (rollback !== null && rollback.status !== "started") {
    // Rolled back in this process (the CLI): its outcome is this run's to tell.
    const name = rollbackEvent(rollback);
    events.push(
      event(c, {
        event: name,
        environment: env,
        correlationId: r.correlationId,
        version: rollback.toVersion,
        previousVersion: r.version,
        status: rollback.status,
        headline: rollbackHeadline(name, env, r.version, rollback.toVersion, rollback.detail),
        reason: r.failure,
        startedBy: "shipguard (automatic)",
        links: environmentLink(c),
      }),
    );
  }
  return events;
}

export function rollbackEvents(r: RollbackResult, c: EventContext, suffix: string): NotificationEvent[] {
  if (r.status === "skipped") return [];
  const name = rollbackEvent(r);
  const to = r.rolledBackTo?.version ?? null;
  const from = r.rolledBackFrom?.version ?? null;
  const detail = r.blocked === null ? r.message : `${r.blocked.code}: ${r.blocked.message}`;
  return [
    event(c, {
      event: name,
      environment: r.environment,
      correlationId: incidentId(r.correlationId, suffix),
      version: to,
      previousVersion: from,
      status: r.status,
      headline: rollbackHeadline(name, r.environment, from, to, detail),
      failedChecks: failedChecks(r.smoke),
      reason: r.reason,
      startedBy: r.actor ?? c.actor,
      links: environmentLink(c),
    }),
  ];
}

/** A failed deploy that started a rollback is an incident; its id is the deploy's correlation id. */
export function deployIncident(r: DeployResult): IncidentHead | null {
  if (r.duplicate || r.status === "success" || r.rollback === null) return null;
  const event = r.rollback.status === "started" ? "verify-failed" : rollbackEvent(r.rollback);
  return {
    id: r.correlationId,
    event,
    title: incidentTitle(r.environment, r.tag ?? r.version, r.rollback.toVersion),
  };
}

/**
 * A rollback is an incident when it was automatic (its id is a deploy's plus `suffix`), or when it
 * failed or was blocked, whoever started it.
 */
export function rollbackIncident(r: RollbackResult, suffix: string): IncidentHead | null {
  if (r.status === "skipped") return null;
  const id = incidentId(r.correlationId, suffix);
  if (r.status === "success" && id === r.correlationId) return null;
  return {
    id,
    event: rollbackEvent(r),
    title: incidentTitle(
      r.environment,
      r.rolledBackFrom?.version ?? "the current version",
      r.rolledBackTo?.version ?? "the last known good version",
    ),
  };
}

/** The incident a rollback belongs to: the deploy's correlation id when the deploy started it. */
function incidentId(correlationId: string, suffix: string): string {
  const automatic = correlationId.endsWith(suffix) && correlationId.length > suffix.length;
  return automatic ? correlationId.slice(0, -suffix.length) : correlationId;
}

export function incidentTitle(environment: string, from: string, to: string): string {
  return cleanTitle(`Rollback in ${environment}: ${from} → ${to}`);
}

/** Called once a rollback has an outcome (never `started` or `skipped`). */
function rollbackEvent(r: { status: string; cancelled?: string | null }): NotifyEventName {
  if (r.status === "success") return "rolled-back";
  if (r.cancelled) return "cancelled";
  return r.status === "blocked" ? "blocked" : "rollback-failed";
}

function rollbackHeadline(
  name: NotifyEventName,
  env: string,
  from: string | null,
  to: string | null,
  detail: string,
): string {
  const fromTo = `${from === null ? "" : ` from ${from}`}${to === null ? "" : ` to ${to}`}`;
  if (name === "rolled-back") return `${env}: rolled back${fromTo}, verified`;
  if (name === "cancelled")
    return `${env}: rollback${fromTo} cancelled, a person is needed: ${oneLine(detail)}`;
  if (name === "blocked") return `${env}: rollback${fromTo} blocked: ${oneLine(detail)}`;
  return `${env}: rollback${fromTo} FAILED, a person is needed: ${oneLine(detail)}`;
}

function rollbackPhrase(r: DeployResult): string {
  if (r.rollback === null) {
    return r.previousGoodVersion === null
      ? "no earlier good version to roll back to"
      : "not rolled back (on-failure: none)";
  }
  return r.rollback.status === "started"
    ? `rolling back to ${r.rollback.toVersion}`
    : `rollback to ${r.rollback.toVersion}: ${r.rollback.status}`;
}

function failedChecksPhrase(report: SmokeReport): string {
  return `failed its checks (${report.counts.fail} of ${report.checks.length} failed)`;
}

function failedChecks(report: SmokeReport | null): FailedCheck[] {
  if (report === null) return [];
  return report.checks
    .filter((check) => check.verdict === "fail")
    .map((check) => ({
      name: oneLine(check.name),
      cause: oneLine(check.cause === null ? check.detail : `${check.cause}: ${check.detail}`),
    }));
}

function environmentLink(c: EventContext): EventLink[] {
  return c.environmentUrl === null ? [] : [{ label: "Environment", url: c.environmentUrl }];
}

/** The webhook bodies' own one-line rule, at a cause's length. */
function oneLine(text: string): string {
  return shortLine(text, MAX_CAUSE_CHARS);
}

type EventFields = Pick<
  NotificationEvent,
  "event" | "environment" | "version" | "previousVersion" | "status" | "headline"
> &
  Partial<Pick<NotificationEvent, "correlationId">> &
  Partial<Pick<NotificationEvent, "failedChecks" | "reason" | "startedBy" | "links">>;

function event(c: EventContext, f: EventFields): NotificationEvent {
  return {
    schema: EVENT_SCHEMA,
    repository: c.repository,
    runUrl: c.runUrl,
    correlationId: null,
    at: c.at,
    failedChecks: [],
    reason: null,
    startedBy: c.actor,
    links: [],
    ...f,
    headline: oneLine(f.headline),
  };
}

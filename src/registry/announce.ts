/**
 * Telling people, after a command has its result and before the host publishes it: the webhooks
 * hear the events `notify-on` selects, and a rollback incident is recorded (its GitHub issue, or
 * a local file). Nothing here changes the outcome: a notification or an incident that cannot be
 * written is a warning in the log and a row in the summary, and `ok` and the command's outputs
 * stay what they were.
 */
import path from "node:path";
import type { Cancellation } from "../context.ts";
import type { Delivery, NotificationEvent } from "../core/notify/event.ts";
import { isShipguardError } from "../errors.ts";
import type { SendLimits } from "../ports.ts";
import type { EventContext, IncidentHead } from "../presenters/events.ts";
import { cell, table } from "../presenters/markdown.ts";
import { incidentJson, type NotifySettings } from "../settings.ts";
import type { CompositionRoot } from "./compose.ts";
import type { Presentation } from "./presentation.ts";

/** What a result has to tell, and where its incidents go. */
export interface Announcement {
  notify: NotifySettings;
  events: NotificationEvent[];
  incident: IncidentHead | null;
  /** Where the incident is recorded: the settings' repository on GitHub, else the local folder. */
  where: {
    repository: { owner: string; repo: string } | null;
    workingDirectory: string;
    ledgerFile: string | null;
  };
}

interface Told {
  /** The notify settings a rollback did not use (logged when it started). */
  unused: string[];
  deliveries: Delivery[];
  incident: { ok: boolean; action: string; where: string | null; detail: string } | null;
}

export async function announce(
  a: Announcement,
  shown: Presentation,
  root: CompositionRoot,
): Promise<Presentation> {
  const outputs = { ...shown.outputs };
  const incident = a.incident === null ? null : { ...a.incident, report: shown.summary };
  // Always offered, so a later job (incident.yml) can record it with the one permission it needs.
  if (incident !== null) outputs.incident = incidentJson(incident);
  const told: Told = {
    unused: a.notify.warnings,
    deliveries: await notify(a, root).catch(warned(root)),
    incident: null,
  };
  if (incident !== null && a.notify.incidentIssue) {
    told.incident = await recordIncident(a, incident, root);
    if (told.incident.ok && told.incident.where !== null) outputs["incident-url"] = told.incident.where;
  }
  if (told.unused.length === 0 && told.deliveries.length === 0 && told.incident === null)
    return { ...shown, outputs };
  const unused = told.unused.length === 0 ? {} : { notifySettingsUnused: told.unused };
  return {
    ...shown,
    outputs,
    summary: `${shown.summary}\n${toldSection(told)}`,
    json: { ...(shown.json as object), notifications: told.deliveries, incident: told.incident, ...unused },
  };
}

/**
 * The events selected by notify-on, all of them to every webhook at once, under one deadline (the
 * notifier's, or what the runner leaves a cancelled run). They may arrive in any order; the log
 * lists them in the order of the events, then of the URLs.
 */
async function notify(a: Announcement, root: CompositionRoot): Promise<Delivery[]> {
  const events = a.events.filter((e) => a.notify.on.includes(e.event));
  if (a.notify.urls.length === 0 || events.length === 0) return [];
  const { logger } = root.context;
  const notifier = await root.notifier(a.notify);
  const limits = afterCancel(root.context.cancellation);
  const deliveries = (await Promise.all(events.map((event) => notifier.send(event, limits)))).flat();
  for (const d of deliveries) {
    if (d.ok) logger.info(`Notified ${d.receiver} of ${d.event} (${d.ms} ms).`);
    else
      logger.warning(`Could not notify ${d.receiver} of ${d.event}: ${d.detail}. The outcome is unchanged.`);
  }
  return deliveries;
}

/**
 * A cancelled run's notifications get only what the runner leaves it, read as they start; a second
 * signal while they are sent brings the kill nearer, and they end when that shorter time runs
 * out. A run not cancelled leaves them their own deadline.
 */
function afterCancel(cancellation: Cancellation): SendLimits {
  if (cancellation.cause() === null) return {};
  const deadline = Date.now() + cancellation.remainingMs();
  if (cancellation.hurry.aborted) return { deadline };
  const nearer = new AbortController();
  const onHurry = () => setTimeout(() => nearer.abort(), cancellation.remainingMs()).unref();
  cancellation.hurry.addEventListener("abort", onHurry, { once: true });
  return { deadline, signal: nearer.signal };
}

/** A bug on the way to the webhooks is a warning too: telling must never change the outcome. */
function warned(root: CompositionRoot): (error: unknown) => Delivery[] {
  return (error) => {
    root.context.logger.warning(
      `Could not send the notifications: ${String(error)}. The outcome is unchanged.`,
    );
    return [];
  };
}

async function recordIncident(
  a: Announcement,
  incident: IncidentHead & { report: string },
  root: CompositionRoot,
): Promise<NonNullable<Told["incident"]>> {
  const { logger } = root.context;
  try {
    const log = await root.incidentLog(a.where);
    const r = await log.record(incident);
    const said = {
      opened: `Opened incident ${r.where}`,
      commented: `Added ${incident.event} to incident ${r.where}`,
      unchanged: `Incident ${r.where} already has ${incident.event}; nothing added`,
    }[r.action];
    logger.info(`${said}.`);
    return { ok: true, action: r.action, where: r.where, detail: said };
  } catch (error) {
    const detail = isShipguardError(error)
      ? `${error.code}: ${error.message} Fix: ${error.remedy}`
      : String(error);
    logger.warning(`Could not record the incident ${incident.id}: ${detail} The outcome is unchanged.`);
    return { ok: false, action: "failed", where: null, detail };
  }
}

function toldSection(told: Told): string {
  const settings = told.unused.map((w) => ["settings", "", `❗ ${cell(w)}`, "", ""]);
  const rows = told.deliveries.map((d) => [
    cell(d.receiver),
    cell(d.event),
    // A 202 says "accepted", not "delivered": the receiver may still fail to post it.
    d.ok ? cell(d.detail) : `❗ ${cell(d.detail)}`,
    String(d.attempts),
    `${d.ms} ms`,
  ]);
  if (told.incident !== null) {
    const i = told.incident;
    rows.push(["incident", "", i.ok ? cell(i.detail) : `❗ ${cell(i.detail)}`, "", ""]);
  }
  return `#### Notifications\n\n${table(["to", "event", "result", "tries", "took"], [...settings, ...rows])}\n`;
}

/** The run's facts every event carries. */
export function eventContext(
  root: CompositionRoot,
  settings: { repository: { owner: string; repo: string } | null; workingDirectory: string },
  environmentUrl: string | null,
): EventContext {
  const { context } = root;
  const repository = settings.repository ?? context.repository;
  return {
    repository:
      repository === null
        ? path.basename(root.repoDir(settings.workingDirectory))
        : `${repository.owner}/${repository.repo}`,
    runUrl: context.runUrl,
    actor: context.actor,
    at: new Date().toISOString(),
    environmentUrl,
  };
}

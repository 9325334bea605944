import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  cell,
  table
} from "./chunk-MFXHZQZ4.js";
import {
  incidentJson,
  readLocated
} from "./chunk-CT5YCGQG.js";
import {
  isShipguardError
} from "./chunk-LVXDY2BW.js";

// src/registry/announce.ts
import path from "node:path";
async function announce(a, shown, root) {
  const outputs = { ...shown.outputs };
  const incident = a.incident === null ? null : { ...a.incident, report: shown.summary };
  if (incident !== null) outputs.incident = incidentJson(incident);
  const told = {
    unused: a.notify.warnings,
    deliveries: await notify(a, root).catch(warned(root)),
    incident: null
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
    summary: `${shown.summary}
${toldSection(told)}`,
    json: { ...shown.json, notifications: told.deliveries, incident: told.incident, ...unused }
  };
}
async function notify(a, root) {
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
function afterCancel(cancellation) {
  if (cancellation.cause() === null) return {};
  const deadline = Date.now() + cancellation.remainingMs();
  if (cancellation.hurry.aborted) return { deadline };
  const nearer = new AbortController();
  const onHurry = () => setTimeout(() => nearer.abort(), cancellation.remainingMs()).unref();
  cancellation.hurry.addEventListener("abort", onHurry, { once: true });
  return { deadline, signal: nearer.signal };
}
function warned(root) {
  return (error) => {
    root.context.logger.warning(
      `Could not send the notifications: ${String(error)}. The outcome is unchanged.`
    );
    return [];
  };
}
async function recordIncident(a, incident, root) {
  const { logger } = root.context;
  try {
    const log = await root.incidentLog(a.where);
    const r = await log.record(incident);
    const said = {
      opened: `Opened incident ${r.where}`,
      commented: `Added ${incident.event} to incident ${r.where}`,
      unchanged: `Incident ${r.where} already has ${incident.event}; nothing added`
    }[r.action];
    logger.info(`${said}.`);
    return { ok: true, action: r.action, where: r.where, detail: said };
  } catch (error) {
    const detail = isShipguardError(error) ? `${error.code}: ${error.message} Fix: ${error.remedy}` : String(error);
    logger.warning(`Could not record the incident ${incident.id}: ${detail} The outcome is unchanged.`);
    return { ok: false, action: "failed", where: null, detail };
  }
}
function toldSection(told) {
  const settings = told.unused.map((w) => ["settings", "", `\u2757 ${cell(w)}`, "", ""]);
  const rows = told.deliveries.map((d) => [
    cell(d.receiver),
    cell(d.event),
    // A 202 says "accepted", not "delivered": the receiver may still fail to post it.
    d.ok ? cell(d.detail) : `\u2757 ${cell(d.detail)}`,
    String(d.attempts),
    `${d.ms} ms`
  ]);
  if (told.incident !== null) {
    const i = told.incident;
    rows.push(["incident", "", i.ok ? cell(i.detail) : `\u2757 ${cell(i.detail)}`, "", ""]);
  }
  return `#### Notifications

${table(["to", "event", "result", "tries", "took"], [...settings, ...rows])}
`;
}
function eventContext(root, settings, environmentUrl) {
  const { context } = root;
  const repository = settings.repository ?? context.repository;
  return {
    repository: repository === null ? path.basename(root.repoDir(settings.workingDirectory)) : `${repository.owner}/${repository.repo}`,
    runUrl: context.runUrl,
    actor: context.actor,
    at: (/* @__PURE__ */ new Date()).toISOString(),
    environmentUrl
  };
}

// src/registry/command.ts
function register(descriptor) {
  return {
    ...descriptor,
    async execute(source, root) {
      const settings = readLocated(descriptor.read, source);
      const result = await descriptor.run(settings, root);
      const shown = descriptor.present(result, settings, root);
      if (descriptor.announce === void 0) return shown;
      return announce(descriptor.announce(result, settings, root), shown, root);
    }
  };
}

export {
  eventContext,
  register
};

import type { IncidentRecord } from "../../ports.ts";
import { type IncidentSettings, readIncidentSettings } from "../../settings.ts";
import { register } from "../command.ts";

/**
 * Records an incident that an earlier step reported in its `incident` output: the job that runs
 * this is the only one that needs `issues: write` (incident.yml), so a deploy job never holds it.
 */
export const incidentCommand = register<IncidentSettings, IncidentRecord & { id: string; event: string }>({
  read: readIncidentSettings,
  async run(settings, root) {
    const log = await root.incidentLog(settings);
    const { id, event } = settings.incident;
    return { ...(await log.record(settings.incident)), id, event };
  },
  present(r) {
    const message = {
      opened: `Opened the incident ${r.id}: ${r.where}`,
      commented: `Added ${r.event} to the incident ${r.id}: ${r.where}`,
      unchanged: `The incident ${r.id} already records ${r.event}: ${r.where}; nothing added.`,
    }[r.action];
    return {
      ok: true,
      message,
      problem: null,
      outputs: { "incident-url": r.where },
      summary: `${message}\n`,
      text: `${message}\n`,
      json: r,
    };
  },
});

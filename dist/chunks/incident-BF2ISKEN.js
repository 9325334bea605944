import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  register
} from "./chunk-TJUSELP2.js";
import "./chunk-MFXHZQZ4.js";
import {
  readIncidentSettings
} from "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ZMIH3YQE.js";
import "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/registry/commands/incident.ts
var incidentCommand = register({
  read: readIncidentSettings,
  async run(settings, root) {
    const log = await root.incidentLog(settings);
    const { id, event } = settings.incident;
    return { ...await log.record(settings.incident), id, event };
  },
  present(r) {
    const message = {
      opened: `Opened the incident ${r.id}: ${r.where}`,
      commented: `Added ${r.event} to the incident ${r.id}: ${r.where}`,
      unchanged: `The incident ${r.id} already records ${r.event}: ${r.where}; nothing added.`
    }[r.action];
    return {
      ok: true,
      message,
      problem: null,
      outputs: { "incident-url": r.where },
      summary: `${message}
`,
      text: `${message}
`,
      json: r
    };
  }
});
export {
  incidentCommand
};

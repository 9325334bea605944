import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  register
} from "./chunk-EUYTWEI2.js";
import "./chunk-FEGRNFBW.js";
import {
  readIncidentSettings
} from "./chunk-247VEKFP.js";
import "./chunk-SAQUPTMN.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ST7FDLZW.js";
import "./chunk-NPSWBCF6.js";
import "./chunk-YIKRADAN.js";

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

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  printable
} from "./chunk-TRU3V6GF.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/core/notify/incident-text.ts
var INCIDENT_ID = /^[A-Za-z0-9._-]{1,128}$/;
function checkIncidentId(id) {
  if (!INCIDENT_ID.test(id)) throw shipguardError("SG_INCIDENT_ID_INVALID", { id });
  return id;
}
function incidentMarker(id) {
  return `<!-- shipguard:incident id=${id} -->`;
}
function eventMarker(id, event) {
  return `<!-- shipguard:event id=${id} event=${event} -->`;
}
function holdsMarker(text, marker) {
  return typeof text === "string" && text.includes(marker);
}
function disarmMarkers(report) {
  return report.replace(/<!--(\s*)shipguard:/gi, "<!--$1shipguard (quoted):");
}
function cleanTitle(title, max = 256) {
  const line = printable(title).replace(/\s+/g, " ").trim();
  const characters = Array.from(line);
  if (characters.length <= max) return line === "" ? "shipguard incident" : line;
  return `${characters.slice(0, max - 1).join("")}\u2026`;
}
var CUT_NOTE = "_The report was cut here to fit GitHub's limit of 65,536 characters; the run's job summary has all of it._";
var CUT_RESERVE = CUT_NOTE.length + 40;
function fitReport(report, room) {
  if (report.length <= room) return report;
  let end = Math.max(0, room - CUT_RESERVE);
  const code = report.charCodeAt(end - 1);
  if (code >= 55296 && code <= 56319) end -= 1;
  let kept = report.slice(0, end);
  const fence = openFence(kept);
  if (fence !== null) kept += `
${fence}`;
  return `${kept}

${CUT_NOTE}`;
}
function openFence(text) {
  let open = null;
  for (const [, fence = ""] of text.matchAll(/^ {0,3}(`{3,}|~{3,})/gm)) {
    if (open === null) open = fence.slice(0, 30);
    else if (fence[0] === open[0] && fence.length >= open.length) open = null;
  }
  return open;
}

export {
  checkIncidentId,
  incidentMarker,
  eventMarker,
  holdsMarker,
  disarmMarkers,
  cleanTitle,
  fitReport
};

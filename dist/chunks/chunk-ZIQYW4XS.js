import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  printable
} from "./chunk-TRU3V6GF.js";

// src/core/notify/body-text.ts
var MAX_CAUSE_CHARS = 200;
var MAX_CHECKS_IN_BODY = 10;
var CHECKS_LISTED_IN_CHAT = 5;
var MAX_NAME_CHARS = 100;
var MAX_HEADLINE_CHARS = 300;
var MAX_REASON_CHARS = 1e3;
function oneLine(text, max) {
  const flat = printable(text).replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}\u2026`;
}
function shortCheck(check) {
  return { name: oneLine(check.name, MAX_NAME_CHARS), cause: oneLine(check.cause, MAX_CAUSE_CHARS) };
}
function listedChecks(event, limit) {
  const cap = Math.min(limit, MAX_CHECKS_IN_BODY);
  const listed = event.failedChecks.slice(0, cap).map(shortCheck);
  return { listed, more: event.failedChecks.length - listed.length };
}
function eventFacts(event) {
  const facts = [{ title: "Repository", value: event.repository }];
  if (event.environment !== null) facts.push({ title: "Environment", value: event.environment });
  const version = versionText(event);
  if (version !== null) facts.push({ title: "Version", value: version });
  facts.push({ title: "Status", value: event.status });
  if (event.startedBy !== null) facts.push({ title: "Started by", value: event.startedBy });
  if (event.correlationId !== null) facts.push({ title: "Correlation id", value: event.correlationId });
  return facts.map((fact) => ({ title: fact.title, value: oneLine(fact.value, MAX_NAME_CHARS * 2) }));
}
function versionText(event) {
  if (event.version === null && event.previousVersion === null) return null;
  const now = event.version ?? "none";
  return event.previousVersion === null ? now : `${now} \u2190 ${event.previousVersion}`;
}
function eventLinks(event) {
  const all = event.runUrl === null ? event.links : [{ label: "Workflow run", url: event.runUrl }, ...event.links];
  const seen = /* @__PURE__ */ new Set();
  const links = [];
  for (const link of all) {
    if (!isWebLink(link.url) || seen.has(link.url)) continue;
    seen.add(link.url);
    links.push({ label: oneLine(link.label, MAX_NAME_CHARS) || link.url, url: link.url });
  }
  return links;
}
function isWebLink(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

export {
  MAX_CAUSE_CHARS,
  MAX_CHECKS_IN_BODY,
  CHECKS_LISTED_IN_CHAT,
  MAX_HEADLINE_CHARS,
  MAX_REASON_CHARS,
  oneLine,
  listedChecks,
  eventFacts,
  eventLinks
};

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/notify/webhook-url.ts
function describeReceiver(index, url) {
  const parsed = parse(url);
  const host = parsed === null || parsed.host === "" ? "not a URL" : parsed.host;
  return `notify-url ${index + 1} (${host})`;
}
function checkWebhookUrl(text, index) {
  const trimmed = text.trim();
  if (trimmed === "") {
    return { ok: false, problem: "is empty: give the webhook's https:// URL", shown: "(empty)" };
  }
  const parsed = parse(trimmed);
  if (parsed === null || parsed.host === "") {
    return {
      ok: false,
      problem: "is not a URL: give the webhook's full https:// URL as the receiver shows it",
      shown: "(not shown: not a URL)"
    };
  }
  const shown = `${parsed.protocol}//${parsed.host}/\u2026`;
  if (parsed.protocol === "https:" || parsed.protocol === "http:" && isLoopback(parsed.hostname)) {
    return { ok: true, url: parsed.href, receiver: describeReceiver(index, trimmed) };
  }
  if (parsed.protocol === "http:") {
    return {
      ok: false,
      problem: "uses http:// to a host that is not this machine, which would send its secret in clear text: use https:// (http:// is only for localhost, 127.0.0.0/8 and [::1])",
      shown
    };
  }
  return {
    ok: false,
    problem: `uses the scheme ${parsed.protocol} which is not a webhook: use https://`,
    shown
  };
}
function parse(text) {
  try {
    return new URL(text.trim());
  } catch {
    return null;
  }
}
function isLoopback(hostname) {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

// src/core/notify/event.ts
var NOTIFY_EVENTS = [
  "released",
  "deployed",
  "verify-failed",
  "rolled-back",
  "rollback-failed",
  "blocked",
  "cancelled"
];
var DEFAULT_NOTIFY_ON = [
  "verify-failed",
  "rolled-back",
  "rollback-failed",
  "blocked",
  "cancelled"
];
var RELEASE_NOTIFY_ON = ["released"];
var NOTIFY_FORMATS = ["json", "slack", "teams"];
var EVENT_SCHEMA = "shipguard.event/v1";

export {
  NOTIFY_EVENTS,
  DEFAULT_NOTIFY_ON,
  RELEASE_NOTIFY_ON,
  NOTIFY_FORMATS,
  EVENT_SCHEMA,
  describeReceiver,
  checkWebhookUrl
};

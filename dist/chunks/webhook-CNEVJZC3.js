import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  httpRequest
} from "./chunk-AVT4WW7O.js";
import {
  CHECKS_LISTED_IN_CHAT,
  MAX_CHECKS_IN_BODY,
  MAX_HEADLINE_CHARS,
  MAX_REASON_CHARS,
  eventFacts,
  eventLinks,
  listedChecks,
  oneLine
} from "./chunk-P52MCLNP.js";
import {
  EVENT_SCHEMA,
  checkWebhookUrl,
  describeReceiver
} from "./chunk-Z36TIVJV.js";
import "./chunk-P2F454IK.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import "./chunk-YIKRADAN.js";

// src/core/notify/delivery-policy.ts
function judgeAnswer(status, body) {
  if (status >= 200 && status < 300) return { kind: "delivered" };
  if (status >= 300 && status < 400) {
    return { kind: "failed", detail: `answered ${status} (a redirect, not followed: give the final URL)` };
  }
  if (status === 429) return { kind: "retry", detail: "answered 429 (too many requests)" };
  if (status >= 500) return { kind: "retry", detail: `answered ${status}${said(body)}` };
  return { kind: "failed", detail: `answered ${status}${said(body)}${hint(status)}` };
}
function said(body) {
  const text = body.replace(/\s+/g, " ").trim();
  if (text === "" || text.startsWith("<")) return "";
  return `: ${text.length > 120 ? `${text.slice(0, 119)}\u2026` : text}`;
}
function hint(status) {
  if (status === 404 || status === 410)
    return " (the webhook was removed, or the URL is wrong: make a new one)";
  if (status === 401 || status === 403) return " (the receiver refused the URL's credentials or token)";
  return "";
}
function retryAfterMs(value, nowMs) {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (text === void 0 || text === "") return null;
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  if (!/^[a-z]{3}/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
function backoffDelay(baseMs, attempt, random) {
  const doubled = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(doubled * (0.75 + random * 0.5));
}

// src/core/notify/slack-body.ts
var MAX_SECTION_CHARS = 3e3;
var MAX_FIELD_CHARS = 2e3;
function escapeSlack(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function renderSlack(event) {
  const headline = oneLine(event.headline, MAX_HEADLINE_CHARS);
  const blocks = [section(headlineAndLinks(event, headline)), factsBlock(event)];
  const checks = checksText(event);
  if (checks !== null) blocks.push(section(checks));
  if (event.reason !== null && event.reason.trim() !== "") {
    const reason = oneLine(event.reason, MAX_REASON_CHARS);
    blocks.push(section(`*Reason*
${escapeWithin(reason, MAX_SECTION_CHARS - 20)}`));
  }
  return { text: escapeSlack(headline), blocks };
}
function section(text) {
  return { type: "section", text: { type: "mrkdwn", text } };
}
function headlineAndLinks(event, headline) {
  const first = `*${escapeWithin(headline, MAX_HEADLINE_CHARS * 2)}*`;
  const links = eventLinks(event).map((link) => `<${slackUrl(link.url)}|${escapeSlack(link.label)}>`);
  let text = first;
  let separator = "\n";
  for (const link of links) {
    if (text.length + separator.length + link.length > MAX_SECTION_CHARS) break;
    text += separator + link;
    separator = " \xB7 ";
  }
  return text;
}
function slackUrl(url) {
  return escapeSlack(url).replace(/\|/g, "%7C");
}
function factsBlock(event) {
  const fields = eventFacts(event).map((fact) => ({
    type: "mrkdwn",
    text: `*${fact.title}*
${escapeWithin(fact.value, MAX_FIELD_CHARS - fact.title.length - 4)}`
  }));
  return { type: "section", fields };
}
function checksText(event) {
  if (event.failedChecks.length === 0) return null;
  const { listed, more } = listedChecks(event, CHECKS_LISTED_IN_CHAT);
  const total = event.failedChecks.length;
  let text = `*Failed checks (${total})*`;
  let shown = 0;
  const budget = MAX_SECTION_CHARS - 40;
  for (const check of listed) {
    const line = `
\u2022 *${escapeSlack(check.name)}*: ${escapeSlack(check.cause)}`;
    if (text.length + line.length > budget) break;
    text += line;
    shown += 1;
  }
  const left = more + (listed.length - shown);
  return left > 0 ? `${text}
and ${left} more` : text;
}
function escapeWithin(text, budget) {
  const escaped = escapeSlack(text);
  if (escaped.length <= budget) return escaped;
  let out = "";
  for (const char of text) {
    const piece = escapeSlack(char);
    if (out.length + piece.length > budget - 1) break;
    out += piece;
  }
  return `${out}\u2026`;
}

// src/core/notify/teams-card.ts
var MAX_ACTIONS = 6;
function cardText(text) {
  return text.replace(/\]\s*\(/g, "]\u200B(");
}
function renderTeams(event) {
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body: cardBody(event),
    actions: eventLinks(event).slice(0, MAX_ACTIONS).map((link) => ({ type: "Action.OpenUrl", title: link.label, url: link.url }))
  };
  return {
    type: "message",
    attachments: [
      { contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }
    ]
  };
}
function cardBody(event) {
  const headline = cardText(oneLine(event.headline, MAX_HEADLINE_CHARS));
  const facts = eventFacts(event).map((fact) => ({ title: fact.title, value: cardText(fact.value) }));
  const body = [
    { type: "TextBlock", text: headline, weight: "Bolder", size: "Medium", wrap: true },
    { type: "FactSet", facts }
  ];
  if (event.failedChecks.length > 0) {
    const { listed, more } = listedChecks(event, CHECKS_LISTED_IN_CHAT);
    body.push(
      textBlock(`Failed checks (${event.failedChecks.length})`, { weight: "Bolder", spacing: "Medium" })
    );
    for (const check of listed) body.push(textBlock(`${cardText(check.name)}: ${cardText(check.cause)}`));
    if (more > 0) body.push(textBlock(`and ${more} more`, { isSubtle: true }));
  }
  if (event.reason !== null && event.reason.trim() !== "") {
    body.push(textBlock(`Reason: ${cardText(oneLine(event.reason, MAX_REASON_CHARS))}`));
  }
  return body;
}
function textBlock(text, style = {}) {
  return { type: "TextBlock", text, wrap: true, spacing: "Small", ...style };
}

// src/core/notify/formats.ts
function renderBody(format, event) {
  switch (format) {
    case "json":
      return renderJson(event);
    case "slack":
      return renderSlack(event);
    case "teams":
      return renderTeams(event);
  }
}
function renderJson(event) {
  return {
    schema: EVENT_SCHEMA,
    event: event.event,
    repository: event.repository,
    environment: event.environment,
    version: event.version,
    previousVersion: event.previousVersion,
    status: event.status,
    headline: oneLine(event.headline, MAX_HEADLINE_CHARS),
    failedChecks: listedChecks(event, MAX_CHECKS_IN_BODY).listed,
    reason: event.reason,
    startedBy: event.startedBy,
    runUrl: event.runUrl,
    correlationId: event.correlationId,
    links: event.links.map((link) => ({ label: link.label, url: link.url })),
    at: event.at
  };
}

// src/core/notify/redact.ts
var MIN_SECRET_CHARS = 3;
function redactUrlSecrets(text, url) {
  let out = text;
  for (const part of secretParts(url)) out = replaceAll(out, part);
  return out;
}
function secretParts(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return url.length >= MIN_SECRET_CHARS ? [url] : [];
  }
  const parts = [url, parsed.href, parsed.username, parsed.password, parsed.search, parsed.hash];
  if (parsed.pathname !== "/") parts.push(parsed.pathname);
  parts.push(...parsed.pathname.split("/"));
  for (const [key, value] of parsed.searchParams) parts.push(value, `${key}=${value}`);
  for (const raw of parsed.search.slice(1).split("&")) parts.push(raw, raw.split("=").slice(1).join("="));
  const all = parts.flatMap((part) => [part, decoded(part)]);
  const host = parsed.host.toLowerCase();
  return [...new Set(all)].filter((part) => part.length >= MIN_SECRET_CHARS && !host.includes(part.toLowerCase())).sort((a, b) => b.length - a.length);
}
function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function replaceAll(text, part) {
  const pattern = new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
  return text.replace(pattern, "\u2026");
}

// src/adapters/notify/webhook.ts
var MAX_ANSWER_BYTES = 4096;
var WebhookNotifier = class {
  urls;
  format;
  timeoutMs;
  tries;
  backoffMs;
  maxRetryAfterMs;
  sleep;
  userAgent;
  constructor(options) {
    this.urls = [...options.urls];
    this.format = options.format;
    this.timeoutMs = options.timeoutMs ?? 1e4;
    this.tries = Math.max(1, options.tries ?? 3);
    this.backoffMs = options.backoffMs ?? 1e3;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 3e4;
    this.sleep = options.sleep ?? sleep;
    this.userAgent = options.userAgent ?? "shipguard";
  }
  send(event) {
    let body;
    try {
      body = JSON.stringify(renderBody(this.format, event));
    } catch (error) {
      const detail = `could not build the ${this.format} body: ${error.message}`;
      return Promise.resolve(
        this.urls.map((url, index) => failed(describeReceiver(index, url), event, detail, url))
      );
    }
    return Promise.all(this.urls.map((url, index) => this.deliver(url, index, event, body)));
  }
  /** One URL, all its tries. Catches everything: a bug here must not reject the whole send. */
  async deliver(text, index, event, body) {
    const checked = checkWebhookUrl(text, index);
    if (!checked.ok) {
      return failed(describeReceiver(index, text), event, `refused: ${checked.problem}`, text);
    }
    const { receiver } = checked;
    const target = withoutCredentials(checked.url);
    const headers = {
      "content-type": "application/json",
      "user-agent": this.userAgent,
      ...target.authorization
    };
    const started = performance.now();
    let attempts = 0;
    const finish = (ok, status, detail) => ({
      receiver,
      event: event.event,
      ok,
      attempts,
      status,
      detail: scrub(detail, text, checked.url),
      ms: Math.round(performance.now() - started)
    });
    let last = { status: null, detail: "not tried" };
    try {
      while (attempts < this.tries) {
        attempts += 1;
        const result = await this.tryOnce(target.url, headers, body);
        if (result.settled) return finish(result.ok, result.status, result.detail);
        last = result;
        if (attempts >= this.tries) break;
        if (result.waitMs !== null && result.waitMs > this.maxRetryAfterMs) {
          const asked = Math.ceil(result.waitMs / 1e3);
          const limit = Math.round(this.maxRetryAfterMs / 1e3);
          return finish(
            false,
            result.status,
            `${result.detail}, and asked to come back in ${asked} s (Retry-After), longer than the ${limit} s shipguard waits: not retried`
          );
        }
        await this.sleep(result.waitMs ?? backoffDelay(this.backoffMs, attempts, Math.random()));
      }
      return finish(false, last.status, `${last.detail} (${attempts} ${attempts === 1 ? "try" : "tries"})`);
    } catch (error) {
      return finish(false, last.status, `unexpected error: ${error.message}`);
    }
  }
  async tryOnce(url, headers, body) {
    const exchange = await httpRequest({
      url,
      method: "POST",
      headers,
      body,
      timeoutMs: this.timeoutMs,
      // Nothing cancels a notification from outside; each try is bounded by its own timeout.
      signal: new AbortController().signal,
      insecure: false,
      maxRedirects: 0,
      maxBodyBytes: MAX_ANSWER_BYTES
    });
    if (!exchange.ok) {
      const detail = exchange.detail;
      if (exchange.cause === "tls") return { settled: true, ok: false, status: null, detail };
      return { settled: false, status: null, detail, waitMs: null };
    }
    const verdict = judgeAnswer(exchange.status, exchange.body);
    if (verdict.kind === "delivered")
      return { settled: true, ok: true, status: exchange.status, detail: "delivered" };
    if (verdict.kind === "failed")
      return { settled: true, ok: false, status: exchange.status, detail: verdict.detail };
    return {
      settled: false,
      status: exchange.status,
      detail: verdict.detail,
      waitMs: waitAsked(exchange.headers)
    };
  }
};
function waitAsked(headers) {
  return retryAfterMs(headers["retry-after"], Date.now());
}
function scrub(detail, written, parsed) {
  return redactUrlSecrets(redactUrlSecrets(detail, parsed), written);
}
function failed(receiver, event, detail, url) {
  return {
    receiver,
    event: event.event,
    ok: false,
    attempts: 0,
    status: null,
    detail: redactUrlSecrets(detail, url),
    ms: 0
  };
}
function withoutCredentials(text) {
  const url = new URL(text);
  if (url.username === "" && url.password === "") return { url: url.href, authorization: {} };
  const pair = `${decode(url.username)}:${decode(url.password)}`;
  url.username = "";
  url.password = "";
  return {
    url: url.href,
    authorization: { authorization: `Basic ${Buffer.from(pair, "utf8").toString("base64")}` }
  };
}
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
export {
  WebhookNotifier
};

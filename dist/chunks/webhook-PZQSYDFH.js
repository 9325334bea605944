import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  basicCredentials,
  redactUrlSecrets
} from "./chunk-32H4JKIA.js";
import {
  httpRequest
} from "./chunk-AVT4WW7O.js";
import {
  CHECKS_LISTED_IN_CHAT,
  MAX_CAUSE_CHARS,
  MAX_CHECKS_IN_BODY,
  MAX_HEADLINE_CHARS,
  MAX_REASON_CHARS,
  eventFacts,
  eventLinks,
  listedChecks,
  oneLine
} from "./chunk-ZIQYW4XS.js";
import {
  EVENT_SCHEMA,
  checkWebhookUrl,
  describeReceiver
} from "./chunk-RJ6OJS2X.js";
import "./chunk-TRU3V6GF.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import "./chunk-A5QYGNMP.js";

// src/core/notify/delivery-policy.ts
function judgeAnswer(status, body, redact = (text) => text) {
  if (status === 202) {
    return { kind: "delivered", detail: "accepted (202): queued by the receiver, not confirmed as posted" };
  }
  if (status >= 200 && status < 300) return { kind: "delivered", detail: "delivered" };
  if (status >= 300 && status < 400) {
    return { kind: "failed", detail: `answered ${status} (a redirect, not followed: give the final URL)` };
  }
  if (status === 429) return { kind: "retry", detail: "answered 429 (too many requests)" };
  if (status >= 500) return { kind: "retry", detail: `answered ${status}${said(body, redact)}` };
  return { kind: "failed", detail: `answered ${status}${said(body, redact)}${hint(status)}` };
}
function said(body, redact) {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat === "" || flat.startsWith("<")) return "";
  const text = redact(flat);
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
var DELIVERY_DEADLINE_MS = 15e3;
function nextTry(p) {
  const tried = `${p.attempts} ${p.attempts === 1 ? "try" : "tries"}`;
  if (p.attempts >= p.tries) return { kind: "stop", detail: `${p.detail} (${tried})` };
  if (p.askedMs !== null && p.askedMs >= p.leftMs) {
    return {
      kind: "stop",
      detail: `${p.detail}, and asked to come back in ${seconds(p.askedMs)} (Retry-After), past the notifications' deadline (${seconds(Math.max(0, p.leftMs))} left): not retried`
    };
  }
  const wait = p.askedMs ?? p.backoffMs;
  if (wait >= p.leftMs) {
    return {
      kind: "stop",
      detail: `${p.detail} (${tried}; no time left for another try before the notifications' deadline)`
    };
  }
  return { kind: "wait", ms: wait };
}
function seconds(ms) {
  if (ms >= 864e5) return "a day or more";
  return `${Math.ceil(ms / 1e3)} s`;
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
  return { type: "section", text: mrkdwn(text) };
}
function mrkdwn(text) {
  return { type: "mrkdwn", text, verbatim: true };
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
  const fields = eventFacts(event).map(
    (fact) => mrkdwn(`*${fact.title}*
${escapeWithin(fact.value, MAX_FIELD_CHARS - fact.title.length - 4)}`)
  );
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
var MAX_TEAMS_BODY_BYTES = 27e3;
function renderTeams(event) {
  let body = null;
  for (const detail of cutDown(event)) {
    body = teamsBody(event, detail);
    if (utf8Bytes(JSON.stringify(body)) <= MAX_TEAMS_BODY_BYTES) return body;
  }
  return body;
}
function* cutDown(event) {
  const checks = Math.min(CHECKS_LISTED_IN_CHAT, event.failedChecks.length);
  const actions = Math.min(MAX_ACTIONS, eventLinks(event).length);
  yield { cause: MAX_CAUSE_CHARS, reason: MAX_REASON_CHARS, checks, actions };
  yield { cause: 80, reason: 300, checks, actions };
  for (let listed = checks; listed >= 0; listed--) yield { cause: 0, reason: 100, checks: listed, actions };
  for (let shown = actions - 1; shown >= 0; shown--)
    yield { cause: 0, reason: 100, checks: 0, actions: shown };
}
function teamsBody(event, detail) {
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body: cardBody(event, detail),
    actions: eventLinks(event).slice(0, detail.actions).map((link) => ({ type: "Action.OpenUrl", title: link.label, url: link.url }))
  };
  return {
    type: "message",
    attachments: [
      { contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }
    ]
  };
}
function cardBody(event, detail) {
  const headline = cardText(oneLine(event.headline, MAX_HEADLINE_CHARS));
  const facts = eventFacts(event).map((fact) => ({ title: fact.title, value: cardText(fact.value) }));
  const body = [
    { type: "TextBlock", text: headline, weight: "Bolder", size: "Medium", wrap: true },
    { type: "FactSet", facts }
  ];
  if (event.failedChecks.length > 0) {
    const { listed, more } = listedChecks(event, detail.checks);
    body.push(
      textBlock(`Failed checks (${event.failedChecks.length})`, { weight: "Bolder", spacing: "Medium" })
    );
    for (const check of listed) {
      const cause = detail.cause > 0 ? `: ${cardText(oneLine(check.cause, detail.cause))}` : "";
      body.push(textBlock(`${cardText(check.name)}${cause}`));
    }
    if (more > 0) body.push(textBlock(`and ${more} more`, { isSubtle: true }));
  }
  if (event.reason !== null && event.reason.trim() !== "") {
    body.push(textBlock(`Reason: ${cardText(oneLine(event.reason, detail.reason))}`));
  }
  return body;
}
function textBlock(text, style = {}) {
  return { type: "TextBlock", text, wrap: true, spacing: "Small", ...style };
}
function utf8Bytes(text) {
  return new TextEncoder().encode(text).length;
}

// src/core/notify/digest-bodies.ts
var MAX_SLACK_BLOCKS = 50;
var mrkdwn2 = (text) => ({ type: "mrkdwn", text, verbatim: true });
function renderSlackDigest(event, metrics) {
  const headline = escapeSlack(oneLine(event.headline, MAX_HEADLINE_CHARS));
  const links = eventLinks(event).map(
    (link) => `<${escapeSlack(link.url).replace(/\|/g, "%7C")}|${escapeSlack(link.label)}>`
  );
  const blocks = [{ type: "section", text: mrkdwn2([`*${headline}*`, ...links].join("\n")) }];
  const environments = metrics.environments.map((env) => ({ ...env, name: oneLine(env.name, 100) }));
  const room = environments.length + 1 > MAX_SLACK_BLOCKS ? MAX_SLACK_BLOCKS - 2 : environments.length;
  for (const env of environments.slice(0, room)) {
    blocks.push({
      type: "section",
      text: mrkdwn2(`*${escapeSlack(env.name)}*`),
      fields: env.facts.map((fact) => mrkdwn2(`*${fact.title}*
${escapeSlack(fact.value)}`))
    });
  }
  const more = environments.length - room;
  if (more > 0) blocks.push({ type: "context", elements: [mrkdwn2(`and ${more} more environments`)] });
  return { text: headline, blocks };
}
function renderTeamsDigest(event, metrics) {
  const environments = metrics.environments.map((env) => ({ ...env, name: oneLine(env.name, 100) }));
  const actions = eventLinks(event).slice(0, 1).map((link) => ({ type: "Action.OpenUrl", title: link.label, url: link.url }));
  const head = [
    {
      type: "TextBlock",
      text: cardText(oneLine(event.headline, MAX_HEADLINE_CHARS)),
      weight: "Bolder",
      size: "Medium",
      wrap: true
    }
  ];
  const blocks = environments.map((env) => [
    { type: "TextBlock", text: cardText(env.name), weight: "Bolder", spacing: "Medium", wrap: true },
    { type: "FactSet", facts: env.facts.map((fact) => ({ title: fact.title, value: cardText(fact.value) })) }
  ]);
  for (let shown = blocks.length; shown >= 0; shown--) {
    const more = blocks.length - shown;
    const tail = more > 0 ? [{ type: "TextBlock", text: `and ${more} more environments`, isSubtle: true, wrap: true }] : [];
    const body = teamsMessage([...head, ...blocks.slice(0, shown).flat(), ...tail], actions);
    if (new TextEncoder().encode(JSON.stringify(body)).length <= MAX_TEAMS_BODY_BYTES || shown === 0)
      return body;
  }
  return teamsMessage(head, actions);
}
function teamsMessage(body, actions) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions
        }
      }
    ]
  };
}

// src/core/notify/formats.ts
function renderBody(format, event) {
  if (event.metrics !== void 0 && format !== "json") {
    return format === "slack" ? renderSlackDigest(event, event.metrics) : renderTeamsDigest(event, event.metrics);
  }
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
    at: event.at,
    // The digest's report, whole: a receiver of the JSON format gets every figure.
    ...event.metrics === void 0 ? {} : { metrics: event.metrics.report }
  };
}

// src/adapters/notify/webhook.ts
var MAX_ANSWER_BYTES = 4096;
var WebhookNotifier = class {
  urls;
  format;
  timeoutMs;
  tries;
  backoffMs;
  deadlineMs;
  /** Set by the first send: the one deadline of all of them (ms since the epoch). */
  deadline = null;
  sleep;
  userAgent;
  constructor(options) {
    this.urls = [...options.urls];
    this.format = options.format;
    this.timeoutMs = options.timeoutMs ?? 1e4;
    this.tries = Math.max(1, options.tries ?? 3);
    this.backoffMs = options.backoffMs ?? 1e3;
    this.deadlineMs = options.deadlineMs ?? DELIVERY_DEADLINE_MS;
    this.sleep = options.sleep ?? sleep;
    this.userAgent = options.userAgent ?? "shipguard";
  }
  send(event, limits = {}) {
    this.deadline ??= Date.now() + this.deadlineMs;
    const bounds = {
      deadline: Math.min(this.deadline, limits.deadline ?? Number.POSITIVE_INFINITY),
      signal: limits.signal ?? new AbortController().signal
    };
    let body;
    try {
      body = JSON.stringify(renderBody(this.format, event));
    } catch (error) {
      const detail = `could not build the ${this.format} body: ${error.message}`;
      return Promise.resolve(
        this.urls.map((url, index) => failed(describeReceiver(index, url), event, detail))
      );
    }
    return Promise.all(this.urls.map((url, index) => this.deliver(url, index, event, body, bounds)));
  }
  /** One URL, all its tries. Catches everything: a bug here must not reject the whole send. */
  async deliver(text, index, event, body, bounds) {
    const checked = checkWebhookUrl(text, index);
    if (!checked.ok) {
      return failed(describeReceiver(index, text), event, `refused: ${checked.problem}`);
    }
    const { receiver } = checked;
    const target = withoutCredentials(checked.url);
    const headers = {
      "content-type": "application/json",
      "user-agent": this.userAgent,
      ...target.authorization
    };
    const redact = (said2) => scrub(said2, text, checked.url);
    const started = performance.now();
    let attempts = 0;
    const finish = (ok, status, detail) => ({
      receiver,
      event: event.event,
      ok,
      attempts,
      status,
      detail,
      ms: Math.round(performance.now() - started)
    });
    let last = { status: null, detail: "not tried" };
    const { deadline, signal } = bounds;
    const cancelled = () => finish(
      false,
      last.status,
      `${attempts === 0 ? "not tried" : last.detail}; cancelled: the run is ending`
    );
    try {
      if (Date.now() >= deadline) {
        return finish(false, null, "not tried: the notifications' deadline had passed");
      }
      for (; ; ) {
        if (signal.aborted) return cancelled();
        attempts += 1;
        const timeoutMs = Math.max(1, Math.min(this.timeoutMs, deadline - Date.now()));
        const result = await this.tryOnce(target.url, headers, body, timeoutMs, signal, redact);
        if (signal.aborted) return cancelled();
        if (result.settled) return finish(result.ok, result.status, result.detail);
        last = result;
        const next = nextTry({
          detail: result.detail,
          attempts,
          tries: this.tries,
          askedMs: result.waitMs,
          backoffMs: backoffDelay(this.backoffMs, attempts, Math.random()),
          leftMs: deadline - Date.now()
        });
        if (next.kind === "stop") return finish(false, result.status, next.detail);
        await this.sleep(next.ms, signal);
      }
    } catch (error) {
      return finish(false, last.status, `unexpected error: ${redact(error.message)}`);
    }
  }
  /** `redact` scrubs what came from outside: an error's text, and what the receiver said before it is shortened. */
  async tryOnce(url, headers, body, timeoutMs, signal, redact) {
    const exchange = await httpRequest({
      url,
      method: "POST",
      headers,
      body,
      timeoutMs,
      signal,
      insecure: false,
      maxRedirects: 0,
      maxBodyBytes: MAX_ANSWER_BYTES
    });
    if (!exchange.ok) {
      const detail = redact(exchange.detail);
      if (exchange.cause === "tls") return { settled: true, ok: false, status: null, detail };
      return { settled: false, status: null, detail, waitMs: null };
    }
    const verdict = judgeAnswer(exchange.status, exchange.body, redact);
    if (verdict.kind === "delivered")
      return { settled: true, ok: true, status: exchange.status, detail: verdict.detail };
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
function failed(receiver, event, detail) {
  return {
    receiver,
    event: event.event,
    ok: false,
    attempts: 0,
    status: null,
    detail,
    ms: 0
  };
}
function withoutCredentials(text) {
  const url = new URL(text);
  const basic = basicCredentials(url);
  if (basic === null) return { url: url.href, authorization: {} };
  url.username = "";
  url.password = "";
  return { url: url.href, authorization: { authorization: `Basic ${basic}` } };
}
export {
  WebhookNotifier
};

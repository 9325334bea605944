import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/secrets.ts
var REDACTED = "***";
var MIN_SECRET_CHARS = 4;
var MIN_SEGMENT_CHARS = 8;
var PLAIN_WORD = /^[A-Z]?[a-z]+$/;
function isSecretSegment(segment) {
  return segment.length >= MIN_SEGMENT_CHARS && !PLAIN_WORD.test(segment);
}
function urlSecretParts(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return url.length >= MIN_SECRET_CHARS ? [url] : [];
  }
  const parts = [];
  const add = (written, secret) => {
    if (secret) parts.push(written, decoded(written));
  };
  const segment = (written) => add(written, isSecretSegment(decoded(written)));
  const { username, password } = parsed;
  add(password, password.length >= MIN_SECRET_CHARS);
  if (password === "") add(username, username.length >= MIN_SECRET_CHARS);
  else segment(username);
  const basic = basicCredentials(parsed);
  if (basic !== null) parts.push(basic, basic.replace(/=+$/, ""));
  for (const piece of parsed.pathname.split("/")) segment(piece);
  for (const pair of parsed.search.slice(1).split("&")) segment(pair.slice(pair.indexOf("=") + 1));
  for (const value of parsed.searchParams.values()) add(value, isSecretSegment(value));
  segment(parsed.hash.slice(1));
  const host = parsed.host.toLowerCase();
  return longestFirst(parts.filter((part) => !host.includes(part.toLowerCase())));
}
function basicCredentials(url) {
  if (url.username === "" && url.password === "") return null;
  return base64(`${decoded(url.username)}:${decoded(url.password)}`);
}
function redactUrlSecrets(text, url) {
  return replaceSecrets(text, urlSecretParts(url));
}
function replaceSecrets(text, secrets) {
  const pattern = secretsPattern(secrets);
  return pattern === null || text === "" ? text : text.replace(pattern, REDACTED);
}
function secretsPattern(secrets) {
  const forms = longestFirst([...secrets]);
  return forms.length === 0 ? null : new RegExp(forms.map(escapeRegExp).join("|"), "gi");
}
function secretForms(value) {
  if (value.length < MIN_SECRET_CHARS) return [];
  const forms = /* @__PURE__ */ new Set([
    value,
    base64(value),
    base64(`x-access-token:${value}`),
    base64(`:${value}`),
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1)
  ]);
  return [...forms];
}
var Redactor = class {
  forms = /* @__PURE__ */ new Set();
  onForm;
  pattern = null;
  constructor(onForm = () => {
  }) {
    this.onForm = onForm;
  }
  /** A value that is secret in every form it may leak in (secretForms). */
  add(value) {
    this.addForms(secretForms(value));
  }
  /** The secret parts of a URL (urlSecretParts): its credentials, not its plain words. */
  addUrl(url) {
    this.addForms(urlSecretParts(url));
  }
  /** Bound, so it can be handed around as a function. */
  redact = (text) => {
    this.pattern ??= secretsPattern(this.forms);
    return this.pattern === null || text === "" ? text : text.replace(this.pattern, REDACTED);
  };
  addForms(forms) {
    for (const form of forms) {
      if (form.length < MIN_SECRET_CHARS || this.forms.has(form)) continue;
      this.forms.add(form);
      this.pattern = null;
      this.onForm(form);
    }
  }
};
function redactDeep(value, redact) {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value === null || typeof value !== "object") return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]));
}
function longestFirst(parts) {
  return [...new Set(parts)].filter((part) => part.length >= MIN_SECRET_CHARS).sort((a, b) => b.length - a.length);
}
function base64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export {
  basicCredentials,
  redactUrlSecrets,
  Redactor,
  redactDeep
};

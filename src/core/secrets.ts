/**
 * What counts as a secret, and the one way secrets are taken out of a text. Pure: strings in,
 * strings out.
 *
 * A run's secrets are values (the GitHub token, DEPLOY_TOKEN, CHECKS_TOKEN, the checks' header
 * values), each in every form it may leak in, and the secret parts of the webhook URLs.
 *
 * A webhook URL carries its credential in some of its parts (Slack and Teams in the path, others
 * in `?token=` or `user:password@`), and its other parts are plain words (`/services/`,
 * `/workflows/`, `/Production`) or short numbers. Only the secret parts are redacted, so that a
 * path like `/500`, `/redirect` or `/Production` cannot garble shipguard's own sentences ("answered
 * 500", "a redirect", "Deployed 1.1.0 to production").
 */

/** What a secret becomes wherever it is found: the mark GitHub's log masking prints too. */
export const REDACTED = "***";

/**
 * Shorter values are never treated as secrets: replacing every "abc" or "500" would garble every
 * message (versions, statuses, counts), and a value that short protects nothing worth hiding.
 */
export const MIN_SECRET_CHARS = 4;

/** A path or query segment shorter than this is an id or a word, not a credential. */
const MIN_SEGMENT_CHARS = 8;

/**
 * A plain word: lower case (`services`, `redirect`) or capitalised (`Production`), letters a to z
 * only. Redaction ignores case, and the action host masks each secret in the whole log, so a word
 * taken for a secret would take that word out of shipguard's own sentences (`/hooks/Production`,
 * "Deployed 1.1.0 to production"). Other shapes stay secret: random letters fall into camel case
 * (`SeCrEtPaThPaRt`), and base32 keys are upper case; a camel-case name is never one of
 * shipguard's words, so redacting it garbles nothing.
 */
const PLAIN_WORD = /^[A-Z]?[a-z]+$/;

/**
 * The rule for a URL's path and query segments (decoded): a segment of 8 or more characters is
 * secret unless it is a plain word (PLAIN_WORD). A digit, any other character, or letters in any
 * other shape make it a secret: tokens, ids and signatures are made so.
 */
export function isSecretSegment(segment: string): boolean {
  return segment.length >= MIN_SEGMENT_CHARS && !PLAIN_WORD.test(segment);
}

/**
 * The secret parts of a URL, each as written and decoded, longest first: the password (and the user
 * name when there is no password: then it is the credential), the Basic authorization value they
 * are sent as, and every path segment, query value and fragment that isSecretSegment says is one.
 * Parts the host already shows are left out: the host is printed anyway. Text that is not a URL is
 * a secret as a whole.
 */
export function urlSecretParts(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.length >= MIN_SECRET_CHARS ? [url] : [];
  }
  const parts: string[] = [];
  const add = (written: string, secret: boolean): void => {
    if (secret) parts.push(written, decoded(written));
  };
  const segment = (written: string): void => add(written, isSecretSegment(decoded(written)));
  const { username, password } = parsed;
  add(password, password.length >= MIN_SECRET_CHARS);
  if (password === "") add(username, username.length >= MIN_SECRET_CHARS);
  else segment(username);
  const basic = basicCredentials(parsed);
  // A receiver may echo the header; some drop base64's padding.
  if (basic !== null) parts.push(basic, basic.replace(/=+$/, ""));
  for (const piece of parsed.pathname.split("/")) segment(piece);
  for (const pair of parsed.search.slice(1).split("&")) segment(pair.slice(pair.indexOf("=") + 1));
  // The form encoding's `+` for a space, as URLSearchParams reads it.
  for (const value of parsed.searchParams.values()) add(value, isSecretSegment(value));
  segment(parsed.hash.slice(1));
  const host = parsed.host.toLowerCase();
  return longestFirst(parts.filter((part) => !host.includes(part.toLowerCase())));
}

/**
 * The value of the `Authorization: Basic <value>` header a URL's `user:password@` is sent as (the
 * parts decoded, UTF-8, base64), or null when it has neither.
 */
export function basicCredentials(url: URL): string | null {
  if (url.username === "" && url.password === "") return null;
  return base64(`${decoded(url.username)}:${decoded(url.password)}`);
}

/** Replaces the secret parts of `url` in `text`. */
export function redactUrlSecrets(text: string, url: string): string {
  return replaceSecrets(text, urlSecretParts(url));
}

/**
 * Replaces every secret in `text` with REDACTED. Longest first, so that a secret containing another
 * goes whole. Case-insensitive: a percent-encoded form may come back as `%2f` where it had `%2F`,
 * and a message may have lower-cased what it quotes.
 */
export function replaceSecrets(text: string, secrets: readonly string[]): string {
  const pattern = secretsPattern(secrets);
  return pattern === null || text === "" ? text : text.replace(pattern, REDACTED);
}

function secretsPattern(secrets: Iterable<string>): RegExp | null {
  const forms = longestFirst([...secrets]);
  return forms.length === 0 ? null : new RegExp(forms.map(escapeRegExp).join("|"), "gi");
}

/**
 * Every form a secret value can leak in: as is, base64 (a Basic authorization header with an empty
 * user name or the token as the user), base64 of `x-access-token:<value>` (git's http.extraheader),
 * URL-encoded (in a clone URL or a query), and escaped inside a JSON string. None for a value
 * shorter than MIN_SECRET_CHARS.
 */
export function secretForms(value: string): string[] {
  if (value.length < MIN_SECRET_CHARS) return [];
  const forms = new Set([
    value,
    base64(value),
    base64(`x-access-token:${value}`),
    base64(`:${value}`),
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
  ]);
  return [...forms];
}

/**
 * The run's secrets, and the one redactor that takes them out of whatever leaves the process: the
 * report a host publishes (text, summary, outputs, --json), the events sent to webhooks, and the
 * incident before it is written. `onForm` hears each new form once (the action host masks it in
 * the log with it).
 */
export class Redactor {
  private readonly forms = new Set<string>();
  private readonly onForm: (form: string) => void;
  private pattern: RegExp | null = null;

  constructor(onForm: (form: string) => void = () => {}) {
    this.onForm = onForm;
  }

  /** A value that is secret in every form it may leak in (secretForms). */
  add(value: string): void {
    this.addForms(secretForms(value));
  }

  /** The secret parts of a URL (urlSecretParts): its credentials, not its plain words. */
  addUrl(url: string): void {
    this.addForms(urlSecretParts(url));
  }

  /** Bound, so it can be handed around as a function. */
  readonly redact = (text: string): string => {
    this.pattern ??= secretsPattern(this.forms);
    return this.pattern === null || text === "" ? text : text.replace(this.pattern, REDACTED);
  };

  private addForms(forms: readonly string[]): void {
    for (const form of forms) {
      if (form.length < MIN_SECRET_CHARS || this.forms.has(form)) continue;
      this.forms.add(form);
      this.pattern = null;
      this.onForm(form);
    }
  }
}

/**
 * `value` with `redact` applied to every string in it, at any depth (a report, an event, an
 * incident): strings, arrays and plain objects are copied, anything else is kept as it is.
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value === null || typeof value !== "object") return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  // fromEntries defines own properties, so a `__proto__` key stays a key.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)])) as T;
}

function longestFirst(parts: readonly string[]): string[] {
  return [...new Set(parts)]
    .filter((part) => part.length >= MIN_SECRET_CHARS)
    .sort((a, b) => b.length - a.length);
}

/** UTF-8, then base64, as Buffer's toString("base64") writes it. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

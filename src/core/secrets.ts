/**
 * What counts as a secret, and the one way secrets are taken out of a text. Pure: strings in,
 * strings out.
 *
 * A webhook URL carries its credential in some of its parts (Slack and Teams in the path, others
 * in `?token=` or `user:password@`), and its other parts are plain words (`/services/`,
 * `/workflows/`) or short numbers. Only the secret parts are redacted, so that a path like `/500`
 * or `/redirect` cannot garble shipguard's own sentences ("answered 500", "a redirect").
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
 * The rule for a URL's path and query segments (decoded): a segment of 8 or more characters is
 * secret unless it is a plain word, lower-case letters a to z only (`services`, `workflows`,
 * `redirect`). A digit, an upper-case letter or any other character makes it a secret: tokens,
 * ids and signatures mix them.
 */
export function isSecretSegment(segment: string): boolean {
  return segment.length >= MIN_SEGMENT_CHARS && !/^[a-z]+$/.test(segment);
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
  const bytes = new TextEncoder().encode(`${decoded(url.username)}:${decoded(url.password)}`);
  return btoa(String.fromCharCode(...bytes));
}

/** Replaces the secret parts of `url` in `text`. */
export function redactUrlSecrets(text: string, url: string): string {
  return replaceSecrets(text, urlSecretParts(url));
}

/**
 * Replaces every secret in `text` with REDACTED. Longest first, so that a secret containing another
 * goes whole. A percent-encoded form is also found with lower-case escapes (`%2f` for `%2F`).
 */
export function replaceSecrets(text: string, secrets: readonly string[]): string {
  const forms = longestFirst(secrets.flatMap((secret) => [secret, lowerEscapes(secret)]));
  if (forms.length === 0 || text === "") return text;
  return text.replace(new RegExp(forms.map(escapeRegExp).join("|"), "g"), REDACTED);
}

function longestFirst(parts: readonly string[]): string[] {
  return [...new Set(parts)]
    .filter((part) => part.length >= MIN_SECRET_CHARS)
    .sort((a, b) => b.length - a.length);
}

function lowerEscapes(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
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

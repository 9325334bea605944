/**
 * The last guard before a message about a webhook is printed or returned: every secret part of
 * its URL (the whole URL, the user name and password, the path and each of its segments, the query
 * and each of its values, the fragment) is replaced by `…`, in its written and its decoded forms.
 * Messages are written without the URL in the first place; this catches what a library or a
 * receiver echoed back. Parts shorter than 3 characters are left alone: hiding every `a` of a
 * message would make it unreadable, and such a part protects nothing. So are parts the host
 * already says (`/hooks/…` on hooks.example.com): the host is printed anyway.
 */

const MIN_SECRET_CHARS = 3;

export function redactUrlSecrets(text: string, url: string): string {
  let out = text;
  for (const part of secretParts(url)) out = replaceAll(out, part);
  return out;
}

/** Longest first, so that the whole URL goes before its pieces and no half of a secret stays. */
export function secretParts(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL: the whole text is the secret.
    return url.length >= MIN_SECRET_CHARS ? [url] : [];
  }
  const parts = [url, parsed.href, parsed.username, parsed.password, parsed.search, parsed.hash];
  if (parsed.pathname !== "/") parts.push(parsed.pathname);
  parts.push(...parsed.pathname.split("/"));
  for (const [key, value] of parsed.searchParams) parts.push(value, `${key}=${value}`);
  for (const raw of parsed.search.slice(1).split("&")) parts.push(raw, raw.split("=").slice(1).join("="));
  const all = parts.flatMap((part) => [part, decoded(part)]);
  const host = parsed.host.toLowerCase();
  return [...new Set(all)]
    .filter((part) => part.length >= MIN_SECRET_CHARS && !host.includes(part.toLowerCase()))
    .sort((a, b) => b.length - a.length);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Case-insensitive, because percent-encoding may come back as `%2f` where the URL had `%2F`. */
function replaceAll(text: string, part: string): string {
  const pattern = new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
  return text.replace(pattern, "…");
}

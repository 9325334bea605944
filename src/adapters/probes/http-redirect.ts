/**
 * The redirect policy of httpRequest: which 3xx answers are followed, where to (a hop limit, no
 * loops, no https -> http downgrade, no link-local or metadata address unless the check names one),
 * and what the next hop sends (no credentials to another origin).
 */
import { isInternalHost } from "./internal-addresses.ts";

export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Sent again to a new origin: they describe what the client wants, not who it is. Any other header
// written in the checks may carry a credential (every header value is treated as a secret).
const CROSS_ORIGIN_SAFE = new Set([
  "accept",
  "accept-language",
  "user-agent",
  "cache-control",
  "pragma",
  "content-type",
]);

/** What one hop sends. */
export interface OutgoingRequest {
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/** The hops so far, to refuse loops and too many redirects. */
export interface RedirectHistory {
  visited: ReadonlySet<string>;
  redirects: readonly string[];
  maxRedirects: number;
  /** True when the check's own URL is a link-local or metadata address: redirects may go there too. */
  allowInternal: boolean;
}

/** Where a redirect leads, or why it is refused (the detail of a "redirect" failure). */
export function redirectTarget(
  from: URL,
  status: number,
  location: string,
  history: RedirectHistory,
): { ok: true; next: URL } | { ok: false; detail: string } {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return {
      ok: false,
      detail: `${status} from ${from.href} has an invalid Location ${JSON.stringify(location.slice(0, 200))}`,
    };
  }
  next.hash = "";
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    return {
      ok: false,
      detail: `${status} from ${from.href} redirects to the unsupported scheme ${next.protocol}`,
    };
  }
  if (from.protocol === "https:" && next.protocol === "http:") {
    return {
      ok: false,
      detail: `refused the downgrade from https to http: ${from.href} redirects to ${next.href}`,
    };
  }
  if (!history.allowInternal && isInternalHost(next.hostname)) {
    return {
      ok: false,
      detail: `refused the redirect to the link-local or cloud metadata address ${next.host}: ${from.href} redirects there`,
    };
  }
  if (history.visited.has(next.href)) {
    return {
      ok: false,
      detail: `redirect loop: ${[...history.redirects, next.href].join(" -> ")} came back to ${next.href}`,
    };
  }
  if (history.redirects.length >= history.maxRedirects) {
    return {
      ok: false,
      detail: `more than ${history.maxRedirects} redirects (last: ${from.href} -> ${next.href})`,
    };
  }
  return { ok: true, next };
}

/**
 * What the hop to `next` sends after `status` from `from`. The names of the headers left out for
 * another origin are added to `droppedHeaders` (once each).
 */
export function requestAfterRedirect(
  previous: OutgoingRequest,
  from: URL,
  next: URL,
  status: number,
  droppedHeaders: string[],
): OutgoingRequest {
  let { method, headers, body } = previous;
  if (next.origin !== from.origin) {
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (CROSS_ORIGIN_SAFE.has(name.toLowerCase())) kept[name] = value;
      else if (!droppedHeaders.includes(name)) droppedHeaders.push(name);
    }
    headers = kept;
  }
  // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without the body.
  if (status === 303 || ((status === 301 || status === 302) && method === "POST")) {
    if (method !== "HEAD") method = "GET";
    body = null;
    headers = Object.fromEntries(
      Object.entries(headers).filter(([name]) => name.toLowerCase() !== "content-type"),
    );
  }
  return { method, headers, body };
}

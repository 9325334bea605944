/**
 * When a webhook delivery is tried again, and how long to wait first. Pure: the adapter makes the
 * requests and the waits. A 2xx is delivered (a 202 only accepted); a 3xx is not followed (the receiver moved, and a
 * redirect would carry the event somewhere nobody configured); 429 and 5xx are worth another try;
 * any other answer would be the same next time.
 */

export type AnswerVerdict =
  | { kind: "delivered"; detail: string }
  | { kind: "retry"; detail: string }
  | { kind: "failed"; detail: string };

/**
 * `redact` removes the secrets a receiver may echo (its own URL, the Basic credentials) from what it
 * said, before that is shortened: a secret cut in half would no longer be found.
 */
export function judgeAnswer(
  status: number,
  body: string,
  redact: (text: string) => string = (text) => text,
): AnswerVerdict {
  if (status === 202) {
    // Teams workflows (Power Automate) answer 202 on receipt and post later; a post that fails then,
    // or a card over its size, is never reported back. Accepted is all that is known.
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

/**
 * What the receiver said, when it is a short text: Slack answers `invalid_blocks` or `no_service`,
 * which is the whole diagnosis. HTML error pages are left out: they are long and say nothing more.
 */
function said(body: string, redact: (text: string) => string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat === "" || flat.startsWith("<")) return "";
  const text = redact(flat);
  return `: ${text.length > 120 ? `${text.slice(0, 119)}…` : text}`;
}

function hint(status: number): string {
  if (status === 404 || status === 410)
    return " (the webhook was removed, or the URL is wrong: make a new one)";
  if (status === 401 || status === 403) return " (the receiver refused the URL's credentials or token)";
  return "";
}

/**
 * Retry-After as milliseconds from `nowMs`: delay-seconds or an HTTP date (RFC 9110). Null when it
 * is missing or unreadable, so the caller falls back to its own backoff; a date in the past is 0.
 */
export function retryAfterMs(value: string | string[] | undefined, nowMs: number): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (text === undefined || text === "") return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; Date.parse alone would read "-1" or "1.5" as dates.
  if (!/^[a-z]{3}/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * The wait before try `attempt + 1`: the base doubled each time, between 75% and 125% of that, so
 * that many runs failing together do not come back at the same instant. `random` is in [0, 1).
 */
export function backoffDelay(baseMs: number, attempt: number, random: number): number {
  const doubled = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(doubled * (0.75 + random * 0.5));
}

/**
 * All of a run's notifications end this long after the first try, whatever the receivers say: a
 * deploy, or the concurrency group a dispatched rollback waits for, is never held longer for them.
 */
export const DELIVERY_DEADLINE_MS = 15_000;

export type NextTry = { kind: "wait"; ms: number } | { kind: "stop"; detail: string };

/**
 * After a try worth repeating: wait (the receiver's Retry-After, else the backoff) when another
 * try fits before the deadline, else stop at once and say why. A Retry-After past the deadline is
 * not waited for in part: the receiver said an earlier try would be refused too.
 */
export function nextTry(p: {
  detail: string;
  attempts: number;
  tries: number;
  askedMs: number | null;
  backoffMs: number;
  leftMs: number;
}): NextTry {
  const tried = `${p.attempts} ${p.attempts === 1 ? "try" : "tries"}`;
  if (p.attempts >= p.tries) return { kind: "stop", detail: `${p.detail} (${tried})` };
  if (p.askedMs !== null && p.askedMs >= p.leftMs) {
    return {
      kind: "stop",
      detail: `${p.detail}, and asked to come back in ${seconds(p.askedMs)} (Retry-After), past the notifications' deadline (${seconds(Math.max(0, p.leftMs))} left): not retried`,
    };
  }
  const wait = p.askedMs ?? p.backoffMs;
  if (wait >= p.leftMs) {
    return {
      kind: "stop",
      detail: `${p.detail} (${tried}; no time left for another try before the notifications' deadline)`,
    };
  }
  return { kind: "wait", ms: wait };
}

/** Whole seconds, rounded up; a day or more is said as such (a Retry-After can be any number). */
function seconds(ms: number): string {
  if (ms >= 86_400_000) return "a day or more";
  return `${Math.ceil(ms / 1000)} s`;
}

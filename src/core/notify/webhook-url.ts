/**
 * Which webhook URLs shipguard will post to, and how it names them. A webhook URL is a secret
 * (Slack and Teams put the credential in the path; others use `user:password@` or `?token=`), so
 * nothing here returns more of a URL than its scheme and host for printing. Pure: the global URL
 * class only.
 */

export type WebhookUrlCheck =
  | { ok: true; url: string; receiver: string }
  | {
      ok: false;
      /** What is wrong and what to do, without any part of the URL. */
      problem: string;
      /** Safe to print: scheme and host only, e.g. `http://hooks.example.com/…`. */
      shown: string;
    };

/**
 * `index` is the URL's position in `notify-url`, counted from 0 as arrays are; people read it
 * counted from 1: `notify-url 1 (hooks.slack.com)` is the first. Never throws.
 */
export function describeReceiver(index: number, url: string): string {
  const parsed = parse(url);
  const host = parsed === null || parsed.host === "" ? "not a URL" : parsed.host;
  return `notify-url ${index + 1} (${host})`;
}

/**
 * https is always allowed; plain http only to this machine (tests, a local relay), because over
 * the network it would carry the URL's secret and the event in clear text.
 */
export function checkWebhookUrl(text: string, index: number): WebhookUrlCheck {
  const trimmed = text.trim();
  if (trimmed === "") {
    return { ok: false, problem: "is empty: give the webhook's https:// URL", shown: "(empty)" };
  }
  const parsed = parse(trimmed);
  if (parsed === null || parsed.host === "") {
    // Not even the scheme is shown: a text that does not parse may be a secret pasted wrong.
    return {
      ok: false,
      problem: "is not a URL: give the webhook's full https:// URL as the receiver shows it",
      shown: "(not shown: not a URL)",
    };
  }
  const shown = `${parsed.protocol}//${parsed.host}/…`;
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopback(parsed.hostname))) {
    return { ok: true, url: parsed.href, receiver: describeReceiver(index, trimmed) };
  }
  if (parsed.protocol === "http:") {
    return {
      ok: false,
      problem:
        "uses http:// to a host that is not this machine, which would send its secret in clear text: use https:// (http:// is only for localhost, 127.0.0.0/8 and [::1])",
      shown,
    };
  }
  return {
    ok: false,
    problem: `uses the scheme ${parsed.protocol} which is not a webhook: use https://`,
    shown,
  };
}

function parse(text: string): URL | null {
  try {
    return new URL(text.trim());
  } catch {
    return null;
  }
}

/**
 * The URL class has already normalised the host (`127.1` and `0x7f.1` become `127.0.0.1`), so a
 * plain look at the dotted form is enough. Names other than `localhost` could resolve anywhere.
 */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

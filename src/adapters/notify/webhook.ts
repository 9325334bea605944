/**
 * Posts an event to every configured webhook at once and reports one Delivery per URL. A
 * notification must never fail or stall the deploy it reports on: `send` never rejects, and every
 * send of one notifier ends by one deadline, 15 s after its first try (or earlier, when the caller
 * says so): each try is cut to what is left of it, and a wait (backoff or Retry-After) that would
 * pass it ends the delivery at once. The URL is a secret: it is named `notify-url <n> (<host>)`,
 * its credentials travel as a Basic authorization header, and every detail is scrubbed of it
 * before it leaves this file.
 */
import type { IncomingHttpHeaders } from "node:http";
import {
  backoffDelay,
  DELIVERY_DEADLINE_MS,
  judgeAnswer,
  nextTry,
  retryAfterMs,
} from "../../core/notify/delivery-policy.ts";
import type { Delivery, NotificationEvent, NotifyFormat } from "../../core/notify/event.ts";
import { renderBody } from "../../core/notify/formats.ts";
import { checkWebhookUrl, describeReceiver } from "../../core/notify/webhook-url.ts";
import { basicCredentials, redactUrlSecrets } from "../../core/secrets.ts";
import type { Notifier, SendLimits } from "../../ports.ts";
import { httpRequest } from "../probes/http-request.ts";
import { sleep as realSleep } from "../sleep.ts";

export interface WebhookNotifierOptions {
  urls: string[];
  format: NotifyFormat;
  /** Bounds one try, connect to last byte. Default 10 s. */
  timeoutMs?: number;
  /** Tries per URL. Default 3. */
  tries?: number;
  /** The first wait between tries, doubled after each, with jitter. Default 1 s. */
  backoffMs?: number;
  /** Every send of this notifier ends this long after its first try. Default 15 s. */
  deadlineMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<unknown>;
  userAgent?: string;
}

/** A receiver's answer is only read for a short diagnosis (Slack says `invalid_blocks`). */
const MAX_ANSWER_BYTES = 4096;

/** One send's limits: the earlier of the notifier's deadline and the caller's, and the caller's signal. */
interface Bounds {
  deadline: number;
  signal: AbortSignal;
}

type TryResult =
  | { settled: true; ok: boolean; status: number | null; detail: string }
  | { settled: false; status: number | null; detail: string; waitMs: number | null };

export class WebhookNotifier implements Notifier {
  private readonly urls: string[];
  private readonly format: NotifyFormat;
  private readonly timeoutMs: number;
  private readonly tries: number;
  private readonly backoffMs: number;
  private readonly deadlineMs: number;
  /** Set by the first send: the one deadline of all of them (ms since the epoch). */
  private deadline: number | null = null;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<unknown>;
  private readonly userAgent: string;

  constructor(options: WebhookNotifierOptions) {
    this.urls = [...options.urls];
    this.format = options.format;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.tries = Math.max(1, options.tries ?? 3);
    this.backoffMs = options.backoffMs ?? 1000;
    this.deadlineMs = options.deadlineMs ?? DELIVERY_DEADLINE_MS;
    this.sleep = options.sleep ?? realSleep;
    this.userAgent = options.userAgent ?? "shipguard";
  }

  send(event: NotificationEvent, limits: SendLimits = {}): Promise<Delivery[]> {
    this.deadline ??= Date.now() + this.deadlineMs;
    const bounds: Bounds = {
      deadline: Math.min(this.deadline, limits.deadline ?? Number.POSITIVE_INFINITY),
      signal: limits.signal ?? new AbortController().signal,
    };
    let body: string;
    try {
      body = JSON.stringify(renderBody(this.format, event));
    } catch (error) {
      const detail = `could not build the ${this.format} body: ${(error as Error).message}`;
      return Promise.resolve(
        this.urls.map((url, index) => failed(describeReceiver(index, url), event, detail)),
      );
    }
    return Promise.all(this.urls.map((url, index) => this.deliver(url, index, event, body, bounds)));
  }

  /** One URL, all its tries. Catches everything: a bug here must not reject the whole send. */
  private async deliver(
    text: string,
    index: number,
    event: NotificationEvent,
    body: string,
    bounds: Bounds,
  ): Promise<Delivery> {
    const checked = checkWebhookUrl(text, index);
    if (!checked.ok) {
      return failed(describeReceiver(index, text), event, `refused: ${checked.problem}`);
    }
    const { receiver } = checked;
    const target = withoutCredentials(checked.url);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": this.userAgent,
      ...target.authorization,
    };
    // Only what came from outside (the receiver's answer, an error's text) is scrubbed, never the
    // sentences written around it here.
    const redact = (said: string): string => scrub(said, text, checked.url);
    const started = performance.now();
    let attempts = 0;
    const finish = (ok: boolean, status: number | null, detail: string): Delivery => ({
      receiver,
      event: event.event,
      ok,
      attempts,
      status,
      detail,
      ms: Math.round(performance.now() - started),
    });
    let last: { status: number | null; detail: string } = { status: null, detail: "not tried" };
    const { deadline, signal } = bounds;
    const cancelled = () =>
      finish(
        false,
        last.status,
        `${attempts === 0 ? "not tried" : last.detail}; cancelled: the run is ending`,
      );
    try {
      if (Date.now() >= deadline) {
        return finish(false, null, "not tried: the notifications' deadline had passed");
      }
      for (;;) {
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
          leftMs: deadline - Date.now(),
        });
        if (next.kind === "stop") return finish(false, result.status, next.detail);
        await this.sleep(next.ms, signal);
      }
    } catch (error) {
      return finish(false, last.status, `unexpected error: ${redact((error as Error).message)}`);
    }
  }

  /** `redact` scrubs what came from outside: an error's text, and what the receiver said before it is shortened. */
  private async tryOnce(
    url: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
    signal: AbortSignal,
    redact: (said: string) => string,
  ): Promise<TryResult> {
    const exchange = await httpRequest({
      url,
      method: "POST",
      headers,
      body,
      timeoutMs,
      signal,
      insecure: false,
      maxRedirects: 0,
      maxBodyBytes: MAX_ANSWER_BYTES,
    });
    if (!exchange.ok) {
      const detail = redact(exchange.detail);
      // A certificate problem is the same on the next try; a refused or dropped connection may not be.
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
      waitMs: waitAsked(exchange.headers),
    };
  }
}

function waitAsked(headers: IncomingHttpHeaders): number | null {
  return retryAfterMs(headers["retry-after"], Date.now());
}

/** The URL as written and as parsed: either form may be what a message echoes. */
function scrub(detail: string, written: string, parsed: string): string {
  return redactUrlSecrets(redactUrlSecrets(detail, parsed), written);
}

/** `detail` is shipguard's own: the URL's problem is described without any part of it. */
function failed(receiver: string, event: NotificationEvent, detail: string): Delivery {
  return {
    receiver,
    event: event.event,
    ok: false,
    attempts: 0,
    status: null,
    detail,
    ms: 0,
  };
}

/**
 * node:http sends a URL's `user:password@` as Basic auth only when given the URL itself; the
 * shared client builds its request from the parts, so the credentials become a header here, and
 * the URL it is given (and could ever print) has none.
 */
function withoutCredentials(text: string): { url: string; authorization: Record<string, string> } {
  const url = new URL(text);
  const basic = basicCredentials(url);
  if (basic === null) return { url: url.href, authorization: {} };
  url.username = "";
  url.password = "";
  return { url: url.href, authorization: { authorization: `Basic ${basic}` } };
}

import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { AttemptTimings, Cause } from "../../core/smoke/types.ts";
import { classifyNetworkError, type Phase } from "./network-errors.ts";

export interface HttpRequestOptions {
  url: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  body: string | null;
  /** Bounds the whole exchange: connect, TLS, headers, body, and every redirect hop. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Skips certificate verification; only ever set from `insecure: true` in the checks. */
  insecure: boolean;
  /** 0 returns a 3xx as the answer. */
  maxRedirects: number;
  /** The body is read up to this many bytes, then the connection is closed. */
  maxBodyBytes: number;
  lookup?: LookupFunction | undefined;
  /** Extra trusted certificates (tests, private CAs); the system roots otherwise. */
  ca?: string | Buffer | Array<string | Buffer> | undefined;
  /**
   * Connection pools to reuse sockets across the requests of one sampled attempt; the caller
   * destroys them. Without them every request opens (and closes) its own connection.
   */
  agents?: { http: http.Agent; https: https.Agent } | undefined;
}

export type HttpExchange =
  | {
      ok: true;
      status: number;
      body: string;
      truncated: boolean;
      timings: AttemptTimings;
      /** URLs followed, in order (not including the first). */
      redirects: string[];
      /** Header names not sent after a redirect changed the origin. */
      droppedHeaders: string[];
    }
  | {
      ok: false;
      cause: Cause;
      detail: string;
      timings: AttemptTimings;
      redirects: string[];
      /** False when no answer ever arrived (refused, DNS, TLS); such requests say nothing about latency. */
      answered: boolean;
      timedOut: boolean;
    };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

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

/**
 * One HTTP(S) exchange with node:http, following redirects by hand so that the policy is ours:
 * a hop limit, no loops, no https -> http downgrade, no credentials sent to another origin. One
 * timer bounds everything, so a server that accepts and then trickles its body still times out.
 * Never rejects, and leaves no socket or timer behind once it settles.
 */
export function httpRequest(options: HttpRequestOptions): Promise<HttpExchange> {
  const t0 = process.hrtime.bigint();
  const elapsed = (): number => Number(process.hrtime.bigint() - t0) / 1e6;
  const timings: AttemptTimings = { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0 };
  const redirects: string[] = [];
  const droppedHeaders: string[] = [];

  return new Promise<HttpExchange>((resolve) => {
    let settled = false;
    let phase: Phase = "connecting";
    let bytesRead = 0;
    let target = originOf(options.url);
    let current: { request: http.ClientRequest; response: IncomingMessage | null } | null = null;

    const finish = (result: HttpExchange, keepConnection = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener("abort", onAbort);
      // A fully read answer leaves its socket to the pool (or to close by itself); anything cut
      // short destroys it, so no half-read connection is ever reused or left open.
      if (!keepConnection) {
        current?.response?.destroy();
        current?.request.destroy();
      }
      current = null;
      timings.totalMs = elapsed();
      resolve(result);
    };
    const failWith = (cause: Cause, detail: string, answered: boolean, timedOut = false): void =>
      finish({ ok: false, cause, detail, timings, redirects, answered, timedOut });

    const timer = setTimeout(() => {
      const progress = phase === "reading the body" ? ` (${bytesRead} bytes received)` : "";
      failWith(
        "timeout",
        `no complete answer from ${target} within ${options.timeoutMs} ms: timed out while ${phase}${progress}`,
        true,
        true,
      );
    }, options.timeoutMs);
    const onAbort = (): void => {
      failWith(
        "timeout",
        `stopped while ${phase} on ${target}: the overall deadline was reached or the run was cancelled`,
        true,
        true,
      );
    };
    if (options.signal.aborted) {
      onAbort();
      return;
    }
    options.signal.addEventListener("abort", onAbort, { once: true });

    let headers: Record<string, string> = { ...options.headers };
    let method = options.method;
    let body = options.body;
    const visited = new Set<string>();

    const send = (url: URL): void => {
      visited.add(url.href);
      target = `${url.protocol}//${url.host}`;
      phase = isIP(url.hostname.replace(/^\[|\]$/g, "")) === 0 ? "resolving the name" : "connecting";
      bytesRead = 0;
      const secure = url.protocol === "https:";
      const requestOptions: https.RequestOptions = {
        protocol: url.protocol,
        hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port === "" ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method,
        headers: body === null ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
        // Without a pool, a fresh connection per request, closed after it: nothing outlives the exchange.
        agent: (secure ? options.agents?.https : options.agents?.http) ?? false,
        lookup: options.lookup,
      };
      if (secure) {
        requestOptions.rejectUnauthorized = !options.insecure;
        if (options.ca !== undefined) requestOptions.ca = options.ca;
      }
      const request = (secure ? https : http).request(requestOptions);
      current = { request, response: null };
      request.on("socket", (socket) => {
        // A pooled socket is already connected: its request has no connect or TLS time of its own.
        if (!socket.connecting) {
          phase = "waiting for response headers";
          return;
        }
        socket.once("lookup", () => {
          phase = "connecting";
        });
        socket.once("connect", () => {
          timings.connectMs = elapsed();
          phase = secure ? "negotiating TLS" : "waiting for response headers";
        });
        socket.once("secureConnect", () => {
          timings.tlsMs = elapsed();
          phase = "waiting for response headers";
        });
      });
      request.on("error", (error) => {
        if (settled) return;
        const classified = classifyNetworkError(error, phase, target);
        failWith(
          classified.cause,
          classified.detail,
          phase === "waiting for response headers" || phase === "reading the body",
        );
      });
      request.on("response", (response) => {
        if (settled || current === null) {
          response.destroy();
          return;
        }
        current.response = response;
        timings.ttfbMs = elapsed();
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(status) && options.maxRedirects > 0 && location !== undefined) {
          response.destroy();
          request.destroy();
          follow(url, status, location);
          return;
        }
        readBody(response, status);
      });
      request.end(body ?? undefined);
    };

    const readBody = (response: IncomingMessage, status: number): void => {
      phase = "reading the body";
      const chunks: Buffer[] = [];
      let truncated = false;
      const done = (): void => {
        const body = Buffer.concat(chunks).toString("utf8");
        finish({ ok: true, status, body, truncated, timings, redirects, droppedHeaders }, !truncated);
      };
      response.on("data", (chunk: Buffer) => {
        if (settled) return;
        const room = options.maxBodyBytes - bytesRead;
        bytesRead += chunk.length;
        if (chunk.length > room) {
          // The rest is not read at all: a huge or endless answer cannot exhaust memory.
          chunks.push(chunk.subarray(0, room));
          truncated = true;
          done();
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => {
        if (!settled) done();
      });
      response.on("error", (error) => {
        if (settled) return;
        const classified = classifyNetworkError(error, phase, target);
        failWith(classified.cause, classified.detail, true);
      });
      response.on("close", () => {
        if (!settled && !response.complete) {
          failWith(
            "connection",
            `${target} closed the connection while ${phase} (${bytesRead} bytes received)`,
            true,
          );
        }
      });
    };

    const follow = (from: URL, status: number, location: string): void => {
      let next: URL;
      try {
        next = new URL(location, from);
      } catch {
        failWith(
          "redirect",
          `${status} from ${from.href} has an invalid Location ${JSON.stringify(location.slice(0, 200))}`,
          true,
        );
        return;
      }
      next.hash = "";
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        failWith(
          "redirect",
          `${status} from ${from.href} redirects to the unsupported scheme ${next.protocol}`,
          true,
        );
        return;
      }
      if (from.protocol === "https:" && next.protocol === "http:") {
        failWith(
          "redirect",
          `refused the downgrade from https to http: ${from.href} redirects to ${next.href}`,
          true,
        );
        return;
      }
      if (visited.has(next.href)) {
        failWith(
          "redirect",
          `redirect loop: ${[...redirects, next.href].join(" -> ")} came back to ${next.href}`,
          true,
        );
        return;
      }
      if (redirects.length >= options.maxRedirects) {
        failWith(
          "redirect",
          `more than ${options.maxRedirects} redirects (last: ${from.href} -> ${next.href})`,
          true,
        );
        return;
      }
      redirects.push(next.href);
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
      send(next);
    };

    try {
      send(new URL(options.url));
    } catch (error) {
      failWith(
        "connection",
        `could not send the request to ${options.url}: ${(error as Error).message}`,
        false,
      );
    }
  });
}

function originOf(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    return text;
  }
}

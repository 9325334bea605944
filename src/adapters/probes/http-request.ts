import type { ClientRequest, Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Agent as HttpsAgent, RequestOptions as HttpsRequestOptions } from "node:https";
import { isIP, type LookupFunction, type Socket } from "node:net";
import type { AttemptTimings, Cause } from "../../core/smoke/types.ts";
import {
  type OutgoingRequest,
  REDIRECT_STATUSES,
  redirectTarget,
  requestAfterRedirect,
} from "./http-redirect.ts";
import { guardedLookup, InternalAddressError, isInternalHost } from "./internal-addresses.ts";
import { classifyNetworkError, type Phase } from "./network-errors.ts";
import { http, https } from "./node-http.ts";

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
  agents?: { http: HttpAgent; https: HttpsAgent } | undefined;
}

export type HttpExchange =
  | {
      ok: true;
      status: number;
      /** The final answer's headers (a webhook's 429 says when to come back in Retry-After). */
      headers: IncomingHttpHeaders;
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

/**
 * One HTTP(S) exchange with node:http, following redirects by hand so that the policy is ours:
 * a hop limit, no loops, no https -> http downgrade, no credentials sent to another origin, and no
 * hop to a link-local or metadata address (by name, or by what a name resolves to). One
 * timer bounds everything, so a server that accepts and then trickles its body still times out.
 * Never rejects, and leaves no socket or timer behind once it settles.
 */
export function httpRequest(options: HttpRequestOptions): Promise<HttpExchange> {
  const t0 = process.hrtime.bigint();
  return new Promise<HttpExchange>((resolve) => new Exchange(options, t0, resolve).start());
}

/** The state of one exchange, from the first request to the settled result, across redirect hops. */
class Exchange {
  private readonly options: HttpRequestOptions;
  private readonly t0: bigint;
  private readonly resolve: (result: HttpExchange) => void;
  private readonly timings: AttemptTimings = { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0 };
  private readonly redirects: string[] = [];
  private readonly droppedHeaders: string[] = [];
  private readonly visited = new Set<string>();
  private settled = false;
  private phase: Phase = "connecting";
  private bytesRead = 0;
  private target: string;
  private current: { request: ClientRequest; response: IncomingMessage | null } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private outgoing: OutgoingRequest;
  /** The check's own URL is a link-local or metadata address: its redirects are not guarded. */
  private readonly allowInternal: boolean;
  /** Resolution for the hops after a redirect: refuses names that resolve to internal addresses. */
  private readonly redirectLookup: LookupFunction;

  constructor(options: HttpRequestOptions, t0: bigint, resolve: (result: HttpExchange) => void) {
    this.options = options;
    this.t0 = t0;
    this.resolve = resolve;
    this.target = originOf(options.url);
    this.outgoing = { method: options.method, headers: { ...options.headers }, body: options.body };
    this.allowInternal = isInternalHost(hostOf(options.url));
    this.redirectLookup = guardedLookup(options.lookup);
  }

  start(): void {
    this.timer = setTimeout(this.onTimeout, this.options.timeoutMs);
    if (this.options.signal.aborted) {
      this.onAbort();
      return;
    }
    this.options.signal.addEventListener("abort", this.onAbort, { once: true });
    try {
      this.send(new URL(this.options.url));
    } catch (error) {
      this.failWith(
        "connection",
        `could not send the request to ${this.options.url}: ${(error as Error).message}`,
        false,
      );
    }
  }

  private elapsed(): number {
    return Number(process.hrtime.bigint() - this.t0) / 1e6;
  }

  private finish(result: HttpExchange, keepConnection = false): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.options.signal.removeEventListener("abort", this.onAbort);
    // A fully read answer leaves its socket to the pool (or to close by itself); anything cut
    // short destroys it, so no half-read connection is ever reused or left open.
    if (!keepConnection) {
      this.current?.response?.destroy();
      this.current?.request.destroy();
    }
    this.current = null;
    this.timings.totalMs = this.elapsed();
    this.resolve(result);
  }

  private failWith(cause: Cause, detail: string, answered: boolean, timedOut = false): void {
    const { timings, redirects } = this;
    this.finish({ ok: false, cause, detail, timings, redirects, answered, timedOut });
  }

  private readonly onTimeout = (): void => {
    const progress = this.phase === "reading the body" ? ` (${this.bytesRead} bytes received)` : "";
    this.failWith(
      "timeout",
      `no complete answer from ${this.target} within ${this.options.timeoutMs} ms: timed out while ${this.phase}${progress}`,
      true,
      true,
    );
  };

  private readonly onAbort = (): void => {
    this.failWith(
      "timeout",
      `stopped while ${this.phase} on ${this.target}: the overall deadline was reached or the run was cancelled`,
      true,
      true,
    );
  };

  private send(url: URL): void {
    this.visited.add(url.href);
    this.target = `${url.protocol}//${url.host}`;
    this.phase = isIP(url.hostname.replace(/^\[|\]$/g, "")) === 0 ? "resolving the name" : "connecting";
    this.bytesRead = 0;
    const secure = url.protocol === "https:";
    const guarded = this.redirects.length > 0 && !this.allowInternal;
    const lookup = guarded ? this.redirectLookup : this.options.lookup;
    const requestOptions = requestOptionsFor(url, this.outgoing, this.options, lookup);
    const request = (secure ? https : http).request(requestOptions);
    this.current = { request, response: null };
    request.on("socket", (socket) => this.trackSocket(socket, secure));
    request.on("error", (error) => {
      if (this.settled) return;
      if (error instanceof InternalAddressError) {
        this.failWith("redirect", `refused the redirect to ${this.target}: ${error.message}`, false);
        return;
      }
      const classified = classifyNetworkError(error, this.phase, this.target);
      this.failWith(
        classified.cause,
        classified.detail,
        this.phase === "waiting for response headers" || this.phase === "reading the body",
      );
    });
    request.on("response", (response) => this.onResponse(url, request, response));
    request.end(this.outgoing.body ?? undefined);
  }

  /** Records connect and TLS times, and keeps the phase up to date for errors and timeouts. */
  private trackSocket(socket: Socket, secure: boolean): void {
    // A pooled socket is already connected: its request has no connect or TLS time of its own.
    if (!socket.connecting) {
      this.phase = "waiting for response headers";
      return;
    }
    socket.once("lookup", () => {
      this.phase = "connecting";
    });
    socket.once("connect", () => {
      this.timings.connectMs = this.elapsed();
      this.phase = secure ? "negotiating TLS" : "waiting for response headers";
    });
    socket.once("secureConnect", () => {
      this.timings.tlsMs = this.elapsed();
      this.phase = "waiting for response headers";
    });
  }

  private onResponse(url: URL, request: ClientRequest, response: IncomingMessage): void {
    if (this.settled || this.current === null) {
      response.destroy();
      return;
    }
    this.current.response = response;
    this.timings.ttfbMs = this.elapsed();
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(status) && this.options.maxRedirects > 0 && location !== undefined) {
      response.destroy();
      request.destroy();
      this.follow(url, status, location);
      return;
    }
    this.readBody(response, status);
  }

  private readBody(response: IncomingMessage, status: number): void {
    this.phase = "reading the body";
    const chunks: Buffer[] = [];
    let truncated = false;
    const done = (): void => {
      const body = Buffer.concat(chunks).toString("utf8");
      const { timings, redirects, droppedHeaders } = this;
      const headers = response.headers;
      this.finish(
        { ok: true, status, headers, body, truncated, timings, redirects, droppedHeaders },
        !truncated,
      );
    };
    response.on("data", (chunk: Buffer) => {
      if (this.settled) return;
      const room = this.options.maxBodyBytes - this.bytesRead;
      this.bytesRead += chunk.length;
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
      if (!this.settled) done();
    });
    response.on("error", (error) => {
      if (this.settled) return;
      const classified = classifyNetworkError(error, this.phase, this.target);
      this.failWith(classified.cause, classified.detail, true);
    });
    response.on("close", () => {
      if (!this.settled && !response.complete) {
        this.failWith(
          "connection",
          `${this.target} closed the connection while ${this.phase} (${this.bytesRead} bytes received)`,
          true,
        );
      }
    });
  }

  private follow(from: URL, status: number, location: string): void {
    const { visited, redirects, allowInternal } = this;
    const maxRedirects = this.options.maxRedirects;
    const history = { visited, redirects, maxRedirects, allowInternal };
    const target = redirectTarget(from, status, location, history);
    if (!target.ok) {
      this.failWith("redirect", target.detail, true);
      return;
    }
    redirects.push(target.next.href);
    this.outgoing = requestAfterRedirect(this.outgoing, from, target.next, status, this.droppedHeaders);
    this.send(target.next);
  }
}

/** node:http options for one hop; `http.request` and `https.request` take the same shape. */
function requestOptionsFor(
  url: URL,
  outgoing: OutgoingRequest,
  options: HttpRequestOptions,
  lookup: LookupFunction | undefined,
): HttpsRequestOptions {
  const { method, headers, body } = outgoing;
  const secure = url.protocol === "https:";
  const requestOptions: HttpsRequestOptions = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port === "" ? undefined : Number(url.port),
    path: `${url.pathname}${url.search}`,
    method,
    headers: body === null ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
    // Without a pool, a fresh connection per request, closed after it: nothing outlives the exchange.
    agent: (secure ? options.agents?.https : options.agents?.http) ?? false,
    lookup,
  };
  if (secure) {
    requestOptions.rejectUnauthorized = !options.insecure;
    if (options.ca !== undefined) requestOptions.ca = options.ca;
  }
  return requestOptions;
}

function hostOf(text: string): string {
  try {
    return new URL(text).hostname;
  } catch {
    return "";
  }
}

function originOf(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    return text;
  }
}

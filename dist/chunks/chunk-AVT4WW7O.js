import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/adapters/probes/http-request.ts
import { isIP as isIP2 } from "node:net";

// src/adapters/probes/internal-addresses.ts
import dns from "node:dns";
import { BlockList, isIP } from "node:net";
var INTERNAL = new BlockList();
INTERNAL.addSubnet("169.254.0.0", 16, "ipv4");
INTERNAL.addAddress("100.100.100.200", "ipv4");
INTERNAL.addSubnet("fe80::", 10, "ipv6");
INTERNAL.addAddress("fd00:ec2::254", "ipv6");
var METADATA_NAMES = /* @__PURE__ */ new Set(["metadata.google.internal", "metadata"]);
function isInternalAddress(address) {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return false;
  return INTERNAL.check(bare, family === 4 ? "ipv4" : "ipv6");
}
function isInternalHost(hostname) {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return METADATA_NAMES.has(name) || isInternalAddress(name);
}
var InternalAddressError = class extends Error {
  code = "SG_INTERNAL_ADDRESS";
  // Declared fields, not parameter properties: the smoke runner's leak test runs these files
  // under Node's type stripping, which refuses parameter properties.
  hostname;
  address;
  constructor(hostname, address) {
    super(`${hostname} resolves to ${address}, a link-local or cloud metadata address`);
    this.hostname = hostname;
    this.address = address;
  }
};
function guardedLookup(inner) {
  const base = inner ?? dns.lookup;
  return (hostname, options, callback) => {
    base(hostname, options, (error, address, family) => {
      if (error !== null) {
        callback(error, address, family);
        return;
      }
      const addresses = typeof address === "string" ? [address] : address.map((entry) => entry.address);
      const internal = addresses.find(isInternalAddress);
      if (internal !== void 0) {
        callback(new InternalAddressError(hostname, internal), "", 4);
        return;
      }
      callback(null, address, family);
    });
  };
}

// src/adapters/probes/http-redirect.ts
var REDIRECT_STATUSES = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var CROSS_ORIGIN_SAFE = /* @__PURE__ */ new Set([
  "accept",
  "accept-language",
  "user-agent",
  "cache-control",
  "pragma",
  "content-type"
]);
function redirectTarget(from, status, location, history) {
  let next;
  try {
    next = new URL(location, from);
  } catch {
    return {
      ok: false,
      detail: `${status} from ${from.href} has an invalid Location ${JSON.stringify(location.slice(0, 200))}`
    };
  }
  next.hash = "";
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    return {
      ok: false,
      detail: `${status} from ${from.href} redirects to the unsupported scheme ${next.protocol}`
    };
  }
  if (from.protocol === "https:" && next.protocol === "http:") {
    return {
      ok: false,
      detail: `refused the downgrade from https to http: ${from.href} redirects to ${next.href}`
    };
  }
  if (!history.allowInternal && isInternalHost(next.hostname)) {
    return {
      ok: false,
      detail: `refused the redirect to the link-local or cloud metadata address ${next.host}: ${from.href} redirects there`
    };
  }
  if (history.visited.has(next.href)) {
    return {
      ok: false,
      detail: `redirect loop: ${[...history.redirects, next.href].join(" -> ")} came back to ${next.href}`
    };
  }
  if (history.redirects.length >= history.maxRedirects) {
    return {
      ok: false,
      detail: `more than ${history.maxRedirects} redirects (last: ${from.href} -> ${next.href})`
    };
  }
  return { ok: true, next };
}
function requestAfterRedirect(previous, from, next, status, droppedHeaders) {
  let { method, headers, body } = previous;
  if (next.origin !== from.origin) {
    const kept = {};
    for (const [name, value] of Object.entries(headers)) {
      if (CROSS_ORIGIN_SAFE.has(name.toLowerCase())) kept[name] = value;
      else if (!droppedHeaders.includes(name)) droppedHeaders.push(name);
    }
    headers = kept;
  }
  if (status === 303 || (status === 301 || status === 302) && method === "POST") {
    if (method !== "HEAD") method = "GET";
    body = null;
    headers = Object.fromEntries(
      Object.entries(headers).filter(([name]) => name.toLowerCase() !== "content-type")
    );
  }
  return { method, headers, body };
}

// src/adapters/probes/network-errors.ts
var DNS_CODES = /* @__PURE__ */ new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NODATA",
  "EAI_NONAME",
  "EAI_ADDRFAMILY"
]);
var CERT_CODES = /* @__PURE__ */ new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_CRL",
  "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
  "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
  "CERT_SIGNATURE_FAILURE",
  "CERT_NOT_YET_VALID",
  "CERT_HAS_EXPIRED",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_CHAIN_TOO_LONG",
  "INVALID_CA",
  "INVALID_PURPOSE",
  "PATH_LENGTH_EXCEEDED",
  "HOSTNAME_MISMATCH",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_TLS_CERT_ALTNAME_FORMAT"
]);
function classifyNetworkError(error, phase, target) {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== null && DNS_CODES.has(code)) {
    return { cause: "dns", detail: `DNS lookup of ${target} failed (${code})` };
  }
  if (code === "ECONNREFUSED") return { cause: "refused", detail: `connection refused by ${target}` };
  if (code === "ETIMEDOUT" || code === "ESOCKETTIMEDOUT") {
    return { cause: "timeout", detail: `no answer from ${target} while ${phase} (${code})` };
  }
  if (code !== null && (CERT_CODES.has(code) || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || code.startsWith("CERT_"))) {
    return { cause: "tls", detail: `TLS error from ${target}: ${code}: ${message}` };
  }
  if (phase === "negotiating TLS" || code === "EPROTO") {
    const reason = opensslReason(error) ?? message;
    return { cause: "tls", detail: `TLS handshake with ${target} failed: ${code ?? "no code"}: ${reason}` };
  }
  return {
    cause: "connection",
    detail: `connection to ${target} failed while ${phase}: ${code ?? "no code"}: ${message}`
  };
}
function errorCode(error) {
  if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string")
    return error.code;
  return null;
}
function opensslReason(error) {
  if (error !== null && typeof error === "object" && "reason" in error && typeof error.reason === "string")
    return error.reason;
  const message = error instanceof Error ? error.message : "";
  return /error:[0-9A-Fa-f]+:[^:]*:[^:]*:([^:]+):/.exec(message)?.[1] ?? null;
}

// src/adapters/probes/node-http.ts
import { createRequire } from "node:module";
var load = createRequire(import.meta.url);
var http = load("node:http");
var https = load("node:https");

// src/adapters/probes/http-request.ts
function httpRequest(options) {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => new Exchange(options, t0, resolve).start());
}
var Exchange = class {
  options;
  t0;
  resolve;
  timings = { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0 };
  redirects = [];
  droppedHeaders = [];
  visited = /* @__PURE__ */ new Set();
  settled = false;
  phase = "connecting";
  bytesRead = 0;
  target;
  current = null;
  timer;
  outgoing;
  /** The check's own URL is a link-local or metadata address: its redirects are not guarded. */
  allowInternal;
  /** Resolution for the hops after a redirect: refuses names that resolve to internal addresses. */
  redirectLookup;
  constructor(options, t0, resolve) {
    this.options = options;
    this.t0 = t0;
    this.resolve = resolve;
    this.target = originOf(options.url);
    this.outgoing = { method: options.method, headers: { ...options.headers }, body: options.body };
    this.allowInternal = isInternalHost(hostOf(options.url));
    this.redirectLookup = guardedLookup(options.lookup);
  }
  start() {
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
        `could not send the request to ${this.options.url}: ${error.message}`,
        false
      );
    }
  }
  elapsed() {
    return Number(process.hrtime.bigint() - this.t0) / 1e6;
  }
  finish(result, keepConnection = false) {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.options.signal.removeEventListener("abort", this.onAbort);
    if (!keepConnection) {
      this.current?.response?.destroy();
      this.current?.request.destroy();
    }
    this.current = null;
    this.timings.totalMs = this.elapsed();
    this.resolve(result);
  }
  failWith(cause, detail, answered, timedOut = false) {
    const { timings, redirects } = this;
    this.finish({ ok: false, cause, detail, timings, redirects, answered, timedOut });
  }
  onTimeout = () => {
    const progress = this.phase === "reading the body" ? ` (${this.bytesRead} bytes received)` : "";
    this.failWith(
      "timeout",
      `no complete answer from ${this.target} within ${this.options.timeoutMs} ms: timed out while ${this.phase}${progress}`,
      true,
      true
    );
  };
  onAbort = () => {
    this.failWith(
      "timeout",
      `stopped while ${this.phase} on ${this.target}: the overall deadline was reached or the run was cancelled`,
      true,
      true
    );
  };
  send(url) {
    this.visited.add(url.href);
    this.target = `${url.protocol}//${url.host}`;
    this.phase = isIP2(url.hostname.replace(/^\[|\]$/g, "")) === 0 ? "resolving the name" : "connecting";
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
        this.phase === "waiting for response headers" || this.phase === "reading the body"
      );
    });
    request.on("response", (response) => this.onResponse(url, request, response));
    request.end(this.outgoing.body ?? void 0);
  }
  /** Records connect and TLS times, and keeps the phase up to date for errors and timeouts. */
  trackSocket(socket, secure) {
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
  onResponse(url, request, response) {
    if (this.settled || this.current === null) {
      response.destroy();
      return;
    }
    this.current.response = response;
    this.timings.ttfbMs = this.elapsed();
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(status) && this.options.maxRedirects > 0 && location !== void 0) {
      response.destroy();
      request.destroy();
      this.follow(url, status, location);
      return;
    }
    this.readBody(response, status);
  }
  readBody(response, status) {
    this.phase = "reading the body";
    const chunks = [];
    let truncated = false;
    const done = () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const { timings, redirects, droppedHeaders } = this;
      const headers = response.headers;
      this.finish(
        { ok: true, status, headers, body, truncated, timings, redirects, droppedHeaders },
        !truncated
      );
    };
    response.on("data", (chunk) => {
      if (this.settled) return;
      const room = this.options.maxBodyBytes - this.bytesRead;
      this.bytesRead += chunk.length;
      if (chunk.length > room) {
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
          true
        );
      }
    });
  }
  follow(from, status, location) {
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
};
function requestOptionsFor(url, outgoing, options, lookup) {
  const { method, headers, body } = outgoing;
  const secure = url.protocol === "https:";
  const requestOptions = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port === "" ? void 0 : Number(url.port),
    path: `${url.pathname}${url.search}`,
    method,
    headers: body === null ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
    // Without a pool, a fresh connection per request, closed after it: nothing outlives the exchange.
    agent: (secure ? options.agents?.https : options.agents?.http) ?? false,
    lookup
  };
  if (secure) {
    requestOptions.rejectUnauthorized = !options.insecure;
    if (options.ca !== void 0) requestOptions.ca = options.ca;
  }
  return requestOptions;
}
function hostOf(text) {
  try {
    return new URL(text).hostname;
  } catch {
    return "";
  }
}
function originOf(text) {
  try {
    return new URL(text).origin;
  } catch {
    return text;
  }
}

export {
  http,
  https,
  httpRequest
};

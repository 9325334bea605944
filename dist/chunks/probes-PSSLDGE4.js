import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  boundText,
  combineVerdicts,
  countVerdicts,
  summarizeSamples
} from "./chunk-64X7TAC7.js";
import {
  runProcess
} from "./chunk-IZ7NW5XN.js";
import "./chunk-WUQGZDLE.js";
import {
  jsonEquals,
  lookupJson
} from "./chunk-IIGF2GQM.js";
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-PCNJTD2M.js";
import "./chunk-OZDYYANA.js";
import "./chunk-LOL6UNQF.js";
import "./chunk-P2F454IK.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import "./chunk-ROJF2CIG.js";
import "./chunk-YIKRADAN.js";

// src/adapters/probes/command-probe.ts
function createCommandProbe(options = {}) {
  return {
    async attempt(check, context) {
      const result = await runProcess({
        label: `the check ${JSON.stringify(check.name)}`,
        command: check.command,
        cwd: check.cwd ?? options.cwd,
        env: context.env,
        timeoutMs: context.timeoutMs,
        signal: context.signal,
        graceMs: options.killGraceMs
      });
      const timings = { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: result.durationMs };
      return { ...verdict(result, context.timeoutMs), timings, output: result.tail };
    }
  };
}
function verdict(result, timeoutMs) {
  const last = result.tail.at(-1);
  const lastLine = last === void 0 ? "" : `; last output: ${last}`;
  if (result.spawnError !== null) {
    return {
      verdict: "fail",
      cause: "exit-code",
      detail: `could not start the command: ${result.spawnError}`
    };
  }
  if (result.stopped !== null) {
    const reason = result.stopped === "timeout" ? `no exit within ${timeoutMs} ms` : "stopped: the overall deadline was reached or the run was cancelled";
    return { verdict: "fail", cause: "timeout", detail: `${reason}; killed the process group${lastLine}` };
  }
  if (result.code === 0) {
    return { verdict: "pass", cause: null, detail: `exit code 0 in ${Math.round(result.durationMs)} ms` };
  }
  const ended = result.code !== null ? `exit code ${result.code}` : `killed by ${result.signal ?? "a signal"}`;
  return { verdict: "fail", cause: "exit-code", detail: `${ended}${lastLine}` };
}

// src/adapters/probes/http-probe.ts
import http2 from "node:http";
import https2 from "node:https";

// src/core/smoke/judge-response.ts
function createResponseJudge(check) {
  const pattern = check.bodyMatches === null ? null : new RegExp(check.bodyMatches);
  const expectsBody = check.bodyContains.length > 0 || pattern !== null || check.json.length > 0;
  return (response) => {
    const statusOk = check.statuses === null ? response.status >= 200 && response.status <= 299 : check.statuses.includes(response.status);
    if (!statusOk) {
      const wanted = check.statuses === null ? "2xx" : check.statuses.join(" or ");
      return fail("status", `status ${response.status}, expected ${wanted}${bodyHint(response)}`);
    }
    const cutNote = response.truncated ? ` (only the first ${formatBytes(response.capBytes)} of the body was read)` : "";
    for (const text of check.bodyContains) {
      if (!response.body.includes(text)) {
        return fail(
          "body",
          `body does not contain ${JSON.stringify(text)}${cutNote}; body starts ${quoteBody(response)}`
        );
      }
    }
    if (pattern !== null && !pattern.test(response.body)) {
      return fail(
        "body",
        `body does not match /${check.bodyMatches}/${cutNote}; body starts ${quoteBody(response)}`
      );
    }
    if (check.json.length > 0) {
      if (response.truncated) {
        return fail(
          "json",
          `body is larger than ${formatBytes(response.capBytes)}, too large to read as JSON`
        );
      }
      let document;
      try {
        document = JSON.parse(response.body);
      } catch (error) {
        return fail(
          "json",
          `body is not JSON (${error.message}); body starts ${quoteBody(response)}`
        );
      }
      for (const { path, expected } of check.json) {
        const found = lookupJson(document, path);
        if (!found.found) {
          return fail(
            "json",
            `${path.text}: missing (no field at ${found.missingAt}), expected ${show(expected)}`
          );
        }
        if (!jsonEquals(found.value, expected)) {
          const value = response.foreignOrigin === void 0 ? show(found.value) : "another value";
          return fail("json", `${path.text}: ${value}, expected ${show(expected)}`);
        }
      }
    }
    const checked = expectsBody ? " with the expected body" : "";
    return { pass: true, cause: null, detail: `status ${response.status}${checked}` };
  };
}
function fail(cause, detail) {
  return { pass: false, cause, detail };
}
function bodyHint(response) {
  return response.body === "" ? "" : `; body starts ${quoteBody(response)}`;
}
function quoteBody(response) {
  if (response.foreignOrigin === void 0) return snippet(response.body);
  return `(not shown: it came from another origin, ${response.foreignOrigin})`;
}
function snippet(body, length = 120) {
  const start = body.length > length ? `${body.slice(0, length)}...` : body;
  return JSON.stringify(start);
}
function show(value) {
  const text = JSON.stringify(value);
  const shown = text === void 0 ? String(value) : text.length > 200 ? `${text.slice(0, 200)}...` : text;
  return value !== null && typeof value !== "object" && typeof value !== "string" ? `${shown} (${typeof value})` : shown;
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

// src/adapters/probes/http-request.ts
import http from "node:http";
import https from "node:https";
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
      this.finish({ ok: true, status, body, truncated, timings, redirects, droppedHeaders }, !truncated);
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

// src/adapters/probes/pool.ts
async function runPool(count, concurrency, task, signal) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count && !signal.aborted) {
      const index = next;
      next += 1;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return results.filter((_, index) => index < next);
}
function createSlots(limit) {
  let free = limit;
  const waiting = [];
  const release = () => {
    const next = waiting.shift();
    if (next === void 0) free += 1;
    else next();
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };
  return {
    acquire(signal) {
      if (signal.aborted) return Promise.resolve(() => {
      });
      if (free > 0) {
        free -= 1;
        return Promise.resolve(once());
      }
      return new Promise((resolve) => {
        const grant = () => {
          signal.removeEventListener("abort", onAbort);
          resolve(once());
        };
        const onAbort = () => {
          const index = waiting.indexOf(grant);
          if (index >= 0) waiting.splice(index, 1);
          resolve(() => {
          });
        };
        waiting.push(grant);
        signal.addEventListener("abort", onAbort, { once: true });
      });
    }
  };
}

// src/adapters/probes/http-probe.ts
var DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
function createHttpProbe(options = {}) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const judges = /* @__PURE__ */ new WeakMap();
  return {
    async attempt(check, context) {
      let judge = judges.get(check);
      if (judge === void 0) {
        judge = createResponseJudge(check);
        judges.set(check, judge);
      }
      const judgeResponse = judge;
      const started = process.hrtime.bigint();
      const sampled = check.sampling.requests > 1;
      const maxSockets = check.sampling.concurrency;
      const agents = sampled ? {
        http: new http2.Agent({ keepAlive: true, maxSockets }),
        https: new https2.Agent({ keepAlive: true, maxSockets })
      } : void 0;
      let samples;
      try {
        samples = await runPool(
          check.sampling.requests,
          check.sampling.concurrency,
          async () => {
            const release = await context.slots?.acquire(context.signal) ?? (() => {
            });
            const exchange = await httpRequest({
              url: check.url,
              method: check.method,
              headers: check.headers,
              body: check.body,
              timeoutMs: context.timeoutMs,
              signal: context.signal,
              insecure: check.insecure,
              maxRedirects: check.maxRedirects,
              maxBodyBytes,
              lookup: options.lookup,
              ca: options.ca,
              agents
            }).finally(release);
            return toSample(exchange, judgeResponse, maxBodyBytes, check.url);
          },
          context.signal
        );
      } finally {
        agents?.http.destroy();
        agents?.https.destroy();
      }
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (sampled && context.signal.aborted) {
        return {
          verdict: "fail",
          cause: "timeout",
          detail: `stopped after ${samples.length} of ${check.sampling.requests} requests: the overall deadline was reached or the run was cancelled`,
          timings: { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: wallMs }
        };
      }
      const outcome = summarizeSamples(check.sampling, samples, {
        connectMs: null,
        tlsMs: null,
        ttfbMs: null,
        totalMs: wallMs
      });
      if (check.insecure && check.url.startsWith("https:")) {
        return { ...outcome, detail: `${outcome.detail} (TLS certificate not verified: insecure: true)` };
      }
      return outcome;
    }
  };
}
function toSample(exchange, judge, capBytes, checkUrl) {
  if (!exchange.ok) {
    return {
      cause: exchange.cause,
      detail: exchange.detail,
      timings: exchange.timings,
      countsForLatency: exchange.answered || exchange.timedOut
    };
  }
  const response = {
    status: exchange.status,
    body: exchange.body,
    truncated: exchange.truncated,
    capBytes
  };
  const final = exchange.redirects.at(-1);
  if (final !== void 0 && new URL(final).origin !== new URL(checkUrl).origin) {
    response.foreignOrigin = new URL(final).origin;
  }
  const judged = judge(response);
  return {
    cause: judged.cause,
    detail: judged.detail + redirectNote(exchange),
    timings: exchange.timings,
    countsForLatency: true
  };
}
function redirectNote(exchange) {
  if (exchange.redirects.length === 0) return "";
  const count = exchange.redirects.length;
  const last = exchange.redirects[count - 1];
  const dropped = exchange.droppedHeaders.length === 0 ? "" : `; not sent to the new origin: ${exchange.droppedHeaders.join(", ")}`;
  return ` after ${count} redirect${count === 1 ? "" : "s"} to ${last}${dropped}`;
}

// src/core/smoke/prometheus-result.ts
function judgePrometheusAnswer(check, status, body, foreignOrigin) {
  const quoted = foreignOrigin === void 0 ? snippet(body) : `(not shown: it came from another origin, ${foreignOrigin})`;
  let answer;
  try {
    answer = JSON.parse(body);
  } catch {
    if (status < 200 || status > 299)
      return unknown("status", `Prometheus answered status ${status}: ${quoted}`);
    return unknown("query", `Prometheus answered something that is not JSON: ${quoted}`);
  }
  const record = asRecord(answer);
  if (record?.["status"] === "error") {
    const type = typeof record["errorType"] === "string" ? record["errorType"] : "error";
    const message = typeof record["error"] === "string" ? record["error"] : "no message";
    return unknown("query", `Prometheus rejected the query (status ${status}, ${type}): ${message}`);
  }
  const data = asRecord(record?.["data"]);
  if (record?.["status"] !== "success" || data === null) {
    return unknown(
      status >= 200 && status <= 299 ? "query" : "status",
      `unexpected Prometheus answer (status ${status}): ${quoted}`
    );
  }
  const warnings = Array.isArray(record["warnings"]) ? `; warnings: ${record["warnings"].join("; ")}` : "";
  const series = readSeries(data["resultType"], data["result"]);
  if (typeof series === "string") return unknown("query", series);
  return judgeSeries(check, series, warnings);
}
function judgeSeries(check, series, warnings) {
  const numeric = series.filter((item) => !Number.isNaN(item.value));
  const nan = series.length - numeric.length;
  if (numeric.length === 0) {
    const why = series.length === 0 ? "the query returned no data" : "the query returned only NaN (for example 0/0 with no traffic)";
    const detail = `${why} (no-data: ${check.noData})${warnings}`;
    if (check.noData === "pass") return { verdict: "pass", cause: null, detail, value: null };
    return { verdict: check.noData, cause: "no-data", detail, value: null };
  }
  const breach = thresholdBreach(check, numeric, warnings);
  if (breach !== null) return breach;
  const nanNote = nan === 0 ? "" : `${nanSeries(series)} returned NaN (for example 0/0 with no traffic)`;
  if (nan > 0 && check.noData !== "pass") {
    return {
      verdict: check.noData,
      cause: "no-data",
      detail: `${nanNote} (no-data: ${check.noData})${warnings}`,
      value: null
    };
  }
  const limits = [
    check.min === null ? null : `min ${check.min}`,
    check.max === null ? null : `max ${check.max}`
  ].filter(Boolean).join(", ");
  const shown = check.max !== null ? numeric.reduce((a, b) => b.value > a.value ? b : a) : numeric.reduce((a, b) => b.value < a.value ? b : a);
  const which = numeric.length === 1 ? "value" : `${numeric.length} series, ${check.max !== null ? "highest" : "lowest"}`;
  const passedNan = nan === 0 ? "" : `; ${nanNote} (no-data: pass)`;
  return {
    verdict: "pass",
    cause: null,
    detail: `${which} ${formatValue(shown.value)}${shown.labels} within ${limits}${passedNan}${warnings}`,
    value: shown.value
  };
}
function thresholdBreach(check, numeric, warnings) {
  if (check.max !== null) {
    const worst = numeric.reduce((a, b) => b.value > a.value ? b : a);
    if (worst.value > check.max) {
      return {
        verdict: "fail",
        cause: "threshold",
        detail: `value ${formatValue(worst.value)}${worst.labels} is above max ${check.max}${warnings}`,
        value: worst.value
      };
    }
  }
  if (check.min !== null) {
    const worst = numeric.reduce((a, b) => b.value < a.value ? b : a);
    if (worst.value < check.min) {
      return {
        verdict: "fail",
        cause: "threshold",
        detail: `value ${formatValue(worst.value)}${worst.labels} is below min ${check.min}${warnings}`,
        value: worst.value
      };
    }
  }
  return null;
}
function nanSeries(series) {
  const nan = series.filter((item) => Number.isNaN(item.value));
  const named = nan.slice(0, 3).map((item) => item.labels === "" ? "{}" : item.labels.trim());
  const more = nan.length > 3 ? ` and ${nan.length - 3} more` : "";
  return `${nan.length === 1 ? "series" : `${nan.length} series`} ${named.join(", ")}${more}`;
}
function formatValue(value) {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}
function unknown(cause, detail) {
  return { verdict: "inconclusive", cause, detail, value: null };
}
function readSeries(type, result) {
  if (type === "scalar") {
    const value = Array.isArray(result) ? parseSampleValue(result[1]) : null;
    return value === null ? "malformed scalar result" : [{ labels: "", value }];
  }
  if (type === "vector") {
    if (!Array.isArray(result)) return "malformed vector result";
    const series = [];
    for (const item of result) {
      const entry = asRecord(item);
      const value = Array.isArray(entry?.["value"]) ? parseSampleValue(entry["value"][1]) : null;
      if (value === null) return "malformed vector sample";
      series.push({ labels: formatLabels(entry?.["metric"]), value });
    }
    return series;
  }
  if (type === "matrix")
    return "the query returns a range vector; write an instant query (no `[5m]` selector at the outer level)";
  return `the query returns a ${String(type)}, not a number; write a query that returns an instant vector or a scalar`;
}
function parseSampleValue(raw) {
  if (typeof raw !== "string") return null;
  if (raw === "+Inf" || raw === "Inf") return Number.POSITIVE_INFINITY;
  if (raw === "-Inf") return Number.NEGATIVE_INFINITY;
  if (raw === "NaN") return Number.NaN;
  const value = Number(raw);
  return raw.trim() === "" || Number.isNaN(value) ? null : value;
}
function formatLabels(metric) {
  const labels = asRecord(metric);
  if (labels === null) return "";
  const text = Object.entries(labels).map(([name, value]) => `${name}=${JSON.stringify(String(value))}`).join(", ");
  if (text === "") return "";
  return ` {${text.length > 200 ? `${text.slice(0, 200)}...` : text}}`;
}
function asRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}

// src/adapters/probes/prometheus-probe.ts
function instantQueryUrl(base, query) {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/api/v1/query`;
  url.search = "";
  url.searchParams.set("query", query);
  return url.href;
}
function createPrometheusProbe(options = {}) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    async attempt(check, context) {
      const exchange = await httpRequest({
        url: instantQueryUrl(check.url, check.query),
        method: "GET",
        headers: { accept: "application/json", ...check.headers },
        body: null,
        timeoutMs: context.timeoutMs,
        signal: context.signal,
        insecure: check.insecure,
        maxRedirects: 5,
        maxBodyBytes,
        lookup: options.lookup,
        ca: options.ca
      });
      if (!exchange.ok) {
        return {
          verdict: "inconclusive",
          cause: exchange.cause,
          detail: `Prometheus: ${exchange.detail}`,
          timings: exchange.timings,
          value: null
        };
      }
      if (exchange.truncated) {
        return {
          verdict: "inconclusive",
          cause: "query",
          detail: `the Prometheus answer is larger than ${maxBodyBytes} bytes; aggregate the query (sum, max) to one series`,
          timings: exchange.timings,
          value: null
        };
      }
      const final = exchange.redirects.at(-1);
      const url = instantQueryUrl(check.url, check.query);
      const foreign = final !== void 0 && new URL(final).origin !== new URL(url).origin;
      const judged = judgePrometheusAnswer(
        check,
        exchange.status,
        exchange.body,
        foreign ? new URL(final).origin : void 0
      );
      return { ...judged, timings: exchange.timings };
    }
  };
}

// src/adapters/probes/run-smoke.ts
import { setMaxListeners } from "node:events";

// src/core/smoke/schedule.ts
var NO_PROGRESS = {
  attempts: 0,
  passes: 0,
  failures: 0,
  inconclusives: 0,
  passStreak: 0,
  missStreak: 0,
  last: null,
  lastMiss: null,
  firstAttemptAt: null
};
function recordAttempt(progress, outcome, startedAt) {
  const passed = outcome.verdict === "pass";
  return {
    attempts: progress.attempts + 1,
    passes: progress.passes + (passed ? 1 : 0),
    failures: progress.failures + (outcome.verdict === "fail" ? 1 : 0),
    inconclusives: progress.inconclusives + (outcome.verdict === "inconclusive" ? 1 : 0),
    passStreak: passed ? progress.passStreak + 1 : 0,
    missStreak: passed ? 0 : progress.missStreak + 1,
    last: outcome,
    lastMiss: passed ? progress.lastMiss : outcome,
    firstAttemptAt: progress.firstAttemptAt ?? startedAt
  };
}
function nextStep(policy, progress, now, deadlineAt, random) {
  return policy.mode === "retry" ? nextRetryStep(policy, progress, now, deadlineAt, random) : nextWindowStep(policy, progress, now, deadlineAt);
}
function nextRetryStep(policy, progress, now, deadlineAt, random) {
  const last = progress.last;
  if (last === null) return { kind: "wait", delayMs: 0 };
  if (last.verdict === "pass" && progress.passStreak >= policy.consecutivePasses) {
    return { kind: "done", verdict: "pass", cause: null, detail: last.detail + retryNote(policy, progress) };
  }
  const delayMs = retryDelay(policy, progress.missStreak, random);
  if (now + delayMs >= deadlineAt) return { kind: "done", ...concludeRetry(policy, progress) };
  return { kind: "wait", delayMs };
}
function retryNote(policy, progress) {
  const misses = progress.attempts - progress.passStreak;
  if (misses === 0)
    return policy.consecutivePasses > 1 ? ` (${policy.consecutivePasses} passes in a row)` : "";
  const inRow = policy.consecutivePasses > 1 ? ` ${policy.consecutivePasses} times in a row` : "";
  return ` (passed${inRow} after ${misses} earlier attempt${misses === 1 ? "" : "s"} did not)`;
}
function retryDelay(policy, misses, random) {
  const base = misses === 0 ? policy.retryIntervalMs : Math.min(policy.retryIntervalMs * policy.backoffFactor ** (misses - 1), policy.maxRetryIntervalMs);
  return Math.round(base * (1 - policy.jitter * random));
}
function nextWindowStep(policy, progress, now, deadlineAt) {
  if (progress.failures > policy.failureLimit) {
    const lastMiss = progress.lastMiss;
    return {
      kind: "done",
      verdict: "fail",
      cause: lastMiss?.cause ?? null,
      detail: `${progress.failures} of ${progress.attempts} attempts failed, above failure-limit ${policy.failureLimit}; last: ${lastMiss?.detail ?? ""}`
    };
  }
  const start = progress.firstAttemptAt;
  if (start === null) return { kind: "wait", delayMs: 0 };
  const nextAt = start + progress.attempts * policy.intervalMs;
  if (nextAt > start + policy.durationMs) return { kind: "done", ...concludeWindow(policy, progress, false) };
  if (nextAt >= deadlineAt) return { kind: "done", ...concludeWindow(policy, progress, true) };
  return { kind: "wait", delayMs: Math.max(0, nextAt - now) };
}
function concludeEarly(policy, progress, reason) {
  if (reason === "aborted") {
    return {
      verdict: "inconclusive",
      cause: "aborted",
      detail: `cancelled after ${plural(progress.attempts, "attempt")}`
    };
  }
  return policy.mode === "retry" ? concludeRetry(policy, progress) : concludeWindow(policy, progress, true);
}
function concludeRetry(policy, progress) {
  const miss = progress.lastMiss;
  if (progress.attempts === 0) {
    return {
      verdict: "inconclusive",
      cause: "deadline",
      detail: "the deadline passed before any attempt finished"
    };
  }
  if (miss === null) {
    return {
      verdict: "inconclusive",
      cause: "deadline",
      detail: `passed ${progress.passStreak} of the ${policy.consecutivePasses} times in a row needed before the deadline`
    };
  }
  const streak = progress.passStreak > 0 ? `then passed ${progress.passStreak} of the ${policy.consecutivePasses} times in a row needed; ` : "";
  return {
    verdict: miss.verdict,
    cause: miss.cause,
    detail: `${miss.detail} (${streak}no ${policy.consecutivePasses > 1 ? "passing streak" : "pass"} before the deadline, ${plural(progress.attempts, "attempt")})`
  };
}
function concludeWindow(policy, progress, cutShort) {
  const counts = `${plural(progress.attempts, "attempt")}: ${progress.passes} passed, ${progress.failures} failed (limit ${policy.failureLimit}), ${progress.inconclusives} inconclusive`;
  if (progress.failures > policy.failureLimit) {
    return {
      verdict: "fail",
      cause: progress.lastMiss?.cause ?? null,
      detail: `${counts}; last failure: ${progress.lastMiss?.detail ?? ""}`
    };
  }
  if (cutShort) {
    return {
      verdict: "inconclusive",
      cause: "deadline",
      detail: `the deadline ended the ${policy.durationMs} ms window early; ${counts}`
    };
  }
  if (progress.passes === 0) {
    const miss = progress.lastMiss;
    return {
      verdict: progress.failures > 0 ? "fail" : "inconclusive",
      cause: miss?.cause ?? "no-data",
      detail: `no attempt passed in the ${policy.durationMs} ms window (${counts}); last: ${miss?.detail ?? ""}`
    };
  }
  return {
    verdict: "pass",
    cause: null,
    detail: `window of ${policy.durationMs} ms, ${counts}; last: ${progress.last?.detail ?? ""}`
  };
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// src/adapters/probes/system-clock.ts
import { performance } from "node:perf_hooks";
var systemClock = {
  now: () => performance.now(),
  sleep,
  random: () => Math.random()
};

// src/adapters/probes/run-smoke.ts
async function runSmoke(suite, options) {
  const expanded = expandSuite(suite, options.env);
  const secrets = secretValues(suite, options.env);
  const clock = options.clock ?? systemClock;
  const probes = probesOf(options);
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const start = clock.now();
  const { deadlineMs, warmupMs } = suite.settings;
  const deadlineAt = start + deadlineMs;
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  let stopReason = null;
  const halt = (reason) => {
    stopReason ??= reason;
    stop.abort();
  };
  const onCancel = () => halt("aborted");
  if (options.signal?.aborted) halt("aborted");
  else options.signal?.addEventListener("abort", onCancel, { once: true });
  const deadlineTimer = new AbortController();
  void clock.sleep(deadlineMs, deadlineTimer.signal).then((reached) => {
    if (reached) halt("deadline");
  });
  const slots = createSlots(suite.settings.maxConcurrency);
  const runCheck = async (check) => {
    const probe = probeFor(probes, check);
    let progress = NO_PROGRESS;
    let conclusion = null;
    if (warmupMs > 0) await clock.sleep(start + warmupMs - clock.now(), stop.signal);
    while (conclusion === null) {
      if (stop.signal.aborted) {
        conclusion = concludeEarly(check.schedule, progress, stopReason ?? "aborted");
        break;
      }
      const release = check.kind === "command" ? await slots.acquire(stop.signal) : () => {
      };
      if (stop.signal.aborted) release();
      if (stop.signal.aborted) continue;
      const attemptStart = clock.now();
      const timeoutMs = Math.max(1, Math.min(check.timeoutMs, Math.floor(deadlineAt - attemptStart)));
      const context = { signal: stop.signal, timeoutMs, env: options.env, slots };
      const raw = await probe.attempt(check, context).finally(release);
      const outcome = maskOutcome(raw, secrets);
      const cutShort = raw.verdict !== "pass" && (stop.signal.aborted || timeoutMs < check.timeoutMs && raw.cause === "timeout");
      if (cutShort && progress.attempts > 0) {
        conclusion = concludeEarly(check.schedule, progress, stopReason ?? "deadline");
        break;
      }
      progress = recordAttempt(progress, outcome, attemptStart);
      const step = nextStep(check.schedule, progress, clock.now(), deadlineAt, clock.random());
      if (step.kind === "done" && step.verdict === "pass") {
        conclusion = step;
      } else if (stop.signal.aborted) {
        conclusion = concludeEarly(check.schedule, progress, stopReason ?? "aborted");
      } else if (step.kind === "done") {
        conclusion = step;
      }
      options.onAttempt?.({
        check: check.name,
        attempt: progress.attempts,
        outcome,
        nextDelayMs: conclusion === null && step.kind === "wait" ? step.delayMs : null
      });
      if (conclusion === null && step.kind === "wait") await clock.sleep(step.delayMs, stop.signal);
    }
    return checkReport(check, conclusion, progress, clock.now() - start);
  };
  let checks;
  try {
    checks = await Promise.all(expanded.checks.map(runCheck));
  } finally {
    stop.abort();
    deadlineTimer.abort();
    options.signal?.removeEventListener("abort", onCancel);
  }
  for (const check of checks) check.detail = boundText(maskSecrets(check.detail, secrets));
  const verdicts = checks.map((check) => check.verdict);
  return {
    verdict: combineVerdicts(verdicts),
    startedAt,
    durationMs: clock.now() - start,
    deadlineMs,
    counts: countVerdicts(verdicts),
    checks
  };
}
function probesOf(options) {
  return {
    http: options.probes?.http ?? createHttpProbe(),
    prometheus: options.probes?.prometheus ?? createPrometheusProbe(),
    command: options.probes?.command ?? createCommandProbe()
  };
}
function probeFor(probes, check) {
  return probes[check.kind];
}
function maskOutcome(outcome, secrets) {
  if (secrets.length === 0) return { ...outcome, detail: boundText(outcome.detail) };
  const masked = { ...outcome, detail: boundText(maskSecrets(outcome.detail, secrets)) };
  if (outcome.output !== void 0) masked.output = outcome.output.map((line) => maskSecrets(line, secrets));
  return masked;
}
function checkReport(check, conclusion, progress, elapsedMs) {
  const last = progress.last;
  const report = {
    name: check.name,
    kind: check.kind,
    verdict: conclusion.verdict,
    cause: conclusion.verdict === "pass" ? null : conclusion.cause,
    detail: conclusion.detail,
    attempts: progress.attempts,
    timings: { elapsedMs: round(elapsedMs), lastAttempt: last === null ? null : roundTimings(last.timings) }
  };
  if (last?.samples !== void 0) report.samples = last.samples;
  if (last?.value !== void 0) report.value = last.value;
  if (last?.output !== void 0) report.output = last.output;
  return report;
}
function roundTimings(timings) {
  return {
    connectMs: timings.connectMs === null ? null : round(timings.connectMs),
    tlsMs: timings.tlsMs === null ? null : round(timings.tlsMs),
    ttfbMs: timings.ttfbMs === null ? null : round(timings.ttfbMs),
    totalMs: round(timings.totalMs)
  };
}
function round(ms) {
  return Math.round(ms * 100) / 100;
}
export {
  createCommandProbe,
  createHttpProbe,
  createPrometheusProbe,
  runSmoke,
  systemClock
};

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  summarizeSamples
} from "./chunk-PBNCQUHE.js";
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-C3J2NM6T.js";
import {
  http,
  httpRequest,
  https
} from "./chunk-AVT4WW7O.js";
import {
  boundText,
  combineVerdicts,
  countVerdicts
} from "./chunk-GYMEDKPK.js";
import {
  runProcess
} from "./chunk-M67JO2IA.js";
import "./chunk-QNSM54YF.js";
import "./chunk-WUQGZDLE.js";
import {
  jsonEquals,
  lookupJson
} from "./chunk-IIGF2GQM.js";
import "./chunk-OZB34KSV.js";
import "./chunk-YJXSVN4L.js";
import "./chunk-TRU3V6GF.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

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
        http: new http.Agent({ keepAlive: true, maxSockets }),
        https: new https.Agent({ keepAlive: true, maxSockets })
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
  const headerValues = secretValues(suite, options.env);
  const redact = options.redact ?? ((text) => text);
  const mask = (text) => redact(maskSecrets(text, headerValues));
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
      const outcome = maskOutcome(raw, mask);
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
  for (const check of checks) check.detail = boundText(mask(check.detail));
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
function maskOutcome(outcome, mask) {
  const masked = { ...outcome, detail: boundText(mask(outcome.detail)) };
  if (outcome.output !== void 0) masked.output = outcome.output.map(mask);
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

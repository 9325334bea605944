import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  parseJsonPath
} from "./chunk-IIGF2GQM.js";
import {
  FieldReader,
  checkNumber,
  checkTemplateSyntax,
  describeNode,
  escapeRegExp,
  expandTemplate,
  placeError,
  readHeaders,
  readUrl,
  templateVariables
} from "./chunk-OZB34KSV.js";
import "./chunk-YJXSVN4L.js";
import {
  require_dist
} from "./chunk-CRFJV3TF.js";
import {
  hasControlCharacter
} from "./chunk-TRU3V6GF.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";
import {
  __toESM
} from "./chunk-A5QYGNMP.js";

// src/core/smoke/parse-command-check.ts
var COMMAND_KEYS = ["command", "cwd"];
var DEFAULT_COMMAND_TIMEOUT_MS = 6e4;
function parseCommandFields(reader) {
  const command = reader.requiredString("command", "the shell command to run");
  if (command.includes("\0")) {
    throw reader.error("command", "holds a NUL character", "Remove the NUL character from the command.");
  }
  const cwd = reader.string("cwd") ?? null;
  if (cwd !== null && cwd.trim() === "") {
    throw reader.error("cwd", "is empty", "Remove `cwd` or name a folder.");
  }
  return { command, cwd };
}

// src/core/smoke/types.ts
var HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

// src/core/smoke/yaml-tree.ts
var import_yaml = __toESM(require_dist(), 1);
function readYamlTree(text, source) {
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError !== void 0) {
    const line = lines.linePos(firstError.pos[0]).line;
    throw shipguardError("SG_CHECKS_YAML", { source, line, reason: "syntax", detail: firstError.message });
  }
  const lineOf = (node) => {
    const start = node?.range?.[0];
    return start === void 0 ? 0 : lines.linePos(start).line;
  };
  let aliasesSeen = 0;
  const convert = (node, fallbackLine) => {
    if ((0, import_yaml.isAlias)(node)) {
      aliasesSeen += 1;
      if (aliasesSeen > 100) {
        throw shipguardError("SG_CHECKS_YAML", { source, line: lineOf(node), reason: "aliases" });
      }
      return convert(node.resolve(doc), lineOf(node));
    }
    if ((0, import_yaml.isMap)(node)) {
      const entries = [];
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyLine = (0, import_yaml.isScalar)(keyNode) ? lineOf(keyNode) : lineOf(node);
        if (!(0, import_yaml.isScalar)(keyNode) || typeof keyNode.value !== "string" && typeof keyNode.value !== "number") {
          throw shipguardError("SG_CHECKS_YAML", { source, line: keyLine, reason: "key" });
        }
        entries.push({ key: String(keyNode.value), line: keyLine, value: convert(pair.value, keyLine) });
      }
      return { kind: "map", line: lineOf(node) || fallbackLine, entries };
    }
    if ((0, import_yaml.isSeq)(node)) {
      return {
        kind: "seq",
        line: lineOf(node) || fallbackLine,
        items: node.items.map((item) => convert(item, lineOf(node) || fallbackLine))
      };
    }
    if ((0, import_yaml.isScalar)(node)) {
      const value = node.value;
      if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        return { kind: "scalar", line: lineOf(node) || fallbackLine, value };
      }
      return { kind: "scalar", line: lineOf(node) || fallbackLine, value: String(value) };
    }
    return { kind: "scalar", line: fallbackLine, value: null };
  };
  return convert(doc.contents, 1);
}
function treeToValue(node) {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "seq":
      return node.items.map(treeToValue);
    case "map": {
      const result = {};
      for (const entry of node.entries) {
        Object.defineProperty(result, entry.key, {
          value: treeToValue(entry.value),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return result;
    }
  }
}

// src/core/smoke/parse-http-check.ts
var HTTP_KEYS = [
  "http",
  "method",
  "headers",
  "body",
  "status",
  "body-contains",
  "body-matches",
  "json",
  "insecure",
  "max-redirects",
  "requests",
  "concurrency",
  "min-success-rate",
  "max-p95-ms",
  "max-p99-ms"
];
var DEFAULT_HTTP_TIMEOUT_MS = 5e3;
var DEFAULT_MAX_REDIRECTS = 5;
var DEFAULT_CONCURRENCY = 10;
function parseHttpFields(reader) {
  const url = readUrl(reader, "http", "the URL to request");
  const method = readMethod(reader);
  const headers = readHeaders(reader);
  const body = reader.string("body") ?? null;
  if (body !== null) {
    if (method === "GET" || method === "HEAD") {
      throw reader.error(
        "body",
        `cannot be sent with ${method}`,
        "Set `method: POST` (or PUT, PATCH, DELETE), or remove `body`."
      );
    }
    checkTemplateSyntax(reader, "body", body);
  }
  const statuses = readStatuses(reader);
  const bodyContains = reader.stringList("body-contains") ?? [];
  for (const text of bodyContains) checkTemplateSyntax(reader, "body-contains", text);
  const bodyMatches = readRegExp(reader);
  const json = readJson(reader);
  const insecure = reader.boolean("insecure") ?? false;
  const maxRedirects = reader.number("max-redirects", {
    integer: true,
    min: 0,
    max: 20,
    what: "how many redirects to follow (0: none)"
  }) ?? DEFAULT_MAX_REDIRECTS;
  return {
    url,
    method,
    headers,
    body,
    statuses,
    bodyContains,
    bodyMatches,
    json,
    insecure,
    maxRedirects,
    sampling: readSampling(reader)
  };
}
function readMethod(reader) {
  const text = reader.string("method");
  if (text === void 0) return "GET";
  const method = HTTP_METHODS.find((candidate) => candidate === text.toUpperCase());
  if (method === void 0) {
    throw reader.error("method", `is ${JSON.stringify(text)}`, `Use one of ${HTTP_METHODS.join(", ")}.`);
  }
  return method;
}
function readStatuses(reader) {
  const entry = reader.node("status");
  if (entry === void 0) return null;
  const items = entry.value.kind === "seq" ? entry.value.items : [entry.value];
  if (items.length === 0) {
    throw reader.error(
      "status",
      "is an empty list",
      "List at least one status, or remove `status` to accept any 2xx."
    );
  }
  const statuses = items.map(
    (item) => checkNumber(
      item,
      { integer: true, min: 100, max: 599, what: "" },
      (message) => reader.error(
        "status",
        message.replace("must be", "each status must be"),
        "Write a status such as `200`, or a list: `[200, 204]`."
      )
    )
  );
  return [...new Set(statuses)];
}
function readRegExp(reader) {
  const pattern = reader.string("body-matches");
  if (pattern === void 0) return null;
  checkTemplateSyntax(reader, "body-matches", pattern);
  const placeholders = Object.fromEntries(templateVariables(pattern).map((name) => [name, "x"]));
  const probe = expandTemplate(pattern, placeholders, unreachable, escapeRegExp);
  try {
    new RegExp(probe);
  } catch (error) {
    throw reader.error(
      "body-matches",
      `is not a valid regular expression: ${error.message}`,
      "Fix the pattern (JavaScript syntax)."
    );
  }
  return pattern;
}
function readJson(reader) {
  const entry = reader.node("json");
  if (entry === void 0) return [];
  const node = entry.value;
  if (node.kind !== "map" || node.entries.length === 0) {
    throw reader.error(
      "json",
      `must be a mapping of field paths to expected values, got ${describeNode(node)}`,
      `Write for example \`json: { version: "\${SHIPGUARD_VERSION}" }\` (paths: \`build.sha\` or \`/build/sha\`).`
    );
  }
  return node.entries.map((item) => {
    const path = parseJsonPath(item.key);
    if (path === null) {
      throw reader.error(
        "json",
        `has an invalid field path ${JSON.stringify(item.key)}`,
        "Write `a.b.0` or a JSON pointer `/a/b/0`."
      );
    }
    const expected = treeToValue(item.value);
    visitStrings(expected, (text) => checkTemplateSyntax(reader, "json", text));
    return { path, expected };
  });
}
function visitStrings(value, visit) {
  if (typeof value === "string") visit(value);
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, visit);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) visitStrings(item, visit);
}
function readSampling(reader) {
  const requests = reader.number("requests", {
    integer: true,
    min: 1,
    max: 1e5,
    what: "how many requests one attempt sends"
  }) ?? 1;
  const concurrency = Math.min(
    requests,
    reader.number("concurrency", {
      integer: true,
      min: 1,
      max: 1e3,
      what: "how many requests run at once"
    }) ?? DEFAULT_CONCURRENCY
  );
  const minSuccessRate = reader.number("min-success-rate", {
    integer: false,
    min: 0,
    max: 1,
    what: "the fraction of requests that must succeed"
  }) ?? 1;
  const latency = { integer: false, min: 0, max: 36e5, what: "a latency limit in milliseconds" };
  const maxP95Ms = reader.number("max-p95-ms", latency) ?? null;
  const maxP99Ms = reader.number("max-p99-ms", latency) ?? null;
  return { requests, concurrency, minSuccessRate, maxP95Ms, maxP99Ms };
}
function unreachable(name) {
  throw new Error(`placeholder missing for ${name}`);
}

// src/core/smoke/parse-prometheus-check.ts
var PROMETHEUS_KEYS = [
  "prometheus",
  "query",
  "max",
  "min",
  "no-data",
  "headers",
  "insecure"
];
var DEFAULT_PROMETHEUS_TIMEOUT_MS = 1e4;
var NO_DATA_RULES = ["inconclusive", "pass", "fail"];
function parsePrometheusFields(reader) {
  const url = readUrl(reader, "prometheus", "the base URL of the Prometheus server");
  const query = reader.requiredString("query", "a PromQL instant query").trim();
  checkTemplateSyntax(reader, "query", query);
  const threshold = { integer: false, min: -Number.MAX_VALUE, max: Number.MAX_VALUE, what: "a threshold" };
  const max = reader.number("max", threshold) ?? null;
  const min = reader.number("min", threshold) ?? null;
  if (max === null && min === null) {
    throw reader.error(
      "query",
      "has no threshold",
      "Add `max:` (fail above it) and/or `min:` (fail below it)."
    );
  }
  if (max !== null && min !== null && min > max) {
    throw reader.error("min", `(${min}) is above max (${max})`, "Set `min` at or below `max`.");
  }
  const noDataText = reader.string("no-data") ?? "inconclusive";
  const noData = NO_DATA_RULES.find((rule) => rule === noDataText);
  if (noData === void 0) {
    throw reader.error(
      "no-data",
      `is ${JSON.stringify(noDataText)}`,
      `Use one of ${NO_DATA_RULES.join(", ")}.`
    );
  }
  const headers = readHeaders(reader);
  const insecure = reader.boolean("insecure") ?? false;
  return { url, query, max, min, noData, headers, insecure };
}

// src/core/smoke/parse-settings.ts
var SETTINGS_KEYS = [
  "deadline-ms",
  "warmup-ms",
  "retry-interval-ms",
  "max-retry-interval-ms",
  "backoff-factor",
  "jitter",
  "consecutive-passes",
  "max-concurrency"
];
var SCHEDULE_KEYS = ["consecutive-passes", "interval-ms", "duration-ms", "failure-limit"];
var DAY_MS = 864e5;
var HOUR_MS = 36e5;
var DEFAULT_SETTINGS = {
  deadlineMs: 12e4,
  warmupMs: 0,
  retryIntervalMs: 1e3,
  maxRetryIntervalMs: 1e4,
  backoffFactor: 2,
  jitter: 0.2,
  consecutivePasses: 1,
  maxConcurrency: 64
};
var ms = (min, max) => ({
  integer: true,
  min,
  max,
  what: "a duration in milliseconds"
});
var PASSES = {
  integer: true,
  min: 1,
  max: 100,
  what: "how many passes in a row a check needs"
};
function parseSettings(node, source) {
  if (node === void 0 || node.kind === "scalar" && node.value === null) return DEFAULT_SETTINGS;
  const place = { source, owner: "settings" };
  if (node.kind !== "map") {
    throw placeError(
      place,
      node.line,
      "must be a mapping",
      "Write `settings:` with keys such as `deadline-ms: 120000`."
    );
  }
  const reader = new FieldReader(node, place);
  const deadlineMs = reader.number("deadline-ms", ms(1, DAY_MS)) ?? DEFAULT_SETTINGS.deadlineMs;
  const warmupMs = reader.number("warmup-ms", ms(0, DAY_MS)) ?? DEFAULT_SETTINGS.warmupMs;
  if (warmupMs >= deadlineMs) {
    throw reader.error(
      "warmup-ms",
      `(${warmupMs}) leaves no time before deadline-ms (${deadlineMs})`,
      "Make `warmup-ms` shorter than `deadline-ms`, or raise the deadline."
    );
  }
  const retryIntervalMs = reader.number("retry-interval-ms", ms(0, HOUR_MS)) ?? DEFAULT_SETTINGS.retryIntervalMs;
  const maxRetryIntervalMs = reader.number("max-retry-interval-ms", ms(0, HOUR_MS)) ?? Math.max(DEFAULT_SETTINGS.maxRetryIntervalMs, retryIntervalMs);
  if (maxRetryIntervalMs < retryIntervalMs) {
    throw reader.error(
      "max-retry-interval-ms",
      `(${maxRetryIntervalMs}) is below retry-interval-ms (${retryIntervalMs})`,
      "Set `max-retry-interval-ms` at or above `retry-interval-ms`."
    );
  }
  const backoffFactor = reader.number("backoff-factor", {
    integer: false,
    min: 1,
    max: 10,
    what: "the growth of the pause after each failure"
  }) ?? DEFAULT_SETTINGS.backoffFactor;
  const jitter = reader.number("jitter", {
    integer: false,
    min: 0,
    max: 1,
    what: "the random fraction taken off each pause"
  }) ?? DEFAULT_SETTINGS.jitter;
  const consecutivePasses = reader.number("consecutive-passes", PASSES) ?? DEFAULT_SETTINGS.consecutivePasses;
  const maxConcurrency = reader.number("max-concurrency", {
    integer: true,
    min: 1,
    max: 256,
    what: "how many commands and requests run at once"
  }) ?? DEFAULT_SETTINGS.maxConcurrency;
  reader.finish(SETTINGS_KEYS, "`settings`");
  return {
    deadlineMs,
    warmupMs,
    retryIntervalMs,
    maxRetryIntervalMs,
    backoffFactor,
    jitter,
    consecutivePasses,
    maxConcurrency
  };
}
function parseSchedule(reader, settings) {
  const windowed = reader.has("duration-ms") || reader.has("interval-ms") || reader.has("failure-limit");
  if (!windowed) {
    const consecutivePasses = reader.number("consecutive-passes", PASSES) ?? settings.consecutivePasses;
    return {
      mode: "retry",
      consecutivePasses,
      retryIntervalMs: settings.retryIntervalMs,
      maxRetryIntervalMs: settings.maxRetryIntervalMs,
      backoffFactor: settings.backoffFactor,
      jitter: settings.jitter
    };
  }
  if (reader.has("consecutive-passes")) {
    throw reader.error(
      "consecutive-passes",
      "does not apply to an analysis window (`duration-ms`)",
      "Remove `consecutive-passes` (a window passes when at most `failure-limit` attempts failed), or remove the window keys."
    );
  }
  const durationMs = reader.number("duration-ms", ms(1, DAY_MS));
  if (durationMs === void 0) {
    throw reader.error(
      reader.has("interval-ms") ? "interval-ms" : "failure-limit",
      "needs `duration-ms` (the length of the analysis window)",
      "Add `duration-ms:` (for example 300000 for five minutes), or remove the window keys."
    );
  }
  const intervalMs = reader.number("interval-ms", ms(1, DAY_MS)) ?? Math.max(1, settings.retryIntervalMs);
  if (intervalMs > durationMs) {
    throw reader.error(
      "interval-ms",
      `(${intervalMs}) is longer than duration-ms (${durationMs})`,
      "Make `interval-ms` at most `duration-ms`, so the window holds more than one attempt."
    );
  }
  const failureLimit = reader.number("failure-limit", {
    integer: true,
    min: 0,
    max: 1e4,
    what: "how many failed attempts the window tolerates"
  }) ?? 0;
  if (settings.warmupMs + durationMs > settings.deadlineMs) {
    throw reader.error(
      "duration-ms",
      `(${durationMs}) plus warmup-ms (${settings.warmupMs}) ends after deadline-ms (${settings.deadlineMs})`,
      "Raise `settings.deadline-ms` above the warm-up plus the window, or shorten `duration-ms`."
    );
  }
  return { mode: "window", intervalMs, durationMs, failureLimit };
}

// src/core/smoke/parse-checks.ts
var COMMON_KEYS = ["name", "timeout-ms", ...SCHEDULE_KEYS];
var KINDS = ["http", "prometheus", "command"];
var CHECK_KEYS = {
  http: [...COMMON_KEYS, ...HTTP_KEYS],
  prometheus: [...COMMON_KEYS, ...PROMETHEUS_KEYS],
  command: [...COMMON_KEYS, ...COMMAND_KEYS]
};
var DEFAULT_TIMEOUTS = {
  http: DEFAULT_HTTP_TIMEOUT_MS,
  prometheus: DEFAULT_PROMETHEUS_TIMEOUT_MS,
  command: DEFAULT_COMMAND_TIMEOUT_MS
};
var FORMAT_REMEDY = "Write `checks:` as a list of checks (each with `name:` and one of `http:`, `prometheus:`, `command:`), optionally with `settings:` beside it, or write the bare list.";
function parseChecks(yamlText, source) {
  const root = readYamlTree(yamlText, source);
  const topPlace = { source, owner: "the checks" };
  let settingsNode;
  let checksNode;
  if (root.kind === "seq") {
    checksNode = root;
  } else if (root.kind === "map") {
    const reader = new FieldReader(root, topPlace);
    settingsNode = reader.node("settings")?.value;
    checksNode = reader.node("checks")?.value;
    reader.finish(["settings", "checks"], "the top level");
  } else if (root.value === null) {
    throw placeError(topPlace, 0, "are empty", FORMAT_REMEDY);
  } else {
    throw placeError(
      topPlace,
      root.line,
      "must be a list of checks or a mapping with `checks:`",
      FORMAT_REMEDY
    );
  }
  if (checksNode === void 0 || checksNode.kind !== "seq" || checksNode.items.length === 0) {
    throw placeError(
      topPlace,
      checksNode?.line ?? root.line,
      "`checks` must be a non-empty list",
      FORMAT_REMEDY
    );
  }
  const settings = parseSettings(settingsNode, source);
  const checks = [];
  const names = /* @__PURE__ */ new Map();
  checksNode.items.forEach((item, index) => {
    const check = parseCheck(item, index, source, settings);
    const firstLine = names.get(check.name);
    if (firstLine !== void 0) {
      throw placeError(
        { source, owner: `check ${JSON.stringify(check.name)}` },
        check.line,
        `the name is already used by the check at line ${firstLine}`,
        "Give each check its own name: the report and the job summary identify checks by name."
      );
    }
    names.set(check.name, check.line);
    checks.push(check);
  });
  return { source, settings, checks };
}
function parseCheck(node, index, source, settings) {
  const anonymous = { source, owner: `check #${index + 1}` };
  if (node.kind !== "map") {
    throw placeError(anonymous, node.line, "must be a mapping", FORMAT_REMEDY);
  }
  const name = readName(node, anonymous);
  const place = { source, owner: `check ${JSON.stringify(name)}` };
  const reader = new FieldReader(node, place);
  reader.node("name");
  const kinds = KINDS.filter((kind2) => reader.has(kind2));
  const kind = kinds[0];
  if (kind === void 0 || kinds.length > 1) {
    throw placeError(
      place,
      node.line,
      kind === void 0 ? "has no kind" : `has more than one kind (${kinds.join(", ")})`,
      "Give each check exactly one of `http: <url>`, `prometheus: <url>` or `command: <shell command>`."
    );
  }
  const timeoutMs = reader.number("timeout-ms", {
    integer: true,
    min: 1,
    max: 864e5,
    what: "a duration in milliseconds"
  }) ?? DEFAULT_TIMEOUTS[kind];
  const schedule = parseSchedule(reader, settings);
  const base = { name, line: node.line, timeoutMs, schedule };
  let check;
  switch (kind) {
    case "http":
      check = { kind, ...base, ...parseHttpFields(reader) };
      break;
    case "prometheus":
      check = { kind, ...base, ...parsePrometheusFields(reader) };
      break;
    case "command":
      check = { kind, ...base, ...parseCommandFields(reader) };
      break;
  }
  reader.finish(CHECK_KEYS[kind], `a${kind === "http" ? "n" : ""} ${kind} check`);
  return check;
}
function readName(node, place) {
  const entry = node.entries.find((item) => item.key === "name");
  if (entry === void 0) {
    throw placeError(
      place,
      node.line,
      "has no `name`",
      "Add `name:` to every check; the report identifies checks by name."
    );
  }
  const value = entry.value;
  if (value.kind !== "scalar" || typeof value.value !== "string" || value.value.trim() === "") {
    throw placeError(
      place,
      entry.line,
      "`name` must be non-empty text",
      "Write `name:` with a short text, quoted if needed."
    );
  }
  if (value.value.length > 100 || hasControlCharacter(value.value)) {
    throw placeError(
      place,
      entry.line,
      "`name` must be one line of at most 100 characters",
      "Shorten the name to one line."
    );
  }
  return value.value.trim();
}
export {
  CHECK_KEYS,
  parseChecks
};

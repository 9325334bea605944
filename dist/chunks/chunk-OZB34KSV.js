import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  editDistance
} from "./chunk-YJXSVN4L.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/core/smoke/field-reader.ts
function placeError(place, line, problem, fix, key) {
  return shipguardError("SG_CHECKS_INVALID", {
    ...place,
    line,
    problem,
    fix,
    ...key === void 0 ? {} : { key }
  });
}
var FieldReader = class {
  map;
  place;
  entries;
  read = /* @__PURE__ */ new Set();
  constructor(map, place) {
    this.map = map;
    this.place = place;
    this.entries = new Map(map.entries.map((entry) => [entry.key, entry]));
  }
  has(key) {
    return this.entries.has(key);
  }
  /** The raw node of a key (marks it as known). */
  node(key) {
    this.read.add(key);
    return this.entries.get(key);
  }
  error(key, message, remedy) {
    const line = this.entries.get(key)?.line ?? this.map.line;
    return placeError(this.place, line, message, remedy, key);
  }
  string(key) {
    const entry = this.node(key);
    if (entry === void 0) return void 0;
    const node = entry.value;
    if (node.kind !== "scalar" || typeof node.value !== "string") {
      throw this.error(key, `must be text, got ${describeNode(node)}`, `Write \`${key}\` as text; quote it.`);
    }
    return node.value;
  }
  requiredString(key, what) {
    const value = this.string(key);
    if (value === void 0 || value.trim() === "") {
      throw this.error(key, "is missing or empty", `Add \`${key}:\` with ${what}.`);
    }
    return value;
  }
  /** Text, or a list of texts (`body-contains: ok` or `body-contains: [ok, ready]`). */
  stringList(key) {
    const entry = this.node(key);
    if (entry === void 0) return void 0;
    const node = entry.value;
    const items = node.kind === "seq" ? node.items : [node];
    return items.map((item) => {
      if (item.kind !== "scalar" || typeof item.value !== "string" || item.value === "") {
        throw this.error(
          key,
          `must be text or a list of texts, got ${describeNode(item)}`,
          `Quote each value of \`${key}\`.`
        );
      }
      return item.value;
    });
  }
  boolean(key) {
    const entry = this.node(key);
    if (entry === void 0) return void 0;
    const node = entry.value;
    if (node.kind !== "scalar" || typeof node.value !== "boolean") {
      throw this.error(
        key,
        `must be true or false, got ${describeNode(node)}`,
        `Write \`${key}: true\` or \`${key}: false\`.`
      );
    }
    return node.value;
  }
  number(key, rule) {
    const entry = this.node(key);
    if (entry === void 0) return void 0;
    return checkNumber(entry.value, rule, (message) => this.error(key, message, numberRemedy(key, rule)));
  }
  /** Keys of a nested `key: value` mapping whose values are text (headers). */
  stringMap(key) {
    const entry = this.node(key);
    if (entry === void 0) return void 0;
    const node = entry.value;
    if (node.kind !== "map") {
      throw this.error(
        key,
        `must be a mapping of names to values, got ${describeNode(node)}`,
        `Write \`${key}:\` with one \`Name: value\` a line below it.`
      );
    }
    const result = {};
    for (const item of node.entries) {
      if (item.value.kind !== "scalar" || typeof item.value.value !== "string") {
        throw placeError(
          this.place,
          item.line,
          `\`${key}.${item.key}\` must be text, got ${describeNode(item.value)}`,
          `Quote the value: ${item.key}: "${item.value.kind === "scalar" ? String(item.value.value) : "..."}"`
        );
      }
      Object.defineProperty(result, item.key, {
        value: item.value.value,
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return result;
  }
  /** Rejects keys nobody read, naming the closest known key. */
  finish(allowed, kindLabel) {
    for (const entry of this.map.entries) {
      if (this.read.has(entry.key)) continue;
      throw shipguardError("SG_CHECKS_UNKNOWN_KEY", {
        ...this.place,
        line: entry.line,
        key: entry.key,
        allowed,
        of: kindLabel,
        suggestion: suggestKey(entry.key, allowed)
      });
    }
  }
};
function checkNumber(node, rule, fail) {
  if (node.kind !== "scalar" || typeof node.value !== "number" || !Number.isFinite(node.value)) {
    throw fail(`must be a number, got ${describeNode(node)}`);
  }
  const value = node.value;
  if (rule.integer && !Number.isInteger(value)) throw fail(`must be a whole number, got ${value}`);
  if (value < rule.min || value > rule.max)
    throw fail(`must be between ${rule.min} and ${rule.max}, got ${value}`);
  return value;
}
function numberRemedy(key, rule) {
  return `Set \`${key}\` to ${rule.what} (${rule.integer ? "a whole number " : ""}from ${rule.min} to ${rule.max}).`;
}
function describeNode(node) {
  if (node.kind === "map") return "a mapping";
  if (node.kind === "seq") return "a list";
  if (node.value === null) return "nothing";
  return `${typeof node.value} ${JSON.stringify(node.value)}`;
}
function suggestKey(key, allowed) {
  const kebab = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/_/g, "-").toLowerCase();
  for (const candidate of [kebab, `${kebab}-ms`]) {
    if (candidate !== key && allowed.includes(candidate)) return candidate;
  }
  let best = null;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const distance = editDistance(kebab, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// src/core/smoke/template.ts
var TOKEN = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function templateProblem(text) {
  for (const match of text.matchAll(TOKEN)) {
    if (match[0] === "$${") continue;
    if (match[0] === "${") return { kind: "unclosed" };
    const name = match[1] ?? "";
    if (!NAME.test(name)) return { kind: "bad-name", name };
  }
  return null;
}
function templateVariables(text) {
  const names = /* @__PURE__ */ new Set();
  for (const match of text.matchAll(TOKEN)) {
    const name = match[1];
    if (name !== void 0 && NAME.test(name)) names.add(name);
  }
  return [...names];
}
function hasTemplate(text) {
  return text.includes("${");
}
function expandTemplate(text, env, missing, encode = (value) => value) {
  return text.replace(TOKEN, (token, name) => {
    if (token === "$${") return "${";
    if (name === void 0 || !NAME.test(name)) return token;
    const value = Object.hasOwn(env, name) ? env[name] : void 0;
    if (value === void 0) missing(name);
    return encode(value);
  });
}
function escapeRegExp(value) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/core/smoke/check-values.ts
function urlProblem(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return "is not an absolute URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `uses ${url.protocol} (only http: and https: are probed)`;
  if (url.username !== "" || url.password !== "") return "holds a user name or password";
  return null;
}
var URL_REMEDY = "Write an absolute http:// or https:// URL; send credentials in `headers:` (for example `Authorization`), whose values are masked.";
function readUrl(reader, key, what) {
  const value = reader.requiredString(key, what).trim();
  checkTemplateSyntax(reader, key, value);
  if (!hasTemplate(value)) {
    const problem = urlProblem(value);
    if (problem !== null) throw reader.error(key, problem, URL_REMEDY);
  }
  return value;
}
function checkTemplateSyntax(reader, key, value) {
  const problem = templateProblem(value);
  if (problem === null) return;
  if (problem.kind === "unclosed") {
    throw reader.error(
      key,
      `has a \`\${\` without its closing \`}\``,
      `Close the variable as \`\${NAME}\`, or write \`$\${\` for a literal \`\${\`.`
    );
  }
  throw reader.error(
    key,
    `refers to \`\${${problem.name}}\`, which is not a variable name`,
    `Use letters, digits and \`_\` in variable names (\`\${SHIPGUARD_VERSION}\`); write \`$\${\` for a literal \`\${\`.`
  );
}
var TOKEN2 = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
var RESERVED_HEADERS = /* @__PURE__ */ new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer"
]);
function readHeaders(reader) {
  const headers = reader.stringMap("headers") ?? {};
  const seen = /* @__PURE__ */ new Set();
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN2.test(name)) {
      throw reader.error(
        "headers",
        `has an invalid header name ${JSON.stringify(name)}`,
        "Use letters, digits and `-` in header names."
      );
    }
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) {
      throw reader.error(
        "headers",
        `sets \`${name}\`, which the HTTP client manages`,
        `Remove \`${name}\` from the headers.`
      );
    }
    if (seen.has(lower)) {
      throw reader.error(
        "headers",
        `sets \`${name}\` twice (names are case-insensitive)`,
        `Keep one \`${name}\` header.`
      );
    }
    seen.add(lower);
    if (/[\r\n\0]/.test(value)) {
      throw reader.error(
        "headers",
        `value of \`${name}\` holds a line break or NUL`,
        "Write each header value on one line."
      );
    }
    checkTemplateSyntax(reader, "headers", value);
  }
  return headers;
}

export {
  placeError,
  FieldReader,
  checkNumber,
  describeNode,
  templateVariables,
  expandTemplate,
  escapeRegExp,
  urlProblem,
  URL_REMEDY,
  readUrl,
  checkTemplateSyntax,
  readHeaders
};

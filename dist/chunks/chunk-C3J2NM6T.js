import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  URL_REMEDY,
  escapeRegExp,
  expandTemplate,
  placeError,
  urlProblem
} from "./chunk-OZB34KSV.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/core/smoke/expand-suite.ts
function expandSuite(suite, env) {
  return { ...suite, checks: suite.checks.map((check) => expandCheck(check, env, suite.source)) };
}
function expandCheck(check, env, source) {
  const missing = (name) => {
    throw shipguardError("SG_CHECKS_VARIABLE_UNSET", { source, check: check.name, variable: name });
  };
  const text = (value) => expandTemplate(value, env, missing);
  const url = (key, value) => {
    const expanded = text(value);
    const problem = urlProblem(expanded);
    if (problem !== null) {
      const place = { source, owner: `check ${JSON.stringify(check.name)}` };
      throw placeError(place, 0, `${problem} once expanded`, URL_REMEDY, key);
    }
    return expanded;
  };
  const headers = (values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, text(value)]));
  switch (check.kind) {
    case "http":
      return {
        ...check,
        url: url("http", check.url),
        headers: headers(check.headers),
        body: check.body === null ? null : text(check.body),
        bodyContains: check.bodyContains.map(text),
        bodyMatches: check.bodyMatches === null ? null : expandTemplate(check.bodyMatches, env, missing, escapeRegExp),
        json: check.json.map((item) => ({ path: item.path, expected: expandValue(item.expected, text) }))
      };
    case "prometheus":
      return {
        ...check,
        url: url("prometheus", check.url),
        query: text(check.query),
        headers: headers(check.headers)
      };
    case "command":
      return check;
  }
}
function expandValue(value, text) {
  if (typeof value === "string") return text(value);
  if (Array.isArray(value)) return value.map((item) => expandValue(item, text));
  if (value !== null && typeof value === "object") {
    const result = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(result, key, {
        value: expandValue(item, text),
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return result;
  }
  return value;
}
function secretValues(suite, env) {
  const secrets = /* @__PURE__ */ new Set();
  const add = (value) => {
    const trimmed = value.trim();
    if (trimmed.length >= 3) secrets.add(trimmed);
    const credential = /^(?:bearer|basic|token)\s+(.+)$/i.exec(trimmed)?.[1];
    if (credential !== void 0 && credential.length >= 3) secrets.add(credential);
  };
  for (const check of suite.checks) {
    if (check.kind === "command") continue;
    for (const value of Object.values(check.headers)) {
      add(value);
      try {
        add(
          expandTemplate(value, env, (name) => {
            throw new Error(name);
          })
        );
      } catch {
      }
    }
  }
  return [...secrets];
}
function maskSecrets(text, secrets) {
  let masked = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== "") masked = masked.split(secret).join("***");
  }
  return masked;
}

export {
  expandSuite,
  secretValues,
  maskSecrets
};

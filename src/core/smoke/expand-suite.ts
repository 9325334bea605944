import { shipguardError } from "../../errors.ts";
import { URL_REMEDY, urlProblem } from "./check-values.ts";
import { placeError } from "./field-reader.ts";
import { escapeRegExp, expandTemplate } from "./template.ts";
import type { Check, CheckSuite } from "./types.ts";

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Substitutes `${VAR}` in the fields that accept it (URLs, header values, request body,
 * body-contains, body-matches as an escaped literal, json expected strings, Prometheus query)
 * from `env`, which the caller builds: nothing is read from the process environment. Commands are
 * left alone: they get `env` as their environment instead. A missing variable, or a URL that is
 * invalid once expanded, throws before any probe runs.
 */
export function expandSuite(suite: CheckSuite, env: Env): CheckSuite {
  return { ...suite, checks: suite.checks.map((check) => expandCheck(check, env, suite.source)) };
}

function expandCheck(check: Check, env: Env, source: string): Check {
  const missing = (name: string): never => {
    throw shipguardError("SG_CHECKS_VARIABLE_UNSET", { source, check: check.name, variable: name });
  };
  const text = (value: string): string => expandTemplate(value, env, missing);
  const url = (key: string, value: string): string => {
    const expanded = text(value);
    const problem = urlProblem(expanded);
    if (problem !== null) {
      const place = { source, owner: `check ${JSON.stringify(check.name)}` };
      throw placeError(place, 0, `${problem} once expanded`, URL_REMEDY, key);
    }
    return expanded;
  };
  const headers = (values: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, text(value)]));
  switch (check.kind) {
    case "http":
      return {
        ...check,
        url: url("http", check.url),
        headers: headers(check.headers),
        body: check.body === null ? null : text(check.body),
        bodyContains: check.bodyContains.map(text),
        bodyMatches:
          check.bodyMatches === null ? null : expandTemplate(check.bodyMatches, env, missing, escapeRegExp),
        json: check.json.map((item) => ({ path: item.path, expected: expandValue(item.expected, text) })),
      };
    case "prometheus":
      return {
        ...check,
        url: url("prometheus", check.url),
        query: text(check.query),
        headers: headers(check.headers),
      };
    case "command":
      return check;
  }
}

function expandValue(value: unknown, text: (value: string) => string): unknown {
  if (typeof value === "string") return text(value);
  if (Array.isArray(value)) return value.map((item) => expandValue(item, text));
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(result, key, {
        value: expandValue(item, text),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }
  return value;
}

/**
 * Values to mask in logs (`core.setSecret`): every header value, as written and as expanded, plus
 * the bearer or basic credential alone, since a log line may show it without its scheme word.
 * Variables that cannot be expanded are skipped here; `expandSuite` reports them.
 */
export function secretValues(suite: CheckSuite, env: Env): string[] {
  const secrets = new Set<string>();
  const add = (value: string): void => {
    const trimmed = value.trim();
    // Masking a one-character value would garble every log line; such a header is no secret.
    if (trimmed.length >= 3) secrets.add(trimmed);
    const credential = /^(?:bearer|basic|token)\s+(.+)$/i.exec(trimmed)?.[1];
    if (credential !== undefined && credential.length >= 3) secrets.add(credential);
  };
  for (const check of suite.checks) {
    if (check.kind === "command") continue;
    for (const value of Object.values(check.headers)) {
      add(value);
      try {
        add(
          expandTemplate(value, env, (name) => {
            throw new Error(name);
          }),
        );
      } catch {
        // Reported by expandSuite when the checks run.
      }
    }
  }
  return [...secrets];
}

/** Replaces every secret in a text with `***` (longest first, so a value containing another is masked whole). */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== "") masked = masked.split(secret).join("***");
  }
  return masked;
}

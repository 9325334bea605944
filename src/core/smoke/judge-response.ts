import { jsonEquals, lookupJson } from "./json-path.ts";
import type { Cause, HttpCheck } from "./types.ts";

/** The part of an HTTP answer the expectations look at. */
export interface ResponseRecord {
  status: number;
  /** Decoded as UTF-8, at most the read cap. */
  body: string;
  /** True when the body was longer than the read cap and the rest was not read. */
  truncated: boolean;
  capBytes: number;
  /**
   * Set when a redirect led to another origin: nothing of that body is quoted in the report (it
   * may be printed to a public log), only whether the expectations held.
   */
  foreignOrigin?: string;
}

export interface Judgement {
  pass: boolean;
  cause: Cause | null;
  detail: string;
}

/**
 * Builds the judge of one check's expectations (compiled once, used for every sample): status,
 * then body substrings, then the regex, then JSON fields. The first unmet one decides the cause.
 */
export function createResponseJudge(check: HttpCheck): (response: ResponseRecord) => Judgement {
  const pattern = check.bodyMatches === null ? null : new RegExp(check.bodyMatches);
  const expectsBody = check.bodyContains.length > 0 || pattern !== null || check.json.length > 0;
  return (response) => {
    const statusOk =
      check.statuses === null
        ? response.status >= 200 && response.status <= 299
        : check.statuses.includes(response.status);
    if (!statusOk) {
      const wanted = check.statuses === null ? "2xx" : check.statuses.join(" or ");
      return fail("status", `status ${response.status}, expected ${wanted}${bodyHint(response)}`);
    }
    const cutNote = response.truncated
      ? ` (only the first ${formatBytes(response.capBytes)} of the body was read)`
      : "";
    for (const text of check.bodyContains) {
      if (!response.body.includes(text)) {
        return fail(
          "body",
          `body does not contain ${JSON.stringify(text)}${cutNote}; body starts ${quoteBody(response)}`,
        );
      }
    }
    if (pattern !== null && !pattern.test(response.body)) {
      return fail(
        "body",
        `body does not match /${check.bodyMatches}/${cutNote}; body starts ${quoteBody(response)}`,
      );
    }
    if (check.json.length > 0) {
      if (response.truncated) {
        return fail(
          "json",
          `body is larger than ${formatBytes(response.capBytes)}, too large to read as JSON`,
        );
      }
      let document: unknown;
      try {
        document = JSON.parse(response.body);
      } catch (error) {
        return fail(
          "json",
          `body is not JSON (${(error as Error).message}); body starts ${quoteBody(response)}`,
        );
      }
      for (const { path, expected } of check.json) {
        const found = lookupJson(document, path);
        if (!found.found) {
          return fail(
            "json",
            `${path.text}: missing (no field at ${found.missingAt}), expected ${show(expected)}`,
          );
        }
        if (!jsonEquals(found.value, expected)) {
          const value = response.foreignOrigin === undefined ? show(found.value) : "another value";
          return fail("json", `${path.text}: ${value}, expected ${show(expected)}`);
        }
      }
    }
    const checked = expectsBody ? " with the expected body" : "";
    return { pass: true, cause: null, detail: `status ${response.status}${checked}` };
  };
}

function fail(cause: Cause, detail: string): Judgement {
  return { pass: false, cause, detail };
}

function bodyHint(response: ResponseRecord): string {
  return response.body === "" ? "" : `; body starts ${quoteBody(response)}`;
}

function quoteBody(response: ResponseRecord): string {
  if (response.foreignOrigin === undefined) return snippet(response.body);
  return `(not shown: it came from another origin, ${response.foreignOrigin})`;
}

/** A short, one-line, quoted start of a body for the report. */
export function snippet(body: string, length = 120): string {
  const start = body.length > length ? `${body.slice(0, length)}...` : body;
  return JSON.stringify(start);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  const shown = text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}...` : text;
  return value !== null && typeof value !== "object" && typeof value !== "string"
    ? `${shown} (${typeof value})`
    : shown;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

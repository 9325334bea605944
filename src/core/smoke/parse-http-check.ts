import { checkTemplateSyntax, readHeaders, readUrl } from "./check-values.ts";
import { checkNumber, describeNode, type FieldReader } from "./field-reader.ts";
import { parseJsonPath } from "./json-path.ts";
import { escapeRegExp, expandTemplate, templateVariables } from "./template.ts";
import {
  HTTP_METHODS,
  type HttpCheck,
  type HttpMethod,
  type JsonExpectation,
  type Sampling,
} from "./types.ts";
import { treeToValue } from "./yaml-tree.ts";

export const HTTP_KEYS = [
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
  "max-p99-ms",
] as const;

export const DEFAULT_HTTP_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_CONCURRENCY = 10;

type HttpFields = Omit<HttpCheck, "kind" | "name" | "line" | "timeoutMs" | "schedule">;

export function parseHttpFields(reader: FieldReader): HttpFields {
  const url = readUrl(reader, "http", "the URL to request");
  const method = readMethod(reader);
  const headers = readHeaders(reader);
  const body = reader.string("body") ?? null;
  if (body !== null) {
    if (method === "GET" || method === "HEAD") {
      throw reader.error(
        "body",
        `cannot be sent with ${method}`,
        "Set `method: POST` (or PUT, PATCH, DELETE), or remove `body`.",
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
  const maxRedirects =
    reader.number("max-redirects", {
      integer: true,
      min: 0,
      max: 20,
      what: "how many redirects to follow (0: none)",
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
    sampling: readSampling(reader),
  };
}

function readMethod(reader: FieldReader): HttpMethod {
  const text = reader.string("method");
  if (text === undefined) return "GET";
  const method = HTTP_METHODS.find((candidate) => candidate === text.toUpperCase());
  if (method === undefined) {
    throw reader.error("method", `is ${JSON.stringify(text)}`, `Use one of ${HTTP_METHODS.join(", ")}.`);
  }
  return method;
}

function readStatuses(reader: FieldReader): number[] | null {
  const entry = reader.node("status");
  if (entry === undefined) return null;
  const items = entry.value.kind === "seq" ? entry.value.items : [entry.value];
  if (items.length === 0) {
    throw reader.error(
      "status",
      "is an empty list",
      "List at least one status, or remove `status` to accept any 2xx.",
    );
  }
  const statuses = items.map((item) =>
    checkNumber(item, { integer: true, min: 100, max: 599, what: "" }, (message) =>
      reader.error(
        "status",
        message.replace("must be", "each status must be"),
        "Write a status such as `200`, or a list: `[200, 204]`.",
      ),
    ),
  );
  return [...new Set(statuses)];
}

function readRegExp(reader: FieldReader): string | null {
  const pattern = reader.string("body-matches");
  if (pattern === undefined) return null;
  checkTemplateSyntax(reader, "body-matches", pattern);
  // Variables expand to escaped literals, so any placeholder text proves the pattern compiles.
  const placeholders = Object.fromEntries(templateVariables(pattern).map((name) => [name, "x"]));
  const probe = expandTemplate(pattern, placeholders, unreachable, escapeRegExp);
  try {
    new RegExp(probe);
  } catch (error) {
    throw reader.error(
      "body-matches",
      `is not a valid regular expression: ${(error as Error).message}`,
      "Fix the pattern (JavaScript syntax).",
    );
  }
  return pattern;
}

function readJson(reader: FieldReader): JsonExpectation[] {
  const entry = reader.node("json");
  if (entry === undefined) return [];
  const node = entry.value;
  if (node.kind !== "map" || node.entries.length === 0) {
    throw reader.error(
      "json",
      `must be a mapping of field paths to expected values, got ${describeNode(node)}`,
      `Write for example \`json: { version: "\${SHIPGUARD_VERSION}" }\` (paths: \`build.sha\` or \`/build/sha\`).`,
    );
  }
  return node.entries.map((item) => {
    const path = parseJsonPath(item.key);
    if (path === null) {
      throw reader.error(
        "json",
        `has an invalid field path ${JSON.stringify(item.key)}`,
        "Write `a.b.0` or a JSON pointer `/a/b/0`.",
      );
    }
    const expected = treeToValue(item.value);
    visitStrings(expected, (text) => checkTemplateSyntax(reader, "json", text));
    return { path, expected };
  });
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === "string") visit(value);
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, visit);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) visitStrings(item, visit);
}

function readSampling(reader: FieldReader): Sampling {
  const requests =
    reader.number("requests", {
      integer: true,
      min: 1,
      max: 100_000,
      what: "how many requests one attempt sends",
    }) ?? 1;
  // More in flight than requests would only open idle sockets.
  const concurrency = Math.min(
    requests,
    reader.number("concurrency", {
      integer: true,
      min: 1,
      max: 1_000,
      what: "how many requests run at once",
    }) ?? DEFAULT_CONCURRENCY,
  );
  const minSuccessRate =
    reader.number("min-success-rate", {
      integer: false,
      min: 0,
      max: 1,
      what: "the fraction of requests that must succeed",
    }) ?? 1;
  const latency = { integer: false, min: 0, max: 3_600_000, what: "a latency limit in milliseconds" };
  const maxP95Ms = reader.number("max-p95-ms", latency) ?? null;
  const maxP99Ms = reader.number("max-p99-ms", latency) ?? null;
  return { requests, concurrency, minSuccessRate, maxP95Ms, maxP99Ms };
}

function unreachable(name: string): never {
  throw new Error(`placeholder missing for ${name}`);
}

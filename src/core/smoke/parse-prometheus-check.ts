import { checkTemplateSyntax, readHeaders, readUrl } from "./check-values.ts";
import type { FieldReader } from "./field-reader.ts";
import type { NoDataRule, PrometheusCheck } from "./types.ts";

export const PROMETHEUS_KEYS = [
  "prometheus",
  "query",
  "max",
  "min",
  "no-data",
  "headers",
  "insecure",
] as const;

export const DEFAULT_PROMETHEUS_TIMEOUT_MS = 10_000;

const NO_DATA_RULES: readonly NoDataRule[] = ["inconclusive", "pass", "fail"];

type PrometheusFields = Omit<PrometheusCheck, "kind" | "name" | "line" | "timeoutMs" | "schedule">;

export function parsePrometheusFields(reader: FieldReader): PrometheusFields {
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
      "Add `max:` (fail above it) and/or `min:` (fail below it).",
    );
  }
  if (max !== null && min !== null && min > max) {
    throw reader.error("min", `(${min}) is above max (${max})`, "Set `min` at or below `max`.");
  }
  const noDataText = reader.string("no-data") ?? "inconclusive";
  const noData = NO_DATA_RULES.find((rule) => rule === noDataText);
  if (noData === undefined) {
    throw reader.error(
      "no-data",
      `is ${JSON.stringify(noDataText)}`,
      `Use one of ${NO_DATA_RULES.join(", ")}.`,
    );
  }
  const headers = readHeaders(reader);
  const insecure = reader.boolean("insecure") ?? false;
  return { url, query, max, min, noData, headers, insecure };
}

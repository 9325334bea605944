import { snippet } from "./judge-response.ts";
import type { Cause, PrometheusCheck, Verdict } from "./types.ts";

export interface PrometheusJudgement {
  verdict: Verdict;
  cause: Cause | null;
  detail: string;
  value: number | null;
}

interface Series {
  labels: string;
  value: number;
}

/**
 * Reads the answer of `GET /api/v1/query` and applies the check's thresholds. A Prometheus that
 * cannot answer (error JSON, bad answer) makes the check inconclusive, not failed: the monitoring
 * is what broke, and nothing is known about the service. Every series of a vector must be within
 * the thresholds; the worst one is reported. Each NaN series (such as 0/0 when an instance had
 * no traffic) follows the check's `no-data` rule, and the report names it.
 */
export function judgePrometheusAnswer(
  check: PrometheusCheck,
  status: number,
  body: string,
  /** Set when a redirect led to another origin: its body is never quoted. */
  foreignOrigin?: string,
): PrometheusJudgement {
  const quoted =
    foreignOrigin === undefined
      ? snippet(body)
      : `(not shown: it came from another origin, ${foreignOrigin})`;
  let answer: unknown;
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
      `unexpected Prometheus answer (status ${status}): ${quoted}`,
    );
  }
  const warnings = Array.isArray(record["warnings"]) ? `; warnings: ${record["warnings"].join("; ")}` : "";
  const series = readSeries(data["resultType"], data["result"]);
  if (typeof series === "string") return unknown("query", series);
  return judgeSeries(check, series, warnings);
}

/**
 * Thresholds over the numeric series, and the no-data rule for each NaN series (an instance with
 * no traffic answers 0/0): a threshold failure decides first, then a NaN series under
 * `no-data: fail` or `inconclusive`; under `no-data: pass` it is named and let through.
 */
function judgeSeries(check: PrometheusCheck, series: Series[], warnings: string): PrometheusJudgement {
  const numeric = series.filter((item) => !Number.isNaN(item.value));
  const nan = series.length - numeric.length;
  if (numeric.length === 0) {
    const why =
      series.length === 0
        ? "the query returned no data"
        : "the query returned only NaN (for example 0/0 with no traffic)";
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
      value: null,
    };
  }
  const limits = [
    check.min === null ? null : `min ${check.min}`,
    check.max === null ? null : `max ${check.max}`,
  ]
    .filter(Boolean)
    .join(", ");
  const shown =
    check.max !== null
      ? numeric.reduce((a, b) => (b.value > a.value ? b : a))
      : numeric.reduce((a, b) => (b.value < a.value ? b : a));
  const which =
    numeric.length === 1 ? "value" : `${numeric.length} series, ${check.max !== null ? "highest" : "lowest"}`;
  const passedNan = nan === 0 ? "" : `; ${nanNote} (no-data: pass)`;
  return {
    verdict: "pass",
    cause: null,
    detail: `${which} ${formatValue(shown.value)}${shown.labels} within ${limits}${passedNan}${warnings}`,
    value: shown.value,
  };
}

function thresholdBreach(
  check: PrometheusCheck,
  numeric: Series[],
  warnings: string,
): PrometheusJudgement | null {
  if (check.max !== null) {
    const worst = numeric.reduce((a, b) => (b.value > a.value ? b : a));
    if (worst.value > check.max) {
      return {
        verdict: "fail",
        cause: "threshold",
        detail: `value ${formatValue(worst.value)}${worst.labels} is above max ${check.max}${warnings}`,
        value: worst.value,
      };
    }
  }
  if (check.min !== null) {
    const worst = numeric.reduce((a, b) => (b.value < a.value ? b : a));
    if (worst.value < check.min) {
      return {
        verdict: "fail",
        cause: "threshold",
        detail: `value ${formatValue(worst.value)}${worst.labels} is below min ${check.min}${warnings}`,
        value: worst.value,
      };
    }
  }
  return null;
}

/** Names the NaN series: the first three, then how many more (the detail stays one short line). */
function nanSeries(series: Series[]): string {
  const nan = series.filter((item) => Number.isNaN(item.value));
  const named = nan.slice(0, 3).map((item) => (item.labels === "" ? "{}" : item.labels.trim()));
  const more = nan.length > 3 ? ` and ${nan.length - 3} more` : "";
  return `${nan.length === 1 ? "series" : `${nan.length} series`} ${named.join(", ")}${more}`;
}

/** Six significant digits: 0.09999999999999999 reads as 0.1; the exact value stays in `value`. */
function formatValue(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}

function unknown(cause: Cause, detail: string): PrometheusJudgement {
  return { verdict: "inconclusive", cause, detail, value: null };
}

function readSeries(type: unknown, result: unknown): Series[] | string {
  if (type === "scalar") {
    const value = Array.isArray(result) ? parseSampleValue(result[1]) : null;
    return value === null ? "malformed scalar result" : [{ labels: "", value }];
  }
  if (type === "vector") {
    if (!Array.isArray(result)) return "malformed vector result";
    const series: Series[] = [];
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

/** Prometheus writes sample values as strings, with `+Inf`, `-Inf` and `NaN` spelled out. */
export function parseSampleValue(raw: unknown): number | null {
  if (typeof raw !== "string") return null;
  if (raw === "+Inf" || raw === "Inf") return Number.POSITIVE_INFINITY;
  if (raw === "-Inf") return Number.NEGATIVE_INFINITY;
  if (raw === "NaN") return Number.NaN;
  const value = Number(raw);
  return raw.trim() === "" || Number.isNaN(value) ? null : value;
}

function formatLabels(metric: unknown): string {
  const labels = asRecord(metric);
  if (labels === null) return "";
  const text = Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(String(value))}`)
    .join(", ");
  if (text === "") return "";
  return ` {${text.length > 200 ? `${text.slice(0, 200)}...` : text}}`;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

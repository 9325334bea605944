import type { LookupFunction } from "node:net";
import { judgePrometheusAnswer } from "../../core/smoke/prometheus-result.ts";
import type { AttemptOutcome, PrometheusCheck } from "../../core/smoke/types.ts";
import type { Probe, ProbeContext } from "../../ports.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./http-probe.ts";
import { httpRequest } from "./http-request.ts";

export interface PrometheusProbeOptions {
  lookup?: LookupFunction;
  ca?: string | Buffer | Array<string | Buffer>;
  maxBodyBytes?: number;
}

/** URL of the instant-query endpoint under a base URL that may carry a path prefix. */
export function instantQueryUrl(base: string, query: string): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/api/v1/query`;
  url.search = "";
  url.searchParams.set("query", query);
  return url.href;
}

/**
 * Runs the check's instant query (`GET /api/v1/query`). When Prometheus cannot be reached the check
 * is inconclusive with the network cause: the monitoring failed, not necessarily the service.
 */
export function createPrometheusProbe(options: PrometheusProbeOptions = {}): Probe<PrometheusCheck> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    async attempt(check: PrometheusCheck, context: ProbeContext): Promise<AttemptOutcome> {
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
        ca: options.ca,
      });
      if (!exchange.ok) {
        return {
          verdict: "inconclusive",
          cause: exchange.cause,
          detail: `Prometheus: ${exchange.detail}`,
          timings: exchange.timings,
          value: null,
        };
      }
      if (exchange.truncated) {
        return {
          verdict: "inconclusive",
          cause: "query",
          detail: `the Prometheus answer is larger than ${maxBodyBytes} bytes; aggregate the query (sum, max) to one series`,
          timings: exchange.timings,
          value: null,
        };
      }
      const final = exchange.redirects.at(-1);
      const url = instantQueryUrl(check.url, check.query);
      const foreign = final !== undefined && new URL(final).origin !== new URL(url).origin;
      const judged = judgePrometheusAnswer(
        check,
        exchange.status,
        exchange.body,
        foreign ? new URL(final).origin : undefined,
      );
      return { ...judged, timings: exchange.timings };
    },
  };
}

import type { LookupFunction } from "node:net";
import { createResponseJudge, type Judgement, type ResponseRecord } from "../../core/smoke/judge-response.ts";
import { type HttpSample, summarizeSamples } from "../../core/smoke/sampling.ts";
import type { AttemptOutcome, HttpCheck } from "../../core/smoke/types.ts";
import type { Probe, ProbeContext } from "../../ports.ts";
import { type HttpExchange, httpRequest } from "./http-request.ts";
import { http, https } from "./node-http.ts";
import { runPool } from "./pool.ts";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface HttpProbeOptions {
  /** Name resolution; tests inject one that never leaves the machine. */
  lookup?: LookupFunction;
  /** Extra trusted certificates (private CAs, tests). */
  ca?: string | Buffer | Array<string | Buffer>;
  maxBodyBytes?: number;
}

/** Sends a check's request (or its `requests` samples, `concurrency` at a time) and judges the answers. */
export function createHttpProbe(options: HttpProbeOptions = {}): Probe<HttpCheck> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const judges = new WeakMap<HttpCheck, (response: ResponseRecord) => Judgement>();
  return {
    async attempt(check: HttpCheck, context: ProbeContext): Promise<AttemptOutcome> {
      let judge = judges.get(check);
      if (judge === undefined) {
        judge = createResponseJudge(check);
        judges.set(check, judge);
      }
      const judgeResponse = judge;
      const started = process.hrtime.bigint();
      // Samples of one attempt share keep-alive connections, as real clients do; one request alone
      // opens and closes its own, so its connect and TLS timings are measured every time.
      const sampled = check.sampling.requests > 1;
      const maxSockets = check.sampling.concurrency;
      const agents = sampled
        ? {
            http: new http.Agent({ keepAlive: true, maxSockets }),
            https: new https.Agent({ keepAlive: true, maxSockets }),
          }
        : undefined;
      let samples: HttpSample[];
      try {
        samples = await runPool(
          check.sampling.requests,
          check.sampling.concurrency,
          async (): Promise<HttpSample> => {
            const release = (await context.slots?.acquire(context.signal)) ?? (() => {});
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
              agents,
            }).finally(release);
            return toSample(exchange, judgeResponse, maxBodyBytes, check.url);
          },
          context.signal,
        );
      } finally {
        // The pools hold idle keep-alive sockets; they must not outlive the attempt.
        agents?.http.destroy();
        agents?.https.destroy();
      }
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (sampled && context.signal.aborted) {
        // Part of a sample proves nothing either way: the requests not sent could all have failed.
        return {
          verdict: "fail",
          cause: "timeout",
          detail: `stopped after ${samples.length} of ${check.sampling.requests} requests: the overall deadline was reached or the run was cancelled`,
          timings: { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: wallMs },
        };
      }
      const outcome = summarizeSamples(check.sampling, samples, {
        connectMs: null,
        tlsMs: null,
        ttfbMs: null,
        totalMs: wallMs,
      });
      // A check that skips certificate verification must say so every time it reports.
      if (check.insecure && check.url.startsWith("https:")) {
        return { ...outcome, detail: `${outcome.detail} (TLS certificate not verified: insecure: true)` };
      }
      return outcome;
    },
  };
}

function toSample(
  exchange: HttpExchange,
  judge: (response: ResponseRecord) => Judgement,
  capBytes: number,
  checkUrl: string,
): HttpSample {
  if (!exchange.ok) {
    return {
      cause: exchange.cause,
      detail: exchange.detail,
      timings: exchange.timings,
      countsForLatency: exchange.answered || exchange.timedOut,
    };
  }
  const response: ResponseRecord = {
    status: exchange.status,
    body: exchange.body,
    truncated: exchange.truncated,
    capBytes,
  };
  const final = exchange.redirects.at(-1);
  if (final !== undefined && new URL(final).origin !== new URL(checkUrl).origin) {
    response.foreignOrigin = new URL(final).origin;
  }
  const judged = judge(response);
  return {
    cause: judged.cause,
    detail: judged.detail + redirectNote(exchange),
    timings: exchange.timings,
    countsForLatency: true,
  };
}

function redirectNote(exchange: HttpExchange & { ok: true }): string {
  if (exchange.redirects.length === 0) return "";
  const count = exchange.redirects.length;
  const last = exchange.redirects[count - 1];
  const dropped =
    exchange.droppedHeaders.length === 0
      ? ""
      : `; not sent to the new origin: ${exchange.droppedHeaders.join(", ")}`;
  return ` after ${count} redirect${count === 1 ? "" : "s"} to ${last}${dropped}`;
}

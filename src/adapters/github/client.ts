/**
 * The one Octokit client of a run: @actions/github with the retry and throttling plugins, the base
 * URL of the server (GHES sets GITHUB_API_URL), a bounded time per request, and the token masked.
 *
 * Exactly one plugin retries each failure: throttling owns 403/429 rate limits (honouring
 * retry-after, else 60 s for a secondary limit), retry owns 5xx and lost connections. 4xx answers
 * that mean something (409, 422) are never retried blindly: the caller reconciles them.
 */
import { randomUUID } from "node:crypto";
import { getOctokit } from "@actions/github";
import { defaults } from "@actions/github/lib/utils";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { Logger } from "../../ports.ts";

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** e.g. https://api.github.com or https://ghes.example.com/api/v3 */
  baseUrl: string;
  /**
   * GraphQL's endpoint (GITHUB_GRAPHQL_URL on a runner); by default Octokit's, derived from
   * baseUrl (`/graphql`, or `/api/graphql` on GHES).
   */
  graphqlUrl?: string | undefined;
  logger: Logger;
  /** Retries for 5xx and network failures (rate limits have their own budget). */
  retries?: number;
  /** Multiplies the waits of both plugins (1000 = seconds); tests lower it. */
  retryBaseMs?: number;
  /** Upper bound for one request, so a hanging server cannot stall the job. */
  requestTimeoutMs?: number;
  /** How many times a rate-limited request is retried before the run fails. */
  rateLimitRetries?: number;
}

const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

export function createClient(options: ClientOptions): GitHubClient {
  const { logger } = options;
  const base = options.retryBaseMs ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const timeoutMs = options.requestTimeoutMs ?? 60_000;
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      // Options replace the defaults shallowly: keep the runner's proxy-aware fetch, adding a
      // timeout to each attempt, so a hang becomes an error the retry plugin can handle.
      request: { ...defaults.request, fetch: timedFetch(proxyFetch(), timeoutMs) },
      retry: { doNotRetry: DO_NOT_RETRY, retries: options.retries ?? 3, retryAfterBaseValue: base },
      throttle: {
        // The plugin keeps its limiters per id at module level: one id per client keeps two
        // clients in one process (tests, a future multi-repo run) from queueing behind each other.
        id: `shipguard-${randomUUID()}`,
        retryAfterBaseValue: base,
        onRateLimit: (retryAfter: number, request: RequestSummary, _o: unknown, retryCount: number) => {
          logger.warning(
            `GitHub rate limit on ${describe(request)}: waiting ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`,
          );
          return retryCount < rateLimitRetries;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          request: RequestSummary,
          _o: unknown,
          retryCount: number,
        ) => {
          logger.warning(
            `GitHub secondary rate limit on ${describe(request)}: waiting ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`,
          );
          return retryCount < rateLimitRetries;
        },
      },
      log: {
        debug: (m: string) => logger.debug(m),
        info: (m: string) => logger.debug(m),
        warn: (m: string) => logger.warning(m),
        error: (m: string) => logger.debug(m),
      },
    },
    retry,
    throttling,
  );
  // The same request pipeline (plugins, timeout, auth), sent to the runner's GraphQL endpoint. As
  // the base URL too: @octokit/graphql derives `/api/graphql` from a base URL ending `/api/v3`.
  if (options.graphqlUrl) {
    octokit.graphql = octokit.graphql.defaults({ baseUrl: options.graphqlUrl, url: options.graphqlUrl });
  }
  return octokit;
}

type Fetch = typeof globalThis.fetch;

function proxyFetch(): Fetch {
  const f = (defaults.request as { fetch?: Fetch } | undefined)?.fetch;
  return f ?? globalThis.fetch;
}

function timedFetch(inner: Fetch, timeoutMs: number): Fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return inner(input, { ...init, signal });
  };
}

interface RequestSummary {
  method?: string;
  url?: string;
}

function describe(request: RequestSummary): string {
  return `${request.method ?? "GET"} ${request.url ?? "?"}`;
}

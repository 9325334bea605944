import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError } from "./api-error.ts";
import { authenticate, authorize } from "./auth.ts";
import { API_VERSIONS, type ApiVersion, contractFor, type Operation } from "./contract.ts";
import { type Fault, type FaultMatch, Faults, matcher } from "./faults.ts";
import { GitRepository } from "./git-objects.ts";
import { handleGraphQL, rateLimitedGraphQL } from "./graphql.ts";
import { type IssueRecord, type SeedIssue, seedIssue } from "./issues.ts";
import {
  type Actor,
  DEFAULT_TOKEN,
  type EmulatorOptions,
  GITHUB_ACTIONS_BOT,
  type ResolvedOptions,
} from "./options.ts";
import {
  findPull,
  type MergeMethod,
  mergePull,
  type PullRecord,
  type PushCommitInput,
  pushCommit,
  type SeedForkPullInput,
  seedForkPull,
} from "./pulls.ts";
import { RateLimit } from "./rate-limit.ts";
import { type Reply, type RouteMatch, Router } from "./router.ts";
import { actionsRoutes } from "./routes/actions.ts";
import { commitRoutes } from "./routes/commits.ts";
import { deploymentRoutes } from "./routes/deployments.ts";
import { gitDataRoutes } from "./routes/git-data.ts";
import { gitRefRoutes } from "./routes/git-refs.ts";
import { gitTagRoutes } from "./routes/git-tags.ts";
import { issueRoutes } from "./routes/issues.ts";
import { pullRoutes } from "./routes/pulls.ts";
import { releaseRoutes } from "./routes/releases.ts";
import { repositoryRoutes } from "./routes/repository.ts";
import { userRoutes } from "./routes/users.ts";
import { type SeedDeployment, seedDeployment } from "./seed-deployments.ts";
import { type DeploymentRecord, EmulatorState } from "./state.ts";

export interface LogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body (the raw text when it is not JSON), undefined without a body. */
  body: unknown;
  operationId?: string;
  /** "METHOD /spec/template", e.g. "POST /repos/{owner}/{repo}/git/refs". */
  route?: string;
  /** The status the emulator produced (also for a lost answer); undefined when it never handled the request. */
  status?: number;
  /** False when the client never got an answer (hang, reset, lost answer). */
  answered: boolean;
  fault?: Fault["kind"];
  requestId: string;
  apiVersion?: string;
  /** Milliseconds since the epoch, on arrival. */
  time: number;
  durationMs?: number;
  violations?: string[];
}

export interface Violation {
  kind: "request" | "response" | "unknown-route" | "emulator-error";
  method: string;
  path: string;
  operationId?: string;
  status?: number;
  errors: string[];
}

export interface Emulator {
  /** The API base URL (GITHUB_API_URL), e.g. http://127.0.0.1:41234. */
  url: string;
  state: EmulatorState;
  /** Every request, in arrival order. */
  log: LogEntry[];
  /** Contract violations (requests and answers outside GitHub's description): a test expects none. */
  violations: Violation[];
  faults: Faults;
  /** The options in force; tests may change them between requests (permissions, refuseRunDetails...). */
  options: ResolvedOptions;
  /** The log entries matching "METHOD target" (as for faults), e.g. calls("POST git/create-ref"). */
  calls(match?: FaultMatch): LogEntry[];
  /** Puts an issue, a closed issue or a pull request (with comments) in place, as people would have. */
  seedIssue(seed: SeedIssue): IssueRecord;
  /** Puts a deployment with its statuses in place, at the times given (history a metrics run reads). */
  seedDeployment(seed: SeedDeployment): DeploymentRecord;
  /**
   * Merges a pull request as a person would in the web page (merge, squash or rebase), writing
   * the same git objects as PUT pulls/{n}/merge, without an API call; returns the commit on the base.
   */
  mergePullRequest(number: number, method?: MergeMethod, by?: Actor): string;
  /**
   * Pushes a commit to a branch as a person would (`git push`): the files written on the
   * branch's tip, or a new branch started from `from` (default: the default branch). Use it rather
   * than committing in the fixture's work tree once the API has moved a branch.
   */
  pushCommit(input: PushCommitInput & { from?: string }): string;
  /**
   * Opens a pull request from a fork (`<forkOwner>/<repo>`, branch `branch`, any name) as its
   * author would: one commit on the base's tip, kept under refs/pull/N/head, labelled as given.
   * Listed and shown as GitHub does (head.label `forkOwner:branch`, head.repo the fork with
   * `fork: true`); mergePullRequest merges it.
   */
  seedForkPullRequest(input: SeedForkPullInput): PullRecord;
  close(): Promise<void>;
}

const ROUTES = [
  ...repositoryRoutes,
  ...userRoutes,
  ...gitRefRoutes,
  ...gitTagRoutes,
  ...commitRoutes,
  ...releaseRoutes,
  ...deploymentRoutes,
  ...actionsRoutes,
  ...issueRoutes,
  ...gitDataRoutes,
  ...pullRoutes,
];

/** Who merges a pull request through the web page in tests. */
const MAINTAINER: Actor = { login: "octocat", id: 583231, type: "User" };

const STATUS_MESSAGES: Record<number, string> = {
  500: "Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const MAX_BODY = 32 * 1024 * 1024;

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const git = new GitRepository(options.gitDir);
  if (!git.headBranch() && !options.defaultBranch) {
    throw new Error(`emulator: ${options.gitDir} is not a git repository with a branch checked out at HEAD`);
  }
  return {
    ...options,
    owner: options.owner ?? "acme",
    repo: options.repo ?? "app",
    defaultBranch: options.defaultBranch ?? git.headBranch() ?? "main",
    token: options.token ?? DEFAULT_TOKEN,
    serverUrl: options.serverUrl ?? "https://github.com",
    actor: options.actor ?? GITHUB_ACTIONS_BOT,
    rateLimit: options.rateLimit ?? 1000,
  };
}

/** Starts the GitHub REST API emulator on a loopback ephemeral port. */
export async function startEmulator(input: EmulatorOptions): Promise<Emulator> {
  const options = resolveOptions(input);
  const state = new EmulatorState(options);
  const router = new Router(contractFor("2022-11-28").operations, ROUTES);
  const faults = new Faults();
  const log: LogEntry[] = [];
  const violations: Violation[] = [];
  const rateLimit = new RateLimit(options.rateLimit);
  // GraphQL has its own budget, in points (GITHUB_TOKEN: 1,000 an hour per repository).
  const graphqlLimit = new RateLimit(options.rateLimit, "graphql");
  const hanging = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        response.end(JSON.stringify({ message: `emulator: internal error: ${String(error)}` }));
      }
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const time = Date.now();
    const url = new URL(request.url ?? "/", state.apiUrl);
    const method = (request.method ?? "GET").toUpperCase();
    const raw = await readBody(request);
    const requestId = newRequestId();
    const apiVersion = header(request, "x-github-api-version");
    const entry: LogEntry = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: raw === "" ? undefined : parseOrRaw(raw),
      answered: false,
      requestId,
      apiVersion,
      time,
    };
    log.push(entry);
    const match = router.match(method, url.pathname);
    if (match) {
      entry.operationId = match.operation.operationId;
      entry.route = `${method} ${match.operation.path}`;
    }

    const fault = faults.take({
      method,
      path: url.pathname,
      operationId: match?.operation.operationId,
      template: match?.operation.path,
    });
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === "hang") {
      hanging.add(response);
      response.on("close", () => hanging.delete(response));
      return;
    }
    if (fault?.kind === "reset") {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === "delay") await sleep(fault.ms);
    if (fault?.kind === "hold") {
      for (const until = Date.now() + fault.maxMs; !fault.until() && Date.now() < until; ) await sleep(10);
    }

    // From here to the answer nothing yields: a request's reads and writes are atomic.
    const graphql = method === "POST" && url.pathname === "/graphql";
    if (graphql) entry.route = "POST /graphql";
    const reply =
      graphql && fault?.kind === "rate-limit"
        ? rateLimitedGraphQL(graphqlLimit, fault.retryAfter)
        : fault && isAnswerFault(fault)
          ? faultReply(fault, requestId)
          : graphql
            ? handleGraphQL({
                raw,
                authorization: header(request, "authorization"),
                state,
                rateLimit: graphqlLimit,
                violation: (errors) => {
                  violations.push({ kind: "request", method, path: url.pathname, errors });
                  entry.violations = [...(entry.violations ?? []), ...errors];
                },
              })
            : handle(match, method, url, raw, request, entry);
    entry.status = reply.status;
    entry.durationMs = Date.now() - time;
    if (fault?.kind === "lost-answer") {
      request.socket.destroy();
      return;
    }
    send(response, reply, requestId, apiVersion);
    entry.answered = true;
  }

  function handle(
    match: RouteMatch | undefined,
    method: string,
    url: URL,
    raw: string,
    request: IncomingMessage,
    entry: LogEntry,
  ): Reply {
    const violation = (kind: Violation["kind"], errors: string[], status?: number): void => {
      violations.push({
        kind,
        method,
        path: url.pathname,
        operationId: match?.operation.operationId,
        status,
        errors,
      });
      entry.violations = [...(entry.violations ?? []), ...errors];
    };
    if (!match) {
      violation("unknown-route", [`${method} ${url.pathname} is not an operation of openapi-subset.json`]);
      return errorReply(new ApiError(404, "Not Found", { documentationUrl: "https://docs.github.com/rest" }));
    }
    const { operation, route, params } = match;
    const requested = header(request, "x-github-api-version") ?? "2022-11-28";
    const version: ApiVersion = isApiVersion(requested) ? requested : "2022-11-28";
    try {
      if (!isApiVersion(requested)) {
        violation("request", [`x-github-api-version ${requested} is not one of ${API_VERSIONS.join(", ")}`]);
        throw new ApiError(400, `API version ${requested} is not supported.`, {
          documentationUrl: "https://docs.github.com/rest/about-the-rest-api/api-versions",
        });
      }
      authenticate(header(request, "authorization"), options.token);
      if (!rateLimit.consume()) {
        throw new ApiError(403, "API rate limit exceeded for installation ID 1.", {
          documentationUrl: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        });
      }
      // Operations outside a repository (GET /user) have no owner or repo to check.
      const inRepository = "owner" in params || "repo" in params;
      if (
        inRepository &&
        (params.owner?.toLowerCase() !== options.owner.toLowerCase() ||
          params.repo?.toLowerCase() !== options.repo.toLowerCase())
      ) {
        throw new ApiError(404, "Not Found");
      }

      let body: unknown;
      if (raw !== "") {
        try {
          body = JSON.parse(raw);
        } catch {
          violation("request", ["request body: not JSON"]);
          throw new ApiError(400, "Problems parsing JSON");
        }
      }
      const bodyObject = isObject(body) ? body : {};
      route.precheck?.(bodyObject);

      const contract = contractFor(version);
      const checked = contract.checkRequest(operation, {
        params,
        query: Object.fromEntries(url.searchParams),
        body,
        hasBody: raw !== "",
      });
      if (checked.errors.length > 0) {
        violation("request", checked.errors);
        return contractViolationReply("request", operation, checked.errors);
      }
      authorize(operation.operationId, options.permissions);

      const reply = route.handle({
        params,
        query: checked.query,
        body: bodyObject,
        state,
        options,
        apiVersion: version,
        operation,
        url,
      });
      const errors = contract.checkResponse(operation, reply.status, reply.body);
      if (errors.length > 0) {
        violation("response", errors, reply.status);
        return contractViolationReply("response", operation, errors);
      }
      return reply;
    } catch (error) {
      if (error instanceof ApiError) {
        const reply = errorReply(error, operation);
        const errors = contractFor(version).checkResponse(operation, reply.status, reply.body);
        if (errors.length > 0) violation("response", errors, reply.status);
        return reply;
      }
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      violation("emulator-error", [message]);
      return { status: 500, body: { message: `emulator: internal error: ${message}` } };
    }
  }

  function send(
    response: ServerResponse,
    reply: Reply,
    requestId: string,
    apiVersion: string | undefined,
  ): void {
    const headers: Record<string, string> = {
      server: "GitHub.com",
      "x-github-request-id": requestId,
      "x-github-media-type": "github.v3; format=json",
      "x-github-api-version-selected": apiVersion && isApiVersion(apiVersion) ? apiVersion : "2022-11-28",
      ...rateLimit.headers(),
      ...reply.headers,
    };
    if (reply.body === undefined || reply.status === 204) {
      response.writeHead(reply.status, headers);
      response.end();
      return;
    }
    const text = JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      ...headers,
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
    });
    response.end(text);
  }

  function faultReply(fault: Fault, requestId: string): Reply {
    const now = Math.floor(Date.now() / 1000);
    switch (fault.kind) {
      case "status":
        return {
          status: fault.status,
          body: {
            message: fault.message ?? STATUS_MESSAGES[fault.status] ?? "Injected fault",
            status: String(fault.status),
          },
          headers: fault.headers,
        };
      case "rate-limit":
        return {
          status: fault.status,
          body: {
            message: "API rate limit exceeded for installation ID 1.",
            documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
            status: String(fault.status),
          },
          headers: {
            ...rateLimit.headers(),
            "retry-after": String(fault.retryAfter),
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": String(now + fault.retryAfter),
            "x-ratelimit-used": String(options.rateLimit),
          },
        };
      case "secondary-rate-limit":
        return {
          status: 403,
          body: {
            message:
              "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. " +
              `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
            documentation_url:
              "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
            status: "403",
          },
          headers: fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) },
        };
      default:
        throw new Error(`fault ${fault.kind} has no answer`);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  state.apiUrl = url;

  return {
    url,
    state,
    log,
    violations,
    faults,
    options,
    seedIssue: (seed) => seedIssue(state, seed),
    seedDeployment: (seed) => seedDeployment(state, seed),
    mergePullRequest: (number, method = "merge", by = MAINTAINER) => {
      const pull = findPull(state, number);
      if (!pull) throw new Error(`emulator: no pull request #${number}`);
      return mergePull(state, pull, { method, by });
    },
    pushCommit: (input) => pushCommit(state, input),
    seedForkPullRequest: (input) => seedForkPull(state, input),
    calls: (match) => {
      if (match === undefined) return [...log];
      const test = matcher(match);
      return log.filter((entry) =>
        test({
          method: entry.method,
          path: entry.path,
          operationId: entry.operationId,
          template: entry.route?.split(" ")[1],
        }),
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        hanging.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isAnswerFault(fault: Fault): boolean {
  return fault.kind === "status" || fault.kind === "rate-limit" || fault.kind === "secondary-rate-limit";
}

function errorReply(error: ApiError, operation?: Operation): Reply {
  const body: Record<string, unknown> = {
    message: error.message,
    documentation_url:
      error.extra.documentationUrl ?? operation?.documentationUrl ?? "https://docs.github.com/rest",
    status: String(error.status),
  };
  if (error.extra.errors) body.errors = error.extra.errors;
  return { status: error.status, body, headers: error.extra.headers };
}

function contractViolationReply(kind: "request" | "response", operation: Operation, errors: string[]): Reply {
  return {
    status: 500,
    body: {
      message: `emulator: contract violation in the ${kind} of ${operation.operationId}: ${errors.join("; ")}`,
      documentation_url: operation.documentationUrl,
      status: "500",
    },
  };
}

function isApiVersion(version: string): version is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(version);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseOrRaw(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function newRequestId(): string {
  const hex = randomBytes(12).toString("hex").toUpperCase();
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 14)}:${hex.slice(14, 20)}:${hex.slice(20, 24)}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

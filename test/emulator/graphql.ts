/**
 * POST /graphql: queries are parsed and validated against GitHub's own GraphQL schema
 * (@octokit/graphql-schema), so a query GitHub would refuse is a contract violation here too; then
 * executed with resolvers over the emulator's deployments (see graphql-resolvers.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLSchema,
  parse,
  buildSchema as parseSchema,
  validate,
} from "graphql";
import { ApiError } from "./api-error.ts";
import { authenticate } from "./auth.ts";
import { GraphQLFailure, queryCost, rootValue } from "./graphql-resolvers.ts";
import type { RateLimit } from "./rate-limit.ts";
import type { Reply } from "./router.ts";
import type { EmulatorState } from "./state.ts";

let cached: GraphQLSchema | undefined;

/** GitHub's schema, built once per process (about a second: 1.2 MB of SDL). */
export function githubSchema(): GraphQLSchema {
  if (cached) return cached;
  // The package exports only its index (which parses the 6 MB JSON form): read the SDL beside it.
  const index = fileURLToPath(import.meta.resolve("@octokit/graphql-schema"));
  const file = path.join(path.dirname(index), "schema.graphql");
  cached = parseSchema(readFileSync(file, "utf8"), { assumeValidSDL: true });
  return cached;
}

export interface GraphQLRequest {
  raw: string;
  authorization: string | undefined;
  state: EmulatorState;
  rateLimit: RateLimit;
  /** Records a contract violation (a query outside GitHub's schema, a malformed request). */
  violation: (errors: string[]) => void;
}

/** Answers one POST /graphql as GitHub does: 200 with `data` and/or `errors`. */
export function handleGraphQL(request: GraphQLRequest): Reply {
  const { state, rateLimit } = request;
  try {
    authenticate(request.authorization, state.options.token);
  } catch (error) {
    if (error instanceof ApiError) {
      return { status: error.status, body: { message: error.message, documentation_url: DOCS } };
    }
    throw error;
  }
  const body = parseBody(request.raw);
  if (body === null) {
    request.violation(["graphql: the body is not JSON with a string `query`"]);
    return { status: 400, body: { message: "Problems parsing JSON", documentation_url: DOCS } };
  }
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    const message = (error as GraphQLError).message;
    request.violation([`graphql: ${message}`]);
    return answer(rateLimit, { errors: [{ message }] });
  }
  const schema = githubSchema();
  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    request.violation(invalid.map((error) => `graphql: ${error.message}`));
    return answer(rateLimit, {
      errors: invalid.map((error) => ({ message: error.message, locations: error.locations })),
    });
  }
  const variables = body.variables ?? {};
  const cost = queryCost(document, variables);
  if (!rateLimit.consume(cost)) {
    return answer(rateLimit, {
      errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation ID 1." }],
    });
  }
  const denied = permissionDenied(state);
  if (denied) return answer(rateLimit, denied);
  const result = execute({
    schema,
    document,
    rootValue: rootValue(state, cost, rateLimit),
    variableValues: variables,
    operationName: body.operationName,
  });
  if ("then" in result) throw new Error("emulator: the GraphQL resolvers are synchronous");
  const errors = result.errors?.map(githubError);
  return answer(rateLimit, { data: result.data ?? null, ...(errors ? { errors } : {}) });
}

/** A GraphQL answer whose first error is GitHub's RATE_LIMITED, for the rate-limit fault. */
export function rateLimitedGraphQL(rateLimit: RateLimit, retryAfter: number): Reply {
  const reset = Math.floor(Date.now() / 1000) + retryAfter;
  return {
    status: 200,
    body: { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation ID 1." }] },
    headers: {
      ...rateLimit.headers(),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(reset),
    },
  };
}

const DOCS = "https://docs.github.com/graphql";

function answer(rateLimit: RateLimit, body: Record<string, unknown>): Reply {
  return { status: 200, body, headers: rateLimit.headers() };
}

/** GitHub's GraphQL answers a token without `deployments: read` with a FORBIDDEN error. */
function permissionDenied(state: EmulatorState): Record<string, unknown> | null {
  const permissions = state.options.permissions;
  if (!permissions) return null;
  const granted = permissions.deployments ?? "none";
  if (granted !== "none") return null;
  return {
    data: { repository: null },
    errors: [
      {
        type: "FORBIDDEN",
        path: ["repository", "deployments"],
        message: "Resource not accessible by integration",
      },
    ],
  };
}

function githubError(error: GraphQLError): Record<string, unknown> {
  const original = error.originalError;
  const type = original instanceof GraphQLFailure ? original.type : undefined;
  return {
    ...(type ? { type } : {}),
    path: error.path,
    locations: error.locations,
    message: error.message,
  };
}

interface Body {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function parseBody(raw: string): Body | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { query, variables, operationName } = value as Record<string, unknown>;
  if (typeof query !== "string") return null;
  if (variables !== undefined && (typeof variables !== "object" || variables === null)) return null;
  return {
    query,
    ...(variables ? { variables: variables as Record<string, unknown> } : {}),
    ...(typeof operationName === "string" ? { operationName } : {}),
  };
}

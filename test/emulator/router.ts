import type { ApiVersion, Operation } from "./contract.ts";
import type { ResolvedOptions } from "./options.ts";
import type { EmulatorState } from "./state.ts";

export interface HandlerContext {
  /** Path parameters, percent-decoded (a ref may hold slashes). */
  params: Record<string, string>;
  /** Query parameters, typed as the spec declares them. */
  query: Record<string, unknown>;
  /** The JSON body (an empty object when there is none). */
  body: Record<string, unknown>;
  state: EmulatorState;
  options: ResolvedOptions;
  apiVersion: ApiVersion;
  operation: Operation;
  /** The request URL, with the emulator's origin (pagination links are built from it). */
  url: URL;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  operationId: string;
  /** Checks GitHub makes before its schema validation (for example "at most 25 inputs" answers 422). */
  precheck?: (body: Record<string, unknown>) => void;
  handle: (context: HandlerContext) => Reply;
}

export interface RouteMatch {
  operation: Operation;
  route: Route;
  params: Record<string, string>;
}

interface Matcher {
  operation: Operation;
  route: Route;
  segments: string[];
  literals: number;
}

/** Dispatches requests to routes by the spec's own path templates. */
export class Router {
  private readonly matchers: Matcher[] = [];

  constructor(operations: Operation[], routes: Route[]) {
    const byId = new Map(routes.map((route) => [route.operationId, route]));
    for (const operation of operations) {
      const route = byId.get(operation.operationId);
      if (!route) throw new Error(`no emulator route for ${operation.operationId}`);
      byId.delete(operation.operationId);
      const segments = operation.path.split("/").slice(1);
      const literals = segments.filter((segment) => !segment.startsWith("{")).length;
      this.matchers.push({ operation, route, segments, literals });
    }
    if (byId.size > 0)
      throw new Error(`routes without an operation in the subset: ${[...byId.keys()].join(", ")}`);
    // "releases/latest" must win over "releases/{release_id}": the most literal template first.
    this.matchers.sort((a, b) => b.literals - a.literals);
  }

  match(method: string, rawPath: string): RouteMatch | undefined {
    const parts = rawPath.split("/").slice(1);
    for (const matcher of this.matchers) {
      if (matcher.operation.method !== method) continue;
      const params = matchSegments(matcher, parts);
      if (params) return { operation: matcher.operation, route: matcher.route, params };
    }
    return undefined;
  }

  /** Whether some operation has this path with another method (GitHub answers 404 either way). */
  knowsPath(rawPath: string): boolean {
    const parts = rawPath.split("/").slice(1);
    return this.matchers.some((matcher) => matchSegments(matcher, parts) !== undefined);
  }
}

function matchSegments(matcher: Matcher, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const { segments, operation } = matcher;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? "";
    const part = parts[i];
    if (part === undefined) return undefined;
    if (!segment.startsWith("{")) {
      if (segment !== part) return undefined;
      continue;
    }
    const name = segment.slice(1, -1);
    const last = i === segments.length - 1;
    const raw = last && operation.multiSegment.has(name) ? parts.slice(i).join("/") : part;
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (value === "") return undefined;
    params[name] = value;
    if (last && operation.multiSegment.has(name)) return params;
  }
  return parts.length === segments.length ? params : undefined;
}

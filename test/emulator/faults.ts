/**
 * Faults injected on demand, per route and method: each rule fires for the next `times` matching
 * requests, then stays in the list, spent (tests can check `fired`).
 */

export type Fault =
  /** Answer this status (502, 503, 500...) with GitHub's error shape, without handling the request. */
  | { kind: "status"; status: number; message?: string; headers?: Record<string, string> }
  /** A primary rate limit: 403 or 429, x-ratelimit-remaining 0, reset and retry-after `retryAfter` seconds. */
  | { kind: "rate-limit"; status: 403 | 429; retryAfter: number }
  /** 403 "You have exceeded a secondary rate limit", without retry-after unless one is given. */
  | { kind: "secondary-rate-limit"; retryAfter?: number }
  /** Accept the request and never answer (until the emulator closes). */
  | { kind: "hang" }
  /** Destroy the connection without handling the request. */
  | { kind: "reset" }
  /** Handle the request (the write happens), then destroy the connection instead of answering. */
  | { kind: "lost-answer" }
  /** Wait, then handle the request normally. */
  | { kind: "delay"; ms: number }
  /**
   * Hold the request until `until()` is true (checked every 10 ms, for at most `maxMs`), then
   * handle it normally: orders two clients' requests whatever their timing.
   */
  | { kind: "hold"; until: () => boolean; maxMs: number };

/**
 * Which requests a rule applies to. A string is "METHOD target" or just "target", where target is
 * an operationId ("git/create-ref"), a spec path template ("/repos/{owner}/{repo}/git/refs") or a
 * concrete path with `*` wildcards ("/repos/acme/app/git/refs/tags/*"). A RegExp tests the concrete path.
 */
export type FaultMatch = string | RegExp | { method?: string; operationId?: string; route?: string | RegExp };

export interface FaultRule {
  test: (request: FaultRequest) => boolean;
  description: string;
  fault: Fault;
  times: number;
  fired: number;
}

export interface FaultRequest {
  method: string;
  path: string;
  operationId?: string;
  template?: string;
}

export class Faults {
  readonly rules: FaultRule[] = [];

  add(match: FaultMatch, fault: Fault, times = 1): FaultRule {
    const rule: FaultRule = {
      test: matcher(match),
      description: describeMatch(match),
      fault,
      times,
      fired: 0,
    };
    this.rules.push(rule);
    return rule;
  }

  /** Answer `status` to the next `times` matching requests (e.g. 502 twice). */
  status(match: FaultMatch, status: number, times = 1, message?: string): FaultRule {
    return this.add(match, { kind: "status", status, message }, times);
  }

  rateLimit(
    match: FaultMatch,
    options: { status?: 403 | 429; retryAfter?: number; times?: number } = {},
  ): FaultRule {
    return this.add(
      match,
      { kind: "rate-limit", status: options.status ?? 429, retryAfter: options.retryAfter ?? 1 },
      options.times ?? 1,
    );
  }

  secondaryRateLimit(match: FaultMatch, options: { retryAfter?: number; times?: number } = {}): FaultRule {
    return this.add(
      match,
      { kind: "secondary-rate-limit", retryAfter: options.retryAfter },
      options.times ?? 1,
    );
  }

  hang(match: FaultMatch, times = 1): FaultRule {
    return this.add(match, { kind: "hang" }, times);
  }

  reset(match: FaultMatch, times = 1): FaultRule {
    return this.add(match, { kind: "reset" }, times);
  }

  lostAnswer(match: FaultMatch, times = 1): FaultRule {
    return this.add(match, { kind: "lost-answer" }, times);
  }

  delay(match: FaultMatch, ms: number, times = 1): FaultRule {
    return this.add(match, { kind: "delay", ms }, times);
  }

  holdUntil(
    match: FaultMatch,
    until: () => boolean,
    options: { times?: number; maxMs?: number } = {},
  ): FaultRule {
    return this.add(match, { kind: "hold", until, maxMs: options.maxMs ?? 30_000 }, options.times ?? 1);
  }

  /** The fault for this request, if a rule with shots left matches (the shot is used). */
  take(request: FaultRequest): Fault | undefined {
    for (const rule of this.rules) {
      if (rule.fired >= rule.times) continue;
      if (!rule.test(request)) continue;
      rule.fired += 1;
      return rule.fault;
    }
    return undefined;
  }

  /** Rules with shots left. */
  pending(): FaultRule[] {
    return this.rules.filter((rule) => rule.fired < rule.times);
  }

  clear(): void {
    this.rules.length = 0;
  }
}

/** A predicate for requests from a FaultMatch (also used to count calls in the log). */
export function matcher(match: FaultMatch): (request: FaultRequest) => boolean {
  if (match instanceof RegExp) return (request) => match.test(request.path);
  if (typeof match === "object") {
    const method = match.method?.toUpperCase();
    const byRoute = match.route === undefined ? () => true : compileTarget(match.route);
    return (request) =>
      (method === undefined || method === request.method) &&
      (match.operationId === undefined || match.operationId === request.operationId) &&
      byRoute(request);
  }
  const space = match.indexOf(" ");
  const method = space > 0 ? match.slice(0, space).toUpperCase() : undefined;
  const target = compileTarget(space > 0 ? match.slice(space + 1).trim() : match.trim());
  return (request) => (method === undefined || method === request.method) && target(request);
}

function describeMatch(match: FaultMatch): string {
  if (match instanceof RegExp || typeof match === "string") return String(match);
  return `${match.method ?? "*"} ${match.operationId ?? String(match.route ?? "*")}`;
}

function compileTarget(target: string | RegExp): (request: FaultRequest) => boolean {
  if (target instanceof RegExp) return (request) => target.test(request.path);
  if (target === "*") return () => true;
  if (!target.startsWith("/")) return (request) => request.operationId === target;
  if (target.includes("{")) return (request) => request.template === target;
  const pattern = new RegExp(`^${target.split("*").map(escapeRegExp).join(".*")}$`);
  return (request) => pattern.test(request.path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** GitHub's primary rate limit for the token, and the x-ratelimit-* headers every answer carries. */
export class RateLimit {
  readonly limit: number;
  used = 0;
  resetAt: number;

  readonly resource: string;

  constructor(limit: number, resource = "core") {
    this.limit = limit;
    this.resource = resource;
    this.resetAt = nextReset();
  }

  /** Counts a request (GraphQL: its point cost); false once the hour's budget is spent. */
  consume(cost = 1): boolean {
    if (Date.now() >= this.resetAt) {
      this.used = 0;
      this.resetAt = nextReset();
    }
    this.used += cost;
    return this.used <= this.limit;
  }

  headers(): Record<string, string> {
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(Math.max(0, this.limit - this.used)),
      "x-ratelimit-reset": String(Math.floor(this.resetAt / 1000)),
      "x-ratelimit-used": String(this.used),
      "x-ratelimit-resource": this.resource,
    };
  }
}

function nextReset(): number {
  return Date.now() + 3_600_000;
}

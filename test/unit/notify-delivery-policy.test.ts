import { describe, expect, it } from "vitest";
import { backoffDelay, judgeAnswer, nextTry, retryAfterMs } from "../../src/core/notify/delivery-policy.ts";

describe("judgeAnswer", () => {
  it("delivers on 2xx, retries 429 and 5xx, fails redirects and other 4xx", () => {
    expect(judgeAnswer(200, "ok")).toEqual({ kind: "delivered", detail: "delivered" });
    expect(judgeAnswer(204, "")).toEqual({ kind: "delivered", detail: "delivered" });
    expect(judgeAnswer(429, "")).toMatchObject({ kind: "retry" });
    expect(judgeAnswer(503, "busy")).toEqual({ kind: "retry", detail: "answered 503: busy" });
    expect(judgeAnswer(302, "")).toEqual({
      kind: "failed",
      detail: "answered 302 (a redirect, not followed: give the final URL)",
    });
    expect(judgeAnswer(400, "invalid_blocks")).toEqual({
      kind: "failed",
      detail: "answered 400: invalid_blocks",
    });
    expect(judgeAnswer(404, "no_service")).toMatchObject({
      kind: "failed",
      detail: expect.stringContaining("make a new one"),
    });
  });

  it("says a 202 was accepted, not delivered: a Teams workflow answers 202 before it posts, and may fail after", () => {
    expect(judgeAnswer(202, "")).toEqual({
      kind: "delivered",
      detail: "accepted (202): queued by the receiver, not confirmed as posted",
    });
  });

  it("quotes a short text answer on one line, and leaves HTML pages out", () => {
    expect(judgeAnswer(500, "<html><body>oops</body></html>")).toEqual({
      kind: "retry",
      detail: "answered 500",
    });
    const long = judgeAnswer(400, `line one\nline two ${"x".repeat(300)}`);
    expect(long.kind === "failed" && long.detail.length).toBeLessThan(140);
    expect(long.kind === "failed" && long.detail).toContain("line one line two");
  });

  it("redacts what the receiver said before shortening it, and never its own sentence", () => {
    const token = "tok-0123456789abcdef";
    const redact = (text: string) => text.split(token).join("***");
    const answer = judgeAnswer(401, `${"x".repeat(110)} ${token}`, redact);
    expect(answer).toEqual({
      kind: "failed",
      detail: `answered 401: ${"x".repeat(110)} *** (the receiver refused the URL's credentials or token)`,
    });
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  it("reads seconds and HTTP dates, and gives null for nothing readable", () => {
    expect(retryAfterMs("1", now)).toBe(1000);
    expect(retryAfterMs(["120"], now)).toBe(120_000);
    expect(retryAfterMs("Sun, 01 Jun 2025 12:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("Sun, 01 Jun 2025 11:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs("-1", now)).toBeNull();
  });
});

describe("backoffDelay", () => {
  it("doubles from the base, within 75% to 125% of it", () => {
    expect(backoffDelay(1000, 1, 0)).toBe(750);
    expect(backoffDelay(1000, 1, 0.5)).toBe(1000);
    expect(backoffDelay(1000, 2, 0.5)).toBe(2000);
    expect(backoffDelay(1000, 3, 0.999)).toBeLessThanOrEqual(5000);
  });
});

describe("nextTry", () => {
  const after = { detail: "answered 429 (too many requests)", attempts: 1, tries: 3, backoffMs: 1000 };

  it("waits as asked, else the backoff, when another try fits before the deadline", () => {
    expect(nextTry({ ...after, askedMs: 2000, leftMs: 14_000 })).toEqual({ kind: "wait", ms: 2000 });
    expect(nextTry({ ...after, askedMs: null, leftMs: 14_000 })).toEqual({ kind: "wait", ms: 1000 });
  });

  it("stops at once when the wait would pass the deadline, saying which wait and what was left", () => {
    expect(nextTry({ ...after, askedMs: 30_000, leftMs: 14_200 })).toEqual({
      kind: "stop",
      detail:
        "answered 429 (too many requests), and asked to come back in 30 s (Retry-After), past the notifications' deadline (15 s left): not retried",
    });
    expect(nextTry({ ...after, askedMs: 1e24, leftMs: 0 })).toMatchObject({
      detail: expect.stringContaining(
        "come back in a day or more (Retry-After), past the notifications' deadline (0 s left)",
      ),
    });
    expect(nextTry({ ...after, askedMs: null, leftMs: 800 })).toEqual({
      kind: "stop",
      detail:
        "answered 429 (too many requests) (1 try; no time left for another try before the notifications' deadline)",
    });
  });

  it("stops after the last try", () => {
    expect(nextTry({ ...after, attempts: 3, askedMs: 1000, leftMs: 10_000 })).toEqual({
      kind: "stop",
      detail: "answered 429 (too many requests) (3 tries)",
    });
  });
});

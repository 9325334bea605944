import { describe, expect, it } from "vitest";
import { jsonEquals, lookupJson, parseJsonPath } from "../../src/core/smoke/json-path.ts";
import { createResponseJudge, type ResponseRecord } from "../../src/core/smoke/judge-response.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { HttpCheck } from "../../src/core/smoke/types.ts";

function judgeFor(
  fields: string,
): (response: Partial<ResponseRecord>) => ReturnType<ReturnType<typeof createResponseJudge>> {
  const check = parseChecks(`- name: c\n  http: http://127.0.0.1/\n${fields}`, "checks")
    .checks[0] as HttpCheck;
  const judge = createResponseJudge(check);
  return (response) => judge({ status: 200, body: "", truncated: false, capBytes: 1024, ...response });
}

describe("json paths", () => {
  const document = {
    version: "1.2.3",
    build: { sha: "abc", "a.b": 1 },
    items: [{ id: 7 }],
    "x/y": { "~t": true },
  };

  it.each([
    ["version", "1.2.3"],
    ["build.sha", "abc"],
    ["/build/sha", "abc"],
    ["/build/a.b", 1],
    ["items.0.id", 7],
    ["/items/0/id", 7],
    ["/x~1y/~0t", true],
  ])("%s finds %j", (path, value) => {
    const parsed = parseJsonPath(path);
    expect(parsed).not.toBeNull();
    expect(lookupJson(document, parsed!)).toEqual({ found: true, value });
  });

  it.each([
    ["missing", "missing"],
    ["build.nope", "build.nope"],
    ["items.1.id", "items.1"],
    ["items.01", "items.01"],
    ["version.length", "version.length"],
    ["build.constructor", "build.constructor"],
  ])("%s is missing at %s", (path, missingAt) => {
    expect(lookupJson(document, parseJsonPath(path)!)).toEqual({ found: false, missingAt });
  });

  it("rejects malformed paths", () => {
    expect(parseJsonPath("")).toBeNull();
    expect(parseJsonPath("a..b")).toBeNull();
    expect(parseJsonPath(".a")).toBeNull();
    expect(parseJsonPath("/a~2")).toBeNull();
    expect(parseJsonPath("/")).toEqual({ text: "/", segments: [""] });
  });

  it("compares JSON values strictly and deeply", () => {
    expect(jsonEquals({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEquals("2", 2)).toBe(false);
    expect(jsonEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEquals([1, 2], [2, 1])).toBe(false);
    expect(jsonEquals(null, {})).toBe(false);
  });
});

describe("judging a response", () => {
  it("accepts any 2xx by default and names the status otherwise", () => {
    const judge = judgeFor("");
    expect(judge({ status: 204 })).toEqual({ pass: true, cause: null, detail: "status 204" });
    expect(judge({ status: 500, body: "boom" })).toEqual({
      pass: false,
      cause: "status",
      detail: 'status 500, expected 2xx; body starts "boom"',
    });
    expect(judge({ status: 301 }).cause).toBe("status");
  });

  it("checks a status list", () => {
    const judge = judgeFor("  status: [200, 503]\n");
    expect(judge({ status: 503 }).pass).toBe(true);
    expect(judge({ status: 204 }).detail).toBe("status 204, expected 200 or 503");
  });

  it("checks body substrings and a regex", () => {
    const judge = judgeFor("  body-contains: [ok, ready]\n  body-matches: '^status: (ok|fine)'\n");
    expect(judge({ body: "status: ok ready" }).pass).toBe(true);
    expect(judge({ body: "status: ok" })).toMatchObject({
      cause: "body",
      detail: 'body does not contain "ready"; body starts "status: ok"',
    });
    expect(judge({ body: "ready ok" })).toMatchObject({ cause: "body" });
    expect(judge({ body: "ready ok" }).detail).toContain("does not match /^status: (ok|fine)/");
  });

  it("says when a body was cut at the read cap", () => {
    const judge = judgeFor("  body-contains: end\n");
    expect(judge({ body: "start", truncated: true, capBytes: 1024 * 1024 }).detail).toContain(
      "only the first 1 MiB of the body was read",
    );
  });

  it("checks JSON fields with types", () => {
    const judge = judgeFor("  json: { version: '1.2.3', /build/ok: true }\n");
    expect(judge({ body: '{"version":"1.2.3","build":{"ok":true}}' }).pass).toBe(true);
    expect(judge({ body: '{"version":"1.2.2","build":{"ok":true}}' })).toEqual({
      pass: false,
      cause: "json",
      detail: 'version: "1.2.2", expected "1.2.3"',
    });
    expect(judge({ body: '{"version":1.2,"build":{"ok":true}}' }).detail).toBe(
      'version: 1.2 (number), expected "1.2.3"',
    );
    expect(judge({ body: '{"version":"1.2.3"}' }).detail).toBe(
      "/build/ok: missing (no field at build), expected true (boolean)",
    );
    expect(judge({ body: "<html>" })).toMatchObject({ cause: "json" });
    expect(judge({ body: "<html>" }).detail).toMatch(/^body is not JSON \(.*\); body starts "<html>"$/);
    expect(judge({ body: '{"version":"1.2.3"', truncated: true }).detail).toContain(
      "too large to read as JSON",
    );
  });

  it("checks the status before the body", () => {
    const judge = judgeFor("  json: { version: '1' }\n");
    expect(judge({ status: 500, body: '{"version":"1"}' }).cause).toBe("status");
  });
});

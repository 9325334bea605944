// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR}` templates and shell expansions are the data under test.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { CommandCheck, HttpCheck, PrometheusCheck } from "../../src/core/smoke/types.ts";
import { ShipguardError } from "../../src/errors.ts";

const example = readFileSync(new URL("../fixtures/smoke/issue-example.yml", import.meta.url), "utf8");

function parseError(yaml: string): ShipguardError {
  try {
    parseChecks(yaml, "checks");
  } catch (error) {
    expect(error).toBeInstanceOf(ShipguardError);
    return error as ShipguardError;
  }
  throw new Error("expected parseChecks to throw");
}

describe("parseChecks: the format of the issue, as written", () => {
  const suite = parseChecks(example, "checks-file smoke.yml");

  it("reads the settings", () => {
    expect(suite.settings).toEqual({
      deadlineMs: 120_000,
      warmupMs: 0,
      retryIntervalMs: 1000,
      maxRetryIntervalMs: 10_000,
      backoffFactor: 2,
      jitter: 0.2,
      consecutivePasses: 2,
      maxConcurrency: 64,
    });
    expect(suite.source).toBe("checks-file smoke.yml");
  });

  it("reads each check with its kind and defaults", () => {
    expect(suite.checks.map((check) => [check.name, check.kind])).toEqual([
      ["health", "http"],
      ["version", "http"],
      ["latency", "http"],
      ["error rate", "prometheus"],
      ["migrations applied", "command"],
    ]);
    const health = suite.checks[0] as HttpCheck;
    expect(health).toMatchObject({
      url: "https://app.example.com/health",
      method: "GET",
      statuses: [200],
      bodyContains: ["ok"],
      timeoutMs: 2000,
      maxRedirects: 5,
      insecure: false,
      line: 3,
      schedule: { mode: "retry", consecutivePasses: 2, retryIntervalMs: 1000 },
      sampling: { requests: 1, concurrency: 1, minSuccessRate: 1, maxP95Ms: null, maxP99Ms: null },
    });
    const version = suite.checks[1] as HttpCheck;
    expect(version.statuses).toBeNull();
    expect(version.timeoutMs).toBe(5000);
    expect(version.json).toEqual([
      { path: { text: "version", segments: ["version"] }, expected: "${SHIPGUARD_VERSION}" },
    ]);
    const latency = suite.checks[2] as HttpCheck;
    expect(latency.sampling).toEqual({
      requests: 50,
      concurrency: 10,
      minSuccessRate: 0.99,
      maxP95Ms: 500,
      maxP99Ms: null,
    });
    const errorRate = suite.checks[3] as PrometheusCheck;
    expect(errorRate).toMatchObject({
      url: "http://127.0.0.1:9090",
      query: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
      max: 0.01,
      min: null,
      noData: "inconclusive",
      timeoutMs: 10_000,
    });
    const migrations = suite.checks[4] as CommandCheck;
    expect(migrations).toMatchObject({
      command: "./scripts/check-migrations.sh",
      cwd: null,
      timeoutMs: 60_000,
    });
  });

  it("accepts a bare list of checks with default settings", () => {
    const bare = parseChecks("- name: up\n  http: http://127.0.0.1:8080/\n", "checks");
    expect(bare.settings.deadlineMs).toBe(120_000);
    expect(bare.settings.consecutivePasses).toBe(1);
    expect(bare.checks).toHaveLength(1);
  });
});

describe("parseChecks: every key of every kind", () => {
  it("reads all http keys", () => {
    const suite = parseChecks(
      `
- name: all
  http: https://127.0.0.1:8443/api
  method: post
  headers: { Authorization: "Bearer s3cret", X-Trace: "on" }
  body: '{"ping":true}'
  status: [200, 201, 200]
  body-contains: [ok, ready]
  body-matches: "v[0-9]+"
  json: { /build/sha: abc, items.0.id: 7, ok: true }
  insecure: true
  max-redirects: 0
  requests: 20
  concurrency: 50
  min-success-rate: 0.9
  max-p95-ms: 250
  max-p99-ms: 400.5
  timeout-ms: 800
  consecutive-passes: 3
`,
      "checks",
    );
    const check = suite.checks[0] as HttpCheck;
    expect(check).toMatchObject({
      method: "POST",
      headers: { Authorization: "Bearer s3cret", "X-Trace": "on" },
      body: '{"ping":true}',
      statuses: [200, 201],
      bodyContains: ["ok", "ready"],
      bodyMatches: "v[0-9]+",
      insecure: true,
      maxRedirects: 0,
      timeoutMs: 800,
      schedule: { mode: "retry", consecutivePasses: 3 },
      // concurrency is capped at the number of requests
      sampling: { requests: 20, concurrency: 20, minSuccessRate: 0.9, maxP95Ms: 250, maxP99Ms: 400.5 },
    });
    expect(check.json).toEqual([
      { path: { text: "/build/sha", segments: ["build", "sha"] }, expected: "abc" },
      { path: { text: "items.0.id", segments: ["items", "0", "id"] }, expected: 7 },
      { path: { text: "ok", segments: ["ok"] }, expected: true },
    ]);
  });

  it("reads all prometheus keys", () => {
    const suite = parseChecks(
      `
- name: p
  prometheus: https://prom.internal:9090/prefix/
  query: up
  min: 1
  max: 3
  no-data: fail
  headers: { Authorization: "Basic abc" }
  insecure: true
  timeout-ms: 1500
`,
      "checks",
    );
    expect(suite.checks[0]).toMatchObject({
      kind: "prometheus",
      min: 1,
      max: 3,
      noData: "fail",
      insecure: true,
      timeoutMs: 1500,
    });
  });

  it("reads the command keys", () => {
    const suite = parseChecks(
      "- name: c\n  command: test -f ready\n  cwd: /srv/app\n  timeout-ms: 100\n",
      "checks",
    );
    expect(suite.checks[0]).toMatchObject({
      kind: "command",
      command: "test -f ready",
      cwd: "/srv/app",
      timeoutMs: 100,
    });
  });

  it("reads an analysis window", () => {
    const suite = parseChecks(
      `
settings: { deadline-ms: 400000, warmup-ms: 30000 }
checks:
  - name: watch
    prometheus: http://127.0.0.1:9090
    query: x
    max: 0.01
    interval-ms: 30000
    duration-ms: 300000
    failure-limit: 1
`,
      "checks",
    );
    expect(suite.checks[0]?.schedule).toEqual({
      mode: "window",
      intervalMs: 30_000,
      durationMs: 300_000,
      failureLimit: 1,
    });
  });

  it("reads every setting", () => {
    const suite = parseChecks(
      `
settings:
  deadline-ms: 5000
  warmup-ms: 100
  retry-interval-ms: 200
  max-retry-interval-ms: 1000
  backoff-factor: 1.5
  jitter: 0
  consecutive-passes: 3
checks:
  - { name: a, command: "true" }
`,
      "checks",
    );
    expect(suite.settings).toEqual({
      deadlineMs: 5000,
      warmupMs: 100,
      retryIntervalMs: 200,
      maxRetryIntervalMs: 1000,
      backoffFactor: 1.5,
      jitter: 0,
      consecutivePasses: 3,
      maxConcurrency: 64,
    });
  });
});

describe("parseChecks: strict validation, with the check, key, line and remedy named", () => {
  it("rejects an unknown key and suggests the right one", () => {
    const error = parseError("- name: health\n  http: http://127.0.0.1/\n  stauts: 200\n");
    expect(error.code).toBe("SG_CHECKS_UNKNOWN_KEY");
    expect(error.message).toBe('checks: line 3: check "health": unknown key `stauts`');
    expect(error.remedy).toContain("use one of the keys of an http check: name, timeout-ms");
    expect(error.remedy).toContain("Did you mean `status`?");
    expect(error.input).toBe("checks");
  });

  it.each([
    ["timeout", "timeout-ms"],
    ["bodyContains", "body-contains"],
    ["interval", "interval-ms"],
    ["url", null],
  ])("suggests %s -> %s", (key, suggestion) => {
    const error = parseError(`- name: h\n  http: http://127.0.0.1/\n  ${key}: 1\n`);
    expect(error.code).toBe("SG_CHECKS_UNKNOWN_KEY");
    expect(error.message).toContain(`unknown key \`${key}\``);
    if (suggestion === null) expect(error.remedy).not.toContain("Did you mean");
    else expect(error.remedy).toContain(`Did you mean \`${suggestion}\`?`);
  });

  it("rejects keys of another kind", () => {
    const error = parseError("- name: c\n  command: 'true'\n  status: 200\n");
    expect(error.code).toBe("SG_CHECKS_UNKNOWN_KEY");
    expect(error.message).toContain('check "c": unknown key `status`');
    expect(error.remedy).toContain("keys of a command check");
  });

  it("rejects unknown settings and top-level keys", () => {
    expect(parseError("settings: { deadline: 5 }\nchecks: [{ name: a, command: x }]\n").code).toBe(
      "SG_CHECKS_UNKNOWN_KEY",
    );
    expect(parseError("settings: { deadline: 5 }\nchecks: [{ name: a, command: x }]\n").message).toContain(
      "settings: unknown key `deadline`",
    );
    expect(parseError("setings: {}\nchecks: [{ name: a, command: x }]\n").remedy).toContain(
      "Did you mean `settings`?",
    );
  });

  it.each([
    ["- http: http://127.0.0.1/\n", "check #1: has no `name`"],
    ["- name: a\n  timeout-ms: 5\n", 'check "a": has no kind'],
    ["- name: a\n  http: http://x/\n  command: y\n", 'check "a": has more than one kind (http, command)'],
    [
      "- { name: a, command: x }\n- { name: a, command: y }\n",
      'check "a": the name is already used by the check at line 1',
    ],
    ["- name: a\n  http: ftp://127.0.0.1/\n", "`http` uses ftp:"],
    ["- name: a\n  http: not a url\n", "`http` is not an absolute URL"],
    ["- name: a\n  http: http://user:pw@127.0.0.1/\n", "`http` holds a user name or password"],
    ["- name: a\n  http: http://127.0.0.1/\n  status: 99\n", "each status must be between 100 and 599"],
    ["- name: a\n  http: http://127.0.0.1/\n  status: '200'\n", "each status must be a number"],
    ["- name: a\n  http: http://127.0.0.1/\n  status: []\n", "`status` is an empty list"],
    ["- name: a\n  http: http://127.0.0.1/\n  timeout-ms: 1.5\n", "`timeout-ms` must be a whole number"],
    ["- name: a\n  http: http://127.0.0.1/\n  timeout-ms: 0\n", "`timeout-ms` must be between 1 and"],
    [
      "settings: { max-concurrency: 0 }\nchecks:\n  - { name: a, command: 'true' }\n",
      "`max-concurrency` must be between 1 and 256",
    ],
    ["- name: a\n  http: http://127.0.0.1/\n  method: FETCH\n", '`method` is "FETCH"'],
    ["- name: a\n  http: http://127.0.0.1/\n  body: x\n", "`body` cannot be sent with GET"],
    ["- name: a\n  http: http://127.0.0.1/\n  insecure: 'yes'\n", "`insecure` must be true or false"],
    [
      "- name: a\n  http: http://127.0.0.1/\n  headers: { X-Port: 5 }\n",
      "`headers.X-Port` must be text, got number 5",
    ],
    ["- name: a\n  http: http://127.0.0.1/\n  headers: [a]\n", "`headers` must be a mapping"],
    [
      "- name: a\n  http: http://127.0.0.1/\n  headers: { Content-Length: '5' }\n",
      "sets `Content-Length`, which the HTTP client manages",
    ],
    ["- name: a\n  http: http://127.0.0.1/\n  headers: { 'Bad Name': x }\n", "invalid header name"],
    [
      "- name: a\n  http: http://127.0.0.1/\n  body-matches: '(['\n",
      "`body-matches` is not a valid regular expression",
    ],
    ["- name: a\n  http: http://127.0.0.1/\n  json: [version]\n", "`json` must be a mapping of field paths"],
    ["- name: a\n  http: http://127.0.0.1/\n  json: { 'a..b': 1 }\n", 'invalid field path "a..b"'],
    [
      "- name: a\n  http: http://127.0.0.1/\n  min-success-rate: 2\n",
      "`min-success-rate` must be between 0 and 1",
    ],
    [
      "- name: a\n  http: http://127.0.0.1/\n  max-redirects: 50\n",
      "`max-redirects` must be between 0 and 20",
    ],
    ["- name: a\n  http: 'http://127.0.0.1/${VERSION'\n", "without its closing"],
    ["- name: a\n  http: 'http://127.0.0.1/${1X}'\n", "`${1X}`, which is not a variable name"],
    ["- name: a\n  prometheus: http://127.0.0.1:9090\n  query: up\n", "`query` has no threshold"],
    ["- name: a\n  prometheus: http://127.0.0.1:9090\n  max: 1\n", "`query` is missing or empty"],
    [
      "- name: a\n  prometheus: http://127.0.0.1:9090\n  query: up\n  max: 1\n  min: 2\n",
      "`min` (2) is above max (1)",
    ],
    [
      "- name: a\n  prometheus: http://127.0.0.1:9090\n  query: up\n  max: 1\n  no-data: ignore\n",
      '`no-data` is "ignore"',
    ],
    ["- name: a\n  command: ''\n", "`command` is missing or empty"],
    ["- name: a\n  command: 5\n", "`command` must be text"],
    [
      "- name: a\n  command: x\n  duration-ms: 1000\n  interval-ms: 2000\n",
      "`interval-ms` (2000) is longer than duration-ms (1000)",
    ],
    ["- name: a\n  command: x\n  failure-limit: 1\n", "needs `duration-ms`"],
    [
      "- name: a\n  command: x\n  duration-ms: 1000\n  consecutive-passes: 2\n",
      "`consecutive-passes` does not apply to an analysis window",
    ],
    [
      "settings: { deadline-ms: 1000 }\nchecks:\n  - name: a\n    command: x\n    duration-ms: 5000\n",
      "ends after deadline-ms (1000)",
    ],
    [
      "settings: { deadline-ms: 1000, warmup-ms: 1000 }\nchecks: [{ name: a, command: x }]\n",
      "leaves no time before deadline-ms",
    ],
    ["settings: { jitter: 2 }\nchecks: [{ name: a, command: x }]\n", "`jitter` must be between 0 and 1"],
    [
      "settings: { retry-interval-ms: 5000, max-retry-interval-ms: 1000 }\nchecks: [{ name: a, command: x }]\n",
      "is below retry-interval-ms",
    ],
    ["checks: []\n", "`checks` must be a non-empty list"],
    ["settings: {}\n", "`checks` must be a non-empty list"],
    ["", "the checks: are empty"],
    ["just text\n", "must be a list of checks or a mapping"],
    ["- [a]\n", "check #1: must be a mapping"],
    ["- name: a\n  command: x\n  command: y\n", "not valid YAML"],
    ["- name: 'a\n", "not valid YAML"],
  ])("rejects %j", (yaml, message) => {
    const error = parseError(yaml);
    expect(error.code).toBe(message === "not valid YAML" ? "SG_CHECKS_YAML" : "SG_CHECKS_INVALID");
    expect(error.message).toContain(message);
    expect(error.remedy.length).toBeGreaterThan(10);
  });

  it("names the line of the offending key", () => {
    const error = parseError("checks:\n  - name: a\n    http: http://127.0.0.1/\n\n    timeout-ms: -1\n");
    expect(error).toMatchObject({ code: "SG_CHECKS_INVALID", input: "checks" });
    expect(error.message).toMatch(/^checks: line 5: check "a": `timeout-ms`/);
  });

  it("never echoes a header value in an error", () => {
    const error = parseError('- name: a\n  http: http://127.0.0.1/\n  headers: { X-Token: "sec\\nret" }\n');
    expect(error.message).toContain("holds a line break");
    expect(error.message).not.toContain("sec");
  });

  it("keeps a __proto__ key of expected JSON as a plain field", () => {
    const suite = parseChecks(
      "- name: a\n  http: http://127.0.0.1/\n  json: { a: { __proto__: 1 } }\n",
      "checks",
    );
    const expected = (suite.checks[0] as HttpCheck).json[0]?.expected as object;
    expect(Object.keys(expected)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(expected)).toBe(Object.prototype);
  });

  it("stops a YAML alias bomb", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "checks: [*d]",
    ].join("\n");
    expect(() => parseChecks(bomb, "checks")).toThrow(ShipguardError);
    expect(() => parseChecks(bomb, "checks")).toThrow(expect.objectContaining({ code: "SG_CHECKS_YAML" }));
  });
});

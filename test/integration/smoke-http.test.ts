import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpProbe } from "../../src/adapters/probes/http-probe.ts";
import { httpRequest } from "../../src/adapters/probes/http-request.ts";
import { runSmoke } from "../../src/adapters/probes/run-smoke.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { CheckReport, SmokeReport } from "../../src/ports.ts";
import { loopbackLookup, refusedPort, startServer, type TestServer } from "../fixtures/smoke/loopback.ts";
import { until } from "../helpers/wait.ts";

let server: TestServer;
let port = 0;
let refused = 0;
const trickles = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = await startServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    switch (url.pathname) {
      case "/health":
        response.writeHead(200, { "content-type": "text/plain" }).end("ok");
        return;
      case "/version":
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ version: "1.2.3", build: { sha: "abc" } }));
        return;
      case "/boom":
        response.writeHead(500).end("internal error");
        return;
      case "/hang":
        // Accepts the connection and never answers.
        return;
      case "/trickle": {
        // Headers at once, then one byte every 50 ms, forever: only a whole-exchange timeout ends it.
        response.writeHead(200, { "content-type": "text/plain" });
        const timer = setInterval(() => response.write("."), 50);
        trickles.add(timer);
        response.on("close", () => {
          clearInterval(timer);
          trickles.delete(timer);
        });
        return;
      }
      case "/huge": {
        // 8 MiB in 64 KiB chunks; the client must stop reading at its cap.
        response.writeHead(200, { "content-type": "text/plain" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const pump = (): void => {
          while (sent < 128) {
            sent += 1;
            if (!response.write(chunk)) {
              response.once("drain", pump);
              return;
            }
          }
          response.end("needle");
        };
        pump();
        return;
      }
      case "/echo":
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(
            JSON.stringify({ method: request.method, authorization: request.headers.authorization ?? null }),
          );
        return;
      case "/slow":
        setTimeout(() => response.writeHead(200).end("ok"), Number(url.searchParams.get("ms") ?? "0"));
        return;
      default:
        response.writeHead(404).end("not found");
    }
  });
  port = server.port;
  refused = await refusedPort();
});

afterAll(async () => {
  await server.close();
  for (const timer of trickles) clearInterval(timer);
});

const probes = { http: createHttpProbe({ lookup: loopbackLookup }) };

function run(yaml: string, env: Record<string, string> = {}): Promise<SmokeReport> {
  return runSmoke(parseChecks(yaml, "checks"), { env, probes });
}

function byName(report: SmokeReport, name: string): CheckReport {
  const check = report.checks.find((item) => item.name === name);
  if (check === undefined) throw new Error(`no check ${name}`);
  return check;
}

describe("every failure mode at once, each labelled by cause", () => {
  let report: SmokeReport;
  let wallMs = 0;
  let paths: string[] = [];

  beforeAll(async () => {
    const seenBefore = server.requests.length;
    const started = performance.now();
    report = await run(
      `
settings: { deadline-ms: 1500, retry-interval-ms: 100, consecutive-passes: 1 }
checks:
  - { name: healthy, http: "http://127.0.0.1:${port}/health", status: 200, body-contains: ok }
  - { name: error 500, http: "http://127.0.0.1:${port}/boom", status: 200 }
  - { name: hang, http: "http://127.0.0.1:${port}/hang", timeout-ms: 300 }
  - { name: trickle, http: "http://127.0.0.1:${port}/trickle", timeout-ms: 300 }
  - { name: refused, http: "http://127.0.0.1:${refused}/health" }
  - { name: dns, http: "http://no-such-host.invalid:${port}/health" }
  - { name: version, http: "http://127.0.0.1:${port}/version", json: { version: "\${SHIPGUARD_VERSION}" } }
  - { name: right version, http: "http://localhost:${port}/version", json: { version: "1.2.3", /build/sha: abc } }
  - { name: body, http: "http://127.0.0.1:${port}/health", body-matches: "^ready$" }
`,
      { SHIPGUARD_VERSION: "1.2.4" },
    );
    wallMs = performance.now() - started;
    paths = server.requests
      .slice(seenBefore)
      .map((request) => new URL(request.url ?? "/", "http://x").pathname);
  });

  it("gives the suite verdict and counts", () => {
    expect(report.verdict).toBe("fail");
    expect(report.counts).toEqual({ pass: 2, fail: 7, inconclusive: 0 });
    expect(report.checks.map((check) => [check.name, check.verdict, check.cause])).toEqual([
      ["healthy", "pass", null],
      ["error 500", "fail", "status"],
      ["hang", "fail", "timeout"],
      ["trickle", "fail", "timeout"],
      ["refused", "fail", "refused"],
      ["dns", "fail", "dns"],
      ["version", "fail", "json"],
      ["right version", "pass", null],
      ["body", "fail", "body"],
    ]);
  });

  it("runs the checks concurrently within the deadline", () => {
    // Each failing check is retried until the 1.5 s deadline, so one after another only the first
    // would have been retried: three of them retrying, and every path asked, means all ran at once.
    for (const name of ["error 500", "hang", "trickle"])
      expect(byName(report, name).attempts).toBeGreaterThan(1);
    expect(new Set(paths)).toEqual(new Set(["/health", "/boom", "/hang", "/trickle", "/version"]));
    // A real deadline over real sockets: the upper bound is only a sanity check, far above the
    // 1.5 s deadline and below the checks' own timeouts (the details say the deadline ended them).
    expect(wallMs).toBeLessThan(10_000);
  });

  it("explains each failure", () => {
    expect(byName(report, "healthy")).toMatchObject({
      attempts: 1,
      detail: expect.stringMatching(/^status 200 with the expected body in [\d.]+ ms$/),
    });
    expect(byName(report, "error 500").detail).toMatch(
      /^status 500, expected 200; body starts "internal error" \(no pass before the deadline, \d+ attempts\)$/,
    );
    expect(byName(report, "hang").detail).toContain(
      "within 300 ms: timed out while waiting for response headers",
    );
    expect(byName(report, "trickle").detail).toMatch(
      /timed out while reading the body \(\d+ bytes received\)/,
    );
    expect(byName(report, "refused").detail).toContain(`connection refused by http://127.0.0.1:${refused}`);
    expect(byName(report, "dns").detail).toContain("DNS lookup of http://no-such-host.invalid");
    expect(byName(report, "dns").detail).toContain("ENOTFOUND");
    expect(byName(report, "version").detail).toContain('version: "1.2.3", expected "1.2.4"');
    // Failures were retried until the deadline; a pass stopped at once.
    expect(byName(report, "error 500").attempts).toBeGreaterThan(3);
    expect(byName(report, "hang").attempts).toBeGreaterThanOrEqual(2);
  });

  it("records timings per check", () => {
    const healthy = byName(report, "healthy");
    const timings = healthy.timings.lastAttempt;
    expect(timings).not.toBeNull();
    expect(timings?.connectMs).toBeGreaterThan(0);
    expect(timings?.ttfbMs).toBeGreaterThanOrEqual(timings?.connectMs ?? 0);
    expect(timings?.totalMs).toBeGreaterThanOrEqual(timings?.ttfbMs ?? 0);
    expect(timings?.tlsMs).toBeNull();
    expect(byName(report, "hang").timings.elapsedMs).toBeGreaterThan(1000);
    // The report is plain JSON.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe("the HTTP exchange", () => {
  const base = {
    method: "GET",
    headers: {},
    body: null,
    timeoutMs: 2000,
    signal: new AbortController().signal,
    insecure: false,
    maxRedirects: 5,
    maxBodyBytes: 1024 * 1024,
  };

  it("caps the body it reads, so a huge answer cannot exhaust memory", async () => {
    const exchange = await httpRequest({ ...base, url: `http://127.0.0.1:${port}/huge` });
    expect(exchange.ok).toBe(true);
    if (!exchange.ok) return;
    expect(exchange.truncated).toBe(true);
    expect(exchange.body.length).toBe(1024 * 1024);
  });

  it("fails a body check past the cap and says so", async () => {
    const report = await run(`
settings: { deadline-ms: 800, retry-interval-ms: 100 }
checks:
  - { name: huge, http: "http://127.0.0.1:${port}/huge", body-contains: needle }
  - { name: huge json, http: "http://127.0.0.1:${port}/huge", json: { a: 1 } }
  - { name: huge status, http: "http://127.0.0.1:${port}/huge" }
`);
    expect(byName(report, "huge")).toMatchObject({ verdict: "fail", cause: "body" });
    expect(byName(report, "huge").detail).toContain("only the first 1 MiB of the body was read");
    expect(byName(report, "huge json")).toMatchObject({ verdict: "fail", cause: "json" });
    expect(byName(report, "huge status")).toMatchObject({ verdict: "pass" });
  });

  it("sends the method, headers and body written in the check", async () => {
    const report = await run(
      `
- name: post
  http: "http://127.0.0.1:${port}/echo"
  method: POST
  body: '{"x":1}'
  headers: { Authorization: "Bearer \${TOKEN}", Content-Type: application/json }
  json: { method: POST, authorization: "Bearer \${TOKEN}" }
`,
      { TOKEN: "t0ken-value" },
    );
    expect(report.verdict).toBe("pass");
    const seen = server.requests.at(-1);
    expect(seen?.headers["content-type"]).toBe("application/json");
    expect(seen?.headers["content-length"]).toBe("7");
  });

  it("masks header values in details", async () => {
    const report = await run(
      `
settings: { deadline-ms: 300, retry-interval-ms: 1000 }
checks:
  - name: leak
    http: "http://127.0.0.1:${port}/echo"
    headers: { Authorization: "Bearer \${TOKEN}" }
    body-contains: nothing-like-this
`,
      { TOKEN: "super-secret-token" },
    );
    expect(report.checks[0]?.cause).toBe("body");
    expect(report.checks[0]?.detail).not.toContain("super-secret-token");
    expect(report.checks[0]?.detail).toContain("***");
  });

  it("samples requests with success rate and percentiles", async () => {
    const report = await run(`
settings: { deadline-ms: 700, retry-interval-ms: 1000 }
checks:
  - name: sampled
    http: "http://127.0.0.1:${port}/slow?ms=5"
    requests: 40
    concurrency: 8
    min-success-rate: 1
    max-p95-ms: 1000
  - name: too slow
    http: "http://127.0.0.1:${port}/slow?ms=60"
    requests: 10
    max-p95-ms: 20
`);
    const sampled = byName(report, "sampled");
    expect(sampled).toMatchObject({ verdict: "pass", attempts: 1 });
    expect(sampled.samples).toMatchObject({ requests: 40, successes: 40, successRate: 1 });
    expect(sampled.samples?.p95Ms).toBeGreaterThanOrEqual(5);
    expect(sampled.samples?.p95Ms).toBeLessThan(1000);
    expect(server.requests.filter((request) => request.url === "/slow?ms=5")).toHaveLength(40);
    // The keep-alive connections of the sample were closed with the attempt: the server sees them
    // go well before its own 5 s keep-alive timeout would close them.
    await until(() => server.openConnections() === 0, "the sample's connections to close", {
      timeoutMs: 2_000,
    });
    const slow = byName(report, "too slow");
    expect(slow).toMatchObject({ verdict: "fail", cause: "latency" });
    expect(slow.detail).toMatch(/^p95 latency [\d.]+ ms is above max-p95-ms 20/);
  });

  it("never passes a sample the deadline cut short", async () => {
    const report = await run(`
settings: { deadline-ms: 300 }
checks:
  - { name: cut, http: "http://127.0.0.1:${port}/slow?ms=20", requests: 100, concurrency: 1, min-success-rate: 0.5 }
`);
    expect(report.checks[0]).toMatchObject({ verdict: "fail", cause: "timeout", attempts: 1 });
    expect(report.checks[0]?.detail).toMatch(/^stopped after \d+ of 100 requests/);
  });

  it("reports a partly failing sample set by success rate", async () => {
    let count = 0;
    const flaky = await startServer((_request, response) => {
      count += 1;
      response.writeHead(count % 4 === 0 ? 503 : 200).end("x");
    });
    try {
      const report = await run(`
settings: { deadline-ms: 400, retry-interval-ms: 1000 }
checks:
  - name: flaky
    http: "${flaky.url}/"
    requests: 20
    concurrency: 1
    min-success-rate: 0.9
`);
      expect(report.checks[0]).toMatchObject({ verdict: "fail", cause: "success-rate" });
      expect(report.checks[0]?.detail).toContain(
        "success rate 0.75 (15 of 20) is below 0.9; failures: status x5",
      );
    } finally {
      await flaky.close();
    }
  });
});

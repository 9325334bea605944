import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrometheusProbe } from "../../src/adapters/probes/prometheus-probe.ts";
import { runSmoke } from "../../src/adapters/probes/run-smoke.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { SmokeReport } from "../../src/ports.ts";
import { loopbackLookup, refusedPort, startServer, type TestServer } from "../fixtures/smoke/loopback.ts";
import { until } from "../helpers/wait.ts";

/**
 * A real Prometheus (Debian's `prometheus` package) on loopback, scraping a test app on loopback
 * every second. The app serves two services' request counters: "good" (no errors) and "bad"
 * (10% errors), both growing at each scrape, so a real rate() error-rate query has data.
 */

function findPrometheus(): string | null {
  for (const dir of [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/local/bin"]) {
    const candidate = join(dir, "prometheus");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

const binary = findPrometheus();
if (binary === null) {
  console.warn(
    "smoke-prometheus: SKIPPED, the prometheus binary is not installed (apt-get install -y prometheus to run these tests)",
  );
}

const errorRate = (app: string): string =>
  `sum(rate(http_requests_total{app="${app}",code=~"5.."}[15s])) / sum(rate(http_requests_total{app="${app}"}[15s]))`;

describe.skipIf(binary === null)("a real Prometheus answering an error-rate query", () => {
  let app: TestServer;
  let prometheus: ChildProcess;
  let prometheusUrl = "";
  let dir = "";
  let prometheusLog = "";

  beforeAll(async () => {
    let scrapes = 0;
    app = await startServer((request, response) => {
      if (request.url !== "/metrics") {
        response.writeHead(404).end();
        return;
      }
      scrapes += 1;
      const lines = [
        "# HELP http_requests_total Requests served.",
        "# TYPE http_requests_total counter",
        `http_requests_total{app="good",code="200"} ${scrapes * 100}`,
        `http_requests_total{app="good",code="500"} 0`,
        `http_requests_total{app="bad",code="200"} ${scrapes * 90}`,
        `http_requests_total{app="bad",code="500"} ${scrapes * 10}`,
        "",
      ];
      response.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(lines.join("\n"));
    });
    dir = mkdtempSync(join(tmpdir(), "shipguard-prometheus-"));
    const port = await refusedPort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(dir, "prometheus.yml"),
      [
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "scrape_configs:",
        "  - job_name: app",
        "    static_configs:",
        `      - targets: ["127.0.0.1:${app.port}"]`,
        "",
      ].join("\n"),
    );
    prometheus = spawn(
      binary as string,
      [
        `--config.file=${join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${join(dir, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
        "--log.level=warn",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    prometheus.stderr?.on("data", (chunk: Buffer) => {
      prometheusLog = (prometheusLog + chunk.toString()).slice(-4000);
    });
    // Ready once the rate() query over the bad service has two scrapes to work with: a real event
    // in another process, polled (bounded) for the condition itself rather than slept on.
    await until(
      async () => {
        if (prometheus.exitCode !== null) throw new Error(`prometheus exited: ${prometheusLog}`);
        try {
          const answer = await fetch(
            `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(errorRate("bad"))}`,
          );
          const body = (await answer.json()) as { data?: { result?: unknown[] } };
          return (body.data?.result?.length ?? 0) > 0;
        } catch {
          return false; // not listening yet
        }
      },
      "prometheus to have data for the error-rate query",
      { timeoutMs: 20_000, intervalMs: 250 },
    );
  }, 30_000);

  afterAll(async () => {
    if (prometheus !== undefined && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus.once("exit", resolve));
      prometheus.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (prometheus.exitCode === null) prometheus.kill("SIGKILL");
    }
    await app?.close();
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  async function run(checks: string): Promise<SmokeReport> {
    const suite = parseChecks(
      `settings: { deadline-ms: 3000, retry-interval-ms: 500 }\nchecks:\n${checks}`,
      "checks",
    );
    return runSmoke(suite, {
      env: {},
      probes: { prometheus: createPrometheusProbe({ lookup: loopbackLookup }) },
    });
  }

  it("passes below the threshold, fails above it, and is inconclusive without data", async () => {
    const report = await run(
      [
        `  - { name: good, prometheus: "${prometheusUrl}", query: '${errorRate("good")}', max: 0.01 }`,
        `  - { name: bad, prometheus: "${prometheusUrl}", query: '${errorRate("bad")}', max: 0.01 }`,
        `  - { name: absent, prometheus: "${prometheusUrl}", query: '${errorRate("absent")}', max: 0.01 }`,
        `  - { name: absent fails, prometheus: "${prometheusUrl}", query: 'sum(http_requests_total{app="absent"})', max: 1, no-data: fail }`,
        `  - { name: traffic, prometheus: "${prometheusUrl}", query: 'sum(http_requests_total{app="good"})', min: 100 }`,
      ].join("\n"),
    );
    expect(report.checks.map((check) => [check.name, check.verdict, check.cause])).toEqual([
      ["good", "pass", null],
      ["bad", "fail", "threshold"],
      ["absent", "inconclusive", "no-data"],
      ["absent fails", "fail", "no-data"],
      ["traffic", "pass", null],
    ]);
    expect(report.checks[0]?.value).toBe(0);
    expect(report.checks[1]?.value).toBeCloseTo(0.1, 5);
    expect(report.checks[1]?.detail).toMatch(/^value 0\.1 is above max 0\.01/);
    expect(report.checks[2]?.detail).toContain("no data (no-data: inconclusive)");
    expect(report.verdict).toBe("fail");
  }, 15_000);

  it("reports Prometheus's own error for a bad query", async () => {
    const report = await run(
      `  - { name: typo, prometheus: "${prometheusUrl}", query: 'sum(rate(http_requests_total[15s]', max: 1 }`,
    );
    expect(report.checks[0]).toMatchObject({ verdict: "inconclusive", cause: "query" });
    expect(report.checks[0]?.detail).toMatch(
      /^Prometheus rejected the query \(status 400, bad_data\): .*parse error/,
    );
  }, 15_000);

  it("watches the error rate over an analysis window", async () => {
    const report = await run(
      [
        `  - { name: watch good, prometheus: "${prometheusUrl}", query: '${errorRate("good")}', max: 0.01, interval-ms: 300, duration-ms: 900 }`,
        `  - { name: watch bad, prometheus: "${prometheusUrl}", query: '${errorRate("bad")}', max: 0.01, interval-ms: 300, duration-ms: 900 }`,
      ].join("\n"),
    );
    expect(report.checks[0]).toMatchObject({ verdict: "pass", attempts: 4 });
    expect(report.checks[1]).toMatchObject({ verdict: "fail", cause: "threshold", attempts: 1 });
  }, 15_000);

  it("is inconclusive when Prometheus cannot be reached", async () => {
    const closed = await refusedPort();
    const report = await run(
      `  - { name: down, prometheus: "http://127.0.0.1:${closed}", query: up, max: 1 }`,
    );
    expect(report.checks[0]).toMatchObject({ verdict: "inconclusive", cause: "refused" });
  }, 15_000);
});

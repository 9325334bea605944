import { spawn } from "node:child_process";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpProbe } from "../../src/adapters/probes/http-probe.ts";
import { type AttemptEvent, runSmoke } from "../../src/adapters/probes/run-smoke.ts";
import { systemClock } from "../../src/adapters/probes/system-clock.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { AttemptOutcome } from "../../src/core/smoke/types.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { Clock, Probe, SmokeReport } from "../../src/ports.ts";
import { loopbackLookup, startServer, type TestServer } from "../fixtures/smoke/loopback.ts";
import { virtualSmokeClock } from "../helpers/virtual-time.ts";
import { until } from "../helpers/wait.ts";

/** Answers each path by a script of statuses (the last one repeats), counting requests per path. */
let server: TestServer;
const scripts = new Map<string, number[]>();
const hits = new Map<string, number>();
let bootedAt = 0;
/** The clock the booting app measures its start-up on: a test's virtual clock, so both agree. */
let bootClock: Clock = systemClock;
/** Responses of /hang still open: a request the client gave up on is closed and leaves the set. */
const hanging = new Set<ServerResponse>();
/** Requests held on /together/N until N of them wait at once (released together). */
let together: ServerResponse[] = [];

beforeAll(async () => {
  server = await startServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const path = url.pathname;
    const count = hits.get(path) ?? 0;
    hits.set(path, count + 1);
    if (path === "/booting") {
      // Fails for its first 300 ms, like an app still starting.
      response.writeHead(bootClock.now() - bootedAt < 300 ? 503 : 200).end();
      return;
    }
    if (path.startsWith("/slow/")) {
      setTimeout(() => response.writeHead(200).end("ok"), Number(path.slice("/slow/".length)));
      return;
    }
    if (path.startsWith("/together/")) {
      together.push(response);
      if (together.length < Number(path.slice("/together/".length))) return;
      for (const waiting of together) waiting.writeHead(200).end("ok");
      together = [];
      return;
    }
    if (path === "/hang") {
      hanging.add(response);
      response.on("close", () => hanging.delete(response));
      return;
    }
    const script = scripts.get(path) ?? [404];
    response.writeHead(script[Math.min(count, script.length - 1)] ?? 500).end();
  });
});

afterAll(() => server.close());

const probes = { http: createHttpProbe({ lookup: loopbackLookup }) };
const url = (path: string): string => `${server.url}${path}`;

function run(yaml: string, extra: Parameters<typeof runSmoke>[1] = { env: {} }): Promise<SmokeReport> {
  return runSmoke(parseChecks(yaml, "checks"), { probes, ...extra });
}

describe("k consecutive passes", () => {
  it("a flapping endpoint (fail, pass, pass) passes with consecutive-passes 2", async () => {
    scripts.set("/flap-2", [500, 200, 200]);
    const report = await run(
      `
settings: { deadline-ms: 3000, retry-interval-ms: 50, consecutive-passes: 2 }
checks:
  - { name: flapping, http: "${url("/flap-2")}" }
`,
      { env: {}, clock: virtualSmokeClock() },
    );
    expect(report.verdict).toBe("pass");
    expect(report.checks[0]).toMatchObject({ verdict: "pass", cause: null, attempts: 3 });
    expect(report.checks[0]?.detail).toContain("passed 2 times in a row after 1 earlier attempt did not");
  });

  it("a blip in the streak restarts it", async () => {
    scripts.set("/flap-blip", [200, 500, 200, 200]);
    const report = await run(
      `
settings: { deadline-ms: 3000, retry-interval-ms: 30, consecutive-passes: 2 }
checks:
  - { name: flapping, http: "${url("/flap-blip")}" }
`,
      { env: {}, clock: virtualSmokeClock() },
    );
    expect(report.checks[0]).toMatchObject({ verdict: "pass", attempts: 4 });
  });

  it("an endpoint that keeps flapping never gets its streak and fails at the deadline", async () => {
    scripts.set(
      "/flap-forever",
      Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? 500 : 200)),
    );
    const report = await run(
      `
settings: { deadline-ms: 600, retry-interval-ms: 20, max-retry-interval-ms: 20, consecutive-passes: 2 }
checks:
  - { name: flapping, http: "${url("/flap-forever")}" }
`,
      { env: {}, clock: virtualSmokeClock() },
    );
    expect(report.checks[0]).toMatchObject({ verdict: "fail", cause: "status" });
    expect(report.checks[0]?.attempts).toBeGreaterThan(4);
    // In virtual time: retried up to the deadline (the last interval before it), never past it.
    expect(report.durationMs).toBeGreaterThan(600 - 2 * 20);
    expect(report.durationMs).toBeLessThanOrEqual(600);
  });
});

describe("warm-up", () => {
  it("no probe runs during the warm-up, so a starting app cannot fail the check", async () => {
    bootClock = virtualSmokeClock();
    bootedAt = bootClock.now();
    hits.delete("/booting");
    const report = await run(
      `
settings: { deadline-ms: 2000, warmup-ms: 400, retry-interval-ms: 50 }
checks:
  - { name: booting, http: "${url("/booting")}" }
`,
      { env: {}, clock: bootClock },
    );
    expect(report.checks[0]).toMatchObject({ verdict: "pass", attempts: 1 });
    expect(hits.get("/booting")).toBe(1);
    expect(report.checks[0]?.timings.elapsedMs).toBe(400);
  });

  it("without a warm-up the same app is retried until it answers", async () => {
    bootClock = virtualSmokeClock();
    bootedAt = bootClock.now();
    const report = await run(
      `
settings: { deadline-ms: 2000, retry-interval-ms: 50, backoff-factor: 1 }
checks:
  - { name: booting, http: "${url("/booting")}" }
`,
      { env: {}, clock: bootClock },
    );
    expect(report.checks[0]?.verdict).toBe("pass");
    expect(report.checks[0]?.attempts).toBeGreaterThan(1);
  });
});

describe("the deadline", () => {
  it("bounds a check whose own timeout is longer", async () => {
    const started = performance.now();
    const report = await run(`
settings: { deadline-ms: 400 }
checks:
  - { name: hang, http: "${url("/hang")}", timeout-ms: 30000 }
`);
    const wall = performance.now() - started;
    // A real deadline over a real socket: the cause, and the request given up (the server sees it
    // closed), are the assertions; the upper bound is only a sanity check far below the 30 s.
    expect(report.checks[0]).toMatchObject({ verdict: "fail", cause: "timeout", attempts: 1 });
    expect(wall).toBeGreaterThanOrEqual(390);
    expect(wall).toBeLessThan(10_000);
    await until(() => hanging.size === 0, "the hanging request to be closed by the client");
  });

  it("runs checks concurrently: ten endpoints that answer only once all ten wait", async () => {
    // The server holds every request until ten wait at once: one after another, the first would
    // never be answered and the suite would fail at its deadline.
    const checks = Array.from(
      { length: 10 },
      (_, index) => `  - { name: "together ${index}", http: "${url("/together/10")}" }`,
    );
    const report = await run(`settings: { deadline-ms: 5000 }\nchecks:\n${checks.join("\n")}\n`);
    expect(report.verdict).toBe("pass");
    expect(report.checks.map((check) => check.attempts)).toEqual(Array.from({ length: 10 }, () => 1));
  });

  it("an analysis window fails as soon as failures pass the limit", async () => {
    scripts.set("/window", [200, 200, 500, 500, 200]);
    hits.delete("/window");
    const report = await run(
      `
settings: { deadline-ms: 5000 }
checks:
  - { name: watch, http: "${url("/window")}", interval-ms: 50, duration-ms: 1000, failure-limit: 1 }
`,
      { env: {}, clock: virtualSmokeClock() },
    );
    expect(report.checks[0]).toMatchObject({ verdict: "fail", cause: "status", attempts: 4 });
    expect(report.checks[0]?.detail).toContain("2 of 4 attempts failed, above failure-limit 1");
    // In virtual time: decided at the fourth attempt (three intervals in), not at the window's end.
    expect(report.checks[0]?.timings.elapsedMs).toBe(150);
  });

  it("an analysis window passes after its duration", async () => {
    scripts.set("/window-ok", [200, 500, 200]);
    const report = await run(
      `
settings: { deadline-ms: 5000 }
checks:
  - { name: watch, http: "${url("/window-ok")}", interval-ms: 50, duration-ms: 200, failure-limit: 1 }
`,
      { env: {}, clock: virtualSmokeClock() },
    );
    expect(report.checks[0]).toMatchObject({ verdict: "pass", attempts: 5 });
    expect(report.checks[0]?.timings.elapsedMs).toBe(200);
  });
});

describe("the run", () => {
  it("can be cancelled: undecided checks are inconclusive", async () => {
    const controller = new AbortController();
    // Cancelled once the quick check has passed and the other is stuck on its request.
    const cancelWhenDecided = (event: AttemptEvent): void => {
      if (event.check === "quick" && hanging.size > 0) controller.abort();
    };
    const report = await run(
      `
settings: { deadline-ms: 10000 }
checks:
  - { name: hang, http: "${url("/hang")}" }
  - { name: quick, http: "${url("/slow/1")}" }
`,
      { env: {}, signal: controller.signal, onAttempt: cancelWhenDecided },
    );
    expect(report.verdict).toBe("inconclusive");
    expect(report.checks.map((check) => [check.verdict, check.cause])).toEqual([
      ["inconclusive", "aborted"],
      ["pass", null],
    ]);
    // Ended by the cancel, well before the 10 s deadline, and the stuck request was given up.
    expect(report.durationMs).toBeLessThan(10_000);
    await until(() => hanging.size === 0, "the hanging request to be closed by the client");
  });

  it("throws on a missing variable before sending anything", async () => {
    hits.delete("/never");
    const checks = `- { name: v, http: "${url("/never")}", json: { version: "\${SHIPGUARD_VERSION}" } }`;
    await expect(run(checks)).rejects.toThrow(ShipguardError);
    await expect(run(checks)).rejects.toMatchObject({
      code: "SG_CHECKS_VARIABLE_UNSET",
      value: "SHIPGUARD_VERSION",
    });
    expect(hits.get("/never")).toBeUndefined();
  });

  it("reports each attempt, with the pause that follows, using the injected clock", async () => {
    scripts.set("/events", [500, 200]);
    const events: AttemptEvent[] = [];
    await run(
      `
settings: { deadline-ms: 3000, retry-interval-ms: 100, jitter: 0.5 }
checks:
  - { name: e, http: "${url("/events")}" }
`,
      {
        env: {},
        clock: { ...virtualSmokeClock(), random: () => 0.999999 },
        onAttempt: (event) => events.push(event),
      },
    );
    expect(
      events.map((event) => [event.check, event.attempt, event.outcome.verdict, event.nextDelayMs]),
    ).toEqual([
      ["e", 1, "fail", 50],
      ["e", 2, "pass", null],
    ]);
  });

  it("works with any probe through the port, and writes one report entry per check", async () => {
    let calls = 0;
    const fake: Probe<never> = {
      attempt: async (): Promise<AttemptOutcome> => {
        calls += 1;
        return {
          verdict: "pass",
          cause: null,
          detail: "fake",
          timings: { connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0 },
        };
      },
    };
    const report = await runSmoke(
      parseChecks(
        "- { name: a, prometheus: 'http://127.0.0.1:1', query: up, max: 1 }\n- { name: b, command: 'exit 1' }\n",
        "checks",
      ),
      { env: {}, probes: { prometheus: fake, command: fake } },
    );
    expect(calls).toBe(2);
    expect(report).toMatchObject({
      verdict: "pass",
      deadlineMs: 120_000,
      counts: { pass: 2, fail: 0, inconclusive: 0 },
    });
    expect(Object.keys(report.checks[0] ?? {})).toEqual([
      "name",
      "kind",
      "verdict",
      "cause",
      "detail",
      "attempts",
      "timings",
    ]);
    expect(report.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("leaves no timer, socket or child process behind: its process exits as soon as it reports", async () => {
    scripts.set("/leak", [500]);
    scripts.set("/leak-flap", [500, 200]);
    // Stopped by the deadline: a hanging request, a failing one, a command that would run 30 s.
    const stopped = runInChild(`
settings: { deadline-ms: 600, retry-interval-ms: 30 }
checks:
  - { name: hang, http: "${url("/hang")}", timeout-ms: 100 }
  - { name: fail, http: "${url("/leak")}", timeout-ms: 20000 }
  - { name: cmd, command: "sleep 30", timeout-ms: 20000 }
`);
    // Decided long before a 20 s deadline: any timer bounded by the deadline would outlive the run.
    const decided = runInChild(`
settings: { deadline-ms: 20000, retry-interval-ms: 30 }
checks:
  - { name: pass, http: "${url("/slow/1")}" }
  - { name: flap, http: "${url("/leak-flap")}" }
  - { name: hang once, http: "${url("/hang")}", timeout-ms: 50, duration-ms: 100, interval-ms: 50, failure-limit: 5 }
  - { name: cmd, command: "true" }
  - { name: window, command: "true", interval-ms: 100, duration-ms: 300 }
  - { name: sampled, http: "${url("/slow/1")}", requests: 30, concurrency: 5 }
`);
    const [first, second] = await Promise.all([stopped, decided]);
    expect(first.report.checks.map((check) => check.verdict)).toEqual(["fail", "fail", "fail"]);
    expect(second.report.checks.map((check) => check.verdict)).toEqual([
      "pass",
      "pass",
      "fail",
      "pass",
      "pass",
      "pass",
    ]);
    // Real processes: a leaked timer, socket or child would keep one alive for 20 to 30 s more, so
    // this generous bound tells a leak from a slow machine.
    expect(first.exitDelayMs).toBeLessThan(10_000);
    expect(second.exitDelayMs).toBeLessThan(10_000);
  });
});

/** Runs a suite in a Node process of its own; how long it lives after reporting shows leaked handles. */
async function runInChild(checks: string): Promise<{ report: SmokeReport; exitDelayMs: number }> {
  const script = fileURLToPath(new URL("../fixtures/smoke/run-and-exit.ts", import.meta.url));
  const { stdout, exitedAt } = await new Promise<{ stdout: string; exitedAt: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? "", SMOKE_CHECKS: checks },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", () => resolve({ stdout: output, exitedAt: performance.timeOrigin + performance.now() }));
  });
  const { report, reportedAt } = JSON.parse(stdout) as { report: SmokeReport; reportedAt: number };
  return { report, exitDelayMs: exitedAt - reportedAt };
}

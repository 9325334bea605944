/**
 * The announce step against real HTTP receivers on 127.0.0.1: every event of a run goes to every
 * webhook at once, under one deadline, which a cancel shortens to what the runner leaves the run.
 */
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type Cancellation, NEVER_CANCELLED, type RunContext } from "../../src/context.ts";
import { NOTIFY_EVENTS, type NotificationEvent } from "../../src/core/notify/event.ts";
import { type Announcement, announce } from "../../src/registry/announce.ts";
import type { Presentation } from "../../src/registry/command.ts";
import { CompositionRoot } from "../../src/registry/compose.ts";
import { sampleEvent } from "../fixtures/notify/sample-event.ts";
import { startServer, type TestServer } from "../fixtures/smoke/loopback.ts";

const servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function receiver(answer: (response: ServerResponse) => void): Promise<TestServer> {
  const server = await startServer((request, response) => {
    request.resume();
    request.on("end", () => answer(response));
  });
  servers.push(server);
  return server;
}

function root(cancellation: Cancellation = NEVER_CANCELLED): { root: CompositionRoot; warnings: string[] } {
  const warnings: string[] = [];
  const context: RunContext = {
    host: "cli",
    workspace: process.cwd(),
    logger: { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} },
    env: {},
    github: { token: "", apiUrl: "https://api.github.com", defaultBranch: null },
    serverUrl: null,
    repository: null,
    branch: null,
    runUrl: null,
    actor: null,
    registerSecret() {},
    redact: (text) => text,
    cancellation,
  };
  return { root: new CompositionRoot(context), warnings };
}

function announcement(urls: string[], events: NotificationEvent[]): Announcement {
  return {
    notify: { urls, format: "json", on: NOTIFY_EVENTS, incidentIssue: false, warnings: [] },
    events,
    incident: null,
    where: { repository: null, workingDirectory: ".", ledgerFile: null },
  };
}

const shown: Presentation = {
  ok: false,
  message: "failed",
  problem: null,
  outputs: {},
  summary: "### deploy",
  text: "",
  json: {},
};

const EVENTS = [
  sampleEvent({ event: "verify-failed" }),
  sampleEvent({ event: "rolled-back" }),
  sampleEvent({ event: "blocked" }),
];

describe("announce", () => {
  it("sends all events to all webhooks at once: the total is the slowest delivery, not the sum", async () => {
    const slow = (response: ServerResponse) => setTimeout(() => response.writeHead(200).end(), 300);
    const a = await receiver(slow);
    const b = await receiver(slow);
    const started = performance.now();
    const told = await announce(announcement([a.url, b.url], EVENTS), shown, root().root);
    const took = performance.now() - started;
    const deliveries = (told.json as { notifications: { event: string; receiver: string; ok: boolean }[] })
      .notifications;
    expect(deliveries.map((d) => [d.event, d.receiver.slice(0, 12), d.ok])).toEqual([
      ["verify-failed", "notify-url 1", true],
      ["verify-failed", "notify-url 2", true],
      ["rolled-back", "notify-url 1", true],
      ["rolled-back", "notify-url 2", true],
      ["blocked", "notify-url 1", true],
      ["blocked", "notify-url 2", true],
    ]);
    // Event after event would take 900 ms or more.
    expect(took).toBeLessThan(750);
    expect(a.requests).toHaveLength(3);
  });

  it("after a cancel, ends when the runner's time runs out, with every delivery a warning and the outcome unchanged", async () => {
    const never = await receiver(() => {});
    const { root: cancelled, warnings } = root(cancelledRun(Date.now() + 700));
    const started = performance.now();
    const told = await announce(announcement([never.url], EVENTS), shown, cancelled);
    expect(performance.now() - started).toBeLessThan(700 + 600);
    expect(told.ok).toBe(false);
    expect(told.message).toBe("failed");
    expect(warnings).toHaveLength(3);
    for (const warning of warnings) {
      expect(warning).toMatch(
        /^Could not notify notify-url 1 \(127\.0\.0\.1:\d+\) of [a-z-]+: no complete answer .* notifications' deadline\)\. The outcome is unchanged\.$/,
      );
    }
    expect(told.summary).toMatch(/\| notify-url 1 \(127\.0\.0\.1:\d+\) \| blocked \| ❗ /);
  });

  it("after a cancel, a second signal while they are sent ends them when its shorter time runs out", async () => {
    const never = await receiver(() => {});
    const run = cancelledRun(Date.now() + 5_000);
    const { root: cancelled, warnings } = root(run);
    // 200 ms in, the kill comes nearer: 300 ms are left from then.
    setTimeout(() => run.secondSignal(Date.now() + 300), 200);
    const started = performance.now();
    await announce(announcement([never.url], EVENTS), shown, cancelled);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(480);
    expect(took).toBeLessThan(500 + 600);
    expect(warnings).toHaveLength(3);
    for (const warning of warnings) expect(warning).toContain("cancelled: the run is ending");
  });
});

/** A run cancelled by SIGTERM whose clean-up must end at `deadline` (ms since the epoch). */
function cancelledRun(deadline: number): Cancellation & { secondSignal(nearer: number): void } {
  const first = new AbortController();
  first.abort();
  const hurry = new AbortController();
  let end = deadline;
  return {
    signal: first.signal,
    hurry: hurry.signal,
    cause: () => "SIGTERM",
    remainingMs: () => Math.max(0, end - Date.now()),
    holdExit() {},
    secondSignal(nearer) {
      end = nearer;
      hurry.abort();
    },
  };
}

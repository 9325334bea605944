/**
 * WebhookNotifier against real HTTP receivers on 127.0.0.1: what each format sends, when it
 * tries again, how long it waits, and that the webhook URL (a secret) never appears in what it
 * reports. Waits are real but short (backoff 20 ms, a 300 ms timeout); the file runs in seconds.
 */
import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { WebhookNotifier, type WebhookNotifierOptions } from "../../src/adapters/notify/webhook.ts";
import type { Delivery } from "../../src/core/notify/event.ts";
import { adaptiveCardProblems } from "../fixtures/notify/adaptive-card.ts";
import { type SlackBody, sampleEvent, type TeamsBody } from "../fixtures/notify/sample-event.ts";
import { refusedPort, startServer, type TestServer } from "../fixtures/smoke/loopback.ts";
import { until } from "../helpers/wait.ts";

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

interface Receiver extends TestServer {
  received: Received[];
}

/** The n-th request (from 0) is answered by `answers[n]`, the last answer repeating. */
type Answer = (response: ServerResponse) => void;

const servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function receiver(...answers: Answer[]): Promise<Receiver> {
  const received: Received[] = [];
  const server = await startServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body,
      });
      const answer = answers[Math.min(received.length - 1, answers.length - 1)];
      answer?.(response);
    });
  });
  servers.push(server);
  return Object.assign(server, { received });
}

const status =
  (code: number, headers: Record<string, string> = {}, body = ""): Answer =>
  (response) =>
    response.writeHead(code, headers).end(body);
const ok = status(200, { "content-type": "text/plain" }, "ok");
const never: Answer = () => {};
const delayed =
  (ms: number, answer: Answer): Answer =>
  (response) =>
    setTimeout(() => answer(response), ms);

function notifier(urls: string[], options: Partial<WebhookNotifierOptions> = {}): WebhookNotifier {
  return new WebhookNotifier({ urls, format: "json", backoffMs: 20, ...options });
}

async function sendOne(url: string, options: Partial<WebhookNotifierOptions> = {}): Promise<Delivery> {
  const [delivery] = await notifier([url], options).send(sampleEvent());
  if (delivery === undefined) throw new Error("no delivery");
  return delivery;
}

describe("the bodies each format posts", () => {
  it("json: every field of the event, as application/json, by POST to the URL's path and query", async () => {
    const server = await receiver(ok);
    const event = sampleEvent();
    const deliveries = await notifier([`${server.url}/hook?x=1`], { userAgent: "shipguard/test" }).send(
      event,
    );
    expect(deliveries).toEqual([
      {
        receiver: `notify-url 1 (127.0.0.1:${server.port})`,
        event: "rolled-back",
        ok: true,
        attempts: 1,
        status: 200,
        detail: "delivered",
        ms: expect.any(Number),
      },
    ]);
    const [hit] = server.received;
    expect(hit?.method).toBe("POST");
    expect(hit?.path).toBe("/hook?x=1");
    expect(hit?.headers["content-type"]).toBe("application/json");
    expect(hit?.headers["user-agent"]).toBe("shipguard/test");
    const body = JSON.parse(hit?.body ?? "") as Record<string, unknown>;
    for (const [key, value] of Object.entries(event)) expect(body[key], key).toEqual(value);
    expect(Object.keys(body).sort()).toEqual(Object.keys(event).sort());
    expect(body.schema).toBe("shipguard.event/v1");
  });

  it("slack: the headline as text, facts, checks with causes escaped, the reason and the links", async () => {
    const server = await receiver(ok);
    const event = sampleEvent({
      failedChecks: [{ name: "health", cause: "returned <!channel> and <http://evil|x>" }],
    });
    const [delivery] = await notifier([server.url], { format: "slack" }).send(event);
    expect(delivery?.ok).toBe(true);
    const body = JSON.parse(server.received[0]?.body ?? "") as SlackBody;
    expect(body.text).toBe(event.headline);
    expect(body.blocks.map((block) => block.type)).toEqual(["section", "section", "section", "section"]);
    expect(body.blocks[0]?.text).toEqual({
      type: "mrkdwn",
      verbatim: true,
      text:
        `*${event.headline}*\n<https://github.com/acme/shop/actions/runs/42|Workflow run> · ` +
        "<https://github.com/acme/shop/releases/tag/v2.0.0|Release 2.0.0> · <https://github.com/acme/shop/issues/7|Incident>",
    });
    const fields = (body.blocks[1]?.fields ?? []).map((field) => field.text);
    expect(fields).toContain("*Environment*\nproduction");
    expect(fields).toContain("*Version*\n1.9.3 ← 2.0.0");
    expect(fields).toContain("*Status*\nfailure");
    expect(fields).toContain("*Started by*\noctocat");
    expect(fields).toContain("*Correlation id*\ndeploy-production-42-1");
    expect(body.blocks[2]?.text?.text).toBe(
      "*Failed checks (1)*\n• *health*: returned &lt;!channel&gt; and &lt;http://evil|x&gt;",
    );
    expect(body.blocks[3]?.text?.text).toBe("*Reason*\nsmoke checks failed after deploy");
    expect(server.received[0]?.body).not.toMatch(/<!channel>|<http:\/\/evil/);
  });

  it("teams: the workflow envelope and an Adaptive Card whose every element has its required fields", async () => {
    const server = await receiver(ok);
    const [delivery] = await notifier([server.url], { format: "teams" }).send(sampleEvent());
    expect(delivery?.ok).toBe(true);
    const body = JSON.parse(server.received[0]?.body ?? "") as TeamsBody;
    expect(Object.keys(body).sort()).toEqual(["attachments", "type"]);
    expect(body.type).toBe("message");
    expect(body.attachments).toEqual([
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: expect.any(Object),
      },
    ]);
    const card = body.attachments[0]?.content;
    expect(card?.$schema).toBe("http://adaptivecards.io/schemas/adaptive-card.json");
    expect(card?.version).toBe("1.4");
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card?.body.map((element) => element.type)).toEqual([
      "TextBlock",
      "FactSet",
      "TextBlock",
      "TextBlock",
      "TextBlock",
      "TextBlock",
    ]);
    expect(card?.actions[0]).toEqual({
      type: "Action.OpenUrl",
      title: "Workflow run",
      url: "https://github.com/acme/shop/actions/runs/42",
    });
  });
});

describe("a Teams workflow's 202", () => {
  it("is accepted, not delivered: the flow posts later, or fails without a word", async () => {
    const server = await receiver(status(202));
    const delivery = await sendOne(server.url, { format: "teams" });
    expect(delivery).toMatchObject({
      ok: true,
      attempts: 1,
      status: 202,
      detail: "accepted (202): queued by the receiver, not confirmed as posted",
    });
  });

  it("gets a body under 27,000 bytes however big the event", async () => {
    const server = await receiver(status(202));
    const huge = "語".repeat(1000);
    const event = sampleEvent({
      headline: huge,
      reason: huge,
      failedChecks: Array.from({ length: 9 }, (_, i) => ({ name: `${huge}${i}`, cause: huge })),
      links: Array.from({ length: 8 }, (_, i) => ({
        label: `link ${i}`,
        url: `https://e.example/${i}/${"x".repeat(5000)}`,
      })),
    });
    const [delivery] = await notifier([server.url], { format: "teams" }).send(event);
    expect(delivery?.ok).toBe(true);
    const body = server.received[0]?.body ?? "";
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(27_000);
    expect(adaptiveCardProblems((JSON.parse(body) as TeamsBody).attachments[0]?.content)).toEqual([]);
  });
});

describe("tries and waits", () => {
  it("tries again after a 503 and is delivered on the second try", async () => {
    const server = await receiver(status(503), ok);
    const delivery = await sendOne(server.url);
    expect(delivery).toMatchObject({ ok: true, attempts: 2, status: 200, detail: "delivered" });
    expect(server.received).toHaveLength(2);
  });

  it("honours Retry-After on a 429", async () => {
    const server = await receiver(status(429, { "retry-after": "1" }), ok);
    const delivery = await sendOne(server.url);
    expect(delivery).toMatchObject({ ok: true, attempts: 2, status: 200 });
    expect(delivery.ms).toBeGreaterThanOrEqual(950);
  });

  it("ends at once when Retry-After would pass the deadline (429 with Retry-After: 30 held a deploy)", async () => {
    const server = await receiver(status(429, { "retry-after": "30" }), ok);
    const started = performance.now();
    const delivery = await sendOne(server.url);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(delivery).toMatchObject({ ok: false, attempts: 1, status: 429 });
    expect(delivery.detail).toMatch(
      /^answered 429 \(too many requests\), and asked to come back in 30 s \(Retry-After\), past the notifications' deadline \(1[45] s left\): not retried$/,
    );
    expect(server.received).toHaveLength(1);
  });

  it("does not try again after a 400, and says what the receiver said", async () => {
    const server = await receiver(status(400, {}, "invalid_blocks"));
    const delivery = await sendOne(server.url);
    expect(delivery).toMatchObject({
      ok: false,
      attempts: 1,
      status: 400,
      detail: "answered 400: invalid_blocks",
    });
    expect(server.received).toHaveLength(1);
  });

  it("fails after the timeout of each try when the receiver never answers", async () => {
    const server = await receiver(never);
    const delivery = await sendOne(server.url, { timeoutMs: 300 });
    expect(delivery).toMatchObject({ ok: false, attempts: 3, status: null });
    expect(delivery.detail).toMatch(/within 300 ms.*\(3 tries\)$/);
    expect(delivery.ms).toBeGreaterThanOrEqual(900);
    expect(delivery.ms).toBeLessThan(3000);
    expect(server.received).toHaveLength(3);
  });

  it("does not follow a redirect: the second server gets no request", async () => {
    const second = await receiver(ok);
    const first = await receiver(status(302, { location: `${second.url}/elsewhere` }));
    const delivery = await sendOne(first.url);
    expect(delivery).toMatchObject({
      ok: false,
      attempts: 1,
      status: 302,
      detail: "answered 302 (a redirect, not followed: give the final URL)",
    });
    expect(second.received).toHaveLength(0);
  });

  it("tries three times when the connection is refused, then fails", async () => {
    const port = await refusedPort();
    const delivery = await sendOne(`http://127.0.0.1:${port}/hook`);
    expect(delivery).toMatchObject({ ok: false, attempts: 3, status: null });
    expect(delivery.detail).toMatch(/refused.*\(3 tries\)$/);
  });

  it("posts to all receivers at once: the total is the slowest, not the sum", async () => {
    const slow = await receiver(delayed(300, ok));
    const fast = await receiver(ok);
    const alsoSlow = await receiver(delayed(300, ok));
    const started = performance.now();
    const deliveries = await notifier([slow.url, fast.url, alsoSlow.url]).send(sampleEvent());
    const total = performance.now() - started;
    expect(deliveries.map((d) => [d.receiver, d.ok])).toEqual([
      [`notify-url 1 (127.0.0.1:${slow.port})`, true],
      [`notify-url 2 (127.0.0.1:${fast.port})`, true],
      [`notify-url 3 (127.0.0.1:${alsoSlow.port})`, true],
    ]);
    expect(deliveries[0]?.ms).toBeGreaterThanOrEqual(290);
    expect(deliveries[1]?.ms).toBeLessThan(200);
    // One after the other would take 600 ms or more.
    expect(total).toBeLessThan(550);
  });

  it("costs a few milliseconds on a receiver that answers at once, and leaves no connection open", async () => {
    const server = await receiver(ok);
    await sendOne(server.url); // the first request of the process pays for loading modules
    const delivery = await sendOne(server.url);
    expect(delivery.ok).toBe(true);
    // Generous for a busy machine; a keep-alive or agent wait would cost seconds.
    expect(delivery.ms).toBeLessThan(100);
    await until(() => server.openConnections() === 0, "the receiver's connections to close", {
      timeoutMs: 1000,
    });
  });

  it("leaves nothing that keeps the process alive once send resolves", async () => {
    const server = await receiver(ok);
    const port = await refusedPort();
    const urls = [server.url, `http://127.0.0.1:${port}/hook`];
    const script = fileURLToPath(new URL("../fixtures/notify/send-and-exit.ts", import.meta.url));
    const { stdout, exitedAt } = await new Promise<{ stdout: string; exitedAt: number }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, [script], {
          env: { PATH: process.env.PATH ?? "", NOTIFY_URLS: JSON.stringify(urls) },
        });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
        });
        child.on("error", reject);
        child.on("exit", () =>
          resolve({ stdout: output, exitedAt: performance.timeOrigin + performance.now() }),
        );
      },
    );
    const { deliveries, reportedAt } = JSON.parse(stdout) as { deliveries: Delivery[]; reportedAt: number };
    expect(deliveries.map((d) => [d.ok, d.attempts])).toEqual([
      [true, 1],
      [false, 3],
    ]);
    // A leaked 10 s timeout or a kept-alive socket would hold the process for seconds.
    expect(exitedAt - reportedAt).toBeLessThan(3000);
  });

  it("never rejects: a URL it refuses is a failed delivery with no try, next to one delivered", async () => {
    const server = await receiver(ok);
    const deliveries = await notifier([
      "http://hooks.example.com/services/T0/B0/SECRET",
      "not a url",
      server.url,
    ]).send(sampleEvent());
    expect(deliveries[0]).toMatchObject({
      receiver: "notify-url 1 (hooks.example.com)",
      ok: false,
      attempts: 0,
      status: null,
      ms: 0,
    });
    expect(deliveries[0]?.detail).toContain("use https://");
    expect(deliveries[1]).toMatchObject({ receiver: "notify-url 2 (not a URL)", ok: false, attempts: 0 });
    expect(deliveries[2]).toMatchObject({ ok: true, attempts: 1 });
    expect(JSON.stringify(deliveries)).not.toContain("SECRET");
  });
});

describe("one deadline", () => {
  const slack = 600;

  it("cuts each try to what is left of it: a receiver that never answers holds a send for the deadline, not 3 tries of 10 s", async () => {
    const server = await receiver(never);
    const started = performance.now();
    const delivery = await sendOne(server.url, { deadlineMs: 1000 });
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(950);
    expect(took).toBeLessThan(1000 + slack);
    expect(delivery).toMatchObject({ ok: false, attempts: 1, status: null });
    expect(delivery.detail).toMatch(
      /within \d+ ms.*no time left for another try before the notifications' deadline/,
    );
  });

  it("is one for all the sends of a notifier: a send after it passed tries nothing", async () => {
    const server = await receiver(never);
    const other = await receiver(ok);
    const n = notifier([server.url], { deadlineMs: 800 });
    const started = performance.now();
    const [first, second] = await Promise.all([
      n.send(sampleEvent({ event: "verify-failed" })),
      delayedSend(n, 300, sampleEvent()),
    ]);
    expect(performance.now() - started).toBeLessThan(800 + slack);
    expect(first?.[0]).toMatchObject({ ok: false, attempts: 1, event: "verify-failed" });
    expect(second?.[0]).toMatchObject({ ok: false, attempts: 1, event: "rolled-back" });
    // The second send started 300 ms late and still ended with the first, at the one deadline.
    expect(second?.[0]?.ms).toBeLessThan(800 - 300 + slack);
    const late = await notifier([other.url], { deadlineMs: 800 }).send(sampleEvent(), {
      deadline: Date.now() - 1,
    });
    expect(late[0]).toMatchObject({ ok: false, attempts: 0, status: null });
    expect(late[0]?.detail).toBe("not tried: the notifications' deadline had passed");
    expect(other.received).toHaveLength(0);
  });

  it("is shortened by a caller's deadline, and a caller's signal ends the tries and waits at once", async () => {
    const server = await receiver(never);
    let started = performance.now();
    const [cut] = await notifier([server.url]).send(sampleEvent(), { deadline: Date.now() + 400 });
    expect(performance.now() - started).toBeLessThan(400 + slack);
    expect(cut).toMatchObject({ ok: false, attempts: 1 });

    const busy = await receiver(status(503));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    started = performance.now();
    const deliveries = await notifier([server.url, busy.url], { backoffMs: 5_000 }).send(sampleEvent(), {
      signal: controller.signal,
    });
    expect(performance.now() - started).toBeLessThan(200 + slack);
    for (const d of deliveries) {
      expect(d).toMatchObject({ ok: false, attempts: 1 });
      expect(d.detail).toMatch(/cancelled: the run is ending$/);
    }
  });
});

async function delayedSend(n: WebhookNotifier, ms: number, event: ReturnType<typeof sampleEvent>) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return n.send(event);
}

describe("the URL is a secret", () => {
  // Secret parts are 8 characters or more and not a plain lower-case word (core/secrets.ts).
  const SECRETS = ["s3cret-pass", "T0123ABCD", "B0456EFGH", "XXXX5ECRET", "abc123def"];
  const secretUrl = (port: number) =>
    `http://user:s3cret-pass@127.0.0.1:${port}/hooks/T0123ABCD/B0456EFGH/XXXX5ECRET?token=abc123def`;

  function expectNoSecret(deliveries: Delivery[], url: string): void {
    const printed = JSON.stringify(deliveries);
    expect(printed).not.toContain(url);
    for (const secret of SECRETS) expect(printed).not.toContain(secret);
  }

  it("sends user:password as Basic auth and keeps it, the path and the token out of a delivery", async () => {
    const server = await receiver(ok);
    const url = secretUrl(server.port);
    const deliveries = await notifier([url]).send(sampleEvent());
    expect(deliveries[0]).toMatchObject({ ok: true, receiver: `notify-url 1 (127.0.0.1:${server.port})` });
    const hit = server.received[0];
    expect(hit?.headers.authorization).toBe(`Basic ${Buffer.from("user:s3cret-pass").toString("base64")}`);
    expect(hit?.path).toBe("/hooks/T0123ABCD/B0456EFGH/XXXX5ECRET?token=abc123def");
    expectNoSecret(deliveries, url);
  });

  it("keeps them out of a failed delivery, even when the receiver echoes the URL back", async () => {
    let url = "";
    const server = await receiver((response) =>
      response.writeHead(500).end(`error posting to ${url} (token abc123def)`),
    );
    url = secretUrl(server.port);
    const deliveries = await notifier([url]).send(sampleEvent());
    expect(deliveries[0]).toMatchObject({ ok: false, attempts: 3, status: 500 });
    expect(deliveries[0]?.detail).toMatch(/^answered 500: /);
    expectNoSecret(deliveries, url);
  });

  it("keeps them out of a refused connection's delivery", async () => {
    const url = secretUrl(await refusedPort());
    const deliveries = await notifier([url]).send(sampleEvent());
    expect(deliveries[0]).toMatchObject({ ok: false, attempts: 3, status: null });
    expectNoSecret(deliveries, url);
  });
});

describe("what a receiver said", () => {
  /** A path token as Slack or Teams put in a webhook URL: 36 characters. */
  const TOKEN = "Zq7xW2kLp9Vb4Nc8Rt1Ys6Hd3Jf5Gm0AaBbE";

  it("is redacted before it is shortened: no piece of a token that straddles the cut is shown", async () => {
    let url = "";
    // The echoed URL starts at character 80 of the answer, so its token crosses the 120-character cut.
    const server = await receiver((response) =>
      response
        .writeHead(400)
        .end(`${"receiver could not post the message, check the flow".padEnd(80, ".")}${url}`),
    );
    url = `${server.url}/workflows/${TOKEN}`;
    const delivery = await sendOne(url);
    expect(delivery).toMatchObject({ ok: false, attempts: 1, status: 400 });
    expect(delivery.detail).toMatch(/^answered 400: receiver could not post the message/);
    for (let at = 0; at + 6 <= TOKEN.length; at++)
      expect(delivery.detail).not.toContain(TOKEN.slice(at, at + 6));
  });
});

describe("only the secret parts of a URL are redacted, and only in what came from outside", () => {
  it("a /500 path leaves '500' in 'answered 500'", async () => {
    const server = await receiver(status(500, {}, "internal error"));
    const delivery = await sendOne(`${server.url}/500`);
    expect(delivery.detail).toBe("answered 500: internal error (3 tries)");
  });

  it("a /redirect path leaves the redirect message whole", async () => {
    const server = await receiver(status(302, { location: "https://example.com/" }));
    const delivery = await sendOne(`${server.url}/redirect`);
    expect(delivery.detail).toBe("answered 302 (a redirect, not followed: give the final URL)");
  });

  it("a path that spells shipguard's own words leaves its sentences whole", async () => {
    const server = await receiver(status(429, { "retry-after": "120" }));
    const delivery = await sendOne(`${server.url}/too%20many%20requests/Retry-After`, {
      deadlineMs: 5_000,
    });
    expect(delivery.detail).toBe(
      "answered 429 (too many requests), and asked to come back in 120 s (Retry-After), past the notifications' deadline (5 s left): not retried",
    );
  });

  it("what the receiver echoes loses every secret segment and keeps the words", async () => {
    let url = "";
    const server = await receiver((response) => response.writeHead(404).end(`no route for ${url}`));
    url = `${server.url}/services/T0A1B2C3D/B0E4F5G6H/aBcDeFgHiJkLmNoPqRsTuVwX?channel=alerts&sig=Qx-7_yZ`;
    const delivery = await sendOne(url);
    expect(delivery.detail).toBe(
      `answered 404: no route for http://127.0.0.1:${server.port}/services/***/***/***?channel=alerts&sig=Qx-7_yZ (the webhook was removed, or the URL is wrong: make a new one)`,
    );
  });
});

describe("the Basic authorization built from user:password@ is a secret", () => {
  /** Answers 401 quoting the authorization header it got, as some proxies and debug receivers do. */
  const echoAuthorization = async (): Promise<TestServer> => {
    const server = await startServer((request, response) => {
      const header = request.headers.authorization ?? "";
      response.writeHead(401).end(`bad credentials: ${header} (${header.slice("Basic ".length)})`);
    });
    servers.push(server);
    return server;
  };

  it.each([
    ["user and password", "bot:pa55-w0rd", "bot:pa55-w0rd"],
    ["a user name alone", "tok3n-only", "tok3n-only:"],
  ])("with %s: neither the header nor its base64 is shown", async (_, userinfo, pair) => {
    const server = await echoAuthorization();
    const delivery = await sendOne(server.url.replace("http://", `http://${userinfo}@`));
    const basic = Buffer.from(pair).toString("base64");
    expect(delivery).toMatchObject({ ok: false, attempts: 1, status: 401 });
    expect(delivery.detail).toBe(
      "answered 401: bad credentials: Basic *** (***) (the receiver refused the URL's credentials or token)",
    );
    expect(JSON.stringify(delivery)).not.toContain(basic);
  });
});

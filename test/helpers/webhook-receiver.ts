/**
 * A webhook receiver on loopback for the end-to-end tests: it answers every POST alike (or never)
 * and keeps what it was sent, in the order it arrived: each body as received, parsed, and its
 * authorization header. Closed when the test finishes.
 */
import type { TestContext } from "vitest";
import { startServer } from "../fixtures/smoke/loopback.ts";

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>` and the path (and query) it was given, `/hook` by default. */
  url: string;
  /** Each body as received. */
  raw: string[];
  /** Each body parsed as JSON (shipguard's `json` format: an event). */
  bodies: Record<string, unknown>[];
  /** The same bodies, typed as the events of the `json` format. */
  events: { event: string; version: string }[];
  /** Each request's authorization header. */
  auth: (string | undefined)[];
}

export interface ReceiverOptions {
  /** What every POST gets (default 200), or "never": the request is held until the test ends. */
  answer?: { status: number; headers?: Record<string, string> } | "never";
  /** The path and query of the URL (default `/hook`). */
  path?: string;
}

export async function webhookReceiver(
  ctx: TestContext,
  options: ReceiverOptions = {},
): Promise<WebhookReceiver> {
  const answer = options.answer ?? { status: 200 };
  const bodies: Record<string, unknown>[] = [];
  const received = { raw: [] as string[], bodies, events: bodies as unknown as WebhookReceiver["events"] };
  const auth: (string | undefined)[] = [];
  const server = await startServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      auth.push(request.headers.authorization);
      received.raw.push(body);
      bodies.push(JSON.parse(body) as Record<string, unknown>);
      if (answer !== "never") response.writeHead(answer.status, answer.headers ?? {}).end();
    });
  });
  ctx.onTestFinished(() => server.close());
  return { url: `${server.url}${options.path ?? "/hook"}`, ...received, auth };
}

/**
 * A webhook receiver on loopback for the end-to-end tests: it answers every POST alike (or never)
 * and keeps the events it was sent, parsed, in the order they arrived. Closed when the test
 * finishes.
 */
import type { TestContext } from "vitest";
import { startServer } from "../fixtures/smoke/loopback.ts";

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hook`. */
  url: string;
  events: { event: string; version: string }[];
}

export async function webhookReceiver(
  ctx: TestContext,
  answer: { status: number; headers?: Record<string, string> } | "never" = { status: 200 },
): Promise<WebhookReceiver> {
  const events: WebhookReceiver["events"] = [];
  const server = await startServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      events.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as WebhookReceiver["events"][number]);
      if (answer !== "never") response.writeHead(answer.status, answer.headers ?? {}).end();
    });
  });
  ctx.onTestFinished(() => server.close());
  return { url: `${server.url}/hook`, events };
}

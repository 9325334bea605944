/** A webhook receiver on loopback for end-to-end tests: what it was sent, answered with `status`. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestContext } from "vitest";

export interface WebhookReceiver {
  url: string;
  /** Each body as received. */
  raw: string[];
  /** Each body parsed as JSON. */
  bodies: Record<string, unknown>[];
  auth: (string | undefined)[];
}

/** Answers `status` to every POST; closed when the test finishes. */
export async function webhookReceiver(
  ctx: TestContext,
  status = 200,
  pathAndQuery = "/hook",
): Promise<WebhookReceiver> {
  const received: WebhookReceiver = { url: "", raw: [], bodies: [], auth: [] };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.auth.push(request.headers.authorization);
      received.raw.push(body);
      received.bodies.push(JSON.parse(body) as Record<string, unknown>);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  ctx.onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  received.url = `http://127.0.0.1:${port}${pathAndQuery}`;
  return received;
}

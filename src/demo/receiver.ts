/**
 * The team's chat, in the demo: a webhook receiver on loopback that keeps the events shipguard
 * sends it (the `json` format), so the demo can show what a person would have been told.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { NotificationEvent } from "../core/notify/event.ts";

export interface DemoReceiver {
  url: string;
  events: Pick<NotificationEvent, "event" | "headline">[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<DemoReceiver> {
  const events: DemoReceiver["events"] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as NotificationEvent;
        events.push({ event: body.event, headline: body.headline });
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/team-chat`,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

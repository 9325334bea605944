// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR}` templates and shell expansions are the data under test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpProbe } from "../../src/adapters/probes/http-probe.ts";
import { runSmoke } from "../../src/adapters/probes/run-smoke.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { CheckReport } from "../../src/ports.ts";
import {
  type Certificates,
  loopbackLookup,
  makeCertificates,
  startHttpsServer,
  startServer,
  type TestServer,
} from "../fixtures/smoke/loopback.ts";

/**
 * Two origins on loopback: `main` (127.0.0.1) and `other` (reached as localhost, another port),
 * plus an https origin that redirects to plain http.
 */
let main: TestServer;
let other: TestServer;
let secure: TestServer;
let certificates: Certificates;

beforeAll(async () => {
  certificates = makeCertificates();
  other = await startServer((request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        authorization: request.headers.authorization ?? null,
        cookie: request.headers.cookie ?? null,
        token: request.headers["x-api-token"] ?? null,
        accept: request.headers.accept ?? null,
        method: request.method,
      }),
    );
  });
  main = await startServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const hop = Number(url.searchParams.get("n") ?? "0");
    switch (url.pathname) {
      case "/loop-a":
        response.writeHead(302, { location: "/loop-b" }).end();
        return;
      case "/loop-b":
        response.writeHead(302, { location: "/loop-a" }).end();
        return;
      case "/chain":
        // A new URL each time: only the hop limit stops it.
        response.writeHead(301, { location: `/chain?n=${hop + 1}` }).end();
        return;
      case "/relative":
        response.writeHead(307, { location: "../final" }).end();
        return;
      case "/final":
        response
          .writeHead(200)
          .end(`final ${request.method} auth=${request.headers.authorization ?? "none"}`);
        return;
      case "/cross":
        response.writeHead(302, { location: `http://localhost:${other.port}/landing` }).end();
        return;
      case "/see-other":
        response.writeHead(303, { location: `http://localhost:${other.port}/landing` }).end();
        return;
      case "/bad-scheme":
        response.writeHead(302, { location: "file:///etc/passwd" }).end();
        return;
      default:
        response.writeHead(404).end();
    }
  });
  secure = await startHttpsServer((request, response) => {
    if (request.url === "/downgrade") {
      response.writeHead(301, { location: `http://127.0.0.1:${main.port}/final` }).end();
      return;
    }
    response.writeHead(302, { location: "/downgrade" }).end();
  }, certificates.valid);
});

afterAll(async () => {
  await Promise.all([main.close(), other.close(), secure.close()]);
});

async function check(fields: string): Promise<CheckReport> {
  const suite = parseChecks(
    `settings: { deadline-ms: 300, retry-interval-ms: 1000 }\nchecks:\n  - name: r\n${fields}`,
    "checks",
  );
  const report = await runSmoke(suite, {
    env: { TOKEN: "s3cret-token" },
    probes: { http: createHttpProbe({ lookup: loopbackLookup, ca: certificates.ca }) },
  });
  const result = report.checks[0];
  if (result === undefined) throw new Error("no check");
  return result;
}

describe("redirect policy", () => {
  it("follows a relative redirect within the hop limit", async () => {
    const ok = await check(
      `    http: "http://127.0.0.1:${main.port}/relative"\n    body-contains: final GET\n`,
    );
    expect(ok).toMatchObject({ verdict: "pass", cause: null });
    expect(ok.detail).toContain(`after 1 redirect to http://127.0.0.1:${main.port}/final`);
  });

  it("detects a redirect loop", async () => {
    const result = await check(`    http: "http://127.0.0.1:${main.port}/loop-a"\n`);
    expect(result).toMatchObject({ verdict: "fail", cause: "redirect" });
    expect(result.detail).toContain("redirect loop");
    expect(result.detail).toContain(`came back to http://127.0.0.1:${main.port}/loop-a`);
  });

  it("stops at the hop limit", async () => {
    const result = await check(`    http: "http://127.0.0.1:${main.port}/chain"\n    max-redirects: 3\n`);
    expect(result).toMatchObject({ verdict: "fail", cause: "redirect" });
    expect(result.detail).toContain("more than 3 redirects");
    const fiveDefault = await check(`    http: "http://127.0.0.1:${main.port}/chain"\n`);
    expect(fiveDefault.detail).toContain("more than 5 redirects");
  });

  it("with max-redirects 0, judges the 3xx itself", async () => {
    const result = await check(
      `    http: "http://127.0.0.1:${main.port}/chain"\n    max-redirects: 0\n    status: 301\n`,
    );
    expect(result).toMatchObject({ verdict: "pass" });
  });

  it("refuses an https -> http downgrade", async () => {
    const result = await check(`    http: "https://localhost:${secure.port}/start"\n`);
    expect(result).toMatchObject({ verdict: "fail", cause: "redirect" });
    expect(result.detail).toBe(
      `refused the downgrade from https to http: https://localhost:${secure.port}/downgrade redirects to http://127.0.0.1:${main.port}/final (no pass before the deadline, 1 attempt)`,
    );
  });

  it("refuses a redirect to another scheme", async () => {
    const result = await check(`    http: "http://127.0.0.1:${main.port}/bad-scheme"\n`);
    expect(result).toMatchObject({ verdict: "fail", cause: "redirect" });
    expect(result.detail).toContain("unsupported scheme file:");
  });

  it("drops Authorization, cookies and custom credential headers when the origin changes", async () => {
    const result = await check(
      [
        `    http: "http://127.0.0.1:${main.port}/cross"`,
        '    headers: { Authorization: "Bearer ${TOKEN}", Cookie: "session=abc", X-Api-Token: "${TOKEN}", Accept: application/json }',
        "    json: { authorization: null, cookie: null, token: null, accept: application/json }",
        "",
      ].join("\n"),
    );
    expect(result).toMatchObject({ verdict: "pass", cause: null });
    expect(result.detail).toContain("not sent to the new origin: Authorization, Cookie, X-Api-Token");
    expect(other.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(other.requests.at(-1)?.headers["x-api-token"]).toBeUndefined();
  });

  it("keeps credentials on a same-origin redirect", async () => {
    const result = await check(
      `    http: "http://127.0.0.1:${main.port}/relative"\n    headers: { Authorization: "Bearer \${TOKEN}" }\n    body-contains: "auth=Bearer"\n`,
    );
    expect(result).toMatchObject({ verdict: "pass" });
    // The token itself is masked in the report.
    expect(result.detail).not.toContain("s3cret-token");
  });

  it("turns a POST into a GET without body after a 303", async () => {
    const result = await check(
      `    http: "http://127.0.0.1:${main.port}/see-other"\n    method: POST\n    body: "x=1"\n    json: { method: GET }\n`,
    );
    expect(result).toMatchObject({ verdict: "pass" });
  });
});

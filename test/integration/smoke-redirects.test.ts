// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR}` templates and shell expansions are the data under test.

import type { LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpProbe } from "../../src/adapters/probes/http-probe.ts";
import { redirectTarget } from "../../src/adapters/probes/http-redirect.ts";
import { guardedLookup, InternalAddressError } from "../../src/adapters/probes/internal-addresses.ts";
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
      case "/to-metadata":
        response.writeHead(302, { location: `http://metadata.google.internal:${other.port}/v1/` }).end();
        return;
      case "/to-sneaky":
        response.writeHead(302, { location: `http://sneaky.localhost:${other.port}/latest` }).end();
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

/** Resolves `sneaky.localhost` to the metadata address (never connected to: the guard refuses it). */
const looked: string[] = [];
const sneakyLookup: LookupFunction = (hostname, options, callback) => {
  looked.push(hostname);
  if (hostname !== "sneaky.localhost") return loopbackLookup(hostname, options, callback);
  const all = typeof options === "object" && options !== null && "all" in options && options.all === true;
  const address = "169.254.169.254";
  process.nextTick(() => {
    if (all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address, family: 4 },
      ]);
    else callback(null, address, 4);
  });
};

async function check(fields: string, lookup: LookupFunction = loopbackLookup): Promise<CheckReport> {
  const suite = parseChecks(
    `settings: { deadline-ms: 300, retry-interval-ms: 1000 }\nchecks:\n  - name: r\n${fields}`,
    "checks",
  );
  const report = await runSmoke(suite, {
    env: { TOKEN: "s3cret-token" },
    probes: { http: createHttpProbe({ lookup, ca: certificates.ca }) },
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

  it("refuses a redirect to a metadata name, without resolving it", async () => {
    looked.length = 0;
    const result = await check(`    http: "http://127.0.0.1:${main.port}/to-metadata"\n`, sneakyLookup);
    expect(result).toMatchObject({ verdict: "fail", cause: "redirect" });
    expect(result.detail).toContain(
      `refused the redirect to the link-local or cloud metadata address metadata.google.internal:${other.port}`,
    );
    expect(looked).not.toContain("metadata.google.internal");
  });

  it("refuses a redirect to a name that resolves to a link-local address (checked after the lookup)", async () => {
    looked.length = 0;
    const before = other.requests.length;
    const result = await check(`    http: "http://127.0.0.1:${main.port}/to-sneaky"\n`, sneakyLookup);
    expect(looked).toContain("sneaky.localhost");
    expect(result).toMatchObject({ verdict: "fail", cause: "redirect" });
    expect(result.detail).toContain("sneaky.localhost resolves to 169.254.169.254");
    expect(other.requests.length).toBe(before);
  });

  it("never quotes the body of another origin", async () => {
    const result = await check(`    http: "http://127.0.0.1:${main.port}/cross"\n    body-contains: nope\n`);
    expect(result).toMatchObject({ verdict: "fail", cause: "body" });
    expect(result.detail).toContain(
      `(not shown: it came from another origin, http://localhost:${other.port})`,
    );
    expect(result.detail).not.toContain("method");
    const json = await check(`    http: "http://127.0.0.1:${main.port}/cross"\n    json: { method: POST }\n`);
    expect(json.detail).toContain('method: another value, expected "POST"');
  });
});

describe("link-local and metadata targets", () => {
  const from = new URL("http://app.example/");
  const history = { visited: new Set<string>(), redirects: [], maxRedirects: 5, allowInternal: false };
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.1.1/",
    "http://[fe80::1]/",
    "http://[febf::1]/",
    "http://[fd00:ec2::254]/",
    "http://[::ffff:169.254.169.254]/",
    "http://100.100.100.200/latest/meta-data/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://METADATA.google.internal./",
    "http://metadata/computeMetadata/v1/",
    "http://2852039166/",
  ])("refuses a redirect to %s", (location) => {
    const target = redirectTarget(from, 302, location, history);
    expect(target).toMatchObject({ ok: false });
    expect(target.ok ? "" : target.detail).toContain("link-local or cloud metadata address");
  });

  it.each([
    "http://169.255.0.1/",
    "http://[fec0::1]/",
    "http://100.100.100.201/",
    "http://metadata.example/",
  ])("follows a redirect to %s", (location) => {
    expect(redirectTarget(from, 302, location, history)).toMatchObject({ ok: true });
  });

  it("follows one when the check's own URL is such an address", () => {
    const own = new URL("http://169.254.169.254/latest/");
    const allowed = { ...history, allowInternal: true };
    expect(redirectTarget(own, 301, "http://169.254.169.254/latest/meta-data/", allowed)).toMatchObject({
      ok: true,
    });
  });

  it("refuses any resolved internal address, in both lookup forms", async () => {
    const fake: LookupFunction = (_host, options, callback) => {
      const all = typeof options === "object" && options !== null && "all" in options && options.all === true;
      const list = [
        { address: "127.0.0.1", family: 4 },
        { address: "fe80::1", family: 6 },
      ];
      if (all) (callback as (e: null, a: typeof list) => void)(null, list);
      else callback(null, "169.254.10.10", 4);
    };
    const guarded = guardedLookup(fake);
    const one = await new Promise<unknown>((resolve) => guarded("x.test", {}, (error) => resolve(error)));
    expect(one).toBeInstanceOf(InternalAddressError);
    const all = await new Promise<unknown>((resolve) =>
      guarded("x.test", { all: true }, (error) => resolve(error)),
    );
    expect(String(all)).toContain("x.test resolves to fe80::1");
  });
});

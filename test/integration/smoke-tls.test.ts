import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpProbe } from "../../src/adapters/probes/http-probe.ts";
import { runSmoke } from "../../src/adapters/probes/run-smoke.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { SmokeReport } from "../../src/ports.ts";
import {
  type Certificates,
  loopbackLookup,
  makeCertificates,
  startHttpsServer,
  type TestServer,
} from "../fixtures/smoke/loopback.ts";

let certificates: Certificates;
const servers: Record<"valid" | "expired" | "otherHost" | "selfSigned", TestServer> = {} as never;

beforeAll(async () => {
  certificates = makeCertificates();
  for (const name of ["valid", "expired", "otherHost", "selfSigned"] as const) {
    servers[name] = await startHttpsServer(
      (_request, response) => response.writeHead(200).end("ok"),
      certificates[name],
    );
  }
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

function run(checks: string, trustTestCa: boolean): Promise<SmokeReport> {
  const suite = parseChecks(
    `settings: { deadline-ms: 500, retry-interval-ms: 1000 }\nchecks:\n${checks}`,
    "checks",
  );
  const http = createHttpProbe(
    trustTestCa ? { lookup: loopbackLookup, ca: certificates.ca } : { lookup: loopbackLookup },
  );
  return runSmoke(suite, { env: {}, probes: { http } });
}

describe("TLS", () => {
  it("passes a trusted certificate, by IP and by name, with handshake timings", async () => {
    const report = await run(
      [
        `  - { name: by ip, http: "https://127.0.0.1:${servers.valid.port}/" }`,
        `  - { name: by name, http: "https://localhost:${servers.valid.port}/" }`,
      ].join("\n"),
      true,
    );
    expect(report.verdict).toBe("pass");
    const timings = report.checks[0]?.timings.lastAttempt;
    expect(timings?.tlsMs).toBeGreaterThan(timings?.connectMs ?? 0);
  });

  it("labels every certificate problem as tls, with the OpenSSL code", async () => {
    const report = await run(
      [
        `  - { name: self-signed, http: "https://127.0.0.1:${servers.selfSigned.port}/" }`,
        `  - { name: expired, http: "https://localhost:${servers.expired.port}/" }`,
        `  - { name: wrong host, http: "https://localhost:${servers.otherHost.port}/" }`,
        `  - { name: unknown ca, http: "https://localhost:${servers.valid.port}/" }`,
      ].join("\n"),
      false,
    );
    expect(report.checks.map((check) => [check.name, check.verdict, check.cause])).toEqual([
      ["self-signed", "fail", "tls"],
      ["expired", "fail", "tls"],
      ["wrong host", "fail", "tls"],
      ["unknown ca", "fail", "tls"],
    ]);
    expect(report.checks[0]?.detail).toContain("DEPTH_ZERO_SELF_SIGNED_CERT");
    // Without the test CA the chain fails first; with it, the specific problems show (below).
    expect(report.checks[3]?.detail).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/);
  });

  it("names expiry and hostname mismatch once the chain is trusted", async () => {
    const report = await run(
      [
        `  - { name: expired, http: "https://localhost:${servers.expired.port}/" }`,
        `  - { name: wrong host, http: "https://localhost:${servers.otherHost.port}/" }`,
      ].join("\n"),
      true,
    );
    expect(report.checks[0]).toMatchObject({ verdict: "fail", cause: "tls" });
    expect(report.checks[0]?.detail).toContain("CERT_HAS_EXPIRED");
    expect(report.checks[1]).toMatchObject({ verdict: "fail", cause: "tls" });
    expect(report.checks[1]?.detail).toContain("ERR_TLS_CERT_ALTNAME_INVALID");
  });

  it("labels a TLS handshake against a plain HTTP port as tls", async () => {
    const { startServer } = await import("../fixtures/smoke/loopback.ts");
    const plain = await startServer((_request, response) => response.end("ok"));
    try {
      const report = await run(
        `  - { name: wrong protocol, http: "https://127.0.0.1:${plain.port}/" }`,
        true,
      );
      expect(report.checks[0]).toMatchObject({ verdict: "fail", cause: "tls" });
      expect(report.checks[0]?.detail).toContain("EPROTO: wrong version number");
    } finally {
      await plain.close();
    }
  });

  it("skips verification only with insecure: true, and says so", async () => {
    const report = await run(
      `  - { name: insecure, http: "https://127.0.0.1:${servers.selfSigned.port}/", insecure: true }`,
      false,
    );
    expect(report.checks[0]).toMatchObject({ verdict: "pass", cause: null });
    expect(report.checks[0]?.detail).toContain("TLS certificate not verified: insecure: true");
  });
});

/**
 * The run's one redactor where results leave the process, through the composition root the hosts
 * use: the checks (before a detail is shortened), the events before a body is made of them (a real
 * receiver on loopback), and the incident before its local file is written.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NEVER_CANCELLED, type RunContext } from "../../src/context.ts";
import { Redactor } from "../../src/core/secrets.ts";
import type { Logger } from "../../src/ports.ts";
import { CompositionRoot } from "../../src/registry/compose.ts";
import { sampleEvent } from "../fixtures/notify/sample-event.ts";
import { startServer, type TestServer } from "../fixtures/smoke/loopback.ts";

const TOKEN = "dep-Tok3n-9f8e7d6c5b4a";
const FORMS = [TOKEN, Buffer.from(TOKEN).toString("base64"), encodeURIComponent(`${TOKEN}/x`)];

const logger: Logger = { debug() {}, info() {}, warning() {}, untrusted() {} };
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function root(): { root: CompositionRoot; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-secrets-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const secrets = new Redactor();
  // As the hosts do for DEPLOY_TOKEN.
  secrets.add(TOKEN);
  const context: RunContext = {
    host: "cli",
    workspace: dir,
    logger,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", DEPLOY_TOKEN: TOKEN },
    github: { token: "", apiUrl: "", defaultBranch: null },
    serverUrl: null,
    repository: null,
    branch: null,
    runUrl: null,
    actor: "run-secrets test",
    registerSecret: (value) => secrets.add(value),
    redact: secrets.redact,
    cancellation: NEVER_CANCELLED,
  };
  return { root: new CompositionRoot(context), dir };
}

function expectNoSecret(text: string): void {
  for (const form of FORMS) expect(text).not.toContain(form);
  expect(text).not.toContain(TOKEN.slice(0, 8));
}

describe("the run's secrets are taken out where results leave the process", () => {
  it("a command check's output and detail, as the check reports them (before anything shortens them)", async () => {
    const { root: r, dir } = root();
    const checks = `checks:
  - name: leaky
    command: 'echo "using $DEPLOY_TOKEN"; exit 1'
settings: { deadline-ms: 2000 }
`;
    const smoke = await r.smoke({ inline: checks, file: null }, dir);
    const report = await smoke!.run(smoke!.suite, { PATH: process.env.PATH ?? "", DEPLOY_TOKEN: TOKEN });
    const [check] = report.checks;
    expect(check?.verdict).toBe("fail");
    expect(check?.output).toEqual(["using ***"]);
    expect(check?.detail).toMatch(/^exit code 1; last output: using \*\*\*/);
    expectNoSecret(JSON.stringify(report));
  });

  it("an event, before any body is made of it: what a receiver gets", async () => {
    const bodies: string[] = [];
    const server: TestServer = await startServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        bodies.push(Buffer.concat(chunks).toString("utf8"));
        response.writeHead(200).end("ok");
      });
    });
    cleanup.push(() => server.close());
    const { root: r } = root();
    const notifier = await r.notifier({
      urls: [server.url],
      format: "slack",
      on: [],
      incidentIssue: false,
      warnings: [],
    });
    const event = sampleEvent({
      reason: `the deploy printed ${TOKEN}`,
      failedChecks: [{ name: "leaky", cause: `exit code 1; last output: ${FORMS[1]} ${FORMS[2]}` }],
    });
    const [delivery] = await notifier.send(event);
    expect(delivery?.ok).toBe(true);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain("the deploy printed ***");
    expect(bodies[0]).toContain("last output: *** ***");
    expectNoSecret(bodies[0] ?? "");
  });

  it("an incident, before its local file is written", async () => {
    const { root: r, dir } = root();
    const log = await r.incidentLog({ repository: null, workingDirectory: ".", ledgerFile: null });
    await log.record({
      id: "deploy-7",
      event: "verify-failed",
      title: `Rollback in production: v1.1.0 → 1.0.0`,
      report: `### Checks\n\n| leaky | fail | exit code 1; last output: ${TOKEN} |\n`,
    });
    const folder = path.join(dir, ".shipguard", "incidents");
    const [file] = readdirSync(folder);
    const text = readFileSync(path.join(folder, file ?? ""), "utf8");
    expect(text).toContain("last output: ***");
    expectNoSecret(text);
  });
});

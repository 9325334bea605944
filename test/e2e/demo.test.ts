/**
 * `shipguard demo` as a user runs it (`node dist/cli.js demo`, after `npm run build`): the whole
 * loop in a temporary folder, with real servers (a router and the app per environment), on the
 * runner's Node 24 and the system Node.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isRunning } from "../../src/demo/run-demo.ts";
import { nodeBinaries, ROOT } from "../helpers/run-action.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function demo(node: string, args: string[] = []): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(node, [path.join(ROOT, "dist/cli.js"), "demo", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

describe.each(nodeBinaries())("shipguard demo on $name", ({ path: node }) => {
  it("promotes through staging, blocks production, fails a canary, rolls back and verifies, in under ten seconds", async () => {
    const r = await demo(node);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(10_000);
    const out = r.stdout;
    expect(out).not.toContain("!!");

    // v1.0.0: released, through staging in traffic steps, promoted to production through the gate.
    expect(out).toMatch(/✓ Released v1\.0\.0: an annotated tag on [0-9a-f]{7}\./);
    expect(out).toContain(
      "✓ v1.0.0 deployed to staging, its checks passing at each traffic step (10% pass, 50% pass, 100% pass): health passed, version passed.",
    );
    expect(out).toContain(
      "no version serves staging yet: nothing to split traffic with, so 1.0.0 takes all of it",
    );
    expect(out).toMatch(
      /✓ v1\.0\.0 promoted to production: the gate found it verified in staging \(#[0-9a-f]{8}\); health passed, version passed\./,
    );

    // v1.1.0: the gate keeps it out of production, which keeps serving v1.0.0.
    expect(out).toMatch(/✓ Released v1\.1\.0: an annotated tag on [0-9a-f]{7}\./);
    expect(out).toContain(
      "✗ Blocked, as it should be: SG_NOT_VERIFIED_IN: 1.1.0 is not verified in staging (never deployed there): production only receives versions already verified there. Nothing was deployed or recorded.",
    );
    expect(out).toMatch(/ {4}production still serves v1\.0\.0 \(GET http:\/\/127\.0\.0\.1:\d+\/version\)\./);

    // The canary in staging: 10% of the traffic, fails there, back to 0%, rolled back.
    expect(out).toContain("staging: 10% of requests to 1.1.0 (canary), 90% to 1.0.0 (stable)");
    expect(out).toMatch(
      /✗ v1\.1\.0 failed at its first step, 10% of staging's traffic: health FAILED after (\d+ ms|[\d.]+ s) \(success-rate: .*success rate 0\.9 \(18 of 20\) is below 1; failures: status x2\), version passed\./,
    );
    expect(out).toContain("    Step 1 of 3 (10%): fail.\n    Steps 2 and 3 (50%, 100%) never ran.\n");
    expect(out).toContain(
      "    Traffic went back to 0%: all of staging's requests to v1.0.0 again, the canary stopped.",
    );
    const canary = out.slice(out.indexOf("→ Deploying v1.1.0 to staging as a canary"));
    expect(canary).toContain("Traffic step 1 of 3: 10% to 1.1.0.");
    expect(canary.slice(0, canary.indexOf("\n→ "))).not.toContain("Traffic step 2 of 3");
    expect(out).toContain(
      "✓ Rolled back to v1.0.0 automatically, in the same process: Rolled staging back from 1.1.0 to v1.0.0; its checks pass.",
    );
    // Cause first: the failed step, the traffic back to 0%, then the rollback.
    const order = [
      "warning: Traffic step 1 of 3 (10%) failed: smoke checks failed: health (success-rate).",
      "Sending all traffic back to the stable version: the deploy command with 0%.",
      "staging: all traffic to 1.0.0 (stable), none to a canary",
      "Rolling staging back to 1.0.0 in this process.",
    ].map((line) => out.indexOf(line));
    expect(order.every((at) => at > -1)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));

    // What the team was told, and both environments verified again.
    expect(out).toMatch(
      /✓ The webhook got 5 event\(s\); the incident report is in \.shipguard\/incidents\/sg-[\w-]+\.md\./,
    );
    expect(out).toContain("    released: repo v1.0.0 released");
    expect(out).toContain("    released: repo v1.1.0 released");
    expect(out).toContain("    blocked: production: v1.1.0 blocked by require-verified-in");
    expect(out).toMatch(/ {4}verify-failed: staging: v1\.1\.0 failed its checks .*at 10% \(step 1 of 3\)/);
    expect(out).toContain("    rolled-back: staging: rolled back from 1.1.0 to 1.0.0, verified");
    expect(out).toContain(
      "✓ Verified: staging serves v1.0.0 (health passed, version passed); production serves v1.0.0 (health passed, version passed).",
    );

    // The timeline, with the deploys' own steps.
    const timeline = out.slice(out.indexOf("\nTimeline\n"), out.indexOf("\nLedger ("));
    for (const step of [
      "release v1.0.0",
      "deploy v1.0.0 to staging (traffic steps)",
      "· step 3/3 (100%): checks: pass",
      "promote v1.0.0 to production",
      "· check require-verified-in: verified",
      "✗ deploy v1.1.0 to production: blocked",
      "· check require-verified-in: blocked",
      "✗ canary v1.1.0 in staging: fails at 10%",
      "· step 1/3 (10%): checks: fail",
      "· revert traffic to 0%: ok",
      "roll back staging to v1.0.0 (automatic)",
      "· start the rollback: success",
      "verify v1.0.0 again",
    ]) {
      expect(timeline).toContain(step);
    }

    // The ledger: twelve lines, as time, environment, version, kind, state; nothing for the blocked deploy.
    expect(out).toContain("Ledger (12 lines)");
    const ledger = out
      .slice(out.indexOf("\nLedger ("))
      .split("\n")
      .filter((line) => /^ {2}\d\d:\d\d:\d\d\.\d{3} /.test(line))
      .map((line) => line.trim().split(/\s+/).slice(1, 5).join(" "));
    expect(ledger).toEqual([
      "staging 1.0.0 deploy created",
      "staging 1.0.0 deploy in_progress",
      "staging 1.0.0 deploy success",
      "production 1.0.0 deploy created",
      "production 1.0.0 deploy in_progress",
      "production 1.0.0 deploy success",
      "staging 1.1.0 deploy created",
      "staging 1.1.0 deploy in_progress",
      "staging 1.0.0 rollback created",
      "staging 1.0.0 rollback in_progress",
      "staging 1.0.0 rollback success",
      "staging 1.1.0 deploy failure",
    ]);
    expect(out).toContain("Failed at 10% (step 1 of 3; rollback to 1.0.0)");

    // Nothing left behind: every server it started (two routers, 1.0.0 in each environment, the
    // canary) is gone (a zombie counts: it has exited), the folder is removed, and the closing
    // line comes last.
    const pids =
      /Stopped the app servers and routers \(pid ([\d, ]+)\)\./.exec(out)?.[1]?.split(", ").map(Number) ?? [];
    expect(pids).toHaveLength(5);
    for (const pid of pids) expect(isRunning(pid), `server ${pid}`).toBe(false);
    const folder = /Removed (\S+)\.\n/.exec(out)?.[1] ?? "";
    expect(folder).toContain("shipguard-demo-");
    expect(existsSync(folder)).toBe(false);
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "v1.0.0 serves staging and production, verified: v1.1.0 was kept out of production and rolled back from staging.",
    );
  });
});

describe("shipguard demo --json --keep", () => {
  it("prints a structured summary and leaves the folder, with the servers stopped", async () => {
    const r = await demo(process.execPath, ["--json", "--keep"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout);
    try {
      expect(json).toMatchObject({
        ok: true,
        problems: [],
        kept: true,
        environments: [{ name: "staging" }, { name: "production" }],
        releases: [
          { version: "1.0.0", tag: "v1.0.0" },
          { version: "1.1.0", tag: "v1.1.0" },
        ],
        deploys: [
          {
            environment: "staging",
            version: "1.0.0",
            status: "success",
            steps: [
              { percent: 10, verdict: "pass" },
              { percent: 50, verdict: "pass" },
              { percent: 100, verdict: "pass" },
            ],
            rollback: null,
          },
          {
            environment: "production",
            version: "1.0.0",
            status: "success",
            gate: [{ environment: "staging", state: "verified" }],
            steps: [],
            smokeVerdict: "pass",
          },
          {
            environment: "production",
            version: "1.1.0",
            status: "blocked",
            blocked: { code: "SG_NOT_VERIFIED_IN" },
            gate: [{ environment: "staging", state: "never-deployed" }],
            smokeVerdict: null,
          },
          {
            environment: "staging",
            version: "1.1.0",
            status: "failure",
            smokeVerdict: "fail",
            steps: [{ percent: 10, verdict: "fail" }],
            trafficRevert: { ok: true },
            rollback: { toVersion: "1.0.0", status: "success" },
          },
        ],
        notifications: [
          { event: "released" },
          { event: "released" },
          { event: "blocked" },
          { event: "verify-failed" },
          { event: "rolled-back" },
        ],
        verifications: [
          { environment: "staging", verdict: "pass", serving: "1.0.0" },
          { environment: "production", verdict: "pass", serving: "1.0.0" },
        ],
      });
      expect(json.deploys[3].checks.find((c: { name: string }) => c.name === "health")).toMatchObject({
        verdict: "fail",
        cause: "success-rate",
      });
      expect(json.steps.every((s: { ok: boolean }) => s.ok)).toBe(true);
      expect(json.durationMs).toBeLessThan(10_000);
      expect(json.servers).toHaveLength(5);
      for (const server of json.servers) {
        expect(server.stopped).toBe(true);
        expect(isRunning(server.pid)).toBe(false);
      }
      // Kept: the repository with its tags, the ledger the table was read from, the incident
      // report, each environment's releases; no pid file names a process that is gone.
      expect(readFileSync(json.ledgerFile, "utf8").trim().split("\n")).toHaveLength(json.ledger.length);
      expect(readFileSync(json.incidentFile, "utf8")).toContain("1.1.0");
      const staging = path.join(json.folder, "server/staging");
      expect(readFileSync(path.join(staging, "releases/1.1.0/VERSION"), "utf8")).toBe("1.1.0\n");
      expect(existsSync(path.join(json.folder, "server/production/releases/1.1.0"))).toBe(false);
      expect(JSON.parse(readFileSync(path.join(staging, "route.json"), "utf8"))).toMatchObject({
        canary: null,
      });
      for (const env of ["staging", "production"]) {
        for (const file of ["a.pid", "b.pid", "router.pid"]) {
          expect(existsSync(path.join(json.folder, "server", env, file)), `${env}/${file}`).toBe(false);
        }
      }
    } finally {
      rmSync(json.folder, { recursive: true, force: true });
    }
  });

  it("takes --keep and --json only", async () => {
    const r = await demo(process.execPath, ["--cwd", "."]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Unknown flag --cwd for `demo`");
    const help = await demo(process.execPath, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--keep");
    expect(help.stdout).not.toContain("--working-directory");
  });
});

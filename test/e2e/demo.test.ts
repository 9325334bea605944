/**
 * `shipguard demo` as a user runs it (`node dist/cli.js demo`, after `npm run build`): the whole
 * loop in a temporary folder, with a real server, on the runner's Node 24 and the system Node.
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
  it("releases, deploys, fails, rolls back and verifies, in under ten seconds", async () => {
    const r = await demo(node);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(10_000);
    const out = r.stdout;

    expect(out).toMatch(/✓ Released v1\.0\.0: an annotated tag on [0-9a-f]{7}\./);
    expect(out).toContain("✓ v1.0.0 deployed and verified: health passed, version passed.");
    expect(out).toMatch(/✓ Released v1\.1\.0: an annotated tag on [0-9a-f]{7}\./);
    expect(out).toMatch(/✗ v1\.1\.0 failed its checks: health FAILED after [\d.]+ s \(status: status 500/);
    expect(out).toContain("version passed.");
    expect(out).toContain(
      "✓ Rolled back to v1.0.0 automatically, in the same process: Rolled production back from 1.1.0 to v1.0.0; its checks pass.",
    );
    expect(out).toContain("✓ Verified: health passed, version passed; current -> releases/1.0.0.");
    expect(out).not.toContain("!!");
    // The product's own log lines, under the steps, with paths relative to the demo folder.
    expect(out).toContain("server/current -> server/releases/1.1.0 (was server/releases/1.0.0).");
    expect(out).toContain("Rolling production back to 1.0.0 in this process.");
    // Cause first: the failed verdict is told before the rollback it starts.
    const verdict = out.indexOf("warning: v1.1.0: smoke checks failed: health (status).");
    expect(verdict).toBeGreaterThan(-1);
    expect(verdict).toBeLessThan(out.indexOf("Rolling production back to 1.0.0 in this process."));

    // The timeline, with the deploy's own steps.
    const timeline = out.slice(out.indexOf("\nTimeline\n"), out.indexOf("\nLedger ("));
    for (const step of [
      "release v1.0.0",
      "deploy v1.0.0",
      "✗ deploy v1.1.0: checks fail",
      "· run the smoke checks: fail",
      "roll back to v1.0.0 (automatic)",
      "· start the rollback: success",
      "verify v1.0.0 again",
    ]) {
      expect(timeline).toContain(step);
    }

    // The ledger: nine lines, as time, environment, version, kind, state.
    expect(out).toContain("Ledger (9 lines)");
    const ledger = out
      .slice(out.indexOf("\nLedger ("))
      .split("\n")
      .filter((line) => /^ {2}\d\d:\d\d:\d\d\.\d{3} /.test(line))
      .map((line) => line.trim().split(/\s+/).slice(1, 5).join(" "));
    expect(ledger).toEqual([
      "production 1.0.0 deploy created",
      "production 1.0.0 deploy in_progress",
      "production 1.0.0 deploy success",
      "production 1.1.0 deploy created",
      "production 1.1.0 deploy in_progress",
      "production 1.0.0 rollback created",
      "production 1.0.0 rollback in_progress",
      "production 1.0.0 rollback success",
      "production 1.1.0 deploy failure",
    ]);

    // Nothing left behind: every server it started is gone (a zombie counts: it has exited), the
    // folder is removed, and the closing line comes last.
    const pids = /Stopped the app servers \(pid ([\d, ]+)\)\./.exec(out)?.[1]?.split(", ").map(Number) ?? [];
    expect(pids).toHaveLength(3);
    for (const pid of pids) expect(isRunning(pid), `server ${pid}`).toBe(false);
    const folder = /Removed (\S+)\.\n/.exec(out)?.[1] ?? "";
    expect(folder).toContain("shipguard-demo-");
    expect(existsSync(folder)).toBe(false);
    expect(out.trimEnd().split("\n").at(-1)).toBe("Rolled back to v1.0.0: verified.");
  });
});

describe("shipguard demo --json --keep", () => {
  it("prints a structured summary and leaves the folder, with the server stopped", async () => {
    const r = await demo(process.execPath, ["--json", "--keep"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    try {
      expect(json).toMatchObject({
        ok: true,
        message: "Rolled back to v1.0.0: verified.",
        problems: [],
        kept: true,
        releases: [
          { version: "1.0.0", tag: "v1.0.0" },
          { version: "1.1.0", tag: "v1.1.0" },
        ],
        deploys: [
          { version: "1.0.0", status: "success", smokeVerdict: "pass", rollback: null },
          {
            version: "1.1.0",
            status: "failure",
            smokeVerdict: "fail",
            rollback: { toVersion: "1.0.0", status: "success" },
          },
        ],
        verification: { verdict: "pass", current: "releases/1.0.0" },
      });
      expect(json.deploys[1].checks.find((c: { name: string }) => c.name === "health")).toMatchObject({
        verdict: "fail",
        cause: "status",
      });
      expect(json.steps.every((s: { ok: boolean }) => s.ok)).toBe(true);
      expect(json.durationMs).toBeLessThan(10_000);
      expect(json.servers).toHaveLength(3);
      for (const server of json.servers) {
        expect(server.stopped).toBe(true);
        expect(isRunning(server.pid)).toBe(false);
      }
      // Kept: the repository with its tags, the ledger the table was read from, the releases.
      expect(readFileSync(json.ledgerFile, "utf8").trim().split("\n")).toHaveLength(json.ledger.length);
      expect(readFileSync(path.join(json.folder, "server/releases/1.1.0/VERSION"), "utf8")).toBe("1.1.0\n");
      expect(existsSync(path.join(json.folder, "server/app.pid"))).toBe(false);
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

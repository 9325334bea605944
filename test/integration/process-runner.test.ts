// The one process runner, with real processes: group kill, grace, tail, stripping, background
// processes, abort, and a server started and stopped.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KILL_GRACE_MS } from "../../src/adapters/process/kill-group.ts";
import { MAX_LINE_CHARS, TAIL_LINES } from "../../src/adapters/process/output-tail.ts";
import { type ProcessSpec, runProcess, startProcess } from "../../src/adapters/process/run-process.ts";
import { tempDir } from "../helpers/deploy-world.ts";
import { alive, until } from "../helpers/wait.ts";

const env = { PATH: process.env.PATH ?? "/usr/bin:/bin" };

/** A shell command with this file's defaults: label "t", the PATH only, 30 s. */
function spec(command: string, extra: Partial<ProcessSpec> = {}): ProcessSpec {
  return { label: "t", command, env, timeoutMs: 30_000, ...extra };
}

function pidIn(dir: string, file: string): number {
  return Number(readFileSync(path.join(dir, file), "utf8"));
}

/** Waits (generously) for a file a command writes. */
function fileAppears(file: string): Promise<void> {
  return until(() => existsSync(file), `${file} to appear`);
}

describe.concurrent("process runner", () => {
  it("documents one grace period, between 1 and 5 seconds", () => {
    expect(KILL_GRACE_MS).toBeGreaterThanOrEqual(1_000);
    expect(KILL_GRACE_MS).toBeLessThanOrEqual(5_000);
  });

  it("ends the whole process group at the timeout: the grandchild is gone when it returns", async (ctx) => {
    const dir = tempDir(ctx, "runner-timeout");
    const result = await runProcess(
      spec("sleep 30 & echo $! > grandchild.pid; echo started; wait", {
        cwd: dir,
        timeoutMs: 300,
        graceMs: 300,
      }),
    );
    expect(result).toMatchObject({ stopped: "timeout", spawnError: null, tail: ["started"], code: null });
    expect(result.signal).toBe("SIGTERM");
    const grandchild = pidIn(dir, "grandchild.pid");
    ctx.onTestFinished(() => {
      if (alive(grandchild)) process.kill(grandchild, "SIGKILL");
    });
    // process.kill(pid, 0) alone would also see a zombie this sandbox's PID 1 never reaps.
    expect(alive(grandchild)).toBe(false);
  });

  it("sends SIGTERM first, then SIGKILL after the grace to a process that ignores SIGTERM", async (ctx) => {
    const dir = tempDir(ctx, "runner-grace");
    const graceMs = 400;
    const result = await runProcess({
      label: "t",
      command: [
        "sh -c 'trap \"echo terminated > polite.txt; exit 0\" TERM; while true; do sleep 0.05; done' &",
        "sh -c 'trap \"\" TERM; echo $$ > stubborn.pid; while true; do sleep 0.05; done' &",
        "wait",
      ].join("\n"),
      cwd: dir,
      env,
      timeoutMs: 300,
      graceMs,
    });
    expect(result.stopped).toBe("timeout");
    const stubborn = pidIn(dir, "stubborn.pid");
    ctx.onTestFinished(() => {
      if (alive(stubborn)) process.kill(stubborn, "SIGKILL");
    });
    expect(alive(stubborn)).toBe(false);
    // The polite one acted on SIGTERM; the stubborn one held out until SIGKILL, after the grace.
    expect(readFileSync(path.join(dir, "polite.txt"), "utf8")).toBe("terminated\n");
    expect(result.durationMs).toBeGreaterThanOrEqual(300 + graceMs - 20);
  });

  it("keeps only the last lines of 100,000, in bounded memory", async () => {
    let calls = 0;
    let lines = 0;
    const result = await runProcess({
      label: "t",
      command: "seq 1 100000",
      env,
      timeoutMs: 30_000,
      onOutput: (text) => {
        calls++;
        lines += text.split("\n").length;
      },
    });
    expect(result.code).toBe(0);
    expect(lines).toBe(100_000);
    expect(calls).toBeGreaterThan(1);
    expect(result.tail).toHaveLength(TAIL_LINES);
    expect(result.tail[0]).toBe(String(100_000 - TAIL_LINES + 1));
    expect(result.tail.at(-1)).toBe("100000");
  });

  it("does not hold a large output in memory", async () => {
    // 1,000,000 lines of 80 characters: 80 MB of text, which would show in the heap if it were kept.
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let calls = 0;
    const result = await runProcess({
      label: "t",
      command: `yes '${"x".repeat(79)}' | head -n 1000000; printf 'a very long line %s' "$(head -c 20000 /dev/zero | tr '\\0' y)"`,
      env,
      timeoutMs: 60_000,
      onOutput: () => {
        if (++calls % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    expect(result.code).toBe(0);
    expect(result.tail).toHaveLength(TAIL_LINES);
    expect(result.tail.at(-1)).toBe(`a very long line ${"y".repeat(MAX_LINE_CHARS - 17)}...`);
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("strips ANSI escapes and control characters; a carriage return keeps the last drawing", async () => {
    const seen: string[] = [];
    const result = await runProcess({
      label: "t",
      command: [
        "printf '\\033[1;31mred\\033[0m and \\033]0;a title\\007plain\\a\\n'",
        "printf 'progress 10%%\\rprogress 100%%\\r\\n'",
        "printf 'tab\\tkept\\n'",
      ].join("; "),
      env,
      timeoutMs: 10_000,
      onOutput: (text) => seen.push(text),
    });
    expect(result.tail).toEqual(["red and plain", "progress 100%", "tab\tkept"]);
    expect(seen.join("\n")).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it("ends a background process that holds the output once the command exits (the default)", async (ctx) => {
    const dir = tempDir(ctx, "runner-background");
    const seen: string[] = [];
    const result = await runProcess({
      label: "check",
      command: "sleep 30 & echo $! > background.pid; echo started; exit 0",
      cwd: dir,
      env,
      timeoutMs: 30_000,
      graceMs: 300,
      onOutput: (text) => seen.push(text),
    });
    const background = pidIn(dir, "background.pid");
    ctx.onTestFinished(() => {
      if (alive(background)) process.kill(background, "SIGKILL");
    });
    expect(result).toMatchObject({ code: 0, stopped: null, background: "ended", tail: ["started"] });
    expect(alive(background)).toBe(false);
    expect(seen.at(-1)).toBe(
      "(shipguard: a background process of check still held its output, which is no longer read (redirect it to a file): shipguard ended it.)",
    );
  });

  it("leaves a background process running when asked, without waiting for it; stop() ends it", async (ctx) => {
    const dir = tempDir(ctx, "runner-keep");
    const running = startProcess({
      label: "restart-command",
      command: "sleep 30 & echo $! > background.pid; echo started",
      cwd: dir,
      env,
      timeoutMs: 30_000,
      graceMs: 300,
      keepBackground: true,
    });
    const result = await running.done;
    const background = pidIn(dir, "background.pid");
    ctx.onTestFinished(() => {
      if (alive(background)) process.kill(background, "SIGKILL");
    });
    expect(result).toMatchObject({ code: 0, background: "kept", tail: ["started"] });
    expect(alive(background)).toBe(true);
    await running.stop();
    expect(alive(background)).toBe(false);
  });

  it("stops on abort, and does not start when the signal has already aborted", async (ctx) => {
    const dir = tempDir(ctx, "runner-abort");
    const controller = new AbortController();
    const pending = runProcess({
      label: "t",
      command: "echo $$ > shell.pid; sleep 30",
      cwd: dir,
      env,
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    await fileAppears(path.join(dir, "shell.pid"));
    controller.abort();
    const result = await pending;
    expect(result.stopped).toBe("aborted");
    expect(alive(pidIn(dir, "shell.pid"))).toBe(false);

    const early = await runProcess({
      label: "t",
      command: "touch ran; sleep 30",
      cwd: dir,
      env,
      timeoutMs: 30_000,
      signal: AbortSignal.abort(),
    });
    expect(early.stopped).toBe("aborted");
    expect(existsSync(path.join(dir, "ran"))).toBe(false);
  });

  it("starts a server without a shell and no time limit, and stop() ends it", async (ctx) => {
    const dir = tempDir(ctx, "runner-server");
    const script =
      "require('node:http').createServer((q, s) => s.end('up')).listen(0, '127.0.0.1', function () { console.log(this.address().port); })";
    let port = 0;
    const server = startProcess({
      label: "server",
      command: [process.execPath, "-e", script],
      cwd: dir,
      env: {},
      timeoutMs: null,
      onOutput: (text) => {
        port = Number(text.split("\n")[0]);
      },
    });
    const pid = server.pid ?? 0;
    ctx.onTestFinished(() => {
      if (alive(pid)) process.kill(pid, "SIGKILL");
    });
    await until(() => port !== 0, "the server to print its port");
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("up");
    await server.stop();
    expect(alive(pid)).toBe(false);
    expect(await server.done).toMatchObject({ stopped: "stopped", signal: "SIGTERM" });
  });

  it("passes only the given environment and reports a command that cannot start", async (ctx) => {
    process.env.SHIPGUARD_TEST_RUNNER_LEAK = "leaked";
    ctx.onTestFinished(() => {
      delete process.env.SHIPGUARD_TEST_RUNNER_LEAK;
    });
    const result = await runProcess({
      label: "t",
      command: 'printf "%s|%s" "${SHIPGUARD_TEST_RUNNER_LEAK:-clean}" "$GIVEN"',
      env: { ...env, GIVEN: "$(echo pasted)" },
      timeoutMs: 10_000,
    });
    expect(result.tail).toEqual(["clean|$(echo pasted)"]);

    const missing = await runProcess({
      label: "t",
      command: "true",
      cwd: path.join(tempDir(ctx, "runner-missing"), "nope"),
      env,
      timeoutMs: 10_000,
    });
    expect(missing.spawnError).toMatch(/ENOENT/);
    expect(missing.code).toBeNull();
  });
});

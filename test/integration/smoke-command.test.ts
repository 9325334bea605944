// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR}` templates and shell expansions are the data under test.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCommandProbe } from "../../src/adapters/probes/command-probe.ts";
import { runSmoke } from "../../src/adapters/probes/run-smoke.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import type { CommandCheck } from "../../src/core/smoke/types.ts";
import { alive, until } from "../helpers/wait.ts";

const dir = mkdtempSync(join(tmpdir(), "shipguard-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", SHIPGUARD_VERSION: "1.2.3" };

function commandCheck(yaml: string): CommandCheck {
  return parseChecks(yaml, "checks").checks[0] as CommandCheck;
}

async function attempt(yaml: string, timeoutMs = 5000, environment: Record<string, string> = env) {
  const probe = createCommandProbe({ killGraceMs: 200 });
  return probe.attempt(commandCheck(yaml), {
    signal: new AbortController().signal,
    timeoutMs,
    env: environment,
  });
}

describe("command probe", () => {
  it("passes on exit 0", async () => {
    const outcome = await attempt("- { name: c, command: 'true' }");
    expect(outcome).toMatchObject({ verdict: "pass", cause: null, output: [] });
    expect(outcome.detail).toMatch(/^exit code 0 in \d+ ms$/);
  });

  it("fails on a non-zero exit and keeps the last lines of output", async () => {
    const outcome = await attempt(
      "- name: c\n  command: 'for i in $(seq 1 30); do echo line $i; done; echo oops >&2; exit 3'\n",
    );
    expect(outcome).toMatchObject({
      verdict: "fail",
      cause: "exit-code",
      detail: "exit code 3; last output: oops",
    });
    expect(outcome.output).toHaveLength(20);
    expect(outcome.output?.at(-2)).toBe("line 30");
    expect(outcome.output?.at(-1)).toBe("oops");
  });

  it("gets values through its environment only, never pasted in", async () => {
    const evil = "$(touch pwned) `touch pwned2`; touch pwned3";
    const outcome = await attempt(
      `- name: c\n  command: 'test "$SHIPGUARD_VERSION" = "$EXPECTED" && printf %s "$SHIPGUARD_VERSION"'\n  cwd: ${dir}\n`,
      5000,
      { ...env, SHIPGUARD_VERSION: evil, EXPECTED: evil },
    );
    expect(outcome.verdict).toBe("pass");
    expect(outcome.output).toEqual([evil]);
    expect(existsSync(join(dir, "pwned"))).toBe(false);
    expect(existsSync(join(dir, "pwned2"))).toBe(false);
    expect(existsSync(join(dir, "pwned3"))).toBe(false);
  });

  it("does not see the process environment", async () => {
    process.env.SHIPGUARD_TEST_LEAK = "leaked";
    try {
      const outcome = await attempt("- { name: c, command: 'printf %s \"${SHIPGUARD_TEST_LEAK:-clean}\"' }");
      expect(outcome.output).toEqual(["clean"]);
    } finally {
      delete process.env.SHIPGUARD_TEST_LEAK;
    }
  });

  // Real timeouts against real processes: each test asserts the cause and that every process of
  // the group is gone. The wall-clock bound is only a sanity check far below the commands' 30 s.
  it("kills the whole process group on timeout", async () => {
    const pidFile = join(dir, "background.pid");
    const started = performance.now();
    // A background child that would live 30 s unless the whole group is killed.
    const outcome = await attempt(
      `- name: c\n  command: 'sleep 30 & echo $! > ${pidFile}; echo started; sleep 30'\n`,
      300,
    );
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(outcome).toMatchObject({ verdict: "fail", cause: "timeout" });
    expect(outcome.detail).toBe("no exit within 300 ms; killed the process group; last output: started");
    const background = Number(readFileSync(pidFile, "utf8"));
    await until(() => !alive(background), "the background child to die with its group", { timeoutMs: 3_000 });
  });

  it("escalates to SIGKILL when SIGTERM is ignored", async () => {
    const started = performance.now();
    // The ignored SIGTERM is inherited: neither the shell nor its sleep stops before the SIGKILL.
    const outcome = await attempt("- name: c\n  command: 'trap \"\" TERM; sleep 30 & echo $!; wait'\n", 200);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(outcome).toMatchObject({ verdict: "fail", cause: "timeout" });
    const sleeper = Number(outcome.output?.[0]);
    expect(sleeper).toBeGreaterThan(0);
    await until(() => !alive(sleeper), "the sleep that ignores SIGTERM to be killed", { timeoutMs: 3_000 });
  });

  it("reports a missing working directory", async () => {
    const outcome = await attempt(`- { name: c, command: 'true', cwd: ${join(dir, "missing")} }`);
    expect(outcome).toMatchObject({ verdict: "fail", cause: "exit-code" });
    expect(outcome.detail).toContain("could not start the command");
  });

  it("reports a command killed by a signal", async () => {
    const outcome = await attempt("- { name: c, command: 'kill -SEGV $$' }");
    expect(outcome).toMatchObject({ verdict: "fail", cause: "exit-code" });
    expect(outcome.detail).toMatch(/killed by SIGSEGV|exit code 139/);
  });

  it("keeps bounded output from a very chatty command", async () => {
    const outcome = await attempt(
      "- { name: c, command: 'head -c 20000000 /dev/zero | tr \"\\0\" x; echo; echo done' }",
    );
    expect(outcome.verdict).toBe("pass");
    expect(outcome.output?.at(-1)).toBe("done");
    expect(outcome.output?.at(-2)?.length).toBe(503);
  });

  it("runs inside a suite with the step's variables", async () => {
    writeFileSync(join(dir, "version"), "1.2.3");
    const suite = parseChecks(
      `settings: { deadline-ms: 500 }\nchecks:\n  - name: version file\n    command: 'test "$(cat version)" = "$SHIPGUARD_VERSION"'\n    cwd: ${dir}\n`,
      "checks",
    );
    expect((await runSmoke(suite, { env })).verdict).toBe("pass");
    expect((await runSmoke(suite, { env: { ...env, SHIPGUARD_VERSION: "1.2.4" } })).checks[0]).toMatchObject({
      verdict: "fail",
      cause: "exit-code",
    });
  });
});

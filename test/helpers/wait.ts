/**
 * Waiting on real events outside the test's control (a process to die, a server to have data),
 * where no event can be subscribed to: polled, and always bounded, failing with what was awaited.
 * Tests never wait for time itself to pass: they use fake timers or an injected clock.
 */
import { existsSync, readFileSync } from "node:fs";

// Captured at import, so that polling still works while a test has installed fake timers.
const realSetTimeout = globalThis.setTimeout;

/** Resolves once `condition` holds; throws after `timeoutMs` naming `what` was awaited. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  { timeoutMs = 5_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => realSetTimeout(resolve, intervalMs));
  }
}

/** Alive and not a zombie (PID 1 of a sandbox may never reap the orphans it inherits). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    // Without /proc (not Linux) the signal's answer stands; with it, the process just went away.
    return !existsSync("/proc/self/stat");
  }
}

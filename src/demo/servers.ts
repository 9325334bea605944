/** The app servers the demo's restart command starts: recorded by pid, always stopped at the end. */
import { readFileSync } from "node:fs";

export function recordedPids(file: string): number[] {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return [
    ...new Set(
      text
        .split(/\s+/)
        .filter((t) => /^\d+$/.test(t))
        .map(Number),
    ),
  ].filter((pid) => pid > 1);
}

/**
 * Whether a process still runs. A zombie counts as gone: it has exited and only waits to be
 * reaped, which some container init processes never do.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/** Signals a server the restart command started, unless the pid now belongs to something else. */
export function signalServer(pid: number, signal: NodeJS.Signals): void {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmdline.includes("server.mjs")) return;
  } catch {
    // No /proc (macOS): the pid was recorded seconds ago by this demo.
  }
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops every app server the demo started: SIGTERM, then SIGKILL after two seconds. */
export async function stopServers(pidsFile: string): Promise<{ pid: number; stopped: boolean }[]> {
  const pids = recordedPids(pidsFile);
  for (const pid of pids) if (isRunning(pid)) signalServer(pid, "SIGTERM");
  const deadline = performance.now() + 2_000;
  while (pids.some(isRunning) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (const pid of pids) if (isRunning(pid)) signalServer(pid, "SIGKILL");
  if (pids.some(isRunning)) await new Promise((resolve) => setTimeout(resolve, 100));
  return pids.map((pid) => ({ pid, stopped: !isRunning(pid) }));
}

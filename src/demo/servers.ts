/**
 * The app servers and routers the demo's deploy command starts: recorded by pid, always stopped at
 * the end.
 */
import { readFileSync } from "node:fs";
import { endProcess, processAlive, signalProcess } from "../adapters/process/kill-group.ts";

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

/** What the deploy command runs: the app (server.mjs) and each environment's router (router.mjs). */
const SCRIPTS = ["server.mjs", "router.mjs"];

/**
 * Signals a server the deploy command started, unless the pid now belongs to something else;
 * false when it was not signalled.
 */
export function signalServer(pid: number, signal: NodeJS.Signals): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!SCRIPTS.some((script) => cmdline.includes(script))) return false;
  } catch {
    // No /proc (macOS): the pid was recorded seconds ago by this demo.
  }
  return signalProcess(pid, signal);
}

/**
 * Stops every server the demo started, with the process runner's policy (SIGTERM, SIGKILL after
 * its grace period). One server at a time would be the grace times the servers: together. Each is
 * ended on its own pid: it leads no process group (the deploy command's shell did).
 */
export async function stopServers(pidsFile: string): Promise<{ pid: number; stopped: boolean }[]> {
  const pids = recordedPids(pidsFile);
  await Promise.all(pids.map((pid) => endProcess(pid, (signal) => signalServer(pid, signal))));
  return pids.map((pid) => ({ pid, stopped: !processAlive(pid) }));
}

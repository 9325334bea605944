/**
 * Ending a process group: every process a command started, however deep, shares the group the
 * detached command leads, so one negative pid reaches them all.
 */
import { readdirSync, readFileSync } from "node:fs";
import { sleep } from "../sleep.ts";

/**
 * SIGTERM to SIGKILL, the one grace period. Long enough for a shell, a server or a CLI to flush and
 * exit on SIGTERM (they take milliseconds); short enough that a cancelled run, which the Actions
 * runner gives 7.5 s between SIGINT and SIGTERM, still ends the group and records the outcome,
 * and that a smoke check overruns its deadline by at most this much.
 */
export const KILL_GRACE_MS = 2_000;
/** After SIGKILL, how long to wait for the kernel to remove the processes before reporting. */
const KILL_SETTLE_MS = 1_000;
const POLL_MS = 20;

/** Sends `signal` to every process of the group; false when the group is gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a process of the group still runs. A zombie counts as gone: it has exited and only
 * waits to be reaped, which some container init processes never do.
 */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return livingMember(pgid) ?? true;
}

/** Sends `signal` to one process; false when it is gone. */
export function signalProcess(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Whether one process still runs; a zombie counts as gone, as in groupAlive. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return procStat(String(pid))?.state !== "Z";
}

/**
 * SIGTERM (and SIGCONT, so that a stopped process can act on it) to the group, SIGKILL after
 * `graceMs` if any of it still runs; resolves once the group is gone (or SIGKILL had time to act).
 */
export function endGroup(pgid: number, graceMs: number = KILL_GRACE_MS): Promise<void> {
  return end(
    (signal) => signalGroup(pgid, signal),
    () => groupAlive(pgid),
    graceMs,
  );
}

/**
 * endGroup's sequence for one process that leads no group of its own (a server a restart command
 * left running). `signal` may refuse (return false): when the pid may now belong to another program.
 */
export function endProcess(
  pid: number,
  signal: (signal: NodeJS.Signals) => boolean = (s) => signalProcess(pid, s),
): Promise<void> {
  return end(signal, () => processAlive(pid), KILL_GRACE_MS);
}

async function end(
  signal: (signal: NodeJS.Signals) => boolean,
  alive: () => boolean,
  graceMs: number,
): Promise<void> {
  if (!signal("SIGTERM")) return;
  signal("SIGCONT");
  if (await gone(alive, graceMs)) return;
  signal("SIGKILL");
  await gone(alive, KILL_SETTLE_MS);
}

async function gone(alive: () => boolean, withinMs: number): Promise<boolean> {
  const deadline = performance.now() + withinMs;
  while (alive()) {
    if (performance.now() >= deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}

/** Whether a process of the group is not a zombie; null without /proc (then assume it runs). */
function livingMember(pgid: number): boolean | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat !== null && Number(stat.pgrp) === pgid && stat.state !== "Z") return true;
  }
  return false;
}

/** A process's state letter and process group, from /proc; null when it cannot be read. */
function procStat(pid: string): { state: string; pgrp: string } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read after the last ")".
  const [state = "", , pgrp = ""] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state, pgrp };
}

import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  sleep
} from "./chunk-XD65SSXG.js";

// src/adapters/process/kill-group.ts
import { readdirSync, readFileSync } from "node:fs";
var KILL_GRACE_MS = 2e3;
var KILL_SETTLE_MS = 1e3;
var POLL_MS = 20;
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  return livingMember(pgid) ?? true;
}
function signalProcess(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  return procStat(String(pid))?.state !== "Z";
}
function endGroup(pgid, graceMs = KILL_GRACE_MS) {
  return end(
    (signal) => signalGroup(pgid, signal),
    () => groupAlive(pgid),
    graceMs
  );
}
function endProcess(pid, signal = (s) => signalProcess(pid, s)) {
  return end(signal, () => processAlive(pid), KILL_GRACE_MS);
}
async function end(signal, alive, graceMs) {
  if (!signal("SIGTERM")) return;
  signal("SIGCONT");
  if (await gone(alive, graceMs)) return;
  signal("SIGKILL");
  await gone(alive, KILL_SETTLE_MS);
}
async function gone(alive, withinMs) {
  const deadline = performance.now() + withinMs;
  while (alive()) {
    if (performance.now() >= deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}
function livingMember(pgid) {
  let entries;
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
function procStat(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  const [state = "", , pgrp = ""] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state, pgrp };
}

export {
  KILL_GRACE_MS,
  groupAlive,
  signalProcess,
  processAlive,
  endGroup,
  endProcess
};

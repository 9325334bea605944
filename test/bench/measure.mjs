// Measurement helpers for the benchmark: wall time and peak memory of one process run.
//
// Peak memory (KiB, the unit of ru_maxrss):
//   - GNU time (`/usr/bin/time -f %M`, Debian package `time`) when present. Note: %M is the
//     ru_maxrss that wait4() returns for the timed process, and Linux folds into it the peak of every
//     descendant that process waited for. For `git log` (no children) it is git's own peak; for
//     `node dist/cli.js`, which waits for its git children, it is max(node, git), NOT node's own.
//   - so for a Node process the harness preloads peak-rss-preload.mjs, which writes
//     process.resourceUsage().maxRSS (RUSAGE_SELF: the Node process alone) at exit. That is the
//     figure the 150 MB target is judged on; the GNU time figure is kept as `treePeakKB`.
//   - without GNU time: polling /proc/<pid>/status VmHWM every few ms. VmHWM is itself a high-water
//     mark, so a sample never misses an earlier peak, but growth in the last interval before exit
//     is missed: a lower bound.

import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const GNU_TIME = "/usr/bin/time";
const PRELOAD = pathToFileURL(
  path.join(path.dirname(fileURLToPath(import.meta.url)), "peak-rss-preload.mjs"),
).href;

let gnuTime;
/** True when /usr/bin/time is GNU time (supports -f and -o). */
export function hasGnuTime() {
  if (gnuTime === undefined) {
    gnuTime = false;
    // SHIPGUARD_BENCH_NO_GNU_TIME=1 forces the /proc polling fallback (to test it).
    if (existsSync(GNU_TIME) && process.env.SHIPGUARD_BENCH_NO_GNU_TIME !== "1") {
      const dir = mkdtempSync(path.join(os.tmpdir(), "sg-bench-"));
      try {
        const out = path.join(dir, "t");
        const r = spawnSync(GNU_TIME, ["-f", "%M", "-o", out, "true"], { stdio: "ignore" });
        gnuTime = r.status === 0 && /^\d+\s*$/.test(readFileSync(out, "utf8"));
      } catch {
        gnuTime = false;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return gnuTime;
}

/** Describes the memory method for the report. */
export function memoryMethod() {
  return hasGnuTime()
    ? "GNU time (/usr/bin/time -f %M) for git; Node's own ru_maxrss (RUSAGE_SELF, preload) for node"
    : "/proc/<pid>/status VmHWM polling (lower bound; install Debian package `time` for exact figures); Node's own ru_maxrss (preload) for node";
}

/** Process groups of running children (spawned detached), killed by killLiveGroups() on Ctrl-C. */
export const liveGroups = new Set();

export function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export function killLiveGroups() {
  for (const pid of liveGroups) killGroup(pid);
  liveGroups.clear();
}

/** True when argv[0] runs Node. */
export function isNodeCommand(cmd) {
  const base = path.basename(cmd);
  return cmd === process.execPath || base === "node" || base === "nodejs" || base === "node.exe";
}

/**
 * Runs argv once and measures it.
 * @param {string[]} argv
 * @param {{cwd?: string, stdout?: "null" | "capture", nodeSelf?: boolean, timeoutMs?: number,
 *   captureLimit?: number, memory?: boolean}} [opts]
 * @returns {Promise<{wallMs: number, code: number | null, signal: string | null, peakKB: number | null,
 *   peakMethod: string, treePeakKB: number | null, stdout: string, stdoutBytes: number,
 *   stdoutTruncated: boolean, stderr: string,
 *   timedOut: boolean}>}
 */
export async function measure(argv, opts = {}) {
  const {
    cwd = process.cwd(),
    stdout = "null",
    nodeSelf = isNodeCommand(argv[0]),
    timeoutMs = 30 * 60 * 1000,
    captureLimit = 16 << 20,
    memory = true,
  } = opts;
  const dir = mkdtempSync(path.join(os.tmpdir(), "sg-bench-"));
  const timeFile = path.join(dir, "time");
  const rssFile = path.join(dir, "rss");
  const env = { ...process.env };
  let args = [...argv];
  if (memory && nodeSelf) {
    args = [args[0], "--import", PRELOAD, ...args.slice(1)];
    env.SHIPGUARD_BENCH_RSS_FILE = rssFile;
  }
  const useTime = memory && hasGnuTime();
  if (useTime) args = [GNU_TIME, "-f", "%M", "-o", timeFile, ...args];
  const devNull = stdout === "null" ? openSync("/dev/null", "w") : null;
  try {
    const started = process.hrtime.bigint();
    const child = spawn(args[0], args.slice(1), {
      cwd,
      env,
      stdio: ["ignore", devNull ?? "pipe", "pipe"],
      detached: true, // own process group, so a timeout can kill the whole tree
    });
    if (child.pid) liveGroups.add(child.pid);
    let wallMs = 0;
    let out = "";
    let outBytes = 0;
    let err = "";
    child.stdout?.on("data", (d) => {
      outBytes += d.length;
      if (out.length < captureLimit) out += d.toString("utf8");
    });
    child.stderr.on("data", (d) => {
      err = (err + d.toString("utf8")).slice(-8192);
    });
    let polledKB = 0;
    const poll =
      memory && !useTime && !nodeSelf
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
              if (m) polledKB = Math.max(polledKB, Number(m[1]));
            } catch {
              // exited between samples
            }
          }, 2)
        : null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    const { code, signal } = await new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", () => {
        wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      });
      child.on("close", (c, s) => resolve({ code: c, signal: s }));
    });
    clearTimeout(timer);
    liveGroups.delete(child.pid);
    if (poll) clearInterval(poll);
    const readKB = (file) => {
      try {
        const n = Number.parseInt(readFileSync(file, "utf8").trim().split("\n").pop() ?? "", 10);
        return Number.isFinite(n) ? n : null;
      } catch {
        return null;
      }
    };
    const treePeakKB = useTime ? readKB(timeFile) : null;
    let peakKB = null;
    let peakMethod = "none";
    if (memory && nodeSelf) {
      peakKB = readKB(rssFile);
      peakMethod = "node-self";
    } else if (useTime) {
      peakKB = treePeakKB;
      peakMethod = "gnu-time";
    } else if (memory) {
      peakKB = polledKB || null;
      peakMethod = "proc-vmhwm-poll";
    }
    // GNU time prints "Command exited with non-zero status N" to the -o file as well; the exit code
    // of the timed command is passed through as time's own exit code.
    return {
      wallMs,
      code,
      signal,
      peakKB,
      peakMethod,
      treePeakKB,
      stdout: out,
      stdoutBytes: outBytes,
      stdoutTruncated: out.length < outBytes && Buffer.byteLength(out) < outBytes,
      stderr: err,
      timedOut,
    };
  } finally {
    if (devNull !== null) closeSync(devNull);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function max(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x));
  return v.length ? Math.max(...v) : null;
}

/** Splits a command line like a POSIX shell would for simple cases: quotes and backslashes. */
export function splitCommand(text) {
  const args = [];
  let cur = "";
  let has = false;
  let quote = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) cur += text[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === "\\" && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) args.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
    }
  }
  if (quote) throw new Error(`unbalanced ${quote} in command: ${text}`);
  if (has || cur) args.push(cur);
  return args;
}

/** Renders rows (arrays of strings) as an aligned text table; numbers right-aligned. */
export function table(headers, rows) {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? "").length)));
  const line = (r) =>
    r
      .map((cell, i) => {
        const s = String(cell ?? "");
        return /^[\d.,]+/.test(s) && i < r.length - 1 ? s.padStart(widths[i]) : s.padEnd(widths[i]);
      })
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export const mb = (kb) => (kb == null ? null : kb / 1024);

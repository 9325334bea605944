/**
 * The one way shipguard runs a command of the workflow author's (deploy, prepare, restart,
 * rollback hooks, smoke `command` checks), and the way to start and stop a background server.
 *
 * The policy, once (README, "Running processes"):
 * - The command leads its own process group (detached). A timeout, an abort or stop() ends the
 *   whole group: SIGTERM, then SIGKILL after KILL_GRACE_MS to whatever of it still runs.
 * - Output: stdout and stderr are read line by line, made printable (core/printable.ts), handed to
 *   `onOutput` as they come, and only the last TAIL_LINES lines are kept (output-tail.ts).
 * - When the command exits, its output gets DRAIN_MS to close. A background process it started
 *   that still holds the output is no longer read after that. Whatever of the group still runs is
 *   then ended (same SIGTERM/SIGKILL sequence), unless the caller keeps background processes
 *   (`keepBackground`: a restart command that starts a server); either way `background` says so.
 * - The environment is only `env`: nothing is inherited from this process. Untrusted values reach
 *   a command as variables of `env`, never pasted into `command`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { endGroup, groupAlive, KILL_GRACE_MS } from "./kill-group.ts";
import { OutputTail, type StreamReader } from "./output-tail.ts";

export { KILL_GRACE_MS } from "./kill-group.ts";
export { MAX_LINE_CHARS, TAIL_LINES } from "./output-tail.ts";

/** How long the output may stay open after the command exited, for its last lines. */
export const DRAIN_MS = 300;

export interface ProcessSpec {
  /** What the command is, for messages: "deploy-command". */
  label: string;
  /** A shell command line written by the workflow author (`sh -c`), or argv run without a shell. */
  command: string | readonly [string, ...string[]];
  cwd?: string;
  /** The child's whole environment. */
  env: Record<string, string>;
  /** null: no limit (a server that runs until stop()). */
  timeoutMs: number | null;
  signal?: AbortSignal;
  /** Between SIGTERM and SIGKILL (default KILL_GRACE_MS); tests shorten it. */
  graceMs?: number;
  /** Leave processes the command started in the background running after it exits. */
  keepBackground?: boolean;
  /** Receives complete lines (stdout and stderr as they interleave), a batch at a time. */
  onOutput?: (text: string) => void;
  /** How many of the last lines to keep (default TAIL_LINES). */
  tailLines?: number;
}

export interface ProcessResult {
  /** The exit code, or null when a signal ended the command. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when shipguard ended the command itself. */
  stopped: "timeout" | "aborted" | "stopped" | null;
  /** The command could not start at all (missing working directory...). */
  spawnError: string | null;
  /** The last lines of output, printable, without trailing empty lines. */
  tail: string[];
  durationMs: number;
  /** Processes of the group still running after the command exited: none, left running, or ended. */
  background: "none" | "kept" | "ended";
}

export interface RunningProcess {
  /** The process group (the command's pid); undefined when it could not start. */
  readonly pid: number | undefined;
  /** Settles once the command has exited and the background policy was applied; never rejects. */
  readonly done: Promise<ProcessResult>;
  /** Ends the whole group (also what a finished command kept running) and waits until it is gone. */
  stop(): Promise<void>;
}

/** Runs a command to its end (or its timeout). */
export function runProcess(spec: ProcessSpec): Promise<ProcessResult> {
  return startProcess(spec).done;
}

/** Starts a command and returns at once: await `done`, or stop() it (a server). */
export function startProcess(spec: ProcessSpec): RunningProcess {
  const started = performance.now();
  const tail = new OutputTail(spec.tailLines);
  if (spec.signal?.aborted) return notStarted(result({ stopped: "aborted", tail, started }));
  let child: ChildProcess;
  try {
    child = spawnGroup(spec);
  } catch (error) {
    // Node refuses some values before starting anything (a NUL byte in a variable).
    const spawnError = error instanceof Error ? error.message : String(error);
    return notStarted(result({ spawnError, tail, started }));
  }
  const supervisor = new Supervisor(spec, child, tail, started);
  const done = supervisor.run();
  return {
    pid: child.pid,
    done,
    stop: async () => {
      supervisor.requestStop("stopped");
      await done;
      if (child.pid !== undefined && groupAlive(child.pid)) await endGroup(child.pid, supervisor.graceMs);
    },
  };
}

function notStarted(outcome: ProcessResult): RunningProcess {
  const done = Promise.resolve(outcome);
  return { pid: undefined, done, stop: () => done.then(() => undefined) };
}

function spawnGroup(spec: ProcessSpec): ChildProcess {
  const options = {
    cwd: spec.cwd,
    env: { ...spec.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"],
    windowsHide: true,
  };
  if (typeof spec.command === "string") return spawn(spec.command, { ...options, shell: true });
  const [file, ...args] = spec.command;
  return spawn(file, args, options);
}

type Exit = { code: number | null; signal: NodeJS.Signals | null; spawnError: string | null };
type StopReason = NonNullable<ProcessResult["stopped"]>;

/** One command's life: exit or stop, drain, background policy, result. */
class Supervisor {
  readonly graceMs: number;
  private readonly exited: Promise<Exit>;
  private readonly stopRequested: Promise<StopReason>;
  private requestStopNow: (reason: StopReason) => void = () => {};
  private readonly output: Output;
  private readonly spec: ProcessSpec;
  private readonly child: ChildProcess;
  private readonly tail: OutputTail;
  private readonly started: number;

  constructor(spec: ProcessSpec, child: ChildProcess, tail: OutputTail, started: number) {
    this.spec = spec;
    this.child = child;
    this.tail = tail;
    this.started = started;
    this.graceMs = spec.graceMs ?? KILL_GRACE_MS;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal, spawnError: null }));
      child.once("error", (error) => resolve({ code: null, signal: null, spawnError: error.message }));
    });
    this.stopRequested = new Promise((resolve) => {
      this.requestStopNow = resolve;
    });
    this.output = readOutput(child, tail, spec.onOutput);
  }

  requestStop(reason: StopReason): void {
    this.requestStopNow(reason);
  }

  async run(): Promise<ProcessResult> {
    const { spec } = this;
    const timer =
      spec.timeoutMs === null ? undefined : setTimeout(() => this.requestStop("timeout"), spec.timeoutMs);
    const onAbort = (): void => this.requestStop("aborted");
    if (spec.signal?.aborted) onAbort();
    else spec.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const first = await Promise.race([this.exited, this.stopRequested]);
      if (typeof first === "string") return await this.stopped(first);
      return await this.exitedOnItsOwn(first);
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener("abort", onAbort);
    }
  }

  private async stopped(reason: StopReason): Promise<ProcessResult> {
    const pid = this.child.pid;
    if (pid !== undefined) await endGroup(pid, this.graceMs);
    const exit = await this.exited;
    this.output.stop();
    return result({ ...exit, stopped: reason, tail: this.tail, started: this.started });
  }

  private async exitedOnItsOwn(exit: Exit): Promise<ProcessResult> {
    const { spec } = this;
    const pid = this.child.pid;
    const drained = exit.spawnError === null && (await settlesWithin(this.output.closed, DRAIN_MS));
    this.output.stop();
    let background: ProcessResult["background"] = "none";
    if (exit.spawnError === null && pid !== undefined && groupAlive(pid)) {
      background = spec.keepBackground ? "kept" : "ended";
      if (!spec.keepBackground) await endGroup(pid, this.graceMs);
      // A server started on purpose with its output in a file is the normal case: nothing to say.
      const fate = spec.keepBackground ? "it keeps running" : "shipguard ended it";
      if (!drained) {
        spec.onOutput?.(
          `(shipguard: a background process of ${spec.label} still held its output, which is no longer read (redirect it to a file): ${fate}.)`,
        );
      }
    }
    return result({ ...exit, background, tail: this.tail, started: this.started });
  }
}

interface Output {
  /** Both streams have ended. */
  closed: Promise<void>;
  /** Stops reading and hands on the unfinished last lines. */
  stop(): void;
}

function readOutput(child: ChildProcess, tail: OutputTail, onOutput?: (text: string) => void): Output {
  const emit = (lines: string[]): void => {
    if (lines.length > 0) onOutput?.(lines.join("\n"));
  };
  const streams = [child.stdout, child.stderr].flatMap((stream) => (stream === null ? [] : [stream]));
  const readers: StreamReader[] = streams.map((stream) => {
    const reader = tail.reader();
    stream.on("data", (chunk: Buffer) => emit(reader.push(chunk)));
    return reader;
  });
  const closed = Promise.all(
    streams.map((stream) => new Promise<void>((resolve) => stream.once("close", () => resolve()))),
  ).then(() => undefined);
  let stopped = false;
  return {
    closed,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const stream of streams) stream.destroy();
      emit(readers.flatMap((reader) => reader.end()));
    },
  };
}

function result(parts: {
  code?: number | null;
  signal?: NodeJS.Signals | null;
  stopped?: ProcessResult["stopped"];
  spawnError?: string | null;
  background?: ProcessResult["background"];
  tail: OutputTail;
  started: number;
}): ProcessResult {
  return {
    code: parts.code ?? null,
    signal: parts.signal ?? null,
    stopped: parts.stopped ?? null,
    spawnError: parts.spawnError ?? null,
    tail: parts.tail.lines(),
    durationMs: performance.now() - parts.started,
    background: parts.background ?? "none",
  };
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(resolve, ms, false);
  });
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

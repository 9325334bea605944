/**
 * A run's cancellation, from the process's signals, for both hosts.
 *
 * GitHub's runner cancels a step by signalling the step's own process, never its process group
 * (actions/runner, ProcessInvoker.CancelAndKillProcessTree): SIGINT, SIGTERM 7.5 s later, SIGKILL
 * 2.5 s after that. A terminal's Ctrl-C is a SIGINT to the foreground group. The commands shipguard
 * runs lead process groups of their own (adapters/process), so they hear none of this: the run has
 * to stop them, then revert or record what they had started.
 *
 * That clean-up fits inside the runner's ladder: remainingMs() runs out CLEANUP_MARGIN_MS before
 * the next signal is due: 7 s after the first signal, 2 s after a second one (the runner's SIGTERM
 * after its SIGINT, a second Ctrl-C), which also aborts `hurry`. A SIGTERM that comes first is not
 * the runner's (kill, docker stop, Kubernetes, systemd, whose graces are 10 s and more): it gets
 * the first signal's time too. If the work is still not done just before the kill, the process
 * exits by itself with a line that says so, instead of being killed mid-write.
 */
import { constants } from "node:os";
import type { Cancellation, CancelSignal } from "../context.ts";

/** actions/runner: from SIGINT to SIGTERM, and from SIGTERM to SIGKILL. */
export const RUNNER_SIGINT_GRACE_MS = 7_500;
export const RUNNER_SIGTERM_GRACE_MS = 2_500;
/** Kept free before the runner's next signal: publishing the result and exiting. */
export const CLEANUP_MARGIN_MS = 500;
/** The last moment, before the kill, at which the process exits on its own. */
const HARD_EXIT_BEFORE_KILL_MS = 200;

export interface SignalCancellation extends Cancellation {
  /** 130 after SIGINT, 143 after SIGTERM (128 + the signal's number); null when not cancelled. */
  exitCode(): number | null;
  /** Stops listening: the run is over, a later signal acts as it would by default. */
  dispose(): void;
}

export interface SignalSource {
  on(event: CancelSignal, listener: () => void): unknown;
  off(event: CancelSignal, listener: () => void): unknown;
}

export interface SignalOptions {
  /** The process whose signals cancel the run. */
  source: SignalSource;
  /**
   * Ends the process: at once for a signal before holdExit(), or when the clean-up ran out of time.
   * `why` is the last line to print.
   */
  exit(code: number, why: string): void;
  /** Monotonic milliseconds (tests pin it). */
  now?: () => number;
}

const SIGNALS: readonly CancelSignal[] = ["SIGINT", "SIGTERM"];

export function listenForSignals(options: SignalOptions): SignalCancellation {
  const now = options.now ?? (() => performance.now());
  const controller = new AbortController();
  const hurry = new AbortController();
  let cause: CancelSignal | null = null;
  let held = false;
  let deadline = Number.POSITIVE_INFINITY;
  let killAt = Number.POSITIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;

  const code = (): number | null => (cause === null ? null : 128 + constants.signals[cause]);
  const armHardExit = (): void => {
    clearTimeout(timer);
    if (!held || !Number.isFinite(killAt)) return;
    timer = setTimeout(
      () => {
        options.exit(
          code() ?? 1,
          `cancelled by ${cause}, and the clean-up did not finish in the time the runner gives: exiting before it kills the process. What was not recorded yet is left as it is; the next run takes over an attempt left in progress.`,
        );
      },
      Math.max(0, killAt - HARD_EXIT_BEFORE_KILL_MS - now()),
    );
    // Never the reason the process stays alive: it only ends a run that is still busy.
    timer.unref();
  };
  const onSignal = (signal: CancelSignal): void => {
    const at = now();
    if (cause === null) {
      // A request to stop: done before the runner's next signal, which leaves 2.5 s more before the kill.
      cause = signal;
      deadline = at + RUNNER_SIGINT_GRACE_MS - CLEANUP_MARGIN_MS;
      killAt = at + RUNNER_SIGINT_GRACE_MS + RUNNER_SIGTERM_GRACE_MS;
      controller.abort(new Error(`cancelled by ${signal}`));
    } else {
      // The second signal: the kill is 2.5 s away.
      killAt = Math.min(killAt, at + RUNNER_SIGTERM_GRACE_MS);
      deadline = killAt - CLEANUP_MARGIN_MS;
      hurry.abort(new Error(`${signal} after ${cause}: the kill is near`));
    }
    if (!held) {
      options.exit(code() ?? 1, `cancelled by ${cause}.`);
      return;
    }
    armHardExit();
  };
  const listeners = SIGNALS.map((signal) => {
    const listener = (): void => onSignal(signal);
    options.source.on(signal, listener);
    return { signal, listener };
  });

  return {
    signal: controller.signal,
    hurry: hurry.signal,
    cause: () => cause,
    remainingMs: () => Math.max(0, deadline - now()),
    holdExit() {
      held = true;
      armHardExit();
    },
    exitCode: code,
    dispose() {
      clearTimeout(timer);
      for (const { signal, listener } of listeners) options.source.off(signal, listener);
    },
  };
}

/** The process's own signals; `say` prints the last line when a signal ends the process. */
export function processCancellation(say: (line: string) => void): SignalCancellation {
  return listenForSignals({
    source: process,
    exit(code, why) {
      say(why);
      process.exit(code);
    },
  });
}

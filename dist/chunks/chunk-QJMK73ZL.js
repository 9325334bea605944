import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/hosts/signals.ts
import { constants } from "node:os";
var RUNNER_SIGINT_GRACE_MS = 7500;
var RUNNER_SIGTERM_GRACE_MS = 2500;
var CLEANUP_MARGIN_MS = 500;
var HARD_EXIT_BEFORE_KILL_MS = 200;
var SIGNALS = ["SIGINT", "SIGTERM"];
function listenForSignals(options) {
  const now = options.now ?? (() => performance.now());
  const controller = new AbortController();
  const hurry = new AbortController();
  let cause = null;
  let held = false;
  let deadline = Number.POSITIVE_INFINITY;
  let killAt = Number.POSITIVE_INFINITY;
  let timer;
  const code = () => cause === null ? null : 128 + constants.signals[cause];
  const armHardExit = () => {
    clearTimeout(timer);
    if (!held || !Number.isFinite(killAt)) return;
    timer = setTimeout(
      () => {
        options.exit(
          code() ?? 1,
          `cancelled by ${cause}, and the clean-up did not finish in the time the runner gives: exiting before it kills the process. What was not recorded yet is left as it is; the next run takes over an attempt left in progress.`
        );
      },
      Math.max(0, killAt - HARD_EXIT_BEFORE_KILL_MS - now())
    );
    timer.unref();
  };
  const onSignal = (signal) => {
    const at = now();
    if (cause === null) {
      cause = signal;
      deadline = at + RUNNER_SIGINT_GRACE_MS - CLEANUP_MARGIN_MS;
      killAt = at + RUNNER_SIGINT_GRACE_MS + RUNNER_SIGTERM_GRACE_MS;
      controller.abort(new Error(`cancelled by ${signal}`));
    } else {
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
    const listener = () => onSignal(signal);
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
    }
  };
}
function processCancellation(say) {
  return listenForSignals({
    source: process,
    exit(code, why) {
      say(why);
      process.exit(code);
    }
  });
}

export {
  RUNNER_SIGINT_GRACE_MS,
  RUNNER_SIGTERM_GRACE_MS,
  CLEANUP_MARGIN_MS,
  listenForSignals,
  processCancellation
};

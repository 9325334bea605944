/**
 * Virtual time for components that take `now` and `sleep` options (GitHubDispatcher): a pause
 * moves the clock at once and takes no real time, so a test of a 20 s timeout runs in
 * milliseconds and asserts exact times. `onPause` runs at each pause, before time moves: the place
 * to make something happen "while the component waits" (end a run, cancel the deploy).
 */
import type { Clock } from "../../src/ports.ts";

export interface VirtualTime {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Every pause asked for, in order. */
  readonly pauses: number[];
  /** Virtual milliseconds since the clock was made. */
  elapsed(): number;
}

export function virtualTime(onPause: (pause: number) => void = () => undefined): VirtualTime {
  const start = Date.now();
  let now = start;
  const pauses: number[] = [];
  return {
    now: () => now,
    sleep: async (ms, signal) => {
      pauses.push(ms);
      onPause(pauses.length);
      // An aborted pause ends at once, as the real one does.
      if (!signal?.aborted) now += ms;
    },
    pauses,
    elapsed: () => now - start,
  };
}

/**
 * A virtual Clock for runSmoke with `checks` checks running: time jumps to the earliest wake-up
 * as soon as every check and the run's deadline are asleep, so probes (real requests to a local
 * server) take no virtual time and the report's times are exact. Jitter is fixed at the middle.
 */
export function virtualSmokeClock(checks = 1): Clock {
  let now = 0;
  const pending: { at: number; wake: (reached: boolean) => void }[] = [];
  const settle = (): void => {
    if (pending.length < checks + 1) return;
    pending.sort((a, b) => a.at - b.at);
    const next = pending.shift();
    if (next === undefined) return;
    now = Math.max(now, next.at);
    next.wake(true);
  };
  return {
    now: () => now,
    random: () => 0.5,
    sleep: (ms, signal) =>
      new Promise<boolean>((resolve) => {
        if (signal.aborted) {
          resolve(false);
          return;
        }
        const onAbort = (): void => {
          pending.splice(pending.indexOf(entry), 1);
          resolve(false);
        };
        const entry = {
          at: now + Math.max(0, ms),
          wake: (reached: boolean) => {
            signal.removeEventListener("abort", onAbort);
            resolve(reached);
          },
        };
        signal.addEventListener("abort", onAbort, { once: true });
        pending.push(entry);
        settle();
      }),
  };
}

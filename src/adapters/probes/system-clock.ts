import { performance } from "node:perf_hooks";
import type { Clock } from "../../ports.ts";

/** The real clock: monotonic time, abortable sleeps that clear their timer, Math.random jitter. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<boolean>((resolve) => {
      if (signal.aborted) {
        resolve(false);
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(
        () => {
          signal.removeEventListener("abort", onAbort);
          resolve(true);
        },
        Math.max(0, ms),
      );
      signal.addEventListener("abort", onAbort, { once: true });
    }),
  random: () => Math.random(),
};

import { performance } from "node:perf_hooks";
import type { Clock } from "../../ports.ts";
import { sleep } from "../sleep.ts";

/** The real clock: monotonic time, abortable sleeps that clear their timer, Math.random jitter. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep,
  random: () => Math.random(),
};

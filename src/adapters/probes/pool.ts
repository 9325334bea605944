import type { Slots } from "../../ports.ts";

/**
 * Runs `count` tasks with at most `concurrency` in flight, results in task order. Tasks must not
 * reject (probes turn every failure into a result); once `signal` aborts no new task starts.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  signal: AbortSignal,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && !signal.aborted) {
      const index = next;
      next += 1;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return results.filter((_, index) => index < next);
}

/**
 * The run's cap on commands and requests in flight. Waiters are served in order; an abort lets
 * every waiter go at once (each then sees the aborted signal and stops without starting work).
 */
export function createSlots(limit: number): Slots {
  let free = limit;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) free += 1;
    else next();
  };
  const once = (): (() => void) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };
  return {
    acquire(signal: AbortSignal): Promise<() => void> {
      if (signal.aborted) return Promise.resolve(() => {});
      if (free > 0) {
        free -= 1;
        return Promise.resolve(once());
      }
      return new Promise((resolve) => {
        const grant = (): void => {
          signal.removeEventListener("abort", onAbort);
          resolve(once());
        };
        const onAbort = (): void => {
          const index = waiting.indexOf(grant);
          if (index >= 0) waiting.splice(index, 1);
          resolve(() => {});
        };
        waiting.push(grant);
        signal.addEventListener("abort", onAbort, { once: true });
      });
    },
  };
}

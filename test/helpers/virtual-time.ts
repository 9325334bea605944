/**
 * Virtual time for components that take `now` and `sleep` options (GitHubDispatcher): a pause
 * moves the clock at once and takes no real time, so a test of a 20 s timeout runs in
 * milliseconds and asserts exact times. `onPause` runs at each pause, before time moves: the place
 * to make something happen "while the component waits" (end a run, cancel the deploy).
 */
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

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

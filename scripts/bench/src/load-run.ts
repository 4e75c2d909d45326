/** Latencies of a fixed number of calls made by a fixed number of workers, and the wall time of all of them. */
export interface LoadRun {
  latenciesMs: number[];
  wallMs: number;
  /** Calls whose task returned false (e.g. an unexpected HTTP status). */
  failures: number;
}

/**
 * Runs `task` `count` times with at most `concurrency` calls in flight; each worker takes the next index as
 * soon as its previous call ends. A task resolves true when its call succeeded.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<boolean>,
): Promise<LoadRun> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      const ok = await task(index);
      latenciesMs.push(performance.now() - started);
      if (!ok) failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { latenciesMs, wallMs: performance.now() - started, failures };
}

/**
 * Runs `count` tasks at most `concurrency` at a time, in index order, and
 * stops starting new ones after the first failure.
 *
 * @module
 */

/**
 * Calls `task(0)` .. `task(count - 1)` with at most `concurrency` running;
 * resolves with the results in index order. After a failure no new task
 * starts and `onFailure` is called once (to cancel the running ones); the
 * first failure is thrown after every running task has settled, so nothing
 * is still in flight when the caller cleans up.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  onFailure?: (reason: unknown) => void,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  let failed = false;
  let failure: unknown;
  const worker = async () => {
    while (!failed && next < count) {
      const i = next++;
      try {
        results[i] = await task(i);
      } catch (e) {
        if (!failed) {
          failed = true;
          failure = e;
          onFailure?.(e);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failed) throw failure;
  return results;
}

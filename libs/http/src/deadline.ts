/** A signal that gives up on some work, and the means to release it once the work is done. */
export interface Deadline {
  /** Aborts with a `TimeoutError` after the time, or with the reason of the first source that aborts. */
  readonly signal: AbortSignal;
  /** Stops the timer and leaves the sources (call it when the work ends, answered or not). */
  clear(): void;
}

/**
 * A timeout that also follows other signals (a caller that went away, a shared fetch nobody
 * waits for any more).
 *
 * Not `AbortSignal.any([AbortSignal.timeout(ms), other])`: Node 20 holds the sources of a
 * composite signal weakly and a timeout signal's timer holds it weakly too, so a garbage
 * collection while the work waits drops the timeout and the work waits for as long as the
 * other signal does (nodejs/node#57736). Seen here as a gateway fetch to a hung subgraph that
 * waited 30 s (until its client left) instead of the subgraph's 8 s. Here the timer holds the
 * controller strongly until it fires or `clear()` runs.
 */
export function deadline(ms: number, ...sources: (AbortSignal | undefined)[]): Deadline {
  const controller = new AbortController();
  const detach: (() => void)[] = [];
  const clear = () => {
    clearTimeout(timer);
    for (const d of detach.splice(0)) d();
  };
  const abort = (reason: unknown) => {
    clear();
    controller.abort(reason);
  };
  const timer = setTimeout(
    () => abort(new DOMException(`gave up after ${ms} ms`, 'TimeoutError')),
    ms,
  );
  // The timer alone must not keep a process from exiting.
  timer.unref();
  for (const source of sources) {
    if (!source) continue;
    if (source.aborted) {
      abort(source.reason);
      break;
    }
    const onAbort = () => abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    detach.push(() => source.removeEventListener('abort', onAbort));
  }
  return { signal: controller.signal, clear };
}

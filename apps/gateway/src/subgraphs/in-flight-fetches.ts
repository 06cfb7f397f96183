interface Entry<T> {
  answer: Promise<T>;
  /** Aborts the fetch: when every caller waiting for it has gone away. */
  controller: AbortController;
  waiting: number;
}

/** Why a caller's wait ended early: it went away (its own signal aborted). */
export function abandonedError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('the caller went away', 'AbortError');
}

/**
 * Collapses identical subgraph fetches in flight into one: the first caller fetches, the
 * ones that ask the same while it runs get its answer too (read whole, so it can be read by
 * each of them: see SubgraphAnswer). Callers decide what is
 * identical (the key); the gateway only shares between viewers who would get the same
 * answer (see viewerShareKey), never between different people.
 *
 * A caller that goes away (its `signal` aborts) stops waiting at once; the fetch itself is
 * aborted only when no caller is left waiting for it, so the subgraph stops work nobody
 * needs while the others still get their answer.
 */
export class InFlightFetches<T> {
  private readonly inFlight = new Map<string, Entry<T>>();

  /** How many fetches are running now (for tests and metrics). */
  get size(): number {
    return this.inFlight.size;
  }

  async fetch(
    key: string,
    run: (signal: AbortSignal) => Promise<T>,
    onShared?: () => void,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted) throw abandonedError(signal);
    let entry = this.inFlight.get(key);
    if (entry) onShared?.();
    else {
      const controller = new AbortController();
      const answer = run(controller.signal);
      const created: Entry<T> = { answer, controller, waiting: 0 };
      entry = created;
      this.inFlight.set(key, created);
      const forget = () => {
        if (this.inFlight.get(key) === created) this.inFlight.delete(key);
      };
      answer.then(forget, forget);
    }
    return this.wait(key, entry, signal);
  }

  /** Later callers start their own fetch (e.g. after a graph change: no answer from before it). */
  forgetAll(): void {
    this.inFlight.clear();
  }

  /** Waits for the entry's answer, or until `signal` aborts; the last one to leave aborts the fetch. */
  private async wait(key: string, entry: Entry<T>, signal?: AbortSignal): Promise<T> {
    if (!signal) {
      // A caller that cannot go away keeps the fetch alive.
      entry.waiting++;
      return entry.answer;
    }
    entry.waiting++;
    return waitUnlessAbandoned(entry.answer, signal, () => {
      entry.waiting--;
      if (entry.waiting === 0) {
        // Nobody needs it any more: later callers must not join an aborted fetch.
        if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
        entry.controller.abort(abandonedError(signal));
      }
    });
  }
}

/**
 * Waits for `answer` until `signal` (the caller's) aborts: then calls `leave` once and rejects
 * with why, while the work behind `answer` goes on for whoever else waits for it.
 */
export async function waitUnlessAbandoned<T>(
  answer: Promise<T>,
  signal: AbortSignal,
  leave: () => void,
): Promise<T> {
  let onAbort: (() => void) | undefined;
  const left = new Promise<never>((_, reject) => {
    onAbort = () => {
      leave();
      reject(abandonedError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([answer, left]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
    // Unhandled if the answer won the race.
    left.catch(() => {});
  }
}

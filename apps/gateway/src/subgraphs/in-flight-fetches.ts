/** An answer read once and handed to every caller that shared its fetch. */
interface SharedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/**
 * Collapses identical subgraph fetches in flight into one: the first caller fetches, the
 * ones that ask the same while it runs get a copy of its answer. Callers decide what is
 * identical (the key); the gateway only shares between viewers who would get the same
 * answer (see viewerShareKey), never between different people.
 */
export class InFlightFetches {
  private readonly inFlight = new Map<string, Promise<SharedAnswer>>();

  /** How many fetches are running now (for tests and metrics). */
  get size(): number {
    return this.inFlight.size;
  }

  async fetch(key: string, run: () => Promise<Response>, onShared?: () => void): Promise<Response> {
    let answer = this.inFlight.get(key);
    if (answer) onShared?.();
    else {
      answer = (async () => {
        const res = await run();
        return {
          status: res.status,
          statusText: res.statusText,
          headers: [...res.headers],
          body: await res.text(),
        };
      })();
      this.inFlight.set(key, answer);
      const forget = () => {
        if (this.inFlight.get(key) === answer) this.inFlight.delete(key);
      };
      answer.then(forget, forget);
    }
    const shared = await answer;
    return new Response(shared.body, {
      status: shared.status,
      statusText: shared.statusText,
      headers: shared.headers,
    });
  }

  /** Later callers start their own fetch (e.g. after a graph change: no answer from before it). */
  forgetAll(): void {
    this.inFlight.clear();
  }
}

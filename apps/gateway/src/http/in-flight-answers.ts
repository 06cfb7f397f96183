import { abandonedError, waitUnlessAbandoned } from '../subgraphs/in-flight-fetches';

/** A whole answer as the GraphQL server sent it, for identical requests that waited for it. */
export interface SharedAnswer {
  status: number;
  headers: readonly (readonly [string, string])[];
  body: string;
  /** What the metrics of each request answered with it record. */
  operation: AnsweredOperation;
}

/** The operation an answer was for, as the metrics count it. */
export interface AnsweredOperation {
  name: string | null;
  type: string;
  /** The `extensions.code` of each error the answer holds. */
  errorCodes: readonly string[];
}

/** A request that runs its own execution, which identical requests may join once it is open. */
export interface Lead {
  /** Aborted once the leading request and every request that joined it have gone away. */
  signal: AbortSignal;
  /** Lets identical requests join: call it once the request is known to be a query. */
  open(): void;
  /** Gives the joined requests their answer, or null (they then run on their own). Idempotent. */
  settle(answer: SharedAnswer | null): void;
}

interface Execution {
  answer: Promise<SharedAnswer | null>;
  /** The requests waiting for it, the leading one included. */
  waiting: number;
  controller: AbortController;
}

/**
 * Collapses identical GraphQL queries in flight into one execution: while a query runs, a
 * request identical to it (the same body or query string, from a viewer who gets the same
 * answers: see viewerShareKey) waits for its answer instead of parsing, planning and fetching
 * the same again. Requests that are not identical still share the subgraph fetches they have in
 * common (InFlightFetches).
 *
 * A request is open to others only once it is known to be a query (`open`, from
 * answerSharingPlugin), so a mutation is never shared. The execution runs with the lead's
 * `signal`, which aborts only when every request waiting for it has gone away, so a client that
 * hangs up stops nothing that others still wait for. An answer is from an execution that
 * started before the requests that joined it, as with shared subgraph fetches; after a graph
 * change later requests start afresh (`forgetAll`).
 */
export class InFlightAnswers {
  private readonly open = new Map<string, Execution>();

  /** How many executions identical requests may join now (for tests). */
  get size(): number {
    return this.open.size;
  }

  /**
   * Waits for the answer of an identical query in flight; undefined when none is open. Rejects
   * when `signal` (the joining request's) aborts first.
   */
  join(key: string, signal?: AbortSignal): Promise<SharedAnswer | null> | undefined {
    const execution = this.open.get(key);
    if (!execution) return undefined;
    if (signal?.aborted) return Promise.reject(abandonedError(signal));
    execution.waiting++;
    if (!signal) return execution.answer;
    return waitUnlessAbandoned(execution.answer, signal, () =>
      this.leave(key, execution, abandonedError(signal)),
    );
  }

  /** Starts an execution of `key` led by the request whose client is `signal`. */
  lead(key: string, signal?: AbortSignal): Lead {
    const controller = new AbortController();
    let resolve!: (answer: SharedAnswer | null) => void;
    const execution: Execution = {
      answer: new Promise((r) => (resolve = r)),
      waiting: 1,
      controller,
    };
    const leave = () => this.leave(key, execution, abandonedError(signal!));
    signal?.addEventListener('abort', leave, { once: true });
    if (signal?.aborted) leave();
    let settled = false;
    return {
      signal: controller.signal,
      open: () => {
        if (!settled && !controller.signal.aborted && !this.open.has(key))
          this.open.set(key, execution);
      },
      settle: (answer) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', leave);
        if (this.open.get(key) === execution) this.open.delete(key);
        resolve(answer);
      },
    };
  }

  /** Requests from now on run on their own (e.g. after a graph change: no answer from before it). */
  forgetAll(): void {
    this.open.clear();
  }

  private leave(key: string, execution: Execution, reason: Error): void {
    execution.waiting--;
    if (execution.waiting > 0) return;
    // Nobody waits any more: later requests must not join an aborted execution.
    if (this.open.get(key) === execution) this.open.delete(key);
    execution.controller.abort(reason);
  }
}

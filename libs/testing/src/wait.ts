import { vi } from 'vitest';

/**
 * Polls `check` until it returns a truthy value (returned) or `timeoutMs` passes (throws
 * with `what`). For waiting on asynchronous effects such as jobs, never for timing assertions.
 */
export async function waitUntil<T>(
  check: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const suffix = lastError ? ` (last error: ${(lastError as Error).message})` : '';
      throw new Error(`timed out waiting for ${options.what ?? 'condition'}${suffix}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}

/** What `waitForJob` needs of a queue (BullMQ's `Queue`). */
export interface JobSource<J> {
  getJobState(id: string): Promise<string>;
  getJob(id: string): Promise<J | undefined>;
}

/**
 * Waits until job `id` of `queue` is in `state` (and `where` holds for it), reading the job
 * only once it is there: a job read first and found in that state after is a copy from
 * before (read while active, then failed: `attemptsMade` 0, no `finishedOn`).
 */
export function waitForJob<J>(
  queue: JobSource<J>,
  id: string,
  state: 'completed' | 'failed',
  options: { timeoutMs?: number; what?: string; where?: (job: J) => boolean } = {},
): Promise<J> {
  return waitUntil(
    async () => {
      if ((await queue.getJobState(id)) !== state) return null;
      const job = await queue.getJob(id);
      return job && (!options.where || options.where(job)) ? job : null;
    },
    { timeoutMs: options.timeoutMs, what: options.what ?? `job ${id} to be ${state}` },
  ) as Promise<J>;
}

/** What a process's `/readyz` answers. */
export interface Readiness {
  status: string;
  checks: Record<string, string>;
}

/**
 * A process's `/readyz` once it answers 200. Readiness follows health: right after a start its
 * checks (the database, Redis, the event-loop delay while modules load) may fail for a moment
 * on a busy machine, so a test reads readiness when it has come, never at the first /healthz.
 */
export async function waitForReady(url: string, timeoutMs = 60_000): Promise<Readiness> {
  let last = 'no answer';
  try {
    return await waitUntil(
      async () => {
        const res = await fetch(url);
        const body = (await res.json()) as Readiness;
        last = `${res.status} ${JSON.stringify(body)}`;
        return res.status === 200 ? body : null;
      },
      { what: `${url} to answer 200`, timeoutMs, intervalMs: 200 },
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; its last answer: ${last}`);
  }
}

/**
 * Runs `attempts` calls of `run` at once, to show that a lock lets one in at a time: `step`
 * of `target`, the first step past the lock, is made to wait until every call has either
 * reached it or given up (`gaveUp` of its result), so two calls past the lock would be inside
 * it together. Returns the results and the most calls that were inside `step` at once.
 */
export async function runAtOnce<T extends object, R>(options: {
  target: T;
  step: keyof T & string;
  attempts: number;
  run: () => Promise<R>;
  gaveUp: (result: R) => boolean;
}): Promise<{ results: R[]; mostInside: number }> {
  const { target, step, attempts } = options;
  const original = (target[step] as (...args: unknown[]) => Promise<unknown>).bind(target);
  let settled = 0;
  let inside = 0;
  let mostInside = 0;
  const spy = vi.spyOn(target, step as never).mockImplementation((async (...args: unknown[]) => {
    settled++;
    mostInside = Math.max(mostInside, ++inside);
    try {
      await waitUntil(() => settled === attempts, { what: 'every call to run or give up' });
      return await original(...args);
    } finally {
      inside--;
    }
  }) as never);
  try {
    const results = await Promise.all(
      Array.from({ length: attempts }, async () => {
        const result = await options.run();
        if (options.gaveUp(result)) settled++;
        return result;
      }),
    );
    return { results, mostInside };
  } finally {
    spy.mockRestore();
  }
}

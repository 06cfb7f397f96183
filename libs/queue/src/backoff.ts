import type { BackoffOptions, MinimalJob } from 'bullmq';

/**
 * The backoff type of jobs enqueued with a `maxBackoffMs` (see `Producer.enqueue`): BullMQ
 * knows only `fixed` and `exponential`, so every worker made by `createWorker` brings this
 * strategy along (`settings.backoffStrategy`).
 */
export const CAPPED_EXPONENTIAL = 'capped-exponential';

/** What a capped job carries in `opts.backoff` (Redis keeps the whole object with the job). */
export interface CappedBackoff extends BackoffOptions {
  type: typeof CAPPED_EXPONENTIAL;
  /** The first retry's delay; each further one doubles. */
  delay: number;
  /** No retry waits longer, whatever the attempt or the failure asked for. */
  maxDelay: number;
  /** 0–1: each delay is drawn between (1 − jitter) and 1 times its exponential value. */
  jitter: number;
}

export function cappedBackoff(delayMs: number, maxDelayMs: number, jitter = 0): CappedBackoff {
  return {
    type: CAPPED_EXPONENTIAL,
    delay: delayMs,
    maxDelay: Math.max(delayMs, maxDelayMs),
    jitter: Math.min(Math.max(jitter, 0), 1),
  };
}

/**
 * How long a failure asked to wait before the next try, in ms: the `retryAfterMs` of the
 * error a processor threw (e.g. from an HTTP `Retry-After`), or null when it said nothing.
 */
export function retryAfterMsOf(err: unknown): number | null {
  const value = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * The delay before the next attempt, after `attemptsMade` attempts (the failed one
 * included): `delay · 2^(attemptsMade − 1)`, capped at `maxDelay`, less up to `jitter` of
 * it at random (so retries of many jobs that failed together spread out); then at least the
 * failure's `retryAfterMs`, but never more than `maxDelay`.
 */
export function cappedBackoffDelay(
  attemptsMade: number,
  backoff: Pick<CappedBackoff, 'delay' | 'maxDelay' | 'jitter'>,
  err?: unknown,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(
    backoff.delay * 2 ** Math.max(attemptsMade - 1, 0),
    backoff.maxDelay,
  );
  const jittered = exponential * (1 - (backoff.jitter ?? 0) * random());
  const asked = retryAfterMsOf(err) ?? 0;
  return Math.round(Math.min(Math.max(jittered, asked), backoff.maxDelay));
}

/** The `settings.backoffStrategy` of every worker `createWorker` makes. */
export function backoffStrategy(
  attemptsMade: number,
  type?: string,
  err?: Error,
  job?: MinimalJob,
): number {
  const backoff = job?.opts.backoff;
  if (type !== CAPPED_EXPONENTIAL || !backoff || typeof backoff !== 'object')
    throw new Error(`unknown backoff strategy ${type}`);
  return cappedBackoffDelay(attemptsMade, backoff as CappedBackoff, err);
}

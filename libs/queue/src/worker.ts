import { UnrecoverableError, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@portal/logger';
import { runWithRequestContext } from '@portal/logger';
import { backoffStrategy } from './backoff';
import { QUEUE_PAYLOADS, type PayloadOf, type QueueName } from './payloads';
import type { QueueHealth } from './queue-health';

export { UnrecoverableError };

export type Processor<Q extends QueueName> = (payload: PayloadOf<Q>, job: Job) => Promise<unknown>;

export interface CreateWorkerOptions {
  connection: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  /** How long a job's lock lasts; a worker that dies mid-job frees it after this. */
  lockDurationMs?: number;
  /** How often stalled jobs (whose worker died) are looked for. */
  stalledIntervalMs?: number;
  limiter?: WorkerOptions['limiter'];
  autorun?: boolean;
  /** The process's queue health (its ops /readyz and /metrics); the worker's queue joins it. */
  health?: QueueHealth;
}

/**
 * A production-shaped BullMQ worker: payloads validated (a bad one fails without
 * retries and never crashes the worker), every log line tagged with the job, an
 * `error` handler, `close()` waiting for jobs in flight, and retries with a capped backoff
 * that honours a failure's `retryAfterMs` for jobs enqueued with `maxBackoffMs`.
 */
export function createWorker<Q extends QueueName>(
  name: Q,
  processor: Processor<Q>,
  options: CreateWorkerOptions,
): Worker {
  const log = options.logger.child({ queue: name });
  const worker = new Worker(
    name,
    async (job: Job) => {
      const parsed = QUEUE_PAYLOADS[name].safeParse(job.data);
      if (!parsed.success) {
        throw new UnrecoverableError(
          `invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      }
      const requestId = job.opts.telemetry?.metadata ?? `job-${name}-${job.id}`;
      return runWithRequestContext({ requestId }, () =>
        processor(parsed.data as PayloadOf<Q>, job),
      );
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 4,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 2,
      limiter: options.limiter,
      autorun: options.autorun ?? true,
      // Jobs enqueued with a capped backoff (`maxBackoffMs`) retry by it.
      settings: { backoffStrategy },
    },
  );
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  worker.on('failed', (job, err) => {
    const final =
      !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    log[final ? 'error' : 'warn'](
      { jobId: job?.id, attempt: job?.attemptsMade, err: err.message },
      final ? 'job failed for good' : 'job failed, will retry',
    );
  });
  worker.on('completed', (job) => {
    log.debug({ jobId: job.id }, 'job done');
  });
  worker.on('stalled', (jobId) =>
    log.warn({ jobId }, 'job stalled (its worker died or blocked), put back'),
  );
  options.health?.watch(worker);
  return worker;
}

import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { currentRequestContext } from '@portal/logger';
import { cappedBackoff } from './backoff';
import { QUEUE_PAYLOADS, type PayloadOf, type QueueName } from './payloads';

/** Retries with exponential backoff; finished jobs trimmed by count, failed ones kept for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000, age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export interface EnqueueOptions {
  /** Deterministic id (see jobId()): enqueueing the same id twice adds one job. */
  jobId: string;
  delayMs?: number;
  attempts?: number;
  /** The first retry's delay; each further one doubles. */
  backoffMs?: number;
  /**
   * With `backoffMs`: no retry waits longer than this, and a failure that says how long to
   * wait (an error with `retryAfterMs`, e.g. from an HTTP `Retry-After`) is waited for, up to
   * this (see `cappedBackoffDelay`). Without it, plain BullMQ exponential backoff.
   */
  maxBackoffMs?: number;
  /** 0–1, with `maxBackoffMs`: each retry's delay is cut by up to this share, at random. */
  backoffJitter?: number;
  priority?: number;
  /** The request that caused the job; defaults to the current request context. */
  requestId?: string;
}

/** A typed producer for one queue: payloads are validated before they reach Redis. */
export class Producer<Q extends QueueName> {
  readonly queue: Queue;

  constructor(
    readonly name: Q,
    connection: Redis,
    prefix: string,
  ) {
    this.queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  }

  async enqueue(payload: PayloadOf<Q>, options: EnqueueOptions): Promise<string> {
    const data = QUEUE_PAYLOADS[this.name].parse(payload);
    // The request id travels in the job's trace metadata (BullMQ's slot for propagating
    // context), not in the payload, so the worker's logs carry it (see createWorker).
    const requestId = options.requestId ?? currentRequestContext()?.requestId;
    const job = await this.queue.add(this.name, data, {
      ...(requestId ? { telemetry: { metadata: requestId, omitContext: true } } : {}),
      jobId: options.jobId,
      delay: options.delayMs && options.delayMs > 0 ? Math.round(options.delayMs) : undefined,
      ...(options.attempts ? { attempts: options.attempts } : {}),
      ...(options.backoffMs ? { backoff: backoffFor(options.backoffMs, options) } : {}),
      ...(options.priority ? { priority: options.priority } : {}),
    });
    return job.id!;
  }

  /**
   * Replaces a delayed job (rescheduling): removes the job with `oldJobId` if it has not
   * started. Returns false when it is already running or gone.
   */
  async remove(jobIdToRemove: string): Promise<boolean> {
    const job = await this.queue.getJob(jobIdToRemove);
    if (!job) return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false;
    }
  }

  /** Registers (or updates) a repeating job, e.g. a periodic flush. */
  async every(schedulerId: string, everyMs: number, payload: PayloadOf<Q>): Promise<void> {
    const data = QUEUE_PAYLOADS[this.name].parse(payload);
    await this.queue.upsertJobScheduler(schedulerId, { every: everyMs }, { name: this.name, data });
  }

  /**
   * Registers (or updates) a job on a cron schedule in a time zone. The scheduler id is the
   * deduplication: every worker (and every restart) upserts the same scheduler, and BullMQ
   * makes one job per slot (`repeat:<schedulerId>:<slot time>`).
   */
  async cron(
    schedulerId: string,
    pattern: string,
    tz: string,
    payload: PayloadOf<Q>,
  ): Promise<void> {
    const data = QUEUE_PAYLOADS[this.name].parse(payload);
    await this.queue.upsertJobScheduler(schedulerId, { pattern, tz }, { name: this.name, data });
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

function backoffFor(backoffMs: number, options: EnqueueOptions): JobsOptions['backoff'] {
  return options.maxBackoffMs
    ? cappedBackoff(backoffMs, options.maxBackoffMs, options.backoffJitter)
    : { type: 'exponential', delay: backoffMs };
}

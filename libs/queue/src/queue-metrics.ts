import { Queue, UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '@portal/logger';

/** The job states whose counts /metrics reports per queue. */
export const QUEUE_METRIC_STATES = [
  'waiting',
  'paused',
  'prioritized',
  'active',
  'delayed',
  'failed',
] as const;

interface QueueSnapshot {
  counts: Record<(typeof QUEUE_METRIC_STATES)[number], number>;
  /** Seconds the next job to run has waited (0 when none waits). */
  oldestWaitingSeconds: number;
}

/** How long one read of every queue serves the gauges of a scrape. */
const SNAPSHOT_TTL_MS = 1000;

/**
 * Prometheus metrics of the BullMQ queues a process consumes, for its ops /metrics:
 * - `bullmq_queue_jobs{queue,state}`: jobs per state, read from Redis at each scrape
 *   (waiting, paused and prioritized = the backlog; failed = failed for good, kept for inspection);
 * - `bullmq_queue_oldest_waiting_seconds{queue}`: how long the next job has been waiting
 *   (since it was added, became due, or last started when a retry or stall put it back);
 * - `bullmq_jobs_stalled_total{queue}`: jobs this process found abandoned by a dead or
 *   blocked worker and put back (each one may run twice);
 * - `bullmq_jobs_failed_total{queue,outcome}` (retried | failed) and
 *   `bullmq_jobs_completed_total{queue}`: attempts this process finished.
 * Each worker is added with `watch()` (createWorker does it when given `metrics`).
 */
export class QueueMetrics {
  private readonly queues = new Map<string, Queue>();
  private snapshot: { at: number; value: Promise<Map<string, QueueSnapshot>> } | undefined;
  private readonly stalled: Counter<'queue'>;
  private readonly failed: Counter<'queue' | 'outcome'>;
  private readonly completed: Counter<'queue'>;

  constructor(
    registry: Registry,
    private readonly connection: Redis,
    private readonly logger: Logger,
  ) {
    const read = () => this.read();
    new Gauge({
      name: 'bullmq_queue_jobs',
      help: 'Jobs in each consumed BullMQ queue by state',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const [queue, { counts }] of await read())
          for (const state of QUEUE_METRIC_STATES) this.set({ queue, state }, counts[state]);
      },
    });
    new Gauge({
      name: 'bullmq_queue_oldest_waiting_seconds',
      help: 'Seconds the next job of each consumed queue has been waiting',
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const [queue, { oldestWaitingSeconds }] of await read())
          this.set({ queue }, oldestWaitingSeconds);
      },
    });
    this.stalled = new Counter({
      name: 'bullmq_jobs_stalled_total',
      help: 'Jobs found stalled (their worker died or blocked) and put back by this process',
      labelNames: ['queue'] as const,
      registers: [registry],
    });
    this.failed = new Counter({
      name: 'bullmq_jobs_failed_total',
      help: 'Failed job attempts by queue and outcome (retried | failed for good)',
      labelNames: ['queue', 'outcome'] as const,
      registers: [registry],
    });
    this.completed = new Counter({
      name: 'bullmq_jobs_completed_total',
      help: 'Jobs completed by this process',
      labelNames: ['queue'] as const,
      registers: [registry],
    });
  }

  /** Counts the worker's stalled, failed and completed jobs and reports its queue's depth. */
  watch(worker: Worker): void {
    const queue = worker.name;
    const prefix = worker.opts.prefix ?? 'bull';
    const key = `${prefix}:${queue}`;
    if (!this.queues.has(key))
      this.queues.set(key, new Queue(queue, { connection: this.connection, prefix }));
    // Zero samples from the start, so rate() and increase() see the first event.
    this.stalled.inc({ queue }, 0);
    this.failed.inc({ queue, outcome: 'retried' }, 0);
    this.failed.inc({ queue, outcome: 'failed' }, 0);
    this.completed.inc({ queue }, 0);
    worker.on('stalled', () => this.stalled.inc({ queue }));
    worker.on('completed', () => this.completed.inc({ queue }));
    worker.on('failed', (job: Job | undefined, err: Error) => {
      const final =
        !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
      this.failed.inc({ queue, outcome: final ? 'failed' : 'retried' });
    });
  }

  /** Closes the queue handles (the Redis connection is the caller's). */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }

  private read(): Promise<Map<string, QueueSnapshot>> {
    const now = Date.now();
    if (!this.snapshot || now - this.snapshot.at > SNAPSHOT_TTL_MS)
      this.snapshot = { at: now, value: this.readAll(now) };
    return this.snapshot.value;
  }

  private async readAll(now: number): Promise<Map<string, QueueSnapshot>> {
    const result = new Map<string, QueueSnapshot>();
    await Promise.all(
      [...this.queues.values()].map(async (queue) => {
        try {
          const counts = await queue.getJobCounts(...QUEUE_METRIC_STATES);
          // The next jobs to run: the oldest of the wait list (the paused list while the
          // queue is paused) and the first prioritized one.
          const next = [
            ...(await queue.getJobs(['wait', 'paused'], 0, 0, true)),
            ...(await queue.getJobs(['prioritized'], 0, 0, true)),
          ].filter((job): job is Job => Boolean(job));
          const since = next.map((job) =>
            Math.max(job.timestamp + (job.delay ?? 0), job.processedOn ?? 0),
          );
          result.set(queue.name, {
            counts: Object.fromEntries(
              QUEUE_METRIC_STATES.map((s) => [s, counts[s] ?? 0]),
            ) as QueueSnapshot['counts'],
            oldestWaitingSeconds:
              since.length > 0 ? Math.max(0, (now - Math.min(...since)) / 1000) : 0,
          });
        } catch (err) {
          // No sample rather than a wrong one: a scrape while Redis is down shows a gap.
          this.logger.warn(
            { err: (err as Error).message, queue: queue.name },
            'queue metrics unavailable',
          );
        }
      }),
    );
    return result;
  }
}

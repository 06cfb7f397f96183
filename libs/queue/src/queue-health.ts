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

/** What this process's workers of one queue have done since they started. */
export interface QueueProgress {
  completed: number;
  /** Failed attempts that will be retried. */
  retried: number;
  /** Jobs failed for good (attempts used up, or an UnrecoverableError). */
  failed: number;
  /** Jobs found abandoned by a dead or blocked worker and put back. */
  stalled: number;
  /** When a job last finished (completed or failed), ms since the epoch; null before the first. */
  lastFinishedAt: number | null;
  /** When the first worker of the queue was watched, ms since the epoch. */
  watchedSince: number;
}

interface QueueSnapshot {
  counts: Record<(typeof QUEUE_METRIC_STATES)[number], number>;
  /** Seconds the next job to run has waited (0 when none waits). */
  oldestWaitingSeconds: number;
}

/** How long one read of every queue serves the gauges of a scrape and a readiness check. */
const SNAPSHOT_TTL_MS = 1000;

/**
 * The health of the BullMQ queues a process consumes, from one source for its ops endpoints:
 * what its workers did (a record per queue, kept from their events) and what the queues hold
 * (read from Redis, at most once a second). A worker's health is its progress, not its
 * connection, so `readiness(stallMs)` fails, naming the queue, when jobs wait while none runs
 * and none has finished for `stallMs`: a worker that is connected but stuck. On `/metrics`:
 * - `bullmq_queue_jobs{queue,state}`: jobs per state (waiting, paused and prioritized = the
 *   backlog; failed = failed for good, kept for inspection);
 * - `bullmq_queue_oldest_waiting_seconds{queue}`: how long the next job has been waiting
 *   (since it was added, became due, or last started when a retry or stall put it back);
 * - `bullmq_jobs_stalled_total{queue}`, `bullmq_jobs_failed_total{queue,outcome}` (retried |
 *   failed) and `bullmq_jobs_completed_total{queue}`: what this process's workers did;
 * - `worker_jobs_finished{queue,outcome}` (completed | failed: every finished attempt) and
 *   `worker_last_job_finished_timestamp_seconds{queue}` (0: none yet): the same record, as
 *   the progress a readiness failure is about.
 * Each worker is added with `watch()` (createWorker does it when given `health`).
 */
export class QueueHealth {
  private readonly queues = new Map<string, { queue: Queue; progress: QueueProgress }>();
  private snapshot: { at: number; value: Promise<Map<string, QueueSnapshot>> } | undefined;

  constructor(
    registry: Registry,
    private readonly connection: Redis,
    private readonly logger: Logger,
  ) {
    const read = () => this.read();
    const progress = () =>
      [...this.queues].map(([queue, entry]) => [queue, entry.progress] as const);
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
    // Counters read the record at each scrape (from zero, so rate() sees the first event).
    new Counter({
      name: 'bullmq_jobs_stalled_total',
      help: 'Jobs found stalled (their worker died or blocked) and put back by this process',
      labelNames: ['queue'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [queue, p] of progress()) this.inc({ queue }, p.stalled);
      },
    });
    new Counter({
      name: 'bullmq_jobs_failed_total',
      help: 'Failed job attempts by queue and outcome (retried | failed for good)',
      labelNames: ['queue', 'outcome'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [queue, p] of progress()) {
          this.inc({ queue, outcome: 'retried' }, p.retried);
          this.inc({ queue, outcome: 'failed' }, p.failed);
        }
      },
    });
    new Counter({
      name: 'bullmq_jobs_completed_total',
      help: 'Jobs completed by this process',
      labelNames: ['queue'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [queue, p] of progress()) this.inc({ queue }, p.completed);
      },
    });
    new Gauge({
      name: 'worker_jobs_finished',
      help: "Jobs this process's workers finished since it started, by queue and outcome",
      labelNames: ['queue', 'outcome'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [queue, p] of progress()) {
          this.set({ queue, outcome: 'completed' }, p.completed);
          this.set({ queue, outcome: 'failed' }, p.retried + p.failed);
        }
      },
    });
    new Gauge({
      name: 'worker_last_job_finished_timestamp_seconds',
      help: "When this process's workers last finished a job of the queue (0: none yet)",
      labelNames: ['queue'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [queue, p] of progress())
          this.set({ queue }, p.lastFinishedAt ? p.lastFinishedAt / 1000 : 0);
      },
    });
  }

  /** Records the worker's stalled, failed and completed jobs and reports its queue. */
  watch(worker: Worker): void {
    const name = worker.name;
    let entry = this.queues.get(name);
    if (!entry) {
      const queue = new Queue(name, { connection: this.connection, prefix: worker.opts.prefix });
      const progress: QueueProgress = {
        completed: 0,
        retried: 0,
        failed: 0,
        stalled: 0,
        lastFinishedAt: null,
        watchedSince: Date.now(),
      };
      entry = { queue, progress };
      this.queues.set(name, entry);
    }
    const { progress } = entry;
    worker.on('stalled', () => void (progress.stalled += 1));
    worker.on('completed', () => {
      progress.completed += 1;
      progress.lastFinishedAt = Date.now();
    });
    worker.on('failed', (job: Job | undefined, err: Error) => {
      const final =
        !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
      progress[final ? 'failed' : 'retried'] += 1;
      progress.lastFinishedAt = Date.now();
    });
  }

  /** What this process's workers of each watched queue have done, by queue name. */
  progress(): ReadonlyMap<string, Readonly<QueueProgress>> {
    return new Map([...this.queues].map(([queue, entry]) => [queue, { ...entry.progress }]));
  }

  /**
   * The `progress` readiness check: fails when a watched queue has jobs waiting, none
   * running, and none of its jobs finished in this process for `stallMs`.
   */
  readiness(stallMs: number): { name: 'progress'; check: () => Promise<void> } {
    return {
      name: 'progress',
      check: async () => {
        const now = Date.now();
        const idle = new Map<string, number>();
        for (const [name, { progress }] of this.queues) {
          const idleMs = now - (progress.lastFinishedAt ?? progress.watchedSince);
          if (idleMs >= stallMs) idle.set(name, idleMs);
        }
        if (idle.size === 0) return;
        const snapshot = await this.read();
        const stuck: string[] = [];
        for (const [name, idleMs] of idle) {
          const counts = snapshot.get(name)?.counts;
          const waiting = counts ? counts.waiting + counts.prioritized : 0;
          if (counts && waiting > 0 && counts.active === 0)
            stuck.push(
              `${name}: ${waiting} waiting, none finished for ${Math.round(idleMs / 1000)} s`,
            );
        }
        if (stuck.length) throw new Error(`no progress (${stuck.join('; ')})`);
      },
    };
  }

  /** Closes the queue handles (the Redis connection is the caller's). */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map(({ queue }) => queue.close()));
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
      [...this.queues.values()].map(async ({ queue }) => {
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

import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Gauge, type Registry } from 'prom-client';
import type { ReadinessCheck } from '@portal/http';
import { jobProgress } from '@portal/queue';

/**
 * A worker's health is its progress, not its connection: `/metrics` shows how many jobs of
 * each queue this process finished and when the last one did, and `/readyz` fails (naming
 * the queue) when jobs wait, none runs and none has finished for `stallMs`: a worker that is
 * connected but stuck. Covers every queue a worker of this process consumes (createWorker
 * registers them), whichever way the app created its workers.
 */
export function workerProgress(options: {
  redis: Redis;
  prefix: string;
  registry: Registry;
  stallMs: number;
}): { readiness: ReadinessCheck; close(): Promise<void> } {
  const startedAt = Date.now();
  const queues = new Map<string, Queue>();
  const queue = (name: string) => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: options.redis, prefix: options.prefix });
      queues.set(name, q);
    }
    return q;
  };
  new Gauge({
    name: 'worker_jobs_finished',
    help: "Jobs this process's workers finished since it started, by queue and outcome",
    labelNames: ['queue', 'outcome'],
    registers: [options.registry],
    collect() {
      for (const [name, p] of jobProgress()) {
        this.set({ queue: name, outcome: 'completed' }, p.completed);
        this.set({ queue: name, outcome: 'failed' }, p.failed);
      }
    },
  });
  new Gauge({
    name: 'worker_last_job_finished_timestamp_seconds',
    help: "When this process's workers last finished a job of the queue (0: none yet)",
    labelNames: ['queue'],
    registers: [options.registry],
    collect() {
      for (const [name, p] of jobProgress())
        this.set({ queue: name }, p.lastFinishedAt ? p.lastFinishedAt / 1000 : 0);
    },
  });
  return {
    readiness: {
      name: 'progress',
      check: async () => {
        const stuck: string[] = [];
        for (const [name, p] of jobProgress()) {
          const idleMs = Date.now() - (p.lastFinishedAt ?? startedAt);
          if (idleMs < options.stallMs) continue;
          const counts = await queue(name).getJobCounts('waiting', 'active');
          if ((counts.waiting ?? 0) > 0 && (counts.active ?? 0) === 0)
            stuck.push(
              `${name}: ${counts.waiting} waiting, none finished for ${Math.round(idleMs / 1000)} s`,
            );
        }
        if (stuck.length) throw new Error(`no progress (${stuck.join('; ')})`);
      },
    },
    close: async () => {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

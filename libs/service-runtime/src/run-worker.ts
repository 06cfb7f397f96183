import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createLagMonitor, createMetrics, startOpsServer, type Metrics } from '@portal/http';
import {
  Producer,
  QueueMetrics,
  assertNoEviction,
  createRedisConnection,
  createWorker,
  type CreateWorkerOptions,
  type PayloadOf,
  type Processor,
  type QueueName,
} from '@portal/queue';
import { runService, type Runtime, type RuntimeEnv } from './run-service';
import { workerProgress } from './worker-progress';

/** How long jobs may wait with none running and none finishing before /readyz reports no progress. */
const DEFAULT_STALL_MS = 120_000;

/** The variables a worker process reads beyond the common ones. */
export interface WorkerEnv extends RuntimeEnv {
  /** The ops port (/healthz, /readyz, /metrics); a worker serves nothing else. */
  OPS_PORT?: number;
  PORT?: number;
  HOST: string;
  QUEUE_PREFIX: string;
  REDIS_URL: string;
  WORKER_CONCURRENCY: number;
}

export interface WorkerRuntime<E extends WorkerEnv> extends Runtime<E> {
  metrics: Metrics;
  /**
   * Depth, oldest waiting age, stalled and failed jobs of the queues this process consumes,
   * on its /metrics: `rt.worker` adds its workers; pass it as `metrics` to createWorker for
   * workers made elsewhere.
   */
  queueMetrics: QueueMetrics;
  /** The blocking connection the workers share (`maxRetriesPerRequest: null`). */
  workerRedis(): Redis;
  /** A BullMQ worker on this deployment's prefix; closed first at shutdown, jobs in flight finished. */
  worker<Q extends QueueName>(
    queue: Q,
    processor: Processor<Q>,
    options?: Partial<Omit<CreateWorkerOptions, 'connection' | 'prefix' | 'logger'>>,
  ): Worker;
  /** A producer for `queue` (one per queue), closed after the workers. */
  producer<Q extends QueueName>(queue: Q): Producer<Q>;
  /** Enqueues `payload` on `queue` every `everyMs` (BullMQ keeps one scheduler per id, whoever registers it). */
  every<Q extends QueueName>(
    queue: Q,
    schedulerId: string,
    everyMs: number,
    payload: PayloadOf<Q>,
  ): Promise<void>;
}

/**
 * Runs a worker process: the shared shell, BullMQ workers and producers on one prefix,
 * and the ops server (`/healthz`, `/readyz` with database, Redis, event-loop and progress
 * checks, `/metrics` with the queue metrics of every worker and jobs finished per queue) on
 * OPS_PORT. It refuses to start on a Redis whose eviction policy is not `noeviction`. At
 * SIGTERM the workers stop taking jobs and finish those in
 * flight (BullMQ hands unfinished ones to another worker), then everything else closes.
 */
export async function runWorker<E extends WorkerEnv>(
  spec: { name: string; env: E; shutdownTimeoutMs?: number; stallMs?: number },
  start: (rt: WorkerRuntime<E>) => Promise<void>,
): Promise<void> {
  await runService(spec, async (base) => {
    const { env } = base;
    const workers: Worker[] = [];
    const producers = new Map<QueueName, Producer<QueueName>>();
    let blocking: Redis | undefined;
    const metrics = createMetrics(spec.name);
    const queueMetrics = new QueueMetrics(metrics.registry, base.redis, base.logger);
    const rt: WorkerRuntime<E> = Object.assign(Object.create(base) as Runtime<E>, {
      metrics,
      queueMetrics,
      workerRedis: () => {
        if (!blocking) {
          blocking = createRedisConnection(env.REDIS_URL, 'worker');
          blocking.on('error', (err) => base.logger.warn({ err: err.message }, 'redis error'));
        }
        return blocking;
      },
      worker: <Q extends QueueName>(
        queue: Q,
        processor: Processor<Q>,
        options: Partial<Omit<CreateWorkerOptions, 'connection' | 'prefix' | 'logger'>> = {},
      ) => {
        const worker = createWorker(queue, processor, {
          concurrency: env.WORKER_CONCURRENCY,
          ...options,
          connection: rt.workerRedis(),
          prefix: env.QUEUE_PREFIX,
          logger: base.logger,
          metrics: queueMetrics,
        });
        workers.push(worker);
        return worker;
      },
      producer: <Q extends QueueName>(queue: Q) => {
        let producer = producers.get(queue) as Producer<Q> | undefined;
        if (!producer) {
          const created = new Producer(queue, base.redis, env.QUEUE_PREFIX);
          base.onClose(() => created.close());
          producers.set(queue, created as unknown as Producer<QueueName>);
          producer = created;
        }
        return producer;
      },
      every: <Q extends QueueName>(
        queue: Q,
        schedulerId: string,
        everyMs: number,
        payload: PayloadOf<Q>,
      ) => rt.producer(queue).every(schedulerId, everyMs, payload),
    });
    // Closers run last-added first: these run after the workers (added below) have stopped.
    base.onClose(() => blocking?.disconnect());
    base.onClose(() => queueMetrics.close());

    try {
      // On the blocking connection: a Redis not up yet is waited for, not mistaken for a refusal.
      await assertNoEviction(rt.workerRedis());
    } catch (err) {
      base.logger.fatal({ err: (err as Error).message }, `${spec.name} refuses to start`);
      process.stderr.write(`${spec.name}: ${(err as Error).message}\n`);
      process.exit(1);
    }
    await start(rt);
    const lag = createLagMonitor();
    const progress = workerProgress({
      redis: base.redis,
      prefix: env.QUEUE_PREFIX,
      registry: rt.metrics.registry,
      stallMs: spec.stallMs ?? DEFAULT_STALL_MS,
    });
    const ops = await startOpsServer({
      port: env.OPS_PORT ?? env.PORT ?? 0,
      host: env.HOST,
      metrics: rt.metrics,
      readiness: [...base.readiness, lag.readiness, progress.readiness],
    });
    base.onClose(async () => {
      lag.stop();
      await ops.close();
      await progress.close();
    });
    base.onClose(() => Promise.all(workers.map((w) => w.close())));
    base.logger.info(
      { opsPort: ops.port, queues: workers.map((w) => w.name) },
      `${spec.name} running`,
    );
  });
}

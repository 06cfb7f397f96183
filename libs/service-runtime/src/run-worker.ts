import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createLagMonitor, createMetrics, startOpsServer, type Metrics } from '@portal/http';
import {
  Producer,
  QueueMetrics,
  createRedisConnection,
  createWorker,
  type CreateWorkerOptions,
  type PayloadOf,
  type Processor,
  type QueueName,
} from '@portal/queue';
import { runService, type Runtime, type RuntimeEnv } from './run-service';

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
 * and the ops server (`/healthz`, `/readyz` with database, Redis and event-loop checks,
 * `/metrics` with the queue metrics of every worker) on OPS_PORT. At SIGTERM the workers stop taking jobs and finish those in
 * flight (BullMQ hands unfinished ones to another worker), then everything else closes.
 */
export async function runWorker<E extends WorkerEnv>(
  spec: { name: string; env: E; shutdownTimeoutMs?: number },
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
    await start(rt);
    const lag = createLagMonitor();
    const ops = await startOpsServer({
      port: env.OPS_PORT ?? env.PORT ?? 0,
      host: env.HOST,
      metrics: rt.metrics,
      readiness: [...base.readiness, lag.readiness],
    });
    base.onClose(async () => {
      lag.stop();
      await ops.close();
    });
    base.onClose(() => Promise.all(workers.map((w) => w.close())));
    base.logger.info(
      { opsPort: ops.port, queues: workers.map((w) => w.name) },
      `${spec.name} running`,
    );
  });
}

import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createLagMonitor, createMetrics, startOpsServer, type Metrics } from '@portal/http';
import {
  Producer,
  QueueHealth,
  assertNoEviction,
  createRedisConnection,
  createWorker,
  type CreateWorkerOptions,
  type PayloadOf,
  type Processor,
  type QueueName,
} from '@portal/queue';
import { runService, type Runtime, type RuntimeEnv } from './run-service';

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
   * The progress and depth of the queues this process consumes, behind its /readyz
   * (`progress`) and /metrics: `rt.worker` adds its workers; pass it as `health` to
   * createWorker for workers made elsewhere (start-up fails when no worker joined it).
   */
  queueHealth: QueueHealth;
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
 * checks, `/metrics` with the queue health of every worker) on OPS_PORT; progress and metrics
 * come from one `QueueHealth`. It refuses to start on a Redis whose eviction policy is not `noeviction`. At
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
    const queueHealth = new QueueHealth(metrics.registry, base.redis, base.logger);
    const rt: WorkerRuntime<E> = Object.assign(Object.create(base) as Runtime<E>, {
      metrics,
      queueHealth,
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
          health: queueHealth,
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
    base.onClose(() => queueHealth.close());

    const refuse = (reason: string): never => {
      base.logger.fatal({ err: reason }, `${spec.name} refuses to start`);
      process.stderr.write(`${spec.name}: ${reason}\n`);
      process.exit(1);
    };
    // On the blocking connection: a Redis not up yet is waited for, not mistaken for a refusal.
    await assertNoEviction(rt.workerRedis()).catch((err: Error) => refuse(err.message));
    await start(rt);
    // Readiness is progress: a process whose workers the health does not watch could not report it.
    if (queueHealth.progress().size === 0)
      refuse('no worker joined its queue health (pass rt.queueHealth to createWorker as `health`)');
    const lag = createLagMonitor();
    const ops = await startOpsServer({
      port: env.OPS_PORT ?? env.PORT ?? 0,
      host: env.HOST,
      metrics: rt.metrics,
      readiness: [
        ...base.readiness,
        lag.readiness,
        queueHealth.readiness(spec.stallMs ?? DEFAULT_STALL_MS),
      ],
    });
    base.onClose(async () => {
      lag.stop();
      await ops.close();
    });
    base.onClose(() => Promise.all(workers.map((w) => w.close())));
    base.logger.info(
      { opsPort: ops.port, queues: [...queueHealth.progress().keys()] },
      `${spec.name} running`,
    );
  });
}

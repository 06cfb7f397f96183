import type { Redis } from 'ioredis';
import { createMetrics, type Metrics } from '@portal/http';
import { QueueHealth, assertNoEviction, createRedisConnection } from '@portal/queue';
import { runService, type Runtime, type RuntimeEnv } from './run-service';
import { serveOps } from './serve-ops';

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
   * (`progress`) and /metrics: pass it as `health` to createWorker (each app's
   * `jobs/start-workers.ts` does); start-up fails when no worker joined it.
   */
  queueHealth: QueueHealth;
  /** A blocking connection (`maxRetriesPerRequest: null`), as workers need. */
  workerRedis(): Redis;
}

/**
 * Runs a worker process: the shared shell and the ops server (`/healthz`, `/readyz` with
 * database, Redis, event-loop and progress checks, `/metrics` with the queue health of every
 * worker) on OPS_PORT; progress and metrics come from one `QueueHealth`, which the app's
 * workers join (`start` composes them, `jobs/start-workers.ts`, and returns them to close).
 * It refuses to start on a Redis whose eviction policy is not `noeviction`, and when no
 * worker joined the queue health. At SIGTERM the ops server closes, then the app's workers
 * (they stop taking jobs and finish those in flight; BullMQ hands unfinished ones to another
 * worker) and its other closers, then everything else.
 */
export async function runWorker<E extends WorkerEnv>(
  spec: { name: string; env: E; shutdownTimeoutMs?: number; stallMs?: number },
  start: (rt: WorkerRuntime<E>) => Promise<{ close(): Promise<unknown> }>,
): Promise<void> {
  await runService(spec, async (base) => {
    const { env } = base;
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
    });
    // Closers run last-added first: these run after the app's own (the workers `start`
    // returns, and what it gave rt.onClose) have stopped.
    base.onClose(() => blocking?.disconnect());
    base.onClose(() => queueHealth.close());

    // On the blocking connection: a Redis not up yet is waited for, not mistaken for a refusal.
    await assertNoEviction(rt.workerRedis()).catch((err: Error) => base.refuse(err.message));
    const running = await start(rt);
    base.onClose(() => running.close());
    // Readiness is progress: a process whose workers the health does not watch could not report it.
    if (queueHealth.progress().size === 0)
      base.refuse(
        'no worker joined its queue health (pass rt.queueHealth to createWorker as `health`)',
      );
    base.addReadiness(queueHealth.readiness(spec.stallMs ?? DEFAULT_STALL_MS));
    const ops = await serveOps(base, {
      port: env.OPS_PORT ?? env.PORT ?? 0,
      host: env.HOST,
      metrics: rt.metrics,
    });
    base.logger.info(
      { opsPort: ops.port, queues: [...queueHealth.progress().keys()] },
      `${spec.name} running`,
    );
  });
}

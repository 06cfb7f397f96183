import type { Redis } from 'ioredis';
import { createLagMonitor, createMetrics, startOpsServer, type Metrics } from '@portal/http';
import { QueueHealth, assertNoEviction, createRedisConnection } from '@portal/queue';
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
 * workers join (`start` composes them: `jobs/start-workers.ts`, closed through rt.onClose).
 * It refuses to start on a Redis whose eviction policy is not `noeviction`, and when no
 * worker joined the queue health. At SIGTERM the app's closers run first (its workers stop
 * taking jobs and finish those in flight; BullMQ hands unfinished ones to another worker),
 * then everything else closes.
 */
export async function runWorker<E extends WorkerEnv>(
  spec: { name: string; env: E; shutdownTimeoutMs?: number; stallMs?: number },
  start: (rt: WorkerRuntime<E>) => Promise<void>,
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
    // Closers run last-added first: these run after the app's own (its workers, added by
    // `start` through rt.onClose) have stopped.
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
    base.logger.info(
      { opsPort: ops.port, queues: [...queueHealth.progress().keys()] },
      `${spec.name} running`,
    );
  });
}

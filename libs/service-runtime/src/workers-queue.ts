import type { WorkersQueueConfig } from '@portal/queue';
import type { WorkerEnv } from './run-worker';

/** Where an app's workers run (Redis, queue prefix, concurrency), from its checked environment. */
export function workersQueue(env: WorkerEnv): WorkersQueueConfig {
  return {
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    concurrency: env.WORKER_CONCURRENCY,
  };
}

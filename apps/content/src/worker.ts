// The content worker: scheduled publications, the views flush and the reconcile sweep.
import type { Worker } from 'bullmq';
import { onTerminate } from '@portal/config';
import { connectDatabase, pingDatabase, syncIndexes } from '@portal/db';
import { createMetrics, startOpsServer } from '@portal/graphql-kit';
import { createLogger } from '@portal/logger';
import { createRedisConnection, createWorker } from '@portal/queue';
import { createContentServices } from './content-services';
import { env } from './env';
import {
  MAINTENANCE_TASKS,
  createMaintenanceProcessor,
} from './jobs/content-maintenance.processor';
import { createPublishProcessor } from './jobs/content-publish.processor';
import { createContentQueues } from './jobs/content-queues';

const logger = createLogger({
  service: 'content-worker',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'producer');
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
const queues = createContentQueues(conn, redis, env.QUEUE_PREFIX, logger);
const services = createContentServices({
  conn,
  redis,
  queues,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  keyPrefix: env.QUEUE_PREFIX,
  viewDedupeSeconds: env.CONTENT_VIEW_DEDUPE_SECONDS,
  logger,
});
await syncIndexes(conn);

const workerConnections = [
  createRedisConnection(env.REDIS_URL, 'worker'),
  createRedisConnection(env.REDIS_URL, 'worker'),
];
const workers: Worker[] = [
  createWorker('content-publish', createPublishProcessor(services.articles, logger), {
    connection: workerConnections[0]!,
    prefix: env.QUEUE_PREFIX,
    logger,
    concurrency: env.WORKER_CONCURRENCY,
  }),
  // One maintenance job at a time: the flush also takes a Redis lock, so extra workers are safe.
  createWorker(
    'content-maintenance',
    createMaintenanceProcessor({
      views: services.views,
      articles: services.articles,
      outbox: queues.outbox,
      logger,
    }),
    { connection: workerConnections[1]!, prefix: env.QUEUE_PREFIX, logger, concurrency: 1 },
  ),
];
await queues.maintenance.every('content-flush-views', env.CONTENT_VIEW_FLUSH_INTERVAL_MS, {
  task: MAINTENANCE_TASKS.flushViews,
});
await queues.maintenance.every('content-reconcile', env.CONTENT_RECONCILE_INTERVAL_MS, {
  task: MAINTENANCE_TASKS.reconcile,
});
queues.outbox.start();

const ops = await startOpsServer({
  port: env.OPS_PORT,
  host: env.HOST,
  metrics: createMetrics('content-worker'),
  readiness: [
    { name: 'mongo', check: () => pingDatabase(conn) },
    { name: 'redis', check: async () => void (await redis.ping()) },
  ],
});
logger.info({ opsPort: ops.port }, 'content worker running');

onTerminate(
  async () => {
    // Jobs in flight finish first; BullMQ hands unfinished ones to another worker.
    await Promise.all(workers.map((w) => w.close()));
    await ops.close();
    await queues.close();
    for (const c of [...workerConnections, redis]) c.disconnect();
    await conn.close();
  },
  { log: (msg, err) => logger.info({ err }, msg) },
);

import { onTerminate } from '@portal/config';
import { connectDatabase, pingDatabase } from '@portal/db';
import { createMetrics, startOpsServer } from '@portal/graphql-kit';
import { createLogger } from '@portal/logger';
import { Producer, createRedisConnection, createWorker } from '@portal/queue';
import { loadWorkerEnv } from './env';
import { forumEventsProcessor } from './jobs/forum-events.processor';
import { MAINTENANCE_TASKS, forumMaintenanceProcessor } from './jobs/forum-maintenance.processor';
import { forumModels } from './models';

const env = loadWorkerEnv();
const logger = createLogger({
  service: 'forum-worker',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const connection = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const models = forumModels(connection);
for (const model of Object.values(models)) await model.init();

const workerRedis = createRedisConnection(env.REDIS_URL, 'worker');
const producerRedis = createRedisConnection(env.REDIS_URL, 'producer');
for (const r of [workerRedis, producerRedis])
  r.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));

const notifications = new Producer('notifications', producerRedis, env.QUEUE_PREFIX);
const maintenance = new Producer('forum-maintenance', producerRedis, env.QUEUE_PREFIX);

const runMaintenance = forumMaintenanceProcessor({ models, logger });
const workers = [
  createWorker(
    'forum-events',
    forumEventsProcessor({
      models,
      notifications,
      notify: { publicBaseUrl: env.PUBLIC_BASE_URL, batchSize: env.FORUM_NOTIFY_BATCH_SIZE },
      logger,
    }),
    {
      connection: workerRedis,
      prefix: env.QUEUE_PREFIX,
      logger,
      concurrency: env.WORKER_CONCURRENCY,
    },
  ),
  createWorker('forum-maintenance', (payload) => runMaintenance(payload), {
    connection: workerRedis,
    prefix: env.QUEUE_PREFIX,
    logger,
    concurrency: 1,
  }),
];
for (const [task, { everyMs }] of Object.entries(MAINTENANCE_TASKS))
  await maintenance.every(`forum-${task}`, everyMs, { task });

const ops = await startOpsServer({
  port: env.OPS_PORT,
  metrics: createMetrics('forum-worker'),
  readiness: [
    { name: 'mongo', check: () => pingDatabase(connection) },
    { name: 'redis', check: async () => void (await producerRedis.ping()) },
  ],
});
logger.info({ opsPort: ops.port }, 'forum worker running');

onTerminate(
  async () => {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all([notifications.close(), maintenance.close()]);
    await ops.close();
    workerRedis.disconnect();
    producerRedis.disconnect();
    await connection.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);

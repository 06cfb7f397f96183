import { onTerminate } from '@portal/config';
import { connectDatabase, pingDatabase } from '@portal/db';
import { createMetrics, startOpsServer } from '@portal/graphql-kit';
import { createLogger } from '@portal/logger';
import { Producer, createRedisConnection, createWorker } from '@portal/queue';
import { ItemCounters } from './counters/item-counters';
import { loadLibraryEnv, storageConfig } from './env';
import {
  libraryMaintenanceProcessor,
  MAINTENANCE_TASKS,
} from './jobs/library-maintenance.processor';
import { libraryModels } from './models';
import { createStorage } from './storage/create-storage';

const SWEEP_EVERY_MS = 6 * 3600 * 1000;

const env = loadLibraryEnv();
const logger = createLogger({
  service: 'library-worker',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const models = libraryModels(conn);
const redis = createRedisConnection(env.REDIS_URL, 'client');
const workerRedis = createRedisConnection(env.REDIS_URL, 'worker');
const storage = createStorage(storageConfig(env));
const counters = new ItemCounters(redis, env.QUEUE_PREFIX);

// Schedulers are upserted: every worker process registers the same two, and BullMQ keeps one of each.
const producer = new Producer('library-maintenance', redis, env.QUEUE_PREFIX);
await producer.every('library-flush-counters', env.LIBRARY_COUNTER_FLUSH_SECONDS * 1000, {
  task: MAINTENANCE_TASKS.flushCounters,
});
await producer.every('library-sweep-storage', SWEEP_EVERY_MS, {
  task: MAINTENANCE_TASKS.sweepStorage,
});

const worker = createWorker(
  'library-maintenance',
  libraryMaintenanceProcessor({ models, counters, storage, logger }),
  {
    connection: workerRedis,
    prefix: env.QUEUE_PREFIX,
    logger,
    concurrency: env.WORKER_CONCURRENCY,
  },
);

const ops = await startOpsServer({
  port: env.OPS_PORT,
  metrics: createMetrics('library-worker'),
  readiness: [
    { name: 'mongo', check: () => pingDatabase(conn) },
    { name: 'redis', check: async () => void (await redis.ping()) },
    { name: 'storage', check: () => storage.checkReady() },
  ],
});
logger.info({ opsPort: ops.port }, 'library worker running');

onTerminate(
  async () => {
    await worker.close();
    await producer.close();
    await ops.close();
    await storage.close();
    workerRedis.disconnect();
    redis.disconnect();
    await conn.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);

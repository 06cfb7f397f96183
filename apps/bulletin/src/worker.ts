import { onTerminate } from '@portal/config';
import { connectDatabase, pingDatabase, syncIndexes } from '@portal/db';
import { createMetrics, startOpsServer } from '@portal/graphql-kit';
import { createLogger } from '@portal/logger';
import { Producer, createRedisConnection, createWorker } from '@portal/queue';
import { audioDirOf } from './audio/audio-dir';
import { renderSpeech } from './audio/speech-renderer';
import { createContentArticles } from './content/content-articles';
import { env } from './env';
import {
  MAINTENANCE_TASKS,
  createBulletinMaintenanceProcessor,
} from './jobs/bulletin-maintenance.processor';
import { createBulletinPublishProcessor } from './jobs/bulletin-publish.processor';
import { bulletinModels } from './models';

const logger = createLogger({
  service: 'bulletin-worker',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const models = bulletinModels(conn);
await syncIndexes(conn);
const workerRedis = createRedisConnection(env.REDIS_URL, 'worker');
const producerRedis = createRedisConnection(env.REDIS_URL, 'producer');
producerRedis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
const notifications = new Producer('notifications', producerRedis, env.QUEUE_PREFIX);
const publishProducer = new Producer('bulletin-publish', producerRedis, env.QUEUE_PREFIX);
const maintenanceProducer = new Producer('bulletin-maintenance', producerRedis, env.QUEUE_PREFIX);
const audioDir = audioDirOf(env.DATA_DIR);

const publishWorker = createWorker(
  'bulletin-publish',
  createBulletinPublishProcessor({
    models,
    content: createContentArticles({
      contentUrl: env.CONTENT_URL,
      internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
      logger,
    }),
    renderSpeech: (text, fileName) =>
      renderSpeech(text, fileName, {
        engine: env.TTS_ENGINE,
        voice: env.TTS_VOICE,
        wordsPerMinute: env.TTS_SPEED,
        encoder: env.TTS_ENCODER,
        bitrateKbps: env.TTS_BITRATE_KBPS,
        dir: audioDir,
      }),
    notifications,
    links: { publicBaseUrl: env.PUBLIC_BASE_URL },
    tokenSecret: env.SUBSCRIPTION_TOKEN_SECRET,
    batchSize: env.BULLETIN_FANOUT_BATCH_SIZE,
    logger,
  }),
  {
    connection: workerRedis,
    prefix: env.QUEUE_PREFIX,
    logger,
    concurrency: env.WORKER_CONCURRENCY,
    // Rendering a long issue's audio takes a while; keep the lock well past it.
    lockDurationMs: 5 * 60_000,
  },
);
const maintenanceWorker = createWorker(
  'bulletin-maintenance',
  createBulletinMaintenanceProcessor({ models, publishProducer, logger }),
  { connection: workerRedis, prefix: env.QUEUE_PREFIX, logger, concurrency: 1 },
);
await maintenanceProducer.every('bulletin-publish-overdue', 60_000, {
  task: MAINTENANCE_TASKS.publishOverdue,
});
await maintenanceProducer.every('bulletin-purge-unconfirmed', 6 * 3600_000, {
  task: MAINTENANCE_TASKS.purgeUnconfirmed,
});

const ops = await startOpsServer({
  port: env.OPS_PORT,
  host: env.HOST,
  metrics: createMetrics('bulletin-worker'),
  readiness: [
    { name: 'mongo', check: () => pingDatabase(conn) },
    { name: 'redis', check: async () => void (await producerRedis.ping()) },
  ],
});
logger.info({ opsPort: ops.port, audioDir }, 'bulletin worker running');

onTerminate(
  async () => {
    // Jobs in flight finish first; BullMQ hands unfinished ones to the next worker.
    await Promise.all([publishWorker.close(), maintenanceWorker.close()]);
    await Promise.all([
      notifications.close(),
      publishProducer.close(),
      maintenanceProducer.close(),
    ]);
    await ops.close();
    workerRedis.disconnect();
    producerRedis.disconnect();
    await conn.close();
  },
  { log: (msg, err) => logger.info({ err }, msg) },
);

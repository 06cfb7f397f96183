// The content subgraph: articles, categories, feeds and view counting (port 4001).
import { onTerminate } from '@portal/config';
import { connectDatabase, syncIndexes } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { createContentServices } from './content-services';
import { env } from './env';
import { createContentQueues } from './jobs/content-queues';
import { startServer } from './server';

const logger = createLogger({
  service: 'content',
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
// Jobs recorded while Redis was unreachable are handed over as soon as it is back.
queues.outbox.start();

const server = await startServer({
  port: env.PORT,
  host: env.HOST,
  production: env.NODE_ENV === 'production',
  internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  conn,
  redis,
  services,
  logger,
});

onTerminate(
  async () => {
    await server.close();
    await queues.close();
    redis.disconnect();
    await conn.close();
  },
  { log: (msg, err) => logger.info({ err }, msg) },
);

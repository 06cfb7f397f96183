// The referral subgraph: read env, connect, serve /graphql and /hotline/callback, stop on SIGTERM.
import { onTerminate } from '@portal/config';
import { connectDatabase } from '@portal/db';
import { Outbox, createRedisConnection } from '@portal/queue';
import { createForumClient } from './clients/forum-client';
import { env } from './env';
import { closeProducers, createProducers } from './jobs/producers';
import { loggerFor } from './logger';
import { prepareDatabase } from './models';
import { startServer } from './server';
import { CategoryService } from './services/category-service';

const logger = loggerFor(env, 'referral');
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const models = await prepareDatabase(conn);
const added = await new CategoryService(models).ensureDefaults();
if (added) logger.info({ added }, 'hotline categories added from the reference data');

const redis = createRedisConnection(env.REDIS_URL, 'producer');
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
const producers = createProducers(redis, env.QUEUE_PREFIX, {
  attempts: env.HOTLINE_DISPATCH_ATTEMPTS,
  backoffMs: env.HOTLINE_RETRY_BACKOFF_MS,
});
// Jobs that follow a write are recorded here first, and relayed if Redis was down.
const outbox = new Outbox(conn, producers, logger);
outbox.start();

const server = await startServer(
  {
    port: env.PORT,
    host: env.HOST,
    production: env.NODE_ENV === 'production',
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    redisPrefix: env.QUEUE_PREFIX,
    hotlineCallbackSecret: env.HOTLINE_CALLBACK_SECRET,
    callbackToleranceSeconds: env.HOTLINE_CALLBACK_TOLERANCE_SECONDS,
    feedbackPerHour: env.FEEDBACK_PER_HOUR,
    trackingLookupsPerMinute: env.TRACKING_LOOKUPS_PER_MINUTE,
  },
  {
    conn,
    redis,
    outbox,
    forum: createForumClient({
      url: `${env.FORUM_URL}/graphql`,
      internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    }),
    logger,
  },
);

onTerminate(
  async () => {
    await server.close();
    outbox.stop();
    await closeProducers(producers);
    redis.disconnect();
    await conn.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);

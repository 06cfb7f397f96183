import { onTerminate } from '@portal/config';
import { connectDatabase } from '@portal/db';
import { createLogger } from '@portal/logger';
import { Producer, createRedisConnection } from '@portal/queue';
import { audioDirOf } from './audio/audio-dir';
import { env } from './env';
import { startServer } from './server';

const logger = createLogger({
  service: 'bulletin',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'producer');
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
const publishProducer = new Producer('bulletin-publish', redis, env.QUEUE_PREFIX);
const notificationsProducer = new Producer('notifications', redis, env.QUEUE_PREFIX);

const bulletin = await startServer(
  {
    port: env.PORT,
    host: env.HOST,
    production: env.NODE_ENV === 'production',
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    contentUrl: env.CONTENT_URL,
    subscriptionTokenSecret: env.SUBSCRIPTION_TOKEN_SECRET,
    confirmTtlSeconds: env.SUBSCRIPTION_CONFIRM_TTL_HOURS * 3600,
    audioDir: audioDirOf(env.DATA_DIR),
    prefix: env.QUEUE_PREFIX,
  },
  { conn, redis, publishProducer, notificationsProducer, logger },
);
// Jobs recorded while Redis was unreachable go out once it is back.
bulletin.outbox.start();

onTerminate(
  async () => {
    await bulletin.close();
    await Promise.all([publishProducer.close(), notificationsProducer.close()]);
    redis.disconnect();
    await conn.close();
  },
  { log: (msg, err) => logger.info({ err }, msg) },
);

import { onTerminate } from '@portal/config';
import { connectDatabase } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { loadServerEnv } from './env';
import { rulesFromEnv } from './rules-from-env';
import { startServer } from './server';

const env = loadServerEnv();
const logger = createLogger({
  service: 'forum',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const connection = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'producer');
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));

const server = await startServer({
  port: env.PORT,
  host: env.HOST,
  internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
  production: env.NODE_ENV === 'production',
  logger,
  connection,
  redis,
  queuePrefix: env.QUEUE_PREFIX,
  rules: rulesFromEnv(env),
  outboxRelayMs: 5000,
});

onTerminate(
  async () => {
    await server.close();
    redis.disconnect();
    await connection.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);

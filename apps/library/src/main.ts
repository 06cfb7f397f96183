import { onTerminate } from '@portal/config';
import { connectDatabase } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { env, filesDir } from './env';
import { startServer } from './server';
import { createStorage } from './storage/create-storage';

const logger = createLogger({
  service: 'library',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'client');
const storage = createStorage({ driver: env.LIBRARY_STORAGE, filesDir: filesDir(env) });
const server = await startServer(
  {
    port: env.PORT,
    host: env.HOST,
    production: env.NODE_ENV === 'production',
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    maxUploadBytes: env.LIBRARY_MAX_UPLOAD_BYTES,
    uploadsPerHour: env.LIBRARY_UPLOADS_PER_HOUR,
    uploadTimeoutMs: env.LIBRARY_UPLOAD_TIMEOUT_SECONDS * 1000,
    keyPrefix: env.QUEUE_PREFIX,
  },
  { conn, redis, storage, logger },
);
logger.info({ filesDir: filesDir(env) }, 'library files stored locally');

onTerminate(
  async () => {
    await server.close();
    redis.disconnect();
    await conn.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);

import { onTerminate } from '@portal/config';
import { connectDatabase } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { loadLibraryEnv, storageConfig } from './env';
import { SWEEP_GRACE_MS } from './jobs/sweep-storage';
import { startServer } from './server';
import { createStorage, describeStorage } from './storage/create-storage';

const env = loadLibraryEnv();
const logger = createLogger({
  service: 'library',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'client');
const storageSettings = storageConfig(env);
const storage = createStorage(storageSettings);
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
logger.info(describeStorage(storageSettings), 'library file storage');
// With S3 the staging folder is this replica's own disk, which the worker's sweep may not
// see: clear what a crash here left behind (a day old or more) at every start.
void storage
  .purgeStaging(new Date(Date.now() - SWEEP_GRACE_MS))
  .catch((err: unknown) => logger.warn({ err }, 'could not clear old staged uploads'));

onTerminate(
  async () => {
    await server.close();
    await storage.close();
    redis.disconnect();
    await conn.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);

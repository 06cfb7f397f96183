// Demo data for local runs (npm start runs it once per database).
import { connectDatabase, seedOnce } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection, publishGraphChangesOf } from '@portal/queue';
import { ItemCounters } from './counters/item-counters';
import { loadLibraryEnv, storageConfig } from './env';
import { libraryModels } from './models';
import { seedLibrary, seedShowcase } from './seed/seed-library';
import { createStorage } from './storage/create-storage';

const env = loadLibraryEnv();
const logger = createLogger({
  service: 'library-seed',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
// The seed counts nothing; its writes reach the graph as any write does: cached lists of
// items are dropped (the subgraph may have cached empty ones already) and the assistant
// indexes them.
const redis = createRedisConnection(env.REDIS_URL, 'client', { lazyConnect: true });
await redis
  .connect()
  .catch((err: Error) =>
    logger.warn({ err: err.message }, 'no Redis: cached lists live to their max-age'),
  );
publishGraphChangesOf(conn, redis, env.QUEUE_PREFIX, logger);
const storage = createStorage(storageConfig(env));
try {
  const models = await libraryModels.prepare(conn);
  await seedOnce(
    conn,
    'library-demo',
    async () => {
      await seedLibrary({
        models,
        storage,
        counters: new ItemCounters(redis, env.QUEUE_PREFIX),
        logger,
      });
    },
    logger,
  );
  // Its own marker, so databases seeded before the showcase existed get it too.
  await seedOnce(
    conn,
    'library-showcase-demo',
    async () => {
      await seedShowcase({
        models,
        storage,
        counters: new ItemCounters(redis, env.QUEUE_PREFIX),
        logger,
      });
    },
    logger,
  );
} finally {
  await storage.close();
  redis.disconnect();
  await conn.close();
}

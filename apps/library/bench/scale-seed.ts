// The library's scale data for the benchmarks (`npm run seed -- --scale F` runs it with
// SCALE_FRACTION=F): brings the generated items to F of SCALE_DATA.libraryItems, connected
// as the demo seed is (its writes reach the graph as any write does). Prints one JSON line.
import { connectDatabase, syncIndexes } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection, publishGraphChangesOf } from '@portal/queue';
import { scaleFraction } from '@portal/testing/bench';
import { ItemCounters } from '../src/counters/item-counters';
import { loadLibraryEnv, storageConfig } from '../src/env';
import { libraryModels } from '../src/models';
import { createStorage } from '../src/storage/create-storage';
import { seedScale } from './scale-data';

const env = loadLibraryEnv();
const logger = createLogger({
  service: 'library-scale-seed',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});
const started = performance.now();
const fraction = scaleFraction();
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'client', { lazyConnect: true });
await redis
  .connect()
  .catch((err: Error) =>
    logger.warn({ err: err.message }, 'no Redis: cached lists live to their max-age'),
  );
publishGraphChangesOf(conn, redis, env.QUEUE_PREFIX, logger);
const storage = createStorage(storageConfig(env));
try {
  const models = libraryModels(conn);
  await syncIndexes(conn);
  const result = await seedScale({
    models,
    storage,
    counters: new ItemCounters(redis, env.QUEUE_PREFIX),
    logger,
    fraction,
    now: new Date(),
  });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ app: 'library', fraction, ...result, ms })}\n`);
} catch (err) {
  logger.error({ err }, 'library scale seed failed');
  process.exitCode = 1;
} finally {
  await storage.close();
  redis.disconnect();
  await conn.close();
}

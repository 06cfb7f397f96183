// Brings the bulletin database to SCALE_FRACTION of the benchmarks' scale data (24 published
// monthly issues at 1), adding only what is missing; prints one line of JSON. Its items point at
// content's generated articles: run content's scale seed first, with the content subgraph up
// at CONTENT_URL (`npm run seed -- --scale F` seeds the bulletin last, as the demo's).
// `node --import tsx apps/bulletin/bench/scale-seed.ts`
import { connectDatabase, syncIndexes } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection, publishGraphChangesOf } from '@portal/queue';
import { scaleFraction } from '@portal/testing/bench';
import { createContentArticles } from '../src/content/content-articles';
import { env } from '../src/env';
import { bulletinModels } from '../src/models';
import { seedScale } from './scale-data';

const logger = createLogger({
  service: 'bulletin-scale-seed',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});
const started = performance.now();
const fraction = scaleFraction();

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'producer');
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
// The issues reach the graph as any write does: cached lists are dropped, gateways purge.
publishGraphChangesOf(conn, redis, env.QUEUE_PREFIX, logger);
try {
  const models = bulletinModels(conn);
  await syncIndexes(conn);
  const result = await seedScale({
    models,
    content: createContentArticles({
      contentUrl: env.CONTENT_URL,
      internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
      logger,
    }),
    fraction,
    now: new Date(),
  });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ app: 'bulletin', fraction, ...result, ms })}\n`);
} catch (err) {
  logger.error({ err }, 'bulletin scale data not written');
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
} finally {
  redis.disconnect();
  await conn.close();
}

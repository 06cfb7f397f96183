// Brings the content database to SCALE_FRACTION of the benchmarks' scale data (10,000
// published articles at 1), adding only what is missing; prints one line of JSON.
// `node --import tsx apps/content/bench/scale-seed.ts` (`npm run seed -- --scale F` runs it).
import { connectDatabase, syncIndexes } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection, publishGraphChangesOf } from '@portal/queue';
import { scaleFraction } from '@portal/testing/bench';
import { env } from '../src/env';
import { contentModels } from '../src/models';
import { seedScale } from './scale-data';

const logger = createLogger({
  service: 'content-scale-seed',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});
const started = performance.now();
const fraction = scaleFraction();

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'producer');
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
// The articles reach the graph as any write does: cached lists are dropped, gateways purge.
publishGraphChangesOf(conn, redis, env.QUEUE_PREFIX, logger);
try {
  const models = contentModels(conn);
  await syncIndexes(conn);
  const result = await seedScale({ models, fraction, now: new Date() });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ app: 'content', fraction, ...result, ms })}\n`);
} catch (err) {
  logger.error({ err }, 'content scale data not written');
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
} finally {
  redis.disconnect();
  await conn.close();
}

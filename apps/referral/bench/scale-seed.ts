// The referral service's scale data for the benchmarks (`npm run seed -- --scale F` runs it
// with SCALE_FRACTION=F): brings the generated referrals to F of SCALE_DATA.referrals, on the
// service's database and Redis (its statistics are counted there; its writes reach the graph
// as any write does). Prints one JSON line.
import { connectDatabase } from '@portal/db';
import { createRedisConnection, publishGraphChangesOf } from '@portal/queue';
import { scaleFraction } from '@portal/testing/bench';
import { env } from '../src/env';
import { loggerFor } from '../src/logger';
import { prepareDatabase } from '../src/models';
import { seedScale } from './scale-data';

const logger = loggerFor(env, 'referral-scale-seed');
const started = performance.now();
const fraction = scaleFraction();
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
// Unlike the demo seed, which leaves its counting to the subgraph's start-up backfill, this
// counts what it writes (the backfill runs once per database, perhaps long before): it needs Redis.
const redis = createRedisConnection(env.REDIS_URL, 'client');
publishGraphChangesOf(conn, redis, env.QUEUE_PREFIX, logger);
try {
  await prepareDatabase(conn);
  const result = await seedScale({
    conn,
    redis,
    keyPrefix: env.QUEUE_PREFIX,
    webBaseUrl: env.WEB_BASE_URL,
    logger,
    fraction,
    now: new Date(),
  });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ app: 'referral', fraction, ...result, ms })}\n`);
} catch (err) {
  logger.error({ err }, 'referral scale seed failed');
  process.exitCode = 1;
} finally {
  redis.disconnect();
  await conn.close();
}

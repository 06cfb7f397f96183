// The referral service's scale data for the benchmarks (`npm run seed -- --scale F` runs it
// with SCALE_FRACTION=F): brings the generated referrals to F of SCALE_DATA.referrals, on the
// service's database and Redis (its statistics are counted there; its writes reach the graph
// as any write does). Prints one JSON line.
import { openSeedConnections } from '@portal/queue';
import { runScaleSeed } from '@portal/testing/bench';
import { env } from '../src/env';
import { referralModels } from '../src/models';
import { seedScale } from './scale-data';

// Unlike the demo seed, which leaves its counting to the subgraph's start-up backfill, this
// counts what it writes (the backfill runs once per database, perhaps long before): it needs Redis.
const { conn, redis, close, logger } = await openSeedConnections(env, 'referral-scale-seed', {
  redisRequired: true,
});
await runScaleSeed(
  'referral',
  async (fraction) => {
    await referralModels.prepare(conn);
    return seedScale({
      conn,
      redis,
      keyPrefix: env.QUEUE_PREFIX,
      webBaseUrl: env.WEB_BASE_URL,
      logger,
      fraction,
      now: new Date(),
    });
  },
  close,
);

// Benchmark: the bulletin's subscribers part of portalStats (issue 21: each part under 100 ms
// p50 over a year of data) with 10,000 subscribers (the publish bench's audience) who joined
// over two years: 85 % confirmed, 10 % of those unsubscribed since, the rest pending. Calls the
// service in-process (no HTTP), by month, week and day over a rolling year: from the month facts
// (subscriber-facts.ts) as the daily sync packs them and, interleaved, from a copy of them kept
// one field per subscriber (as before packing) and from every record (the path before them, the
// reference), checking all give the same figures. Standalone, on its own FerretDB and Redis
// unless MONGODB_URI / REDIS_URL are set:
//   npx tsx apps/bulletin/bench/portal-stats.bench.ts [--subscribers 10000] [--runs 7]
// BENCH_SMOKE=1: 500 subscribers, two runs.
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import {
  BENCH_EDITOR,
  BY_GRANULARITY,
  benchDatabase,
  benchMonthFacts,
  benchSizes,
  insertTimed,
  rollingYear,
  spreadEvenly,
} from '@portal/testing/bench';
import { bulletinModels } from '../src/models';
import { BulletinStatsService, bulletinCounters } from '../src/stats/bulletin-stats.service';
import { subscriberFactsStore, syncSubscriberFacts } from '../src/stats/subscriber-facts';

const { subscribers: SUBSCRIBERS, runs: RUNS } = benchSizes({
  subscribers: { full: 10000, smoke: 500 },
  runs: { full: 7, smoke: 2 },
});
const HOUR = 3_600_000;

const database = await benchDatabase('bulletin-portal-stats', 'bulletin_stats_bench');
const logger = createLogger({ service: 'bulletin-stats-bench', level: 'warn', pretty: false });
const redis = createRedisConnection(database.services.redisUrl, 'producer');

try {
  const models = await bulletinModels.prepare(database.conn);
  const now = Date.now();
  const twoYears = { from: new Date(now - 2 * 365 * 24 * HOUR), to: new Date(now) };
  const subscribers = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const createdAt = spreadEvenly(twoYears, i, SUBSCRIBERS);
    const confirmed = i % 20 < 17;
    const confirmedAt = confirmed ? new Date(createdAt.getTime() + (1 + (i % 30)) * HOUR) : null;
    const unsubscribedAt =
      confirmedAt && i % 10 === 3 && confirmedAt.getTime() + 1000 * HOUR < now
        ? new Date(confirmedAt.getTime() + (100 + (i % 900)) * HOUR)
        : null;
    subscribers.push({
      _id: new Types.ObjectId(),
      email: `nguoi-doc-${i}@example.vn`,
      status: unsubscribedAt ? 'UNSUBSCRIBED' : confirmed ? 'CONFIRMED' : 'PENDING',
      nonce: randomBytes(16).toString('hex'),
      createdAt,
      updatedAt: unsubscribedAt ?? confirmedAt ?? createdAt,
      confirmedAt,
      unsubscribedAt,
    });
  }
  await insertTimed(`${subscribers.length} subscribers over two years`, [
    { model: models.subscribers, docs: subscribers, batch: 1000 },
  ]);

  const year = rollingYear(now);
  await benchMonthFacts({
    database,
    models,
    prepare: bulletinModels.prepare,
    store: subscriberFactsStore,
    build: syncSubscriberFacts,
    subject: 'subscriber',
    statistic: 'portalStats bulletin subscribers',
    ...BY_GRANULARITY,
    service: ({ models, conn, keyPrefix }) =>
      new BulletinStatsService(models, bulletinCounters({ conn, redis, keyPrefix, logger })),
    facts: (stats, granularity) => stats.subscribers(BENCH_EDITOR, { ...year, granularity }),
    records: (stats, granularity) => stats.subscribersFromRecords({ ...year, granularity }),
    reference: { name: 'every record', label: 'records' },
    runs: RUNS,
    detail: `${SUBSCRIBERS} subscribers`,
  });
} finally {
  redis.disconnect();
  await database.close();
}

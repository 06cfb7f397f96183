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
import mongoose, { Types } from 'mongoose';
import type { StatGranularity } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import {
  BENCH_EDITOR,
  benchServices,
  benchSizes,
  reportAgainstReference,
  timeInterleaved,
  unpackedFactsDatabase,
} from '@portal/testing/bench';
import { prepareDatabase } from '../src/models';
import { BulletinStatsService, bulletinCounters } from '../src/stats/bulletin-stats.service';
import { subscriberFactsStore, syncSubscriberFacts } from '../src/stats/subscriber-facts';

const { subscribers: SUBSCRIBERS, runs: RUNS } = benchSizes({
  subscribers: { full: 10000, smoke: 500 },
  runs: { full: 7, smoke: 2 },
});
const HOUR = 3_600_000;
const say = (line: string) => process.stdout.write(`${line}\n`);

const services = await benchServices('bulletin-portal-stats');
const logger = createLogger({ service: 'bulletin-stats-bench', level: 'warn', pretty: false });
const dbName = `bulletin_stats_bench_${Date.now()}`;
const conn = await mongoose.createConnection(services.mongoUri, { dbName }).asPromise();
let closeUnpacked = async () => {};
const redis = createRedisConnection(services.redisUrl, 'producer');

try {
  const models = await prepareDatabase(conn);
  const now = Date.now();
  const twoYearsAgo = now - 2 * 365 * 24 * HOUR;
  const subscribers = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const createdAt = new Date(twoYearsAgo + ((now - twoYearsAgo) * i) / SUBSCRIBERS);
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
  const seedStart = performance.now();
  for (let i = 0; i < subscribers.length; i += 1000)
    await models.subscribers.insertMany(subscribers.slice(i, i + 1000));
  say(
    `${subscribers.length} subscribers over two years, inserted in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const stats = new BulletinStatsService(
    models,
    bulletinCounters({ conn, redis, keyPrefix: dbName, logger }),
  );
  const editor = BENCH_EDITOR;
  const from = new Date(now - 365 * 24 * HOUR);
  const to = new Date(now);
  const buildStart = performance.now();
  const built = await syncSubscriberFacts(models);
  say(
    `facts built: ${built} subscribers in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`,
  );
  // The peer: the same facts kept one field per subscriber, as before months were packed.
  const unpacked = await unpackedFactsDatabase({
    mongoUri: services.mongoUri,
    dbName,
    prepare: prepareDatabase,
    store: subscriberFactsStore,
    from: models,
  });
  closeUnpacked = unpacked.close;
  const unpackedStats = new BulletinStatsService(
    unpacked.models,
    bulletinCounters({ conn: unpacked.conn, redis, keyPrefix: `${dbName}_unpacked`, logger }),
  );
  const granularities: StatGranularity[] = ['MONTH', 'WEEK', 'DAY'];
  const paths = {
    facts: (granularity: StatGranularity) => stats.subscribers(editor, { from, to, granularity }),
    unpacked: (granularity: StatGranularity) =>
      unpackedStats.subscribers(editor, { from, to, granularity }),
    records: (granularity: StatGranularity) =>
      stats.subscribersFromRecords({ from, to, granularity }),
  };
  await paths.facts('MONTH');
  const times = await timeInterleaved({ runs: RUNS, cases: granularities, paths });
  for (const granularity of granularities) {
    const facts = times('facts', granularity);
    const records = times('records', granularity);
    const g = granularity.toLowerCase();
    reportAgainstReference({
      name: `portalStats bulletin subscribers, rolling year by ${g} (p50)`,
      ratioName: `portalStats bulletin subscribers by ${g}: every record ÷ month facts (p50, interleaved)`,
      times: facts,
      reference: records,
      referenceLabel: 'records',
      target: 100,
      detail: `${SUBSCRIBERS} subscribers`,
      peers: [
        {
          ratioName: `portalStats bulletin subscribers by ${g}: facts one field per subscriber ÷ packed months (p50, interleaved)`,
          times: times('unpacked', granularity),
          label: 'one field per subscriber',
        },
      ],
    });
  }
} finally {
  await closeUnpacked();
  await conn.dropDatabase().catch(() => {});
  await conn.close();
  redis.disconnect();
  await services.stop();
}

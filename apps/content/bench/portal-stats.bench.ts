// Benchmark: the audience parts of portalStats (the shared hot counter's audienceStats, as
// content, library, forum and bulletin all serve them) over a year of statistics.
// Target (issue 21): each part under 100 ms p50. Standalone:
// `npx tsx apps/content/bench/portal-stats.bench.ts` (starts its own FerretDB and Redis
// unless MONGODB_URI / REDIS_URL point at servers). Options: --articles N (10000),
// --readers N distinct readers per day (2000), --runs N (20).
import {
  AUDIENCE_COUNTERS,
  dayKey,
  packCounts,
  periodIdsOf,
  type StatGranularity,
} from '@portal/db';
import { createLogger } from '@portal/logger';
import {
  benchServices,
  benchSizes,
  percentile,
  reportBenchmark,
  reportLatency,
  runBench,
} from '@portal/testing/bench';
import { kindCounter } from '../src/models/view-stats.model';
import { benchContent } from './bench-content';

const {
  articles: ARTICLES,
  readers: READERS,
  runs: RUNS,
} = benchSizes({ articles: 10000, readers: 2000, runs: 20 });
const DAY = 86_400_000;
const logger = createLogger({ service: 'portal-stats-bench', level: 'warn', pretty: false });
const bench = await benchServices('portal-stats');

async function main() {
  const { mongoUri, redisUrl } = bench;
  const dbName = `bench_portal_stats_${Date.now()}`;
  const now = new Date();
  const { redis, svc, close } = await benchContent({
    mongoUri,
    redisUrl,
    dbName,
    logger,
    now: () => now,
  });
  const t0 = performance.now();

  // A year of day, month and year documents: each article read for about two months after
  // publication, every audience class filled.
  const periods = new Map<
    string,
    { counts: Record<string, number>; subjects: Map<string, number>; days: Map<string, number> }
  >();
  const counters = [...AUDIENCE_COUNTERS, kindCounter('NEWS')];
  for (let i = 0; i < ARTICLES; i++) {
    const first = Math.floor((i / ARTICLES) * 365);
    for (let k = 0; k < Math.min(60, 365 - first); k++) {
      const day = dayKey(new Date(now.getTime() - (364 - first - k) * DAY));
      const n = 1 + ((i * 7 + k * 13) % 20);
      for (const id of periodIdsOf(day)) {
        const p = periods.get(id) ?? {
          counts: { total: 0 } as Record<string, number>,
          subjects: new Map<string, number>(),
          days: new Map<string, number>(),
        };
        p.counts.total! += n;
        // As the flush keeps them: a month's events per day of the month.
        if (id.startsWith('M')) p.days.set(day.slice(8), (p.days.get(day.slice(8)) ?? 0) + n);
        for (const c of counters) p.counts[c] = (p.counts[c] ?? 0) + Math.floor(n / 3);
        p.subjects.set(String(i), (p.subjects.get(String(i)) ?? 0) + n);
        periods.set(id, p);
      }
    }
  }
  const docs = [...periods].map(([id, p]) => ({
    _id: id,
    ...p.counts,
    articles: packCounts(p.subjects),
    ...(id.startsWith('M') ? { days: packCounts(p.days) } : {}),
    lastFlushId: 'bench',
  }));
  for (let i = 0; i < docs.length; i += 50)
    await svc.models.views.periods.insertMany(docs.slice(i, i + 50), { lean: true });

  // Distinct readers: READERS a day, a third of them returning from the day before.
  const views = svc.views;
  for (let d = 0; d < 365; d++) {
    const at = new Date(now.getTime() - (364 - d) * DAY);
    const pipeline = redis.pipeline();
    for (const periodId of periodIdsOf(dayKey(at))) {
      const key = `${dbName}:content:views:readers:all:${periodId}`;
      for (let r = 0; r < READERS; r += 500)
        pipeline.pfadd(
          key,
          ...Array.from(
            { length: Math.min(500, READERS - r) },
            (_, j) => `p:${d * (READERS * 0.67) + r + j}`,
          ),
        );
      pipeline.sadd(`${dbName}:content:views:readers-dirty`, `all|${periodId}`);
    }
    await pipeline.exec();
  }
  await views.flush();
  process.stdout.write(
    `${ARTICLES} articles, ${docs.length} period documents, ${READERS} readers a day (loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
  );

  const readerKeys = async () => redis.keys(`${dbName}:content:views:readers:all:*`);
  const from = new Date(now.getTime() - 364 * DAY);
  for (const granularity of ['MONTH', 'WEEK', 'DAY'] as StatGranularity[]) {
    for (const mode of ['warm', 'cold'] as const) {
      const walls: number[] = [];
      let result = { views: 0, uniqueReaders: 0 };
      for (let r = 0; r < RUNS + 2; r++) {
        // cold: Redis has lost every reader set (expiry, failover); they come back from MongoDB.
        if (mode === 'cold') {
          const keys = await readerKeys();
          if (keys.length) await redis.del(...keys);
        }
        const a = performance.now();
        const stats = await svc.portalStats.readArticles({ from, to: now, granularity });
        const wall = performance.now() - a;
        if (r < 2) continue;
        walls.push(wall);
        result = stats;
      }
      reportLatency(
        `portalStats audience, rolling year by ${granularity.toLowerCase()}, ${mode} (p50)`,
        walls,
        100,
        `views ${result.views}, readers ≈ ${result.uniqueReaders}`,
      );
      process.stdout.write(
        `  ${granularity.padEnd(5)} ${mode} p50 ${percentile(walls, 50).toFixed(1)} ms, p95 ${percentile(walls, 95).toFixed(1)} ms (views ${result.views}, readers ≈ ${result.uniqueReaders})\n`,
      );
    }
  }
  // Side by side, interleaved: the same series with the months' daily events taken away, so
  // they come from the year's day documents as before months kept them (the path a month
  // flushed before then still takes).
  const months = docs.filter((d) => d._id.startsWith('M'));
  const periodsModel = svc.models.views.periods;
  for (const granularity of ['WEEK', 'DAY'] as StatGranularity[]) {
    const fromMonths: number[] = [];
    const fromDays: number[] = [];
    for (let r = 0; r < RUNS + 2; r++) {
      let a = performance.now();
      const fast = await svc.portalStats.readArticles({ from, to: now, granularity });
      const fastWall = performance.now() - a;
      await periodsModel.updateMany(
        { _id: { $in: months.map((m) => m._id) } },
        { $unset: { days: 1 } },
      );
      a = performance.now();
      const slow = await svc.portalStats.readArticles({ from, to: now, granularity });
      const slowWall = performance.now() - a;
      await periodsModel.bulkWrite(
        months.map((m) => ({
          updateOne: {
            filter: { _id: m._id },
            update: { $set: { days: (m as { days?: string }).days } },
          },
        })),
      );
      if (JSON.stringify(fast.series) !== JSON.stringify(slow.series))
        throw new Error(`the two paths disagree on the ${granularity} series`);
      if (r < 2) continue;
      fromMonths.push(fastWall);
      fromDays.push(slowWall);
    }
    const [m50, d50] = [percentile(fromMonths, 50), percentile(fromDays, 50)];
    reportBenchmark({
      name: `portalStats series by ${granularity.toLowerCase()}: day documents ÷ months' daily events (p50, interleaved)`,
      value: d50 / m50,
      unit: '×',
      better: 'higher',
      detail: `months' daily events p50 ${m50.toFixed(1)} ms, day documents p50 ${d50.toFixed(1)} ms`,
    });
    process.stdout.write(
      `  ${granularity.padEnd(5)} warm, interleaved: months' daily events p50 ${m50.toFixed(1)} ms, day documents p50 ${d50.toFixed(1)} ms (${(d50 / m50).toFixed(1)}×)\n`,
    );
  }

  await close();
}

runBench(main, bench);

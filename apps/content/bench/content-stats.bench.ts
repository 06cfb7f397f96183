// Benchmark: contentStats over a year of daily view statistics for 10,000 articles.
// Target: under 50 ms per answer. Standalone: `npx tsx apps/content/bench/content-stats.bench.ts`
// (starts its own FerretDB and Redis unless MONGODB_URI / REDIS_URL point at servers).
// Options: --articles N (10000), --runs N (30), --profile dense|realistic|both (both),
// --modes cold,warm (cold: a flush changed the statistics just before; warm: asked again).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import { signInternalToken } from '@portal/auth';
import { createLogger } from '@portal/logger';
import {
  BENCH_EDITOR,
  benchServices,
  percentile,
  reportLatency,
  runBench,
} from '@portal/testing/bench';
import { packArticleCounts } from '../src/domain/content-stats';
import { dayKey, periodIdsOf } from '../src/domain/view-periods';
import type { ViewPeriodDoc } from '../src/models/view-stats.model';
import { BENCH_SECRET, benchContent } from './bench-content';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '30' },
    profile: { type: 'string', default: 'both' },
    modes: { type: 'string', default: 'cold,warm' },
  },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const DAY = 86_400_000;
const logger = createLogger({ service: 'content-bench', level: 'warn', pretty: false });

const bench = await benchServices('content-stats');

/**
 * CPU time FerretDB has used so far (from /proc; 10 ms resolution). On a shared machine wall
 * time mostly measures the neighbours, so CPU per answer is reported beside it.
 */
function ferretdbCpuMs(): number {
  if (!bench.ferretdbPid) return 0;
  try {
    const fields = readFileSync(`/proc/${bench.ferretdbPid}/stat`, 'utf8')
      .split(') ')[1]!
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Deterministic pseudo-random numbers. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The day, month and year documents the views flush would have written for a year.
 * dense: every article viewed every day (the worst case: 10k entries per document).
 * realistic: each article read for about two months after it was published.
 */
function periodDocs(
  profile: 'dense' | 'realistic',
  articleIds: string[],
  lastDay: Date,
): ViewPeriodDoc[] {
  const rand = random(7);
  type Acc = {
    id: string;
    desktop: number;
    mobile: number;
    tablet: number;
    counts: Map<string, number>;
  };
  const periods = new Map<string, Acc>();
  const add = (id: string, articleId: string, d: number, m: number, t: number) => {
    const acc = periods.get(id) ?? { id, desktop: 0, mobile: 0, tablet: 0, counts: new Map() };
    acc.desktop += d;
    acc.mobile += m;
    acc.tablet += t;
    acc.counts.set(articleId, (acc.counts.get(articleId) ?? 0) + d + m + t);
    periods.set(id, acc);
  };
  articleIds.forEach((articleId, i) => {
    const firstDay = profile === 'dense' ? 0 : Math.floor((i / articleIds.length) * 365);
    const span = profile === 'dense' ? 365 : Math.min(60, 365 - firstDay);
    for (let k = 0; k < span; k++) {
      const day = dayKey(new Date(lastDay.getTime() - (364 - firstDay - k) * DAY));
      const base = 1 + Math.floor(rand() * 20);
      const d = Math.floor(base * 0.3);
      const t = Math.floor(base * 0.1);
      const m = base - d - t;
      for (const id of periodIdsOf(day)) add(id, articleId, d, m, t);
    }
  });
  return [...periods.values()].map((p) => ({
    _id: p.id,
    desktop: p.desktop,
    mobile: p.mobile,
    tablet: p.tablet,
    total: p.desktop + p.mobile + p.tablet,
    articles: packArticleCounts(p.counts),
    lastFlushId: 'bench',
  }));
}

async function main(): Promise<void> {
  const { mongoUri, redisUrl } = bench;
  const profiles =
    values.profile === 'both'
      ? (['realistic', 'dense'] as const)
      : ([values.profile as 'dense' | 'realistic'] as const);
  for (const profile of profiles) {
    const dbName = `bench_content_stats_${profile}_${Date.now()}`;
    const { svc, startServer, close } = await benchContent({ mongoUri, redisUrl, dbName, logger });

    const now = new Date();
    const t0 = performance.now();
    const articleIds: string[] = [];
    const docs = [];
    for (let i = 0; i < ARTICLES; i++) {
      const _id = new Types.ObjectId();
      articleIds.push(String(_id));
      docs.push({
        _id,
        slug: `bai-viet-${i}`,
        title: `Bài viết số ${i}`,
        summary: null,
        body: '<p>Nội dung</p>',
        kind: 'NEWS',
        scope: 'CITY',
        categoryId: null,
        tags: [],
        tagKeys: [],
        sourceUnit: null,
        coverImageUrl: null,
        author: { id: 'bench', displayName: 'Bench' },
        status: 'PUBLISHED',
        version: 1,
        publishedAt: now,
        scheduledAt: null,
        searchTokens: [],
        titleTokens: [],
        createdAt: now,
        updatedAt: now,
      });
    }
    for (let i = 0; i < docs.length; i += 1000)
      await svc.models.articles.insertMany(docs.slice(i, i + 1000), { lean: true });
    const periods = periodDocs(profile, articleIds, now);
    for (const p of periods) await svc.models.views.periods.create(p);
    const entries = periods.reduce(
      (n, p) => n + (p.articles ? p.articles.split(';').length : 0),
      0,
    );
    process.stdout.write(
      `\n[${profile}] ${ARTICLES} articles, ${periods.length} day/month documents, ${entries} article-day/month entries (loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
    );

    const server = await startServer();
    const editor = BENCH_EDITOR;
    const query =
      'query($from: DateTime!, $to: DateTime!) { contentStats(from: $from, to: $to) { totalViews byDevice { device views share } topArticles(first: 10) { article { id title } views } } }';
    const startOfYear = new Date(`${dayKey(now).slice(0, 4)}-01-01T00:00:00+07:00`);
    const ranges: [string, Date, Date][] = [
      ['rolling 365 days', new Date(now.getTime() - 364 * DAY), now],
      ['calendar year to date', startOfYear, now],
      ['last 30 days', new Date(now.getTime() - 29 * DAY), now],
      ['last 7 days', new Date(now.getTime() - 6 * DAY), now],
    ];
    const ask = async (from: Date, to: Date) => {
      const token = await signInternalToken(editor, BENCH_SECRET, { audience: 'content' });
      const node0 = process.cpuUsage();
      const ferret0 = ferretdbCpuMs();
      const a = performance.now();
      const res = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-portal-viewer': token },
        body: JSON.stringify({
          query,
          variables: { from: from.toISOString(), to: to.toISOString() },
        }),
      });
      const body = (await res.json()) as {
        data?: { contentStats: { totalViews: number } };
        errors?: unknown;
      };
      const wall = performance.now() - a;
      const node = process.cpuUsage(node0);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return {
        wall,
        node: (node.user + node.system) / 1000,
        ferretdb: ferretdbCpuMs() - ferret0,
        total: body.data!.contentStats.totalViews,
      };
    };
    for (const [label, from, to] of ranges) {
      for (const mode of values.modes!.split(',') as ('cold' | 'warm')[]) {
        const walls: number[] = [];
        let cpu = { node: 0, ferretdb: 0 };
        let total = 0;
        for (let r = 0; r < RUNS + 2; r++) {
          if (mode === 'cold') {
            // A flush that changed the statistics: the next answer must read them again.
            await svc.views.importCounts([
              { articleId: articleIds[0]!, day: dayKey(now), device: 'MOBILE', count: 1 },
            ]);
            await svc.views.flush();
          }
          const m = await ask(from, to);
          // The first runs warm caches and the JIT.
          if (r < 2) continue;
          walls.push(m.wall);
          cpu = { node: cpu.node + m.node, ferretdb: cpu.ferretdb + m.ferretdb };
          total = m.total;
        }
        reportLatency(
          `contentStats ${profile}, ${label}, ${mode} (p50)`,
          walls,
          50,
          `${ARTICLES} articles`,
        );
        process.stdout.write(
          `  ${label.padEnd(22)} ${mode} totalViews=${String(total).padEnd(9)} wall p50 ${percentile(walls, 50).toFixed(1)} ms, p95 ${percentile(walls, 95).toFixed(1)} ms | CPU per answer: node ${(cpu.node / RUNS).toFixed(1)} ms + ferretdb ${(cpu.ferretdb / RUNS).toFixed(1)} ms\n`,
        );
      }
    }
    await server.close();
    await close();
  }
}

runBench(main, bench);

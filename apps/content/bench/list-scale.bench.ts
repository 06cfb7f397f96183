// Benchmark: how the content reads of the contract grow with the number of articles, straight
// to the content subgraph (issue 15: at 10,000 articles every public read ≥ 100 req/s at 10
// connections and p50 ≤ 50 ms at 1 connection). For each size: `cold` is the first read
// after a change to the article lists (the cached page shape is void, FerretDB answers the
// query), `warm` a repeat (the page shape comes from Redis, the articles by id).
// Standalone: `npx tsx apps/content/bench/list-scale.bench.ts`; BENCH_SMOKE=1 for a quick pass.
import autocannon from 'autocannon';
import { Types } from 'mongoose';
import { ANONYMOUS, INTERNAL_TOKEN_HEADER, signInternalToken } from '@portal/auth';
import { createLogger } from '@portal/logger';
import {
  benchServices,
  benchSettings,
  benchText,
  percentile,
  reportBenchmark,
} from '@portal/testing/bench';
import { searchTokens, slugify, words } from '@portal/text';
import { ARTICLE_KINDS } from '../src/domain/article-enums';
import { BENCH_SECRET, benchContent } from './bench-content';

const settings = benchSettings();
const SIZES = settings.smoke ? [72, 500] : [72, 2_000, 10_000];
const say = (line: string) => process.stdout.write(`${line}\n`);
const logger = createLogger({ service: 'bench', level: 'silent' });

function articles(n: number) {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const title = `${benchText(i, 8)} ${i}`;
    const summary = benchText(i + 7, 30);
    const body = `<p>${benchText(i + 13, 220)}</p>`;
    const date = new Date(now - i * 3_600_000);
    return {
      _id: new Types.ObjectId(),
      slug: `${slugify(title)}-${i}`,
      title,
      summary,
      body,
      // Mostly news, like the portal: NEWS, then the other kinds in turn.
      kind: i % 10 < 6 ? 'NEWS' : ARTICLE_KINDS[i % ARTICLE_KINDS.length],
      scope: 'CITY',
      categoryId: null,
      tags: ['chuyển đổi số'],
      tagKeys: ['chuyen-doi-so'],
      sourceUnit: 'Sở Thông tin và Truyền thông',
      coverImageUrl: null,
      author: { id: 'bench', displayName: 'Biên tập viên' },
      status: 'PUBLISHED',
      version: 1,
      publishedAt: date,
      scheduledAt: null,
      searchTokens: searchTokens(title, summary, body),
      titleTokens: words(title),
      createdAt: date,
      updatedAt: date,
    };
  });
}

const QUERIES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'HomePage (content part)': {
    query: `{ articles(first: 10, filter: { kind: NEWS }) { nodes { id slug title summary publishedAt coverImageUrl scope category { id name } } totalCount }
      handbook: articles(first: 5, filter: { kind: HANDBOOK }) { nodes { id slug title } } }`,
  },
  ArticlePage: {
    query: `query($slug: String!) { article(slug: $slug) { id slug title summary body kind scope tags publishedAt updatedAt viewCount sourceUnit category { id name } } }`,
  },
  SearchArticles: {
    query: `query($q: String!) { articles(first: 20, filter: { search: $q }) { nodes { id slug title summary publishedAt } pageInfo { hasNextPage endCursor } totalCount } }`,
    variables: { q: 'chuyen doi so du lieu mo' },
  },
};

const services = await benchServices('content-list-scale');
try {
  const token = await signInternalToken(ANONYMOUS, BENCH_SECRET, {
    audience: 'content',
    ttlSeconds: 3600,
  });
  const headers = { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token };
  say(`content reads by number of articles (${SIZES.join(', ')}), straight to the subgraph`);
  for (const size of SIZES) {
    const dbName = `bench_list_scale_${size}_${Date.now()}`;
    const { redis, svc, startServer, close } = await benchContent({
      mongoUri: services.mongoUri,
      redisUrl: services.redisUrl,
      dbName,
      logger,
      graphChanges: true,
    });
    const docs = articles(size);
    for (let i = 0; i < docs.length; i += 1000)
      await svc.models.articles.insertMany(docs.slice(i, i + 1000), { lean: true });
    const server = await startServer();
    const slug = docs[Math.floor(size / 2)]!.slug;
    for (const [name, q] of Object.entries(QUERIES)) {
      const body = JSON.stringify({ query: q.query, variables: { slug, ...q.variables } });
      const once = async () => {
        const t0 = performance.now();
        const res = await fetch(server.graphqlUrl, { method: 'POST', headers, body });
        const answer = (await res.json()) as { errors?: unknown };
        if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
        return performance.now() - t0;
      };
      // Cold: the article lists just changed (as a publish does), so the page is queried.
      const cold: number[] = [];
      for (let i = 0; i < (settings.smoke ? 2 : 7); i++) {
        await redis.incr(`${dbName}:pages:list-version:Article`);
        cold.push(await once());
      }
      await once();
      const warm: number[] = [];
      for (let i = 0; i < (settings.smoke ? 3 : 20); i++) warm.push(await once());
      const load = await autocannon({
        url: server.graphqlUrl,
        method: 'POST',
        headers,
        body,
        connections: 10,
        duration: settings.smoke ? 1 : 3,
      });
      const scale = size === SIZES.at(-1);
      reportBenchmark({
        name: `content ${name} at ${size} articles: p50 warm (1 connection)`,
        value: percentile(warm, 50),
        unit: 'ms',
        target: scale ? 50 : undefined,
        better: 'lower',
        detail: `cold (after a list change) p50 ${percentile(cold, 50).toFixed(0)} ms`,
      });
      reportBenchmark({
        name: `content ${name} at ${size} articles: 10 connections`,
        value: load.requests.average,
        unit: 'req/s',
        target: scale ? 100 : undefined,
        better: 'higher',
        detail: `non-2xx/errors ${load.non2xx + load.errors}`,
      });
    }
    await server.close();
    await close();
  }
} finally {
  await services.stop();
}

import { describe, expect, it } from 'vitest';
import { TEST_INTERNAL_SECRET, spawnApp, testServices } from '@portal/testing';
import { articleModel } from '../src/models/article.model';
import { ARTICLE_KINDS, ARTICLE_SCOPES } from '../src/domain/article-enums';
import { WEB_BASE_URL, useContentServer } from './content-harness';

const h = useContentServer('content-seed');

async function runSeed(): Promise<number | null> {
  const { mongoUri, redisUrl } = testServices();
  const app = await spawnApp('content', 'seed', {
    MONGODB_URI: mongoUri,
    MONGODB_DB: h.dbName,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: h.prefix,
    INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
    WEB_BASE_URL,
  });
  return app.process.exited;
}

describe('demo seed', () => {
  it('writes 60+ Vietnamese articles of every kind and scope, mostly published, once', async () => {
    expect(await runSeed()).toBe(0);
    const articles = articleModel(h.conn);
    const all = await articles.find().lean().exec();
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const kind of ARTICLE_KINDS)
      expect(
        all.some((a) => a.kind === kind && a.status === 'PUBLISHED'),
        kind,
      ).toBe(true);
    for (const scope of ARTICLE_SCOPES)
      expect(
        all.some((a) => a.scope === scope && a.status === 'PUBLISHED'),
        scope,
      ).toBe(true);
    for (const status of ['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'ARCHIVED'])
      expect(
        all.some((a) => a.status === status),
        status,
      ).toBe(true);
    expect(all.filter((a) => a.status === 'PUBLISHED').length).toBeGreaterThanOrEqual(50);

    const home = await h.call(
      null,
      '{ articles(first: 10, filter: { kind: NEWS }) { nodes { title category { name } } totalCount } handbook: articles(first: 5, filter: { kind: HANDBOOK }) { nodes { slug } } categories { slug children { slug } } }',
    );
    expect(home.errors).toBeUndefined();
    expect(home.data?.articles.nodes).toHaveLength(10);
    expect(home.data?.handbook.nodes).toHaveLength(5);
    expect(home.data?.categories.length).toBeGreaterThanOrEqual(4);
    const search = await h.call(
      null,
      '{ articles(filter: { search: "cam nang lua dao" }) { nodes { title } } }',
    );
    expect(search.data?.articles.nodes[0].title).toMatch(/Cẩm nang/);
    const stats = await h.call(
      'editor',
      'query($f: DateTime!, $t: DateTime!) { contentStats(from: $f, to: $t) { totalViews topArticles(first: 3) { views } } }',
      {
        f: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        t: new Date().toISOString(),
      },
    );
    expect(stats.data?.contentStats.totalViews).toBeGreaterThan(0);
    const scheduled = await h.queues.publish.queue.getJobCounts('delayed');
    expect(scheduled.delayed).toBeGreaterThanOrEqual(1);

    expect(await runSeed()).toBe(0);
    expect(await articles.countDocuments()).toBe(all.length);
  }, 180_000);
});

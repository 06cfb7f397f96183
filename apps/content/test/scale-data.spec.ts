import { describe, expect, it } from 'vitest';
import { scaleCount, scaleId } from '@portal/testing/bench';
import { scaleArticleKind, seedScale } from '../bench/scale-data';
import { useContentServer } from './content-harness';

const h = useContentServer('content-scale-data');

// 20, then 40 articles: a few dozen, so the test stays fast.
const SMALL = 0.002;
const LARGER = 0.004;
const NOW = new Date('2026-03-10T03:00:00Z');
const DAY = 86_400_000;

const COUNT = '{ articles(first: 1) { totalCount } }';
const ARTICLE =
  'query($slug: String!) { article(slug: $slug) { id slug title summary kind scope tags publishedAt sourceUnit sourceUnitName category { id name } } }';
const LIST =
  'query($f: ArticleFilter, $first: Int) { articles(filter: $f, first: $first) { nodes { id slug title publishedAt } totalCount } }';

async function totalCount(filter: Record<string, unknown> = {}): Promise<number> {
  const res = await h.call(null, LIST, { f: filter, first: 1 });
  expect(res.errors).toBeUndefined();
  return res.data!.articles.totalCount;
}

describe('content scale data', () => {
  it('adds published articles the public lists, search and pages show, and only what is missing', async () => {
    const { models } = h.services;
    // Two of the demo seed's categories: generated articles are filed under them.
    const at = new Date();
    await models.categories.insertMany([
      {
        slug: 'chinh-quyen-so',
        name: 'Chính quyền số',
        parentId: null,
        position: 0,
        createdAt: at,
      },
      {
        slug: 'hop-tac-quoc-te',
        name: 'Hợp tác quốc tế',
        parentId: null,
        position: 1,
        createdAt: at,
      },
    ]);
    const before = await h.call(null, COUNT);
    expect(before.errors).toBeUndefined();
    const countBefore = before.data!.articles.totalCount as number;

    const small = scaleCount('articles', SMALL);
    const first = await seedScale({ models, fraction: SMALL, now: NOW });
    expect(first).toEqual({ inserted: { articles: small }, total: { articles: small } });
    expect(await totalCount()).toBe(countBefore + small);

    // Newest first, article 0 the newest, all within the last weeks before `now`.
    const page = await h.call(null, LIST, { first: small });
    const nodes = page.data!.articles.nodes as { id: string; slug: string; publishedAt: string }[];
    expect(nodes.map((n) => n.id)).toEqual(
      Array.from({ length: small }, (_, i) => scaleId('article', i)),
    );
    const newest = Date.parse(nodes[0]!.publishedAt);
    expect(newest).toBeLessThanOrEqual(NOW.getTime());
    expect(Date.parse(nodes.at(-1)!.publishedAt)).toBeGreaterThan(NOW.getTime() - 10 * DAY);

    // Each kind as the generator says, mostly news; handbooks among them.
    const kinds = Array.from({ length: small }, (_, i) => scaleArticleKind(i));
    expect(await totalCount({ kind: 'NEWS' })).toBe(kinds.filter((k) => k === 'NEWS').length);
    expect(kinds.filter((k) => k === 'NEWS').length).toBeGreaterThan(small / 2);
    expect(await totalCount({ kind: 'HANDBOOK' })).toBeGreaterThan(0);

    // An article page by slug, as an anonymous reader.
    const stored = await models.articles.findById(scaleId('article', 7)).lean().exec();
    const article = await h.call(null, ARTICLE, { slug: stored!.slug });
    expect(article.errors).toBeUndefined();
    expect(article.data!.article).toMatchObject({
      id: scaleId('article', 7),
      title: stored!.title,
      kind: stored!.kind,
      sourceUnit: stored!.sourceUnit,
    });
    expect(article.data!.article.summary.length).toBeGreaterThan(20);

    // Filed under the demo categories (most of them), found by category.
    const filed = await models.articles.countDocuments({ categoryId: { $ne: null } });
    expect(filed).toBeGreaterThan(small / 2);
    expect(
      (await totalCount({ categorySlug: 'chinh-quyen-so' })) +
        (await totalCount({ categorySlug: 'hop-tac-quoc-te' })),
    ).toBe(filed);

    // Search (accent-insensitive, on the tokens as the app computes them) finds it by its title.
    const search = await h.call(null, LIST, { f: { search: stored!.title }, first: 50 });
    expect(search.errors).toBeUndefined();
    expect((search.data!.articles.nodes as { id: string }[]).map((n) => n.id)).toContain(
      scaleId('article', 7),
    );

    // Again at the same fraction: nothing new.
    const again = await seedScale({ models, fraction: SMALL, now: NOW });
    expect(again.inserted.articles).toBe(0);
    expect(await totalCount()).toBe(countBefore + small);

    // A larger fraction, days later: exactly the difference, continuing the same timeline.
    const larger = scaleCount('articles', LARGER);
    const more = await seedScale({
      models,
      fraction: LARGER,
      now: new Date(NOW.getTime() + 5 * DAY),
    });
    expect(more).toEqual({ inserted: { articles: larger - small }, total: { articles: larger } });
    expect(await totalCount()).toBe(countBefore + larger);
    const all = await h.call(null, LIST, { first: larger });
    expect((all.data!.articles.nodes as { id: string }[]).map((n) => n.id)).toEqual(
      Array.from({ length: larger }, (_, i) => scaleId('article', i)),
    );
  }, 180_000);
});

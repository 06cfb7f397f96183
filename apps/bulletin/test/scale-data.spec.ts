import { describe, expect, it } from 'vitest';
import { TEST_INTERNAL_SECRET } from '@portal/testing';
import { scaleCount, scaleId } from '@portal/testing/bench';
import { articlePoolOf, planIssue, seedScale } from '../bench/scale-data';
import { createContentArticles } from '../src/content/content-articles';
import { DEMO_SECTIONS } from '../src/seed/demo-issues';
import { CREATE_ISSUE, useBulletin } from './support/harness';

const b = useBulletin('scale-data');

// 2, then 4 issues (then 5, one of whose months an editor has taken): a few, so the test is fast.
const SMALL = 0.1;
const LARGER = 0.15;
const LARGEST = 0.2;
const NOW = new Date('2026-03-10T03:00:00Z');
// The month before the demo's twelve: February 2025 (as year × 12 + month − 1).
const NEWEST = { year: 2025, month: 2 };
const NEWEST_MONTH = NEWEST.year * 12 + NEWEST.month - 1;

const LIST = /* GraphQL */ `
  query ($first: Int) {
    bulletinIssues(first: $first) {
      nodes {
        id
        year
        month
      }
      totalCount
    }
  }
`;
const ISSUE = /* GraphQL */ `
  query ($id: ID!) {
    bulletinIssue(id: $id) {
      id
      number
      year
      month
      title
      status
      sections {
        title
        items {
          note
          order
          article {
            id
          }
        }
      }
      readAloud {
        text
        language
        audioUrl
      }
    }
  }
`;

/** The generated articles as content shows them (the test content subgraph). */
function publishGeneratedArticles(upTo: number): void {
  for (let j = 0; j < upTo; j++)
    b.content.add({
      id: scaleId('article', j),
      slug: `bai-viet-quy-mo-${j}`,
      title: `Bài viết quy mô số ${j}`,
      summary: `Tóm tắt bài viết số ${j}.`,
    });
}

async function listed(): Promise<{ ids: string[]; totalCount: number; months: string[] }> {
  const res = await b.as('anonymous', LIST, { variables: { first: 100 } });
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.bulletinIssues.nodes as { id: string; year: number; month: number }[];
  return {
    ids: nodes.map((n) => n.id),
    months: nodes.map((n) => `${n.year}-${n.month}`),
    totalCount: res.data!.bulletinIssues.totalCount,
  };
}

describe('bulletin scale data', () => {
  it('adds published monthly issues readers see, with items pointing at generated articles, and only what is missing', async () => {
    const content = createContentArticles({
      contentUrl: b.content.url,
      internalTokenSecret: TEST_INTERNAL_SECRET,
      logger: b.logger,
    });
    const before = await listed();

    // Content without the generated articles: nothing is written.
    await expect(
      seedScale({ models: b.models, content, fraction: SMALL, now: NOW }),
    ).rejects.toThrow(/not published in content/);
    expect(await b.models.issues.countDocuments()).toBe(0);
    expect(await b.models.items.countDocuments()).toBe(0);

    publishGeneratedArticles(articlePoolOf(scaleCount('bulletinIssues', LARGEST) - 1));
    const small = scaleCount('bulletinIssues', SMALL);
    const itemsOf = (n: number) =>
      Array.from({ length: n }, (_, i) => planIssue(i, NEWEST_MONTH).items.length).reduce(
        (a, c) => a + c,
        0,
      );
    const first = await seedScale({ models: b.models, content, fraction: SMALL, now: NOW });
    expect(first).toEqual({
      inserted: { bulletinIssues: small, bulletinItems: itemsOf(small) },
      total: { bulletinIssues: small, bulletinItems: itemsOf(small) },
      skipped: { bulletinIssues: 0 },
    });

    // Newest first, one a month going back from the month before the demo's twelve.
    const afterSmall = await listed();
    expect(afterSmall.totalCount).toBe(before.totalCount + small);
    expect(afterSmall.ids).toEqual(
      Array.from({ length: small }, (_, i) => scaleId('bulletinIssue', i)),
    );
    expect(afterSmall.months).toEqual([`${NEWEST.year}-${NEWEST.month}`, '2025-1']);

    // An issue as a reader gets it: the demo's sections, the articles, the read-aloud text.
    const res = await b.as('anonymous', ISSUE, { variables: { id: scaleId('bulletinIssue', 1) } });
    expect(res.errors).toBeUndefined();
    const issue = res.data!.bulletinIssue;
    expect(issue).toMatchObject({ status: 'PUBLISHED', year: 2025, month: 1 });
    expect(issue.title).toBe('Bản tin Chuyển đổi số TP.HCM — Tháng 1/2025');
    expect(issue.sections.map((s: { title: string }) => s.title)).toEqual(DEMO_SECTIONS);
    const plan = planIssue(1, NEWEST_MONTH);
    const articleIds = issue.sections.flatMap((s: { items: { article: { id: string } }[] }) =>
      s.items.map((item) => item.article.id),
    );
    expect(articleIds).toEqual(plan.items.map((item) => item.articleId));
    expect(issue.sections[0].items.map((item: { order: number }) => item.order)).toEqual(
      Array.from({ length: issue.sections[0].items.length }, (_, k) => k + 1),
    );
    expect(issue.sections[0].items[0].note).toBeTruthy();
    const firstArticle = b.content.articles.get(articleIds[0])!;
    expect(issue.readAloud.language).toBe('vi');
    expect(issue.readAloud.audioUrl).toBeNull();
    expect(issue.readAloud.text).toContain(`số ${issue.number}, tháng 1 năm 2025`);
    expect(issue.readAloud.text).toContain(firstArticle.title);
    expect(issue.readAloud.text).toContain(firstArticle.summary);
    const stored = await b.models.issues.findById(scaleId('bulletinIssue', 1)).lean();
    expect(stored!.publication!.highlights[0]).toEqual({
      articleId: firstArticle.id,
      slug: firstArticle.slug,
      title: firstArticle.title,
    });

    // Again at the same fraction, a month later: nothing new.
    const again = await seedScale({
      models: b.models,
      content,
      fraction: SMALL,
      now: new Date('2026-04-10T03:00:00Z'),
    });
    expect(again.inserted).toEqual({ bulletinIssues: 0, bulletinItems: 0 });
    expect((await listed()).totalCount).toBe(before.totalCount + small);

    // A larger fraction, a month later: exactly the difference, continuing the same months.
    const larger = scaleCount('bulletinIssues', LARGER);
    const more = await seedScale({
      models: b.models,
      content,
      fraction: LARGER,
      now: new Date('2026-04-10T03:00:00Z'),
    });
    expect(more.inserted).toEqual({
      bulletinIssues: larger - small,
      bulletinItems: itemsOf(larger) - itemsOf(small),
    });
    expect(more.total.bulletinIssues).toBe(larger);
    const afterLarger = await listed();
    expect(afterLarger.totalCount).toBe(before.totalCount + larger);
    expect(afterLarger.months).toEqual(['2025-2', '2025-1', '2024-12', '2024-11']);

    // An editor's issue in the month the next one would take: that one is left out.
    const taken = await b.as('editor', CREATE_ISSUE, {
      variables: { input: { year: 2024, month: 10, title: 'Bản tin tháng 10/2024' } },
    });
    expect(taken.errors).toBeUndefined();
    const largest = await seedScale({ models: b.models, content, fraction: LARGEST, now: NOW });
    expect(largest.inserted.bulletinIssues).toBe(0);
    expect(largest.skipped.bulletinIssues).toBe(1);
    expect((await listed()).totalCount).toBe(before.totalCount + larger);
  }, 120_000);
});

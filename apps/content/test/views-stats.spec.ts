import { beforeAll, describe, expect, it } from 'vitest';
import {
  EDITORS_AND_ADMINS_ONLY,
  errorCodes,
  expectErrorCodes,
  runAtOnce,
  testViewer,
} from '@portal/testing';
import { packArticleCounts } from '../src/domain/content-stats';
import { dayKey } from '../src/domain/view-periods';
import { viewStatsModels } from '../src/models/view-stats.model';
import { createArticle, createPublished, useContentServer } from './content-harness';

const h = useContentServer('content-views');

const RECORD =
  'mutation RecordArticleView($id: ID!, $device: DeviceClass!) { recordArticleView(id: $id, device: $device) }';
const VIEWS = 'query($id: ID) { article(id: $id) { viewCount } }';
const STATS = `query ContentStats($from: DateTime!, $to: DateTime!) {
  contentStats(from: $from, to: $to) {
    totalViews
    byDevice { device views share }
    topArticles(first: 10) { article { id title } views }
  }
}`;

async function view(id: string, device: string, clientKey?: string): Promise<boolean> {
  const res = await h.call(null, RECORD, { id, device }, { clientKey });
  expect(res.errors).toBeUndefined();
  return res.data?.recordArticleView;
}

async function viewCount(id: string): Promise<number> {
  return (await h.call(null, VIEWS, { id })).data?.article.viewCount;
}

const today = () => {
  const now = Date.now();
  return {
    from: new Date(now - 86_400_000).toISOString(),
    to: new Date(now + 86_400_000).toISOString(),
  };
};

describe('recording views', () => {
  let a: { id: string };
  let b: { id: string };
  beforeAll(async () => {
    a = await createPublished(h, { title: 'Cẩm nang kỹ năng số cho người dân', kind: 'HANDBOOK' });
    b = await createPublished(h, { title: 'Thành phố triển khai ví điện tử y tế' });
  });

  it('counts anonymous views once per client within the window', async () => {
    expect(await view(a.id, 'MOBILE', 'client-1')).toBe(true);
    expect(await view(a.id, 'MOBILE', 'client-1')).toBe(false);
    expect(await view(a.id, 'DESKTOP', 'client-1')).toBe(false);
    expect(await view(a.id, 'DESKTOP', 'client-2')).toBe(true);
    expect(await view(a.id, 'TABLET', 'client-3')).toBe(true);
    // The same client on another article counts.
    expect(await view(b.id, 'MOBILE', 'client-1')).toBe(true);
    // Without a client key, a signed-in viewer is de-duplicated by id.
    const citizen = testViewer('citizen', { id: 'dan-1' });
    expect(
      (await h.call(citizen, RECORD, { id: b.id, device: 'DESKTOP' })).data?.recordArticleView,
    ).toBe(true);
    expect(
      (await h.call(citizen, RECORD, { id: b.id, device: 'DESKTOP' })).data?.recordArticleView,
    ).toBe(false);
    expect(await viewCount(a.id)).toBe(3);
    expect(await viewCount(b.id)).toBe(2);
  });

  it('counts concurrent views exactly (Redis INCR)', async () => {
    const c = await createPublished(h);
    await Promise.all(Array.from({ length: 40 }, (_, i) => view(c.id, 'MOBILE', `burst-${i}`)));
    expect(await viewCount(c.id)).toBe(40);
    await h.services.views.flush();
    expect(await viewCount(c.id)).toBe(40);
  });

  it('refuses views of unpublished or unknown articles, and bad devices', async () => {
    const draft = await createArticle(h);
    expect(errorCodes(await h.call(null, RECORD, { id: draft.id, device: 'MOBILE' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      errorCodes(await h.call(null, RECORD, { id: 'f'.repeat(24), device: 'MOBILE' })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.call(null, RECORD, { id: 'nope', device: 'MOBILE' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await h.call(null, RECORD, { id: draft.id, device: 'FRIDGE' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('flushing into buckets', () => {
  it('folds pending views into per-article-per-day buckets, keeping viewCount = flushed + pending', async () => {
    const a = await createPublished(h);
    for (const [i, device] of ['DESKTOP', 'MOBILE', 'MOBILE', 'TABLET'].entries())
      await view(a.id, device, `f-${i}`);
    const result = await h.services.views.flush();
    expect(result).toMatchObject({ ran: true, batches: 1 });
    const models = viewStatsModels(h.conn);
    const bucket = await models.buckets.findById(`${a.id}|${dayKey(new Date())}`).lean();
    expect(bucket).toMatchObject({ articleId: a.id, desktop: 1, mobile: 2, tablet: 1, total: 4 });
    await view(a.id, 'DESKTOP', 'f-late');
    expect(await viewCount(a.id)).toBe(5);
    await h.services.views.flush();
    expect((await models.buckets.findById(`${a.id}|${dayKey(new Date())}`).lean())?.total).toBe(5);
    expect(await viewCount(a.id)).toBe(5);
  });

  it('never counts a batch twice when a flush stopped half-way and runs again', async () => {
    const a = await createPublished(h);
    await view(a.id, 'MOBILE', 'half-1');
    await view(a.id, 'MOBILE', 'half-2');
    // A flusher seals and applies a batch, then dies before deleting it.
    const batchId = await h.services.views.sealLive();
    expect(batchId).not.toBeNull();
    await h.services.views.applyBatch(batchId!);
    expect(await viewCount(a.id)).toBe(2);
    await view(a.id, 'TABLET', 'half-3');
    await h.services.views.flush();
    const models = viewStatsModels(h.conn);
    expect(await models.buckets.findById(`${a.id}|${dayKey(new Date())}`).lean()).toMatchObject({
      mobile: 2,
      tablet: 1,
      total: 3,
    });
    expect((await models.totals.findById(a.id).lean())?.total).toBe(3);
    expect(await viewCount(a.id)).toBe(3);
  });

  it('lets only one of several concurrent flushes run', async () => {
    const a = await createPublished(h);
    for (let i = 0; i < 10; i++) await view(a.id, 'DESKTOP', `conc-${i}`);
    // A flush past the lock waits in its first step until every flush has either got that far
    // or given up, so two flushes that both got past the lock would be inside it together.
    const views = h.services.views;
    const { results, mostInside } = await runAtOnce({
      target: views,
      step: 'sealLive',
      attempts: 4,
      run: () => views.flush(),
      gaveUp: (result) => !result.ran,
    });
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(mostInside).toBe(1);
    await h.services.views.flush();
    expect(await viewCount(a.id)).toBe(10);
    const models = viewStatsModels(h.conn);
    expect((await models.totals.findById(a.id).lean())?.total).toBe(10);
  });
});

describe('contentStats', () => {
  it('is for editors and admins only', async () => {
    const range = today();
    await expectErrorCodes((who) => h.call(who, STATS, range), {
      ...EDITORS_AND_ADMINS_ONLY,
      editor: null,
      admin: null,
    });
  });

  it('reports total views, the device split with shares, and the top articles', async () => {
    await h.services.views.flush();
    const before = (await h.call('editor', STATS, today())).data?.contentStats;
    const top = await createPublished(h, { title: 'Bài được xem nhiều nhất' });
    const second = await createPublished(h, { title: 'Bài được xem nhiều thứ hai' });
    for (let i = 0; i < 30; i++) await view(top.id, i < 20 ? 'MOBILE' : 'DESKTOP', `top-${i}`);
    for (let i = 0; i < 25; i++) await view(second.id, 'TABLET', `second-${i}`);
    await h.services.views.flush();
    const res = await h.call('editor', STATS, today());
    expect(res.errors).toBeUndefined();
    const stats = res.data?.contentStats;
    expect(stats.totalViews).toBe(before.totalViews + 55);
    const device = (d: string, s: typeof stats) =>
      s.byDevice.find((x: { device: string }) => x.device === d).views;
    expect(device('MOBILE', stats) - device('MOBILE', before)).toBe(20);
    expect(device('DESKTOP', stats) - device('DESKTOP', before)).toBe(10);
    expect(device('TABLET', stats) - device('TABLET', before)).toBe(25);
    const shares = stats.byDevice.reduce((sum: number, d: { share: number }) => sum + d.share, 0);
    expect(shares).toBeCloseTo(1, 6);
    const ranked = stats.topArticles as { article: { id: string; title: string }; views: number }[];
    const rankOf = (id: string) => ranked.findIndex((r) => r.article.id === id);
    // Earlier tests viewed other articles too (40 views of one), so only the order is asserted.
    expect(ranked[rankOf(top.id)]).toEqual({
      article: { id: top.id, title: 'Bài được xem nhiều nhất' },
      views: 30,
    });
    expect(ranked[rankOf(second.id)]).toEqual({
      article: { id: second.id, title: 'Bài được xem nhiều thứ hai' },
      views: 25,
    });
    expect(rankOf(top.id)).toBeLessThan(rankOf(second.id));
    const views = ranked.map((r) => r.views);
    expect(views).toEqual([...views].sort((x, y) => y - x));
  });

  it('counts exactly the days of the period, whether read as days or as months less days', async () => {
    const inside = await createPublished(h, { title: 'Bài xem giữa tháng' });
    const outside = await createPublished(h, { title: 'Bài chỉ xem ngày đầu tháng' });
    await h.services.views.importCounts([
      { articleId: outside.id, day: '2019-03-01', device: 'DESKTOP', count: 7 },
      { articleId: inside.id, day: '2019-03-01', device: 'DESKTOP', count: 100 },
      { articleId: inside.id, day: '2019-03-05', device: 'MOBILE', count: 4 },
      { articleId: inside.id, day: '2019-03-20', device: 'TABLET', count: 6 },
      { articleId: inside.id, day: '2019-04-02', device: 'MOBILE', count: 1000 },
    ]);
    await h.services.views.flush();
    const ask = async (from: string, to: string) =>
      (await h.call('editor', STATS, { from, to })).data?.contentStats;
    // March 2 to 31: the March document less March 1.
    const most = await ask('2019-03-02T00:00:00+07:00', '2019-04-01T00:00:00+07:00');
    expect(most.totalViews).toBe(10);
    expect(most.topArticles).toEqual([
      { article: { id: inside.id, title: 'Bài xem giữa tháng' }, views: 10 },
    ]);
    // March 5 to 20: day documents.
    const part = await ask('2019-03-05T00:00:00+07:00', '2019-03-21T00:00:00+07:00');
    expect(part.totalViews).toBe(10);
    // The whole of March and April 1-2: the month documents, days, and nothing of April 3+.
    const all = await ask('2019-03-01T00:00:00+07:00', '2019-04-03T00:00:00+07:00');
    expect(all.totalViews).toBe(1117);
    expect(all.topArticles.map((r: { views: number }) => r.views)).toEqual([1110, 7]);
    // March 2 to the end of 2019: the 2019 document less January, February and March 1.
    const rest = await ask('2019-03-02T00:00:00+07:00', '2020-01-01T00:00:00+07:00');
    expect(rest.totalViews).toBe(1010);
    expect(rest.topArticles).toEqual([
      { article: { id: inside.id, title: 'Bài xem giữa tháng' }, views: 1010 },
    ]);
    const year = await ask('2019-01-01T00:00:00+07:00', '2020-01-01T00:00:00+07:00');
    expect(year.totalViews).toBe(1117);
  });

  it('builds the year documents of views flushed before there were any, once', async () => {
    const article = await createPublished(h, { title: 'Bài xem từ năm 2018' });
    const { periods } = h.services.models.views;
    const month = (id: string, mobile: number) => ({
      _id: id,
      desktop: 1,
      mobile,
      tablet: 0,
      total: 1 + mobile,
      articles: packArticleCounts(new Map([[article.id, 1 + mobile]])),
      lastFlushId: 'before-years',
    });
    await periods.create([month('M2018-03', 9), month('M2018-07', 19)]);
    expect(await h.services.views.addMissingYears()).toBe(1);
    expect(await periods.findById('Y2018').lean()).toMatchObject({
      desktop: 2,
      mobile: 28,
      total: 30,
      articles: `${article.id}:30`,
    });
    expect(await h.services.views.addMissingYears()).toBe(0);
    const stats = (
      await h.call('editor', STATS, {
        from: '2018-01-01T00:00:00+07:00',
        to: '2019-01-01T00:00:00+07:00',
      })
    ).data?.contentStats;
    expect(stats.totalViews).toBe(30);
  });

  it('counts nothing outside the period and refuses reversed or huge periods', async () => {
    const old = await h.call('editor', STATS, {
      from: '2020-01-01T00:00:00+07:00',
      to: '2020-12-31T00:00:00+07:00',
    });
    expect(old.data?.contentStats).toMatchObject({ totalViews: 0, topArticles: [] });
    expect(old.data?.contentStats.byDevice.every((d: { share: number }) => d.share === 0)).toBe(
      true,
    );
    const reversed = await h.call('editor', STATS, {
      from: '2025-02-01T00:00:00Z',
      to: '2025-01-01T00:00:00Z',
    });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to' }],
    });
    expect(
      errorCodes(
        await h.call('editor', STATS, { from: '2000-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});

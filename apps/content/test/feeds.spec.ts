import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchAsGateway } from '@portal/testing';
import {
  PUBLIC_BASE_URL,
  WEB_BASE_URL,
  createArticle,
  createPublished,
  useContentServer,
} from './content-harness';

const h = useContentServer('content-feeds');

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

let news: { id: string; slug: string };
let plan: { id: string; slug: string };
let draft: { id: string; slug: string };
let categorySlug: string;

async function fetchFeed(
  path: string,
): Promise<{ status: number; type: string | null; xml: string }> {
  const res = await fetchAsGateway(`${h.server.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), xml: await res.text() };
}

beforeAll(async () => {
  const cat = await h.call(
    'editor',
    'mutation { createCategory(input: { name: "Chính quyền số" }) { id slug } }',
  );
  categorySlug = cat.data?.createCategory.slug;
  news = await createPublished(h, {
    title: 'TP.HCM ra mắt Cổng dịch vụ công trực tuyến mới',
    summary: 'Người dân nộp hồ sơ & theo dõi kết quả <trực tuyến>.',
    body: '<p>Cổng mới hỗ trợ <strong>thanh toán</strong> trực tuyến.</p>',
    categoryId: cat.data?.createCategory.id,
    sourceUnit: 'TT-CDS',
    coverImageUrl: '/uploads/cong-dich-vu-cong.jpg',
  });
  plan = await createPublished(h, { title: 'Kế hoạch chuyển đổi số năm 2026', kind: 'PLAN' });
  draft = await createArticle(h, 'editor', { title: 'Bản nháp không được lộ ra ngoài' });
});

describe('RSS 2.0', () => {
  it('is well-formed, parses, carries the required elements, and links through the public base URL', async () => {
    const { status, type, xml } = await fetchFeed('/feeds/articles.rss');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/rss\+xml/);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseRssFeed(xml);
    expect(feed.title).toContain('Chuyển đổi số');
    expect(feed.link).toBe(WEB_BASE_URL);
    expect(feed.description).toBeTruthy();
    expect(feed.language).toBe('vi');
    const items = feed.items ?? [];
    expect(items.map((i) => i.title)).toEqual(
      [plan, news].map((a) =>
        a === plan
          ? 'Kế hoạch chuyển đổi số năm 2026'
          : 'TP.HCM ra mắt Cổng dịch vụ công trực tuyến mới',
      ),
    );
    for (const item of items) {
      expect(item.link?.startsWith(`${WEB_BASE_URL}/bai-viet/`)).toBe(true);
      expect(item.guid?.value).toBe(item.link);
      expect(item.pubDate).toMatch(RFC822);
    }
    const newsItem = items.find((i) => i.link === `${WEB_BASE_URL}/bai-viet/${news.slug}`)!;
    // The description is HTML: the summary's plain-text ampersand is escaped.
    expect(newsItem.description).toBe('Người dân nộp hồ sơ &amp; theo dõi kết quả .');
    expect(newsItem.content?.encoded).toContain('<strong>thanh toán</strong>');
    expect(newsItem.categories?.map((c) => c.name)).toContain('Chính quyền số');
    expect(newsItem.enclosures?.[0]?.url).toBe(`${WEB_BASE_URL}/uploads/cong-dich-vu-cong.jpg`);
    expect(xml).not.toContain(draft.slug);
  });

  it('filters by kind and category', async () => {
    const byKind = parseRssFeed((await fetchFeed('/feeds/articles.rss?kind=PLAN')).xml);
    expect(byKind.items?.map((i) => i.link)).toEqual([`${WEB_BASE_URL}/bai-viet/${plan.slug}`]);
    expect(byKind.title).toContain('Kế hoạch');
    const byCategory = parseRssFeed(
      (await fetchFeed(`/feeds/articles.rss?category=${categorySlug}`)).xml,
    );
    expect(byCategory.items?.map((i) => i.link)).toEqual([`${WEB_BASE_URL}/bai-viet/${news.slug}`]);
    const none = parseRssFeed((await fetchFeed('/feeds/articles.rss?category=khong-ton-tai')).xml);
    expect(none.items ?? []).toEqual([]);
  });

  it('answers 400 with a code for a bad filter', async () => {
    const res = await fetchAsGateway(`${h.server.url}/feeds/articles.rss?kind=GOSSIP`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'BAD_USER_INPUT', fields: [{ field: 'kind' }] },
    });
  });
});

describe('Atom 1.0', () => {
  it('is well-formed, parses, and carries id, title, updated, self link and authors', async () => {
    const { status, type, xml } = await fetchFeed('/feeds/articles.atom?kind=NEWS');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe(`${PUBLIC_BASE_URL}/feeds/articles.atom?kind=NEWS`);
    expect(feed.title?.value).toContain('Tin tức');
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.links?.find((l) => l.rel === 'self')?.href).toBe(
      `${PUBLIC_BASE_URL}/feeds/articles.atom?kind=NEWS`,
    );
    expect(feed.authors?.[0]?.name).toBeTruthy();
    const entries = feed.entries ?? [];
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry.id).toBe(`${WEB_BASE_URL}/bai-viet/${news.slug}`);
    expect(entry.title?.value).toBe('TP.HCM ra mắt Cổng dịch vụ công trực tuyến mới');
    expect(entry.updated).toMatch(RFC3339);
    expect(entry.published).toMatch(RFC3339);
    expect(entry.links?.[0]?.href).toBe(`${WEB_BASE_URL}/bai-viet/${news.slug}`);
    expect(entry.authors?.[0]?.name).toBe('Trung tâm Chuyển đổi số Thành phố');
    expect(entry.content?.value).toContain('<strong>thanh toán</strong>');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '@portal/testing';
import { createPublished, useContentServer } from './content-harness';

const h = useContentServer('content-search');

const SEARCH = `query SearchArticles($q: String!, $after: String) {
  articles(first: 20, after: $after, filter: { search: $q }) {
    nodes { id slug title summary publishedAt }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

const titles = {
  phrase: 'Chuyển đổi số là nhiệm vụ trọng tâm của Thành phố Hồ Chí Minh',
  scattered: 'Số hóa hồ sơ: chuyển giao công nghệ và đổi mới sáng tạo',
  bodyOnly: 'Hội nghị sơ kết sáu tháng đầu năm của Ủy ban nhân dân Thành phố',
  other: 'Đề án 06: Dữ liệu dân cư, định danh và xác thực điện tử',
  older: 'Chuyển đổi số trong giáo dục: trường học thông minh',
};

const ids: Record<keyof typeof titles, string> = {} as never;

async function search(q: string, after?: string): Promise<GraphQLResponse> {
  return h.call(null, SEARCH, { q, after }, { clientKey: 'search-client' });
}

beforeAll(async () => {
  // Published oldest first: `older` before `phrase`, so recency breaks the tie between them.
  ids.older = (await createPublished(h, { title: titles.older })).id;
  ids.other = (await createPublished(h, { title: titles.other })).id;
  ids.bodyOnly = (
    await createPublished(h, {
      title: titles.bodyOnly,
      body: '<p>Thành phố đánh giá kết quả chuyển đổi số và đề ra nhiệm vụ.</p>',
    })
  ).id;
  ids.scattered = (await createPublished(h, { title: titles.scattered })).id;
  ids.phrase = (await createPublished(h, { title: titles.phrase })).id;
});

describe('accent-insensitive ranked search', () => {
  it('finds "Chuyển đổi số" from "chuyen doi so" and ranks title phrase > title words > body, recent first', async () => {
    const res = await search('chuyen doi so');
    expect(res.errors).toBeUndefined();
    expect(res.data?.articles.nodes.map((n: { id: string }) => n.id)).toEqual([
      ids.phrase,
      ids.older,
      ids.scattered,
      ids.bodyOnly,
    ]);
    expect(res.data?.articles.totalCount).toBe(4);
  });

  it('requires every word to match, in any accent or case', async () => {
    const one = await search('ĐỊNH DANH điện tử');
    expect(one.data?.articles.nodes.map((n: { id: string }) => n.id)).toEqual([ids.other]);
    const folded = await search('de an 06 du lieu dan cu');
    expect(folded.data?.articles.nodes.map((n: { id: string }) => n.id)).toEqual([ids.other]);
    const none = await search('chuyển đổi số vũ trụ');
    expect(none.data?.articles).toMatchObject({ nodes: [], totalCount: 0 });
    const empty = await search('   !!! ');
    expect(empty.data?.articles.nodes).toEqual([]);
  });

  it('pages ranked results without duplicates or gaps, even while matching articles are published', async () => {
    const marker = 'thuduc';
    const expected: string[] = [];
    for (let i = 0; i < 25; i++)
      expected.push(
        (
          await createPublished(h, {
            title: i % 2 ? `Thủ Đức ${marker} triển khai bước ${i}` : `Bản tin số ${i}`,
            body: `<p>Nội dung nhắc tới ${marker} số ${i}.</p>`,
          })
        ).id,
      );
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await search(marker, after);
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.articles.nodes.map((n: { id: string }) => n.id));
      await createPublished(h, { title: `Thủ Đức ${marker} tin mới`, body: '<p>Mới.</p>' });
      if (!res.data!.articles.pageInfo.hasNextPage) break;
      after = res.data!.articles.pageInfo.endCursor;
    }
    // The 25 articles that existed when paging began all appear exactly once.
    const original = seen.filter((id) => expected.includes(id));
    expect(original).toHaveLength(25);
    expect(new Set(original).size).toBe(25);
    // Title matches (odd i) come before body-only matches (even i).
    const firstBodyOnly = original.findIndex((id) => expected.indexOf(id) % 2 === 0);
    expect(original.slice(firstBodyOnly).every((id) => expected.indexOf(id) % 2 === 0)).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a cursor from another listing', async () => {
    const list = await h.call(null, '{ articles(first: 1) { pageInfo { endCursor } } }');
    const res = await search('chuyen doi so', list.data?.articles.pageInfo.endCursor);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

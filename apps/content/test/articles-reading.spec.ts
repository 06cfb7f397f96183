import { beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { publicUserId } from '@portal/auth';
import {
  TEST_INTERNAL_SECRET,
  XSS_PAYLOADS,
  errorCodes,
  looksExecutable,
  testViewer,
  type GraphQLResponse,
} from '@portal/testing';
import { articleModel } from '../src/models/article.model';
import { createArticle, createPublished, useContentServer } from './content-harness';

const h = useContentServer('content-reading');

const ENTITIES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Article { id title status } } }';
const LIST =
  'query($f: ArticleFilter, $first: Int, $after: String) { articles(filter: $f, first: $first, after: $after) { nodes { id slug title } pageInfo { hasNextPage endCursor } totalCount } }';

/** The filters of the `find` commands each collection receives while `fn` runs. */
async function recordFinds(
  fn: () => Promise<unknown>,
): Promise<Record<string, Record<string, unknown>[]>> {
  const finds: Record<string, Record<string, unknown>[]> = {};
  h.conn.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => {
    if (method === 'find' || method === 'findOne') (finds[collection] ??= []).push(filter);
  });
  try {
    await fn();
  } finally {
    h.conn.set('debug', false);
  }
  return finds;
}

/**
 * One batched read of `ids`: one `$in` query naming each of them once. Reading an id twice,
 * or anything else, means the resolvers did not batch.
 */
function expectOneBatch(filters: Record<string, unknown>[] | undefined, ids: string[]) {
  expect(filters).toHaveLength(1);
  const listed = (filters![0]!._id as { $in: unknown[] }).$in.map(String);
  expect(listed.sort()).toEqual([...new Set(ids)].sort());
}

describe('visibility of unpublished articles', () => {
  let draft: { id: string; slug: string };
  let inReview: { id: string; slug: string };
  let scheduled: { id: string; slug: string };
  let archived: { id: string; slug: string };
  let published: { id: string; slug: string };
  const marker = 'Kiểmtrahiểnthị';

  beforeAll(async () => {
    const author = testViewer('contributor', { id: 'vis-author' });
    draft = await createArticle(h, author, { title: `Bản nháp ${marker} một` });
    inReview = await createArticle(h, author, { title: `Chờ duyệt ${marker} hai` });
    await h.call(author, 'mutation($id: ID!) { submitArticleForReview(id: $id) { id } }', {
      id: inReview.id,
    });
    scheduled = await createArticle(h, 'editor', { title: `Hẹn giờ ${marker} ba` });
    await h.call(
      'editor',
      'mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id } }',
      {
        id: scheduled.id,
        at: new Date(Date.now() + 3600_000).toISOString(),
      },
    );
    archived = await createPublished(h, { title: `Lưu trữ ${marker} bốn` });
    await h.call('editor', 'mutation($id: ID!) { archiveArticle(id: $id) { id } }', {
      id: archived.id,
    });
    published = await createPublished(h, { title: `Đã đăng ${marker} năm` });
  });

  it('hides them from the public and partners by slug, id, list, search and entity reference', async () => {
    const hidden = [draft, inReview, scheduled, archived];
    const partner = {
      ...testViewer('citizen', { id: null }),
      roles: [],
      apiClient: {
        id: 'p1',
        name: 'Báo Tuổi Trẻ',
        scopes: ['content:read' as const],
        tier: 'default',
      },
    };
    for (const who of [null, 'citizen', partner] as const) {
      for (const a of hidden) {
        const bySlug = await h.call(who, 'query($s: String) { article(slug: $s) { id } }', {
          s: a.slug,
        });
        expect(bySlug.data?.article).toBeNull();
        const byId = await h.call(who, 'query($id: ID) { article(id: $id) { id } }', { id: a.id });
        expect(byId.data?.article).toBeNull();
      }
      const search = await h.call(who, LIST, { f: { search: marker }, first: 50 });
      expect(search.data?.articles.nodes.map((n: { id: string }) => n.id)).toEqual([published.id]);
      expect(search.data?.articles.totalCount).toBe(1);
      const all = await h.call(who, LIST, { first: 100 });
      const ids = all.data?.articles.nodes.map((n: { id: string }) => n.id);
      for (const a of hidden) expect(ids).not.toContain(a.id);
      const entities = await h.call(who, ENTITIES, {
        r: [...hidden, published].map((a) => ({ __typename: 'Article', id: a.id })),
      });
      expect(entities.data?._entities).toEqual([
        null,
        null,
        null,
        null,
        expect.objectContaining({ id: published.id }),
      ]);
    }
  });

  it('shows them to their author and to editors, never in the public list', async () => {
    const author = testViewer('contributor', { id: 'vis-author' });
    const own = await h.call(author, 'query($s: String) { article(slug: $s) { id status } }', {
      s: draft.slug,
    });
    expect(own.data?.article).toEqual({ id: draft.id, status: 'DRAFT' });
    const other = await h.call('contributor', 'query($s: String) { article(slug: $s) { id } }', {
      s: draft.slug,
    });
    expect(other.data?.article).toBeNull();
    const editor = await h.call('editor', 'query($s: String) { article(slug: $s) { id status } }', {
      s: scheduled.slug,
    });
    expect(editor.data?.article.status).toBe('SCHEDULED');
    const editorList = await h.call('editor', LIST, { f: { search: marker } });
    expect(editorList.data?.articles.totalCount).toBe(1);
  });

  it('lists editorial work: contributors their own, editors everything', async () => {
    const Q =
      'query($f: EditorialArticleFilter) { editorialArticles(filter: $f, first: 100) { nodes { id status author { id } } totalCount } }';
    const author = testViewer('contributor', { id: 'vis-author' });
    const mine = await h.call(author, Q);
    expect(mine.data?.editorialArticles.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [draft.id, inReview.id].sort(),
    );
    const queue = await h.call('editor', Q, { f: { status: 'IN_REVIEW' } });
    expect(queue.data?.editorialArticles.nodes.map((n: { id: string }) => n.id)).toContain(
      inReview.id,
    );
    expect(
      queue.data?.editorialArticles.nodes.every(
        (n: { status: string }) => n.status === 'IN_REVIEW',
      ),
    ).toBe(true);
    expect(errorCodes(await h.call('citizen', Q))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.call(null, Q))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('authors', () => {
  it('shows who wrote an article to editorial staff only', async () => {
    const a = await createPublished(h);
    const Q = 'query($id: ID) { article(id: $id) { author { id displayName } } }';
    for (const who of [null, 'citizen', 'moderator'] as const)
      expect((await h.call(who, Q, { id: a.id })).data?.article.author).toBeNull();
    for (const who of ['contributor', 'editor', 'admin'] as const)
      expect((await h.call(who, Q, { id: a.id })).data?.article.author).toEqual({
        // The public user id, never the identity provider's subject.
        id: publicUserId('editor-1', TEST_INTERNAL_SECRET),
        displayName: 'Test editor',
      });
  });
});

describe('cache hints', () => {
  it('marks public reads cacheable and personal ones not', async () => {
    await createPublished(h);
    const list = await h.call(
      null,
      '{ articles(first: 2) { nodes { id title category { name } } pageInfo { endCursor } totalCount } }',
    );
    expect(list.headers.get('cache-control')).toBe('max-age=600, public');
    const page = await h.call(null, '{ articles(first: 1) { nodes { viewCount } } }');
    expect(page.headers.get('cache-control')).toBe('max-age=300, public');
    const editorial = await h.call(
      'editor',
      '{ articles(first: 1) { nodes { revisions { version } } } }',
    );
    expect(editorial.headers.get('cache-control')).toBe('no-store');
  });
});

describe('entity resolution', () => {
  it('resolves N references with one database query', async () => {
    const articles = [];
    for (let i = 0; i < 6; i++) articles.push(await createPublished(h));
    const reps = [
      ...articles.map((a) => ({ __typename: 'Article', id: a.id })),
      { __typename: 'Article', id: articles[0]!.id },
      { __typename: 'Article', id: 'c'.repeat(24) },
      { __typename: 'Article', id: 'junk' },
    ];
    let res: GraphQLResponse | undefined;
    const finds = await recordFinds(async () => {
      res = await h.call(null, ENTITIES, { r: reps });
    });
    expect(res?.errors).toBeUndefined();
    expect(res?.data?._entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual([
      ...articles.map((a) => a.id),
      articles[0]!.id,
      null,
      null,
    ]);
    expect(Object.keys(finds)).toEqual(['articles']);
    expectOneBatch(finds.articles, [...articles.map((a) => a.id), 'c'.repeat(24)]);
  });

  it('batches categories and view counts of a list too', async () => {
    let res: GraphQLResponse | undefined;
    const finds = await recordFinds(async () => {
      res = await h.call(
        null,
        'query { articles(first: 20) { nodes { id viewCount category { id name } } } }',
      );
    });
    const ids = (res?.data?.articles.nodes as { id: string }[]).map((n) => n.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(finds.articles).toHaveLength(1);
    expectOneBatch(finds.view_totals, ids);
    expect(finds.categories?.length ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('sanitization', () => {
  it('stores no executable HTML from any known XSS payload', async () => {
    const body = XSS_PAYLOADS.map((p, i) => `<p>Đoạn ${i}</p>${p}`).join('\n');
    const a = await createArticle(h, 'editor', {
      body,
      summary: '<b onclick="alert(1)">Tóm tắt</b>',
    });
    const res = await h.call('editor', 'query($id: ID) { article(id: $id) { body summary } }', {
      id: a.id,
    });
    expect(looksExecutable(res.data?.article.body)).toBe(false);
    expect(res.data?.article.body).toContain('<p>Đoạn 0</p>');
    expect(res.data?.article.summary).toBe('Tóm tắt');
    const stored = await articleModel(h.conn).findById(a.id).lean();
    expect(looksExecutable(stored!.body)).toBe(false);
    for (const payload of XSS_PAYLOADS) {
      const one = await createArticle(h, 'editor', { body: `<p>Nội dung</p>${payload}` });
      const doc = await articleModel(h.conn).findById(one.id).lean();
      expect(looksExecutable(doc!.body), payload).toBe(false);
    }
  });

  it('keeps the allowed structure of an editor article', async () => {
    const body =
      '<h2>Mục tiêu</h2><p>Đến năm <strong>2025</strong>, <a href="https://dichvucong.gov.vn">dịch vụ công</a>.</p><ul><li>Hạ tầng số</li></ul><table><tr><td>95%</td></tr></table><img src="https://cdn.example.vn/a.png" alt="Ảnh">';
    const a = await createArticle(h, 'editor', { body });
    const res = await h.call('editor', 'query($id: ID) { article(id: $id) { body } }', {
      id: a.id,
    });
    expect(res.data?.article.body).toContain('<h2>Mục tiêu</h2>');
    expect(res.data?.article.body).toContain('href="https://dichvucong.gov.vn"');
    expect(res.data?.article.body).toContain('<td>95%</td>');
  });
});

describe('pagination', () => {
  it('pages newest first without duplicates or gaps while articles are being published', async () => {
    const kind = 'COOPERATION';
    const initial: string[] = [];
    for (let i = 0; i < 23; i++) initial.push((await createPublished(h, { kind })).id);
    const seen: string[] = [];
    let after: string | null = null;
    let inserted = 0;
    for (;;) {
      const res: GraphQLResponse = await h.call(null, LIST, { f: { kind }, first: 5, after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.articles.nodes.map((n: { id: string }) => n.id));
      // New articles appear at the top while a reader pages down.
      await createPublished(h, { kind });
      inserted++;
      if (!res.data?.articles.pageInfo.hasNextPage) break;
      after = res.data.articles.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual([...initial].sort());
    expect(seen).toEqual([...initial].reverse());
    const total = await h.call(null, LIST, { f: { kind }, first: 1 });
    expect(total.data?.articles.totalCount).toBe(23 + inserted);
  });

  it('caps first at 100 and refuses bad cursors', async () => {
    expect(errorCodes(await h.call(null, LIST, { after: 'nonsense' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.call(null, LIST, { first: -1 }))).toEqual(['BAD_USER_INPUT']);
    // More published articles than the cap, all under one tag: one made through the API,
    // the rest stored copies of it.
    const tag = `gioi-han-${Date.now()}`;
    const made = await createPublished(h, { tags: [tag] });
    const Article = articleModel(h.conn);
    const original = (await Article.findById(made.id).lean())!;
    await Article.insertMany(
      Array.from({ length: 110 }, (_, i) => ({
        ...original,
        _id: new Types.ObjectId(),
        slug: `${original.slug}-${i}`,
      })),
    );
    const big = await h.call(null, LIST, { f: { tag }, first: 1000 });
    expect(big.errors).toBeUndefined();
    expect(big.data?.articles.totalCount).toBe(111);
    expect(big.data?.articles.nodes).toHaveLength(100);
    expect(big.data?.articles.pageInfo.hasNextPage).toBe(true);
  });

  it('filters by scope, tag, source unit, category and publishedSince', async () => {
    const cat = await h.call(
      'editor',
      'mutation { createCategory(input: { name: "Đô thị thông minh" }) { id slug } }',
    );
    const catId = cat.data?.createCategory.id;
    const sub = await h.call(
      'editor',
      'mutation($p: ID) { createCategory(input: { name: "Giao thông thông minh", parentId: $p }) { id slug parent { id } } }',
      { p: catId },
    );
    expect(sub.data?.createCategory.parent.id).toBe(catId);
    const tooDeep = await h.call(
      'editor',
      'mutation($p: ID) { createCategory(input: { name: "Cấp ba", parentId: $p }) { id } }',
      { p: sub.data?.createCategory.id },
    );
    expect(errorCodes(tooDeep)).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await h.call(
          'contributor',
          'mutation { createCategory(input: { name: "Không được" }) { id } }',
        ),
      ),
    ).toEqual(['FORBIDDEN']);

    const since = new Date();
    const world = await createPublished(h, {
      scope: 'WORLD',
      tags: ['Trí tuệ nhân tạo'],
      sourceUnit: 'SO-KHCN',
      categoryId: sub.data?.createCategory.id,
    });
    const ids = async (f: Record<string, unknown>) =>
      (await h.call(null, LIST, { f, first: 100 })).data?.articles.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await ids({ scope: 'WORLD' })).toEqual([world.id]);
    expect(await ids({ tag: 'tri tue nhan tao' })).toEqual([world.id]);
    expect(await ids({ sourceUnit: 'SO-KHCN' })).toEqual([world.id]);
    expect(await ids({ categoryId: catId })).toEqual([world.id]);
    expect(await ids({ categorySlug: 'giao-thong-thong-minh' })).toEqual([world.id]);
    expect(await ids({ publishedSince: since.toISOString() })).toEqual([world.id]);
    const tree = await h.call(null, '{ categories { slug children { slug } } }');
    expect(tree.errors).toBeUndefined();
    expect(tree.data?.categories).toContainEqual({
      slug: 'do-thi-thong-minh',
      children: [{ slug: 'giao-thong-thong-minh' }],
    });
  });
});

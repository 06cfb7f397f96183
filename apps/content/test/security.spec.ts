import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, publicUserId } from '@portal/auth';
import { TEST_INTERNAL_SECRET, fetchAsGateway, testViewer } from '@portal/testing';
import { articleInput, createPublished, useContentServer } from './content-harness';

// Attacks from the security review (issue 14) against the real content subgraph.
const h = useContentServer('content-security');

const author = testViewer('editor', { id: 'editor-secret', displayName: 'Trần Thị Bí Mật' });

async function feed(path: string): Promise<string> {
  // As the gateway forwards it (subgraphs answer the gateway only).
  const res = await fetchAsGateway(`${h.server.url}${path}`);
  expect(res.status).toBe(200);
  return res.text();
}

/** Markup a feed reader would render from an HTML-typed text: any tag at all. */
const TAG = /<\s*[a-z!/]/i;

describe('RSS and Atom carry plain text as text (stored XSS)', () => {
  beforeAll(async () => {
    // Entity-encoded markup survives tag stripping as text: "<script>" is what gets stored.
    const res = await h.call(
      author,
      'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
      {
        input: articleInput({
          title: 'Tin &lt;script&gt;alert(1)&lt;/script&gt; mới',
          summary: 'Tóm tắt &lt;img src=x onerror=alert(2)&gt; & "trích dẫn"',
        }),
      },
    );
    const id = res.data?.createArticle.id as string;
    expect(id, JSON.stringify(res.errors)).toBeTruthy();
    const published = await h.call(
      'editor',
      'mutation($id: ID!) { publishArticle(id: $id) { status } }',
      { id },
    );
    expect(published.data?.publishArticle.status).toBe('PUBLISHED');
    // One without a summary: the excerpt of the body is plain text too.
    await createPublished(h, {
      title: 'Không tóm tắt',
      body: '<p>Thân bài &lt;iframe src=//x&gt; an toàn.</p>',
    });
  });

  it('RSS titles and descriptions hold no markup once parsed', async () => {
    const xml = await feed('/feeds/articles.rss');
    const items = parseRssFeed(xml).items ?? [];
    const item = items.find((i) => i.title?.includes('alert(1)'));
    expect(item, xml).toBeDefined();
    for (const i of items) {
      expect(i.title).not.toMatch(TAG);
      expect(i.description).not.toMatch(TAG);
    }
    expect(item!.title).toBe('Tin &lt;script&gt;alert(1)&lt;/script&gt; mới');
    expect(item!.description).toBe(
      'Tóm tắt &lt;img src=x onerror=alert(2)&gt; &amp; &quot;trích dẫn&quot;',
    );
    expect(items.find((i) => i.title === 'Không tóm tắt')?.description).toBe(
      'Thân bài &lt;iframe src=//x&gt; an toàn.',
    );
  });

  it('Atom html-typed titles and summaries hold no markup once parsed', async () => {
    const xml = await feed('/feeds/articles.atom');
    const entries = parseAtomFeed(xml).entries ?? [];
    const entry = entries.find((e) => e.title?.value?.includes('alert(1)'));
    expect(entry, xml).toBeDefined();
    for (const e of entries) {
      expect(e.title?.value).not.toMatch(TAG);
      expect(e.summary?.value ?? '').not.toMatch(TAG);
    }
    expect(entry!.title?.value).toBe('Tin &lt;script&gt;alert(1)&lt;/script&gt; mới');
  });

  it('publish no author names the graph hides from the public', async () => {
    const hidden = await h.call(
      ANONYMOUS,
      '{ articles(first: 50) { nodes { title author { displayName } } } }',
    );
    const nodes = hidden.data?.articles.nodes as { author: unknown }[];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.author === null)).toBe(true);
    for (const path of ['/feeds/articles.rss', '/feeds/articles.atom']) {
      const xml = await feed(path);
      expect(xml).not.toContain(author.displayName);
      expect(xml).not.toContain('Test editor');
    }
  });
});

describe('ArticleAuthor.id is opaque, never the identity provider’s subject (item 17)', () => {
  it('shows editors a public id, which the authorId filter accepts (and a subject does not)', async () => {
    const writer = testViewer('contributor', {
      id: 'writer@example.vn',
      displayName: 'Cộng tác viên',
    });
    const created = await h.call(
      writer,
      'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id author { id } } }',
      { input: articleInput() },
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const shown = created.data!.createArticle.author.id as string;
    expect(shown).not.toContain('writer');
    expect(shown).toBe(publicUserId('writer@example.vn', TEST_INTERNAL_SECRET));
    const query =
      'query($a: ID) { editorialArticles(filter: { authorId: $a }) { nodes { id author { id } } } }';
    const mine = await h.call('editor', query, { a: shown });
    expect(mine.errors, JSON.stringify(mine.errors)).toBeUndefined();
    expect(mine.data!.editorialArticles.nodes).toEqual([
      { id: created.data!.createArticle.id, author: { id: shown } },
    ]);
    const bySubject = await h.call('editor', query, { a: 'writer@example.vn' });
    expect(bySubject.data!.editorialArticles.nodes).toEqual([]);
    expect(JSON.stringify(mine)).not.toContain('writer@example.vn');
  });
});

describe('invalid input is BAD_USER_INPUT, never an internal error', () => {
  it.each([
    '2025-02-31T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-01-01T24:30:00Z',
    '2025-01-01T00:00:00+99:00',
    'not a date',
    '',
  ])('DateTime %j', async (value) => {
    for (const [query, variables] of [
      [
        'query($from: DateTime!) { contentStats(from: $from, to: "2025-03-01T00:00:00Z") { totalViews } }',
        { from: value },
      ],
      [
        'mutation($at: DateTime) { publishArticle(id: "000000000000000000000000", at: $at) { id } }',
        { at: value },
      ],
    ] as const) {
      const res = await h.call('editor', query, variables);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
      // The gateway masks a subgraph's non-2xx answer as INTERNAL_SERVER_ERROR.
      expect(res.status).toBe(200);
    }
  });

  it('a forged cursor with query operators', async () => {
    for (const values of [
      '[{"$ne":null},{"$ne":null}]',
      '[{"$date":"2025-01-01T00:00:00Z"},{"$gt":""}]',
    ]) {
      const after = Buffer.from(values).toString('base64');
      const res = await h.call(
        ANONYMOUS,
        'query($after: String) { articles(after: $after) { nodes { id } } }',
        {
          after,
        },
      );
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('authorization is decided before input is validated', () => {
  it('createArticle with invalid input: UNAUTHENTICATED anonymous, FORBIDDEN for a citizen', async () => {
    const query = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }';
    const input = { title: '', body: '', kind: 'NEWS' };
    const anonymous = await h.call(ANONYMOUS, query, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const citizen = await h.call('citizen', query, { input });
    expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('returnArticleToDraft: the caller’s role decides before the id is looked up', async () => {
    const query = 'mutation($id: ID!) { returnArticleToDraft(id: $id) { id status } }';
    const published = await createPublished(h, { title: 'Đã đăng bởi người khác' });
    // A missing id, a malformed one and a real article: the same answer for a wrong role.
    for (const id of ['000000000000000000000000', 'not-an-id', published.id]) {
      expect((await h.call(ANONYMOUS, query, { id })).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      for (const role of ['citizen', 'moderator', 'officer'] as const)
        expect((await h.call(role, query, { id })).errors?.[0]?.extensions?.code, role).toBe(
          'FORBIDDEN',
        );
    }
    // Contributors may call it (to withdraw their own submission), so the record decides:
    // someone else's published article is FORBIDDEN, and nothing changes.
    const res = await h.call('contributor', query, { id: published.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const still = await h.call(ANONYMOUS, 'query($id: ID!) { article(id: $id) { status } }', {
      id: published.id,
    });
    expect(still.data?.article.status).toBe('PUBLISHED');
  });
});

describe('the services decide for every caller, not only GraphQL', () => {
  // What a job, the seed or a CLI calls: the same decision, before the arguments are read.
  it('refuses the wrong role, whatever the arguments', async () => {
    const s = h.services;
    const citizen = testViewer('citizen');
    const contributor = testViewer('contributor');
    const period = { from: new Date(1), to: new Date(0), granularity: 'DAY' as const };
    const refused: [() => Promise<unknown>, string][] = [
      [() => s.articles.create(citizen, { title: '' }), 'FORBIDDEN'],
      [() => s.articles.update(ANONYMOUS, 'x', {}, 0), 'UNAUTHENTICATED'],
      [() => s.queries.editorial(citizen, { first: -1 }, (x) => x), 'FORBIDDEN'],
      [() => s.categories.create(contributor, {}), 'FORBIDDEN'],
      [() => s.monthlyReports.report(contributor, 'nope'), 'FORBIDDEN'],
      [() => s.monthlyReports.subscribe(ANONYMOUS), 'UNAUTHENTICATED'],
      [() => s.stats.stats(contributor, new Date(1), new Date(0)), 'FORBIDDEN'],
      [() => s.portalStats.articles(citizen, period), 'FORBIDDEN'],
      [() => s.contributions.contributions(ANONYMOUS, period), 'UNAUTHENTICATED'],
    ];
    for (const [call, code] of refused) await expect(call()).rejects.toMatchObject({ code });
    const thrown = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as { code?: string }).code;
      }
      return null;
    };
    expect(thrown(() => s.portalStats.ref(contributor, period))).toBe('FORBIDDEN');
    expect(thrown(() => s.portalStats.fromKey(ANONYMOUS, 'x'))).toBe('UNAUTHENTICATED');
  });
});

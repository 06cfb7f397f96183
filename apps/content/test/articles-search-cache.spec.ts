// A search's ranking is kept with the list pages (as in production, where every service's
// connection caches them): a repeat reads only its page's articles, pages past the kept head
// rank again without gaps or duplicates, and a published match shows at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { publishGraphChangesOf } from '@portal/queue';
import { scaleArticle } from '../bench/scale-data';
import { KEPT_SEARCH_RESULTS } from '../src/services/article-query.service';
import { createPublished, useContentServer } from './content-harness';

const h = useContentServer('content-search-cache');

const SEARCH = `query SearchArticles($q: String!, $after: String) {
  articles(first: 20, after: $after, filter: { search: $q }) {
    nodes { id }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

interface SearchPage {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

async function search(q: string, after?: string): Promise<SearchPage> {
  const res = await h.call<{ articles: SearchPage }>(null, SEARCH, { q, after });
  expect(res.errors).toBeUndefined();
  return res.data!.articles;
}

/** Every page of a search, in order, and how many `find`s on articles searched candidates. */
async function allPages(q: string): Promise<{ ids: string[]; totals: number[]; scans: number }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let scans = 0;
  h.conn.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => {
    if (collection === 'articles' && method === 'find' && filter?.searchTokens) scans += 1;
  });
  try {
    let after: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await search(q, after);
      ids.push(...page.nodes.map((n) => n.id));
      totals.push(page.totalCount);
      if (!page.pageInfo.hasNextPage) return { ids, totals, scans };
      after = page.pageInfo.endCursor!;
    }
    throw new Error('more than 50 pages');
  } finally {
    h.conn.set('debug', false);
  }
}

/** The word most published articles share, and the ids of those that contain it. */
let word: string;
let matching: Set<string>;

beforeAll(async () => {
  publishGraphChangesOf(h.conn, h.redis, h.prefix);
  const { articles } = h.services.models;
  const now = Date.now();
  await articles.insertMany(Array.from({ length: 300 }, (_, i) => scaleArticle(i, now, new Map())));
  const counts = new Map<string, Set<string>>();
  for (const a of await articles.find({ status: 'PUBLISHED' }).lean().exec())
    for (const t of new Set(a.searchTokens))
      counts.set(t, (counts.get(t) ?? new Set()).add(String(a._id)));
  // A word with more matches than the kept head, but not nearly every article.
  [word, matching] = [...counts.entries()]
    .filter(([t, ids]) => t.length > 2 && ids.size > KEPT_SEARCH_RESULTS + 20 && ids.size < 250)
    .sort((a, b) => b[1].size - a[1].size)[0]!;
}, 120_000);

describe('kept search rankings', () => {
  it('page past the kept head without gaps or duplicates; a repeat reads no candidates', async () => {
    expect(matching.size).toBeGreaterThan(KEPT_SEARCH_RESULTS);
    const first = await allPages(word);
    expect(first.ids.length).toBe(matching.size);
    expect(new Set(first.ids)).toEqual(matching);
    expect(new Set(first.totals)).toEqual(new Set([matching.size]));
    // The first visit ranks once for the kept head (its five pages), then again for each
    // page past it; a repeat ranks only for the pages past the head.
    const pages = Math.ceil(matching.size / 20);
    const pastHead = pages - KEPT_SEARCH_RESULTS / 20;
    expect(first.scans).toBe(1 + pastHead);
    const again = await allPages(word);
    expect(again.ids).toEqual(first.ids);
    expect(again.scans).toBe(pastHead);
  }, 120_000);

  it('show an article published after the ranking was kept, at once', async () => {
    const before = await search(word);
    const added = await createPublished(h, { title: `${word} ${word}` });
    const after = await allPages(word);
    expect(after.totals[0]).toBe(before.totalCount + 1);
    expect(after.ids).toContain(added.id);
    expect(after.ids.length).toBe(before.totalCount + 1);
  }, 120_000);
});

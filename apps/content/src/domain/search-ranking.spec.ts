import { describe, expect, it } from 'vitest';
import { queryTokens, searchTokens } from '@portal/text';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  pageOfRanked,
  rankCandidates,
} from './search-ranking';

const candidate = (id: string, title: string, day: number) => ({
  id,
  title,
  titleTokens: searchTokens(title),
  publishedAt: new Date(Date.UTC(2025, 0, day)),
});

describe('rankCandidates', () => {
  const q = queryTokens('chuyển đổi số');
  const existing = [
    candidate('b', 'Tin vắn trong tuần', 9),
    candidate('p1', 'Chuyển đổi số cấp phường', 1),
    candidate('s', 'Số hóa: chuyển giao, đổi mới', 5),
    candidate('p2', 'Chuyển đổi số trong y tế', 3),
  ];
  const ranked = rankCandidates(q, existing);

  it('puts a title phrase first, then title words, then body-only, newest first among equals', () => {
    expect(ranked.map((r) => r.id)).toEqual(['p2', 'p1', 's', 'b']);
  });

  it('pages by cursor with no duplicates or gaps', () => {
    const first = pageOfRanked(ranked, 2, null);
    expect(first.page.map((r) => r.id)).toEqual(['p2', 'p1']);
    expect(first.hasNextPage).toBe(true);
    const cursor = decodeSearchCursor(encodeSearchCursor(first.page.at(-1)!));
    const second = pageOfRanked(ranked, 2, cursor);
    expect(second.page.map((r) => r.id)).toEqual(['s', 'b']);
    expect(second.hasNextPage).toBe(false);
    // A new, better result inserted meanwhile does not shift the next page.
    const grown = rankCandidates(q, [candidate('new', 'Chuyển đổi số mới nhất', 20), ...existing]);
    expect(pageOfRanked(grown, 2, cursor).page.map((r) => r.id)).toEqual(['s', 'b']);
  });

  it('refuses a malformed cursor', () => {
    expect(() => decodeSearchCursor('abc')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});

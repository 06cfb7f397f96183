import { describe, expect, it } from 'vitest';
import { itemCriteria, relevancePage, topicKey, type RankCandidate } from './item-listing';

const scope = { status: 'PUBLISHED' as const, createdById: null };

describe('item listing', () => {
  it('folds topics and publishers and picks a sort', () => {
    const c = itemCriteria(
      { topic: 'Chính Phủ Số', publisher: 'Sở  Y tế', search: 'Đào tạo' },
      scope,
    );
    expect(c).toMatchObject({
      topicKey: 'chinh-phu-so',
      publisherKey: 'so y te',
      tokens: ['dao', 'tao'],
      sort: 'RELEVANCE',
    });
    expect(itemCriteria({}, scope).sort).toBe('NEWEST');
    expect(itemCriteria({ sort: 'RELEVANCE' }, scope).sort).toBe('NEWEST');
    expect(itemCriteria({ search: 'x', sort: 'TITLE' }, scope).sort).toBe('TITLE');
    expect(topicKey('kỹ năng số')).toBe(topicKey('KY NANG SO'));
  });

  it('ranks title phrase above title words, newest first among equals, and pages without gaps', () => {
    const at = (day: number) => new Date(Date.UTC(2025, 0, day));
    const candidates: RankCandidate[] = [
      {
        id: 'a'.repeat(24),
        title: 'Sổ tay dữ liệu',
        titleTokens: ['so', 'tay', 'du', 'lieu'],
        at: at(9),
      },
      {
        id: 'b'.repeat(24),
        title: 'Chuyển đổi số là gì',
        titleTokens: ['chuyen', 'doi', 'so', 'la', 'gi'],
        at: at(1),
      },
      {
        id: 'c'.repeat(24),
        title: 'Số hóa và chuyển đổi',
        titleTokens: ['so', 'hoa', 'va', 'chuyen', 'doi'],
        at: at(5),
      },
      {
        id: 'd'.repeat(24),
        title: 'Chuyển đổi số 2025',
        titleTokens: ['chuyen', 'doi', 'so', '2025'],
        at: at(3),
      },
    ];
    const tokens = ['chuyen', 'doi', 'so'];
    const all = relevancePage(candidates, tokens, 10, null).ids;
    expect(all).toEqual(['d'.repeat(24), 'b'.repeat(24), 'c'.repeat(24), 'a'.repeat(24)]);

    const first = relevancePage(candidates, tokens, 2, null);
    expect(first.hasNextPage).toBe(true);
    // A new, better match arriving between pages does not shift the second page.
    const more = [
      ...candidates,
      {
        id: 'e'.repeat(24),
        title: 'Chuyển đổi số mới',
        titleTokens: ['chuyen', 'doi', 'so', 'moi'],
        at: at(20),
      },
    ];
    const second = relevancePage(more, tokens, 2, first.endCursor);
    expect([...first.ids, ...second.ids]).toEqual(all);
    expect(second.hasNextPage).toBe(false);
    expect(() => relevancePage(candidates, tokens, 2, 'garbage')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});

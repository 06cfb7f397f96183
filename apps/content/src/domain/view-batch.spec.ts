import { describe, expect, it } from 'vitest';
import { packArticleCounts, summarizePeriods, topArticles } from './content-stats';
import {
  addCounts,
  aggregateBatch,
  mergeArticleCounts,
  pendingTotalField,
  viewField,
} from './view-batch';

describe('aggregateBatch', () => {
  it('folds hash fields into buckets, day and month periods and totals', () => {
    const delta = aggregateBatch({
      [viewField('2025-11-01', 'a1', 'MOBILE')]: '3',
      [viewField('2025-11-01', 'a1', 'DESKTOP')]: '1',
      [viewField('2025-11-02', 'a1', 'TABLET')]: '2',
      [viewField('2025-11-02', 'b2', 'MOBILE')]: '5',
      [pendingTotalField('a1')]: '6',
      'garbage|field': '9',
      [viewField('2025-11-02', 'b2', 'FRIDGE' as never)]: '9',
    });
    expect(delta.buckets.get('a1|2025-11-01')).toEqual({
      articleId: 'a1',
      day: '2025-11-01',
      desktop: 1,
      mobile: 3,
      tablet: 0,
      total: 4,
    });
    expect(delta.periods.get('D2025-11-02')).toEqual({
      desktop: 0,
      mobile: 5,
      tablet: 2,
      total: 7,
      articles: new Map([
        ['a1', 2],
        ['b2', 5],
      ]),
    });
    expect(delta.periods.get('M2025-11')).toMatchObject({
      total: 11,
      articles: new Map([
        ['a1', 6],
        ['b2', 5],
      ]),
    });
    expect([...delta.totals]).toEqual([
      ['a1', 6],
      ['b2', 5],
    ]);
  });

  it('adds deltas to existing totals', () => {
    expect(
      addCounts(
        { desktop: 1, mobile: 2, tablet: 3, total: 6 },
        { desktop: 1, mobile: 0, tablet: 0, total: 1 },
      ),
    ).toEqual({ desktop: 2, mobile: 2, tablet: 3, total: 7 });
    expect(
      mergeArticleCounts(
        'a:1',
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
      ),
    ).toBe('a:3;b:1');
    expect(mergeArticleCounts('', new Map([['a', 2]]))).toBe('a:2');
  });
});

describe('statistics', () => {
  it('sums periods with device shares and ranks articles', () => {
    const s = summarizePeriods([
      { desktop: 2, mobile: 6, tablet: 0, total: 8, articles: 'a:5;b:3' },
      { desktop: 1, mobile: 0, tablet: 1, total: 2, articles: 'b:2;c:5' },
    ]);
    expect(s.totalViews).toBe(10);
    expect(s.byDevice).toEqual([
      { device: 'DESKTOP', views: 3, share: 0.3 },
      { device: 'MOBILE', views: 6, share: 0.6 },
      { device: 'TABLET', views: 1, share: 0.1 },
    ]);
    expect(topArticles(s.articleViews, 2)).toEqual([
      { articleId: 'a', views: 5 },
      { articleId: 'b', views: 5 },
    ]);
    expect(summarizePeriods([]).byDevice.every((d) => d.share === 0)).toBe(true);
  });

  it('takes away the days outside the period from a month, dropping articles left with none', () => {
    const month = {
      desktop: 10,
      mobile: 20,
      tablet: 0,
      total: 30,
      articles: packArticleCounts(
        new Map([
          ['a', 25],
          ['b', 5],
        ]),
      ),
    };
    const dayOutside = {
      desktop: 4,
      mobile: 6,
      tablet: 0,
      total: 10,
      articles: packArticleCounts(
        new Map([
          ['a', 5],
          ['b', 5],
        ]),
      ),
    };
    const s = summarizePeriods([month], [dayOutside]);
    expect(s.totalViews).toBe(20);
    expect(s.byDevice.find((d) => d.device === 'MOBILE')).toMatchObject({ views: 14, share: 0.7 });
    expect([...s.articleViews]).toEqual([['a', 20]]);
    expect(topArticles(s.articleViews, 10)).toEqual([{ articleId: 'a', views: 20 }]);
  });
});

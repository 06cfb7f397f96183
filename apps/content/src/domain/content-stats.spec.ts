import { describe, expect, it } from 'vitest';
import { packArticleCounts, summarizePeriods, topArticles } from './content-stats';

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

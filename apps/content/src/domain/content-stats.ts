import { unpackCounts as unpackArticleCounts } from '@portal/db';
import { DEVICE_CLASSES, type DeviceClass } from './article-enums';

/** What one day or month document holds, as far as statistics are concerned. */
export interface PeriodCounts {
  desktop: number;
  mobile: number;
  tablet: number;
  total: number;
  /** Views per article, packed (see packArticleCounts). */
  articles: string;
}

export interface DeviceShare {
  device: DeviceClass;
  views: number;
  share: number;
}

export interface StatsSummary {
  totalViews: number;
  byDevice: DeviceShare[];
  /** Views per article id over the whole period. */
  articleViews: Map<string, number>;
}

const FIELD: Record<DeviceClass, 'desktop' | 'mobile' | 'tablet'> = {
  DESKTOP: 'desktop',
  MOBILE: 'mobile',
  TABLET: 'tablet',
};

/**
 * Adds up period documents into totals, device shares and per-article views, taking away
 * the `minus` documents (days of a month document that fall outside the period).
 */
export function summarizePeriods(
  periods: readonly PeriodCounts[],
  minus: readonly PeriodCounts[] = [],
): StatsSummary {
  const device = { desktop: 0, mobile: 0, tablet: 0 };
  const articleViews = new Map<string, number>();
  const add = (p: PeriodCounts, sign: 1 | -1) => {
    device.desktop += sign * p.desktop;
    device.mobile += sign * p.mobile;
    device.tablet += sign * p.tablet;
    unpackArticleCounts(p.articles, articleViews, sign);
  };
  for (const p of periods) add(p, 1);
  for (const p of minus) add(p, -1);
  for (const [id, n] of articleViews) if (n <= 0) articleViews.delete(id);
  const totalViews = device.desktop + device.mobile + device.tablet;
  return {
    totalViews,
    byDevice: DEVICE_CLASSES.map((d) => {
      const views = device[FIELD[d]];
      return { device: d, views, share: totalViews === 0 ? 0 : views / totalViews };
    }),
    articleViews,
  };
}

/** The most viewed articles, most views first (ties by id, so the order is stable). */
export function topArticles(
  articleViews: ReadonlyMap<string, number>,
  first: number,
): { articleId: string; views: number }[] {
  const n = Math.max(0, Math.min(first, 100));
  return [...articleViews]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([articleId, views]) => ({ articleId, views }));
}

// Per-article counts of a period are packed by the shared hot counter (see packCounts).
export { packCounts as packArticleCounts, unpackCounts as unpackArticleCounts } from '@portal/db';

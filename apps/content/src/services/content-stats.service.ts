import { summarizePeriods, topArticles, type DeviceShare } from '../domain/content-stats';
import { statsRange } from '../domain/view-periods';
import type { ViewPeriodDoc, ViewStatsModels } from '../models/view-stats.model';

/** What `contentStats` resolves to; `topArticles(first)` is cut from `articleViews` on demand. */
export interface ContentStatsResult {
  from: Date;
  to: Date;
  totalViews: number;
  byDevice: DeviceShare[];
  articleViews: Map<string, number>;
}

export interface ArticleViewsResult {
  articleId: string;
  views: number;
}

/**
 * Views over a period, read from the day and month documents the views flush maintains:
 * whole months come from one document each and the days around them from day documents,
 * so a year costs about a dozen small reads rather than a scan of every bucket.
 */
export async function contentStats(
  models: ViewStatsModels,
  from: Date,
  to: Date,
): Promise<ContentStatsResult> {
  const range = statsRange(from, to);
  const ids = [...range.monthIds, ...range.dayIds];
  // A few dozen lookups by primary key, in parallel: both engines answer each from the _id
  // index, where FerretDB would answer one `$in` by scanning every period document.
  const periods = (
    await Promise.all(ids.map((id) => models.periods.findById(id).lean<ViewPeriodDoc>().exec()))
  ).filter((p): p is ViewPeriodDoc => p !== null);
  const summary = summarizePeriods(periods);
  return { from, to, ...summary };
}

export function topArticleViews(stats: ContentStatsResult, first: number): ArticleViewsResult[] {
  return topArticles(stats.articleViews, first);
}

import type { Logger } from '@portal/logger';
import { summarizePeriods, topArticles, type DeviceShare } from '../domain/content-stats';
import { statsRange } from '../domain/view-periods';
import type { ViewPeriodDoc, ViewStatsModels } from '../models/view-stats.model';
import type { ViewCounter } from './view-counter.service';

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

const CACHE_ENTRIES = 200;

/**
 * Views over a period, read from the day and month documents the views flush maintains:
 * whole months come from one document each and the days around them from day documents,
 * so a year costs about a dozen small reads rather than a scan of every bucket.
 *
 * Answers are kept per (first day, last day, flush generation): only the flush changes the
 * statistics and it bumps the generation, so a kept answer is exact until the next flush,
 * and dashboards asking the same period again cost no database work.
 */
export class ContentStatsService {
  private readonly cache = new Map<string, Omit<ContentStatsResult, 'from' | 'to'>>();

  constructor(
    private readonly models: ViewStatsModels,
    private readonly views: ViewCounter,
    private readonly logger: Logger,
  ) {}

  async stats(from: Date, to: Date): Promise<ContentStatsResult> {
    const range = statsRange(from, to);
    const generation = await this.views.generation().catch((err: unknown) => {
      this.logger.warn({ err }, 'no flush generation (Redis unavailable); statistics not cached');
      return null;
    });
    const key = `${range.firstDay}|${range.lastDay}|${generation}`;
    const kept = generation === null ? undefined : this.cache.get(key);
    if (kept) return { from, to, ...kept };

    // A few dozen lookups by primary key, in parallel: both engines answer each from the
    // _id index, where FerretDB would answer one `$in` by scanning every period document.
    const ids = [...range.monthIds, ...range.dayIds];
    const periods = (
      await Promise.all(
        ids.map((id) => this.models.periods.findById(id).lean<ViewPeriodDoc>().exec()),
      )
    ).filter((p): p is ViewPeriodDoc => p !== null);
    const summary = summarizePeriods(periods);
    if (generation !== null) {
      this.cache.delete(key);
      this.cache.set(key, summary);
      // Oldest first: Map keeps insertion order.
      while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    }
    return { from, to, ...summary };
  }
}

export function topArticleViews(stats: ContentStatsResult, first: number): ArticleViewsResult[] {
  return topArticles(stats.articleViews, first);
}

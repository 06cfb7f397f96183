import { requireRole, type Viewer } from '@portal/auth';
import { findByIds } from '@portal/db';
import type { Logger } from '@portal/logger';
import { summarizePeriods, topArticles, type StatsSummary } from '../domain/content-stats';
import { statsRange } from '../domain/view-periods';
import type { ViewPeriodDoc, ViewStatsModels } from '../models/view-stats.model';
import type { ViewCounter } from './view-counter.service';

/** The most articles `topArticles(first)` returns. */
export const MAX_TOP_ARTICLES = 100;

/**
 * What `contentStats` resolves to; `topArticles(first)` is cut from `top` on demand and only
 * the articles asked for are read (through the request's article loader).
 */
export interface ContentStatsResult extends Omit<StatsSummary, 'articleViews'> {
  from: Date;
  to: Date;
  /** The most viewed articles of the period (up to MAX_TOP_ARTICLES). */
  top: ArticleViewsResult[];
}

export interface ArticleViewsResult {
  articleId: string;
  views: number;
}

type Kept = Omit<ContentStatsResult, 'from' | 'to'> & { at: number };

const CACHE_ENTRIES = 200;
/** How long a kept answer is served (its figures are exact: see below). */
const KEEP_MS = 60_000;

/**
 * Views over a period, read from the day, month and year documents the views flush
 * maintains, as few as cover the period (see statsRange: a year document less what lies
 * outside, months less a few days, days), rather than a scan of every bucket.
 *
 * Answers are kept per (first day, last day, flush generation) for up to a minute: only the
 * flush changes the statistics and it bumps the generation, so a kept answer's figures are
 * exact, and dashboards asking the same period again cost no database work.
 */
export class ContentStatsService {
  private readonly cache = new Map<string, Kept>();
  private cacheGeneration: string | null = null;

  constructor(
    private readonly models: ViewStatsModels,
    private readonly views: ViewCounter,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** For editors and admins. */
  async stats(viewer: Viewer, from: Date, to: Date): Promise<ContentStatsResult> {
    requireRole(viewer, 'editor');
    const range = statsRange(from, to);
    const generation = await this.views.generation().catch((err: unknown) => {
      this.logger.warn({ err }, 'no flush generation (Redis unavailable); statistics not kept');
      return null;
    });
    const key = `${range.firstDay}|${range.lastDay}`;
    const kept = generation === this.cacheGeneration ? this.cache.get(key) : undefined;
    if (kept && this.now() - kept.at < KEEP_MS) return { from, to, ...kept };

    const periods = await findByIds<ViewPeriodDoc>(this.models.periods, [
      ...range.add,
      ...range.subtract,
    ]);
    const minus = new Set(range.subtract);
    const { articleViews, ...summary } = summarizePeriods(
      periods.filter((p) => !minus.has(p._id)),
      periods.filter((p) => minus.has(p._id)),
    );
    const answer: Kept = {
      ...summary,
      top: topArticles(articleViews, MAX_TOP_ARTICLES),
      at: this.now(),
    };
    if (generation !== null) {
      // Answers of an older generation are stale for good: drop them all at once.
      if (generation !== this.cacheGeneration) {
        this.cache.clear();
        this.cacheGeneration = generation;
      }
      this.cache.delete(key);
      this.cache.set(key, answer);
      // Oldest first: Map keeps insertion order.
      while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    }
    return { from, to, ...answer };
  }
}

import type { Connection, Model } from 'mongoose';
import {
  AUDIENCE_COUNTERS,
  hotCounterModels,
  type HotCounterSpec,
  type HotReadersDoc,
} from '@portal/db';
import { ARTICLE_KINDS, type ArticleKind } from '../domain/article-enums';

/** The counter of views of articles of one kind (`kindNews`). */
export function kindCounter(kind: ArticleKind): string {
  return `kind${kind[0]}${kind.slice(1).toLowerCase()}`;
}

/**
 * View statistics: the collections of the shared hot counter (see @portal/db HotCounter),
 * written only by the views flush, each document with `$set` of a total computed in code.
 */
export const CONTENT_VIEWS_SPEC: HotCounterSpec = {
  modelPrefix: 'View',
  collectionPrefix: 'view',
  subjectField: 'articleId',
  subjectsField: 'articles',
  // The audience classes (device, region, referrer, signed in or not) and the article's kind.
  counters: [...AUDIENCE_COUNTERS, ...ARTICLE_KINDS.map(kindCounter)],
};

/** Views of one article on one day (city time). `_id` is `<articleId>|<YYYY-MM-DD>`. */
export interface ViewBucketDoc {
  _id: string;
  articleId: string;
  day: string;
  desktop: number;
  mobile: number;
  tablet: number;
  total: number;
  lastFlushId: string;
}

/**
 * All views in one day (`D2025-11-01`), month (`M2025-11`) or year (`Y2025`), with the
 * per-article counts of the period packed in `articles` (see domain/content-stats).
 */
export interface ViewPeriodDoc {
  _id: string;
  desktop: number;
  mobile: number;
  tablet: number;
  total: number;
  articles: string;
  lastFlushId: string;
}

/** All flushed views of one article (for `viewCount`). `_id` is the article id. */
export interface ViewTotalDoc {
  _id: string;
  total: number;
  lastFlushId: string;
}

export interface ViewStatsModels {
  buckets: Model<ViewBucketDoc>;
  periods: Model<ViewPeriodDoc>;
  totals: Model<ViewTotalDoc>;
  readers: Model<HotReadersDoc>;
}

export function viewStatsModels(conn: Connection): ViewStatsModels {
  return hotCounterModels(conn, CONTENT_VIEWS_SPEC);
}

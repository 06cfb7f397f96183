import { Schema, type Connection, type Model } from 'mongoose';

/**
 * View statistics, written only by the views flush (one flusher at a time, under a Redis
 * lock), each document with `$set` of a total computed in code: never a concurrent `$inc`,
 * which FerretDB 1.x does not make atomic. `lastFlushId` makes a replayed batch a no-op.
 */

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
 * All views in one day (`D2025-11-01`) or month (`M2025-11`), with the per-article counts of
 * the period packed in `articles` (see domain/content-stats), so statistics for a year read
 * a dozen documents instead of scanning hundreds of thousands of buckets.
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

const counts = {
  desktop: { type: Number, required: true },
  mobile: { type: Number, required: true },
  tablet: { type: Number, required: true },
  total: { type: Number, required: true },
  lastFlushId: { type: String, required: true },
};

const ViewBucketSchema = new Schema<ViewBucketDoc>(
  {
    _id: { type: String, required: true },
    articleId: { type: String, required: true },
    day: { type: String, required: true },
    ...counts,
  },
  { collection: 'view_buckets', versionKey: false },
);
ViewBucketSchema.index({ articleId: 1, day: 1 });
ViewBucketSchema.index({ day: 1 });

const ViewPeriodSchema = new Schema<ViewPeriodDoc>(
  {
    _id: { type: String, required: true },
    ...counts,
    articles: { type: String, default: '' },
  },
  { collection: 'view_periods', versionKey: false },
);

const ViewTotalSchema = new Schema<ViewTotalDoc>(
  {
    _id: { type: String, required: true },
    total: { type: Number, required: true },
    lastFlushId: { type: String, required: true },
  },
  { collection: 'view_totals', versionKey: false },
);

export interface ViewStatsModels {
  buckets: Model<ViewBucketDoc>;
  periods: Model<ViewPeriodDoc>;
  totals: Model<ViewTotalDoc>;
}

export function viewStatsModels(conn: Connection): ViewStatsModels {
  return {
    buckets:
      (conn.models.ViewBucket as Model<ViewBucketDoc>) ??
      conn.model<ViewBucketDoc>('ViewBucket', ViewBucketSchema),
    periods:
      (conn.models.ViewPeriod as Model<ViewPeriodDoc>) ??
      conn.model<ViewPeriodDoc>('ViewPeriod', ViewPeriodSchema),
    totals:
      (conn.models.ViewTotal as Model<ViewTotalDoc>) ??
      conn.model<ViewTotalDoc>('ViewTotal', ViewTotalSchema),
  };
}

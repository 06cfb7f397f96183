import { DEVICE_CLASSES, type DeviceClass } from './article-enums';
import { packArticleCounts, unpackArticleCounts } from './content-stats';
import { periodIdsOf } from './view-periods';

/**
 * Pending view counts live in one Redis hash while they accumulate. Its fields:
 *   `<day>|<articleId>|<device>` → views of that article on that day from that device
 *   `t|<articleId>`              → all pending views of the article (for viewCount)
 * A flush renames the hash to a batch and folds it into MongoDB with these functions.
 */
export function viewField(day: string, articleId: string, device: DeviceClass): string {
  return `${day}|${articleId}|${device}`;
}

export function pendingTotalField(articleId: string): string {
  return `t|${articleId}`;
}

export interface DeviceCounts {
  desktop: number;
  mobile: number;
  tablet: number;
  total: number;
}

export interface BucketDelta extends DeviceCounts {
  articleId: string;
  day: string;
}

export interface PeriodDelta extends DeviceCounts {
  /** Views per article id. */
  articles: Map<string, number>;
}

export interface BatchDelta {
  /** Keyed by bucket id `<articleId>|<day>`. */
  buckets: Map<string, BucketDelta>;
  /** Keyed by period id (`D<day>`, `M<month>`, `Y<year>`). */
  periods: Map<string, PeriodDelta>;
  /** Keyed by article id. */
  totals: Map<string, number>;
}

const DEVICE_FIELD: Record<DeviceClass, 'desktop' | 'mobile' | 'tablet'> = {
  DESKTOP: 'desktop',
  MOBILE: 'mobile',
  TABLET: 'tablet',
};

const zero = (): DeviceCounts => ({ desktop: 0, mobile: 0, tablet: 0, total: 0 });

/** Folds a batch's hash fields into per-bucket, per-period and per-article deltas. */
export function aggregateBatch(fields: Record<string, string>): BatchDelta {
  const delta: BatchDelta = { buckets: new Map(), periods: new Map(), totals: new Map() };
  for (const [field, raw] of Object.entries(fields)) {
    const parts = field.split('|');
    const n = Number.parseInt(raw, 10);
    // `t|…` fields only mirror the others for viewCount; malformed ones are skipped.
    if (parts.length !== 3 || !Number.isFinite(n) || n <= 0) continue;
    const [day, articleId, device] = parts as [string, string, string];
    if (!(DEVICE_CLASSES as readonly string[]).includes(device)) continue;
    const key = DEVICE_FIELD[device as DeviceClass];

    const bucketId = `${articleId}|${day}`;
    const bucket = delta.buckets.get(bucketId) ?? { articleId, day, ...zero() };
    bucket[key] += n;
    bucket.total += n;
    delta.buckets.set(bucketId, bucket);

    for (const periodId of periodIdsOf(day)) {
      const period = delta.periods.get(periodId) ?? { ...zero(), articles: new Map() };
      period[key] += n;
      period.total += n;
      period.articles.set(articleId, (period.articles.get(articleId) ?? 0) + n);
      delta.periods.set(periodId, period);
    }
    delta.totals.set(articleId, (delta.totals.get(articleId) ?? 0) + n);
  }
  return delta;
}

/** Existing counts plus a delta: the new totals a flush `$set`s. */
export function addCounts<T extends DeviceCounts>(
  existing: Partial<DeviceCounts> | null | undefined,
  delta: T,
): DeviceCounts {
  return {
    desktop: (existing?.desktop ?? 0) + delta.desktop,
    mobile: (existing?.mobile ?? 0) + delta.mobile,
    tablet: (existing?.tablet ?? 0) + delta.tablet,
    total: (existing?.total ?? 0) + delta.total,
  };
}

/** A period's packed per-article counts plus a delta, packed again. */
export function mergeArticleCounts(
  existing: string | null | undefined,
  delta: ReadonlyMap<string, number>,
): string {
  const merged = unpackArticleCounts(existing);
  for (const [id, n] of delta) merged.set(id, (merged.get(id) ?? 0) + n);
  return packArticleCounts(merged);
}

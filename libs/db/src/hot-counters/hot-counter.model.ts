import type { Connection, Model, Schema } from 'mongoose';
import { collectionSchema, required } from '../schema-fields';

/**
 * Where one hot counter keeps what its flush folded in. Written only by the flush (one
 * flusher at a time, under a Redis lease), each document with `$set` of a total computed in
 * code: never a concurrent `$inc`, which FerretDB 1.x does not make atomic. `lastFlushId`
 * makes a replayed batch a no-op.
 *
 * - buckets: one subject on one day (`_id` `<subjectId>|<YYYY-MM-DD>`), every counter;
 * - periods: everything in a day (`D2025-11-01`), month (`M2025-11`) or year (`Y2025`), every
 *   counter, and the per-subject totals packed in one string (see packCounts), so a year's
 *   statistics read a dozen documents instead of hundreds of thousands of buckets; a month
 *   also keeps its events per day (`days`, packed the same way), so a series by day or week
 *   reads a year's twelve month documents instead of its 365 day documents;
 * - totals: all flushed events of one subject (`_id` the subject id);
 * - readers: the HyperLogLog of distinct readers of a scope in a period, as Redis stores it.
 */
export interface HotCounterSpec {
  /** Mongoose model names start with this (`View` → ViewBucket, ViewPeriod, ViewTotal, ViewReaders). */
  modelPrefix: string;
  /** Collection names start with this (`view` → view_buckets, view_periods, view_totals, view_readers). */
  collectionPrefix: string;
  /** The bucket field holding the subject id (`articleId`). */
  subjectField: string;
  /** The period field holding the packed per-subject totals (`articles`). */
  subjectsField: string;
  /** The classes events are counted in besides `total` (`desktop`, `geoHcmc`…); document field names. */
  counters: readonly string[];
}

export interface HotBucketDoc {
  _id: string;
  day: string;
  total: number;
  lastFlushId: string;
  [field: string]: unknown;
}

export interface HotPeriodDoc {
  _id: string;
  total: number;
  lastFlushId: string;
  [field: string]: unknown;
}

export interface HotTotalDoc {
  _id: string;
  total: number;
  lastFlushId: string;
}

/** A HyperLogLog of one scope and period (`_id` `<scope>|<periodId>`), base64 of Redis's bytes. */
export interface HotReadersDoc {
  _id: string;
  hll: string;
  readers: number;
}

export interface HotCounterModels {
  buckets: Model<any>;
  periods: Model<any>;
  totals: Model<any>;
  readers: Model<HotReadersDoc>;
}

/** The models of one hot counter on `conn` (registered once per connection). */
export function hotCounterModels(conn: Connection, spec: HotCounterSpec): HotCounterModels {
  const counts: Record<string, unknown> = { total: required(Number) };
  for (const c of spec.counters) counts[c] = { type: Number, default: 0 };
  const model = (name: string, build: () => Schema) =>
    conn.models[`${spec.modelPrefix}${name}`] ?? conn.model(`${spec.modelPrefix}${name}`, build());
  return {
    buckets: model('Bucket', () => {
      const s = collectionSchema<HotBucketDoc>(`${spec.collectionPrefix}_buckets`, {
        _id: required(String),
        [spec.subjectField]: required(String),
        day: required(String),
        ...counts,
        lastFlushId: required(String),
      });
      s.index({ [spec.subjectField]: 1, day: 1 });
      s.index({ day: 1 });
      return s;
    }),
    periods: model('Period', () =>
      collectionSchema<HotPeriodDoc>(`${spec.collectionPrefix}_periods`, {
        _id: required(String),
        ...counts,
        [spec.subjectsField]: { type: String, default: '' },
        // Months only; absent on months flushed before it existed (read from their days).
        days: { type: String },
        lastFlushId: required(String),
      }),
    ),
    totals: model('Total', () =>
      collectionSchema<HotTotalDoc>(`${spec.collectionPrefix}_totals`, {
        _id: required(String),
        total: required(Number),
        lastFlushId: required(String),
      }),
    ),
    readers: model('Readers', () =>
      collectionSchema<HotReadersDoc>(`${spec.collectionPrefix}_readers`, {
        _id: required(String),
        hll: required(String),
        readers: required(Number),
      }),
    ) as Model<HotReadersDoc>,
  };
}

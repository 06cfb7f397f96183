import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { findByIds, insertOnce } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { DeviceClass } from '../domain/article-enums';
import {
  addCounts,
  aggregateBatch,
  type DeviceCounts,
  mergeArticleCounts,
  pendingTotalField,
  viewField,
} from '../domain/view-batch';
import { packArticleCounts, unpackArticleCounts } from '../domain/content-stats';
import { dayKey, yearPeriodId } from '../domain/view-periods';
import type {
  ViewBucketDoc,
  ViewPeriodDoc,
  ViewStatsModels,
  ViewTotalDoc,
} from '../models/view-stats.model';

export interface ViewCounterOptions {
  redis: Redis;
  models: ViewStatsModels;
  /** Redis key prefix of this deployment (QUEUE_PREFIX), so tests and stacks never share keys. */
  keyPrefix: string;
  /** Repeated views from one client within this many seconds count once. */
  dedupeSeconds: number;
  logger: Logger;
  now?: () => Date;
}

export interface FlushResult {
  /** False when another flusher held the lock. */
  ran: boolean;
  batches: number;
  buckets: number;
}

const LOCK_MS = 120_000;
const CHUNK = 500;

// Deletes the lock only if it is still ours (a flusher that overran its lock must not free another's).
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Counts article views in Redis (atomic HINCRBY) and folds them into MongoDB periodically.
 *
 * The flush is the only writer of the statistics collections: it takes a Redis lock, renames
 * the live hash to a batch (so new views keep counting meanwhile), then writes each affected
 * document with `$set` of a total computed in code. Each document remembers the last batch
 * folded into it, so a flush interrupted half-way and replayed never counts a view twice.
 */
export class ViewCounter {
  private readonly keys: {
    live: string;
    batches: string;
    lock: string;
    generation: string;
    batch: (id: string) => string;
    seen: (articleId: string, client: string) => string;
  };
  private readonly now: () => Date;
  /** Whether this process has made sure every year with month documents has its year document. */
  private yearsChecked = false;

  constructor(private readonly options: ViewCounterOptions) {
    const base = `${options.keyPrefix}:content:views`;
    this.keys = {
      live: `${base}:live`,
      batches: `${base}:batches`,
      lock: `${base}:flush-lock`,
      generation: `${base}:generation`,
      batch: (id) => `${base}:batch:${id}`,
      seen: (articleId, client) => `${base}:seen:${articleId}:${client}`,
    };
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Counts one view unless this client viewed the article within the window. `client` is
   * the gateway's per-client key (or the viewer id); without one every view counts.
   */
  async record(articleId: string, device: DeviceClass, client: string | null): Promise<boolean> {
    const { redis } = this.options;
    if (client) {
      const fresh = await redis.set(
        this.keys.seen(articleId, client),
        '1',
        'EX',
        this.options.dedupeSeconds,
        'NX',
      );
      if (fresh === null) return false;
    }
    await redis
      .multi()
      .hincrby(this.keys.live, viewField(dayKey(this.now()), articleId, device), 1)
      .hincrby(this.keys.live, pendingTotalField(articleId), 1)
      .exec();
    return true;
  }

  /**
   * Adds counts of past days (an import, or demo data) to the pending views; the next
   * flush folds them in like any other view.
   */
  async importCounts(
    rows: readonly { articleId: string; day: string; device: DeviceClass; count: number }[],
  ): Promise<void> {
    const pipeline = this.options.redis.pipeline();
    for (const r of rows) {
      if (r.count <= 0) continue;
      pipeline.hincrby(this.keys.live, viewField(r.day, r.articleId, r.device), r.count);
      pipeline.hincrby(this.keys.live, pendingTotalField(r.articleId), r.count);
    }
    await pipeline.exec();
  }

  /** Views per article: flushed totals plus those still waiting in Redis. */
  async viewCounts(articleIds: readonly string[]): Promise<number[]> {
    if (articleIds.length === 0) return [];
    const { redis, models } = this.options;
    const fields = articleIds.map(pendingTotalField);
    const [totals, batchIds, live] = await Promise.all([
      findByIds<ViewTotalDoc>(models.totals, articleIds),
      redis.lrange(this.keys.batches, 0, -1),
      redis.hmget(this.keys.live, ...fields),
    ]);
    const batchValues = await Promise.all(
      batchIds.map((id) => redis.hmget(this.keys.batch(id), ...fields)),
    );
    const byId = new Map(totals.map((t) => [t._id, t]));
    return articleIds.map((id, i) => {
      const flushed = byId.get(id);
      // Batches up to the one last folded into this article's total are already in it.
      const appliedUpTo = flushed ? batchIds.indexOf(flushed.lastFlushId) : -1;
      let pending = toInt(live[i]);
      batchValues.forEach((values, b) => {
        if (b > appliedUpTo) pending += toInt(values[i]);
      });
      return (flushed?.total ?? 0) + pending;
    });
  }

  /** Folds every pending view into MongoDB. Safe to run anywhere: one flusher at a time. */
  async flush(): Promise<FlushResult> {
    const { redis, logger } = this.options;
    const token = randomBytes(8).toString('hex');
    const locked = await redis.set(this.keys.lock, token, 'PX', LOCK_MS, 'NX');
    if (locked === null) return { ran: false, batches: 0, buckets: 0 };
    try {
      if (!this.yearsChecked) {
        await this.addMissingYears();
        this.yearsChecked = true;
      }
      await this.sealLive();
      let buckets = 0;
      const batchIds = await redis.lrange(this.keys.batches, 0, -1);
      for (const batchId of batchIds) {
        buckets += await this.applyBatch(batchId);
        await redis
          .multi()
          .del(this.keys.batch(batchId))
          .lrem(this.keys.batches, 1, batchId)
          .exec();
      }
      if (batchIds.length) {
        // Statistics computed before this point are now stale (see ContentStatsService).
        await redis.incr(this.keys.generation);
        logger.debug({ batches: batchIds.length, buckets }, 'views flushed');
      }
      return { ran: true, batches: batchIds.length, buckets };
    } finally {
      await redis.eval(RELEASE_LOCK, 1, this.keys.lock, token);
    }
  }

  /** Writes one batch into buckets, periods and totals; documents that already hold it are skipped. */
  async applyBatch(batchId: string): Promise<number> {
    const { redis, models } = this.options;
    const delta = aggregateBatch(await redis.hgetall(this.keys.batch(batchId)));

    const bucketIds = [...delta.buckets.keys()];
    const existingBuckets = await byId<ViewBucketDoc>(models.buckets, bucketIds);
    const bucketOps: UpsertOp[] = [];
    for (const [id, d] of delta.buckets) {
      const existing = existingBuckets.get(id);
      if (existing?.lastFlushId === batchId) continue;
      bucketOps.push({
        updateOne: {
          filter: { _id: id },
          update: {
            $set: {
              articleId: d.articleId,
              day: d.day,
              ...addCounts(existing, d),
              lastFlushId: batchId,
            },
          },
          upsert: true,
        },
      });
    }
    await bulkWriteChunks(models.buckets, bucketOps);

    const periodIds = [...delta.periods.keys()];
    const existingPeriods = await byId<ViewPeriodDoc>(models.periods, periodIds);
    const periodOps: UpsertOp[] = [];
    for (const [id, d] of delta.periods) {
      const existing = existingPeriods.get(id);
      if (existing?.lastFlushId === batchId) continue;
      periodOps.push({
        updateOne: {
          filter: { _id: id },
          update: {
            $set: {
              ...addCounts(existing, d),
              articles: mergeArticleCounts(existing?.articles, d.articles),
              lastFlushId: batchId,
            },
          },
          upsert: true,
        },
      });
    }
    await bulkWriteChunks(models.periods, periodOps);

    const articleIds = [...delta.totals.keys()];
    const existingTotals = await byId<ViewTotalDoc>(models.totals, articleIds);
    const totalOps: UpsertOp[] = [];
    for (const [id, n] of delta.totals) {
      const existing = existingTotals.get(id);
      if (existing?.lastFlushId === batchId) continue;
      totalOps.push({
        updateOne: {
          filter: { _id: id },
          update: { $set: { total: (existing?.total ?? 0) + n, lastFlushId: batchId } },
          upsert: true,
        },
      });
    }
    await bulkWriteChunks(models.totals, totalOps);
    return bucketOps.length;
  }

  /**
   * Builds the year documents of years whose views were flushed before year documents
   * existed, by adding up their month documents. Runs under the flush lock, before any
   * pending batch is applied; a year whose months already hold a pending batch records that
   * batch as folded in, so replaying it does not count it twice.
   */
  async addMissingYears(): Promise<number> {
    const { models, redis } = this.options;
    const months = await models.periods
      .find({ _id: { $regex: /^M\d{4}-\d{2}$/ } })
      .lean<ViewPeriodDoc[]>()
      .exec();
    if (months.length === 0) return 0;
    const byYear = new Map<string, ViewPeriodDoc[]>();
    for (const m of months) {
      const year = yearPeriodId(m._id.slice(1));
      if (!byYear.has(year)) byYear.set(year, []);
      byYear.get(year)!.push(m);
    }
    const existing = await byId<ViewPeriodDoc>(models.periods, [...byYear.keys()]);
    const pending = new Set(await redis.lrange(this.keys.batches, 0, -1));
    let added = 0;
    for (const [year, docs] of byYear) {
      if (existing.has(year)) continue;
      const articles = new Map<string, number>();
      for (const d of docs) unpackArticleCounts(d.articles, articles);
      const inFlight = docs.find((d) => pending.has(d.lastFlushId))?.lastFlushId;
      const created = await insertOnce(models.periods, {
        _id: year,
        ...docs.reduce<DeviceCounts>((sum, d) => addCounts(sum, d), {
          desktop: 0,
          mobile: 0,
          tablet: 0,
          total: 0,
        }),
        articles: packArticleCounts(articles),
        lastFlushId: inFlight ?? 'years-added',
      });
      if (created) added++;
    }
    if (added) this.options.logger.info({ years: added }, 'year view statistics built from months');
    return added;
  }

  /** Changes whenever a flush has changed the statistics; '0' before the first. */
  async generation(): Promise<string> {
    return (await this.options.redis.get(this.keys.generation)) ?? '0';
  }

  /**
   * Turns the live hash into a pending batch (new views start a fresh hash) and returns its
   * id, or null when nothing was pending. Call under the flush lock (flush() does).
   */
  async sealLive(): Promise<string | null> {
    const { redis } = this.options;
    // Only HINCRBY touches the live hash concurrently, which can create it but never
    // delete it, so it still exists when RENAME runs.
    if (!(await redis.exists(this.keys.live))) return null;
    const batchId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    await redis
      .multi()
      .rename(this.keys.live, this.keys.batch(batchId))
      .rpush(this.keys.batches, batchId)
      .exec();
    return batchId;
  }
}

function toInt(v: string | null | undefined): number {
  const n = v ? Number.parseInt(v, 10) : 0;
  return Number.isFinite(n) ? n : 0;
}

async function byId<T extends { _id: string }>(
  model: Model<any>,
  ids: string[],
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const row of await findByIds<T>(model, ids.slice(i, i + CHUNK))) found.set(row._id, row);
  return found;
}

/** An upsert that `$set`s totals computed in code (never `$inc`, never a pipeline update). */
interface UpsertOp {
  updateOne: { filter: { _id: string }; update: { $set: Record<string, unknown> }; upsert: true };
}

async function bulkWriteChunks(model: Model<any>, ops: UpsertOp[]): Promise<void> {
  for (let i = 0; i < ops.length; i += CHUNK)
    await model.bulkWrite(ops.slice(i, i + CHUNK) as AnyBulkWriteOperation<any>[], {
      ordered: false,
    });
}

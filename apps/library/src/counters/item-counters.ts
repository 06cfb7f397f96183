import type { Redis } from 'ioredis';
import { HotCountBuffer, type DrainResult } from '@portal/db';
import { cityDay, counterField, type CountedMetric } from '../domain/counting';

/** A client's repeat of the same count is ignored until this long after its first one. */
const SEEN_TTL_SECONDS = 36 * 3600;

/**
 * Item views and downloads and showcase "try it" clicks, on the shared hot-counter buffer
 * (@portal/db HotCountBuffer: one atomic record with its de-duplication, a leased flush):
 * counted once per client, item and city day, folded into the items' stats by `flush`.
 */
export class ItemCounters extends HotCountBuffer {
  private readonly legacyBase: string;

  constructor(redis: Redis, prefix: string) {
    super(redis, `${prefix}:library:items`);
    this.legacyBase = `${prefix}:{library-counters}`;
  }

  /** Counts `metric` for the item once per client per day; true when this call counted. */
  recordOnce(
    metric: CountedMetric,
    itemId: string,
    client: string,
    at = new Date(),
  ): Promise<boolean> {
    return this.increment(
      { [counterField(metric, itemId)]: 1 },
      { seen: `${metric}:${cityDay(at)}:${itemId}:${client}`, seconds: SEEN_TTL_SECONDS },
    );
  }

  /** Folds every batch into the database with `fold`, one flush at a time (see drain). */
  flush(leaseMs: number, fold: (batchId: string) => Promise<void>): Promise<DrainResult> {
    return this.drain({ leaseMs, fold, before: () => this.adoptLegacyCounts() });
  }

  /**
   * Takes in, as the oldest batches (same ids, so a half-folded one is not counted twice),
   * the counts the version before the shared buffer left under `{library-counters}` keys:
   * an upgrade loses none. A no-op once they are gone (remove after the next release).
   */
  private async adoptLegacyCounts(): Promise<void> {
    const old = this.legacyBase;
    const ids = (await this.redis.smembers(`${old}:batches`)).sort();
    if (await this.redis.exists(`${old}:pending`)) ids.push('0-legacy-pending');
    for (const id of ids) {
      const from = id === '0-legacy-pending' ? `${old}:pending` : `${old}:batch:${id}`;
      const tx = this.redis.multi();
      if (await this.redis.exists(from))
        tx.rename(from, this.keys.batch(id)).rpush(this.keys.batches, id);
      await tx.srem(`${old}:batches`, id).exec();
    }
  }
}

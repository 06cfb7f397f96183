import { Types, type Model } from 'mongoose';
import { isDuplicateKeyError } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { ItemCounters } from '../counters/item-counters';
import { deltasFromCounters } from '../domain/counting';
import type { ItemStatsDoc, ShowcaseStatsDoc } from '../models';

export interface FlushResult {
  skipped: boolean;
  batches: number;
  items: number;
}

/** Long enough for any flush; a worker that dies holding the lock frees it after this. */
const LOCK_MS = 5 * 60_000;

/**
 * Adds pending view and download counts (and showcase "try it" clicks) to MongoDB, exactly
 * once. Pending counts are sealed into a batch; each item's stats document records the last
 * batch added to it, so a batch retried after a crash skips the items it already reached.
 * Batches are applied oldest first and one flush runs at a time (the counters' lease), which
 * that check relies on.
 */
export async function flushCounters(deps: {
  counters: ItemCounters;
  stats: Model<ItemStatsDoc>;
  showcaseStats: Model<ShowcaseStatsDoc>;
  logger: Logger;
}): Promise<FlushResult> {
  let items = 0;
  const { ran, batches } = await deps.counters.flush(LOCK_MS, async (batchId) => {
    const deltas = deltasFromCounters(await deps.counters.batchCounts(batchId));
    for (const [id, delta] of deltas) {
      if (delta.download || delta.view)
        await addToStats(deps.stats, id, batchId, {
          downloadCount: delta.download,
          viewCount: delta.view,
        });
      if (delta.tryIt)
        await addToStats(deps.showcaseStats, id, batchId, { tryItCount: delta.tryIt });
      items++;
    }
  });
  if (batches) deps.logger.info({ batches, items }, 'view, download and try-it counts flushed');
  return { skipped: !ran, batches, items };
}

async function addToStats<T extends { lastBatchId: string }>(
  stats: Model<T>,
  id: string,
  batchId: string,
  increments: Record<string, number>,
): Promise<void> {
  try {
    await stats.updateOne(
      { _id: new Types.ObjectId(id), lastBatchId: { $ne: batchId } } as never,
      { $inc: increments, $set: { lastBatchId: batchId, updatedAt: new Date() } } as never,
      { upsert: true },
    );
  } catch (err) {
    // The document exists and already holds this batch: the filter missed and the upsert collided.
    if (!isDuplicateKeyError(err)) throw err;
  }
}

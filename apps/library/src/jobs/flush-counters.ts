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
 * Adds pending view and download counts (and showcase "try it" clicks) to MongoDB, exactly once. Pending counts are cut
 * into a batch; each item's stats document records the last batch added to it, so a
 * batch retried after a crash skips the items it already reached. Batches are applied
 * oldest first and one flush runs at a time (a Redis lease), which that check relies on.
 */
export async function flushCounters(deps: {
  counters: ItemCounters;
  stats: Model<ItemStatsDoc>;
  showcaseStats: Model<ShowcaseStatsDoc>;
  logger: Logger;
}): Promise<FlushResult> {
  const release = await deps.counters.acquireFlushLock(LOCK_MS);
  if (!release) return { skipped: true, batches: 0, items: 0 };
  try {
    await deps.counters.cutBatch();
    const batches = await deps.counters.openBatches();
    let items = 0;
    for (const batchId of batches) {
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
      await deps.counters.closeBatch(batchId);
    }
    if (batches.length)
      deps.logger.info(
        { batches: batches.length, items },
        'view, download and try-it counts flushed',
      );
    return { skipped: false, batches: batches.length, items };
  } finally {
    await release();
  }
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

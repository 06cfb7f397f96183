import { Types, type Model } from 'mongoose';
import { isDuplicateKeyError } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { ItemCounters } from '../counters/item-counters';
import { deltasFromCounters } from '../domain/counting';
import type { ItemStatsDoc } from '../models';

export interface FlushResult {
  skipped: boolean;
  batches: number;
  items: number;
}

/** Long enough for any flush; a worker that dies holding the lock frees it after this. */
const LOCK_MS = 5 * 60_000;

/**
 * Adds pending view and download counts to MongoDB, exactly once. Pending counts are cut
 * into a batch; each item's stats document records the last batch added to it, so a
 * batch retried after a crash skips the items it already reached. Batches are applied
 * oldest first and one flush runs at a time (a Redis lease), which that check relies on.
 */
export async function flushCounters(deps: {
  counters: ItemCounters;
  stats: Model<ItemStatsDoc>;
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
      for (const [itemId, delta] of deltas) {
        await addToStats(deps.stats, itemId, batchId, delta);
        items++;
      }
      await deps.counters.closeBatch(batchId);
    }
    if (batches.length)
      deps.logger.info({ batches: batches.length, items }, 'view and download counts flushed');
    return { skipped: false, batches: batches.length, items };
  } finally {
    await release();
  }
}

async function addToStats(
  stats: Model<ItemStatsDoc>,
  itemId: string,
  batchId: string,
  delta: { download: number; view: number },
): Promise<void> {
  try {
    await stats.updateOne(
      { _id: new Types.ObjectId(itemId), lastBatchId: { $ne: batchId } },
      {
        $inc: { downloadCount: delta.download, viewCount: delta.view },
        $set: { lastBatchId: batchId, updatedAt: new Date() },
      },
      { upsert: true },
    );
  } catch (err) {
    // The document exists and already holds this batch: the filter missed and the upsert collided.
    if (!isDuplicateKeyError(err)) throw err;
  }
}

import type { HotCounter } from '@portal/db';
import type { Logger } from '@portal/logger';
import { jobId, type PayloadOf, type Producer } from '@portal/queue';
import type { BulletinModels } from '../models';
import { refreshSubscriberFact, syncSubscriberFacts } from '../stats/subscriber-facts';

export const MAINTENANCE_TASKS = {
  /** Re-enqueues publishing that should have happened (a lost job, a job that gave up). */
  publishOverdue: 'publish-overdue',
  /** Forgets addresses that never confirmed: we keep no personal data nobody asked us to. */
  purgeUnconfirmed: 'purge-unconfirmed',
  /** Folds pending issue views and audio opens from Redis into the statistics. */
  flushCounters: 'flush-counters',
  /**
   * Builds the subscriber facts the first time (the scheduler's first run is at once), then
   * checks them against the records and repairs any a failed write left (subscriber-facts.ts).
   */
  syncSubscribers: 'sync-subscribers',
} as const;

export interface MaintenanceDeps {
  models: BulletinModels;
  publishProducer: Producer<'bulletin-publish'>;
  logger: Logger;
  /** How late a scheduled issue (or an unfinished publication) must be before the sweep steps in. */
  overdueAfterMs?: number;
  unconfirmedTtlMs?: number;
  now?: () => Date;
  /** The hot counters the flush task folds in. */
  counters?: HotCounter[];
}

const TEN_MINUTES = 10 * 60_000;

/** The bulletin's periodic tasks, run by the worker on the `bulletin-maintenance` queue. */
export function createBulletinMaintenanceProcessor(deps: MaintenanceDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ module: 'maintenance' });
  const overdueAfter = deps.overdueAfterMs ?? 2 * 60_000;

  async function publishOverdue(): Promise<number> {
    const at = now();
    const cutoff = new Date(at.getTime() - overdueAfter);
    const due = await deps.models.issues
      .find(
        {
          $or: [
            { status: 'SCHEDULED', scheduledAt: { $lte: cutoff } },
            { status: 'PUBLISHED', 'publication.notifiedAt': null, publishedAt: { $lte: cutoff } },
          ],
        },
        { _id: 1, status: 1, scheduledAt: 1 },
      )
      .limit(100)
      .lean();
    // One fresh job per issue per ten minutes, so a job that gave up is tried again later.
    const slot = Math.floor(at.getTime() / TEN_MINUTES);
    for (const issue of due) {
      const id = issue._id.toHexString();
      await deps.publishProducer.enqueue(
        { issueId: id, scheduledAt: issue.scheduledAt?.toISOString() ?? null },
        { jobId: jobId('publish', id, 'sweep', slot) },
      );
      log.warn({ issueId: id, status: issue.status }, 'overdue publication re-enqueued');
    }
    return due.length;
  }

  async function purgeUnconfirmed(): Promise<number> {
    const cutoff = new Date(now().getTime() - (deps.unconfirmedTtlMs ?? 30 * 24 * 3600_000));
    const stale = { status: 'PENDING', updatedAt: { $lt: cutoff } };
    // An address that had unsubscribed and asked again without confirming is unsubscribed
    // again, keeping the subscriptions it had (the statistics count them): its confirmation
    // link stops working with the status.
    const lapsed = await deps.models.subscribers.updateMany(
      { ...stale, unsubscribedAt: { $ne: null } },
      { $set: { status: 'UNSUBSCRIBED', updatedAt: now() } },
    );
    if (lapsed.modifiedCount)
      log.info({ lapsed: lapsed.modifiedCount }, 'renewed subscriptions never confirmed lapsed');
    const purged = await deps.models.subscribers
      .find({ ...stale, unsubscribedAt: null }, { _id: 1 })
      .lean()
      .exec();
    const removed = await deps.models.subscribers.deleteMany({
      ...stale,
      _id: { $in: purged.map((s) => s._id) },
    });
    // Their facts go with them (one confirmed meanwhile keeps its record and its fact).
    for (const s of purged) await refreshSubscriberFact(deps.models, s._id, log);
    if (removed.deletedCount)
      log.info({ removed: removed.deletedCount }, 'unconfirmed subscriptions purged');
    return removed.deletedCount;
  }

  return async function processBulletinMaintenance(
    payload: PayloadOf<'bulletin-maintenance'>,
  ): Promise<{ task: string; count: number }> {
    switch (payload.task) {
      case MAINTENANCE_TASKS.publishOverdue:
        return { task: payload.task, count: await publishOverdue() };
      case MAINTENANCE_TASKS.flushCounters: {
        let batches = 0;
        for (const c of deps.counters ?? []) batches += (await c.flush()).batches;
        return { task: payload.task, count: batches };
      }
      case MAINTENANCE_TASKS.purgeUnconfirmed:
        return { task: payload.task, count: await purgeUnconfirmed() };
      case MAINTENANCE_TASKS.syncSubscribers:
        return { task: payload.task, count: await syncSubscriberFacts(deps.models, log) };
      default:
        log.warn({ task: payload.task }, 'unknown maintenance task ignored');
        return { task: payload.task, count: 0 };
    }
  };
}

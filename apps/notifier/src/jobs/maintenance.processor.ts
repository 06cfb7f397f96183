import type { Processor } from '@portal/queue';
import type { NotifierContext } from '../context';
import { deliveryJobId } from '../domain/delivery-key';
import { FINAL_STATUSES, type DeliveryDoc } from '../models/delivery.model';
import { deliveryJobOptions } from './notification-dispatch.processor';

const SWEEP_BATCH = 500;
const MIN_STUCK_MS = 10 * 60_000;

export interface SweepResult {
  requeued: number;
  purgedDeliveries: number;
}

/** The notifier's periodic task (one run at a time across every process, via a BullMQ scheduler). */
export function maintenanceProcessor(ctx: NotifierContext): Processor<'notifier-maintenance'> {
  return async (payload) => {
    if (payload.task !== 'sweep') {
      ctx.logger.warn({ task: payload.task }, 'unknown maintenance task; ignored');
      return { ignored: payload.task };
    }
    const result = await sweep(ctx);
    ctx.logger.info(result, 'maintenance sweep done');
    return result;
  };
}

/**
 * Re-enqueues pending deliveries that have no live job (Redis lost it, or the job died
 * more often than BullMQ tolerates), and deletes delivery records, attempts and messages
 * older than the retention period, which hold recipients' addresses. Safe to run at any
 * time: it never writes a delivery record, and enqueueing is idempotent by job id.
 */
export async function sweep(
  ctx: NotifierContext,
  options: { stuckAfterMs?: number; now?: Date } = {},
): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const stuckAfter = options.stuckAfterMs ?? Math.max(MIN_STUCK_MS, 2 * ctx.config.claimTtlMs);
  const stuck = await ctx.models.Delivery.find(
    { status: 'pending', updatedAt: { $lt: new Date(now.getTime() - stuckAfter) } },
    { _id: 1, channel: 1 },
  )
    .sort({ updatedAt: 1 })
    .limit(SWEEP_BATCH)
    .lean<Pick<DeliveryDoc, '_id' | 'channel'>[]>()
    .exec();
  let requeued = 0;
  for (const delivery of stuck) {
    const producer = ctx.queues[delivery.channel];
    const job = await producer.queue.getJob(deliveryJobId(delivery.channel, delivery._id));
    if (job) {
      const state = await job.getState();
      // Waiting, delayed (backoff) or active: the delivery is in hand.
      if (state !== 'failed' && state !== 'completed' && state !== 'unknown') continue;
      await job.remove().catch(() => {});
    }
    await producer.queue.add(
      producer.name,
      { deliveryId: delivery._id },
      deliveryJobOptions(delivery.channel, ctx.config[delivery.channel], delivery._id),
    );
    requeued++;
    ctx.logger.warn(
      {
        deliveryId: delivery._id,
        channel: delivery.channel,
        previousJob: job ? 'ended' : 'missing',
      },
      'pending delivery had no live job; enqueued again',
    );
  }

  const cutoff = new Date(now.getTime() - ctx.config.maintenance.retentionDays * 24 * 3600_000);
  // Settled records stop changing when they settle, so their last update dates them.
  const purged = await ctx.models.Delivery.deleteMany({
    status: { $in: FINAL_STATUSES },
    updatedAt: { $lt: cutoff },
  }).exec();
  await ctx.models.DeliveryAttempt.deleteMany({ claimedAt: { $lt: cutoff } }).exec();
  await ctx.models.Message.deleteMany({ createdAt: { $lt: cutoff } }).exec();
  return { requeued, purgedDeliveries: purged.deletedCount };
}

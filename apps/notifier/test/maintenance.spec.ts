import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { SmtpSink } from '@portal/local-services';
import { createRedisConnection } from '@portal/queue';
import { testServices, waitUntil } from '@portal/testing';
import {
  addressKey,
  canonicalJson,
  deliveryId,
  deliveryJobId,
  messageKey,
} from '../src/domain/delivery-key';
import { pendingDelivery, type DeliveryDoc } from '../src/models/delivery.model';
import { useTestNotifier } from './support/harness';
import { bulletinIssue } from './support/sample-messages';

const t = useTestNotifier('notifier_maintenance', async (onClose) => {
  const sink = await new SmtpSink().start();
  onClose(() => sink.stop());
  return { sink, options: { smtpUrl: sink.smtpUrl } };
});

const DAY = 24 * 3600_000;

/** A delivery recorded as the dispatcher would, without any job (as if Redis lost it). */
async function recordedDelivery(
  notificationId: string,
  recipient: string,
  fields: Partial<DeliveryDoc> = {},
): Promise<DeliveryDoc> {
  const content = canonicalJson(bulletinIssue());
  const key = messageKey(notificationId, content);
  const createdAt = fields.createdAt ?? new Date();
  await t.models.Message.updateOne(
    { _id: key },
    { $setOnInsert: { notificationId, kind: 'email', content, createdAt } },
    { upsert: true },
  );
  const doc: DeliveryDoc = {
    _id: deliveryId('email', notificationId, recipient),
    channel: 'email',
    notificationId,
    targetId: recipient,
    addressKey: addressKey('email', notificationId, `${recipient}@example.vn`),
    messageKey: key,
    kind: 'bulletin.issue-published',
    email: `${recipient}@example.vn`,
    name: null,
    unsubscribeUrl: null,
    ...pendingDelivery(createdAt),
    ...fields,
  };
  await t.models.Delivery.create(doc);
  return doc;
}

describe('maintenance sweep', () => {
  it('enqueues again a pending delivery whose job is gone or ended, and leaves one in hand alone', async () => {
    const lost = await recordedDelivery('sweep.1', 'lost');
    // A job that ran before its delivery existed ends "completed" with nothing done.
    const ended = deliveryId('email', 'sweep.1', 'ended');
    await t.notifier.ctx.queues.email.queue.add(
      'notifier-email',
      { deliveryId: ended },
      { jobId: deliveryJobId('email', ended) },
    );
    await t.idle();
    await recordedDelivery('sweep.1', 'ended');
    // One whose retry is scheduled for later is in hand.
    const waiting = await recordedDelivery('sweep.1', 'waiting');
    await t.notifier.ctx.queues.email.queue.add(
      'notifier-email',
      { deliveryId: waiting._id },
      { jobId: deliveryJobId('email', waiting._id), delay: 3_600_000 },
    );

    expect(await t.notifier.sweep({ stuckAfterMs: 0 })).toEqual({
      requeued: 2,
      purgedDeliveries: 0,
    });
    await t.sink.waitFor(
      2,
      (m) => m.envelopeTo[0] === 'lost@example.vn' || m.envelopeTo[0] === 'ended@example.vn',
    );
    await waitUntil(
      async () => (await t.deliveries({ notificationId: 'sweep.1', status: 'sent' })).length === 2,
    );
    expect((await t.models.Delivery.findById(lost._id).lean())!.status).toBe('sent');
    expect((await t.models.Delivery.findById(waiting._id).lean())!.status).toBe('pending');
    expect(t.sink.to('waiting@example.vn')).toHaveLength(0);

    // Sweeping again changes nothing: nothing is stuck, nothing is sent twice.
    expect(await t.notifier.sweep({ stuckAfterMs: 0 })).toEqual({
      requeued: 0,
      purgedDeliveries: 0,
    });
    await t.notifier.ctx.queues.email.queue.remove(deliveryJobId('email', waiting._id));
  });

  it('deletes settled records older than the retention period, with their attempts and messages', async () => {
    const old = new Date(Date.now() - 100 * DAY);
    const settled = await recordedDelivery('purge.1', 'old-sent', {
      status: 'sent',
      createdAt: old,
      updatedAt: old,
      sentAt: old,
    });
    // Pending for as long (a stuck delivery is the sweep's to recover, never the purge's).
    const stuck = await recordedDelivery('purge.3', 'old-pending', { createdAt: old });
    await t.models.DeliveryAttempt.create({
      _id: `${settled._id}.1`,
      deliveryId: settled._id,
      channel: 'email',
      n: 1,
      claimedAt: old,
      expiresAt: old,
      outcome: 'sent',
      finishedAt: old,
    });
    const recent = await recordedDelivery('purge.2', 'recent-sent', { status: 'sent' });

    const result = await t.notifier.sweep();
    expect(result.purgedDeliveries).toBe(1);
    expect(await t.models.Delivery.findById(settled._id)).toBeNull();
    expect(await t.models.DeliveryAttempt.countDocuments({ deliveryId: settled._id })).toBe(0);
    expect(await t.models.Message.findById(settled.messageKey)).toBeNull();
    expect(await t.models.Delivery.findById(recent._id)).not.toBeNull();
    expect(await t.models.Delivery.findById(stuck._id)).not.toBeNull();
    expect(await t.models.Message.findById(recent.messageKey)).not.toBeNull();
  });

  it('is scheduled to run periodically, once across every notifier process', async () => {
    const queue = new Queue('notifier-maintenance', {
      connection: createRedisConnection(testServices().redisUrl, 'producer'),
      prefix: t.config.queuePrefix,
    });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([
        ['notifier-maintenance.sweep', t.config.maintenance.intervalMs],
      ]);
    } finally {
      await queue.close();
      await queue.disconnect();
    }
  });
});

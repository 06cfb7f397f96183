import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@portal/testing';
import { DeliveryLog } from '../src/delivery/delivery-log';
import { deliveryId } from '../src/domain/delivery-key';
import { pendingDelivery, type DeliveryDoc } from '../src/models/delivery.model';
import { notifierModels } from '../src/models';

const db = useTestDatabase('notifier_log');

async function setup(ttlMs = 60_000) {
  const conn = await db.connection();
  const models = notifierModels(conn);
  await Promise.all(Object.values(models).map((m) => m.init()));
  return { models, log: new DeliveryLog(models, ttlMs) };
}

let n = 0;
async function newDelivery(models: Awaited<ReturnType<typeof setup>>['models']) {
  const target = `r${++n}`;
  const now = new Date();
  const doc: DeliveryDoc = {
    _id: deliveryId('email', 'log.test', target),
    channel: 'email',
    notificationId: 'log.test',
    targetId: target,
    addressKey: deliveryId('email', 'log.test.address', target),
    messageKey: 'm',
    kind: 'referral.closed',
    email: `${target}@example.vn`,
    name: null,
    unsubscribeUrl: null,
    ...pendingDelivery(now),
  };
  await models.Delivery.create(doc);
  return doc;
}

describe('the delivery log on FerretDB', () => {
  it('lets exactly one of many racing workers claim an attempt', async () => {
    const { models, log } = await setup();
    const delivery = await newDelivery(models);
    const results = await Promise.all(Array.from({ length: 8 }, () => log.claim(delivery)));
    expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'busy')).toHaveLength(7);
  });

  it('records a failure, then claims the next attempt; a success settles the delivery for good', async () => {
    const { models, log } = await setup();
    const delivery = await newDelivery(models);
    const first = await log.claim(delivery);
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    await log.markFailed(delivery, first, { reason: 'SMTP 451: later', final: false });
    expect(await models.Delivery.findById(delivery._id).lean()).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'SMTP 451: later',
    });

    // A reader holding the stale record (attempts: 0) still lands on attempt 2.
    const second = await log.claim(delivery);
    expect(second).toMatchObject({ kind: 'claimed', n: 2, recovered: false });
    if (second.kind !== 'claimed') return;
    await log.markSent(delivery, second, '250 OK');
    expect(await models.Delivery.findById(delivery._id).lean()).toMatchObject({
      status: 'sent',
      attempts: 2,
      response: '250 OK',
      lastError: null,
    });
    // Even a reader that loaded the delivery before it was sent stops at the settled attempt.
    const stale = { ...delivery, attempts: 1 };
    expect(await log.claim(stale)).toEqual({ kind: 'settled', outcome: 'sent' });
    const attempts = await models.DeliveryAttempt.find({ deliveryId: delivery._id })
      .sort({ n: 1 })
      .lean();
    expect(attempts.map((a) => [a.n, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'sent'],
    ]);
  });

  it('makes others wait for a live attempt and takes over an expired one, marking it abandoned', async () => {
    const { models, log } = await setup(60_000);
    const delivery = await newDelivery(models);
    const held = await log.claim(delivery);
    expect(held.kind).toBe('claimed');
    const waiting = await log.claim(delivery);
    expect(waiting.kind).toBe('busy');
    if (waiting.kind === 'busy')
      expect(waiting.retryAt.getTime()).toBeGreaterThan(Date.now() + 50_000);

    // The holder died: its claim is past its expiry.
    await models.DeliveryAttempt.updateOne(
      { _id: `${delivery._id}.1` },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const takeover = await log.claim(delivery);
    expect(takeover).toMatchObject({ kind: 'claimed', n: 2, recovered: true });
    expect(await models.DeliveryAttempt.findById(`${delivery._id}.1`).lean()).toMatchObject({
      outcome: 'abandoned',
    });
  });

  it('records a skipped delivery with its reason', async () => {
    const { models, log } = await setup();
    const delivery = await newDelivery(models);
    const claim = await log.claim(delivery);
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await log.markSkipped(delivery, claim, 'endpoint removed');
    expect(await models.Delivery.findById(delivery._id).lean()).toMatchObject({
      status: 'skipped',
      lastError: 'endpoint removed',
    });
    expect(await log.claim(delivery)).toEqual({ kind: 'settled', outcome: 'skipped' });
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SmtpSink } from '@portal/local-services';
import { waitUntil } from '@portal/testing';
import { deliveryId, eventId } from '../src/domain/delivery-key';
import { verifyWebhookSignature } from '../src/domain/webhook-signature';
import {
  addEndpoint,
  disableEndpoint,
  enableEndpoint,
  listEndpoints,
  removeEndpoint,
} from '../src/models/webhook-endpoint.repository';
import { DEV_RECEIVER, useTestNotifier } from './support/harness';
import { articlePublished, referralUpdated } from './support/sample-messages';
import { WebhookReceiver, type ReceivedRequest } from './support/webhook-receiver';

const t = useTestNotifier('notifier_webhook', async (onClose) => {
  const sink = await new SmtpSink().start();
  onClose(() => sink.stop());
  const receiver = await new WebhookReceiver().start();
  onClose(() => receiver.stop());
  return {
    receiver,
    options: {
      smtpUrl: sink.smtpUrl,
      webhook: { maxAttempts: 4, timeoutMs: 1000, disableAfterFailures: 6 },
    },
  };
});

/** What a partner does with each request, written from the README, not from our code. */
function partnerVerifies(request: ReceivedRequest, secret: string): boolean {
  const timestamp = String(request.headers['x-portal-timestamp']);
  const given = String(request.headers['x-portal-signature']);
  const expected =
    'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return (
    fresh &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

async function endpoint(path: string, events: string[], partner = 'Sở Thông tin và Truyền thông') {
  return addEndpoint(
    t.models,
    { partner, url: t.receiver.url(path), events },
    { requireHttps: false, allowedHosts: DEV_RECEIVER },
  );
}

describe('webhook delivery to partner endpoints', () => {
  it('signs one event to every enabled endpoint subscribed to it, and the partner can verify it', async () => {
    const syndication = await endpoint('/a/articles', ['article.published']);
    const bulletinOnly = await endpoint('/b/bulletins', ['bulletin.published']);
    const paused = await endpoint('/c/paused', ['article.published', 'bulletin.published']);
    await disableEndpoint(t.models, paused.endpoint.id);

    const event = articlePublished('article.published.a01.1');
    await t.send(event);
    await waitUntil(() => t.receiver.to('/a/articles').length === 1, { what: 'the event' });
    await t.idle();

    expect(t.receiver.to('/b/bulletins')).toHaveLength(0);
    expect(t.receiver.to('/c/paused')).toHaveLength(0);
    const [request] = t.receiver.to('/a/articles');
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-portal-event']).toBe('article.published');
    expect(request!.headers['x-portal-event-id']).toBe(eventId(event.notificationId));
    expect(request!.headers['x-portal-delivery-id']).toBe(
      deliveryId('webhook', event.notificationId, syndication.endpoint.id),
    );
    expect(request!.headers['x-portal-attempt']).toBe('1');
    expect(partnerVerifies(request!, syndication.secret)).toBe(true);
    expect(partnerVerifies(request!, bulletinOnly.secret)).toBe(false);
    expect(
      verifyWebhookSignature({
        secret: syndication.secret,
        body: request!.body,
        signature: request!.headers['x-portal-signature'] as string,
        timestamp: request!.headers['x-portal-timestamp'] as string,
      }),
    ).toEqual({ ok: true });
    // A body altered in transit no longer verifies.
    expect(
      partnerVerifies(
        { ...request!, body: request!.body.replace('Công dân', 'Cong dan') },
        syndication.secret,
      ),
    ).toBe(false);

    const body = JSON.parse(request!.body);
    expect(body).toEqual({
      id: eventId(event.notificationId),
      type: 'article.published',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: event.payload,
    });
    const [logged] = await t.deliveries({ notificationId: event.notificationId });
    expect(logged).toMatchObject({ status: 'sent', attempts: 1, response: 'HTTP 204' });
  });

  it('retries a timeout and a redirect, then delivers the same signed body once', async () => {
    const flaky = await endpoint('/flaky', ['bulletin.published']);
    t.receiver.reply = (req, _n) => {
      if (req.path !== '/flaky') return { status: 204 };
      const tries = t.receiver.to('/flaky').length;
      if (tries === 1) return { status: 200, hang: true };
      // Followed, this redirect would "succeed"; it must not be.
      if (tries === 2) return { status: 302, headers: { location: t.receiver.url('/a/articles') } };
      if (tries === 3) return { status: 503 };
      return { status: 200 };
    };
    const event = {
      kind: 'webhook' as const,
      notificationId: 'bulletin.published.2025-03',
      event: 'bulletin.published' as const,
      payload: { issueId: '65f0c0ffee0000000000000c', number: 12, title: 'Bản tin tháng 3' },
    };
    const before = t.receiver.to('/a/articles').length;
    await t.send(event);
    await waitUntil(() => t.receiver.to('/flaky').length === 4, { what: 'four tries' });
    await t.idle();
    t.receiver.reply = () => ({ status: 204 });

    const tries = t.receiver.to('/flaky');
    expect(tries.map((r) => r.headers['x-portal-attempt'])).toEqual(['1', '2', '3', '4']);
    expect(new Set(tries.map((r) => r.body)).size).toBe(1);
    expect(new Set(tries.map((r) => r.headers['x-portal-event-id'])).size).toBe(1);
    for (const r of tries) expect(partnerVerifies(r, flaky.secret)).toBe(true);
    expect(t.receiver.to('/a/articles')).toHaveLength(before);

    const [logged] = await t.deliveries({
      notificationId: event.notificationId,
      targetId: flaky.endpoint.id,
    });
    expect(logged).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
    // The other subscriber of this event got it once, at the first try.
    expect(t.receiver.to('/b/bulletins')).toHaveLength(1);
    const attempts = await t.models.DeliveryAttempt.find({ deliveryId: logged!._id })
      .sort({ n: 1 })
      .lean();
    expect(attempts.map((a) => [a.outcome, a.statusCode, a.error])).toEqual([
      ['failed', null, 'timed out'],
      ['failed', 302, 'HTTP 302 (redirects are not followed)'],
      // The receiver's answer is never kept, only its status.
      ['failed', 503, 'HTTP 503'],
      ['sent', null, null],
    ]);
  });

  it('sends a duplicated event once per endpoint', async () => {
    const event = articlePublished('article.published.a02.1', '65f0c0ffee00000000000a02');
    const before = t.receiver.to('/a/articles').length;
    await t.send(event, 'same.job');
    await t.send(event, 'same.job');
    await t.send(event, 'another.job.for.the.same.event');
    await t.idle();
    const got = t.receiver
      .to('/a/articles')
      .slice(before)
      .filter((r) => r.headers['x-portal-event-id'] === eventId(event.notificationId));
    expect(got).toHaveLength(1);
  });

  it('fails for good after the last attempt', async () => {
    await endpoint('/down', ['referral.updated']);
    t.receiver.reply = (req) => ({ status: req.path === '/down' ? 500 : 204 });
    await t.send(referralUpdated('referral.updated.1', 'PA-2025-000123', 'RESOLVED'));
    await t.idle();
    const [logged] = await t.deliveries({ notificationId: 'referral.updated.1' });
    expect(logged).toMatchObject({
      status: 'failed',
      attempts: 4,
      lastError: 'HTTP 500',
    });
    expect(t.receiver.to('/down')).toHaveLength(4);
    const job = await t.notifier.ctx.queues.webhook.queue.getJob(`webhook.${logged!._id}`);
    expect(await job!.getState()).toBe('failed');
    expect(job!.failedReason).toBe('HTTP 500');
    // Four failures in a row, under the six that disable an endpoint in this suite.
    const [down] = (await listEndpoints(t.models)).filter((e) => e.url.endsWith('/down'));
    expect(down).toMatchObject({ enabled: true, consecutiveFailures: 4 });
  });

  it('disables an endpoint after the configured run of failures, until an admin re-enables it', async () => {
    await t.send(referralUpdated('referral.updated.2', 'PA-2025-000124', 'REJECTED'));
    await t.idle();
    t.receiver.reply = () => ({ status: 204 });
    // Failures five and six: the sixth in a row disables the endpoint and ends this delivery.
    expect(t.receiver.to('/down')).toHaveLength(6);
    const [second] = await t.deliveries({ notificationId: 'referral.updated.2' });
    expect(second).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'HTTP 500; endpoint disabled',
    });
    const [down] = (await listEndpoints(t.models)).filter((e) => e.url.endsWith('/down'));
    expect(down).toMatchObject({ enabled: false, consecutiveFailures: 6 });
    expect(down!.disabledReason).toBe('6 consecutive failed deliveries; last: HTTP 500');
    expect(await t.registry.metrics()).toMatch(/notifier_webhook_endpoints_disabled_total 1/);

    await t.send(referralUpdated('referral.updated.3', 'PA-2025-000125', 'RESOLVED'));
    await t.idle();
    expect(await t.deliveries({ notificationId: 'referral.updated.3' })).toHaveLength(0);
    expect(t.receiver.to('/down')).toHaveLength(6);

    expect(await enableEndpoint(t.models, down!.id)).toBe(true);
    const [enabled] = (await listEndpoints(t.models)).filter((e) => e.id === down!.id);
    expect(enabled).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
    await t.send(referralUpdated('referral.updated.4', 'PA-2025-000126', 'RESOLVED'));
    await waitUntil(() => t.receiver.to('/down').length === 7, {
      what: 'delivery after re-enable',
    });
    await t.idle();
    expect((await t.deliveries({ notificationId: 'referral.updated.4' }))[0]!.status).toBe('sent');
  });

  it('skips a pending delivery whose endpoint was removed', async () => {
    const gone = await endpoint('/gone', ['article.published']);
    t.receiver.reply = (req) => ({ status: req.path === '/gone' ? 500 : 204 });
    const event = articlePublished('article.published.a03.1', '65f0c0ffee00000000000a03');
    await t.send(event);
    await waitUntil(() => t.receiver.to('/gone').length >= 1, { what: 'a first failed try' });
    expect(await removeEndpoint(t.models, gone.endpoint.id)).toBe(true);
    await t.idle();
    t.receiver.reply = () => ({ status: 204 });
    const [logged] = await t.deliveries({
      notificationId: event.notificationId,
      targetId: gone.endpoint.id,
    });
    expect(logged).toMatchObject({ status: 'skipped', lastError: 'endpoint removed' });
  });
});

import type { Processor } from '@portal/queue';
import type { NotifierContext } from '../context';
import { consecutiveFailures } from '../delivery/endpoint-health';
import type { Claim } from '../delivery/delivery-log';
import { runDelivery, type AttemptResult } from '../delivery/run-delivery';
import { postWebhook } from '../delivery/webhook-client';
import { eventId } from '../domain/delivery-key';
import { urlHost } from '../domain/redact';
import { shouldDisable } from '../domain/webhook-endpoint';
import { WEBHOOK_HEADERS, signWebhook } from '../domain/webhook-signature';
import type { DeliveryDoc } from '../models/delivery.model';
import type { WebhookEndpointDoc } from '../models/webhook-endpoint.model';

const USER_AGENT = 'HCMC-DX-Portal-Webhooks/1.0';

/** Sends one webhook delivery: one event to one partner endpoint, signed with its secret. */
export function webhookDeliveryProcessor(ctx: NotifierContext): Processor<'notifier-webhook'> {
  return (payload, job) =>
    runDelivery(ctx, 'webhook', payload.deliveryId, job, (delivery, claim) =>
      sendWebhook(ctx, delivery, claim),
    );
}

async function sendWebhook(
  ctx: NotifierContext,
  delivery: DeliveryDoc,
  claim: Claim,
): Promise<AttemptResult> {
  const endpoint = await ctx.models.WebhookEndpoint.findById(delivery.targetId)
    .select('+secret')
    .lean<WebhookEndpointDoc>()
    .exec();
  if (!endpoint) return { kind: 'skipped', reason: 'endpoint removed' };
  if (!endpoint.enabled) return { kind: 'skipped', reason: 'endpoint disabled' };
  if (!(endpoint.events as string[]).includes(delivery.kind))
    return { kind: 'skipped', reason: 'endpoint no longer subscribed to this event' };
  const stored = await ctx.messages.get(delivery.messageKey);
  if (!stored) return { kind: 'failed', permanent: true, reason: 'stored event body not found' };

  const body = stored.content;
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await postWebhook(
    endpoint.url,
    body,
    {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [WEBHOOK_HEADERS.event]: delivery.kind,
      [WEBHOOK_HEADERS.eventId]: eventId(delivery.notificationId),
      [WEBHOOK_HEADERS.deliveryId]: delivery._id,
      [WEBHOOK_HEADERS.attempt]: String(claim.n),
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, timestamp, body),
    },
    ctx.config.webhook.timeoutMs,
    ctx.config.webhook.allowedHosts,
  );
  if (response.ok) return { kind: 'sent', response: `HTTP ${response.status}` };
  // A forbidden address stays forbidden: no retries (the endpoint must be registered again).
  if (response.refused) return { kind: 'failed', permanent: true, reason: response.reason };

  const failures = (await consecutiveFailures(ctx.models, endpoint)) + 1;
  const failure = {
    kind: 'failed' as const,
    permanent: false,
    reason: response.reason,
    statusCode: response.status ?? undefined,
  };
  if (!shouldDisable(failures, ctx.config.webhook.disableAfterFailures)) return failure;

  const reason = `${failures} consecutive failed deliveries; last: ${response.reason}`;
  const now = new Date();
  // Filtered on the reset time read above, so an admin's re-enable in the meantime stands.
  const disabled = await ctx.models.WebhookEndpoint.updateOne(
    { _id: endpoint._id, enabled: true, failuresResetAt: endpoint.failuresResetAt },
    { $set: { enabled: false, disabledAt: now, disabledReason: reason, updatedAt: now } },
  ).exec();
  if (disabled.modifiedCount > 0) {
    ctx.metrics.endpointsDisabled.inc();
    ctx.logger.warn(
      { endpointId: String(endpoint._id), host: urlHost(endpoint.url), failures },
      'webhook endpoint disabled after consecutive failures; an admin can re-enable it',
    );
  }
  return { ...failure, permanent: true, reason: `${response.reason}; endpoint disabled` };
}

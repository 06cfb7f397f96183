import type { JobsOptions } from 'bullmq';
import type { NotificationPayload, Processor } from '@portal/queue';
import { UnrecoverableError } from '@portal/queue';
import type { ChannelConfig } from '../config';
import type { NotifierContext } from '../context';
import {
  addressKey,
  canonicalJson,
  deliveryId,
  deliveryJobId,
  eventId,
  messageKey,
  type Channel,
} from '../domain/delivery-key';
import { pendingDelivery, type DeliveryDoc } from '../models/delivery.model';
import type { WebhookEndpointDoc } from '../models/webhook-endpoint.model';
import { TemplateError } from '../templates/html';
import { renderEmail } from '../templates/render-email';

type EmailNotification = Extract<NotificationPayload, { kind: 'email' }>;
type WebhookNotification = Extract<NotificationPayload, { kind: 'webhook' }>;

/** Partners' servers and our database both have limits; an event body bigger than this is refused. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

export interface DispatchResult {
  /** Deliveries this notification has for the targets in this job (new or from an earlier run). */
  deliveries: number;
  /** Of those, still to be sent, and (re-)enqueued now. */
  enqueued: number;
  /** Targets dropped as repeats: the same recipient id, or the same address, twice. */
  duplicates: number;
}

/**
 * Turns one `notifications` job into deliveries: stores the message once, records one
 * delivery per recipient or subscribed endpoint under unique keys, and enqueues one job per
 * delivery still pending. Running it again (a retry, a duplicate job, a second batch
 * naming the same people) adds nothing that already exists.
 */
export function notificationDispatchProcessor(ctx: NotifierContext): Processor<'notifications'> {
  return async (payload) => {
    const result =
      payload.kind === 'email'
        ? await dispatchEmail(ctx, payload)
        : await dispatchWebhook(ctx, payload);
    ctx.logger.info(
      { notificationId: payload.notificationId, kind: payload.kind, ...result },
      'notification dispatched',
    );
    return result;
  };
}

async function dispatchEmail(
  ctx: NotifierContext,
  payload: EmailNotification,
): Promise<DispatchResult> {
  try {
    // A message that cannot be rendered would fail every recipient: refuse the job instead.
    renderEmail(payload.message, {}, ctx.config.webBaseUrl);
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    ctx.metrics.notifications.inc({ kind: 'email', outcome: 'rejected' });
    throw new UnrecoverableError(`invalid message (${payload.message.template}): ${err.message}`);
  }
  const content = canonicalJson(payload.message);
  return recordDeliveries(ctx, 'email', payload.notificationId, {
    key: messageKey(payload.notificationId, content),
    content,
    kind: payload.message.template,
    targets: payload.recipients.map((r) => ({ ...r, address: r.email })),
    now: new Date(),
  });
}

async function dispatchWebhook(
  ctx: NotifierContext,
  payload: WebhookNotification,
): Promise<DispatchResult> {
  const endpoints = await ctx.models.WebhookEndpoint.find({ enabled: true, events: payload.event })
    .lean<WebhookEndpointDoc[]>()
    .exec();
  if (endpoints.length === 0) {
    ctx.metrics.notifications.inc({ kind: 'webhook', outcome: 'accepted' });
    return { deliveries: 0, enqueued: 0, duplicates: 0 };
  }

  const now = new Date();
  // The body is fixed when the event first arrives, so every retry signs the same bytes.
  const body = canonicalJson({
    id: eventId(payload.notificationId),
    type: payload.event,
    createdAt: now.toISOString(),
    data: payload.payload,
  });
  if (Buffer.byteLength(body) > MAX_WEBHOOK_BODY_BYTES) {
    ctx.metrics.notifications.inc({ kind: 'webhook', outcome: 'rejected' });
    throw new UnrecoverableError(
      `invalid payload: event body is ${Buffer.byteLength(body)} bytes, over ${MAX_WEBHOOK_BODY_BYTES}`,
    );
  }
  return recordDeliveries(ctx, 'webhook', payload.notificationId, {
    key: messageKey(
      payload.notificationId,
      canonicalJson({ event: payload.event, payload: payload.payload }),
    ),
    content: body,
    kind: payload.event,
    targets: endpoints.map((endpoint) => {
      const id = String(endpoint._id);
      return { id, address: id };
    }),
    now,
  });
}

/** Who one delivery goes to: `address` is what makes two targets the same (an e-mail, an endpoint). */
interface DeliveryTarget {
  id: string;
  address: string;
  email?: string;
  name?: string | null;
  unsubscribeUrl?: string | null;
}

/**
 * Stores the message once, records one pending delivery per target under its unique keys and
 * enqueues those still to be sent; counts the notification as accepted.
 */
async function recordDeliveries(
  ctx: NotifierContext,
  channel: Channel,
  notificationId: string,
  message: { key: string; content: string; kind: string; targets: DeliveryTarget[]; now: Date },
): Promise<DispatchResult> {
  const { key, content, kind, targets, now } = message;
  await ctx.messages.save({ _id: key, notificationId, kind: channel, content, createdAt: now });
  const docs = targets.map((t): DeliveryDoc => ({
    _id: deliveryId(channel, notificationId, t.id),
    channel,
    notificationId,
    targetId: t.id,
    addressKey: addressKey(channel, notificationId, t.address),
    messageKey: key,
    kind,
    email: t.email ?? null,
    name: t.name ?? null,
    unsubscribeUrl: t.unsubscribeUrl ?? null,
    ...pendingDelivery(now),
  }));
  const result = await recordAndEnqueue(ctx, channel, docs);
  ctx.metrics.notifications.inc({ kind: channel, outcome: 'accepted' });
  return result;
}

/** The job options of one delivery on a channel: its own retries, exponential backoff with jitter. */
export function deliveryJobOptions(
  channel: Channel,
  config: ChannelConfig,
  id: string,
): JobsOptions {
  return {
    jobId: deliveryJobId(channel, id),
    attempts: config.maxAttempts,
    backoff: { type: 'exponential', delay: config.retryDelayMs, jitter: 0.2 },
    removeOnComplete: { count: 10_000, age: 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

async function recordAndEnqueue(
  ctx: NotifierContext,
  channel: Channel,
  docs: DeliveryDoc[],
): Promise<DispatchResult> {
  const unique = [...new Map(docs.map((d) => [d._id, d])).values()];
  const Delivery = ctx.models.Delivery;
  let repeated = new Set<number>();
  try {
    await Delivery.insertMany(unique, { ordered: false });
  } catch (err) {
    // Deliveries recorded by an earlier run (or a repeated address) are exactly what the unique keys are for.
    const duplicates = duplicateKeyIndexes(err);
    if (!duplicates) throw err;
    repeated = duplicates;
  }
  const inserted = unique.filter((_, i) => !repeated.has(i));
  // Only repeats need reading back (by id): a retried job finds some already sent.
  const earlier = repeated.size
    ? await Delivery.find(
        { _id: { $in: unique.filter((_, i) => repeated.has(i)).map((d) => d._id) } },
        { _id: 1, status: 1 },
      )
        .lean<Pick<DeliveryDoc, '_id' | 'status'>[]>()
        .exec()
    : [];
  const pending = [
    ...inserted.map((d) => d._id),
    ...earlier.filter((d) => d.status === 'pending').map((d) => d._id),
  ];
  if (pending.length > 0) {
    const producer = ctx.queues[channel];
    const config = ctx.config[channel];
    await producer.queue.addBulk(
      pending.map((id) => ({
        name: producer.name,
        data: { deliveryId: id },
        opts: deliveryJobOptions(channel, config, id),
      })),
    );
  }
  const deliveries = inserted.length + earlier.length;
  return { deliveries, enqueued: pending.length, duplicates: docs.length - deliveries };
}

/** The positions of documents an unordered insertMany refused as duplicates, or null for any other error. */
function duplicateKeyIndexes(err: unknown): Set<number> | null {
  const e = err as {
    writeErrors?: { index?: number; code?: unknown; err?: { code?: unknown; index?: number } }[];
  };
  if (!Array.isArray(e?.writeErrors) || e.writeErrors.length === 0) return null;
  const indexes = new Set<number>();
  for (const w of e.writeErrors) {
    const index = w.index ?? w.err?.index;
    if ((w.code ?? w.err?.code) !== 11000 || index === undefined) return null;
    indexes.add(index);
  }
  return indexes;
}

import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Channel } from '../domain/delivery-key';

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** Statuses after which a delivery never changes again. */
export const FINAL_STATUSES: readonly DeliveryStatus[] = ['sent', 'failed', 'skipped'];

/**
 * The delivery log: one record per (notification, recipient) or (notification, endpoint),
 * inserted once under unique keys when the notification arrives, and afterwards written
 * only by the worker holding the delivery's current attempt claim (FerretDB loses
 * concurrent updates to one document, so there is never more than one writer).
 */
export interface DeliveryDoc {
  /** deliveryId(channel, notificationId, targetId). */
  _id: string;
  channel: Channel;
  notificationId: string;
  /** The recipient id (e-mail) or the endpoint id (webhook). */
  targetId: string;
  /** Unique too: one notification reaches one mailbox or endpoint once. */
  addressKey: string;
  /** The stored message (template + data, or the webhook body). */
  messageKey: string;
  /** E-mail template or webhook event, for logs and metrics. */
  kind: string;
  email: string | null;
  name: string | null;
  unsubscribeUrl: string | null;
  status: DeliveryStatus;
  /** Attempts that reached an outcome or were abandoned. */
  attempts: number;
  lastError: string | null;
  /** The relay's or partner's answer to the successful attempt. */
  response: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

/** How every delivery is first recorded: pending, with no attempt yet. */
export function pendingDelivery(
  now: Date,
): Pick<
  DeliveryDoc,
  'status' | 'attempts' | 'lastError' | 'response' | 'createdAt' | 'updatedAt' | 'sentAt'
> {
  return {
    status: 'pending',
    attempts: 0,
    lastError: null,
    response: null,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
  };
}

const DeliverySchema = collectionSchema<DeliveryDoc>('deliveries', {
  _id: required(String),
  channel: required(String, { enum: ['email', 'webhook'] }),
  notificationId: required(String),
  targetId: required(String),
  addressKey: required(String),
  messageKey: required(String),
  kind: required(String),
  email: nullable(String),
  name: nullable(String),
  unsubscribeUrl: nullable(String),
  status: required(String, { enum: ['pending', 'sent', 'failed', 'skipped'], default: 'pending' }),
  attempts: required(Number, { default: 0 }),
  lastError: nullable(String),
  response: nullable(String),
  createdAt: required(Date),
  updatedAt: required(Date),
  sentAt: nullable(Date),
});
// Few indexes on purpose: every write to a delivery pays for each of them (on FerretDB, all).
DeliverySchema.index({ addressKey: 1 }, { unique: true });
// The sweep (pending and idle) and the purge (settled and old).
DeliverySchema.index({ status: 1, updatedAt: 1 });
// What happened to a notification (operators, support).
DeliverySchema.index({ notificationId: 1 });

export const deliveryModel = defineModel('Delivery', DeliverySchema);

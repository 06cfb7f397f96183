import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Types } from 'mongoose';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@portal/queue';

/**
 * A partner agency's webhook endpoint, managed by admins with the webhook CLI. Workers
 * only ever write `enabled`/`disabledAt`/`disabledReason` here (auto-disable); failure
 * counts are derived from delivery attempts rather than kept as a counter, which
 * concurrent deliveries would corrupt on FerretDB.
 */
export interface WebhookEndpointDoc {
  _id: Types.ObjectId;
  partner: string;
  url: string;
  /** HMAC key of X-Portal-Signature; never selected unless asked for. */
  secret: string;
  events: WebhookEvent[];
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  /** Failures before this time do not count towards auto-disable (set on enable). */
  failuresResetAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const WebhookEndpointSchema = collectionSchema<WebhookEndpointDoc>('webhook_endpoints', {
  partner: required(String),
  url: required(String),
  secret: required(String, { select: false }),
  events: required([String], { enum: WEBHOOK_EVENTS }),
  enabled: required(Boolean, { default: true }),
  disabledAt: nullable(Date),
  disabledReason: nullable(String),
  failuresResetAt: required(Date),
  createdAt: required(Date),
  updatedAt: required(Date),
});
WebhookEndpointSchema.index({ enabled: 1 });

export const webhookEndpointModel = defineModel('WebhookEndpoint', WebhookEndpointSchema);

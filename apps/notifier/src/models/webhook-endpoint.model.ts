import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
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

const WebhookEndpointSchema = new Schema<WebhookEndpointDoc>(
  {
    partner: { type: String, required: true },
    url: { type: String, required: true },
    secret: { type: String, required: true, select: false },
    events: { type: [String], enum: WEBHOOK_EVENTS, required: true },
    enabled: { type: Boolean, required: true, default: true },
    disabledAt: { type: Date, default: null },
    disabledReason: { type: String, default: null },
    failuresResetAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'webhook_endpoints', versionKey: false },
);
WebhookEndpointSchema.index({ enabled: 1 });

export function webhookEndpointModel(conn: Connection): Model<WebhookEndpointDoc> {
  return modelOn<WebhookEndpointDoc>(conn, 'WebhookEndpoint', WebhookEndpointSchema);
}

import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Channel } from '../domain/delivery-key';

/** `abandoned`: its worker died before recording an outcome; a later attempt took over. */
export type AttemptOutcome = 'sent' | 'failed' | 'skipped' | 'abandoned';

/**
 * One attempt at a delivery, and the claim that lets exactly one worker make it: attempt
 * `n` of a delivery is inserted under the unique id `<deliveryId>.<n>`, so of two workers
 * racing for the same attempt only one insert succeeds (the one atomic claim FerretDB and
 * MongoDB both offer). Attempts are never deleted or reused, only finished.
 */
export interface DeliveryAttemptDoc {
  _id: string;
  deliveryId: string;
  channel: Channel;
  n: number;
  /** Webhook attempts: the endpoint, to count its consecutive failures. */
  endpointId: string | null;
  claimedAt: Date;
  /** After this an unfinished attempt is presumed abandoned (its worker died). */
  expiresAt: Date;
  /** True when the previous attempt was abandoned: it may have delivered before dying. */
  recovered: boolean;
  outcome: AttemptOutcome | null;
  error: string | null;
  statusCode: number | null;
  finishedAt: Date | null;
}

const DeliveryAttemptSchema = collectionSchema<DeliveryAttemptDoc>('delivery_attempts', {
  _id: required(String),
  deliveryId: required(String),
  channel: required(String),
  n: required(Number),
  endpointId: nullable(String),
  claimedAt: required(Date),
  expiresAt: required(Date),
  recovered: required(Boolean, { default: false }),
  outcome: nullable(String),
  error: nullable(String),
  statusCode: nullable(Number),
  finishedAt: nullable(Date),
});
// Attempts are found by id (`<deliveryId>.<n>`); these serve an endpoint's failure run and the purge.
DeliveryAttemptSchema.index({ endpointId: 1, outcome: 1, finishedAt: -1 });
DeliveryAttemptSchema.index({ claimedAt: 1 });

export const deliveryAttemptModel = defineModel('DeliveryAttempt', DeliveryAttemptSchema);

import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Model, Types } from 'mongoose';

export const SUBSCRIBER_STATUSES = ['PENDING', 'CONFIRMED', 'UNSUBSCRIBED'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export interface SubscriberRecord {
  _id: Types.ObjectId;
  /** Lower-cased, so one address is one subscriber whatever its spelling. */
  email: string;
  status: SubscriberStatus;
  /** Changes with every confirmation mail: only the newest confirmation link works. */
  nonce: string;
  createdAt: Date;
  updatedAt: Date;
  /** The current subscription's confirmation (or, after an unsubscribe, the last one). */
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
  /**
   * Earlier subscriptions that ended, oldest first, moved here when the address confirms again
   * after an unsubscribe, so the statistics keep every confirmation and unsubscribe (a
   * confirmation older than this list was recorded may be null).
   */
  pastPeriods?: SubscriptionPeriod[];
}

export interface SubscriptionPeriod {
  confirmedAt: Date | null;
  unsubscribedAt: Date;
}

const SubscriberSchema = collectionSchema<SubscriberRecord>('subscribers', {
  email: required(String),
  status: required(String, { enum: SUBSCRIBER_STATUSES }),
  nonce: required(String),
  createdAt: required(Date),
  updatedAt: required(Date),
  confirmedAt: nullable(Date),
  unsubscribedAt: nullable(Date),
  pastPeriods: {
    type: [{ _id: false, confirmedAt: nullable(Date), unsubscribedAt: Date }],
    default: undefined,
  },
});
SubscriberSchema.index({ email: 1 }, { unique: true });
// The fan-out walks confirmed subscribers in _id order.
SubscriberSchema.index({ status: 1, _id: 1 });

export type SubscriberModel = Model<SubscriberRecord>;

export const subscriberModel = defineModel('Subscriber', SubscriberSchema);

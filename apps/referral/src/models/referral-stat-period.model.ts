import { collectionSchema, defineModel, required } from '@portal/db';
import type { Model } from 'mongoose';

/**
 * The referral statistics of one city month (`_id` `M2025-11`: its counts per day, packed by
 * key: see packMonthCounts) or day (`D2025-11-03`: its facts at their instants, packed one by
 * one, see packStatCounts; read only for a period that starts or ends inside that day). Written
 * only by the counter's flush (one flusher at a time, `$set` of totals computed in code, never
 * a concurrent `$inc`); `lastFlushId` makes a replayed batch a no-op. Every figure is exact
 * (the median too: resolution times are kept, not bucketed).
 */
export interface ReferralStatPeriodDoc {
  _id: string;
  counts: string;
  lastFlushId: string;
}

const ReferralStatPeriodSchema = collectionSchema<ReferralStatPeriodDoc>('referral_stat_periods', {
  _id: required(String),
  counts: { type: String, default: '' },
  lastFlushId: required(String),
});

export type ReferralStatPeriodModel = Model<ReferralStatPeriodDoc>;

export const referralStatPeriodModel = defineModel('ReferralStatPeriod', ReferralStatPeriodSchema);

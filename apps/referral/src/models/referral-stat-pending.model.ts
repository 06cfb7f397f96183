import { collectionSchema, defineModel, required } from '@portal/db';
import type { Model } from 'mongoose';

/**
 * A referral being received and not yet counted in the statistics (`_id` its id), written
 * before the referral and removed once it is counted: a receipt whose writer died, or whose
 * count Redis refused, is counted by the recovery sweep (see ReferralRepository.insert).
 */
export interface ReferralStatPendingDoc {
  _id: string;
  at: Date;
}

const ReferralStatPendingSchema = collectionSchema<ReferralStatPendingDoc>(
  'referral_stat_pending',
  {
    _id: required(String),
    at: required(Date),
  },
);
ReferralStatPendingSchema.index({ at: 1 });

export type ReferralStatPendingModel = Model<ReferralStatPendingDoc>;

export const referralStatPendingModel = defineModel(
  'ReferralStatPending',
  ReferralStatPendingSchema,
);

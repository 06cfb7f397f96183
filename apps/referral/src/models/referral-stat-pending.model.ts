import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A referral being received and not yet counted in the statistics (`_id` its id), written
 * before the referral and removed once it is counted: a receipt whose writer died, or whose
 * count Redis refused, is counted by the recovery sweep (see ReferralRepository.insert).
 */
export interface ReferralStatPendingDoc {
  _id: string;
  at: Date;
}

const ReferralStatPendingSchema = new Schema<ReferralStatPendingDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'referral_stat_pending', versionKey: false },
);
ReferralStatPendingSchema.index({ at: 1 });

export type ReferralStatPendingModel = Model<ReferralStatPendingDoc>;

export function referralStatPendingModel(conn: Connection): ReferralStatPendingModel {
  return modelOn<ReferralStatPendingDoc>(conn, 'ReferralStatPending', ReferralStatPendingSchema);
}

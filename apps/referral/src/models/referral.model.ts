import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  type ReferralSource,
  type ReferralStatus,
} from '../domain/referral-status';
import { ActorSchema, type Actor } from './actor';
import { trackGraphChanges, modelOn } from '@portal/db';

export interface ReferralContact {
  email: string | null;
  name: string | null;
}

/**
 * A referral's current state. After it is inserted, it changes only through
 * ReferralRepository.applyChange, which claims the next `version` in the event log first:
 * FerretDB applies updates as an unlocked read-modify-write, so two writers on one
 * document must never both write.
 */
export interface ReferralDoc {
  _id: Types.ObjectId;
  trackingCode: string;
  source: ReferralSource;
  /** `thread:<id>`, `post:<id>` or `direct:<referral id>`: one referral per thread or post. */
  sourceKey: string;
  threadId: string | null;
  postId: string | null;
  subject: string;
  summary: string;
  referralNote: string | null;
  categoryCode: string;
  categoryName: string;
  targetAgency: string;
  slaHours: number;
  slaDueAt: Date;
  status: ReferralStatus;
  /** The public note of the first history entry (RECEIVED). */
  receivedNote: string | null;
  createdBy: Actor;
  publicResponse: string | null;
  hotlineTicketId: string | null;
  /** 1, then +1 for every manual retry: part of the dispatch job id. */
  dispatchRound: number;
  dispatchError: string | null;
  contact: ReferralContact | null;
  submittedBy: string | null;
  /** Set once by the overdue check, when the agency was reminded. */
  overdueFlaggedAt: Date | null;
  closedAt: Date | null;
  /** The number of events applied (creation is 1). */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ReferralSchema = new Schema<ReferralDoc>(
  {
    trackingCode: { type: String, required: true, unique: true },
    source: { type: String, required: true, enum: REFERRAL_SOURCES },
    sourceKey: { type: String, required: true, unique: true },
    threadId: { type: String, default: null },
    postId: { type: String, default: null },
    subject: { type: String, required: true },
    summary: { type: String, required: true },
    referralNote: { type: String, default: null },
    categoryCode: { type: String, required: true },
    categoryName: { type: String, required: true },
    targetAgency: { type: String, required: true },
    slaHours: { type: Number, required: true },
    slaDueAt: { type: Date, required: true },
    status: { type: String, required: true, enum: REFERRAL_STATUSES },
    receivedNote: { type: String, default: null },
    createdBy: { type: ActorSchema, required: true },
    publicResponse: { type: String, default: null },
    hotlineTicketId: { type: String, default: null },
    dispatchRound: { type: Number, required: true, default: 1 },
    dispatchError: { type: String, default: null },
    contact: {
      type: new Schema<ReferralContact>(
        { email: { type: String, default: null }, name: { type: String, default: null } },
        { _id: false },
      ),
      default: null,
    },
    submittedBy: { type: String, default: null },
    overdueFlaggedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 1 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'referrals', versionKey: false },
);
// Staff lists: newest first, by agency and/or status.
ReferralSchema.index({ createdAt: -1, _id: -1 });
ReferralSchema.index({ targetAgency: 1, createdAt: -1, _id: -1 });
ReferralSchema.index({ status: 1, createdAt: -1, _id: -1 });
// The overdue check and the dispatch sweep.
ReferralSchema.index({ status: 1, slaDueAt: 1 });
// Portal statistics: referrals closed in a period.
ReferralSchema.index({ closedAt: 1 });
// Thread.referral.
ReferralSchema.index({ threadId: 1 });
trackGraphChanges(ReferralSchema, { type: 'Referral' });

export type ReferralModel = Model<ReferralDoc>;

export function referralModel(conn: Connection): ReferralModel {
  return modelOn<ReferralDoc>(conn, 'Referral', ReferralSchema);
}

import type { Model, Types } from 'mongoose';
import {
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  type ReferralSource,
  type ReferralStatus,
} from '../domain/referral-status';
import { ActorSchema, type Actor } from './actor';
import {
  collectionSchema,
  defineModel,
  embeddedSchema,
  nullable,
  required,
  trackGraphChanges,
} from '@portal/db';

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

const ReferralSchema = collectionSchema<ReferralDoc>('referrals', {
  trackingCode: required(String, { unique: true }),
  source: required(String, { enum: REFERRAL_SOURCES }),
  sourceKey: required(String, { unique: true }),
  threadId: nullable(String),
  postId: nullable(String),
  subject: required(String),
  summary: required(String),
  referralNote: nullable(String),
  categoryCode: required(String),
  categoryName: required(String),
  targetAgency: required(String),
  slaHours: required(Number),
  slaDueAt: required(Date),
  status: required(String, { enum: REFERRAL_STATUSES }),
  receivedNote: nullable(String),
  createdBy: required(ActorSchema),
  publicResponse: nullable(String),
  hotlineTicketId: nullable(String),
  dispatchRound: required(Number, { default: 1 }),
  dispatchError: nullable(String),
  contact: nullable(
    embeddedSchema<ReferralContact>({ email: nullable(String), name: nullable(String) }),
  ),
  submittedBy: nullable(String),
  overdueFlaggedAt: nullable(Date),
  closedAt: nullable(Date),
  version: required(Number, { default: 1 }),
  createdAt: required(Date),
  updatedAt: required(Date),
});
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

export const referralModel = defineModel('Referral', ReferralSchema);

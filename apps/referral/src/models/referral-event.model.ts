import { Schema, type Model } from 'mongoose';
import type { QueueName } from '@portal/queue';
import { REFERRAL_STATUSES, type ReferralStatus } from '../domain/referral-status';
import { ActorSchema, type Actor } from './actor';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';

/** A job an event must be followed by; queued through the outbox once the event is applied. */
export interface EventEffect {
  queue: QueueName;
  jobId: string;
  payload: Record<string, unknown>;
}

export type ReferralEventKind =
  /** The status changed, or a progress note was added: a public history entry. */
  | 'STATUS'
  /** The hotline's ticket id was learned after the referral had moved on. */
  | 'TICKET'
  /** The SLA passed and the agency was reminded. */
  | 'OVERDUE';

/**
 * One change of a referral, numbered: `_id` is `<referralId>.<seq>`, so inserting it is
 * the atomic claim of version `seq` (only one writer can win it). It carries the fields it
 * sets (`patch`), so anyone can finish applying it if its writer died, and the jobs that
 * must follow it (`effects`), queued once applied.
 */
// A type alias, not an interface: insertOnce() needs an indexable record type.
export type ReferralEventDoc = {
  _id: string;
  referralId: string;
  seq: number;
  kind: ReferralEventKind;
  /** The status after the event. */
  status: ReferralStatus;
  note: string | null;
  by: Actor;
  at: Date;
  patch: Record<string, unknown>;
  effects: EventEffect[];
  /** Null until every effect has been handed to the outbox and the event counted in the statistics. */
  effectsQueuedAt: Date | null;
};

const ReferralEventSchema = collectionSchema<ReferralEventDoc>(
  'referral_events',
  {
    _id: required(String),
    referralId: required(String),
    seq: required(Number),
    kind: required(String, { enum: ['STATUS', 'TICKET', 'OVERDUE'] }),
    status: required(String, { enum: REFERRAL_STATUSES }),
    note: nullable(String),
    by: required(ActorSchema),
    at: required(Date),
    patch: required(Schema.Types.Mixed),
    effects: { type: Schema.Types.Mixed, default: [] },
    effectsQueuedAt: nullable(Date),
  },
  { minimize: false },
);
ReferralEventSchema.index({ referralId: 1, seq: 1 });
ReferralEventSchema.index({ effectsQueuedAt: 1, at: 1 });
// Portal statistics: hand-overs to the hotline in a period.
ReferralEventSchema.index({ at: 1 });
trackGraphChanges(ReferralEventSchema, {
  type: 'ReferralHistoryEntry',
  parent: { type: 'Referral', idPath: 'referralId', lists: false },
});

export type ReferralEventModel = Model<ReferralEventDoc>;

export const referralEventModel = defineModel('ReferralEvent', ReferralEventSchema);

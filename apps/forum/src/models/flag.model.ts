import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Model, Types } from 'mongoose';
import { FLAG_REASONS, type FlagReason, type TargetKind } from '../domain/forum-types';

/** One document per (target, person): a person flags a piece of content once. */
export interface FlagDoc {
  _id: Types.ObjectId;
  targetId: string;
  targetKind: TargetKind;
  userId: string;
  reason: FlagReason;
  note: string | null;
  /** Set when a moderator decides on the target; reviewed flags leave the queue. */
  reviewed: boolean;
  /**
   * Whether it counts toward automatic hiding: false for flags from new accounts (they still
   * queue the content for a moderator). Absent on flags from before this rule: they count.
   */
  counts?: boolean;
  createdAt: Date;
  reviewedAt: Date | null;
}

const FlagSchema = collectionSchema<FlagDoc>('flags', {
  targetId: required(String),
  targetKind: required(String, { enum: ['THREAD', 'POST'] }),
  userId: required(String),
  reason: required(String, { enum: FLAG_REASONS }),
  note: nullable(String),
  reviewed: required(Boolean, { default: false }),
  counts: { type: Boolean },
  createdAt: required(Date),
  reviewedAt: nullable(Date),
});
FlagSchema.index({ targetId: 1, userId: 1 }, { unique: true });
FlagSchema.index({ targetId: 1, reviewed: 1 });

export type FlagModel = Model<FlagDoc>;

export const flagModel = defineModel('Flag', FlagSchema);

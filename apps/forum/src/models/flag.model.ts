import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
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

const FlagSchema = new Schema<FlagDoc>(
  {
    targetId: { type: String, required: true },
    targetKind: { type: String, enum: ['THREAD', 'POST'], required: true },
    userId: { type: String, required: true },
    reason: { type: String, enum: FLAG_REASONS, required: true },
    note: { type: String, default: null },
    reviewed: { type: Boolean, required: true, default: false },
    counts: { type: Boolean },
    createdAt: { type: Date, required: true },
    reviewedAt: { type: Date, default: null },
  },
  { collection: 'flags', versionKey: false },
);
FlagSchema.index({ targetId: 1, userId: 1 }, { unique: true });
FlagSchema.index({ targetId: 1, reviewed: 1 });

export type FlagModel = Model<FlagDoc>;

export function flagModel(conn: Connection): FlagModel {
  return modelOn<FlagDoc>(conn, 'Flag', FlagSchema);
}

import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';
import type { TargetKind } from '../domain/forum-types';

/** A target in (or once in) the moderation queue; its flag count is counted from the flags. */
export interface ModerationItemDoc {
  /** The target's id: one item per piece of content. */
  _id: string;
  targetKind: TargetKind;
  threadId: string;
  pending: boolean;
  /** When the target (re-)entered the queue; identifies the review round. */
  queuedAt: Date;
  autoHidden: boolean;
  updatedAt: Date;
}

const ModerationItemSchema = new Schema<ModerationItemDoc>(
  {
    _id: { type: String, required: true },
    targetKind: { type: String, enum: ['THREAD', 'POST'], required: true },
    threadId: { type: String, required: true },
    pending: { type: Boolean, required: true },
    queuedAt: { type: Date, required: true },
    autoHidden: { type: Boolean, required: true, default: false },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'moderation_items', versionKey: false },
);
ModerationItemSchema.index({ pending: 1, queuedAt: 1, _id: 1 });

export type ModerationItemModel = Model<ModerationItemDoc>;

export function moderationItemModel(conn: Connection): ModerationItemModel {
  return modelOn<ModerationItemDoc>(conn, 'ModerationItem', ModerationItemSchema);
}

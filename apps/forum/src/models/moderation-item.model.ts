import { collectionSchema, defineModel, required } from '@portal/db';
import type { Model } from 'mongoose';
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

const ModerationItemSchema = collectionSchema<ModerationItemDoc>('moderation_items', {
  _id: required(String),
  targetKind: required(String, { enum: ['THREAD', 'POST'] }),
  threadId: required(String),
  pending: required(Boolean),
  queuedAt: required(Date),
  autoHidden: required(Boolean, { default: false }),
  updatedAt: required(Date),
});
ModerationItemSchema.index({ pending: 1, queuedAt: 1, _id: 1 });

export type ModerationItemModel = Model<ModerationItemDoc>;

export const moderationItemModel = defineModel('ModerationItem', ModerationItemSchema);

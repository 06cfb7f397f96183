import { Schema, type Model, type Types } from 'mongoose';
import { collectionSchema, defineModel, required, trackGraphChanges } from '@portal/db';

/** One document per (thread, person): the unique index makes a vote idempotent on both engines. */
export interface VoteDoc {
  _id: Types.ObjectId;
  threadId: Types.ObjectId;
  userId: string;
  createdAt: Date;
}

const VoteSchema = collectionSchema<VoteDoc>('votes', {
  threadId: required(Schema.Types.ObjectId),
  userId: required(String),
  createdAt: required(Date),
});
VoteSchema.index({ threadId: 1, userId: 1 }, { unique: true });
trackGraphChanges(VoteSchema, {
  type: 'Vote',
  // A vote changes its thread's voteCount (and the most-voted order).
  parent: { type: 'Thread', idPath: 'threadId', lists: true },
});

export type VoteModel = Model<VoteDoc>;

export const voteModel = defineModel('Vote', VoteSchema);

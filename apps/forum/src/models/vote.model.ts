import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { trackGraphChanges, modelOn } from '@portal/db';

/** One document per (thread, person): the unique index makes a vote idempotent on both engines. */
export interface VoteDoc {
  _id: Types.ObjectId;
  threadId: Types.ObjectId;
  userId: string;
  createdAt: Date;
}

const VoteSchema = new Schema<VoteDoc>(
  {
    threadId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'votes', versionKey: false },
);
VoteSchema.index({ threadId: 1, userId: 1 }, { unique: true });
trackGraphChanges(VoteSchema, {
  type: 'Vote',
  // A vote changes its thread's voteCount (and the most-voted order).
  related: (vote) => [
    { type: 'Thread', ids: vote.threadId ? [String(vote.threadId)] : [], lists: true },
  ],
});

export type VoteModel = Model<VoteDoc>;

export function voteModel(conn: Connection): VoteModel {
  return modelOn<VoteDoc>(conn, 'Vote', VoteSchema);
}

import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A person following a thread (authors and repliers by default); `following: false` opts out. */
export interface FollowerDoc {
  _id: Types.ObjectId;
  threadId: Types.ObjectId;
  userId: string;
  following: boolean;
  createdAt: Date;
}

const FollowerSchema = new Schema<FollowerDoc>(
  {
    threadId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    following: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'followers', versionKey: false },
);
FollowerSchema.index({ threadId: 1, userId: 1 }, { unique: true });

export type FollowerModel = Model<FollowerDoc>;

export function followerModel(conn: Connection): FollowerModel {
  return modelOn<FollowerDoc>(conn, 'Follower', FollowerSchema);
}

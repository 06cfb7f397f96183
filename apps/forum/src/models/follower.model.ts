import { collectionSchema, defineModel, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';

/** A person following a thread (authors and repliers by default); `following: false` opts out. */
export interface FollowerDoc {
  _id: Types.ObjectId;
  threadId: Types.ObjectId;
  userId: string;
  following: boolean;
  createdAt: Date;
}

const FollowerSchema = collectionSchema<FollowerDoc>('followers', {
  threadId: required(Schema.Types.ObjectId),
  userId: required(String),
  following: required(Boolean),
  createdAt: required(Date),
});
FollowerSchema.index({ threadId: 1, userId: 1 }, { unique: true });

export type FollowerModel = Model<FollowerDoc>;

export const followerModel = defineModel('Follower', FollowerSchema);

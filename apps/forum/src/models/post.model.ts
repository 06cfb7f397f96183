import { Schema, type Model, type Types } from 'mongoose';
import { VISIBILITIES, type Visibility } from '../domain/forum-types';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';

export interface PostDoc {
  _id: Types.ObjectId;
  threadId: Types.ObjectId;
  authorId: string;
  /** Sanitized HTML. */
  body: string;
  isOfficialAnswer: boolean;
  /** Unit code of the department an official answer speaks for. */
  department: string | null;
  visibility: Visibility;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
}

const PostSchema = collectionSchema<PostDoc>('posts', {
  threadId: required(Schema.Types.ObjectId),
  authorId: required(String),
  body: required(String),
  isOfficialAnswer: required(Boolean, { default: false }),
  department: nullable(String),
  visibility: required(String, { enum: VISIBILITIES }),
  version: required(Number, { default: 1 }),
  createdAt: required(Date),
  editedAt: nullable(Date),
});
PostSchema.index({ threadId: 1, isOfficialAnswer: 1, visibility: 1, createdAt: 1, _id: 1 });
PostSchema.index({ authorId: 1, createdAt: -1 });
trackGraphChanges(PostSchema, {
  type: 'Post',
  // A reply changes its thread's replyCount and activity.
  parent: { type: 'Thread', idPath: 'threadId', lists: true },
});

export type PostModel = Model<PostDoc>;

export const postModel = defineModel('Post', PostSchema);

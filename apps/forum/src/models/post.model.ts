import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { VISIBILITIES, type Visibility } from '../domain/forum-types';
import { trackGraphChanges, modelOn } from '@portal/db';

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

const PostSchema = new Schema<PostDoc>(
  {
    threadId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: String, required: true },
    body: { type: String, required: true },
    isOfficialAnswer: { type: Boolean, required: true, default: false },
    department: { type: String, default: null },
    visibility: { type: String, enum: VISIBILITIES, required: true },
    version: { type: Number, required: true, default: 1 },
    createdAt: { type: Date, required: true },
    editedAt: { type: Date, default: null },
  },
  { collection: 'posts', versionKey: false },
);
PostSchema.index({ threadId: 1, isOfficialAnswer: 1, visibility: 1, createdAt: 1, _id: 1 });
PostSchema.index({ authorId: 1, createdAt: -1 });
trackGraphChanges(PostSchema, {
  type: 'Post',
  // A reply changes its thread's replyCount and activity.
  related: (post) => [
    { type: 'Thread', ids: post.threadId ? [String(post.threadId)] : [], lists: true },
  ],
});

export type PostModel = Model<PostDoc>;

export function postModel(conn: Connection): PostModel {
  return modelOn<PostDoc>(conn, 'Post', PostSchema);
}

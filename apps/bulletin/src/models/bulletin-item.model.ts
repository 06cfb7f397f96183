import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { trackGraphChanges, modelOn } from '@portal/db';

/**
 * One article in an issue. Items are their own documents (not an array in the issue) so
 * two editors adding items at once never overwrite each other: each add is one insert.
 */
export interface BulletinItemRecord {
  _id: Types.ObjectId;
  issueId: Types.ObjectId;
  /** Lower-cased, space-collapsed section title: items with the same key share a section. */
  sectionKey: string;
  sectionTitle: string;
  /** Orders items within a section (ties broken by _id). */
  position: number;
  articleId: string;
  note: string | null;
  /** Set when publishing found the article no longer published; the item is then hidden. */
  droppedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

const BulletinItemSchema = new Schema<BulletinItemRecord>(
  {
    issueId: { type: Schema.Types.ObjectId, required: true },
    sectionKey: { type: String, required: true },
    sectionTitle: { type: String, required: true },
    position: { type: Number, required: true },
    articleId: { type: String, required: true },
    note: { type: String, default: null },
    droppedAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'items', versionKey: false },
);
// An article appears at most once per issue.
BulletinItemSchema.index({ issueId: 1, articleId: 1 }, { unique: true });
BulletinItemSchema.index({ issueId: 1, _id: 1 });
trackGraphChanges(BulletinItemSchema, {
  type: 'BulletinItem',
  related: (item) => [
    { type: 'BulletinIssue', ids: item.issueId ? [String(item.issueId)] : [], lists: false },
  ],
});

export type BulletinItemModel = Model<BulletinItemRecord>;

export function bulletinItemModel(conn: Connection): BulletinItemModel {
  return modelOn<BulletinItemRecord>(conn, 'BulletinItem', BulletinItemSchema);
}

import { Schema, type Model, type Types } from 'mongoose';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';

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

const BulletinItemSchema = collectionSchema<BulletinItemRecord>('items', {
  issueId: required(Schema.Types.ObjectId),
  sectionKey: required(String),
  sectionTitle: required(String),
  position: required(Number),
  articleId: required(String),
  note: nullable(String),
  droppedAt: nullable(Date),
  createdBy: required(String),
  createdAt: required(Date),
});
// An article appears at most once per issue.
BulletinItemSchema.index({ issueId: 1, articleId: 1 }, { unique: true });
BulletinItemSchema.index({ issueId: 1, _id: 1 });
trackGraphChanges(BulletinItemSchema, {
  type: 'BulletinItem',
  parent: { type: 'BulletinIssue', idPath: 'issueId', lists: false },
});

export type BulletinItemModel = Model<BulletinItemRecord>;

export const bulletinItemModel = defineModel('BulletinItem', BulletinItemSchema);

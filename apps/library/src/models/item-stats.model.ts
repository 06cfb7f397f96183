import type { Types } from 'mongoose';
import { collectionSchema, defineModel, required, trackGraphChanges } from '@portal/db';

/**
 * Flushed view and download counts of one item. Kept apart from the item so that only the
 * counter flush ever writes here: FerretDB applies updates as read-modify-write, and a
 * flush racing an editor on the item document could lose the editor's change.
 */
export interface ItemStatsDoc {
  _id: Types.ObjectId;
  downloadCount: number;
  viewCount: number;
  /** The last counter batch added in, so a batch retried after a crash is added once. */
  lastBatchId: string;
  updatedAt: Date;
}

export const ItemStatsSchema = collectionSchema<ItemStatsDoc>('library_item_stats', {
  downloadCount: required(Number, { default: 0 }),
  viewCount: required(Number, { default: 0 }),
  lastBatchId: required(String),
  updatedAt: required(Date),
});
// Stats are kept under the item's id: a flush changes the items' counts.
trackGraphChanges(ItemStatsSchema, { type: 'LibraryItem' });

export const itemStatsModel = defineModel('ItemStats', ItemStatsSchema);

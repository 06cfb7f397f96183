import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { modelOn, trackGraphChanges } from '@portal/db';

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

export const ItemStatsSchema = new Schema<ItemStatsDoc>(
  {
    downloadCount: { type: Number, required: true, default: 0 },
    viewCount: { type: Number, required: true, default: 0 },
    lastBatchId: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'library_item_stats', versionKey: false },
);
// Stats are kept under the item's id: a flush changes the items' counts.
trackGraphChanges(ItemStatsSchema, { type: 'LibraryItem' });

export function itemStatsModel(conn: Connection): Model<ItemStatsDoc> {
  return modelOn<ItemStatsDoc>(conn, 'ItemStats', ItemStatsSchema);
}

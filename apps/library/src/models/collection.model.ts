import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { modelOn, trackGraphChanges } from '@portal/db';

/** A curated collection. Membership and order live on the items (one writer per item document). */
export interface CollectionDoc {
  _id: Types.ObjectId;
  slug: string;
  title: string;
  description: string | null;
  /** Folded title, for alphabetical order. */
  titleKey: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const CollectionSchema = new Schema<CollectionDoc>(
  {
    slug: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    description: { type: String, default: null },
    titleKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'collections', versionKey: false },
);
CollectionSchema.index({ titleKey: 1, _id: 1 });
trackGraphChanges(CollectionSchema, { type: 'Collection' });

export function collectionModel(conn: Connection): Model<CollectionDoc> {
  return modelOn<CollectionDoc>(conn, 'Collection', CollectionSchema);
}

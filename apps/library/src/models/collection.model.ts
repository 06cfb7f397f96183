import type { Types } from 'mongoose';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';

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

export const CollectionSchema = collectionSchema<CollectionDoc>('collections', {
  slug: required(String, { unique: true }),
  title: required(String),
  description: nullable(String),
  titleKey: required(String),
  createdAt: required(Date),
  updatedAt: required(Date),
  version: required(Number),
});
CollectionSchema.index({ titleKey: 1, _id: 1 });
trackGraphChanges(CollectionSchema, { type: 'Collection' });

export const collectionModel = defineModel('Collection', CollectionSchema);

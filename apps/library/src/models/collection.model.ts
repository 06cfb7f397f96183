import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';
import { versionFields, type VersionedRecord } from './versioned-record';

/** A curated collection. Membership and order live on the items (one writer per item document). */
export interface CollectionDoc extends VersionedRecord {
  title: string;
  description: string | null;
  /** Folded title, for alphabetical order. */
  titleKey: string;
}

export const CollectionSchema = collectionSchema<CollectionDoc>('collections', {
  slug: required(String, { unique: true }),
  title: required(String),
  description: nullable(String),
  titleKey: required(String),
  ...versionFields(),
});
CollectionSchema.index({ titleKey: 1, _id: 1 });
trackGraphChanges(CollectionSchema, { type: 'Collection' });

export const collectionModel = defineModel('Collection', CollectionSchema);

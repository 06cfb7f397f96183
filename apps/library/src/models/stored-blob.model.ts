import { collectionSchema, defineModel, required } from '@portal/db';

/**
 * Content in storage, keyed by its SHA-256: inserting it is the claim that makes
 * identical uploads share one stored object (`insertOnce` under the unique `_id`).
 */
export interface StoredBlobDoc {
  _id: string;
  storageKey: string;
  sizeBytes: number;
  mimeType: string;
  createdAt: Date;
}

export const StoredBlobSchema = collectionSchema<StoredBlobDoc>('stored_blobs', {
  _id: required(String),
  storageKey: required(String),
  sizeBytes: required(Number),
  mimeType: required(String),
  createdAt: required(Date),
});

export const storedBlobModel = defineModel('StoredBlob', StoredBlobSchema);

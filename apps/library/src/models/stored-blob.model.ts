import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

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

export const StoredBlobSchema = new Schema<StoredBlobDoc>(
  {
    _id: { type: String, required: true },
    storageKey: { type: String, required: true },
    sizeBytes: { type: Number, required: true },
    mimeType: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'stored_blobs', versionKey: false },
);

export function storedBlobModel(conn: Connection): Model<StoredBlobDoc> {
  return modelOn<StoredBlobDoc>(conn, 'StoredBlob', StoredBlobSchema);
}

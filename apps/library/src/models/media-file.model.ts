import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { PersonRef } from './library-item.model';
import { modelOn, personRefSchema, trackGraphChanges } from '@portal/db';

/**
 * One upload: its own name and uploader, pointing (by hash) at content that is stored
 * once however many times it is uploaded.
 */
export interface MediaFileDoc {
  _id: Types.ObjectId;
  sha256: string;
  sizeBytes: number;
  /** Canonical type detected from the content. */
  mimeType: string;
  ext: string;
  originalName: string;
  uploadedBy: PersonRef;
  createdAt: Date;
}

export const MediaFileSchema = new Schema<MediaFileDoc>(
  {
    sha256: { type: String, required: true },
    sizeBytes: { type: Number, required: true },
    mimeType: { type: String, required: true },
    ext: { type: String, required: true },
    originalName: { type: String, required: true },
    uploadedBy: { type: personRefSchema(), required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'media_files', versionKey: false },
);
MediaFileSchema.index({ sha256: 1 });
MediaFileSchema.index({ 'uploadedBy.id': 1, createdAt: -1 });
trackGraphChanges(MediaFileSchema, { type: 'MediaFile', listPaths: [] });

export function mediaFileModel(conn: Connection): Model<MediaFileDoc> {
  return modelOn<MediaFileDoc>(conn, 'MediaFile', MediaFileSchema);
}

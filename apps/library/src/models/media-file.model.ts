import type { Types } from 'mongoose';
import type { PersonRef } from './library-item.model';
import {
  collectionSchema,
  defineModel,
  personRefSchema,
  required,
  trackGraphChanges,
} from '@portal/db';

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

export const MediaFileSchema = collectionSchema<MediaFileDoc>('media_files', {
  sha256: required(String),
  sizeBytes: required(Number),
  mimeType: required(String),
  ext: required(String),
  originalName: required(String),
  uploadedBy: required(personRefSchema()),
  createdAt: required(Date),
});
MediaFileSchema.index({ sha256: 1 });
MediaFileSchema.index({ 'uploadedBy.id': 1, createdAt: -1 });
trackGraphChanges(MediaFileSchema, { type: 'MediaFile', listPaths: [] });

export const mediaFileModel = defineModel('MediaFile', MediaFileSchema);

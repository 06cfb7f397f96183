import { collectionSchema, defineModel, required } from '@portal/db';
import type { Model } from 'mongoose';

/**
 * A claim on "this person said these words here recently", for duplicate-post detection.
 * FerretDB has no TTL indexes: expired claims are ignored and cleaned up by a periodic job.
 */
export interface PostFingerprintDoc {
  /** author, scope (thread id or "threads") and content fingerprint. */
  _id: string;
  expiresAt: Date;
}

const PostFingerprintSchema = collectionSchema<PostFingerprintDoc>('post_fingerprints', {
  _id: required(String),
  expiresAt: required(Date),
});
PostFingerprintSchema.index({ expiresAt: 1 });

export type PostFingerprintModel = Model<PostFingerprintDoc>;

export const postFingerprintModel = defineModel('PostFingerprint', PostFingerprintSchema);

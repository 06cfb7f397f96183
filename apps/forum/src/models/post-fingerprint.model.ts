import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A claim on "this person said these words here recently", for duplicate-post detection.
 * FerretDB has no TTL indexes: expired claims are ignored and cleaned up by a periodic job.
 */
export interface PostFingerprintDoc {
  /** author, scope (thread id or "threads") and content fingerprint. */
  _id: string;
  expiresAt: Date;
}

const PostFingerprintSchema = new Schema<PostFingerprintDoc>(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'post_fingerprints', versionKey: false },
);
PostFingerprintSchema.index({ expiresAt: 1 });

export type PostFingerprintModel = Model<PostFingerprintDoc>;

export function postFingerprintModel(conn: Connection): PostFingerprintModel {
  return modelOn<PostFingerprintDoc>(conn, 'PostFingerprint', PostFingerprintSchema);
}

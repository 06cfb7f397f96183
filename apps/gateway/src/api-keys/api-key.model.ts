import { modelOn } from '@portal/db';
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const apiKeySchema = new Schema(
  {
    /** The partner agency, as shown in `apikey list`. */
    name: { type: String, required: true, trim: true, minlength: 1, maxlength: 120 },
    /** SHA-256 of the key; the key itself is shown once and never stored. */
    keyHash: { type: String, required: true, unique: true },
    /** The first characters of the key, so people can tell their keys apart. */
    keyPrefix: { type: String, required: true },
    scopes: { type: [String], required: true },
    tier: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
  },
  { collection: 'api_keys', versionKey: false },
);
apiKeySchema.index({ createdAt: -1 });

export type ApiKeyDoc = InferSchemaType<typeof apiKeySchema>;
export type ApiKeyModel = Model<ApiKeyDoc>;

export function apiKeyModel(conn: Connection): ApiKeyModel {
  return modelOn(conn, 'ApiKey', apiKeySchema);
}

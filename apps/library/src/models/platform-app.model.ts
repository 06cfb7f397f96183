import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { AUDIENCES } from '../domain/library-item';
import { PLATFORM_APP_CATEGORIES, type PlatformAppFields } from '../domain/platform-app-input';
import { modelOn, trackGraphChanges } from '@portal/db';

export interface PlatformAppDoc extends PlatformAppFields {
  _id: Types.ObjectId;
  slug: string;
  /** Folded name, for alphabetical order. */
  nameKey: string;
  searchTokens: string[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const PlatformAppSchema = new Schema<PlatformAppDoc>(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, required: true },
    url: { type: String, required: true },
    androidUrl: { type: String, default: null },
    iosUrl: { type: String, default: null },
    ownerAgency: { type: String, required: true },
    ownerUnitCode: { type: String, default: null },
    category: { type: String, required: true, enum: PLATFORM_APP_CATEGORIES },
    audience: { type: [String], enum: AUDIENCES, default: [] },
    nameKey: { type: String, required: true },
    searchTokens: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'platform_apps', versionKey: false },
);
PlatformAppSchema.index({ nameKey: 1, _id: 1 });
PlatformAppSchema.index({ category: 1, nameKey: 1, _id: 1 });
PlatformAppSchema.index({ searchTokens: 1 });
trackGraphChanges(PlatformAppSchema, { type: 'PlatformApp' });

export function platformAppModel(conn: Connection): Model<PlatformAppDoc> {
  return modelOn<PlatformAppDoc>(conn, 'PlatformApp', PlatformAppSchema);
}

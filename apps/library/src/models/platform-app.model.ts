import { AUDIENCES } from '../domain/library-item';
import { PLATFORM_APP_CATEGORIES, type PlatformAppFields } from '../domain/platform-app-input';
import {
  collectionSchema,
  defineModel,
  list,
  nullable,
  required,
  trackGraphChanges,
} from '@portal/db';
import { versionFields, type VersionedRecord } from './versioned-record';

export interface PlatformAppDoc extends PlatformAppFields, VersionedRecord {
  /** Folded name, for alphabetical order. */
  nameKey: string;
  searchTokens: string[];
}

export const PlatformAppSchema = collectionSchema<PlatformAppDoc>('platform_apps', {
  slug: required(String, { unique: true }),
  name: required(String),
  description: required(String),
  url: required(String),
  androidUrl: nullable(String),
  iosUrl: nullable(String),
  ownerAgency: required(String),
  ownerUnitCode: nullable(String),
  category: required(String, { enum: PLATFORM_APP_CATEGORIES }),
  audience: list(String, { enum: AUDIENCES }),
  nameKey: required(String),
  searchTokens: list(String),
  ...versionFields(),
});
PlatformAppSchema.index({ nameKey: 1, _id: 1 });
PlatformAppSchema.index({ category: 1, nameKey: 1, _id: 1 });
PlatformAppSchema.index({ searchTokens: 1 });
trackGraphChanges(PlatformAppSchema, { type: 'PlatformApp' });

export const platformAppModel = defineModel('PlatformApp', PlatformAppSchema);

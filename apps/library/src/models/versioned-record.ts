import type { Types } from 'mongoose';
import { required } from '@portal/db';

/**
 * What every record editors write has (items, collections, apps, showcase entries): a unique
 * slug, when it was created and last updated, and the version editors pass back as
 * `expectedVersion` (services/versioned-records.ts keeps them).
 */
export interface VersionedRecord {
  _id: Types.ObjectId;
  slug: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** The schema fields of a versioned record's dates and version, its last fields. */
export function versionFields() {
  return { createdAt: required(Date), updatedAt: required(Date), version: required(Number) };
}

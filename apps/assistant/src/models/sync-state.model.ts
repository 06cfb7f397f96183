import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Model } from 'mongoose';

/** Where the catalog sync stands: it resumes from `cursor` after a failure or a restart. */
export interface SyncStateDoc {
  /** `ckan`. */
  _id: string;
  /** The largest metadata_modified fully synced; the next run asks for datasets from it on. */
  cursor: Date | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  /** The run that holds the sync (one at a time across workers), and until when. */
  leaseToken: string | null;
  leaseUntil: Date | null;
}

const SyncStateSchema = collectionSchema<SyncStateDoc>('sync_state', {
  _id: required(String),
  cursor: nullable(Date),
  lastRunAt: nullable(Date),
  lastSuccessAt: nullable(Date),
  lastError: nullable(String),
  leaseToken: nullable(String),
  leaseUntil: nullable(Date),
});

export type SyncStateModel = Model<SyncStateDoc>;

export const syncStateModel = defineModel('SyncState', SyncStateSchema);

import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

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

const SyncStateSchema = new Schema<SyncStateDoc>(
  {
    _id: { type: String, required: true },
    cursor: { type: Date, default: null },
    lastRunAt: { type: Date, default: null },
    lastSuccessAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    leaseToken: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
  },
  { collection: 'sync_state', versionKey: false },
);

export type SyncStateModel = Model<SyncStateDoc>;

export function syncStateModel(conn: Connection): SyncStateModel {
  return modelOn<SyncStateDoc>(conn, 'SyncState', SyncStateSchema);
}

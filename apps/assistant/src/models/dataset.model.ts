import { Schema, type Connection, type Model } from 'mongoose';
import { modelOn, trackGraphChanges } from '@portal/db';

/** A dataset of the open-data portal as last synced (the portal's id is ours). */
export interface DatasetDoc {
  /** The CKAN package id. */
  _id: string;
  name: string;
  title: string;
  description: string | null;
  licence: { id: string; title: string; url: string | null } | null;
  publisher: { name: string; title: string } | null;
  updateFrequency: string | null;
  formats: string[];
  tags: string[];
  /** Folded tags, for accent-insensitive tag filters. */
  tagKeys: string[];
  groups: string[];
  searchTokens: string[];
  titleTokens: string[];
  /** The portal's metadata_modified. */
  modifiedAt: Date;
  syncedAt: Date;
  /** Set when the dataset left the portal; it is no longer shown or cited. */
  removedAt: Date | null;
}

const DatasetSchema = new Schema<DatasetDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: null },
    licence: { type: Schema.Types.Mixed, default: null },
    publisher: { type: Schema.Types.Mixed, default: null },
    updateFrequency: { type: String, default: null },
    formats: { type: [String], default: [] },
    tags: { type: [String], default: [] },
    tagKeys: { type: [String], default: [] },
    groups: { type: [String], default: [] },
    searchTokens: { type: [String], default: [] },
    titleTokens: { type: [String], default: [] },
    modifiedAt: { type: Date, required: true },
    syncedAt: { type: Date, required: true },
    removedAt: { type: Date, default: null },
  },
  { collection: 'datasets', versionKey: false },
);
DatasetSchema.index({ name: 1 }, { unique: true });
DatasetSchema.index({ removedAt: 1, modifiedAt: -1, _id: -1 });
DatasetSchema.index({ searchTokens: 1 });
DatasetSchema.index({ tagKeys: 1 });
DatasetSchema.index({ 'publisher.name': 1 });
trackGraphChanges(DatasetSchema, { type: 'Dataset' });

export type DatasetModel = Model<DatasetDoc>;

export function datasetModel(conn: Connection): DatasetModel {
  return modelOn<DatasetDoc>(conn, 'Dataset', DatasetSchema);
}

import { Schema, type Model } from 'mongoose';
import {
  collectionSchema,
  defineModel,
  list,
  nullable,
  required,
  trackGraphChanges,
} from '@portal/db';

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

const DatasetSchema = collectionSchema<DatasetDoc>('datasets', {
  _id: required(String),
  name: required(String),
  title: required(String),
  description: nullable(String),
  licence: nullable(Schema.Types.Mixed),
  publisher: nullable(Schema.Types.Mixed),
  updateFrequency: nullable(String),
  formats: list(String),
  tags: list(String),
  tagKeys: list(String),
  groups: list(String),
  searchTokens: list(String),
  titleTokens: list(String),
  modifiedAt: required(Date),
  syncedAt: required(Date),
  removedAt: nullable(Date),
});
DatasetSchema.index({ name: 1 }, { unique: true });
DatasetSchema.index({ removedAt: 1, modifiedAt: -1, _id: -1 });
DatasetSchema.index({ searchTokens: 1 });
DatasetSchema.index({ tagKeys: 1 });
DatasetSchema.index({ 'publisher.name': 1 });
trackGraphChanges(DatasetSchema, { type: 'Dataset' });

export type DatasetModel = Model<DatasetDoc>;

export const datasetModel = defineModel('Dataset', DatasetSchema);

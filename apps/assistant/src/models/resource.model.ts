import { Schema, type Model } from 'mongoose';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';

export type PreviewStatus = 'PENDING' | 'READY' | 'UNSUPPORTED' | 'UNREADABLE';

export interface PreviewColumn {
  name: string;
  type: 'INTEGER' | 'NUMBER' | 'BOOLEAN' | 'DATE' | 'STRING';
}

export interface ResourcePreview {
  status: PreviewStatus;
  message: string | null;
  columns: PreviewColumn[];
  /** Each row a JSON array of strings (FerretDB stores no nested arrays). */
  rows: string[];
  truncated: boolean;
  /** How many rows were kept for tabular answers (see TableRow). */
  tableRows: number;
  /** The resource version the preview was read from. */
  fingerprint: string | null;
  previewedAt: Date | null;
}

/** A file of a dataset; its preview is refreshed when its fingerprint changes. */
export interface ResourceDoc {
  /** The CKAN resource id. */
  _id: string;
  datasetId: string;
  position: number;
  name: string;
  description: string | null;
  format: string;
  url: string;
  sizeBytes: number | null;
  modifiedAt: Date | null;
  /** url + size + last_modified: a change means the file changed. */
  fingerprint: string;
  preview: ResourcePreview;
  removedAt: Date | null;
}

const ResourceSchema = collectionSchema<ResourceDoc>('resources', {
  _id: required(String),
  datasetId: required(String),
  position: required(Number),
  name: required(String),
  description: nullable(String),
  format: required(String),
  url: required(String),
  sizeBytes: nullable(Number),
  modifiedAt: nullable(Date),
  fingerprint: required(String),
  preview: required(Schema.Types.Mixed),
  removedAt: nullable(Date),
});
ResourceSchema.index({ datasetId: 1, position: 1 });
// A resource shows on its dataset's page: its changes are the dataset's.
trackGraphChanges(ResourceSchema, {
  type: 'Resource',
  listPaths: [],
  parent: { type: 'Dataset', idPath: 'datasetId', lists: false },
});

export type ResourceModel = Model<ResourceDoc>;

export const resourceModel = defineModel('Resource', ResourceSchema);

export const PENDING_PREVIEW: ResourcePreview = {
  status: 'PENDING',
  message: null,
  columns: [],
  rows: [],
  truncated: false,
  tableRows: 0,
  fingerprint: null,
  previewedAt: null,
};

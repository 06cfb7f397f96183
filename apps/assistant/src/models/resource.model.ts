import { Schema, type Connection, type Model } from 'mongoose';
import { modelOn, trackGraphChanges } from '@portal/db';

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

const ResourceSchema = new Schema<ResourceDoc>(
  {
    _id: { type: String, required: true },
    datasetId: { type: String, required: true },
    position: { type: Number, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    format: { type: String, required: true },
    url: { type: String, required: true },
    sizeBytes: { type: Number, default: null },
    modifiedAt: { type: Date, default: null },
    fingerprint: { type: String, required: true },
    preview: { type: Schema.Types.Mixed, required: true },
    removedAt: { type: Date, default: null },
  },
  { collection: 'resources', versionKey: false },
);
ResourceSchema.index({ datasetId: 1, position: 1 });
// A resource shows on its dataset's page: its changes are the dataset's.
trackGraphChanges(ResourceSchema, {
  type: 'Resource',
  listPaths: [],
  related: (r) => [
    { type: 'Dataset', ids: r.datasetId ? [String(r.datasetId)] : [], lists: false },
  ],
});

export type ResourceModel = Model<ResourceDoc>;

export function resourceModel(conn: Connection): ResourceModel {
  return modelOn<ResourceDoc>(conn, 'Resource', ResourceSchema);
}

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

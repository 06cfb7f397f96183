import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One row of a tabular resource, kept (up to a limit) so that count and list questions are
 * answered from the data. Rows of an older file version are replaced as a whole.
 */
export interface TableRowDoc {
  /** `<resourceId>:<fingerprint>:<n>`. */
  _id: string;
  resourceId: string;
  fingerprint: string;
  n: number;
  values: string[];
}

const TableRowSchema = new Schema<TableRowDoc>(
  {
    _id: { type: String, required: true },
    resourceId: { type: String, required: true },
    fingerprint: { type: String, required: true },
    n: { type: Number, required: true },
    values: { type: [String], default: [] },
  },
  { collection: 'table_rows', versionKey: false },
);
TableRowSchema.index({ resourceId: 1, fingerprint: 1, n: 1 });

export type TableRowModel = Model<TableRowDoc>;

export function tableRowModel(conn: Connection): TableRowModel {
  return modelOn<TableRowDoc>(conn, 'TableRow', TableRowSchema);
}

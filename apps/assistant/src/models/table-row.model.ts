import { collectionSchema, defineModel, list, required } from '@portal/db';
import type { Model } from 'mongoose';

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

const TableRowSchema = collectionSchema<TableRowDoc>('table_rows', {
  _id: required(String),
  resourceId: required(String),
  fingerprint: required(String),
  n: required(Number),
  values: list(String),
});
TableRowSchema.index({ resourceId: 1, fingerprint: 1, n: 1 });

export type TableRowModel = Model<TableRowDoc>;

export const tableRowModel = defineModel('TableRow', TableRowSchema);

import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One recipient batch of an issue's notification fan-out, recorded before its job is
 * enqueued. A re-run re-sends the same range under the same job id instead of cutting
 * new batches, so nobody is skipped or mailed twice when subscribers change meanwhile.
 */
export interface FanoutBatchRecord {
  /** `<issueId>.<index>`: the unique claim on the batch. */
  _id: string;
  issueId: string;
  index: number;
  /** The batch holds confirmed subscribers with afterId < _id <= lastId (hex ObjectIds). */
  afterId: string | null;
  lastId: string;
  createdAt: Date;
}

const FanoutBatchSchema = new Schema<FanoutBatchRecord>(
  {
    _id: { type: String, required: true },
    issueId: { type: String, required: true },
    index: { type: Number, required: true },
    afterId: { type: String, default: null },
    lastId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'fanout_batches', versionKey: false },
);
FanoutBatchSchema.index({ issueId: 1, index: 1 }, { unique: true });

export type FanoutBatchModel = Model<FanoutBatchRecord>;

export function fanoutBatchModel(conn: Connection): FanoutBatchModel {
  return modelOn<FanoutBatchRecord>(conn, 'FanoutBatch', FanoutBatchSchema);
}

import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Model } from 'mongoose';

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

const FanoutBatchSchema = collectionSchema<FanoutBatchRecord>('fanout_batches', {
  _id: required(String),
  issueId: required(String),
  index: required(Number),
  afterId: nullable(String),
  lastId: required(String),
  createdAt: required(Date),
});
FanoutBatchSchema.index({ issueId: 1, index: 1 }, { unique: true });

export type FanoutBatchModel = Model<FanoutBatchRecord>;

export const fanoutBatchModel = defineModel('FanoutBatch', FanoutBatchSchema);

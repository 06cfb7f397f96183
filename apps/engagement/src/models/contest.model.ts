import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Criterion, Round } from '../domain/contest-rules';

export interface ContestDoc {
  _id: Types.ObjectId;
  title: string;
  description: string | null;
  rules: string;
  eligibility: string;
  rounds: Round[];
  criteria: Criterion[];
  prizes: { rank: number; title: string; description: string | null }[];
  /** Person ids of the judges (assigned by editors). */
  judgeIds: string[];
  status: 'DRAFT' | 'PUBLISHED';
  /** Set when editors publish the results: scores and winners become public. */
  resultsPublishedAt: Date | null;
  winners: { entryId: Types.ObjectId; rank: number }[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const ContestSchema = new Schema<ContestDoc>(
  {
    title: { type: String, required: true },
    description: { type: String, default: null },
    rules: { type: String, required: true },
    eligibility: { type: String, required: true },
    rounds: { type: Schema.Types.Mixed, required: true },
    criteria: { type: Schema.Types.Mixed, default: [] },
    prizes: { type: Schema.Types.Mixed, default: [] },
    judgeIds: { type: [String], default: [] },
    status: { type: String, required: true },
    resultsPublishedAt: { type: Date, default: null },
    winners: { type: Schema.Types.Mixed, default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contests', versionKey: false },
);
ContestSchema.index({ status: 1, createdAt: -1, _id: -1 });

export type ContestModel = Model<ContestDoc>;

export function contestModel(conn: Connection): ContestModel {
  return modelOn<ContestDoc>(conn, 'Contest', ContestSchema);
}

import { collectionSchema, defineModel, list, nullable, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';
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

const ContestSchema = collectionSchema<ContestDoc>('contests', {
  title: required(String),
  description: nullable(String),
  rules: required(String),
  eligibility: required(String),
  rounds: required(Schema.Types.Mixed),
  criteria: { type: Schema.Types.Mixed, default: [] },
  prizes: { type: Schema.Types.Mixed, default: [] },
  judgeIds: list(String),
  status: required(String),
  resultsPublishedAt: nullable(Date),
  winners: { type: Schema.Types.Mixed, default: [] },
  createdBy: required(String),
  createdAt: required(Date),
  updatedAt: required(Date),
});
ContestSchema.index({ status: 1, createdAt: -1, _id: -1 });

export type ContestModel = Model<ContestDoc>;

export const contestModel = defineModel('Contest', ContestSchema);

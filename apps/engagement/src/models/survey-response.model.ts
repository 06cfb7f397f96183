import { collectionSchema, defineModel, list, nullable, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';
import type { Answer } from '../domain/survey-types';

/**
 * A submitted response. The unique (survey, respondent key) index is what makes "answer
 * once" hold under concurrency; counts are derived from these documents, never kept apart.
 */
export interface SurveyResponseDoc {
  _id: Types.ObjectId;
  surveyId: Types.ObjectId;
  respondentKey: string;
  /** Named surveys only. */
  userId: string | null;
  displayName: string | null;
  unit: string | null;
  answers: Answer[];
  /** Keys counted for results (see domain `tallyKeys`). */
  tally: string[];
  /** The same keys prefixed with the unit (`SO-TTTT|q1=q1-o2`), for per-unit results. */
  unitTally: string[];
  submittedAt: Date;
}

const SurveyResponseSchema = collectionSchema<SurveyResponseDoc>('survey_responses', {
  surveyId: required(Schema.Types.ObjectId),
  respondentKey: required(String),
  userId: nullable(String),
  displayName: nullable(String),
  unit: nullable(String),
  answers: required(Schema.Types.Mixed),
  tally: list(String),
  unitTally: list(String),
  submittedAt: required(Date),
});
SurveyResponseSchema.index({ surveyId: 1, respondentKey: 1 }, { unique: true });
SurveyResponseSchema.index({ surveyId: 1, submittedAt: 1, _id: 1 });

export type SurveyResponseModel = Model<SurveyResponseDoc>;

export const surveyResponseModel = defineModel('SurveyResponse', SurveyResponseSchema);

import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
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

const SurveyResponseSchema = new Schema<SurveyResponseDoc>(
  {
    surveyId: { type: Schema.Types.ObjectId, required: true },
    respondentKey: { type: String, required: true },
    userId: { type: String, default: null },
    displayName: { type: String, default: null },
    unit: { type: String, default: null },
    answers: { type: Schema.Types.Mixed, required: true },
    tally: { type: [String], default: [] },
    unitTally: { type: [String], default: [] },
    submittedAt: { type: Date, required: true },
  },
  { collection: 'survey_responses', versionKey: false },
);
SurveyResponseSchema.index({ surveyId: 1, respondentKey: 1 }, { unique: true });
SurveyResponseSchema.index({ surveyId: 1, submittedAt: 1, _id: 1 });

export type SurveyResponseModel = Model<SurveyResponseDoc>;

export function surveyResponseModel(conn: Connection): SurveyResponseModel {
  return modelOn<SurveyResponseDoc>(conn, 'SurveyResponse', SurveyResponseSchema);
}

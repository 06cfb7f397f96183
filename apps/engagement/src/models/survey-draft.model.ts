import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Answer } from '../domain/survey-types';

/** A person's unfinished answers, one per (survey, respondent): the `_id` is that pair. */
export interface SurveyDraftDoc {
  _id: string;
  surveyId: Types.ObjectId;
  answers: Answer[];
  updatedAt: Date;
}

const SurveyDraftSchema = new Schema<SurveyDraftDoc>(
  {
    _id: { type: String, required: true },
    surveyId: { type: Schema.Types.ObjectId, required: true },
    answers: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'survey_drafts', versionKey: false },
);
SurveyDraftSchema.index({ surveyId: 1 });

export type SurveyDraftModel = Model<SurveyDraftDoc>;

export function surveyDraftModel(conn: Connection): SurveyDraftModel {
  return modelOn<SurveyDraftDoc>(conn, 'SurveyDraft', SurveyDraftSchema);
}

export function draftId(surveyId: string, respondentKey: string): string {
  return `${surveyId}/${respondentKey}`;
}

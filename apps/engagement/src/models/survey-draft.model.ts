import { collectionSchema, defineModel, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';
import type { Answer } from '../domain/survey-types';

/** A person's unfinished answers, one per (survey, respondent): the `_id` is that pair. */
export interface SurveyDraftDoc {
  _id: string;
  surveyId: Types.ObjectId;
  answers: Answer[];
  updatedAt: Date;
}

const SurveyDraftSchema = collectionSchema<SurveyDraftDoc>('survey_drafts', {
  _id: required(String),
  surveyId: required(Schema.Types.ObjectId),
  answers: required(Schema.Types.Mixed),
  updatedAt: required(Date),
});
SurveyDraftSchema.index({ surveyId: 1 });

export type SurveyDraftModel = Model<SurveyDraftDoc>;

export const surveyDraftModel = defineModel('SurveyDraft', SurveyDraftSchema);

export function draftId(surveyId: string, respondentKey: string): string {
  return `${surveyId}/${respondentKey}`;
}

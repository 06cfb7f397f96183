import { collectionSchema, defineModel, list, nullable, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';
import type { SurveyContent } from '../domain/survey-types';

/** A survey or poll. Its content is replaced as a whole while it is a draft, then frozen. */
export interface SurveyDoc extends SurveyContent {
  _id: Types.ObjectId;
  /** Closed early by an editor. */
  closedAt: Date | null;
  publishedAt: Date | null;
  /** `ARTICLE:<id>` or `THREAD:<id>` for the content lookup; null when not attached. */
  attachedKey: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const SurveySchema = collectionSchema<SurveyDoc>('surveys', {
  kind: required(String),
  title: required(String),
  description: nullable(String),
  opensAt: nullable(Date),
  closesAt: nullable(Date),
  closedAt: nullable(Date),
  publishedAt: nullable(Date),
  audience: required(String),
  audienceUnits: list(String),
  anonymous: required(Boolean),
  resultsVisibility: required(String),
  sections: required(Schema.Types.Mixed),
  attachedTo: nullable(Schema.Types.Mixed),
  attachedKey: nullable(String),
  createdBy: required(String),
  createdAt: required(Date),
  updatedAt: required(Date),
  version: required(Number),
});
SurveySchema.index({ publishedAt: -1, _id: -1 });
SurveySchema.index({ createdAt: -1, _id: -1 });
SurveySchema.index({ attachedKey: 1, publishedAt: -1 });

export type SurveyModel = Model<SurveyDoc>;

export const surveyModel = defineModel('Survey', SurveySchema);

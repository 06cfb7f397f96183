import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
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

const SurveySchema = new Schema<SurveyDoc>(
  {
    kind: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: null },
    opensAt: { type: Date, default: null },
    closesAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    audience: { type: String, required: true },
    audienceUnits: { type: [String], default: [] },
    anonymous: { type: Boolean, required: true },
    resultsVisibility: { type: String, required: true },
    sections: { type: Schema.Types.Mixed, required: true },
    attachedTo: { type: Schema.Types.Mixed, default: null },
    attachedKey: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'surveys', versionKey: false },
);
SurveySchema.index({ publishedAt: -1, _id: -1 });
SurveySchema.index({ createdAt: -1, _id: -1 });
SurveySchema.index({ attachedKey: 1, publishedAt: -1 });

export type SurveyModel = Model<SurveyDoc>;

export function surveyModel(conn: Connection): SurveyModel {
  return modelOn<SurveyDoc>(conn, 'Survey', SurveySchema);
}

import { collectionSchema, defineModel, required } from '@portal/db';
import { Schema, type Model } from 'mongoose';
import type { LibraryEvent } from '@portal/queue';

/**
 * A contest entry promoted to the library's showcase: `_id` is the entry id, so the
 * claim is one `insertOne` and an entry is promoted once. It keeps the job handed to the
 * library (with the showcase entry id chosen here), so asking again hands over the same one.
 */
export interface ContestPromotionDoc {
  _id: string;
  contestId: string;
  showcaseEntryId: string;
  payload: LibraryEvent;
  promotedBy: string;
  promotedAt: Date;
}

const ContestPromotionSchema = collectionSchema<ContestPromotionDoc>('contest_promotions', {
  _id: required(String),
  contestId: required(String),
  showcaseEntryId: required(String),
  payload: required(Schema.Types.Mixed),
  promotedBy: required(String),
  promotedAt: required(Date),
});

export type ContestPromotionModel = Model<ContestPromotionDoc>;

export const contestPromotionModel = defineModel('ContestPromotion', ContestPromotionSchema);

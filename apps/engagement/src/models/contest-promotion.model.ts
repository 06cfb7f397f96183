import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';
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

const ContestPromotionSchema = new Schema<ContestPromotionDoc>(
  {
    _id: { type: String, required: true },
    contestId: { type: String, required: true },
    showcaseEntryId: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    promotedBy: { type: String, required: true },
    promotedAt: { type: Date, required: true },
  },
  { collection: 'contest_promotions', versionKey: false },
);

export type ContestPromotionModel = Model<ContestPromotionDoc>;

export function contestPromotionModel(conn: Connection): ContestPromotionModel {
  return modelOn<ContestPromotionDoc>(conn, 'ContestPromotion', ContestPromotionSchema);
}

import { Schema, type Connection, type Model } from 'mongoose';
import { trackGraphChanges, modelOn } from '@portal/db';

/** A hotline category and its routing rule; `_id` is the code. */
// A type alias, not an interface: insertOnce() needs an indexable record type.
export type HotlineCategoryDoc = {
  _id: string;
  name: string;
  targetAgency: string;
  slaHours: number;
  active: boolean;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
};

const HotlineCategorySchema = new Schema<HotlineCategoryDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    targetAgency: { type: String, required: true },
    slaHours: { type: Number, required: true },
    active: { type: Boolean, required: true, default: true },
    version: { type: Number, required: true, default: 1 },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, default: null },
  },
  { collection: 'hotline_categories', versionKey: false },
);
trackGraphChanges(HotlineCategorySchema, { type: 'HotlineCategory' });

export type HotlineCategoryModel = Model<HotlineCategoryDoc>;

export function hotlineCategoryModel(conn: Connection): HotlineCategoryModel {
  return modelOn<HotlineCategoryDoc>(conn, 'HotlineCategory', HotlineCategorySchema);
}

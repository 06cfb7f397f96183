import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One edit of a hotline category's routing rule: who sent such feedback where, from when.
 * `_id` is `<code>.<version>`, so inserting it claims that version (two admins saving at
 * once cannot both win), and the revisions are the audit trail of routing changes.
 */
// A type alias, not an interface: insertOnce() needs an indexable record type.
export type CategoryRevisionDoc = {
  _id: string;
  code: string;
  version: number;
  name: string;
  targetAgency: string;
  slaHours: number;
  active: boolean;
  at: Date;
  by: string | null;
};

const CategoryRevisionSchema = new Schema<CategoryRevisionDoc>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    targetAgency: { type: String, required: true },
    slaHours: { type: Number, required: true },
    active: { type: Boolean, required: true },
    at: { type: Date, required: true },
    by: { type: String, default: null },
  },
  { collection: 'hotline_category_revisions', versionKey: false },
);
CategoryRevisionSchema.index({ code: 1, version: 1 });

export type CategoryRevisionModel = Model<CategoryRevisionDoc>;

export function categoryRevisionModel(conn: Connection): CategoryRevisionModel {
  return modelOn<CategoryRevisionDoc>(conn, 'CategoryRevision', CategoryRevisionSchema);
}

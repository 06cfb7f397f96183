import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Model } from 'mongoose';

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

const CategoryRevisionSchema = collectionSchema<CategoryRevisionDoc>('hotline_category_revisions', {
  _id: required(String),
  code: required(String),
  version: required(Number),
  name: required(String),
  targetAgency: required(String),
  slaHours: required(Number),
  active: required(Boolean),
  at: required(Date),
  by: nullable(String),
});
CategoryRevisionSchema.index({ code: 1, version: 1 });

export type CategoryRevisionModel = Model<CategoryRevisionDoc>;

export const categoryRevisionModel = defineModel('CategoryRevision', CategoryRevisionSchema);

import type { Model } from 'mongoose';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';

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

const HotlineCategorySchema = collectionSchema<HotlineCategoryDoc>('hotline_categories', {
  _id: required(String),
  name: required(String),
  targetAgency: required(String),
  slaHours: required(Number),
  active: required(Boolean, { default: true }),
  version: required(Number, { default: 1 }),
  updatedAt: required(Date),
  updatedBy: nullable(String),
});
trackGraphChanges(HotlineCategorySchema, { type: 'HotlineCategory' });

export type HotlineCategoryModel = Model<HotlineCategoryDoc>;

export const hotlineCategoryModel = defineModel('HotlineCategory', HotlineCategorySchema);

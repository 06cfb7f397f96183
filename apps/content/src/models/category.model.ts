import { Schema, type Model, type Types } from 'mongoose';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';

/** A category; `parentId` is null for a top-level one (the tree has at most two levels). */
export interface CategoryDoc {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  description: string | null;
  parentId: Types.ObjectId | null;
  position: number;
  createdAt: Date;
}

export const CategorySchema = collectionSchema<CategoryDoc>('categories', {
  slug: required(String, { unique: true }),
  name: required(String),
  description: nullable(String),
  parentId: nullable(Schema.Types.ObjectId),
  position: { type: Number, default: 0 },
  createdAt: required(Date),
});
CategorySchema.index({ parentId: 1, position: 1 });
trackGraphChanges(CategorySchema, { type: 'Category' });

export type CategoryModel = Model<CategoryDoc>;

export const categoryModel = defineModel('Category', CategorySchema);

import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { trackGraphChanges, modelOn } from '@portal/db';

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

export const CategorySchema = new Schema<CategoryDoc>(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    parentId: { type: Schema.Types.ObjectId, default: null },
    position: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
  },
  { collection: 'categories', versionKey: false },
);
CategorySchema.index({ parentId: 1, position: 1 });
trackGraphChanges(CategorySchema, { type: 'Category' });

export type CategoryModel = Model<CategoryDoc>;

export function categoryModel(conn: Connection): CategoryModel {
  return modelOn<CategoryDoc>(conn, 'Category', CategorySchema);
}

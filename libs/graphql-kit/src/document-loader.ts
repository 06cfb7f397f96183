import type DataLoader from 'dataloader';
import type { FilterQuery, Model, Types } from 'mongoose';
import { toObjectIds } from '@portal/db';
import { createByIdLoader } from './loaders';

/**
 * A per-request loader of one model's documents by id, as the graph carries ids (ObjectId
 * strings): one `$in` query per batch, plain objects, null for a missing or malformed id and
 * for a document `visible` refuses (what this viewer may not see).
 */
export function createDocumentLoader<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
  visible: (doc: T) => boolean = () => true,
): DataLoader<string, T | null> {
  return createByIdLoader(
    async (ids) => {
      const filter = { _id: { $in: toObjectIds(ids) } } as FilterQuery<T>;
      const docs = await model.find(filter).lean<T[]>().exec();
      return docs.filter(visible);
    },
    (doc) => doc._id.toHexString(),
  );
}

import type DataLoader from 'dataloader';
import type { Model, Types } from 'mongoose';
import { findByIds, toObjectIds } from '@portal/db';
import { createByIdLoader } from './loaders';

/**
 * A per-request loader of one model's documents by id, as the graph carries ids (ObjectId
 * strings): one `$in` query per batch for the documents not kept (findByIds), plain objects,
 * null for a missing or malformed id and for a document `visible` refuses (what this viewer
 * may not see).
 */
export function createDocumentLoader<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
  visible: (doc: T) => boolean = () => true,
): DataLoader<string, T | null> {
  return createByIdLoader(
    async (ids) => {
      const docs = await findByIds<T>(model, toObjectIds(ids));
      return docs.filter(visible);
    },
    (doc) => doc._id.toHexString(),
  );
}

import type { Model } from 'mongoose';
import { toObjectId } from './object-id';

/**
 * The document named by `id` as the graph carries it (an ObjectId string), read as a plain
 * object; null when there is none or `id` names none (no query is sent for a malformed id).
 */
export async function findByIdString<T>(model: Model<T>, id: unknown): Promise<T | null> {
  const _id = toObjectId(id);
  return _id ? ((await model.findById(_id).lean<T>().exec()) as T | null) : null;
}

import type { Model } from 'mongoose';
import { badInput } from '@portal/errors';

/** How a root field names one record: by id or by slug, exactly one of the two. */
export interface IdOrSlug {
  id?: string | null;
  slug?: string | null;
}

/**
 * The record `by` names: `byId(id)`, or the one of `model` with that slug (slugs are stored
 * lower-case); BAD_USER_INPUT unless exactly one of id and slug is given.
 */
export async function findByIdOrSlug<T>(
  by: IdOrSlug,
  model: Model<T>,
  byId: (id: string) => Promise<T | null>,
): Promise<T | null> {
  if ((by.id == null) === (by.slug == null))
    throw badInput([{ field: 'id', message: 'give exactly one of id and slug' }]);
  if (by.id) return byId(by.id);
  return (await model
    .findOne({ slug: String(by.slug).toLowerCase() })
    .lean<T>()
    .exec()) as T | null;
}

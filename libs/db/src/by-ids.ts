import type { Model } from 'mongoose';

export interface FindByIdsOptions {
  projection?: Record<string, 0 | 1>;
}

/**
 * The documents with these ids (in no particular order; missing ids are skipped), read as
 * plain objects, with one `{_id: {$in: ids}}` query: MongoDB answers it from the _id index,
 * and so does the embedded FerretDB for up to 500 ids (its patched pushdown, infra/ferretdb;
 * FerretDB 1.x as released scans the collection for it).
 */
export async function findByIds<T>(
  // Any model: the caller names the shape it reads (a projection may narrow it).
  model: Model<any>,
  ids: readonly unknown[],
  options: FindByIdsOptions = {},
): Promise<T[]> {
  const unique = [...new Map(ids.map((id) => [String(id), id])).values()];
  if (unique.length === 0) return [];
  return model
    .find({ _id: { $in: unique } }, options.projection ?? null)
    .lean<T[]>()
    .exec() as Promise<T[]>;
}

import type { Model } from 'mongoose';
import { cachedDocuments, pageCacheOf } from './page-cache';

export interface FindByIdsOptions {
  projection?: Record<string, 0 | 1>;
}

/**
 * The documents with these ids (in no particular order; missing ids are skipped), read as
 * plain objects, with one `{_id: {$in: ids}}` query: MongoDB answers it from the _id index,
 * and so does the embedded FerretDB for up to 500 ids (its patched pushdown, infra/ferretdb;
 * FerretDB 1.x as released scans the collection for it). Documents of a tracked model on a
 * connection with a page cache are kept in Redis until they change (cachedDocuments), and
 * only the others are read.
 */
export async function findByIds<T>(
  // Any model: the caller names the shape it reads (a projection may narrow it).
  model: Model<any>,
  ids: readonly unknown[],
  options: FindByIdsOptions = {},
): Promise<T[]> {
  const byKey = new Map(ids.map((id) => [String(id), id]));
  if (byKey.size === 0) return [];
  const read = (wanted: readonly unknown[]) =>
    model
      .find({ _id: { $in: wanted } }, options.projection ?? null)
      .lean<T[]>()
      .exec() as Promise<T[]>;
  const owner = pageCacheOf(model);
  if (!owner) return read([...byKey.values()]);
  return cachedDocuments<T>(
    owner,
    { collection: model.collection.name, projection: options.projection },
    [...byKey.keys()],
    (missing) => read(missing.map((id) => byKey.get(id))),
  );
}

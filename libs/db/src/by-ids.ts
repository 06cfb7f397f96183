import type { Connection, Model } from 'mongoose';

/** Server kinds whose query planning differs enough to matter for lookups by _id. */
export type ServerKind = 'mongodb' | 'ferretdb';

const kinds = new WeakMap<object, Promise<ServerKind>>();

/** FerretDB 1.x answers `buildInfo` with `ferretdbVersion`, 2.x with a `ferretdb` section. */
function isFerretdb(info: Record<string, unknown>): boolean {
  return 'ferretdbVersion' in info || 'ferretdb' in info;
}

/** Which server a connection talks to. */
export function serverKind(conn: Connection): Promise<ServerKind> {
  const client = conn.getClient();
  let kind = kinds.get(client);
  if (!kind) {
    kind = conn
      .asPromise()
      .then((c) => c.db!.admin().command({ buildInfo: 1 }))
      .then((info) => (isFerretdb(info) ? 'ferretdb' : 'mongodb') as ServerKind);
    // A failed probe is asked again next time rather than remembered.
    kind.catch(() => kinds.delete(client));
    kinds.set(client, kind);
  }
  return kind;
}

/** Lookups one by one run this many at a time. */
const CONCURRENCY = 16;
/** Above this many ids one `$in` query is cheaper than lookups one by one, on any server. */
const MAX_SINGLE_LOOKUPS = 500;

export interface FindByIdsOptions {
  projection?: Record<string, 0 | 1>;
}

/**
 * The documents with these ids (in no particular order; missing ids are skipped), read as
 * plain objects. MongoDB answers `{_id: {$in: ids}}` from the _id index. FerretDB 1.x uses
 * an index only for a lone `{_id: value}` (and only in our patched build, infra/ferretdb);
 * for `$in` it scans the whole collection, so there the ids are looked up one by one, a few
 * at a time, each an index search.
 */
export async function findByIds<T>(
  // Any model: the caller names the shape it reads (a projection may narrow it).
  model: Model<any>,
  ids: readonly unknown[],
  options: FindByIdsOptions = {},
): Promise<T[]> {
  const unique = [...new Map(ids.map((id) => [String(id), id])).values()];
  if (unique.length === 0) return [];
  const projection = options.projection ?? null;
  if (unique.length > MAX_SINGLE_LOOKUPS || (await serverKind(model.db)) === 'mongodb')
    return model
      .find({ _id: { $in: unique } }, projection)
      .lean<T[]>()
      .exec() as Promise<T[]>;
  const found: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const id = unique[next++];
      const doc = await model.findOne({ _id: id }, projection).lean<T>().exec();
      if (doc) found.push(doc);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  return found;
}
